"""Chooses the extractor by what a file really is."""

from __future__ import annotations

import threading
from collections.abc import Callable

from review.extract.base import Extraction, TextStream, fixed_stream, scan_finding
from review.formats import Kind, decode_text, probe
from review.model import Channel, Location

MAX_EMBED_DEPTH = 2


def extract_any(
    name: str,
    data: bytes,
    *,
    kind: Kind | None = None,
    password: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    depth: int = 0,
) -> Extraction:
    if kind is None:
        kind = probe(name, data).kind
    match kind:
        case Kind.PDF:
            from review.extract.pdf import extract_pdf

            return extract_pdf(name, data, password, progress, cancel)
        case Kind.DOCX:
            from review.extract.docx import extract_docx

            return extract_docx(name, data, depth)
        case Kind.OFD:
            from review.extract.ofd import extract_ofd

            return extract_ofd(name, data, depth)
        case Kind.TEXT:
            return extract_text(name, data)
        case Kind.IMAGE:
            return extract_image(name, data)
    raise AssertionError(kind)


def extract_text(name: str, data: bytes) -> Extraction:
    text, _ = decode_text(name, data)
    return Extraction(streams=[TextStream(Channel.VISIBLE, text, LineLocator(text))], page_count=None)


def extract_image(name: str, data: bytes) -> Extraction:
    out = Extraction(page_count=1)
    out.findings.append(scan_finding(Location(page=0)))
    out.unreadable.append("图片（无文字层）")
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


def embedded_streams(name: str, content: bytes, depth: int = 1) -> list[TextStream]:
    """An embedded file's text, if it is a format the checker reads, reported as embedded-file text."""
    if depth > MAX_EMBED_DEPTH:
        return []
    try:
        inner = extract_any(name, content, depth=depth)
    except Exception:
        return []
    location = Location(detail=f"嵌入文件 {name}")
    streams = [
        s
        for inner_stream in inner.streams
        if (s := fixed_stream(Channel.EMBEDDED_FILE, inner_stream.text, location))
    ]
    return streams


def visible_text(pdf: bytes) -> str:
    """What a reader of a published PDF sees as text (for search and suggested 主题词)."""
    try:
        streams = extract_any("published.pdf", pdf).streams
    except Exception:
        return ""
    return "\n".join(s.text for s in streams if s.channel is Channel.VISIBLE)
