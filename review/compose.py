"""Lays out plain paragraphs as a PDF with the CJK font PyMuPDF carries (no system font needed)."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable

from review.mupdf import LOCK

A4_MARGIN = 72


def compose_pdf(paragraphs: Iterable[str], title: str | None = None) -> bytes:
    """A4 pages of `paragraphs` under an optional centred title."""
    with LOCK:
        return _compose_locked(paragraphs, title)


def _compose_locked(paragraphs: Iterable[str], title: str | None) -> bytes:
    import pymupdf

    parts = []
    if title:
        parts.append(f"<h2 style='text-align:center'>{html.escape(title)}</h2>")
    for para in paragraphs:
        escaped = html.escape(para) if para.strip() else "&nbsp;"
        parts.append(f"<p style='text-indent:2em;line-height:1.6'>{escaped}</p>")
    story = pymupdf.Story(html="".join(parts) or "<p>&nbsp;</p>")
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
