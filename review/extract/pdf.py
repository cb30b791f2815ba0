"""PDF: visible text with character boxes from one text trace per page, and everything a reader
of the page does not see (metadata, annotations, form fields, embedded files, JavaScript, layers
that are off, white/tiny/invisible/covered/off-page text, earlier revisions, pages without text).

The document is opened from bytes and changed only in memory (all layers on, CropBox widened to
the MediaBox) so that extraction sees what is hidden; the original is never written.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from review.errors import QT_TRANSLATE_NOOP, DocumentRejected
from review.extract.base import (
    Extraction,
    FixedLocator,
    TextStream,
    fixed_stream,
    hidden_finding,
    scan_finding,
)
from review.model import Channel, Finding, Location, Rect, Severity
from review.mupdf import LOCK

TINY_FONT_PT = 2.0
WHITE = 0.95
COVER_SHARE = 0.8
MAX_EARLIER_REVISIONS = 5


class Cancelled(Exception):
    """The caller asked to stop."""


_UNICODE, _BBOX = itemgetter(0), itemgetter(3)


@dataclass
class _Span:
    start: int  # offset in the stream text
    page: int
    boxes: list[tuple[float, float, float, float]]  # the trace's own box tuples, one per character


class PdfTextLocator:
    """Finds the character boxes of any span of the visible text stream (one rectangle per line).

    Keeps only each character's box tuple from the trace (the rest of a character's entry costs
    about 250 bytes more, too much for a 300-page document). A trace span can run over several
    lines, so every character keeps its own box.
    """

    def __init__(self) -> None:
        self.spans: list[_Span] = []
        self.starts: list[int] = []

    def add(self, start: int, page: int, chars: list[Any]) -> None:
        self.spans.append(_Span(start, page, list(map(_BBOX, chars))))
        self.starts.append(start)

    def locate(self, start: int, end: int) -> Location:
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        boxes: list[tuple[int, tuple[float, float, float, float]]] = []
        while i < len(self.spans) and self.spans[i].start < end:
            span = self.spans[i]
            lo, hi = max(0, start - span.start), min(len(span.boxes), end - span.start)
            boxes.extend((span.page, box) for box in span.boxes[lo:hi])
            i += 1
        if not boxes:
            return Location()
        first, last = boxes[0][0], boxes[-1][0]
        rects: list[Rect] = []
        for page in range(first, last + 1):
            rects.extend(_line_rects([b for p, b in boxes if p == page], page if page != first else None))
        return Location(page=first, end_page=last if last != first else None, rects=tuple(rects))


def _span_text(chars: list[Any]) -> str:
    try:
        return "".join(map(chr, map(_UNICODE, chars)))
    except ValueError:  # glyphs without a Unicode mapping come as -1
        return "".join([chr(c[0]) if c[0] >= 0 else "\ufffd" for c in chars])


def _line_rects(boxes: list[tuple[float, float, float, float]], page: int | None = None) -> tuple[Rect, ...]:
    """Merges character boxes, in reading order, into one rectangle per line (`page` set for
    rectangles on a later page)."""
    rects: list[Rect] = []
    x0, y0, x1, y1 = boxes[0] if boxes else (0.0, 0.0, 0.0, 0.0)
    for bx0, by0, bx1, by1 in boxes[1:]:
        if bx0 >= x0 - 1 and abs(by0 - y0) < 0.5 * max(1.0, y1 - y0):
            x1 = bx1 if bx1 > x1 else x1
            y0 = by0 if by0 < y0 else y0
            y1 = by1 if by1 > y1 else y1
        else:
            rects.append(Rect(x0, y0, x1, y1, page))
            x0, y0, x1, y1 = bx0, by0, bx1, by1
    if boxes:
        rects.append(Rect(x0, y0, x1, y1, page))
    return tuple(rects)


def extract_pdf(
    name: str,
    data: bytes,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> Extraction:
    import pymupdf

    with LOCK:
        try:
            doc = pymupdf.open(stream=data, filetype="pdf")
        except Exception as exc:
            raise DocumentRejected(
                name, QT_TRANSLATE_NOOP("DeskError", "“{name}”无法作为 PDF 打开：{reason}"), reason=str(exc)
            ) from exc
        if doc.needs_pass and not (password and doc.authenticate(password)):
            raise DocumentRejected(
                name,
                QT_TRANSLATE_NOOP("DeskError", "“{name}”是加密的 PDF，需要密码才能检查。请提供打开密码。")
                if not password
                else QT_TRANSLATE_NOOP("DeskError", "“{name}”的密码不正确。"),
            )
    try:
        return _Extractor(doc, name, data, progress, cancel).run()
    finally:
        with LOCK:
            doc.close()


class _Extractor:
    def __init__(
        self,
        doc: Any,
        name: str,
        data: bytes,
        progress: Callable[[int, int], None] | None,
        cancel: threading.Event | None,
    ) -> None:
        self.doc, self.name, self.data = doc, name, data
        self.progress, self.cancel = progress, cancel
        self.out = Extraction(page_count=doc.page_count)

    def run(self) -> Extraction:
        with LOCK:
            if self.doc.is_repaired:
                self.out.findings.append(
                    hidden_finding(
                        "HID-REPAIRED",
                        Severity.WARNING,
                        QT_TRANSLATE_NOOP(
                            "Rules", "文件结构已损坏，经自动修复后检查；部分内容可能无法读取，请人工核对"
                        ),
                        Channel.VISIBLE,
                        Location(),
                    )
                )
                self.out.unreadable.append(QT_TRANSLATE_NOOP("Rules", "文件结构（已修复）"))
            off_layers = self._switch_layers_on()
        self._pages(off_layers)
        with LOCK:
            self._metadata()
            self._outline()
            self._embedded_files()
            self._javascript()
        self._earlier_revisions()
        return self.out

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled

    def _switch_layers_on(self) -> set[str]:
        off = switch_layers_on(self.doc)
        for layer in sorted(off):
            self.out.findings.append(
                hidden_finding(
                    "HID-LAYER",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "关闭显示的图层（读者默认看不到）"),
                    Channel.HIDDEN_TEXT,
                    Location(detail=layer),
                )
            )
        return off

    def _pages(self, off_layers: set[str]) -> None:
        visible_parts: list[str] = []
        locator = PdfTextLocator()
        length = 0
        hidden: list[TextStream] = []
        total = self.doc.page_count
        # Page dictionaries are plain in the file unless packed into object streams.
        may_have_thumbnails = b"/Thumb" in self.data or b"/ObjStm" in self.data
        for index in range(total):
            self._check_cancel()
            with LOCK:
                page = self.doc[index]
                crop = page.cropbox
                if crop != page.mediabox:
                    page.set_cropbox(page.mediabox)
                trace = page.get_texttrace()
                covering = covering_fills(page, trace)
                if page.annot_xrefs():  # annotations, widgets and links are all annotations
                    self._annotations(page, index)
                    self._links(page, index)
                if may_have_thumbnails and self.doc.xref_get_key(page.xref, "Thumb")[0] != "null":
                    self.out.findings.append(
                        hidden_finding(
                            "HID-THUMB",
                            Severity.INFO,
                            QT_TRANSLATE_NOOP("Rules", "页面缩略图（可能显示修改前的内容）"),
                            Channel.HIDDEN_TEXT,
                            Location(page=index),
                        )
                    )
            visible_chars = 0
            last_box: tuple[float, float, float, float] | None = None
            for span in trace:
                chars = span["chars"]
                if not chars:
                    continue
                text = _span_text(chars)
                reason = hidden_reason(span, crop, off_layers, covering)
                if reason is None:
                    if length and not _same_line(last_box, chars[0][3]):
                        visible_parts.append("\n")
                        length += 1
                    last_box = chars[-1][3]
                    locator.add(length, index, chars)
                    visible_parts.append(text)
                    length += len(text)
                    visible_chars += len(text.strip())
                    continue
                if not text.strip():
                    continue
                location = Location(page=index, rects=_line_rects([c[3] for c in chars]), detail=reason)
                severity = Severity.INFO if reason == _OCR and _has_images(page) else Severity.WARNING
                self.out.findings.append(
                    Finding(
                        "HID-TEXT",
                        QT_TRANSLATE_NOOP("Rules", "隐藏内容"),
                        severity,
                        QT_TRANSLATE_NOOP("Rules", "读者看不到的文字"),
                        Channel.HIDDEN_TEXT,
                        location,
                        text[:200],
                    )
                )
                hidden.append(TextStream(Channel.HIDDEN_TEXT, text, FixedLocator(location)))
            if visible_chars < 5 and _has_images(page):
                self.out.findings.append(scan_finding(Location(page=index)))
                self.out.unreadable.append(f"第{index + 1}页（无文字层）")
            if self.progress is not None:
                self.progress(index + 1, total)
        self.out.streams.append(TextStream(Channel.VISIBLE, "".join(visible_parts), locator))
        self.out.streams.extend(hidden)

    def _annotations(self, page: Any, index: int) -> None:
        for annot in page.annots():
            info = annot.info or {}
            kind = annot.type[1] if annot.type else "Annot"
            text = "\n".join(v for k, v in info.items() if k in ("content", "title", "subject") and v)
            location = Location(page=index, rects=(Rect(*annot.rect),), detail=f"{kind}")
            self.out.findings.append(
                hidden_finding(
                    "HID-ANNOT",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "注释或批注（发布前应删除）"),
                    Channel.ANNOTATION,
                    location,
                    text[:200],
                )
            )
            stream = fixed_stream(Channel.ANNOTATION, text, location)
            if stream:
                self.out.streams.append(stream)
        for widget in page.widgets():
            value = str(widget.field_value or "")
            location = Location(page=index, rects=(Rect(*widget.rect),), detail=widget.field_name or "")
            self.out.findings.append(
                hidden_finding(
                    "HID-FORM",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "表单域（其值可能不可见）"),
                    Channel.FORM_FIELD,
                    location,
                    value[:200],
                )
            )
            stream = fixed_stream(Channel.FORM_FIELD, f"{widget.field_name or ''}\n{value}", location)
            if stream:
                self.out.streams.append(stream)

    def _links(self, page: Any, index: int) -> None:
        for link in page.get_links():
            uri = link.get("uri") or link.get("file") or ""
            stream = fixed_stream(
                Channel.LINK, uri, Location(page=index, rects=(Rect(*link["from"]),), detail=uri[:80])
            )
            if stream:
                self.out.streams.append(stream)

    def _metadata(self) -> None:
        meta = self.doc.metadata or {}
        fields = {
            k: v
            for k, v in meta.items()
            if k in ("title", "author", "subject", "keywords", "creator", "producer") and v
        }
        for key, value in fields.items():
            stream = fixed_stream(Channel.METADATA, value, Location(detail=f"PDF 元数据 {key}"))
            if stream:
                self.out.streams.append(stream)
        if {"author", "subject", "keywords"} & fields.keys():
            self.out.findings.append(
                hidden_finding(
                    "HID-META",
                    Severity.INFO,
                    QT_TRANSLATE_NOOP("Rules", "文件元数据含作者、主题或关键词（发布时按目录信息重写）"),
                    Channel.METADATA,
                    Location(detail="、".join(sorted(fields))),
                )
            )
        xmp = self.doc.get_xml_metadata() or ""
        if xmp.strip():
            text = re.sub(r"<[^>]+>", "\n", xmp)
            stream = fixed_stream(Channel.METADATA, text, Location(detail="XMP 元数据"))
            if stream:
                self.out.streams.append(stream)

    def _outline(self) -> None:
        toc = self.doc.get_toc(simple=True)
        if toc:
            text = "\n".join(entry[1] for entry in toc)
            stream = fixed_stream(Channel.BOOKMARK, text, Location(detail=f"书签 {len(toc)} 项"))
            if stream:
                self.out.streams.append(stream)

    def _embedded_files(self) -> None:
        for name in self.doc.embfile_names():
            content = self.doc.embfile_get(name)
            shown = _unmangle(self.doc.embfile_info(name).get("ufilename") or name)
            self.out.findings.append(
                hidden_finding(
                    "HID-EMBED",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "嵌入文件（随 PDF 一同发布）"),
                    Channel.EMBEDDED_FILE,
                    Location(detail=shown),
                )
            )
            # Imported here: the dispatcher imports this module.
            from review.extract.dispatch import embedded_streams

            self.out.streams.extend(embedded_streams(shown, content))

    def _javascript(self) -> None:
        scripts = []
        for xref in range(1, self.doc.xref_length()):
            kind, value = self.doc.xref_get_key(xref, "JS")
            if kind == "null":
                continue
            if kind == "xref":
                value = self.doc.xref_stream(int(value.split()[0])).decode("latin-1", "replace")
            scripts.append(value)
        if scripts:
            self.out.findings.append(
                hidden_finding(
                    "HID-JS",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "JavaScript 脚本（发布前应删除）"),
                    Channel.JAVASCRIPT,
                    Location(detail=f"{len(scripts)} 段"),
                    scripts[0][:200],
                )
            )
            stream = fixed_stream(Channel.JAVASCRIPT, "\n".join(scripts), Location(detail="JavaScript"))
            if stream:
                self.out.streams.append(stream)

    def _earlier_revisions(self) -> None:
        """Incremental saves keep earlier versions after which %%EOF was written; read each."""
        ends = [m.end() for m in re.finditer(rb"%%EOF", self.data)]
        earlier = ends[:-1][-MAX_EARLIER_REVISIONS:]
        import pymupdf

        readable = 0
        for number, end in enumerate(earlier, start=1):
            self._check_cancel()
            with LOCK:
                try:
                    old = pymupdf.open(stream=self.data[:end], filetype="pdf")
                except Exception:
                    continue
                try:
                    if old.needs_pass or old.page_count == 0:
                        continue
                    text = "\n".join(old[i].get_text() for i in range(old.page_count))
                finally:
                    old.close()
            readable += 1
            stream = fixed_stream(Channel.EARLIER_REVISION, text, Location(detail=f"早期版本 {number}"))
            if stream:
                self.out.streams.append(stream)
        if readable:
            self.out.findings.append(
                hidden_finding(
                    "HID-REVISION",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "文件保留了增量保存前的早期版本（其中被删改的内容仍可恢复）"),
                    Channel.EARLIER_REVISION,
                    Location(detail=f"{readable} 个早期版本"),
                )
            )


_PDF_STRINGS = re.compile(rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()])*\)")
_PAINT_OPERATORS = {b"f", b"f*", b"F", b"B", b"B*", b"b", b"b*", b"Do", b"sh", b"BI"}


def may_paint_over_text(contents: bytes) -> bool:
    """Whether the page content has any fill, image or shading operator at all.

    Running the page a second time for its paint order (get_bboxlog) doubles extraction time, so it
    is done only where something could cover text. A false yes costs time; a false no would miss
    a fake redaction, so strings are removed first and every token is looked at.
    """
    return not _PAINT_OPERATORS.isdisjoint(_PDF_STRINGS.sub(b" ", contents).split())


def switch_layers_on(doc: Any) -> set[str]:
    """Turns every optional-content layer on (in memory); returns the names of those that were off."""
    ocgs = doc.get_ocgs() or {}
    off = {info.get("name", str(xref)) for xref, info in ocgs.items() if not info.get("on", True)}
    # The UI configuration is what MuPDF's text extraction obeys (set_layer on the default
    # configuration did not make hidden layers extractable in PyMuPDF 2.0).
    for config in doc.layer_ui_configs():
        if not config.get("on"):
            doc.set_layer_ui_config(config["number"], action=0)
    return off


def covering_fills(page: Any, trace: list[dict[str, Any]]) -> list[tuple[int, Any]]:
    """Fills and images painted after some text: what may cover it (fake redaction)."""
    if not trace or not may_paint_over_text(page.read_contents()):
        return []
    import pymupdf

    first_text = min(span["seqno"] for span in trace)
    return [
        (seq, pymupdf.Rect(box))
        for seq, (kind, box) in enumerate(page.get_bboxlog())
        if seq > first_text and kind in ("fill-path", "fill-image", "fill-imgmask", "fill-shade")
    ]


def _has_images(page: Any) -> bool:
    with LOCK:
        return bool(page.get_images(full=False))


def _unmangle(name: str) -> str:
    """File names written as UTF-8 bytes but read back as Latin-1 (as PyMuPDF does) made readable."""
    try:
        return name.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def _same_line(
    previous: tuple[float, float, float, float] | None, box: tuple[float, float, float, float]
) -> bool:
    """Whether a span continues the line the previous span ended on (font changes split spans)."""
    if previous is None:
        return False
    height = max(1.0, previous[3] - previous[1])
    return abs((previous[1] + previous[3]) - (box[1] + box[3])) / 2 < 0.5 * height and box[0] >= previous[0]


_OCR = "不可见渲染（可能是扫描件的识别文字层）"


def hidden_reason(
    span: dict[str, Any], crop: Any, off_layers: set[str], covering: list[tuple[int, Any]]
) -> str | None:
    import pymupdf

    if span["type"] == 3 or span.get("opacity", 1.0) == 0:
        return _OCR
    if span["size"] < TINY_FONT_PT:
        return "极小字号"
    color = span.get("color") or (0,)
    if color and all(c >= WHITE for c in color) and len(color) in (1, 3):
        return "白色文字"
    if len(color) == 4 and all(c <= 1 - WHITE for c in color):
        return "白色文字"
    bbox = pymupdf.Rect(span["bbox"])
    if not bbox.intersects(crop):
        return "页面可见区域之外"
    if span.get("layer") and span["layer"] in off_layers:
        return f"关闭的图层“{span['layer']}”"
    if bbox.is_empty:
        return None
    area = bbox.get_area()
    for seq, rect in covering:
        if seq > span["seqno"] and (bbox & rect).get_area() >= COVER_SHARE * area:
            return "被图形或图片遮盖（伪删除）"
    return None
