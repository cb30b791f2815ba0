"""Redaction that really removes, and sanitising of everything a published PDF must not carry.

What extraction does not see, redaction does not remove (MEASURED.md; issue notes): so before
redacting, every layer is switched on and the CropBox widened, and text the reader cannot see —
white, tiny, invisible, covered, off-page, in hidden layers — is removed too. Annotations, form
fields, links, bookmarks, embedded files, JavaScript, thumbnails, layers and metadata are dropped;
the file is written fresh, so no earlier revision survives. Encrypted or repaired files are
refused. Optionally every page is rasterised: the only pipeline that removes every hidden channel.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from review.errors import QT_TRANSLATE_NOOP, TranslatableError
from review.extract.pdf import covering_fills, hidden_image_parts, hidden_reason, switch_layers_on
from review.model import Rect
from review.mupdf import LOCK
from review.ocr import remove_text_only, rewrite_image
from review.split_text import split_text_under

log = logging.getLogger(__name__)

REMOVED_LABEL = "[已删除]"
# PyMuPDF's PDF_REDACT_IMAGE_PIXELS, PDF_REDACT_LINE_ART_REMOVE_IF_COVERED, PDF_REDACT_TEXT_REMOVE
_IMAGE_PIXELS, _LINE_ART_IF_COVERED, _TEXT_REMOVE = 2, 1, 0
_REDACT_ANNOT = 12  # PyMuPDF's PDF_ANNOT_REDACT
CJK_FONT = "china-s"


class RedactionRefused(TranslatableError):
    pass


@dataclass(frozen=True)
class Area:
    """A place to remove: a rectangle on a page, optionally replaced by text (a masked number)."""

    page: int
    rect: Rect
    replacement: str | None = None


@dataclass(frozen=True)
class RedactionOptions:
    mark: str = "box"  # "box": a black box; "label": a white box reading [已删除]
    rasterize: bool = False
    dpi: int = 200
    # What the catalog publishes, written as the only metadata (title, author, subject, keywords).
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass
class RedactionOutcome:
    pdf: bytes
    kept_text: str  # the visible characters that were outside every area, in reading order
    removed_hidden: int  # hidden text spans removed


def redact_pdf(data: bytes, areas: list[Area], options: RedactionOptions | None = None) -> RedactionOutcome:
    options = options or RedactionOptions()
    import pymupdf

    with LOCK:
        try:
            doc = pymupdf.open(stream=data, filetype="pdf")
        except Exception as exc:
            raise RedactionRefused(
                QT_TRANSLATE_NOOP("DeskError", "无法打开待删减的 PDF：{reason}"), reason=str(exc)
            ) from exc
        try:
            if doc.needs_pass or doc.is_encrypted:
                raise RedactionRefused(QT_TRANSLATE_NOOP("DeskError", "加密的 PDF 不能删减，请先去除加密。"))
            if doc.is_repaired:
                raise RedactionRefused(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "PDF 结构已损坏（经修复才能打开），不能可靠删减；请重新生成该文件。"
                    )
                )
            return _redact(doc, areas, options)
        finally:
            doc.close()


def _redact(doc: Any, areas: list[Area], options: RedactionOptions) -> RedactionOutcome:
    import pymupdf

    off_layers = switch_layers_on(doc)
    kept_pages: list[str] = []
    removed_hidden = 0
    for index in range(doc.page_count):
        page = doc[index]
        # Annotations first: their appearance would otherwise count as page text.
        for annot in list(page.annots()):
            page.delete_annot(annot)
        for widget in list(page.widgets()):
            page.delete_widget(widget)
        for link in page.get_links():
            page.delete_link(link)
        page = doc[index]
        crop = page.cropbox
        page.set_cropbox(page.mediabox)
        trace = page.get_texttrace()
        covering = covering_fills(page, trace)
        page_areas = [a for a in areas if a.page == index]
        kept: list[str] = []
        for span in trace:
            if not span["chars"]:
                continue
            if hidden_reason(span, crop, off_layers, covering) is not None:
                removed_hidden += 1
                for c in span["chars"]:
                    page.add_redact_annot(_shrunk(c[3]), fill=False)
                continue
            for c in span["chars"]:
                box = pymupdf.Rect(c[3])
                if not any(box.intersects(_rect(a.rect)) for a in page_areas):
                    kept.append(chr(c[0]) if c[0] >= 0 else "")
        kept_pages.append("".join(kept))
        _split_strings_under_redactions(doc, page)
        # OCR (review/ocr.py): hidden text goes now, without the pixels under it (a scan's OCR layer).
        remove_text_only(page)
        masks = [(area, _mask_place(trace, area)) for area in page_areas if area.replacement is not None]
        for area in page_areas:
            _add_area(page, area, options, drawn_after=any(a is area and at for a, at in masks))
        _split_strings_under_redactions(doc, page)
        # Image pixels under an area are blanked; drawings inside it removed; text removed.
        page.apply_redactions(images=_IMAGE_PIXELS, graphics=_LINE_ART_IF_COVERED, text=_TEXT_REMOVE)
        for area, at in masks:
            if at is not None:
                _draw_mask(page, area, at)
        cropped = _blank_cropped_pixels(doc, page, crop)
        _reencode_images(doc, page, skip=cropped)
        _drop_actual_text(doc, page)
        if crop != page.mediabox:
            page.set_cropbox(crop)
    _sanitise_document(doc, options)
    out = doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=False)
    if options.rasterize:
        out = _rasterise(out, options)
    return RedactionOutcome(bytes(out), "".join(kept_pages), removed_hidden)


def _split_strings_under_redactions(doc: Any, page: Any) -> None:
    """Issue 14: MuPDF, removing glyphs from inside a string, draws the kept glyphs after them one
    glyph to the left (under the box). Strings under a pending redaction are cut one glyph per
    string first (review/split_text.py), which places every glyph where it was."""
    rects = [annot.rect for annot in page.annots(types=(_REDACT_ANNOT,))]
    try:
        split_text_under(doc, page, rects)
    except Exception:  # a content stream it cannot follow is redacted as it is; lost_ink judges the page
        log.warning("strings under a redaction not split on page %d", page.number + 1, exc_info=True)


def _rect(r: Rect) -> Any:
    import pymupdf

    return pymupdf.Rect(r.x0, r.y0, r.x1, r.y1)


def _shrunk(box: tuple[float, float, float, float]) -> Any:
    """A character box pulled in a little, so that removing it does not touch a neighbour."""
    import pymupdf

    r = pymupdf.Rect(box)
    dx, dy = r.width * 0.2, r.height * 0.2
    return pymupdf.Rect(r.x0 + dx, r.y0 + dy, r.x1 - dx, r.y1 - dy) if not r.is_empty else r


def _mask_place(trace: list[dict[str, Any]], area: Area) -> tuple[float, float, float] | None:
    """Where the text under a masked area starts — x, baseline, font size — from the page's text
    trace, so the mask is set in line with the text around it; None for text that is not horizontal."""
    import pymupdf

    rect = _rect(area.rect)
    for span in trace:
        if span.get("wmode", 0) or abs(span.get("dir", (1, 0))[1]) > 1e-3:
            continue
        for c in span["chars"]:
            box = pymupdf.Rect(c[3])
            if box.intersects(rect) and box.width * box.height > 0:
                return float(c[2][0]), float(c[2][1]), float(span["size"])
    return None


def _draw_mask(page: Any, area: Area, at: tuple[float, float, float]) -> None:
    """A masked number (110***********1230) in the CJK font, on the baseline and at the size of the
    text it replaces, made smaller only where it would be wider than its area."""
    import pymupdf

    x, baseline, size = at
    rect = _rect(area.rect)
    text = area.replacement or ""
    x = max(x, rect.x0)
    # A TextWriter embeds the font with its own widths: the base-14 CJK names set every digit a
    # full em apart, and the mask ran over the text after it.
    font = pymupdf.Font("cjk")
    width = font.text_length(text, fontsize=size)
    if width > rect.x1 - x > 0:
        size *= (rect.x1 - x) / width
    writer = pymupdf.TextWriter(page.rect)
    writer.append((x, baseline), text, font=font, fontsize=size)
    writer.write_text(page, color=(0, 0, 0))


def _add_area(page: Any, area: Area, options: RedactionOptions, drawn_after: bool = False) -> None:
    """The redaction of one area. `drawn_after`: its mask is set after the redaction (_draw_mask)."""
    rect = _rect(area.rect)
    if drawn_after:
        page.add_redact_annot(rect, fill=(1, 1, 1), cross_out=False)
    elif area.replacement is not None:
        page.add_redact_annot(
            rect,
            text=area.replacement,
            fontname=CJK_FONT,
            fontsize=max(6.0, rect.height * 0.75),
            fill=(1, 1, 1),
            text_color=(0, 0, 0),
            align=0,
        )
    elif options.mark == "label":
        page.add_redact_annot(
            rect,
            text=REMOVED_LABEL,
            fontname=CJK_FONT,
            fontsize=max(5.0, rect.height * 0.7),
            fill=(1, 1, 1),
            text_color=(0, 0, 0),
            cross_out=False,
        )
    else:
        page.add_redact_annot(rect, fill=(0, 0, 0), cross_out=False)


def _blank_cropped_pixels(doc: Any, page: Any, crop: Any) -> set[int]:
    """Images that show only part of themselves (cut by the CropBox) lose the pixels nobody sees:
    those are painted white and the image written anew. Returns the images so rewritten."""
    import pymupdf

    done: set[int] = set()
    for xref, shown in hidden_image_parts(doc, page, crop).items():
        try:
            pix = pymupdf.Pixmap(doc, xref)
            if pix.alpha:
                pix = pymupdf.Pixmap(pix, 0)
            white = (255,) * pix.n
            width, height = pix.width, pix.height
            if shown.is_empty:
                pix.set_rect(pix.irect, white)
            else:
                for strip in (
                    pymupdf.IRect(0, 0, width, shown.y0),
                    pymupdf.IRect(0, shown.y1, width, height),
                    pymupdf.IRect(0, shown.y0, shown.x0, shown.y1),
                    pymupdf.IRect(shown.x1, shown.y0, width, shown.y1),
                ):
                    if not strip.is_empty:
                        pix.set_rect(strip, white)
            doc.xref_set_key(xref, "Metadata", "null")
            rewrite_image(doc, xref, pix)  # replace_image can blank a redacted grey image (see review/ocr.py)
            done.add(xref)
        except Exception:
            continue  # verification re-reads the output and fails if hidden pixels remain
    return done


_ACTUAL_TEXT = re.compile(
    rb"/ActualText\s*(?:\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|<[0-9A-Fa-f\s]*>)", re.S
)


def _drop_actual_text(doc: Any, page: Any) -> None:
    """`/ActualText` says what copy and search give instead of the glyphs: the published page
    keeps only what it shows."""
    xrefs = list(page.get_contents())
    xrefs += [x[0] for x in page.get_xobjects()]
    for xref in xrefs:
        if not doc.xref_is_stream(xref):
            continue
        data = doc.xref_stream(xref)
        if data and b"ActualText" in data:
            doc.update_stream(xref, _ACTUAL_TEXT.sub(b"", data))


def _reencode_images(doc: Any, page: Any, skip: set[int] | None = None) -> None:
    """Images written anew from their pixels: EXIF, XMP, JPEG comments and other segments go."""
    import pymupdf

    for image in page.get_images(full=True):
        xref = image[0]
        if skip and xref in skip:
            continue
        doc.xref_set_key(xref, "Metadata", "null")
        try:
            pix = pymupdf.Pixmap(doc, xref)
            if pix.alpha:
                pix = pymupdf.Pixmap(pix, 0)
            rewrite_image(doc, xref, pix)  # OCR (review/ocr.py): replace_image blanked redacted scans
        except Exception:
            continue


def _sanitise_document(doc: Any, options: RedactionOptions) -> None:
    doc.set_toc([])
    for name in list(doc.embfile_names()):
        doc.embfile_del(name)
    doc.scrub(
        attached_files=True,
        clean_pages=True,
        embedded_files=True,
        hidden_text=True,
        javascript=True,
        metadata=True,
        redactions=True,
        remove_links=True,
        reset_fields=True,
        reset_responses=True,
        thumbnails=True,
        xml_metadata=True,
    )
    catalog = doc.pdf_catalog()
    for key in ("OCProperties", "OpenAction", "AA", "Names", "Outlines", "AcroForm", "PieceInfo", "Metadata"):
        doc.xref_set_key(catalog, key, "null")
    # The trailer keeps only what a reader needs: /AdditionalStreams (LibreOffice's hybrid PDF
    # keeps the ODF source there) and any other private key go, and what they pointed at with
    # them, since the file is written with garbage collection.
    for key in doc.xref_get_keys(-1):
        if key not in ("Size", "Root", "Info", "ID"):
            doc.xref_set_key(-1, key, "null")
    info = doc.xref_get_key(-1, "Info")
    if info[0] == "xref":
        info_xref = int(info[1].split()[0])
        for key in doc.xref_get_keys(info_xref):
            doc.xref_set_key(info_xref, key, "null")
    for index in range(doc.page_count):
        page_xref = doc[index].xref
        for key in ("Thumb", "AA", "PieceInfo", "Metadata"):
            doc.xref_set_key(page_xref, key, "null")
    allowed = {k: v for k, v in options.metadata.items() if k in ("title", "author", "subject", "keywords")}
    doc.set_metadata({**allowed, "producer": "", "creator": ""})


def _rasterise(pdf: bytes, options: RedactionOptions) -> bytes:
    """Every page as an image and nothing else: no text, no objects, no metadata but the catalog's."""
    import pymupdf

    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    for index in range(src.page_count):
        page = src[index]
        pix = page.get_pixmap(dpi=options.dpi, alpha=False)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=pix.tobytes("png"))
    allowed = {k: v for k, v in options.metadata.items() if k in ("title", "author", "subject", "keywords")}
    out.set_metadata({**allowed, "producer": "", "creator": ""})
    buf = io.BytesIO()
    out.save(buf, garbage=4, deflate=True)
    src.close()
    out.close()
    return buf.getvalue()


def areas_for_texts(pdf: bytes, texts: dict[str, str | None]) -> list[Area]:
    """Every place on the pages where one of `texts` occurs (through line and page breaks), each
    with its replacement (None: removed). Used where findings came from another form of the
    document (a DOCX draft published as a PDF) or where every occurrence must go."""
    from review.extract.dispatch import extract_any
    from review.model import Channel
    from review.normalize import normalize, normalize_term

    extraction = extract_any("draft.pdf", pdf)
    areas: list[Area] = []
    for stream in extraction.streams:
        if stream.channel is not Channel.VISIBLE:
            continue  # everything else is removed wholesale by sanitising
        norm = normalize(stream.text)
        for text, replacement in texts.items():
            target = normalize_term(text)
            if not target:
                continue
            start = norm.text.find(target)
            while start != -1:
                o_start, o_end = norm.original_span(start, start + len(target))
                location = stream.locator.locate(o_start, o_end)
                for rect in location.rects:
                    page = rect.page if rect.page is not None else location.page
                    if page is not None:
                        areas.append(Area(page, Rect(rect.x0, rect.y0, rect.x1, rect.y1), replacement))
                start = norm.text.find(target, start + 1)
    return areas
