"""PDF: visible text with character boxes from one text trace per page, and everything a reader
of the page does not see (metadata, annotations, form fields, embedded files, JavaScript, layers
that are off, white/tiny/invisible/covered/off-page text, earlier revisions, pages without text).

The document is opened from bytes and changed only in memory (all layers on, CropBox widened to
the MediaBox) so that extraction sees what is hidden; the original is never written.
"""

from __future__ import annotations

import bisect
import functools
import re
import struct
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from review.errors import QT_TRANSLATE_NOOP, DocumentRejected
from review.extract.base import (
    Budget,
    Extraction,
    FixedLocator,
    TextStream,
    fixed_stream,
    hidden_finding,
    scan_finding,
)
from review.model import Channel, Finding, Location, PendingPlace, Rect, Severity, make_rect
from review.mupdf import LOCK

TINY_FONT_PT = 2.0
WHITE = 0.95
COVER_SHARE = 0.8
MAX_EARLIER_REVISIONS = 5


class Cancelled(Exception):
    """The caller asked to stop."""


_UNICODE, _BBOX = itemgetter(0), itemgetter(3)
_Box = tuple[float, float, float, float]


@dataclass(slots=True)
class _Span:
    start: int  # offset in the stream text
    page: int
    # The trace's own box tuples, one per character.
    boxes: tuple[_Box, ...]

    # A finding inside this span keeps the span itself as its pending place (PdfTextLocator.place_all).
    def place(self, start: int, end: int) -> Location:
        return _place(self.page, self.boxes[start - self.start : end - self.start])

    def key(self, text: str, start: int) -> tuple[str, int, float]:
        return text, self.page, self.boxes[start - self.start][0]


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
        self.spans.append(_Span(start, page, tuple(map(_BBOX, chars))))
        self.starts.append(start)

    def locate(self, start: int, end: int) -> Location:
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        spans = self.spans
        if i < len(spans):
            span = spans[i]
            # Most hits lie inside one trace span: later spans start at or after this one's end,
            # so they would add nothing, and every box is on this span's page.
            if end - span.start <= len(span.boxes):
                boxes = span.boxes[max(0, start - span.start) : end - span.start]
                if not boxes:
                    return Location()
                return Location(page=span.page, rects=_line_rects(boxes))
        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        last = 0
        while i < len(spans) and spans[i].start < end:
            span = spans[i]
            lo, hi = max(0, start - span.start), min(len(span.boxes), end - span.start)
            if lo < hi:
                by_page.setdefault(span.page, []).extend(span.boxes[lo:hi])
                last = span.page
            i += 1
        if not by_page:
            return Location()
        first = next(iter(by_page))
        rects: list[Rect] = []
        for page in range(first, last + 1):
            rects.extend(_line_rects(by_page.get(page, []), page if page != first else None))
        return Location(page=first, end_page=last if last != first else None, rects=tuple(rects))

    def locate_all(self, spans: list[tuple[int, int]]) -> list[Location]:
        """locate() of each span. A dense lexicon hits a hundred times a page: a hit inside one
        trace span (nearly all) is placed here without the general walk, and a one-glyph or
        one-line hit without merging boxes."""
        return [
            place if isinstance(place, Location) else place.place(start, end)
            for place, (start, end) in zip(self.place_all(spans), spans, strict=True)
        ]

    def place_all(self, spans: list[tuple[int, int]]) -> list[Location | PendingPlace]:
        """locate() of each span, left pending for a span inside one trace span (nearly every
        lexicon hit): the pending place is that trace span, whose boxes are merged into
        rectangles only when the place is looked at (Finding.placed_all). A tuple and a slice of
        boxes for each hit of a dense lexicon cost as much as the rest of placing it, and freeing
        them again. Hits come nearly in text order, so the trace span is looked for (bisected)
        only when a span starts outside the last one found."""
        starts, all_spans, find = self.starts, self.spans, bisect.bisect_right
        out: list[Location | PendingPlace] = []
        append, locate = out.append, self.locate
        # The trace span found last, where it starts and ends, and where the next one starts.
        first = last = following = 0
        span = _Span(0, 0, ())  # none yet: `following` makes the first span bisect
        for start, end in spans:
            if not first <= start < following:
                i = find(starts, start) - 1
                if i < 0:
                    append(locate(start, end))
                    continue
                span = all_spans[i]
                first, last = span.start, span.start + len(span.boxes)
                following = starts[i + 1] if i + 1 < len(starts) else sys.maxsize
            if start < end <= last:
                append(span)
            else:
                append(locate(start, end))
        return out


def _place(page: int, boxes: Sequence[_Box]) -> Location:
    """The place of a span inside one trace span: a one-glyph span needs no merging."""
    if len(boxes) == 1:
        return Location.on_page(page, (make_rect((*boxes[0], None)),))
    return Location.on_page(page, _line_rects(boxes))


class _VisibleText:
    """The visible text stream being built, line by line, with its locator."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.locator = PdfTextLocator()
        self.length = 0

    def new_line(self) -> None:
        if self.length:
            self.parts.append("\n")
            self.length += 1

    def add_line(self, page: int, line: list[tuple[list[Any], str]], backwards: bool) -> None:
        """Adds one line's spans. A line whose glyphs were drawn right to left reads backwards in
        stream order, so it is read in the order a person sees it."""
        if backwards:
            chars = sorted((c for span, _ in line for c in span), key=_left_edge)
            line = [(chars, _span_text(chars))]
        for chars, text in line:
            self.locator.add(self.length, page, chars)
            self.parts.append(text)
            self.length += len(text)


# The code points of a span decoded at once: chr() made a string object per character, and
# packing them with struct costs two thirds of filling an array one by one (12 ms a 300-page
# document).
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def _span_text(chars: list[Any]) -> str:
    try:
        return struct.pack(f"={len(chars)}i", *map(_UNICODE, chars)).decode(_UTF32, "surrogatepass")
    except (ValueError, struct.error):  # glyphs without a Unicode mapping come as -1
        return "".join([chr(c[0]) if c[0] >= 0 else "\ufffd" for c in chars])


def _line_rects(boxes: Sequence[_Box], page: int | None = None) -> tuple[Rect, ...]:
    """Merges character boxes, in reading order, into one rectangle per line (`page` set for
    rectangles on a later page)."""
    if not boxes:
        return ()
    rects: list[Rect] = []
    rect = make_rect
    x0, y0, x1, y1 = boxes[0]
    # Runs once per character of every hit: the tolerance is kept in a local and only
    # recomputed when the line's height changes (0.5 * max(1, h), exactly as before).
    tolerance = 0.5 * (y1 - y0) if y1 - y0 > 1.0 else 0.5
    for bx0, by0, bx1, by1 in boxes[1:]:
        if bx0 >= x0 - 1 and -tolerance < by0 - y0 < tolerance:
            if bx1 > x1:
                x1 = bx1
            if by0 < y0 or by1 > y1:
                y0 = by0 if by0 < y0 else y0
                y1 = by1 if by1 > y1 else y1
                tolerance = 0.5 * (y1 - y0) if y1 - y0 > 1.0 else 0.5
        else:
            rects.append(rect((x0, y0, x1, y1, page)))
            x0, y0, x1, y1 = bx0, by0, bx1, by1
            tolerance = 0.5 * (y1 - y0) if y1 - y0 > 1.0 else 0.5
    rects.append(rect((x0, y0, x1, y1, page)))
    return tuple(rects)


def extract_pdf(
    name: str,
    data: bytes,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    *,
    depth: int = 0,
    budget: Budget | None = None,
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
        return _Extractor(doc, name, data, progress, cancel, depth, budget).run()
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
        depth: int = 0,
        budget: Budget | None = None,
    ) -> None:
        self.doc, self.name, self.data = doc, name, data
        self.progress, self.cancel = progress, cancel
        self.depth, self.budget = depth, budget if budget is not None else Budget()
        self.out = Extraction(page_count=doc.page_count)
        self.font_cache: dict[int, str | None] = {}
        self.read_attachments: set[int] = set()  # hashes of files already opened as attachments

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
            # One pass over the object table first: it tells which pages need a look at their
            # fonts and images at all (a text-only file with well-mapped fonts pays for neither).
            self.objects = ObjectSweep(self.doc)
        self._pages(off_layers)
        # OCR (review/ocr.py) reads what a person sees on the pages in self.out.suspect only.
        from review.ocr import read_suspect_pages

        read_suspect_pages(self.doc, self.out, self._check_cancel)
        with LOCK:
            self._metadata()
            self._outline()
            self._embedded_files()
            self._javascript()
        self._earlier_revisions()
        self._check_cancel()
        with LOCK:
            self._sweep()
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
        visible = _VisibleText()
        hidden: list[TextStream] = []
        total = self.doc.page_count
        may_have_thumbnails = self.objects.has_thumbnails
        for index in range(total):
            self._check_cancel()
            with LOCK:
                page = self.doc[index]
                crop = page.cropbox
                crop_box = tuple(crop)
                if not self.objects.crop_is_media and crop != page.mediabox:
                    page.set_cropbox(page.mediabox)
                trace = page.get_texttrace()
                contents = page.read_contents()
                covering = covering_fills(page, trace, contents)
                if page.annot_xrefs():  # annotations, widgets and links are all annotations
                    self._annotations(page, index)
                    self._links(page, index)
                suspect = page_suspicion(
                    self.doc, page, contents, self.font_cache, self.objects.fonts_to_check
                )
                if may_have_thumbnails and self.doc.xref_get_key(page.xref, "Thumb")[0] != "null":
                    suspect.add("thumbnail")
                    self.out.findings.append(
                        hidden_finding(
                            "HID-THUMB",
                            Severity.BLOCKING,
                            QT_TRANSLATE_NOOP(
                                "Rules", "页面缩略图（可能显示修改前的内容，发布时删除；需人工查看）"
                            ),
                            Channel.HIDDEN_TEXT,
                            Location(page=index),
                        )
                    )
                has_images = self.objects.has_images and bool(page.get_images(full=False))
                if has_images and self._cropped_images(page, index, crop):
                    suspect.add("cropped-image")
            visible_chars = 0
            page_start = len(visible.parts)
            line: list[tuple[list[Any], str]] = []  # the visible spans of the line being read
            backwards = False  # whether that line's glyphs were drawn right to left
            last_box: tuple[float, float, float, float] | None = None
            for span in trace:
                chars = span["chars"]
                if not chars:
                    continue
                text = _span_text(chars)
                reason = hidden_reason(span, crop_box, off_layers, covering)
                if reason is None:
                    box = chars[0][3]
                    # A span can run over several lines: only one on a single baseline that ends
                    # left of where it began was drawn right to left.
                    leftwards = (
                        len(chars) > 1
                        and chars[-1][3][0] < box[0] - 0.5
                        and _same_baseline(box, chars[-1][3])
                    )
                    if line and _same_line(last_box, box):
                        pass
                    elif line and len(chars) <= 2 and len(line[-1][0]) <= 2 and _same_baseline(last_box, box):
                        leftwards = True  # glyph after glyph, each left of the one before
                    else:
                        visible.add_line(index, line, backwards)
                        line, backwards = [], False
                        visible.new_line()
                    backwards = backwards or leftwards
                    line.append((chars, text))
                    last_box = chars[-1][3]
                    visible_chars += len(text.strip())
                    if _ODD_UNICODE.search(text):
                        suspect.add("odd-unicode")
                    continue
                if not text.strip():
                    continue
                location = Location(page=index, rects=_line_rects([c[3] for c in chars]), detail=reason)
                severity = Severity.INFO if reason == _OCR and has_images else Severity.WARNING
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
            visible.add_line(index, line, backwards)
            if "actualtext" in suspect:
                self._actual_text(contents, "".join(visible.parts[page_start:]), index)
            if visible_chars < 5 and has_images:
                suspect.add("scan")
                self.out.findings.append(scan_finding(Location(page=index)))
                self.out.unreadable.append(f"第{index + 1}页（无文字层）")
            elif has_images:
                suspect.add("images")
            if suspect:
                self.out.suspect[index] = suspect
            if self.progress is not None:
                self.progress(index + 1, total)
        self.out.streams.append(TextStream(Channel.VISIBLE, "".join(visible.parts), visible.locator))
        self.out.streams.extend(hidden)

    def _actual_text(self, contents: bytes, glyphs: str, index: int) -> None:
        """`/ActualText` replaces what the glyphs show in copy, search and get_text: a reader sees
        one text, the text layer says another. Both are checked; the replacements that say
        something the glyphs do not are a stream of their own, and a finding."""
        shown = _squash(glyphs)
        differing = [t for t in actual_texts(contents) if _squash(t) and _squash(t) not in shown]
        if not differing:
            return
        location = Location(page=index, detail="ActualText")
        text = "\n".join(differing)
        self.out.findings.append(
            hidden_finding(
                "HID-ACTUALTEXT",
                Severity.WARNING,
                QT_TRANSLATE_NOOP("Rules", "替换文字（ActualText）与页面显示的字形不同"),
                Channel.HIDDEN_TEXT,
                location,
                text[:200],
            )
        )
        stream = fixed_stream(Channel.HIDDEN_TEXT, text, location)
        if stream:
            self.out.streams.append(stream)

    def _cropped_images(self, page: Any, index: int, crop: Any) -> bool:
        cropped = hidden_image_parts(self.doc, page, crop)
        for xref in cropped:
            self.out.findings.append(
                hidden_finding(
                    "HID-CROPPED-IMAGE",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "图片被裁剪，裁掉的部分仍在文件中（发布时去除）"),
                    Channel.HIDDEN_TEXT,
                    Location(page=index, detail=f"图片 对象 {xref} 0 R"),
                )
            )
        return bool(cropped)

    def _annotations(self, page: Any, index: int) -> None:
        for annot in page.annots():
            info = annot.info or {}
            kind = annot.type[1] if annot.type else "Annot"
            text = "\n".join(v for k, v in info.items() if k in ("content", "title", "subject") and v)
            location = Location(page=index, rects=(Rect(*annot.rect),), detail=f"{kind}")
            if annot.type and annot.type[0] == _FILE_ATTACHMENT:
                self._annotation_attachment(annot, index, location)
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
            # The tooltip (/TU), captions, choices and scripts are shown only on demand, or never.
            extras = [widget.field_label, widget.button_caption, *(_choice_texts(widget.choice_values))]
            extras += [getattr(widget, key, None) for key in _WIDGET_SCRIPTS]
            value = "\n".join([value, *(str(e) for e in extras if e)]).strip("\n")
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
            from review.extract.dispatch import add_attachment

            self.read_attachments.add(hash(bytes(content)))
            add_attachment(self.out, shown, content, self.depth + 1, self.budget)

    def _javascript(self) -> None:
        scripts = []
        sources = self.objects.sources
        for xref in range(1, self.doc.xref_length()):
            source = sources.get(xref)
            if source is not None and "/JS" not in source:
                continue  # the sweep has read this object already: asking MuPDF again cost ~0.1 s
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

    def _annotation_attachment(self, annot: Any, index: int, location: Location) -> None:
        from review.extract.dispatch import add_attachment, unreadable_attachment

        try:
            info = annot.file_info or {}
            content = annot.get_file()
        except Exception:
            unreadable_attachment(self.out, f"第{index + 1}页注释附件", "无法取出")
            return
        shown = _unmangle(info.get("filename") or "") or info.get("description") or "注释附件"
        self.out.findings.append(
            hidden_finding(
                "HID-ATTACH",
                Severity.WARNING,
                QT_TRANSLATE_NOOP("Rules", "注释中附带的文件（随 PDF 一同发布）"),
                Channel.EMBEDDED_FILE,
                Location(page=index, rects=location.rects, detail=shown),
            )
        )
        self.read_attachments.add(hash(bytes(content)))
        add_attachment(self.out, shown, content, self.depth + 1, self.budget)

    def _sweep(self) -> None:
        """Every object and decompressed stream of the file, referenced or not, through the matcher.

        What the channels above read is not read twice: a string is kept only when it says
        something no channel has said. Page content streams were read by the text trace, fonts and
        images carry no text (images' metadata segments are read here, their pixels are OCR's), and
        embedded files are opened as attachments. What no page or catalog entry reaches (orphans,
        the trailer's extra streams such as LibreOffice's /AdditionalStreams) is reported as such.
        """
        sweep = self.objects
        trailer_extra = sweep.trailer_extras()
        seen: str | None = None
        orphans: list[int] = []
        for xref, pieces, stream in sweep.objects(sweep.contents):
            if stream is not None:
                digest = hash(stream)
                if digest in self.read_attachments:
                    continue
                self.read_attachments.add(digest)
                from review.extract.dispatch import add_attachment

                label = f"对象 {xref} 0 R"
                if xref in trailer_extra:
                    label = f"文件尾 {trailer_extra[xref]} {label}"
                add_attachment(self.out, label, stream, self.depth + 1, self.budget)
                if xref not in sweep.reachable and xref not in trailer_extra:
                    orphans.append(xref)
                continue
            if seen is None:
                seen = _squash("\n".join(s.text for s in self.out.streams))
            new = [p for p in pieces if (q := _squash(p)) and len(q) >= 2 and q not in seen]
            if not new:
                continue
            if xref not in sweep.reachable and xref not in trailer_extra:
                orphans.append(xref)
            where = f"对象 {xref} 0 R"
            if xref in trailer_extra:
                where = f"文件尾 {trailer_extra[xref]} {where}"
            elif xref in sweep.image_meta:
                where = f"图片 对象 {sweep.image_meta[xref][0]} 0 R 的 {sweep.image_meta[xref][1]}"
                self.out.findings.append(
                    hidden_finding(
                        "HID-IMAGE-META",
                        Severity.WARNING,
                        QT_TRANSLATE_NOOP("Rules", "图片内含文字（JPEG 注释、EXIF、XMP 等，发布时删除）"),
                        Channel.HIDDEN_TEXT,
                        Location(detail=where),
                        "\n".join(new)[:200],
                    )
                )
            stream_text = fixed_stream(Channel.HIDDEN_TEXT, "\n".join(new), Location(detail=where))
            if stream_text:
                self.out.streams.append(stream_text)
        if trailer_extra:
            self.out.findings.append(
                hidden_finding(
                    "HID-TRAILER",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Rules", "文件尾附加的数据（如混合 PDF 保存的 ODF 源文件），读者看不到，发布时删除"
                    ),
                    Channel.HIDDEN_TEXT,
                    Location(detail="、".join(sorted(set(trailer_extra.values())))),
                )
            )
        if orphans:
            self.out.findings.append(
                hidden_finding(
                    "HID-ORPHAN",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "没有页面引用的对象中含有文字（发布时删除）"),
                    Channel.HIDDEN_TEXT,
                    Location(detail="、".join(f"对象 {x} 0 R" for x in sorted(set(orphans))[:20])),
                )
            )

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


def covering_fills(
    page: Any, trace: list[dict[str, Any]], contents: bytes | None = None
) -> list[tuple[int, Any]]:
    """Fills and images painted after some text: what may cover it (fake redaction)."""
    if not trace or not may_paint_over_text(page.read_contents() if contents is None else contents):
        return []
    import pymupdf

    first_text = min(span["seqno"] for span in trace)
    return [
        (seq, pymupdf.Rect(box))
        for seq, (kind, box) in enumerate(page.get_bboxlog())
        if seq > first_text and kind in ("fill-path", "fill-image", "fill-imgmask", "fill-shade")
    ]


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
    x0, y0, x1, y1 = span["bbox"]
    if not _intersects(x0, y0, x1, y1, *crop):
        return "页面可见区域之外"
    if span.get("layer") and span["layer"] in off_layers:
        return f"关闭的图层“{span['layer']}”"
    if x0 >= x1 or y0 >= y1 or not covering:
        return None
    bbox = pymupdf.Rect(x0, y0, x1, y1)
    area = bbox.get_area()
    for seq, rect in covering:
        if seq > span["seqno"] and (bbox & rect).get_area() >= COVER_SHARE * area:
            return "被图形或图片遮盖（伪删除）"
    return None


def _intersects(
    ax0: float, ay0: float, ax1: float, ay1: float, bx0: float, by0: float, bx1: float, by1: float
) -> bool:
    """pymupdf.Rect(a).intersects(b) on plain numbers: neither empty nor MuPDF's infinite
    rectangle, and overlapping. The Rect methods cost ~30 µs a span, and a page has hundreds."""
    return (
        ax0 < ax1
        and ay0 < ay1
        and bx0 < bx1
        and by0 < by1
        and not (ax0 == ay0 == _MIN_INF and ax1 == ay1 == _MAX_INF)
        and not (bx0 == by0 == _MIN_INF and bx1 == by1 == _MAX_INF)
        and ax0 < bx1
        and bx0 < ax1
        and ay0 < by1
        and by0 < ay1
    )


_MIN_INF, _MAX_INF = -0x80000000, 0x7FFFFF80  # pymupdf.FZ_MIN_INF_RECT, FZ_MAX_INF_RECT


def _left_edge(char: Any) -> float:
    """A trace character's left edge."""
    return float(char[3][0])


def _same_baseline(
    previous: tuple[float, float, float, float] | None, box: tuple[float, float, float, float]
) -> bool:
    if previous is None:
        return False
    height = max(1.0, previous[3] - previous[1])
    return abs((previous[1] + previous[3]) - (box[1] + box[3])) / 2 < 0.5 * height


_ODD_UNICODE = re.compile("[\ue000-\uf8ff\ufffd]")
_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


_FILE_ATTACHMENT = 17  # PyMuPDF's PDF_ANNOT_FILE_ATTACHMENT
_WIDGET_SCRIPTS = (
    "script",
    "script_stroke",
    "script_format",
    "script_change",
    "script_calc",
    "script_blur",
    "script_focus",
)


def _choice_texts(values: Any) -> list[str]:
    out: list[str] = []
    for value in values or ():
        out.extend(str(v) for v in value) if isinstance(value, list | tuple) else out.append(str(value))
    return out


# -- PDF strings ----------------------------------------------------------------------------------

_LITERAL = r"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))*\)"
_HEX = r"(?<!<)<[0-9A-Fa-f\s]+>(?!>)"
_STRINGS = re.compile(f"{_LITERAL}|{_HEX}", re.S)
_ACTUAL_TEXT = re.compile(rf"/ActualText\s*({_LITERAL}|<[0-9A-Fa-f\s]*>)", re.S)
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "(": "(", ")": ")", "\\": "\\"}
_ESCAPE = re.compile(r"\\([0-7]{1,3}|\r\n|[\r\n]|.)", re.S)
_PDF_DATE = re.compile(r"D:\d{4}")


def _escape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "01234567":
        return chr(int(code, 8) & 0xFF)
    if code in ("\r\n", "\r", "\n"):
        return ""
    return _ESCAPES.get(code, code)


def pdf_string(token: str) -> str:
    """The text of a PDF string token as the object source writes it (literal or hex)."""
    if token.startswith("<"):
        digits = re.sub(r"\s", "", token[1:-1])
        raw = bytes.fromhex(digits + "0" * (len(digits) % 2))
    else:
        raw = _ESCAPE.sub(_escape, token[1:-1]).encode("latin-1", "replace")
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.isascii():
        return raw.decode("ascii")
    for encoding in ("utf-8", "gb18030"):  # producers write Chinese as raw UTF-8 or GBK bytes
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _readable(text: str) -> bool:
    if not text.strip():
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\t")
    return printable >= 0.85 * len(text)


def pdf_strings(source: str) -> list[str]:
    """Readable strings in PDF syntax (an object's source, or a content stream read as Latin-1)."""
    out = []
    for match in _STRINGS.finditer(source):
        text = pdf_string(match.group())
        if _readable(text) and not _PDF_DATE.match(text):
            out.append(text)
    return out


def actual_texts(contents: bytes) -> list[str]:
    """The `/ActualText` replacements in a content stream."""
    source = contents.decode("latin-1")
    return [t for m in _ACTUAL_TEXT.finditer(source) if (t := pdf_string(m.group(1))).strip()]


# -- what OCR should look at ----------------------------------------------------------------------

_STANDARD_ENCODINGS = {"WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding", "PDFDocEncoding"}
_VECTOR_CURVES, _VECTOR_FILLS = 200, 20


def page_suspicion(
    doc: Any, page: Any, contents: bytes, font_cache: dict[int, str | None], fonts_to_check: bool = True
) -> set[str]:
    """Cheap signs that the text layer may not say what the page shows (no page rendering):
    "type3" (glyphs that are drawings), "no-tounicode" (a font whose codes map to no Unicode),
    "actualtext" (replacement text), "vector-glyphs" (many filled curves: text as outlines).
    The page loop adds "odd-unicode", "images", "scan", "thumbnail" and "cropped-image"."""
    signs: set[str] = set()
    if b"ActualText" in contents:
        signs.add("actualtext")
    for font in page.get_fonts(full=False) if fonts_to_check else ():
        xref, ext, kind, encoding = font[0], font[1], font[2], font[5]
        if kind == "Type3":
            signs.add("type3")
            continue
        if xref not in font_cache:
            font_cache[xref] = _font_problem(doc, xref, ext, kind, encoding)
        if font_cache[xref]:
            signs.add(str(font_cache[xref]))
    if contents.count(b" c\n") + contents.count(b" c ") >= _VECTOR_CURVES and may_paint_over_text(contents):
        fills = sum(contents.count(op) for op in (b"\nf\n", b" f\n", b"\nf*\n", b" f*\n", b"\nB\n", b" B\n"))
        if fills >= _VECTOR_FILLS:
            signs.add("vector-glyphs")
    return signs


def _font_problem(doc: Any, xref: int, ext: str, kind: str, encoding: str) -> str | None:
    if xref <= 0:
        return None
    if doc.xref_get_key(xref, "ToUnicode")[0] != "null":
        return None
    # A predefined CMap (UniGB-UCS2-H …) maps to Unicode by itself; Identity-H maps to glyph ids.
    if kind == "Type0":
        return "no-tounicode" if encoding.startswith("Identity") or not encoding else None
    if ext != "n/a" and encoding not in _STANDARD_ENCODINGS:
        return "no-tounicode"
    return None


def suspect_pages(doc: Any) -> dict[int, set[str]]:
    """Pages where what a person sees may differ from the text layer, with the signs found (see
    `page_suspicion`; plus "images" for a page with pictures). Without a text trace: a check
    already has the fuller answer in `Extraction.suspect`."""
    cache: dict[int, str | None] = {}
    out: dict[int, set[str]] = {}
    with LOCK:
        for index in range(doc.page_count):
            page = doc[index]
            signs = page_suspicion(doc, page, page.read_contents(), cache)
            if page.get_images(full=False):
                signs.add("images")
            if signs:
                out[index] = signs
    return out


# -- images: hidden pixels ------------------------------------------------------------------------


def hidden_image_parts(doc: Any, page: Any, visible_area: Any) -> dict[int, Any]:
    """Images drawn partly outside `visible_area` (the page's CropBox) whose hidden part is not
    blank: {xref: the rectangle of the image's pixels that shows (pymupdf.IRect)}. Cropping
    hides those pixels from the reader, not from anyone who takes the image out."""
    import pymupdf

    visible_by_xref: dict[int, Any] = {}
    for info in page.get_image_info(xrefs=True):
        xref = info.get("xref") or 0
        bbox = pymupdf.Rect(info["bbox"])
        if xref <= 0 or bbox.is_empty:
            continue
        area = pymupdf.Rect(visible_area)
        if pymupdf.Rect(area.x0 - 1, area.y0 - 1, area.x1 + 1, area.y1 + 1).contains(bbox):
            continue
        shown = bbox & pymupdf.Rect(visible_area)
        width, height = info["width"], info["height"]
        if shown.is_empty:
            pixels = pymupdf.IRect(0, 0, 0, 0)
        else:
            unit = shown * ~pymupdf.Matrix(info["transform"])
            unit.normalize()
            pixels = pymupdf.IRect(
                max(0, int(unit.x0 * width)),
                max(0, int(unit.y0 * height)),
                min(width, int(unit.x1 * width + 0.999)),
                min(height, int(unit.y1 * height + 0.999)),
            )
        known = visible_by_xref.get(xref)
        visible_by_xref[xref] = pixels if known is None else (known | pixels)
    out: dict[int, Any] = {}
    for xref, pixels in visible_by_xref.items():
        try:
            if _hidden_part_has_content(pymupdf.Pixmap(doc, xref), pixels):
                out[xref] = pixels
        except Exception:
            out[xref] = pixels  # an image that cannot be decoded is no proof of an empty margin
    return out


def _hidden_part_has_content(pix: Any, shown: Any) -> bool:
    import pymupdf

    if pix.alpha:
        pix = pymupdf.Pixmap(pix, 0)
    corners = [(0, 0), (pix.width - 1, 0), (0, pix.height - 1), (pix.width - 1, pix.height - 1)]
    hidden = [c for c in corners if not (shown.x0 <= c[0] < shown.x1 and shown.y0 <= c[1] < shown.y1)]
    if not hidden:
        return False
    copy = pymupdf.Pixmap(pix)
    if not shown.is_empty:
        colour = tuple(pix.pixel(*hidden[0]))
        copy.set_rect(shown, colour + (255,) * (copy.n - len(colour)))
    return not copy.is_unicolor


# -- the raw object sweep -------------------------------------------------------------------------

_REF = re.compile(r"(\d+)\s+\d+\s+R\b")
_NO_TEXT_REF = re.compile(
    r"/(?:FontFile[23]?|ToUnicode|CIDSet|CIDToGIDMap|SMask|Mask|Thumb)\s+(\d+)\s+\d+\s+R"
)
_ENCODING_REF = re.compile(r"/Encoding\s+(\d+)\s+\d+\s+R")
_METADATA_REF = re.compile(r"/Metadata\s+(\d+)\s+\d+\s+R")
_TYPE = re.compile(r"/Type\s*/(\w+)")
_SUBTYPE = re.compile(r"/Subtype\s*/(\w+)")
_STANDARD_TRAILER = {
    "Size", "Root", "Info", "ID", "Encrypt", "Prev", "XRefStm", "Type", "W", "Index", "Filter",
    "DecodeParms", "Length",
}  # fmt: skip
_FONT_PROGRAMS = {"Type1C", "CIDFontType0C", "OpenType"}
_HEX_START = re.compile(r"<[0-9A-Fa-f]")
_CONTENTS = re.compile(r"/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)")


def _font_may_mislead(source: str) -> bool:
    """Whether a font object could make the text layer say something else than the glyphs: a
    Type3 font, or a font (not a CID descendant, whose parent holds the map) without ToUnicode
    and without a standard encoding."""
    kind = m.group(1) if (m := _TYPE.search(source)) else ""
    subtype = m.group(1) if (m := _SUBTYPE.search(source)) else ""
    if kind != "Font" or subtype.startswith("CIDFontType"):
        return False
    if subtype == "Type3":
        return True
    return "/ToUnicode" not in source and not any(f"/{e}" in source for e in _STANDARD_ENCODINGS)


_NUMBER = r"\s*([-+]?(?:\d+\.?\d*|\.\d+))"
_MEDIA_BOX = re.compile(rf"\s*\[{_NUMBER * 4}\s*\]")
_CID_SYSTEM = re.compile(r"/(?:Registry|Ordering)\s*\([^)]*\)")  # "Adobe", "Identity" in every CID font


class ObjectSweep:
    """The file's objects as PyMuPDF's xref table lists them, with what the trailer reaches."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.sources: dict[int, str] = {}
        for xref in range(1, doc.xref_length()):
            try:
                self.sources[xref] = doc.xref_object(xref, compressed=False)
            except Exception:
                continue
        self.no_text: set[int] = set()
        self.fonts_to_check = False
        self.has_images = False
        self.has_thumbnails = False  # a /Thumb key anywhere (objects in object streams included)
        # No /CropBox anywhere and every /MediaBox a literal array with its bottom at 0: then each
        # page's CropBox (its MediaBox, measured from the top) equals its MediaBox, and the page
        # loop need not ask PyMuPDF for the MediaBox (a Python property: ~25 ms on 300 pages).
        self.crop_is_media = True
        self.contents: set[int] = set()
        self.image_meta: dict[int, tuple[int, str]] = {}  # stream xref -> (image xref, what)
        for xref, source in self.sources.items():
            if "/Font" in source:
                self.no_text.update(int(m) for m in _ENCODING_REF.findall(source))
                if not self.fonts_to_check and _font_may_mislead(source):
                    self.fonts_to_check = True
            # Page content streams are read by the text trace, not the sweep.
            if "/Contents" in source and "/Page" in source and (m := _CONTENTS.search(source)):
                self.contents.update(int(x) for x in _REF.findall(m.group(1)))
            if not self.has_images and "/Image" in source:
                self.has_images = True
            if not self.has_thumbnails and "/Thumb" in source:
                self.has_thumbnails = True
            if self.crop_is_media and "Box" in source:
                self.crop_is_media = "/CropBox" not in source and all(
                    (m := _MEDIA_BOX.match(source, at.end())) is not None
                    and min(float(m.group(2)), float(m.group(4))) == 0
                    for at in re.finditer("/MediaBox", source)
                )
            self.no_text.update(int(m) for m in _NO_TEXT_REF.findall(source))
            if "/Image" in source:
                for meta in _METADATA_REF.findall(source):
                    self.image_meta[int(meta)] = (xref, "XMP")

    @functools.cached_property
    def reachable(self) -> set[int]:
        """What the trailer's /Root, /Info and /Encrypt reach (asked only when there is text to place)."""
        todo = []
        for key in ("Root", "Info", "Encrypt"):
            kind, value = self.doc.xref_get_key(-1, key)
            if kind == "xref":
                todo.append(int(value.split()[0]))
        reached: set[int] = set()
        while todo:
            xref = todo.pop()
            if xref in reached:
                continue
            reached.add(xref)
            todo.extend(int(m) for m in _REF.findall(self.sources.get(xref, "")))
        return reached

    def trailer_extras(self) -> dict[int, str]:
        """Objects the trailer points at under keys no reader uses (/AdditionalStreams …)."""
        out: dict[int, str] = {}
        for key in self.doc.xref_get_keys(-1):
            if key in _STANDARD_TRAILER:
                continue
            _, value = self.doc.xref_get_key(-1, key)
            for ref in _REF.findall(value):
                out[int(ref)] = key
        return out

    def objects(self, skip: set[int]) -> Iterator[tuple[int, list[str], bytes | None]]:
        """(xref, strings, None) for text, (xref, [], bytes) for a stream that is a file of its own."""
        import pymupdf

        # Document.xref_is_stream wraps the document anew on every call (~15 µs; thousands of
        # objects in a file whose pages each embed a font).
        is_stream = functools.partial(
            pymupdf.mupdf.pdf_obj_num_is_stream, pymupdf.mupdf.PdfDocument(self.doc.this)
        )
        for xref, source in self.sources.items():
            if xref in skip:
                continue
            has_strings = "(" in source or _HEX_START.search(source)
            pieces = pdf_strings(_CID_SYSTEM.sub("", source)) if has_strings else []
            if xref in self.no_text or not is_stream(xref):
                if pieces:
                    yield xref, pieces, None
                continue
            kind = m.group(1) if (m := _TYPE.search(source)) else ""
            subtype = m.group(1) if (m := _SUBTYPE.search(source)) else ""
            if kind in ("ObjStm", "XRef") or subtype in _FONT_PROGRAMS or "/Length1" in source:
                if pieces:
                    yield xref, pieces, None
                continue
            if subtype == "Image" or ("/Width" in source and "/Height" in source):
                if "/DCTDecode" in source:
                    from review.extract.inner import jpeg_segment_text

                    segments = jpeg_segment_text(self.doc.xref_stream_raw(xref))
                    if segments:
                        self.image_meta[xref] = (xref, "、".join(w for w, _ in segments))
                        pieces += [t for _, t in segments]
                if pieces:
                    yield xref, pieces, None
                continue
            try:
                data = self.doc.xref_stream(xref)
            except Exception:
                data = self.doc.xref_stream_raw(xref)
            if not data:
                if pieces:
                    yield xref, pieces, None
                continue
            if kind == "EmbeddedFile":
                yield xref, [], bytes(data)
                continue
            pieces += _stream_text(bytes(data), subtype == "Form" or kind == "Pattern")
            if pieces and isinstance(pieces[-1], bytes):
                yield xref, [], pieces[-1]
                continue
            if pieces:
                yield xref, [str(p) for p in pieces], None


def _stream_text(data: bytes, content: bool) -> list[Any]:
    """A stream's text: a content stream's strings, a text or XML stream's text (tags removed), a
    binary one's readable runs, or — last in the list, as bytes — the stream itself when it is a
    file of its own (a ZIP, a PDF, an Office file), to be opened as an attachment."""
    from review.extract import inner
    from review.formats import Inner, sniff_inner

    if content or (b"BT" in data and (b"Tj" in data or b"TJ" in data)):
        source = data.decode("latin-1")
        texts = pdf_strings(source)
        texts += [pdf_string(m.group(1)) for m in _ACTUAL_TEXT.finditer(source)]
        return texts
    kind = sniff_inner(data)
    if kind in (Inner.TEXT, Inner.HTML, Inner.MHT):
        text = inner.decoded(data)
        if "<" in text and ">" in text:
            text = re.sub(r"<[^>]+>", "\n", text)
        return [text]
    if kind is Inner.UNKNOWN:
        runs = inner.string_runs(data)
        return [runs] if runs.strip() else []
    return [data]
