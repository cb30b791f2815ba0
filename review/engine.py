"""check(): load, extract, normalise, match, locate — one document in, a CheckResult out."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import gc
import hashlib
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import cast

from review import nlp, rules, wording
from review.errors import QT_TRANSLATE_NOOP
from review.extract.base import TextStream, locate_all
from review.extract.dispatch import extract_any
from review.extract.pdf import Cancelled
from review.formats import check_size, probe
from review.lexicon import CompiledLexicon
from review.model import (
    Channel,
    CheckResult,
    Finding,
    Location,
    PendingPlace,
    Rect,
    Severity,
    context_around,
    distinct_findings,
)
from review.normalize import Normalized, normalize

# 2: numbers across separators, IDs by check digit, markings by placement; 3: 错敏/表述 rule packs
ENGINE_VERSION = "3"
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")

Progress = Callable[[int, int], None]

__all__ = ["Cancelled", "CheckOptions", "check", "check_bytes"]


@dataclass(frozen=True)
class CheckOptions:
    # The proposed 公开方式 (publish.taxonomy.DisclosureMode value), for 附注 that contradict it.
    disclosure: str | None = "proactive"
    password: str | None = None
    keywords: bool = False  # suggest 主题词 (loads jieba: about half a second the first time)
    names_near_personal_data: bool = True  # jieba part-of-speech tags, only where personal data was found
    wording: bool = True  # the 错敏/表述 rule packs (review/wording)
    # The 成文日期 leaders and outdated formulations are judged by; None: the day of the check.
    document_date: dt.date | None = None
    # The department's own rule-pack files (name, content), merged over the shipped ones.
    rulepacks: tuple[tuple[str, bytes], ...] = ()


def check(
    source: Path,
    lexicon: CompiledLexicon,
    options: CheckOptions = CheckOptions(),
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> CheckResult:
    check_size(source.name, source.stat().st_size)
    return check_bytes(source.name, source.read_bytes(), lexicon, options, progress, cancel)


def check_bytes(
    name: str,
    data: bytes,
    lexicon: CompiledLexicon,
    options: CheckOptions = CheckOptions(),
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> CheckResult:
    started = time.perf_counter()
    with _collector_paused():
        result = _check(name, data, lexicon, options, progress, cancel)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """A text trace makes a few hundred thousand small tuples per document; the cycle collector
    re-walking them (and a loaded lexicon) over and over cost a tenth of the check. Nothing here
    makes reference cycles worth collecting early, so collection waits until the check is done.

    Then what the check made and kept (a result's findings, four or five objects each: 150,000
    on a dense document) goes straight to the oldest generation, as it would after surviving
    the two young collections, without those two walks (~80 ms on a dense document): freeze()
    and unfreeze() move every tracked object there. Cyclic garbage of the check (a dozen small
    objects; the PDF is closed, not left to the collector) waits for the next full collection.
    Not done when something else froze objects, which unfreeze() would release."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _check(
    name: str,
    data: bytes,
    lexicon: CompiledLexicon,
    options: CheckOptions,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> CheckResult:
    kind = probe(name, data, allow_encrypted=True).kind
    packs = wording.compiled(options.rulepacks) if options.wording else None
    on = options.document_date or dt.date.today()
    extraction = extract_any(
        name, data, kind=kind, password=options.password, progress=progress, cancel=cancel
    )
    result = CheckResult(
        source_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=kind.value,
        page_count=extraction.page_count,
        lexicon_version=lexicon.version,
        engine_version=ENGINE_VERSION,
        rulepack_version=packs.version if packs is not None else "",
        unreadable=list(extraction.unreadable),
    )
    findings = list(extraction.findings)
    visible_norm: list[str] = []
    personal: list[tuple[TextStream, Normalized, rules.RuleHit]] = []
    for stream in extraction.streams:
        if cancel is not None and cancel.is_set():
            raise Cancelled
        norm = normalize(stream.text)
        result.characters += len(stream.text)
        if stream.channel is Channel.VISIBLE:
            visible_norm.append(norm.text)
        found = stream_findings(stream, norm, lexicon, packs, on, options.disclosure)
        findings.extend(found.findings)
        personal.extend((stream, norm, hit) for hit in found.personal)
        result.suppressed += found.suppressed
    findings = _drop_unchanged_revisions(findings, "".join(visible_norm))
    if options.names_near_personal_data and personal:
        findings.extend(_names_near(personal))
    result.findings = _dedupe(findings)
    if options.keywords:
        result.keywords = suggest_keywords("\n".join(visible_norm))
    return result


@dataclass
class StreamFindings:
    findings: list[Finding]
    personal: list[rules.RuleHit]  # personal data above 提示, for the names near it
    suppressed: int  # lexicon hits the allow-list dropped


def stream_findings(
    stream: TextStream,
    norm: Normalized,
    lexicon: CompiledLexicon | None,
    packs: wording.CompiledRulePack | None,
    on: dt.date,
    disclosure: str | None,
    *,
    engine_rules: bool = True,
    wording_ids: frozenset[str] | None = None,
    with_info: bool = True,
) -> StreamFindings:
    """The rules run on one stream's normalised text: markings, 附注 and personal data
    (`engine_rules`), the lexicon, the 错敏 rule packs (only `wording_ids`, when given). A check runs
    them all; a re-check of stored text (app.recheck) only the rules that changed, without 提示."""
    findings: list[Finding] = []
    layout = _layout(stream)
    rule_hits: list[rules.RuleHit] = []
    pii: list[rules.RuleHit] = []
    if engine_rules:
        rule_hits = [_placed(hit, norm, layout) for hit in rules.marking_hits(norm.text)]
        if stream.channel is Channel.VISIBLE:
            rule_hits.extend(rules.note_hits(norm.text, disclosure))
        pii = list(rules.personal_data_hits(norm.text, _line_breaks(stream.text, norm)))
        rule_hits.extend(pii)
        listed = [h for h in rule_hits if with_info or h.rule.severity is not Severity.INFO]
        findings.extend(
            _placed_findings(
                stream,
                norm,
                [(h.start, h.end) for h in listed],
                [(h.rule.id, h.rule.category, h.rule.severity, h.rule.message, None) for h in listed],
            )
        )
    marked = sorted((h.start, h.end) for h in rule_hits if h.rule.category == rules.MARKING.category)
    suppressed = 0
    if lexicon is not None:
        matches, suppressed = lexicon.matches(norm.text)
        findings.extend(_lexicon_findings(stream, norm, lexicon, matches, marked, layout))
    if packs is not None and stream.channel in wording.CHANNELS:
        hits = packs.find(norm, stream.text, on, stream.channel, info=with_info)
        if not with_info:
            hits = [h for h in hits if h.severity is not Severity.INFO]
        if wording_ids is not None:
            hits = [h for h in hits if h.rule_id in wording_ids]
        findings.extend(_wording_findings(stream, norm, hits))
    personal = [h for h in pii if h.rule.severity is not Severity.INFO]
    return StreamFindings(findings, personal, suppressed)


# Channels a reader reads as the document's text (footnotes and text boxes are printed too).
_READ_AS_TEXT = frozenset({Channel.VISIBLE, Channel.NOTE, Channel.TEXT_BOX})


def _layout(stream: TextStream) -> rules.Layout | None:
    """Where markings stand is judged in what a reader sees; elsewhere (hidden text, metadata …)
    a marking-like word keeps its severity, since no one reads it as prose."""
    if stream.channel in _READ_AS_TEXT:
        return rules.Layout(stream.text, own_line=lambda start, end: _alone_on_drawn_line(stream, start, end))
    if stream.channel is Channel.HEADER_FOOTER:
        return rules.Layout(stream.text, margin=True)
    return None


def _alone_on_drawn_line(stream: TextStream, start: int, end: int) -> bool:
    """Whether original text[start:end] has no other character on its line as drawn on the page
    (PDF character boxes; False where the locator knows no rectangles)."""
    here = stream.locator.locate(start, end)
    if not here.rects:
        return False
    first, last = here.rects[0], here.rects[-1]
    return not _drawn_beside(stream, start - 1, -1, here.page, first) and not _drawn_beside(
        stream, end, 1, here.page, last
    )


def _drawn_beside(stream: TextStream, offset: int, step: int, page: int | None, rect: Rect) -> bool:
    text = stream.text
    while 0 <= offset < len(text) and text[offset] in " \t\u3000\u00a0":
        offset += step
    if not 0 <= offset < len(text) or text[offset] in "\r\n":
        return False
    there = stream.locator.locate(offset, offset + 1)
    if not there.rects:
        return False
    other = there.rects[0]
    same_page = (other.page if other.page is not None else there.page) == (
        rect.page if rect.page is not None else page
    )
    overlap = min(other.y1, rect.y1) - max(other.y0, rect.y0)
    return same_page and overlap > 0.5 * min(other.y1 - other.y0, rect.y1 - rect.y0)


def _placed(hit: rules.RuleHit, norm: Normalized, layout: rules.Layout | None) -> rules.RuleHit:
    if (
        isinstance(hit, rules.PlacedHit)
        and layout is not None
        and not layout.stands_alone(*norm.original_span(hit.start, hit.end))
    ):
        return rules.RuleHit(hit.start, hit.end, hit.mention)
    return hit


def _line_breaks(text: str, norm: Normalized) -> Callable[[int], bool]:
    """Whether the space at a normalised offset was a line break in the original: a wrapped line
    may cut a number anywhere, a typed space only between its groups."""

    def is_break(offset: int) -> bool:
        return text[norm.original(offset)] in "\r\n"

    return is_break


def _finding(
    stream: TextStream,
    norm: Normalized,
    start: int,
    end: int,
    rule_id: str,
    category: str,
    severity: Severity,
    message: str,
    term: str | None = None,
) -> Finding:
    o_start, o_end = norm.original_span(start, end)
    text = stream.text
    context = context_around(text, o_start, o_end)
    return Finding(
        rule_id,
        category,
        severity,
        message,
        stream.channel,
        stream.locator.locate(o_start, o_end),
        text[o_start:o_end],
        context,
        term,
    )


_LEXICON_TERM = QT_TRANSLATE_NOOP("Rules", "词库敏感词")
# A match's term index and its span: map() over them runs in C, once per hit.
_TERM_INDEX, _START, _SPAN = itemgetter(0), itemgetter(1), itemgetter(1, 2)


def _lexicon_findings(
    stream: TextStream,
    norm: Normalized,
    lexicon: CompiledLexicon,
    matches: list[tuple[int, int, int]],
    marked: list[tuple[int, int]],
    layout: rules.Layout | None,
) -> list[Finding]:
    """A finding for each lexicon match (term index, start, end) that is not inside a marking
    and, for whole-word terms, on word boundaries. A dense lexicon hits a hundred times a page,
    so what a finding takes from its term is looked up once per term, offsets are mapped back and
    located in one batch each, and the loop makes only the finding itself."""
    text = norm.text
    info, judged = Severity.INFO, layout is not None
    marking_like, legal_terms = rules.MARKING_LIKE_CATEGORIES, rules.LEGAL_TERMS
    # Per term: its findings' (rule id, category, severity, message, term), shared by all its hits; and
    # for the terms whose hits are judged where they stand, how: 1 as a marking, 2 in a list of laws.
    kinds: dict[int, tuple[str, str, Severity, str, str | None]] = {}
    judges: dict[int, int] = {}
    whole_words: set[int] = set()
    for index in set(map(_TERM_INDEX, matches)):
        term = lexicon.term(index)
        kinds[index] = ("LEX", term.category, term.severity, term.note or _LEXICON_TERM, term.term)
        if judged and term.severity is not info:
            if term.category in marking_like:
                judges[index] = 1
            elif term.term in legal_terms:
                judges[index] = 2
        if term.whole_word:
            whole_words.add(index)
    kept = matches
    # The hits that start where a marking stands (nearly always none: then no hit is looked at
    # one by one, a fifth of the work of a dense stream's findings).
    in_marking = (
        {i for start, end in marked for i in range(start, end)}.intersection(map(_START, matches))
        if marked
        else set()
    )
    if in_marking or whole_words:
        marked_starts = [m[0] for m in marked]
        whole_word_cache: dict[int, set[int]] = {}
        kept = [
            (index, start, end)
            for index, start, end in matches
            if not (start in in_marking and _inside(marked, marked_starts, start, end))
            and not (index in whole_words and not _on_word_boundaries(text, start, end, whole_word_cache))
        ]
    spans = norm.original_spans(list(map(_SPAN, kept)))
    rows = list(map(kinds.__getitem__, map(_TERM_INDEX, kept)))
    if judges and layout is not None:
        # Judged only for the hits of marking-like terms and names of laws: the matcher itself is untouched.
        for n, (index, start, end) in enumerate(kept):
            judge = judges.get(index)
            if judge == 1 and not layout.stands_alone(*spans[n]):
                rows[n] = (*rows[n][:2], info, rules.LEX_IN_PROSE, rows[n][4])
            elif judge == 2 and rules.in_legal_list(text, start, end):
                rows[n] = (*rows[n][:2], info, rules.LEX_LEGAL_LIST, rows[n][4])
    return Finding.placed_all(stream.channel, stream.text, rows, spans, _places(stream, spans))


def _places(stream: TextStream, spans: list[tuple[int, int]]) -> list[Location | PendingPlace]:
    """The place of each span, left pending where the locator can (the PDF locator's place_all)."""
    place_all = getattr(stream.locator, "place_all", None)
    if place_all is not None:
        return cast("list[Location | PendingPlace]", place_all(spans))
    return list(locate_all(stream.locator, spans))


def _wording_findings(stream: TextStream, norm: Normalized, hits: list[wording.WordingHit]) -> list[Finding]:
    """错敏/表述 findings."""
    return _placed_findings(
        stream,
        norm,
        [(hit.start, hit.end) for hit in hits],
        [(hit.rule_id, hit.category, hit.severity, hit.message, hit.term) for hit in hits],
    )


def _placed_findings(
    stream: TextStream,
    norm: Normalized,
    hits: list[tuple[int, int]],
    rows: list[tuple[str, str, Severity, str, str | None]],
) -> list[Finding]:
    """The findings of normalised spans `hits`, mapped back and placed in one batch like the
    lexicon's, each place left pending where the locator can: a re-check keeps a stored text's
    places as spans and makes them only for the entry a user opens (app.recheck)."""
    if not hits:
        return []
    spans = norm.original_spans(hits)
    return Finding.placed_all(stream.channel, stream.text, rows, spans, _places(stream, spans))


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted `spans` (one of the last three that
    start at or before it). A plain loop: a generator in any() cost more than the test itself."""
    i = bisect.bisect_right(starts, start) - 1
    for j in range(max(0, i - 2), i + 1):  # noqa: SIM110 - see above
        if spans[j][1] >= end:
            return True
    return False


def _on_word_boundaries(text: str, start: int, end: int, cache: dict[int, set[int]]) -> bool:
    """True when jieba's segmentation of the surrounding text has word boundaries at start and end."""
    jieba = nlp.jieba_module()
    window_start = max(0, start - 20)
    if window_start not in cache:
        window = text[window_start : window_start + 80]
        bounds, pos = {window_start}, window_start
        for token in jieba.cut(window, HMM=False):
            pos += len(token)
            bounds.add(pos)
        cache[window_start] = bounds
    bounds = cache[window_start]
    return start in bounds and end in bounds


def _drop_unchanged_revisions(findings: list[Finding], visible: str) -> list[Finding]:
    """An earlier revision matters only where it says something the final version does not."""
    # In a local: looking a member up on an enum class costs ~1 µs, once per finding (30,000 on
    # a dense document).
    earlier = Channel.EARLIER_REVISION
    return [
        f for f in findings if not (f.channel is earlier and f.text and normalize(f.text).text in visible)
    ]


# Role nouns and phrases jieba's dictionary tags as names or places.
_NOT_NAMES = {"申请人", "被申请人", "当事人", "联系人", "负责人", "经办人", "之日起", "代理人", "法定代表人"}
_CLAUSE_END = "。；;！？!?"


def _names_near(personal: list[tuple[TextStream, Normalized, rules.RuleHit]]) -> list[Finding]:
    """Person and place names in the same sentence as personal data (jieba part-of-speech tags)."""
    posseg = nlp.posseg_module()
    found: list[Finding] = []
    for stream, norm, hit in personal:
        text = norm.text
        lo = max(max(text.rfind(c, 0, hit.start) for c in _CLAUSE_END) + 1, hit.start - 30)
        ends = [i for c in _CLAUSE_END if (i := text.find(c, hit.end)) != -1]
        hi = min([*ends, hit.end + 30])
        pos = lo
        for token in posseg.cut(text[lo:hi], HMM=True):
            word, flag = token.word, token.flag
            if (
                flag in ("nr", "ns", "nrfg", "nrt")
                and len(word) >= 2
                and word not in _NOT_NAMES
                and not (hit.start <= pos < hit.end)
            ):
                found.append(
                    _finding(
                        stream,
                        norm,
                        pos,
                        pos + len(word),
                        rules.NAME_NEAR_PII.id,
                        rules.NAME_NEAR_PII.category,
                        rules.NAME_NEAR_PII.severity,
                        rules.NAME_NEAR_PII.message,
                    )
                )
            pos += len(word)
    return found


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """The findings without repeats (model.distinct_findings; app.recheck calls it too)."""
    return distinct_findings(findings)


def suggest_keywords(text: str, count: int = 6) -> list[str]:
    """Suggested 主题词 for the catalog (jieba TF-IDF over the visible text): Chinese words only, so
    numbers — an ID or card number among them — never become catalog keywords, and never a word
    jieba tags as a person's name: a keyword is public, and a private person's name is not."""
    posseg = nlp.posseg_module()
    import jieba.analyse

    tags = [str(k) for k in jieba.analyse.extract_tags(text[:200_000], topK=count * 3)]
    return [
        k for k in tags if _CJK_WORD.search(k) and not any(p.flag.startswith("nr") for p in posseg.lcut(k))
    ][:count]
