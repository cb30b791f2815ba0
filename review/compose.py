"""Lays out text as a PDF with the CJK font PyMuPDF carries (no system font needed)."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable, Iterator

import nh3

from review.archive import InputLimitExceeded
from review.errors import QT_TRANSLATE_NOOP, DocumentRejected
from review.formats import MAX_TEXT_CHARS
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


def compose_pdf(paragraphs: Iterable[str], title: str | None = None, name: str = "") -> bytes:
    """A4 pages of `paragraphs` under an optional centred title, laid out a piece at a time.

    `name` (the draft's file name) is what a refusal names: text past MAX_TEXT_CHARS characters."""
    paragraphs = list(paragraphs)
    total = sum(map(len, paragraphs))
    if total > MAX_TEXT_CHARS:
        raise InputLimitExceeded(
            name or title or "正文",
            QT_TRANSLATE_NOOP(
                "DeskError", "“{name}”的文字有 {chars} 万字，超过排版上限 {limit} 万字，请拆分后再导入。"
            ),
            chars=total // 10_000,
            limit=MAX_TEXT_CHARS // 10_000,
        )
    with LOCK:
        return _compose_locked(_pieces(paragraphs, title), "", name or title or "正文")


def compose_rich_pdf(fragment: str, title: str | None = None) -> bytes:
    """A4 pages of rich text (sanitised first) under an optional centred title."""
    with LOCK:
        return _compose_locked(
            [_title_html(title) + sanitize_rich_text(fragment)], _RICH_TEXT_CSS, title or "正文"
        )


def _title_html(title: str | None) -> str:
    return f"<h2 style='text-align:center'>{html.escape(title)}</h2>" if title else ""


# Plain text is laid out a piece of about this many characters at a time, each piece a Story of
# its own continuing on the page where the last one ended. One Story over a whole long draft costs
# time growing faster than its length (6.4 MB of text: 45 s; 20 MB: over 16 minutes) and, past a
# size, MuPDF refuses it (FzErrorLimit: text too large); pieces keep layout linear and bounded.
PIECE_CHARS = 32_000
_PARAGRAPH = "text-indent:2em;line-height:1.6"
_BREAKS = "。！？；\n 　"  # where a paragraph longer than a piece is preferably cut


def _pieces(paragraphs: list[str], title: str | None) -> Iterator[str]:
    """HTML pieces of about PIECE_CHARS characters, cut between paragraphs; a paragraph longer than
    a piece is cut too, its continuation with no indent and no space between."""
    parts = [_title_html(title)]
    size = 0
    for para in paragraphs:
        for part in _paragraph_html(para):
            parts.append(part)
            size += len(part)
            if size >= PIECE_CHARS:
                yield "".join(parts)
                parts, size = [], 0
    if size or not paragraphs:
        yield "".join(parts) or "<p>&nbsp;</p>"


def _paragraph_html(para: str) -> Iterator[str]:
    if not para.strip():
        yield f"<p style='{_PARAGRAPH}'>&nbsp;</p>"
        return
    cuts = _cut(para)
    for i, piece in enumerate(cuts):
        style = _PARAGRAPH if i == 0 else "line-height:1.6;margin-top:0"
        if i < len(cuts) - 1:
            style += ";margin-bottom:0"
        yield f"<p style='{style}'>{html.escape(piece)}</p>"


def _cut(para: str) -> list[str]:
    pieces = []
    while len(para) > PIECE_CHARS:
        window = para[PIECE_CHARS // 2 : PIECE_CHARS]
        at = max(window.rfind(c) for c in _BREAKS)
        end = PIECE_CHARS // 2 + at + 1 if at >= 0 else PIECE_CHARS
        pieces.append(para[:end])
        para = para[end:]
    pieces.append(para)
    return pieces


# A piece starts on the page where the last one ended only with this much room left: in less,
# MuPDF forces a line below the area (over the margin, or off the page, where it is lost).
_MIN_REST = 80
# On a fresh page, an area filled this far below the body is no paragraph's trailing margin but
# content taller than a page that cannot be broken (a table cell): it would be placed again and
# again, one page after another, for ever.
_OVERFLOW = 48


def _compose_locked(pieces: Iterable[str], css: str, name: str) -> bytes:
    import pymupdf

    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    page_rect = pymupdf.paper_rect("a4")
    body = page_rect + (A4_MARGIN, A4_MARGIN, -A4_MARGIN, -A4_MARGIN)  # noqa: RUF005 - Rect arithmetic
    device = None
    where = body
    for piece in pieces:
        story = pymupdf.Story(html=piece, user_css=css or None)
        more = True
        while more:
            fresh = device is None
            if device is None:
                device, where = writer.begin_page(page_rect), body
            more, filled = story.place(where)
            bottom = pymupdf.Rect(filled).y1
            if more and fresh and bottom > body.y1 + _OVERFLOW:
                writer.end_page()
                writer.close()
                raise DocumentRejected(
                    name,
                    QT_TRANSLATE_NOOP(
                        "DeskError",
                        "“{name}”中有一块内容（如表格的一格）比一页还高，无法排版，请拆分后再试。",
                    ),
                )
            story.draw(device)
            if not more and body.y1 - bottom >= _MIN_REST:
                where = pymupdf.Rect(body.x0, bottom, body.x1, body.y1)
            else:
                writer.end_page()
                device = None
    if device is not None:
        writer.end_page()
    writer.close()
    # The writer embeds the whole 3.5 MB CJK font; keep only the glyphs used.
    with pymupdf.open("pdf", buf.getvalue()) as doc:
        doc.subset_fonts()
        return bytes(doc.tobytes(garbage=3, deflate=True))
