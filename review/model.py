"""What a check produces: findings with exact places, as dataclasses with a stable JSON form.

The JSON form is documented in docs/check-result.md; `FORMAT_VERSION` changes when it does.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

from review.errors import QT_TRANSLATE_NOOP

FORMAT_VERSION = 1


class Severity(StrEnum):
    BLOCKING = "blocking"  # 阻断: must be decided before approval
    WARNING = "warning"  # 警告
    INFO = "info"  # 提示

    @property
    def label(self) -> str:
        return _SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_LABELS = {
    Severity.BLOCKING: QT_TRANSLATE_NOOP("Vocabulary", "阻断"),
    Severity.WARNING: QT_TRANSLATE_NOOP("Vocabulary", "警告"),
    Severity.INFO: QT_TRANSLATE_NOOP("Vocabulary", "提示"),
}
_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.BLOCKING: 3}


class Channel(StrEnum):
    """Where in the file the text was: what a reader sees, or one of the places they do not."""

    VISIBLE = "visible"
    METADATA = "metadata"
    ANNOTATION = "annotation"
    FORM_FIELD = "form_field"
    EMBEDDED_FILE = "embedded_file"
    JAVASCRIPT = "javascript"
    BOOKMARK = "bookmark"
    LINK = "link"
    HIDDEN_TEXT = "hidden_text"  # white, tiny, invisible, covered, off-page, in a layer that is off
    EARLIER_REVISION = "earlier_revision"
    COMMENT = "comment"
    TRACKED_CHANGE = "tracked_change"
    HEADER_FOOTER = "header_footer"
    NOTE = "note"  # footnotes and endnotes
    TEXT_BOX = "text_box"
    FIELD_CODE = "field_code"
    ALT_TEXT = "alt_text"
    CUSTOM_XML = "custom_xml"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.VISIBLE: QT_TRANSLATE_NOOP("Vocabulary", "正文"),
    Channel.METADATA: QT_TRANSLATE_NOOP("Vocabulary", "元数据"),
    Channel.ANNOTATION: QT_TRANSLATE_NOOP("Vocabulary", "批注/注释"),
    Channel.FORM_FIELD: QT_TRANSLATE_NOOP("Vocabulary", "表单域"),
    Channel.EMBEDDED_FILE: QT_TRANSLATE_NOOP("Vocabulary", "嵌入文件"),
    Channel.JAVASCRIPT: QT_TRANSLATE_NOOP("Vocabulary", "脚本"),
    Channel.BOOKMARK: QT_TRANSLATE_NOOP("Vocabulary", "书签"),
    Channel.LINK: QT_TRANSLATE_NOOP("Vocabulary", "链接"),
    Channel.HIDDEN_TEXT: QT_TRANSLATE_NOOP("Vocabulary", "隐藏文字"),
    Channel.EARLIER_REVISION: QT_TRANSLATE_NOOP("Vocabulary", "早期修订版本"),
    Channel.COMMENT: QT_TRANSLATE_NOOP("Vocabulary", "批注"),
    Channel.TRACKED_CHANGE: QT_TRANSLATE_NOOP("Vocabulary", "修订记录"),
    Channel.HEADER_FOOTER: QT_TRANSLATE_NOOP("Vocabulary", "页眉页脚"),
    Channel.NOTE: QT_TRANSLATE_NOOP("Vocabulary", "脚注尾注"),
    Channel.TEXT_BOX: QT_TRANSLATE_NOOP("Vocabulary", "文本框"),
    Channel.FIELD_CODE: QT_TRANSLATE_NOOP("Vocabulary", "域代码"),
    Channel.ALT_TEXT: QT_TRANSLATE_NOOP("Vocabulary", "图片替代文字"),
    Channel.CUSTOM_XML: QT_TRANSLATE_NOOP("Vocabulary", "自定义XML"),
}


# A frozen dataclass instance whose __init__ is written by hand (see Location) is filled by
# storing its __dict__ in one call.
_NEW, _SET = object.__new__, object.__setattr__


class Rect(NamedTuple):
    """PDF points. A named tuple: tens of thousands are made per document, and cheaply."""

    x0: float
    y0: float
    x1: float
    y1: float
    page: int | None = None  # set only when the rectangle is on a later page than Location.page


# Rect((x0, y0, x1, y1, page)): the named tuple's own __new__ is a Python function with defaults,
# three times the cost, and the PDF locator makes one or more per hit.
make_rect = functools.partial(tuple.__new__, Rect)


PAGE = QT_TRANSLATE_NOOP("Vocabulary", "第{page}页")
PAGES = QT_TRANSLATE_NOOP("Vocabulary", "第{first}–{last}页")
PARAGRAPH = QT_TRANSLATE_NOOP("Vocabulary", "第{paragraph}段")
LINE = QT_TRANSLATE_NOOP("Vocabulary", "第{line}行")
LINE_COLUMN = QT_TRANSLATE_NOOP("Vocabulary", "第{line}行第{column}列")
PLACE_SEPARATOR = QT_TRANSLATE_NOOP("Vocabulary", "，")


def _untranslated(context: str, text: str) -> str:
    return text


@dataclass(frozen=True, init=False)
class Location:
    """Where a finding is. Only the fields that make sense for the file type are set.

    PDF: `page` (0-based) and `rects` (PDF points, one per line the match covers), `end_page` when a
    match runs onto the next page. DOCX/OFD: `part` (e.g. word/document.xml), `paragraph` (0-based
    within the part) and `offset` (characters into the paragraph). Text: `line` and `column`
    (1-based). Hidden places: `detail` names the field, annotation, layer or file.
    """

    page: int | None = None
    end_page: int | None = None
    rects: tuple[Rect, ...] = ()
    part: str | None = None
    paragraph: int | None = None
    offset: int | None = None
    line: int | None = None
    column: int | None = None
    detail: str | None = None

    # A check makes one Location per finding (tens of thousands on a dense document). The frozen
    # dataclass's own __init__ stores each field with object.__setattr__ (~3.7 µs for nine);
    # storing the instance dict in one call costs ~1 µs. Same fields, order and defaults.
    def __init__(
        self,
        page: int | None = None,
        end_page: int | None = None,
        rects: tuple[Rect, ...] = (),
        part: str | None = None,
        paragraph: int | None = None,
        offset: int | None = None,
        line: int | None = None,
        column: int | None = None,
        detail: str | None = None,
    ) -> None:
        _SET(
            self,
            "__dict__",
            {
                "page": page,
                "end_page": end_page,
                "rects": rects,
                "part": part,
                "paragraph": paragraph,
                "offset": offset,
                "line": line,
                "column": column,
                "detail": detail,
            },
        )

    def __hash__(self) -> int:
        # Equal places have equal hashes from these fields too; hashing all nine (the dataclass's
        # own __hash__) cost a third more, once per finding of a check (engine._dedupe).
        return hash((self.page, self.rects, self.paragraph, self.offset, self.line, self.detail))

    @classmethod
    def on_page(cls, page: int, rects: tuple[Rect, ...]) -> Location:
        """Location(page=page, rects=rects) without the keyword call, for the PDF locator's
        batch (a fifth of the cost of placing a lexicon hit)."""
        location = _NEW(cls)
        _SET(
            location,
            "__dict__",
            {
                "page": page,
                "end_page": None,
                "rects": rects,
                "part": None,
                "paragraph": None,
                "offset": None,
                "line": None,
                "column": None,
                "detail": None,
            },
        )
        return location

    def describe(self, translate: Callable[[str, str], str] = _untranslated) -> str:
        """Where, in words; `translate(context, text)` turns the Chinese templates into the UI's language."""

        def say(template: str, **values: object) -> str:
            return translate("Vocabulary", template).format(**values)

        bits = []
        if self.page is not None:
            if self.end_page is not None and self.end_page != self.page:
                bits.append(say(PAGES, first=self.page + 1, last=self.end_page + 1))
            else:
                bits.append(say(PAGE, page=self.page + 1))
        if self.part:
            bits.append(self.part)
        if self.paragraph is not None:
            bits.append(say(PARAGRAPH, paragraph=self.paragraph + 1))
        if self.line is not None:
            if self.column:
                bits.append(say(LINE_COLUMN, line=self.line, column=self.column))
            else:
                bits.append(say(LINE, line=self.line))
        if self.detail:
            bits.append(self.detail)
        return say(PLACE_SEPARATOR).join(bits)


class PendingPlace(Protocol):
    """A place made only when asked for, for the span of a finding's text from `start` (offsets in
    its stream's original text): what a locator's place_all gives where it can. One object serves
    every span it can place (the PDF locator's trace span, a stored stream's locator), so a
    pending finding costs no object of its own for its place."""

    def place(self, start: int, end: int) -> Location:
        """The Location of the span [start, end)."""
        ...

    def key(self, text: str, start: int) -> tuple[object, ...]:
        """(text, page, left edge of the first rectangle), as distinct_findings keys a made place,
        without making it (a locator whose places are costly to make keys its spans instead)."""
        ...


@dataclass(frozen=True, init=False)
class Finding:
    rule_id: str
    category: str
    severity: Severity
    message: str
    channel: Channel
    location: Location
    # Defaults only in __init__: a class attribute would answer for a context still pending
    # (Finding.placed) without reaching __getattr__.
    text: str  # the original text matched ("" for findings about the file itself)
    context: str  # a few characters around it ("")
    term: str | None  # the lexicon term, for lexicon findings (None)

    # One per hit, like Location: a single store instead of nine object.__setattr__ calls.
    def __init__(
        self,
        rule_id: str,
        category: str,
        severity: Severity,
        message: str,
        channel: Channel,
        location: Location,
        text: str = "",
        context: str = "",
        term: str | None = None,
    ) -> None:
        _SET(
            self,
            "__dict__",
            {
                "rule_id": rule_id,
                "category": category,
                "severity": severity,
                "message": message,
                "channel": channel,
                "location": location,
                "text": text,
                "context": context,
                "term": term,
            },
        )

    @classmethod
    def placed_all(
        cls,
        channel: Channel,
        source: str,
        rows: Iterable[tuple[str, str, Severity, str, str | None]],
        spans: list[tuple[int, int]],
        places: list[Location | PendingPlace],
    ) -> list[Finding]:
        """The findings of source[start:end) for each `span`, with (rule id, category, severity,
        message, term) from `rows` and the place from `places`, each place possibly still pending and
        each context made on first use: a dense lexicon hits a hundred times a page, and during a
        check only the text of a finding is looked at (issue 14). Equal to Finding(...) with the
        made Location and context_around(source, start, end). One call for a stream's hits."""
        # Each made as a _MadeFinding, its fields stored as on any object, then made a Finding.
        new, finished = _NEW, cls
        findings: list[Any] = []
        append = findings.append
        for row, span, place in zip(rows, spans, places, strict=True):
            finding = new(_MadeFinding)
            finding.rule_id, finding.category, finding.severity, finding.message, finding.term = row
            finding.channel = channel
            if isinstance(place, Location):
                finding.location = place
            else:
                finding._place = place
            start = finding._start = span[0]
            finding.text = source[start : span[1]]
            finding._source = source
            finding.__class__ = finished  # type: ignore[assignment]
            append(finding)
        return findings

    def __getattr__(self, name: str) -> Any:
        # Reached only when `name` is not in the instance dict: a pending place or context is
        # made here, once, for every reader alike (equality, hashing, asdict, replace, pickling).
        # Stored before the pending data is dropped, so that a reader in another thread at the
        # same moment finds one or the other; the span's start goes with the last of them.
        values = self.__dict__
        start = values.get("_start")
        if start is not None:
            end = start + len(values["text"])
            if name == "location" and (pending := values.get("_place")) is not None:
                values["location"] = pending.place(start, end)
                values.pop("_place", None)
            elif name == "context" and (source := values.get("_source")) is not None:
                values["context"] = context_around(source, start, end)
                values.pop("_source", None)
            if "_place" not in values and "_source" not in values:
                values.pop("_start", None)
        if name in ("location", "context") and name in values:
            return values[name]
        raise AttributeError(name)

    def __getstate__(self) -> dict[str, Any]:
        # Made first, so that a pickled finding carries neither a locator's boxes nor the text.
        self.location  # noqa: B018
        self.context  # noqa: B018
        return self.__dict__


class _MadeFinding:
    """A Finding while Finding.placed_all makes it. A frozen dataclass refuses plain attribute
    stores, and storing a whole instance dict with object.__setattr__ cost a third of making a
    finding (object.__new__ gives a new object attribute storage of its own, which that store
    drops). This plain class has an instance dict like Finding's: a finding's fields are stored
    on it as on any object, then its class is changed to Finding, which gives it its own dict.
    A pending finding keeps its span's start only (the end is start + len(text)): a tuple more
    per finding would be one more object for the cycle collector to walk after a check."""

    rule_id: str
    category: str
    severity: Severity
    message: str
    channel: Channel
    location: Location
    _place: PendingPlace
    text: str
    _source: str
    _start: int
    term: str | None


CONTEXT_CHARS = 12


def context_around(text: str, start: int, end: int) -> str:
    """A finding's context: text[start:end] with a few characters either side, on one line."""
    return text[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS].replace("\n", " ")


def distinct_findings(findings: list[Finding]) -> list[Finding]:
    """The findings without repeats (same rule, channel, place, text and term), in order.

    Only findings whose text, page and first rectangle's left edge agree can be equal, and those
    are known without making a pending place: only such groups (rare) compare whole places."""
    # Where each key was first seen, in the same pass that makes the keys: a count of the keys
    # (Counter) and a second pass for the findings whose key repeats (the same word at the same
    # left edge of two lines of a page: a few dozen on a dense document) cost half as much again.
    first: dict[tuple[str, int | None, float | None], int] = {}
    where = first.setdefault
    repeated: list[int] = []
    for i, finding in enumerate(findings):
        values = finding.__dict__
        pending = values.get("_place")
        if pending is not None:
            key = pending.key(values["text"], values["_start"])
        else:
            location = values["location"]
            rects = location.rects
            key = (values["text"], location.page, rects[0].x0 if rects else None)
        j = where(key, i)
        if j != i:
            repeated += (j, i)
    if not repeated:
        return list(findings)  # no two alike
    seen: set[tuple[object, ...]] = set()
    dropped = set()
    for i in sorted(set(repeated)):
        finding = findings[i]
        size = len(seen)
        seen.add((finding.rule_id, finding.channel, finding.location, finding.text, finding.term))
        if len(seen) == size:
            dropped.add(i)
    return [finding for i, finding in enumerate(findings) if i not in dropped] if dropped else list(findings)


@dataclass
class CheckResult:
    source_name: str
    sha256: str
    format: str
    page_count: int | None
    lexicon_version: str
    engine_version: str
    rulepack_version: str = ""  # hash of the 错敏/表述 rule packs used ("" when they were off)
    findings: list[Finding] = field(default_factory=list)
    # Parts that could not be read: never reported as clean, always listed here and as findings.
    unreadable: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    suppressed: int = 0  # hits dropped by the allow-list
    characters: int = 0
    seconds: float = 0.0

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def count_at_least(self, level: Severity) -> int:
        return sum(1 for f in self.findings if f.severity.rank >= level.rank)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["format_version"] = FORMAT_VERSION
        for finding in data["findings"]:
            loc = finding["location"]
            finding["location"] = {k: v for k, v in loc.items() if v not in (None, (), [])}
            if "rects" in finding["location"]:
                finding["location"]["rects"] = [
                    [round(r.x0, 2), round(r.y0, 2), round(r.x1, 2), round(r.y1, 2)]
                    + ([r.page] if r.page is not None else [])
                    for r in loc["rects"]
                ]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckResult:
        data = dict(data)
        data.pop("format_version", None)
        findings = [_finding_from_json(f) for f in data.pop("findings", [])]
        return cls(findings=findings, **data)


def _finding_from_json(data: dict[str, Any]) -> Finding:
    data = dict(data)
    loc = dict(data.pop("location", {}))
    loc["rects"] = tuple(Rect(*r) for r in loc.get("rects", ()))
    return Finding(
        severity=Severity(data.pop("severity")),
        channel=Channel(data.pop("channel")),
        location=Location(**loc),
        **data,
    )
