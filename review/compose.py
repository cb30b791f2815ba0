"""Lays out text as a PDF with the CJK font PyMuPDF carries (no system font needed)."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable

import nh3

from review.mupdf import LOCK

A4_MARGIN = 72

# What the desk's interpretation editor may produce and the PDF keeps: structure, not styling.
# Everything else (scripts, styles, images, links, Qt's own attributes) is dropped before layout.
RICH_TEXT_TAGS = {
    "h1", "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "u",
    "table", "thead", "tbody", "tr", "th", "td", "blockquote",
}  # fmt: skip
RICH_TEXT_ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
_RICH_TEXT_CSS = (
    "p{text-indent:2em;line-height:1.6} li{line-height:1.6} table{border-collapse:collapse} "
    "td,th{border:1px solid black;padding:3px}"
)


def sanitize_rich_text(fragment: str) -> str:
    """The allowed subset of an HTML fragment (headings, paragraphs, lists, tables, emphasis)."""
    return nh3.clean(fragment, tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, link_rel=None).strip()


def rich_text_is_blank(fragment: str) -> bool:
    """True when the fragment shows no text at all (empty paragraphs, spaces, scripts)."""
    return not html.unescape(nh3.clean(fragment, tags=set())).strip()


def compose_pdf(paragraphs: Iterable[str], title: str | None = None) -> bytes:
    """A4 pages of `paragraphs` under an optional centred title."""
    parts = []
    for para in paragraphs:
        escaped = html.escape(para) if para.strip() else "&nbsp;"
        parts.append(f"<p style='text-indent:2em;line-height:1.6'>{escaped}</p>")
    with LOCK:
        return _compose_locked(_title_html(title) + "".join(parts), "")


def compose_rich_pdf(fragment: str, title: str | None = None) -> bytes:
    """A4 pages of rich text (sanitised first) under an optional centred title."""
    with LOCK:
        return _compose_locked(_title_html(title) + sanitize_rich_text(fragment), _RICH_TEXT_CSS)


def _title_html(title: str | None) -> str:
    return f"<h2 style='text-align:center'>{html.escape(title)}</h2>" if title else ""


def _compose_locked(body_html: str, css: str) -> bytes:
    import pymupdf

    story = pymupdf.Story(html=body_html or "<p>&nbsp;</p>", user_css=css or None)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    page_rect = pymupdf.paper_rect("a4")
    body = page_rect + (A4_MARGIN, A4_MARGIN, -A4_MARGIN, -A4_MARGIN)  # noqa: RUF005 - Rect arithmetic
    more = True
    while more:
        device = writer.begin_page(page_rect)
        more, _ = story.place(body)
        story.draw(device)
        writer.end_page()
    writer.close()
    # The writer embeds the whole 3.5 MB CJK font; keep only the glyphs used.
    with pymupdf.open("pdf", buf.getvalue()) as doc:
        doc.subset_fonts()
        return bytes(doc.tobytes(garbage=3, deflate=True))
