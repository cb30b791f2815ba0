"""Chooses the extractor by what a file really is."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from review.errors import QT_TRANSLATE_NOOP, DocumentRejected
from review.extract.base import (
    Budget,
    Extraction,
    FixedLocator,
    Locator,
    TextStream,
    fixed_stream,
    hidden_finding,
    scan_finding,
)
from review.formats import Inner, Kind, check_zip, decode_text, ole_layout, probe, sniff_inner
from review.model import Channel, Finding, Location, Severity

# Attachments inside attachments: a PDF in a ZIP in a DOCX is three levels down.
MAX_EMBED_DEPTH = 4


def extract_any(
    name: str,
    data: bytes,
    *,
    kind: Kind | None = None,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    depth: int = 0,
    budget: Budget | None = None,
) -> Extraction:
    if kind is None:
        kind = probe(name, data).kind
    budget = budget or Budget()
    match kind:
        case Kind.PDF:
            from review.extract.pdf import extract_pdf

            return extract_pdf(name, data, password, progress, cancel, depth=depth, budget=budget)
        case Kind.DOCX:
            from review.extract.docx import extract_docx

            return extract_docx(name, data, depth, budget)
        case Kind.OFD:
            from review.extract.ofd import extract_ofd

            return extract_ofd(name, data, depth, budget)
        case Kind.DOC | Kind.WPS | Kind.ODT:
            return extract_converted(name, data, kind, depth, budget)
        case Kind.TEXT:
            return extract_text(name, data)
        case Kind.IMAGE:
            return extract_image(name, data)
    raise AssertionError(kind)


NEEDS_OFFICE = QT_TRANSLATE_NOOP("Rules", "需要 LibreOffice 才能检查 DOC/WPS 文件")
UNCONVERTIBLE = QT_TRANSLATE_NOOP("Rules", "LibreOffice 无法读取此文件，需人工审查")


def extract_converted(name: str, data: bytes, kind: Kind, depth: int, budget: Budget) -> Extraction:
    """A DOC, WPS or ODT draft read as the DOCX LibreOffice makes of it (review.convert.docx_of):
    its findings, hidden content and places are those of that DOCX, which is also what the
    reviewer's decisions are applied to (app.redaction.source_form). A compound file's macros are
    named as hidden content; they never run. Without LibreOffice nothing of it can be read: a
    blocking finding says so, it is never passed as empty."""
    from review.convert import ConversionFailed, docx_of, unavailable_reason

    macros = ole_layout(name, data).macros if kind is not Kind.ODT else ()
    docx_name = str(PurePath(name).with_suffix(".docx"))
    try:
        docx = docx_of(name, data)
    except ConversionFailed as exc:
        missing = bool(unavailable_reason())
        out = Extraction()
        out.unreadable.append(NEEDS_OFFICE if missing else f"{UNCONVERTIBLE}（{exc}）")
        out.findings.append(
            hidden_finding(
                "HID-UNREADABLE",
                Severity.BLOCKING,
                NEEDS_OFFICE if missing else UNCONVERTIBLE,
                Channel.VISIBLE,
                Location(detail=str(exc)[:200]),
            )
        )
    else:
        check_zip(docx_name, docx, budget.left)
        from review.extract.docx import extract_docx

        out = extract_docx(docx_name, docx, depth, budget)
    if macros:
        out.findings.append(
            hidden_finding(
                "HID-JS",  # 脚本: Word's macros as a PDF's JavaScript
                Severity.WARNING,
                QT_TRANSLATE_NOOP("Rules", "宏（VBA 代码）：检查时未运行，发布版不含宏"),
                Channel.JAVASCRIPT,
                Location(detail="宏模块：" + "、".join(macros)),
            )
        )
    return out


def extract_text(name: str, data: bytes) -> Extraction:
    text, _ = decode_text(name, data)
    return Extraction(streams=[TextStream(Channel.VISIBLE, text, LineLocator(text))], page_count=None)


def extract_image(name: str, data: bytes) -> Extraction:
    from review.extract.inner import image_text

    out = Extraction(page_count=1)
    out.findings.append(scan_finding(Location(page=0)))
    out.unreadable.append("图片（无文字层）")
    for segment, text in image_text(data):
        stream = fixed_stream(Channel.METADATA, text, Location(detail=f"图片 {segment}"))
        if stream:
            out.streams.append(stream)
    # OCR (review/ocr.py): the picture's text with places, instead of the blanket 无文字层.
    from review.ocr import read_image

    read_image(data, out)
    return out


class LineLocator:
    """Line and column (1-based) of an offset in plain text."""

    def __init__(self, text: str) -> None:
        import bisect

        self._bisect = bisect.bisect_right
        self.line_starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def locate(self, start: int, end: int) -> Location:
        line = self._bisect(self.line_starts, start)
        return Location(line=line, column=start - self.line_starts[line - 1] + 1)


class PlacedLocator:
    """Places whatever an attachment's own locator says inside the attachment: the outer document
    has no page or paragraph for it, so the place is a path like "附件.zip/名单.csv：第3行"."""

    def __init__(self, path: str, inner: Locator | None = None) -> None:
        self.path, self.inner = path, inner

    def locate(self, start: int, end: int) -> Location:
        return placed(self.path, self.inner.locate(start, end) if self.inner is not None else Location())


_PREFIX = "嵌入文件 "


def placed(path: str, inner: Location) -> Location:
    """`inner` (a place inside the attachment at `path`) as a place in the outer document."""
    where = inner.describe()
    if where.startswith(_PREFIX):  # an attachment of the attachment: one path, a/b/c
        return Location(detail=f"{_PREFIX}{path}/{where[len(_PREFIX) :]}")
    return Location(detail=f"{_PREFIX}{path}" + (f"：{where}" if where else ""))


UNREADABLE_ATTACHMENT = QT_TRANSLATE_NOOP("Rules", "附件无法检查，需人工审查")
_TOO_DEEP = "附件嵌套层数过多"
_TOO_BIG = "附件解压后总量超过上限"
_UNKNOWN_KIND = "无法识别的文件类型"


def unreadable_attachment(out: Extraction, path: str, reason: str) -> None:
    """An attachment nobody could read is never passed over: it blocks until a person looks at it.
    `path` empty: the attachment being read itself (its caller places the finding on it)."""
    where = f"{_PREFIX}{path}（{reason}）" if path else f"（{reason}）"
    out.unreadable.append(where)
    out.findings.append(
        Finding(
            "HID-EMBED-UNREADABLE",
            QT_TRANSLATE_NOOP("Rules", "隐藏内容"),
            Severity.BLOCKING,
            UNREADABLE_ATTACHMENT,
            Channel.EMBEDDED_FILE,
            Location(detail=where),
        )
    )


def add_attachment(out: Extraction, path: str, data: bytes, depth: int, budget: Budget | None) -> None:
    """Opens an attachment by what its bytes are (never by its name), recursively, and adds its text
    and findings to `out`, each placed on the attachment (channel 嵌入文件, detail naming its path)."""
    budget = budget if budget is not None else Budget()
    if depth > MAX_EMBED_DEPTH:
        unreadable_attachment(out, path, _TOO_DEEP)
        return
    if len(data) > budget.left:
        unreadable_attachment(out, path, _TOO_BIG)
        return
    budget.left -= len(data)
    try:
        inner = _read_attachment(path, data, depth, budget)
    except Exception as exc:  # any failure to read is reported, never swallowed
        reason = str(exc) if isinstance(exc, DocumentRejected) else f"{type(exc).__name__}: {exc}"
        unreadable_attachment(out, path, reason[:200])
        return
    for stream in inner.streams:
        out.streams.append(
            TextStream(Channel.EMBEDDED_FILE, stream.text, PlacedLocator(path, stream.locator))
        )
    for finding in inner.findings:
        location = placed(path, finding.location)
        out.findings.append(replace(finding, channel=Channel.EMBEDDED_FILE, location=location))
    out.unreadable.extend(
        f"{_PREFIX}{path}/{u[len(_PREFIX) :]}" if u.startswith(_PREFIX) else f"{_PREFIX}{path}：{u}"
        for u in inner.unreadable
    )


def _read_attachment(path: str, data: bytes, depth: int, budget: Budget) -> Extraction:
    from review.extract import inner as readers

    kind = sniff_inner(data)
    name = path.rsplit("/", 1)[-1] or "附件"
    match kind:
        case Inner.PDF:
            from review.extract.pdf import extract_pdf

            return extract_pdf(name, data, depth=depth, budget=budget)
        case Inner.DOCX:
            from review.extract.docx import extract_docx

            check_zip(name, data, budget.left)
            return extract_docx(name, data, depth, budget)
        case Inner.OFD:
            from review.extract.ofd import extract_ofd

            check_zip(name, data, budget.left)
            return extract_ofd(name, data, depth, budget)
        case Inner.XLSX | Inner.PPTX | Inner.ODF | Inner.ZIP:
            return _read_zip(path, data, depth, budget, kind)
        case Inner.OLE:
            return _read_ole(path, data, depth, budget)
        case Inner.HTML:
            text = readers.html_text(readers.decoded(data))
            return Extraction(streams=[TextStream(Channel.VISIBLE, text, LineLocator(text))])
        case Inner.MHT:
            text, parts = readers.mht_parts(data)
            out = Extraction(streams=[TextStream(Channel.VISIBLE, text, LineLocator(text))])
            for part_name, content in parts:
                add_attachment(out, part_name, content, depth + 1, budget)
            return out
        case Inner.RTF:
            text = readers.rtf_text(data)
            return Extraction(streams=[TextStream(Channel.VISIBLE, text, LineLocator(text))])
        case Inner.TEXT:
            return extract_text(name, data)
        case Inner.IMAGE:
            return extract_image(name, data)
    raise DocumentRejected(name, _UNKNOWN_KIND)


def _read_zip(path: str, data: bytes, depth: int, budget: Budget, kind: Inner) -> Extraction:
    from review.archive import Archive
    from review.extract import inner as readers

    name = path.rsplit("/", 1)[-1] or "附件"
    # Damage and bombs first, inflating nothing it keeps; then each part read under its cap, the
    # whole package under what is left of the attachments' budget.
    check_zip(name, data, budget.left)
    out = Extraction()
    with Archive(name, data, budget.left) as zf:
        declared = sum(i.file_size for i in zf.infolist())
        if declared > budget.left:
            raise DocumentRejected(name, _TOO_BIG)
        if kind is Inner.ZIP:
            for info in zf.infolist():
                if not info.is_dir():
                    add_attachment(out, _zip_name(info), zf.read(info), depth + 1, budget)
            return out
        texts, embedded, broken = readers.zipped_xml_parts(zf)
        for part, text in texts:
            out.streams.append(TextStream(Channel.VISIBLE, text, FixedLocator(Location(part=part))))
        for part in embedded:
            add_attachment(out, part, zf.read(part), depth + 1, budget)
        for part in broken:
            unreadable_attachment(out, part, "部件无法解析")
    return out


def _zip_name(info: object) -> str:
    """Member names written in GBK without the UTF-8 flag (Chinese Windows' zip) made readable."""
    name: str = info.filename  # type: ignore[attr-defined]
    if not info.flag_bits & 0x800:  # type: ignore[attr-defined]
        try:
            return name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return name
    return name


def _read_ole(path: str, data: bytes, depth: int, budget: Budget) -> Extraction:
    """Word's embedded objects: the Office file in `Package`, the packaged file in `Ole10Native`;
    any other compound file (an old .doc, an equation) gives its readable text runs and is
    reported as not fully read."""
    from review.extract import inner as readers

    out = Extraction()
    streams = readers.CompoundFile(data).streams()
    opened = False
    for stream_name, content in streams:
        if stream_name in ("Package", "CONTENTS") and content:
            add_attachment(out, stream_name, content, depth + 1, budget)
            opened = True
        elif stream_name == "\x01Ole10Native":
            packaged = readers.ole10_native(content)
            if packaged is not None:
                add_attachment(out, packaged[0] or "Ole10Native", packaged[1], depth + 1, budget)
                opened = True
    if opened:
        return out
    text = "\n".join(readers.string_runs(content) for _, content in streams)
    if text.strip():
        out.streams.append(TextStream(Channel.VISIBLE, text, LineLocator(text)))
    if not any(n in ("Equation Native", "MathType Equation") for n, _ in streams):
        unreadable_attachment(out, "", "OLE 复合文件只读取了其中的文字片段")
    return out


def visible_text(pdf: bytes) -> str:
    """What a reader of a published PDF sees as text (for search and suggested 主题词)."""
    try:
        streams = extract_any("published.pdf", pdf).streams
    except Exception:
        return ""
    return "\n".join(s.text for s in streams if s.channel is Channel.VISIBLE)
