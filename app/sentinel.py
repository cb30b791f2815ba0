"""The site sentinel for the online machine (`sentinel run`, on a schedule: docs/sentinel.md).

One run does what a website inspection does, from the desk's side:
- `audit published` over the static site (and the portal): served bytes against the releases;
- every outside link in published pages and files: dead (an HTTP error, a timeout, a name that
  does not resolve) or changed (content hash other than when the sentinel last saw it; the
  hashes are kept in `sentinel_links`). A bounded pool of workers, a timeout per request, a cap
  on bytes read; addresses in private ranges are never requested unless configured (a published
  link must not make the online machine probe the intranet) — checked on every redirect too;
- the staleness of each 栏目 (主题分类) against a threshold in days. The inspection rule
  (《政府网站与政务新媒体检查指标》, 国办秘函〔2019〕19号, after the 全国政府网站普查评分表 of
  国办发〔2015〕15号): 动态、要闻类栏目 not updated within 2 weeks, 通知公告、政策文件类栏目 within
  6 months, 5 or more such 栏目 → 单项否决. The catalog's 栏目 are policy documents: 183 days by
  default, 14 for a 栏目 named in `fast_sections`.

Each run is kept (`sentinel_runs`, `sentinel_findings`); `inspection` turns one into the figures of
the 自查报告 (publish/self_inspection.py).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import html.parser
import ipaddress
import json
import logging
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import desk_day
from app.atomic import write_bytes_atomic
from app.catalog import site_identity
from app.db.database import Database
from app.db.models import CatalogEntry, Department, utcnow
from app.db.models_recheck import RecheckHit, RecheckRun
from app.db.models_sentinel import SentinelFinding, SentinelLink, SentinelRun
from app.errors import QT_TRANSLATE_NOOP, NotFound
from publish import bounded_http
from publish import self_inspection as report
from publish.static_site import SITE_TITLE

log = logging.getLogger(__name__)

POLICY_DAYS, NEWS_DAYS = 183, 14  # 6 months and 2 weeks (国办秘函〔2019〕19号)
STALE_VETO = 5  # 栏目 not updated: 5 or more is a 单项否决
MAX_BODY = 5 * 1024 * 1024  # bytes of a linked page read and hashed
LINK_DEADLINE = 3  # a link's whole request, redirects included, ends within this many timeouts
PUBLISHED, DEAD, CHANGED, STALE = "published", "dead_link", "changed_link", "stale_section"
CLEAN, PROBLEMS, FAILED = "clean", "problems", "failed"

_URL = re.compile(r"https?://[^\s<>\"'，。；、）)】》]+", re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    site: Path | None = None  # the static site's folder, as the web server serves it
    portal: Any = None  # publish.portal.PortalClient
    stale_days: int = POLICY_DAYS
    fast_sections: frozenset[str] = frozenset()  # 动态、要闻类栏目: NEWS_DAYS
    allow_private: bool = False
    timeout: float = 10.0
    workers: int = 8
    max_links: int = 5000
    today: dt.date | None = None


@dataclass(frozen=True)
class Finding:
    kind: str
    place: str
    detail: dict[str, Any]


@dataclass
class Outcome:
    run_id: int
    outcome: str
    findings: list[Finding] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)


# -- the run -------------------------------------------------------------------------------------


def run(db: Database, cache_dir: Path | None, options: Options) -> Outcome:
    """One sentinel run, kept in the database; an error that stops it is kept as a failed run and raised."""
    if options.site is not None and not options.site.is_dir():
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "网站文件夹不存在：{path}"), path=str(options.site))
    with db.write() as session:
        row = SentinelRun(site=str(options.site or ""), outcome="running")
        session.add(row)
        session.flush()
        run_id = row.id
    try:
        findings, figures = _inspect(db, cache_dir, options)
    except Exception as exc:
        with db.write() as session:
            failed = session.get_one(SentinelRun, run_id)
            failed.outcome, failed.error, failed.finished_at = FAILED, str(exc), utcnow()
        raise
    outcome = PROBLEMS if findings else CLEAN
    with db.write() as session:
        done = session.get_one(SentinelRun, run_id)
        done.outcome, done.finished_at = outcome, utcnow()
        done.figures = json.dumps(figures, ensure_ascii=False, sort_keys=True)
        session.add_all(
            SentinelFinding(
                run_id=run_id, kind=f.kind, place=f.place, detail=json.dumps(f.detail, ensure_ascii=False)
            )
            for f in findings
        )
    return Outcome(run_id, outcome, findings, figures)


def _inspect(db: Database, cache_dir: Path | None, options: Options) -> tuple[list[Finding], dict[str, Any]]:
    from app.published_audit import audit_published

    today = options.today or desk_day.today()
    findings: list[Finding] = []
    if options.site is not None or options.portal is not None:
        for problem in audit_published(db, cache_dir, site=options.site, portal=options.portal):
            findings.append(Finding(PUBLISHED, problem.where, {"what": problem.what}))
    links = outside_links(options.site, cache_dir) if options.site is not None else {}
    checked = check_links(list(links)[: options.max_links], options)
    link_findings = _compare_links(db, checked, links)
    findings += link_findings
    sections = section_ages(db, today, options)
    findings += [Finding(STALE, s.name, s.detail()) for s in sections if s.stale]
    figures = {
        "today": today.isoformat(),
        "site": str(options.site or ""),
        "pages": _count(options.site, "entries", "*.html"),
        "files": _count(options.site, "files", "*"),
        "links": len(links),
        "links_checked": sum(1 for c in checked if c.status != "private"),
        "links_private": sum(1 for c in checked if c.status == "private"),
        "links_over_cap": max(0, len(links) - options.max_links),
        "sections": len(sections),
        "stale_days": options.stale_days,
        "fast_sections": sorted(options.fast_sections),
        "timeout": options.timeout,
    }
    return findings, figures


def _count(site: Path | None, sub: str, pattern: str) -> int:
    folder = site / sub if site is not None else None
    return sum(1 for _ in folder.glob(pattern)) if folder is not None and folder.is_dir() else 0


# -- outside links ---------------------------------------------------------------------------------


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value and _URL.fullmatch(value.strip()):
                self.urls.append(value.strip())

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def outside_links(site: Path, cache_dir: Path | None = None) -> dict[str, set[str]]:
    """Every absolute http(s) address in the site's pages (links, and addresses written in the
    text) and in the text of its PDFs, each with the site paths it appears in. A PDF's addresses are
    kept in `cache_dir` by the SHA-256 of its bytes: a nightly run parses only the new files."""
    found: dict[str, set[str]] = {}

    def add(urls: Iterable[str], where: str) -> None:
        for url in urls:
            found.setdefault(url.rstrip(".,;:"), set()).add(where)

    for page in sorted([site / "index.html", *(site / "entries").glob("*.html")]):
        if not page.is_file():
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        where = page.relative_to(site).as_posix()
        add(parser.urls, where)
        add(_URL.findall("".join(parser.text)), where)
    for pdf in sorted((site / "files").glob("*.pdf")):
        add(_cached_pdf_urls(pdf.read_bytes(), cache_dir), pdf.relative_to(site).as_posix())
    return found


def _cached_pdf_urls(data: bytes, cache_dir: Path | None) -> list[str]:
    if cache_dir is None:
        return _pdf_urls(data)
    kept = cache_dir / "sentinel-pdf-links" / f"{hashlib.sha256(data).hexdigest()}.json"
    try:
        return [str(u) for u in json.loads(kept.read_text(encoding="utf-8"))]
    except (OSError, ValueError):
        urls = _pdf_urls(data)
    kept.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(kept, json.dumps(urls, ensure_ascii=False).encode("utf-8"))
    return urls


def _pdf_urls(data: bytes) -> list[str]:
    import pymupdf

    from review.mupdf import LOCK

    urls: list[str] = []
    with LOCK:
        try:
            doc = pymupdf.open(stream=data, filetype="pdf")
        except (RuntimeError, ValueError):
            return []
        with doc:
            for page in doc.pages():
                urls += _URL.findall(page.get_text())
                urls += [
                    str(link["uri"]) for link in page.get_links() if _URL.fullmatch(str(link.get("uri", "")))
                ]
    return urls


@dataclass(frozen=True)
class Checked:
    url: str
    status: str  # the HTTP status, or timeout / dns / refused / error / private
    sha256: str = ""  # of the body (its first MAX_BODY bytes), when it answered
    final_url: str = ""  # where it answered from, after redirects

    @property
    def dead(self) -> bool:
        return self.status not in ("private",) and not (self.status.isdigit() and int(self.status) < 400)


class _PrivateAddress(urllib.error.URLError):
    pass


def _private(host: str) -> bool:
    """Whether `host` is, or resolves to, an address that is not on the public internet."""
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        addresses = {
            ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in socket.getaddrinfo(host, None)
        }
    return any(not a.is_global for a in addresses)


def _refuse_private_peer(address: str) -> None:
    """The address a connection reached, judged again: a name that resolved to a public address
    when it was checked may resolve to an internal one when urllib connects (DNS rebinding)."""
    if not ipaddress.ip_address(address.split("%")[0]).is_global:
        raise _PrivateAddress(f"connected to a private address: {address}")


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is followed only where the first address could go: never into private ranges."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        host = urllib.parse.urlsplit(newurl).hostname or ""
        if not self.allow_private and _private(host):
            raise _PrivateAddress(f"redirect to a private address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_one(url: str, options: Options) -> Checked:
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        if not options.allow_private and _private(host):
            return Checked(url, "private")
        # One deadline for the address and its redirects: a server sending a byte now and then
        # would otherwise hold a worker for as long as it likes.
        opener = bounded_http.opener(
            options.timeout * LINK_DEADLINE,
            _GuardedRedirects(options.allow_private),
            peer=None if options.allow_private else _refuse_private_peer,
        )
        request = urllib.request.Request(url, headers={"User-Agent": "DisclosureDesk-sentinel/1"})
        with opener.open(request, timeout=options.timeout) as response:
            body = response.read(MAX_BODY)
            return Checked(url, str(response.status), hashlib.sha256(body).hexdigest(), response.geturl())
    except _PrivateAddress:
        return Checked(url, "private")
    except urllib.error.HTTPError as exc:
        # A redirect that reaches here is a loop, one too many, or to a scheme not followed (file:):
        # a dead link to every browser, not an answer.
        return Checked(url, "redirects" if 300 <= exc.code < 400 else str(exc.code))
    except socket.gaierror:
        return Checked(url, "dns")
    except urllib.error.URLError as exc:
        return Checked(url, "private" if isinstance(exc.reason, _PrivateAddress) else _reason(exc.reason))
    except TimeoutError:
        return Checked(url, "timeout")
    except (OSError, ValueError) as exc:
        return Checked(url, _reason(exc))


def _reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "dns"
    if isinstance(reason, TimeoutError):
        return "timeout"
    if isinstance(reason, ConnectionRefusedError):
        return "refused"
    return "error"


def check_links(urls: list[str], options: Options) -> list[Checked]:
    """Each address requested once, at most `options.workers` at a time."""
    if not urls:
        return []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.workers)) as pool:
        return list(pool.map(lambda url: check_one(url, options), urls))


def _compare_links(db: Database, checked: list[Checked], places: Mapping[str, set[str]]) -> list[Finding]:
    """Dead and changed links; what each answered is kept for the next run to compare with."""
    findings: list[Finding] = []
    now = utcnow()
    with db.write() as session:
        for c in checked:
            where = sorted(places.get(c.url, ()))
            if c.status == "private":
                continue
            key = hashlib.sha256(c.url.encode("utf-8")).hexdigest()
            seen = session.scalar(select(SentinelLink).where(SentinelLink.url_sha256 == key))
            if seen is None:
                seen = SentinelLink(url_sha256=key, url=c.url, first_seen_at=now)
                session.add(seen)
            if c.dead:
                findings.append(Finding(DEAD, c.url, {"status": c.status, "pages": where}))
            elif seen.content_sha256 and seen.content_sha256 != c.sha256:
                findings.append(
                    Finding(
                        CHANGED, c.url, {"before": seen.content_sha256, "after": c.sha256, "pages": where}
                    )
                )
            if not c.dead:
                seen.content_sha256 = c.sha256
            seen.last_status, seen.last_checked_at = c.status, now
    return findings


# -- 栏目 staleness --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    name: str
    last: dt.date | None  # the last 发布日期 of a live entry; None: every entry withdrawn (空白栏目)
    threshold: int
    today: dt.date

    @property
    def days(self) -> int | None:
        return (self.today - self.last).days if self.last is not None else None

    @property
    def stale(self) -> bool:
        return self.days is None or self.days > self.threshold

    def detail(self) -> dict[str, Any]:
        return {
            "last": self.last.isoformat() if self.last else None,
            "days": self.days,
            "threshold": self.threshold,
        }


def section_ages(db: Database, today: dt.date, options: Options) -> list[Section]:
    """Each 栏目 the catalog has ever published into, with its last update among live entries."""
    live = func.max(CatalogEntry.published_on).filter(CatalogEntry.status == "published")
    with db.read() as session:
        rows = session.execute(
            select(CatalogEntry.category, live)
            .group_by(CatalogEntry.category)
            .order_by(CatalogEntry.category)
        ).all()
    return [
        Section(name, last, NEWS_DAYS if name in options.fast_sections else options.stale_days, today)
        for name, last in rows
    ]


# -- the 自查报告's figures ---------------------------------------------------------------------------


def last_run(db: Database) -> int | None:
    with db.read() as session:
        return session.scalar(
            select(SentinelRun.id)
            .where(SentinelRun.outcome.in_((CLEAN, PROBLEMS)))
            .order_by(SentinelRun.id.desc())
        )


def inspection(db: Database, run_id: int, site_url: str = "") -> report.Inspection:
    """The figures of the 自查报告 from a finished run (and the last whole-catalog re-check, if any)."""
    with db.read() as session:
        row = session.get(SentinelRun, run_id)
        if row is None or row.finished_at is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "没有编号为 {run} 的已完成巡检。"), run=run_id)
        figures = json.loads(row.figures)
        found = list(
            session.scalars(
                select(SentinelFinding).where(SentinelFinding.run_id == run_id).order_by(SentinelFinding.id)
            )
        )
        identity = site_identity(session)
        departments = session.scalars(select(Department.name).order_by(Department.id)).all()
        recheck = _recheck(session)
        started, finished = row.started_at, row.finished_at

    def items(kind: str) -> tuple[report.Item, ...]:
        return tuple(_item(f.kind, f.place, json.loads(f.detail)) for f in found if f.kind == kind)

    return report.Inspection(
        site_name=f"{identity.department}{SITE_TITLE}" if identity.department else SITE_TITLE,
        organiser=identity.department or "、".join(departments),
        address=site_url or figures.get("site", ""),
        started=started,
        finished=finished,
        pages=int(figures.get("pages", 0)),
        files=int(figures.get("files", 0)),
        links=int(figures.get("links", 0)),
        links_checked=int(figures.get("links_checked", 0)),
        links_private=int(figures.get("links_private", 0)),
        sections=int(figures.get("sections", 0)),
        stale_days=int(figures.get("stale_days", POLICY_DAYS)),
        published=items(PUBLISHED),
        dead_links=items(DEAD),
        changed_links=items(CHANGED),
        stale_sections=items(STALE),
        recheck=recheck,
    )


_STATUS = {
    "timeout": "超时",
    "dns": "域名无法解析",
    "refused": "拒绝连接",
    "error": "无法连接",
    "redirects": "重定向循环、过多或指向非网页地址",
}


def _item(kind: str, place: str, detail: dict[str, Any]) -> report.Item:
    if kind == PUBLISHED:
        return report.Item(place, str(detail.get("what", "")))
    pages = "、".join(detail.get("pages", []))
    if kind == DEAD:
        status = str(detail.get("status", ""))
        what = f"HTTP {status}" if status.isdigit() else _STATUS.get(status, status)
        return report.Item(place, f"{what}（所在：{pages}）")
    if kind == CHANGED:
        return report.Item(place, f"内容与上次所见不同（所在：{pages}），请核对链接是否仍指向原内容")
    if detail.get("last") is None:
        return report.Item(place, "栏目内条目均已撤回，现为空白栏目")
    return report.Item(
        place, f"最后更新 {detail['last']}，已 {detail['days']} 天未更新（阈值 {detail['threshold']} 天）"
    )


def _recheck(session: Any) -> report.Recheck | None:
    """The last finished whole-catalog re-check (app/recheck.py): its hits by category."""
    from app.recheck import DONE

    done = session.scalars(
        select(RecheckRun).where(RecheckRun.status == DONE).order_by(RecheckRun.id.desc()).limit(1)
    ).first()
    if done is None or done.finished_at is None:
        return None
    rows = session.execute(
        select(RecheckHit.category, func.count(), func.count(func.distinct(RecheckHit.catalog_entry_id)))
        .where(RecheckHit.run_id == done.id)
        .group_by(RecheckHit.category)
        .order_by(RecheckHit.category)
    ).all()
    return report.Recheck(
        finished=done.finished_at,
        mode=done.mode,
        by_category=tuple((str(category), int(hits), int(entries)) for category, hits, entries in rows),
    )
