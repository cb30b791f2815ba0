"""The static catalog site (信息公开目录), the embedded default publishing target.

A folder that works from file:// and from any static web server: index.html with filters and
search (the data is a script file, so no fetch is needed), one page per entry with its metadata
table and the published PDF. Updates are incremental — a page is rewritten only when its content
changed — and every file is written atomically. A withdrawn entry leaves a small 已撤回 page and
none of its bytes: every file no live entry uses is removed. An update cut short by a crash leaves
old and new pages side by side and perhaps a temporary file; the next update removes the temporary
files (`remove_temporary`) and finishes the rest, since the whole site follows from the catalog.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from publish.catalog import Validity
from publish.files import PUBLIC, write_atomic

SITE_TITLE = "政府信息公开目录"


@dataclass(frozen=True)
class SiteIdentity:
    """Whose site it is: the department in the header, and the footer a government website carries
    (主办单位, 网站标识码, ICP and 公安 filing numbers, contact). Empty parts are left out."""

    department: str = ""
    sponsor: str = ""  # 主办单位
    site_code: str = ""  # 网站标识码
    icp: str = ""  # ICP备案号
    police: str = ""  # 公安机关备案号
    contact: str = ""  # 联系方式


def _header(identity: SiteIdentity, home: str) -> str:
    name = f"{identity.department} {SITE_TITLE}" if identity.department else SITE_TITLE
    return f'<header><a href="{home}">{html.escape(name)}</a></header>'


def _footer(identity: SiteIdentity) -> str:
    parts = [
        (label, value)
        for label, value in (
            ("主办单位", identity.sponsor or identity.department),
            ("网站标识码", identity.site_code),
            ("ICP备案号", identity.icp),
            ("公安机关备案号", identity.police),
            ("联系方式", identity.contact),
        )
        if value
    ]
    if not parts:
        return ""
    items = "".join(f"<span>{html.escape(k)}：{html.escape(v)}</span>" for k, v in parts)
    return f"<footer>{items}</footer>"


_TEMPORARY = re.compile(r"\..+\.tmp")  # publish.files.atomic_file's temporary names


@dataclass(frozen=True)
class Link:
    """Another catalog entry: an interpretation, or the document an interpretation explains."""

    index_no: str
    title: str


@dataclass(frozen=True)
class Attachment:
    """A file published beside the PDF as it is (an interpretation's audio or video)."""

    name: str
    sha256: str
    media_type: str

    @property
    def file_name(self) -> str:
        suffix = re.sub(r"[^0-9A-Za-z.]", "", PurePath(self.name).suffix.lower())
        return f"{self.sha256}{suffix}"


@dataclass(frozen=True)
class SiteEntry:
    index_no: str
    title: str
    publisher: str
    written_on: str
    published_on: str
    doc_number: str
    category: str
    doc_type: str
    keywords: tuple[str, ...]
    summary: str
    disclosure: str
    scope: str
    validity: str
    pdf_sha256: str
    form: str = ""  # 解读形式, for an interpretation
    interprets: Link | None = None
    interpretations: tuple[Link, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    on_request: bool = False  # 依申请公开: a catalog line saying how to apply, no file and no body text
    release_sha256: str = ""  # the frozen release this entry publishes
    # 规章/规范性文件 only (empty otherwise): 施行日期 and 有效期至 from the release, and for 已修改 when
    # and by which document (entry state, like 有效性). Dates are ISO.
    effective_on: str = ""
    valid_until: str = ""
    amended_on: str = ""
    amended_by: str = ""


def page_name(index_no: str) -> str:
    """A file name for an entry, unique and safe for any 索引号: characters file systems or URLs refuse
    are replaced, and then a digest of the whole number keeps 示医保/2026-00001 and 示民政/2026-00001
    (both "_2026-00001") apart."""
    safe = re.sub(r"[^0-9A-Za-z._-]+", "_", index_no).strip(".")
    if safe == index_no:
        return f"{safe}.html"
    return f"{safe}-{hashlib.sha256(index_no.encode('utf-8')).hexdigest()[:12]}.html"


def _sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except FileNotFoundError:
        return None


def _write_atomic(path: Path, data: bytes) -> bool:
    """Writes only when the content differs; returns whether it wrote. Site files are world-readable:
    the web server serving them usually runs as another user."""
    if path.exists() and path.read_bytes() == data:
        return False
    write_atomic(path, data, PUBLIC)
    return True


class StaticSite:
    def __init__(self, folder: Path, identity: SiteIdentity = SiteIdentity()) -> None:
        self.folder, self.identity = folder, identity

    def publish(self, entry: SiteEntry, load: Callable[[str], bytes]) -> list[Path]:
        """Writes the entry's page, and its PDF and attachments unless already there intact.

        Files are named by their SHA-256; `load(sha256)` is asked only for one missing or damaged
        on disk, so an update does not read every published file again. Returns what changed.
        """
        changed = []
        names = [(f"{entry.pdf_sha256}.pdf", entry.pdf_sha256)] if entry.pdf_sha256 else []
        names += [(a.file_name, a.sha256) for a in entry.attachments]
        for name, sha in names:
            path = self.folder / "files" / name
            if _sha256_of(path) == sha:
                continue
            data = load(sha)
            if hashlib.sha256(data).hexdigest() != sha:
                raise ValueError("a file is not the verified one")  # the caller checked; never publish others
            _write_atomic(path, data)
            changed.append(path)
        page = self.folder / "entries" / page_name(entry.index_no)
        if _write_atomic(page, _entry_page(entry, self.identity).encode("utf-8")):
            changed.append(page)
        return changed

    def withdraw(self, entry: WithdrawnEntry, live_files: Collection[str]) -> list[Path]:
        """Takes every byte of a withdrawn entry off the site; returns what changed.

        Its page becomes a small 已撤回 page (so old links say what happened, without any content)
        and every file under files/ that no live entry uses goes. Files are content-addressed, so
        the entry's PDF may be another live entry's too: `live_files` (`live_file_names`) keeps it.
        """
        changed = []
        page = self.folder / "entries" / page_name(entry.index_no)
        if _write_atomic(page, _withdrawn_page(entry, self.identity).encode("utf-8")):
            changed.append(page)
        return changed + self._sweep_files(live_files)

    def _sweep_files(self, live_files: Collection[str]) -> list[Path]:
        """Removes every file no live entry references: a withdrawn entry's, or one put there by hand."""
        removed = []
        files_dir = self.folder / "files"
        if files_dir.exists():
            for path in files_dir.iterdir():
                if path.name not in live_files and (path.is_file() or path.is_symlink()):
                    path.unlink()
                    removed.append(path)
        return removed

    def remove_temporary(self) -> list[Path]:
        """Removes the temporary files (`.NAME.XXXX.tmp`, see publish.files) that a write interrupted
        by a crash left; call it only while no other writer works on the folder."""
        removed = []
        for folder in (self.folder, self.folder / "entries", self.folder / "files"):
            if folder.is_dir():
                for path in folder.iterdir():
                    if _TEMPORARY.fullmatch(path.name) and (path.is_file() or path.is_symlink()):
                        path.unlink()
                        removed.append(path)
        return removed

    def write_index(self, entries: list[SiteEntry], withdrawn: Collection[WithdrawnEntry] = ()) -> list[Path]:
        """The catalog's front page and its data; withdrawn entries are not in `entries`.

        The sweep keeps the pages of `entries` and the 已撤回 pages of `withdrawn`; any other page,
        and any file no entry of `entries` uses, is removed.
        """
        changed = []
        for name, content in _front_files(entries, self.identity).items():
            if _write_atomic(self.folder / name, content):
                changed.append(self.folder / name)
        pages = {page_name(e.index_no) for e in entries} | {page_name(w.index_no) for w in withdrawn}
        entries_dir = self.folder / "entries"
        if entries_dir.exists():
            for page in entries_dir.glob("*.html"):
                if page.name not in pages:
                    page.unlink()
                    changed.append(page)
        return changed + self._sweep_files(live_file_names(entries))


def _listed_title(row: dict[str, str]) -> str:
    return f"{row['t']}（{row['f']}）" if row["f"] else row["t"]


def _index_page(rows: list[dict[str, str]], identity: SiteIdentity) -> str:
    """The front page with the list already in it, so it reads without JavaScript; the script
    only filters and searches."""
    cells = "".join(
        "<tr>"
        f"<td>{html.escape(r['i'])}</td>"
        f'<td><a href="{html.escape(r["u"])}">{html.escape(_listed_title(r))}</a></td>'
        f"<td>{html.escape(r['n'])}</td><td>{html.escape(r['c'])}</td><td>{html.escape(r['d'])}</td>"
        "</tr>"
        for r in rows
    )
    return (
        _INDEX_PAGE.replace("{header}", _header(identity, "index.html"))
        .replace("{footer}", _footer(identity))
        .replace("{count}", str(len(rows)))
        .replace("{rows}", cells)
    )


def _front_files(entries: list[SiteEntry], identity: SiteIdentity) -> dict[str, bytes]:
    rows = [
        {
            "i": e.index_no,
            "t": e.title,
            "p": e.publisher,
            "d": e.published_on,
            "n": e.doc_number,
            "c": e.category,
            "k": "、".join(e.keywords),
            "v": e.validity,
            "f": e.form,
            "u": f"entries/{page_name(e.index_no)}",
        }
        for e in sorted(entries, key=lambda e: (e.published_on, e.index_no), reverse=True)
    ]
    data = "window.CATALOG = " + json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + ";\n"
    return {
        "catalog.js": data.encode("utf-8"),
        "index.html": _index_page(rows, identity).encode("utf-8"),
        "site.css": _CSS.encode("utf-8"),
    }


def expected_site(
    entries: list[SiteEntry], withdrawn: Collection[WithdrawnEntry], identity: SiteIdentity = SiteIdentity()
) -> dict[str, bytes | str]:
    """Every file the site should hold, by path in the folder: the exact bytes of each text file,
    the SHA-256 of each published file. Anything else on the site was not written by the desk."""
    expected: dict[str, bytes | str] = dict(_front_files(entries, identity))
    for e in entries:
        expected[f"entries/{page_name(e.index_no)}"] = _entry_page(e, identity).encode("utf-8")
        if e.pdf_sha256:
            expected[f"files/{e.pdf_sha256}.pdf"] = e.pdf_sha256
        for a in e.attachments:
            expected[f"files/{a.file_name}"] = a.sha256
    for w in withdrawn:
        expected[f"entries/{page_name(w.index_no)}"] = _withdrawn_page(w, identity).encode("utf-8")
    return expected


@dataclass(frozen=True)
class WithdrawnEntry:
    """What the 已撤回 page of a withdrawn entry shows: no content, no summary, keywords or file."""

    index_no: str
    title: str
    withdrawn_on: str  # ISO date


WITHDRAWN_MARK = "desk-withdrawn"  # the 已撤回 page's <main> class: `audit published` recognises it by this


def entry_file_names(e: SiteEntry) -> list[str]:
    """The names under files/ that the entry's page links to."""
    names = [f"{e.pdf_sha256}.pdf"] if e.pdf_sha256 else []
    return names + [a.file_name for a in e.attachments]


def live_file_names(entries: Iterable[SiteEntry]) -> set[str]:
    """Every file the live entries use; whatever else is under files/ is removed."""
    return {name for e in entries for name in entry_file_names(e)}


def _withdrawn_page(w: WithdrawnEntry, identity: SiteIdentity) -> str:
    rows = (("索引号", w.index_no), ("信息名称", w.title), ("撤回日期", w.withdrawn_on))
    table = "".join(
        f"<tr><th scope='row'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>已撤回：{html.escape(w.title)} - {SITE_TITLE}</title><link rel="stylesheet" href="../site.css"></head>
<body>{_header(identity, "../index.html")}<main class="{WITHDRAWN_MARK}">
<h1>已撤回</h1>
<p class="notice">该信息已于 {html.escape(w.withdrawn_on)} 撤回，不再公开。</p>
<table class="meta"><caption>目录信息</caption>{table}</table>
<p><a href="../index.html">返回政府信息公开目录</a></p>
</main>{_footer(identity)}</body></html>
"""


def _entry_page(e: SiteEntry, identity: SiteIdentity) -> str:
    validity = {v.value: v.label for v in Validity}.get(e.validity, e.validity)
    rows = [
        ("索引号", e.index_no),
        ("信息名称", e.title),
        ("发布机构", e.publisher),
        ("成文日期", e.written_on or "—"),
        ("发布日期", e.published_on),
        ("发文字号", e.doc_number or "—"),
        ("主题分类", e.category),
        ("公文种类", e.doc_type or "—"),
        ("主题词", "、".join(e.keywords) or "—"),
        ("公开方式", e.disclosure),
        ("公开范围", e.scope),
        ("有效性", validity),
        ("施行日期", e.effective_on),
        ("有效期至", e.valid_until),
        ("修改日期", e.amended_on),
        ("修改文件", e.amended_by),
    ]
    # 有效性 and its dates belong to 规章 and 规范性文件: other entries show none of them.
    rows = [(k, v) for k, v in rows if v or k not in _LEGAL_ROWS]
    if e.form:
        rows.append(("解读形式", e.form))
    table = "".join(
        f"<tr><th scope='row'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    summary = f"<h2>内容概述</h2><p>{html.escape(e.summary)}</p>" if e.summary else ""
    summary += _links_html(e)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(e.title)} - {SITE_TITLE}</title><link rel="stylesheet" href="../site.css"></head>
<body>{_header(identity, "../index.html")}<main>
<h1>{html.escape(e.title)}</h1>
<table class="meta"><caption>目录信息</caption>{table}</table>
{summary}
{_file_html(e)}
</main>{_footer(identity)}</body></html>
"""


_LEGAL_ROWS = frozenset({"有效性", "施行日期", "有效期至", "修改日期", "修改文件"})


def _file_html(e: SiteEntry) -> str:
    if e.on_request or not e.pdf_sha256:
        return (
            "<p class='on-request'>本信息依申请公开。如需获取，请依照《中华人民共和国政府信息公开条例》"
            f"向{html.escape(e.publisher)}提出政府信息公开申请。</p>"
        )
    return (
        f"<p class='file'><a href='../files/{e.pdf_sha256}.pdf'>查看正文（PDF）</a>\n"
        f"<small>SHA-256：{e.pdf_sha256}</small></p>"
    )


def _link(link: Link) -> str:
    return (
        f"<a href='{page_name(link.index_no)}'>{html.escape(link.title)}</a>（{html.escape(link.index_no)}）"
    )


def _links_html(e: SiteEntry) -> str:
    """政策解读 both ways, and the attachments, as sections of the entry page."""
    parts = []
    if e.interprets is not None:
        parts.append(f"<h2>所解读的文件</h2><p class='interprets'>{_link(e.interprets)}</p>")
    if e.interpretations:
        items = "".join(f"<li>{_link(i)}</li>" for i in e.interpretations)
        parts.append(f"<h2>政策解读</h2><ul class='interpretations'>{items}</ul>")
    if e.attachments:
        items = "".join(
            f"<li><a href='../files/{a.file_name}' type='{html.escape(a.media_type)}'>{html.escape(a.name)}</a></li>"
            for a in e.attachments
        )
        parts.append(f"<h2>音视频</h2><ul class='attachments'>{items}</ul>")
    return "".join(parts)


_CSS = """body{font-family:sans-serif;margin:0;color:#222}header{background:#a4161a;padding:12px 20px}
header a{color:#fff;font-size:1.3em;text-decoration:none}
footer{border-top:3px solid #a4161a;margin-top:32px;padding:16px 20px;color:#555;font-size:.9em;text-align:center}
footer span{margin:0 10px;display:inline-block}main{max-width:1000px;margin:20px auto;padding:0 16px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:6px;text-align:left;vertical-align:top}
table.meta th{width:8em;background:#f5f5f5}form{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
label{display:flex;flex-direction:column;font-size:.9em}#count{margin:8px 0;color:#555}
"""

_INDEX_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开目录</title><link rel="stylesheet" href="site.css"><script src="catalog.js"></script></head>
<body>{header}<main>
<form id="filters" role="search" onsubmit="event.preventDefault();render()">
<label>关键词<input id="q" name="q" type="search" placeholder="标题、文号、主题词"></label>
<label>发布机构<select id="publisher" name="publisher"><option value="">全部</option></select></label>
<label>主题分类<select id="category" name="category"><option value="">全部</option></select></label>
<label>年份<select id="year" name="year"><option value="">全部</option></select></label>
<label>有效性<select id="validity" name="validity"><option value="">全部</option>
<option value="valid">有效</option><option value="expired">失效</option><option value="repealed">废止</option>
<option value="amended">已修改</option></select></label>
<button type="submit">查询</button></form>
<p id="count" aria-live="polite">共 {count} 条</p>
<table><thead><tr><th scope="col">索引号</th><th scope="col">信息名称</th><th scope="col">发文字号</th>
<th scope="col">主题分类</th><th scope="col">发布日期</th></tr></thead><tbody id="rows">{rows}</tbody></table>
</main>{footer}
<script>
const data = window.CATALOG || [];
const $ = id => document.getElementById(id);
function fill(id, values){ for (const v of [...new Set(values)].sort()) { const o = document.createElement('option');
  o.value = v; o.textContent = v; $(id).appendChild(o); } }
fill('publisher', data.map(e => e.p)); fill('category', data.map(e => e.c)); fill('year', data.map(e => e.d.slice(0, 4)));
const params = new URLSearchParams(location.search);
for (const k of ['q', 'publisher', 'category', 'year', 'validity']) if (params.get(k)) $(k).value = params.get(k);
function render(){
  const q = $('q').value.trim(), p = $('publisher').value, c = $('category').value, y = $('year').value, v = $('validity').value;
  const hits = data.filter(e => (!q || (e.t + e.n + e.k + e.i).includes(q)) && (!p || e.p === p) && (!c || e.c === c)
    && (!y || e.d.startsWith(y)) && (!v || e.v === v));
  const body = $('rows'); body.textContent = '';
  for (const e of hits) { const tr = document.createElement('tr');
    for (const [text, link] of [[e.i], [e.f ? e.t + '（' + e.f + '）' : e.t, e.u], [e.n], [e.c], [e.d]]) { const td = document.createElement('td');
      if (link) { const a = document.createElement('a'); a.href = link; a.textContent = text; td.appendChild(a); }
      else td.textContent = text; tr.appendChild(td); }
    body.appendChild(tr); }
  $('count').textContent = '共 ' + hits.length + ' 条';
}
render();
</script></body></html>
"""
