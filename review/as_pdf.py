"""Any supported document as a PDF: for showing it page by page, and as the form that is published
where no better form exists (a text draft, or a Word draft without LibreOffice, is published as a PDF
laid out from its visible text). A Word, WPS or ODT draft's page view is LibreOffice's layout of it
where LibreOffice is installed (review.convert.page_view), so that the areas a reviewer draws sit on
the pages as they will be published."""

from __future__ import annotations

import re

from review.archive import Archive
from review.compose import compose_pdf
from review.formats import CONVERTED_KINDS, Kind, decode_text
from review.mupdf import LOCK


def as_pdf(name: str, data: bytes, kind: Kind) -> bytes:
    match kind:
        case Kind.PDF:
            return data
        case Kind.IMAGE:
            import pymupdf

            with LOCK, pymupdf.open(stream=data) as img:
                return bytes(img.convert_to_pdf())
        case Kind.TEXT:
            text, _ = decode_text(name, data)
            return compose_pdf(text.splitlines(), name=name)
        case Kind.DOCX | Kind.DOC | Kind.WPS | Kind.ODT:
            from review.convert import docx_of, page_view

            laid_out = page_view(name, data)
            if laid_out is not None:
                return laid_out
            docx = docx_of(name, data) if kind in CONVERTED_KINDS else data  # raises without LibreOffice
            return compose_pdf(docx_paragraphs(docx, name), name=name)
        case Kind.OFD:
            return compose_pdf(ofd_text_lines(data, name), name=name)
    raise AssertionError(kind)


def docx_paragraphs(data: bytes, name: str = "draft.docx") -> list[str]:
    """The body paragraphs a reader sees, in order: without hidden (vanish) runs, tracked deletions,
    field codes and comments — python-docx's paragraph text would include the hidden runs."""
    from review.extract.docx import extract_docx
    from review.model import Channel

    for stream in extract_docx(name, data).streams:
        if stream.channel is Channel.VISIBLE and stream.locator.locate(0, 0).part == "word/document.xml":
            return stream.text.split("\n")
    return []


def ofd_text_lines(data: bytes, name: str = "draft.ofd") -> list[str]:
    """Text of every TextCode element of an OFD package, page content files in name order."""
    from xml.etree import ElementTree

    lines: list[str] = []
    with Archive(name, data) as zf:
        pages = sorted(n for n in zf.namelist() if re.search(r"Pages/Page_?\d+/Content\.xml$", n))
        for name in pages:
            root = ElementTree.fromstring(zf.read(name))
            lines.extend(el.text or "" for el in root.iter() if el.tag.endswith("TextCode"))
    return lines
