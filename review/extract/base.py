"""The shape every extractor returns: text streams that can locate any span, plus structural findings."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from review.errors import QT_TRANSLATE_NOOP
from review.model import Channel, Finding, Location, Severity

Progress = Callable[[int, int], None]


class Locator(Protocol):
    def locate(self, start: int, end: int) -> Location: ...


def locate_all(locator: Locator, spans: list[tuple[int, int]]) -> list[Location]:
    """locate() of each span, through the locator's own batch method where it has one."""
    batch = getattr(locator, "locate_all", None)
    if batch is not None:
        return batch(spans)
    return [locator.locate(start, end) for start, end in spans]


@dataclass
class TextStream:
    channel: Channel
    text: str
    locator: Locator


@dataclass
class Extraction:
    streams: list[TextStream] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    page_count: int | None = None
    # PDF: pages where what a person sees may differ from the text layer (see pdf.suspect_pages),
    # so that rendering and OCR run there and nowhere else.
    suspect: dict[int, set[str]] = field(default_factory=dict)


# All the attachments of one document together, decompressed: past this the rest is not read (and
# says so) rather than letting a small file expand into gigabytes.
MAX_EMBED_TOTAL_BYTES = 300 * 1024 * 1024


@dataclass
class Budget:
    """What is left of the decompressed bytes all attachments of one document may take."""

    left: int = MAX_EMBED_TOTAL_BYTES


@dataclass(frozen=True)
class FixedLocator:
    """Every span of the stream is at one place (a metadata field, an annotation, a bookmark)."""

    location: Location

    def locate(self, start: int, end: int) -> Location:
        return self.location


class SegmentLocator:
    """Maps offsets through segments: (stream offset, paragraph, offset in paragraph, part)."""

    def __init__(self, part: str | None = None, page: int | None = None, detail: str | None = None) -> None:
        self.part, self.page, self.detail = part, page, detail
        self.starts: list[int] = []
        self.paragraphs: list[int] = []
        self.offsets: list[int] = []

    def add(self, stream_offset: int, paragraph: int, paragraph_offset: int) -> None:
        self.starts.append(stream_offset)
        self.paragraphs.append(paragraph)
        self.offsets.append(paragraph_offset)

    def locate(self, start: int, end: int) -> Location:
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        if not self.starts:
            return Location(part=self.part, page=self.page, detail=self.detail)
        return Location(
            part=self.part,
            page=self.page,
            paragraph=self.paragraphs[i],
            offset=self.offsets[i] + start - self.starts[i],
            detail=self.detail,
        )


class StreamBuilder:
    """Accumulates paragraphs of one channel of one part, remembering where each run came from."""

    def __init__(
        self, channel: Channel, part: str | None = None, page: int | None = None, detail: str | None = None
    ) -> None:
        self.channel = channel
        self.pieces: list[str] = []
        self.length = 0
        self.locator = SegmentLocator(part, page, detail)

    def add(self, text: str, paragraph: int, paragraph_offset: int) -> None:
        if not text:
            return
        self.locator.add(self.length, paragraph, paragraph_offset)
        self.pieces.append(text)
        self.length += len(text)

    def end_paragraph(self) -> None:
        if self.pieces and not self.pieces[-1].endswith("\n"):
            self.pieces.append("\n")
            self.length += 1

    def stream(self) -> TextStream | None:
        text = "".join(self.pieces)
        return TextStream(self.channel, text, self.locator) if text.strip() else None


def fixed_stream(channel: Channel, text: str, location: Location) -> TextStream | None:
    return TextStream(channel, text, FixedLocator(location)) if text and text.strip() else None


def scan_finding(location: Location) -> Finding:
    """A page or image with no text layer: a keyword check sees nothing there, so never call it clean."""
    return Finding(
        "SCAN-PAGE",
        QT_TRANSLATE_NOOP("Rules", "无文字层"),
        Severity.BLOCKING,
        QT_TRANSLATE_NOOP("Rules", "无文字层，需人工审查（扫描页或图片，关键词检查看不到其内容）"),
        Channel.VISIBLE,
        location,
    )


def hidden_finding(
    rule_id: str, severity: Severity, message: str, channel: Channel, location: Location, text: str = ""
) -> Finding:
    """A finding about content the reader does not see (category 隐藏内容)."""
    return Finding(
        rule_id, QT_TRANSLATE_NOOP("Rules", "隐藏内容"), severity, message, channel, location, text
    )
