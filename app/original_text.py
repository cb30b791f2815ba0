"""The text of a TXT, DOCX or OFD original, stretch by stretch, with every finding's hit marked.

A PDF shows its findings on the rendered page; the other originals are shown laid out as a PDF that
has no rectangles for them. Their reviewer reads the text instead: the body, then the places a
reader does not see (页眉, 批注, 修订记录 …), each under its name, with the hits marked. The hits
are found again in the extracted text by the engine's own locators: the occurrence of the hit's
text whose place is the finding's place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from app.finding_labels import Translate, place_of
from review.extract.base import FixedLocator, TextStream
from review.extract.dispatch import extract_any
from review.formats import Kind
from review.model import Channel, Finding, Location

# Kinds whose findings have no rectangles on the page view: they get the text view.
TEXT_VIEW_KINDS = (Kind.TEXT, Kind.DOCX, Kind.DOC, Kind.WPS, Kind.ODT, Kind.OFD)


def _as_is(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    index: int  # into the findings given


@dataclass
class Section:
    title: str
    channel: Channel
    text: str
    marks: list[Mark] = field(default_factory=list)


def _key(location: Location) -> tuple[object, ...]:
    return (location.page, location.part, location.paragraph, location.offset, location.line, location.column)


def marked_sections(
    name: str, data: bytes, kind: Kind, findings: list[Finding], translate: Translate = _as_is
) -> list[Section]:
    """The original's text as sections (the body first), each hit found again and marked.

    Metadata fields, attachments and other one-place stretches appear only when a hit is in them;
    the body and every hidden place of the text (headers, comments, tracked changes …) always.
    """
    extraction = extract_any(name, data, kind=kind)
    streams = extraction.streams
    marks: dict[int, list[Mark]] = defaultdict(list)
    taken: set[tuple[int, int, int]] = set()
    by_text: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        if finding.text:
            by_text[(str(finding.channel), finding.text)].append(index)
    for (channel, text), indexes in by_text.items():
        occurrences = [
            (s, start, stream.locator.locate(start, start + len(text)))
            for s, stream in enumerate(streams)
            if stream.channel == channel
            for start in _occurrences(stream.text, text)
        ]
        for index in indexes:
            wanted = _key(findings[index].location)
            exact = [o for o in occurrences if _key(o[2]) == wanted and (o[0], o[1], len(text)) not in taken]
            same_part = [
                o
                for o in occurrences
                if o[2].part == findings[index].location.part and (o[0], o[1], len(text)) not in taken
            ]
            chosen = next(iter(exact or same_part), None)
            if chosen is None:
                continue
            s, start, _ = chosen
            taken.add((s, start, len(text)))
            marks[s].append(Mark(start, start + len(text), index))
    sections = [
        _section(stream, sorted(marks.get(s, []), key=lambda m: (m.start, -m.end)), translate)
        for s, stream in enumerate(streams)
        if s in marks or not _one_place(stream)
    ]
    # The body first, in the extractor's order (pages in order); then every other place.
    return [x for x in sections if x.channel is Channel.VISIBLE] + [
        x for x in sections if x.channel is not Channel.VISIBLE
    ]


def _one_place(stream: TextStream) -> bool:
    """A metadata field, an attachment: shown only when it holds a hit."""
    return isinstance(stream.locator, FixedLocator) or stream.channel in (
        Channel.METADATA,
        Channel.EMBEDDED_FILE,
        Channel.CUSTOM_XML,
    )


def _section(stream: TextStream, marks: list[Mark], translate: Translate) -> Section:
    location = stream.locator.locate(0, 0)
    title = place_of(location, stream.channel, translate, fine=False)
    if stream.channel is Channel.VISIBLE and location.page is None:
        title = translate("Vocabulary", Channel.VISIBLE.label)
    return Section(title, stream.channel, stream.text, marks)


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found
