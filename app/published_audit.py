"""`audit published`: re-reads what is actually online and compares it with the database.

The targets are written from frozen releases, but a web server's folder or a portal can be changed
behind the desk's back (a file copied back, a page edited, a withdrawal that never arrived). This
reads the served bytes themselves — the static site's folder, the portal through its GET API
(docs/portal-api.md) — and names every difference: a served file that is not a file of a current
entry's frozen release, any byte of a withdrawn entry still served, a page whose fields are not
the release's or do not pass the engine, removed text anywhere it is served, pages the database
does not know.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import threading
import urllib.parse
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.catalog import site_identity, site_plan
from app.checking import desk_lexicon
from app.db.database import Database
from app.db.models import CatalogAttachment, CatalogEntry, PublishJob, Review
from app.errors import QT_TRANSLATE_NOOP, NotFound, TranslatableError
from app.releases import NOTHING_REVIEWED, entry_release, field_problems, reviewed_texts, shown_texts
from publish.release import PUBLISHED, Release, ReleaseError
from publish.static_site import WITHDRAWN_MARK, Attachment, expected_site, page_name
from review.verify import leaked

PORTAL = "portal"


@dataclass(frozen=True)
class Problem:
    """One difference: `where` is a path in the site folder or a portal address; `what` is Chinese."""

    where: str
    template: str  # QT_TRANSLATE_NOOP("DeskError", …), for the UI to translate
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def what(self) -> str:
        return self.template.format(**self.params)

    def describe(self) -> str:
        return f"{self.where}：{self.what}"


@dataclass
class _Known:
    """An entry as the database says it may be served."""

    index_no: str
    title: str
    live: bool
    release: Release | None
    removed: frozenset[str]
    files: dict[str, str]  # file name on the site → SHA-256 (the release's, or the entry's own)
    field_problems: list[str]
    release_error: str = ""
    on_portal: bool = False  # a push to the portal went through
    portal_pending: bool = False  # a push to the portal is still queued

    @property
    def shas(self) -> set[str]:
        return set(self.files.values())


Progress = Callable[[int, int], None]


def audit_published(
    db: Database,
    cache_dir: Path | None,
    *,
    site: Path | None = None,
    portal: Any = None,  # publish.portal.PortalClient
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Problem]:
    """Every difference between the database and what `site` (a folder) and `portal` serve."""
    if site is not None and not site.is_dir():
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "网站文件夹不存在：{path}"), path=str(site))
    known = _load(db, cache_dir)
    problems: list[Problem] = []
    for entry in known.values():
        if entry.live and entry.release_error:
            problems.append(Problem(entry.index_no, _T_NO_RELEASE, {"reason": entry.release_error}))
    if site is not None:
        problems += _audit_site(site, known, progress, cancel)
        problems += _exact_site_problems(db, site, known, {p.where for p in problems})
    if portal is not None:
        problems += _audit_portal(portal, known, progress, cancel)
    return problems


# -- what the database says ----------------------------------------------------------------------


def _load(db: Database, cache_dir: Path | None) -> dict[str, _Known]:
    known: dict[str, _Known] = {}
    with db.read() as session:
        attachments: dict[int, list[CatalogAttachment]] = {}
        for a in session.scalars(select(CatalogAttachment).order_by(CatalogAttachment.id)):
            attachments.setdefault(a.catalog_entry_id, []).append(a)
        jobs: dict[int, set[str]] = {}
        for entry_id, status in session.execute(
            select(PublishJob.catalog_entry_id, PublishJob.status).where(PublishJob.target == PORTAL)
        ):
            jobs.setdefault(entry_id, set()).add(status)
        lexicons: dict[int, Any] = {}
        for row in session.scalars(select(CatalogEntry).order_by(CatalogEntry.id)):
            live = row.status == "published"
            own = attachments.get(row.id, [])
            files = {f"{row.published_sha256}.pdf": row.published_sha256} if row.published_sha256 else {}
            files |= {Attachment(a.name, a.blob_sha256, a.media_type).file_name: a.blob_sha256 for a in own}
            release, error, problems = None, "", []
            # Entries from a transfer package have no local review: their texts are checked against
            # the lexicon only.
            review = session.get(Review, row.review_id) if row.review_id is not None else None
            texts = reviewed_texts(session, review) if review is not None else NOTHING_REVIEWED
            try:
                release = entry_release(session, row, own)
            except TranslatableError as exc:
                error = exc.message
            if release is not None:
                files = _release_files(release)
                if live:
                    if row.department_id not in lexicons:
                        lexicons[row.department_id] = desk_lexicon(session, row.department_id, cache_dir)
                    problems = field_problems(release, lexicons[row.department_id], texts)
            statuses = jobs.get(row.id, set())
            known[row.index_no] = _Known(
                index_no=row.index_no,
                title=row.title,
                live=live,
                release=release,
                removed=texts.removed,
                files=files,
                field_problems=problems,
                release_error=error,
                on_portal="done" in statuses,
                portal_pending="queued" in statuses,
            )
    return known


def _release_files(release: Release) -> dict[str, str]:
    return {
        (
            f"{f.sha256}.pdf" if f.role == PUBLISHED else Attachment(f.name, f.sha256, f.media_type).file_name
        ): f.sha256
        for f in release.files
    }


# -- the static site -----------------------------------------------------------------------------


def _audit_site(
    folder: Path, known: dict[str, _Known], progress: Progress | None, cancel: threading.Event | None
) -> list[Problem]:
    problems: list[Problem] = []
    live = [k for k in known.values() if k.live]
    users: dict[str, list[_Known]] = {}  # file name → the live entries whose release holds it
    for entry in live:
        for name in entry.files:
            users.setdefault(name, []).append(entry)
    withdrawn_files = {name: k for k in known.values() if not k.live for name in k.files}

    files_dir = folder / "files"
    served = sorted(p for p in files_dir.iterdir() if p.is_file()) if files_dir.is_dir() else []
    pages_dir = folder / "entries"
    pages = sorted(pages_dir.glob("*.html")) if pages_dir.is_dir() else []
    total, done = len(served) + len(pages), 0

    for path in served:
        if cancel is not None and cancel.is_set():
            break
        where = f"files/{path.name}"
        owners = users.get(path.name, [])
        if not owners:
            gone = withdrawn_files.get(path.name)
            if gone is not None:
                problems.append(Problem(where, _T_WITHDRAWN_FILE, {"index_no": gone.index_no}))
            else:
                problems.append(Problem(where, _T_ORPHAN_FILE))
        data = path.read_bytes()
        if owners:
            want = owners[0].files[path.name]
            got = hashlib.sha256(data).hexdigest()
            if got != want:
                problems.append(Problem(where, _T_FILE_HASH, {"got": got[:16], "want": want[:16]}))
        problems += _file_text_problems(where, path.name, data, owners or list(known.values()))
        done += 1
        if progress is not None:
            progress(done, total)

    served_names = {p.name for p in served}
    for entry in live:
        for name in entry.files:
            if name not in served_names:
                problems.append(Problem(f"files/{name}", _T_MISSING_FILE, {"index_no": entry.index_no}))

    by_page = {page_name(k.index_no): k for k in known.values()}
    for path in pages:
        if cancel is not None and cancel.is_set():
            break
        where = f"entries/{path.name}"
        shown = by_page.get(path.name)
        raw = path.read_text(encoding="utf-8", errors="replace")
        if shown is None:
            problems.append(Problem(where, _T_UNKNOWN_PAGE))
        elif shown.live:
            problems += _live_page_problems(where, raw, shown)
        else:
            problems += _withdrawn_page_problems(where, raw, shown)
        done += 1
        if progress is not None:
            progress(done, total)
    page_names = {p.name for p in pages}
    for entry in live:
        if page_name(entry.index_no) not in page_names:
            problems.append(
                Problem(f"entries/{page_name(entry.index_no)}", _T_MISSING_PAGE, {"index_no": entry.index_no})
            )

    problems += _catalog_js_problems(folder / "catalog.js", known)
    return problems


def _exact_site_problems(
    db: Database, folder: Path, known: dict[str, _Known], reported: set[str]
) -> list[Problem]:
    """The site byte for byte against what the desk would write from the frozen releases: a line
    added to a page or to catalog.js, or a file anywhere the desk never wrote, is named. Paths the
    checks above already named are not named twice."""
    expected: dict[str, bytes | str] | None
    try:
        with db.read() as session:
            expected = expected_site(*site_plan(session), site_identity(session))
    except ReleaseError:
        expected = None  # an entry no longer matches its release, reported above: compare names only
    names = set(expected) if expected is not None else _expected_names(known)
    problems = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        where = path.relative_to(folder).as_posix()
        if where in reported:
            continue
        if where not in names:
            problems.append(Problem(where, _T_STRAY_FILE))
            continue
        want = expected.get(where) if expected is not None else None
        if isinstance(want, bytes) and path.read_bytes() != want:
            problems.append(Problem(where, _T_NOT_AS_WRITTEN))
    return problems


def _expected_names(known: dict[str, _Known]) -> set[str]:
    names = {"catalog.js", "index.html", "site.css"}
    names |= {f"entries/{page_name(k.index_no)}" for k in known.values()}
    return names | {f"files/{name}" for k in known.values() if k.live for name in k.files}


class _Page(HTMLParser):
    """The parts of an entry page the audit compares: the metadata table, 内容概述, file links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, str] = {}
        self.links: list[str] = []
        self.text: list[str] = []
        self.withdrawn_mark = False
        self.summary: str | None = None
        self._cell: str | None = None  # "th" / "td" while inside one
        self._th, self._td = "", ""
        self._h2, self._in_h2, self._in_p = "", False, False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "main" and WITHDRAWN_MARK in (values.get("class") or "").split():
            self.withdrawn_mark = True
        elif tag in ("th", "td"):
            self._cell = tag
        elif tag == "tr":
            self._th, self._td = "", ""
        elif tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        elif tag == "h2":
            self._in_h2, self._h2 = True, ""
        elif tag == "p" and self._h2 == "内容概述" and self.summary is None:
            self._in_p, self.summary = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            self._cell = None
        elif tag == "tr" and self._th:
            self.fields[self._th.strip()] = self._td.strip()
        elif tag == "h2":
            self._in_h2 = False
        elif tag == "p" and self._in_p:
            self._in_p, self._h2 = False, ""

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell == "th":
            self._th += data
        elif self._cell == "td":
            self._td += data
        if self._in_h2:
            self._h2 += data
        if self._in_p and self.summary is not None:
            self.summary += data


def _parse(raw: str) -> _Page:
    page = _Page()
    page.feed(raw)
    page.close()
    return page


def _page_fields(release: Release) -> dict[str, str]:
    """What the entry page shows of each field (as publish/static_site writes it)."""
    return {
        "信息名称": release.title,
        "发布机构": release.publisher,
        "成文日期": release.written_on or "—",
        "发文字号": release.doc_number or "—",
        "主题分类": release.category,
        "公文种类": release.doc_type or "—",
        "主题词": "、".join(release.keywords) or "—",
    }


def _live_page_problems(where: str, raw: str, entry: _Known) -> list[Problem]:
    page = _parse(raw)
    problems = []
    if page.withdrawn_mark:
        problems.append(Problem(where, _T_LIVE_SHOWN_WITHDRAWN, {"index_no": entry.index_no}))
    if entry.release is not None:
        differing = [
            label for label, want in _page_fields(entry.release).items() if page.fields.get(label, "") != want
        ]
        if (page.summary or "") != entry.release.summary:
            differing.append("内容概述")
        if differing:
            problems.append(Problem(where, _T_PAGE_FIELDS, {"fields": "、".join(differing)}))
        linked = {_file_name(link) for link in page.links if "files/" in link}
        if linked != set(entry.files):
            problems.append(Problem(where, _T_PAGE_LINKS))
    for problem in entry.field_problems:
        problems.append(Problem(where, _T_FIELD_CHECK, {"problem": problem}))
    problems += _removed_in(where, _served_text(raw, page), entry.removed)
    return problems


def _withdrawn_page_problems(where: str, raw: str, entry: _Known) -> list[Problem]:
    page = _parse(raw)
    content = (
        any("files/" in link for link in page.links)
        or page.summary is not None
        or not page.withdrawn_mark
        or any(label in page.fields for label in ("主题词", "发文字号", "发布机构"))
    )
    problems = [Problem(where, _T_WITHDRAWN_PAGE, {"index_no": entry.index_no})] if content else []
    return problems + _removed_in(where, _served_text(raw, page), entry.removed)


def _catalog_js_problems(path: Path, known: dict[str, _Known]) -> list[Problem]:
    """The front page's data: no withdrawn or unknown entry, no removed text."""
    if not path.exists():
        return []
    raw = path.read_text(encoding="utf-8", errors="replace")
    match = re.match(r"\s*window\.CATALOG\s*=\s*(.*?);?\s*$", raw, re.S)
    try:
        rows = json.loads(match.group(1)) if match else None
    except ValueError:
        rows = None
    if not isinstance(rows, list):
        return [Problem("catalog.js", _T_CATALOG_JS_UNREADABLE)]
    problems = []
    for row in rows:
        index_no = str(row.get("i", "")) if isinstance(row, dict) else ""
        entry = known.get(index_no)
        if entry is None:
            problems.append(Problem("catalog.js", _T_CATALOG_JS_UNKNOWN, {"index_no": index_no}))
            continue
        if not entry.live:
            problems.append(Problem("catalog.js", _T_CATALOG_JS_WITHDRAWN, {"index_no": index_no}))
        problems += _removed_in("catalog.js", json.dumps(row, ensure_ascii=False), entry.removed)
    return problems


def _file_name(link: str) -> str:
    return urllib.parse.unquote(link.rsplit("/", 1)[-1].split("#", 1)[0].split("?", 1)[0])


def _served_text(raw: str, page: _Page) -> str:
    """The page as a visitor and a crawler read it: its text, and its source with entities decoded
    (attributes and comments included)."""
    return "".join(page.text) + "\n" + html.unescape(raw)


# -- the portal ----------------------------------------------------------------------------------


def _audit_portal(
    client: Any, known: dict[str, _Known], progress: Progress | None, cancel: threading.Event | None
) -> list[Problem]:
    base = client.base_url
    problems: list[Problem] = []
    listed = set(client.entries())
    for index_no in sorted(listed - set(known)):
        problems.append(Problem(_entry_url(base, index_no), _T_PORTAL_UNKNOWN))
    checked = [k for k in known.values() if k.index_no in listed or k.on_portal]
    live_shas = {sha for k in known.values() if k.live for sha in k.shas}
    for number, entry in enumerate(checked, start=1):
        if cancel is not None and cancel.is_set():
            break
        where = _entry_url(base, entry.index_no)
        status = client.status(entry.index_no)
        if entry.live:
            if status is None:
                if not entry.portal_pending:
                    problems.append(Problem(where, _T_PORTAL_MISSING))
            elif status.get("status") != "published":
                problems.append(Problem(where, _T_PORTAL_SHOWN_WITHDRAWN))
            else:
                problems += _portal_entry_problems(client, where, status, entry)
        else:
            if status is not None and status.get("status") != "withdrawn":
                problems.append(Problem(where, _T_PORTAL_STILL_PUBLISHED, {"index_no": entry.index_no}))
            for sha in sorted(entry.shas - live_shas):
                if client.file(sha) is not None:
                    problems.append(
                        Problem(_file_url(base, sha), _T_WITHDRAWN_FILE, {"index_no": entry.index_no})
                    )
        if progress is not None:
            progress(number, len(checked))
    return problems


def _portal_entry_problems(client: Any, where: str, status: dict[str, Any], entry: _Known) -> list[Problem]:
    problems = []
    release = entry.release
    if release is not None:
        shown = {
            "信息名称": (status.get("title"), release.title),
            "发布机构": (status.get("publisher"), release.publisher),
            "成文日期": (status.get("written_on") or "", release.written_on),
            "发文字号": (status.get("doc_number") or "", release.doc_number),
            "主题分类": (status.get("category"), release.category),
            "公文种类": (status.get("doc_type") or "", release.doc_type),
            "主题词": (list(status.get("keywords") or []), list(release.keywords)),
            "内容概述": (status.get("summary") or "", release.summary),
        }
        differing = [label for label, (have, want) in shown.items() if have != want]
        if differing:
            problems.append(Problem(where, _T_PAGE_FIELDS, {"fields": "、".join(differing)}))
        published = release.published_file
        portal_files = {str((status.get("file") or {}).get("sha256") or "")} - {""}
        portal_files |= {str(a.get("sha256")) for a in status.get("attachments") or []}
        if portal_files != {f.sha256 for f in release.files} or (
            published is not None and status.get("file_sha256") != published.sha256
        ):
            problems.append(Problem(where, _T_PAGE_LINKS))
    for problem in entry.field_problems:
        problems.append(Problem(where, _T_FIELD_CHECK, {"problem": problem}))
    problems += _removed_in(where, json.dumps(status, ensure_ascii=False), entry.removed)
    for name, sha in sorted(entry.files.items()):
        url = _file_url(client.base_url, sha)
        data = client.file(sha)
        if data is None:
            problems.append(Problem(url, _T_MISSING_FILE, {"index_no": entry.index_no}))
            continue
        got = hashlib.sha256(data).hexdigest()
        if got != sha:
            problems.append(Problem(url, _T_FILE_HASH, {"got": got[:16], "want": sha[:16]}))
        problems += _file_text_problems(url, name, data, [entry])
    return problems


def _entry_url(base: str, index_no: str) -> str:
    return f"{base}/api/v1/entries/{urllib.parse.quote(index_no, safe='')}"


def _file_url(base: str, sha: str) -> str:
    return f"{base}/api/v1/files/{sha}"


# -- text ----------------------------------------------------------------------------------------


def _file_text_problems(where: str, name: str, data: bytes, owners: Iterable[_Known]) -> list[Problem]:
    """Removed text of the entries serving the file, searched in every text the engine reads of it
    (hidden channels too): a file whose hash differs may be an earlier, unredacted form."""
    removed = frozenset().union(*(o.removed for o in owners))
    if not removed:
        return []
    text = _file_text(name, data)
    if text is None:
        if name.lower().endswith(".pdf"):
            return [Problem(where, _T_FILE_UNREADABLE)]
        return []
    return _removed_in(where, text, removed, file=True)


def _file_text(name: str, data: bytes) -> str | None:
    from review.extract.dispatch import extract_any

    try:
        return "\n".join(s.text for s in extract_any(name, data).streams)
    except Exception:  # a damaged or foreign file: the hash check already names it
        return None


def _removed_in(where: str, text: str, removed: Collection[str], *, file: bool = False) -> list[Problem]:
    """Removed texts a page or record shows, judged as the release judged its fields before they
    went out (`releases.shown_texts`), or a served file holds, as verification judged the file
    (`verify.leaked`): what is online is held to the checks that let it out."""
    found = sorted(leaked(text, removed) if file else shown_texts(text, removed))
    if not found:
        return []
    return [Problem(where, _T_REMOVED_TEXT, {"texts": "、".join(_hint(t) for t in found)})]


def _hint(text: str) -> str:
    """A removed text as the list may show it: its first character and its length, never the text."""
    return f"{text[:1]}{'*' * (len(text) - 1)}（{len(text)}字）"


_T_NO_RELEASE = QT_TRANSLATE_NOOP("DeskError", "条目没有可核对的冻结发布内容：{reason}")
_T_STRAY_FILE = QT_TRANSLATE_NOOP("DeskError", "网站上有审发台没有写出的文件")
_T_NOT_AS_WRITTEN = QT_TRANSLATE_NOOP("DeskError", "内容与审发台按冻结的发布内容写出的不一致（被改动过）")
_T_WITHDRAWN_FILE = QT_TRANSLATE_NOOP("DeskError", "已撤回条目“{index_no}”的文件仍在提供")
_T_ORPHAN_FILE = QT_TRANSLATE_NOOP("DeskError", "没有任何现行条目使用此文件，却仍在提供")
_T_FILE_HASH = QT_TRANSLATE_NOOP(
    "DeskError", "文件内容与冻结的发布内容不一致（SHA-256 为 {got}…，应为 {want}…）"
)
_T_MISSING_FILE = QT_TRANSLATE_NOOP("DeskError", "缺少条目“{index_no}”发布的文件")
_T_FILE_UNREADABLE = QT_TRANSLATE_NOOP("DeskError", "无法读取文件内容，未能核对其中的文字")
_T_UNKNOWN_PAGE = QT_TRANSLATE_NOOP("DeskError", "数据库中没有此页面对应的条目")
_T_MISSING_PAGE = QT_TRANSLATE_NOOP("DeskError", "缺少条目“{index_no}”的页面")
_T_LIVE_SHOWN_WITHDRAWN = QT_TRANSLATE_NOOP("DeskError", "条目“{index_no}”仍在公开，页面却显示已撤回")
_T_PAGE_FIELDS = QT_TRANSLATE_NOOP("DeskError", "所示的{fields}与冻结的发布内容不一致")
_T_PAGE_LINKS = QT_TRANSLATE_NOOP("DeskError", "所链接的文件与冻结的发布内容不一致")
_T_FIELD_CHECK = QT_TRANSLATE_NOOP("DeskError", "目录字段未通过检查：{problem}")
_T_REMOVED_TEXT = QT_TRANSLATE_NOOP("DeskError", "含有审查时删除的内容：{texts}")
_T_WITHDRAWN_PAGE = QT_TRANSLATE_NOOP("DeskError", "已撤回条目“{index_no}”的页面仍显示内容")
_T_CATALOG_JS_UNREADABLE = QT_TRANSLATE_NOOP("DeskError", "目录数据无法读取")
_T_CATALOG_JS_UNKNOWN = QT_TRANSLATE_NOOP("DeskError", "目录列表中有数据库中没有的条目“{index_no}”")
_T_CATALOG_JS_WITHDRAWN = QT_TRANSLATE_NOOP("DeskError", "目录列表中仍有已撤回的条目“{index_no}”")
_T_PORTAL_UNKNOWN = QT_TRANSLATE_NOOP("DeskError", "门户上的这个条目在数据库中没有")
_T_PORTAL_MISSING = QT_TRANSLATE_NOOP("DeskError", "已推送到门户的条目在门户上不存在")
_T_PORTAL_SHOWN_WITHDRAWN = QT_TRANSLATE_NOOP("DeskError", "条目仍在公开，门户上却是已撤回状态")
_T_PORTAL_STILL_PUBLISHED = QT_TRANSLATE_NOOP("DeskError", "已撤回条目“{index_no}”在门户上仍在公开")
