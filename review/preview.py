"""A PDF rendition of any supported document, for showing it page by page."""

from __future__ import annotations

import io
import re
import zipfile

from review.compose import compose_pdf
from review.formats import Kind, decode_text
from review.mupdf import LOCK


def preview_pdf(name: str, data: bytes, kind: Kind) -> bytes:
    match kind:
        case Kind.PDF:
            return data
        case Kind.IMAGE:
            import pymupdf

            with LOCK, pymupdf.open(stream=data) as img:
                return bytes(img.convert_to_pdf())
        case Kind.TEXT:
            text, _ = decode_text(name, data)
            return compose_pdf(text.splitlines())
        case Kind.DOCX:
            return compose_pdf(docx_paragraphs(data))
        case Kind.OFD:
            return compose_pdf(ofd_text_lines(data))
    raise AssertionError(kind)


def docx_paragraphs(data: bytes) -> list[str]:
    """The visible body paragraphs of a DOCX, in order (headers, comments and the rest are the checker's job)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs]


def ofd_text_lines(data: bytes) -> list[str]:
    """Text of every TextCode element of an OFD package, page content files in name order."""
    from xml.etree import ElementTree

    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pages = sorted(n for n in zf.namelist() if re.search(r"Pages/Page_?\d+/Content\.xml$", n))
        for name in pages:
            root = ElementTree.fromstring(zf.read(name))
            lines.extend(el.text or "" for el in root.iter() if el.tag.endswith("TextCode"))
    return lines
