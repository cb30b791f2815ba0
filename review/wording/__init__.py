"""The 错敏/表述 check: leaders by date, fixed expressions, wrong and outdated forms, form, links.

A second family of rules beside review/rules.py and the lexicon, run by the engine on the same
normalised text of each stream a reader reads (review/engine.py). Its data are rule packs
(packs.py: CSV files shipped in resources/rulepacks/, merged with a department's own files);
`compiled(local)` gives the matcher, built once per process for each set of local files.

One Aho-Corasick pass over the text finds every anchor: halves of fixed expressions, wrong and
outdated forms, posts, short forms and leaders' names. The rules then look only where something
matched, and the form rules are a few regular expressions, so a document without any of it costs
one automaton pass and those scans.
"""

from __future__ import annotations

import datetime as dt
import functools
from itertools import compress
from operator import itemgetter
from typing import Any

from review.model import Channel
from review.normalize import Normalized, normalize_term
from review.wording import form
from review.wording.base import LINK, RULE_IDS, WordingHit
from review.wording.fixed import LEFT, FixedExpressions, Half, OutdatedForms, WrongForms
from review.wording.leaders import Leaders
from review.wording.packs import PackIssue, RulePack, load, shipped_sources

__all__ = [
    "CHANNELS",
    "RULE_IDS",
    "CompiledRulePack",
    "PackIssue",
    "RulePack",
    "WordingHit",
    "compiled",
    "load",
    "shipped_sources",
]

# What a reader reads as the document (and what a catalog field is checked as); link targets
# (Channel.LINK) are listed as links only.
CHANNELS = frozenset({Channel.VISIBLE, Channel.NOTE, Channel.TEXT_BOX, Channel.HEADER_FOOTER, Channel.LINK})

_WRONG, _OUTDATED, _POST, _SHORT, _NAME = range(5)
MAX_TERM = 255
MAX_DFA = 5000  # patterns an automaton is a DFA for (about 36 MB)


class CompiledRulePack:
    def __init__(self, pack: RulePack) -> None:
        self.version = pack.version
        self.issues = list(pack.issues)
        self.fixed = FixedExpressions(list(pack.expressions.values()), pack.allowed)
        self.wrong = WrongForms(list(pack.wrong_forms.values()))
        self.outdated = OutdatedForms([o for o in pack.outdated.values()])
        self.leaders = Leaders(pack.posts, list(pack.tenures.values()), list(pack.precedence.values()))
        # Halves of fixed expressions overlap one another and everything else: all their matches
        # count. Words (wrong and outdated forms, posts, names) are matched leftmost-longest, so
        # 国务院总理 hides the 总理 inside it and 国务院扶贫办 its 扶贫办.
        halves: dict[str, list[Half]] = {}
        for half, side, i in self.fixed.patterns():
            halves.setdefault(normalize_term(half), []).append(Half.of(i, self.fixed.keys[i], side == LEFT))
        words: dict[str, tuple[int, Any]] = {}
        for key, kind, value in [
            *((k, _WRONG, i) for i, k in enumerate(self.wrong.keys)),
            *((k, _OUTDATED, i) for i, k in enumerate(self.outdated.keys)),
            *(
                (p, {"post": _POST, "short": _SHORT, "name": _NAME}[kind], v)
                for p, kind, v in self.leaders.patterns()
            ),
        ]:
            key = normalize_term(key)
            if key:
                words.setdefault(key, (kind, value))
        self._halves = list(halves.values())
        self._words = list(words.values())
        # One automaton for both, every match: a pass over 5,000 characters costs as much as all
        # the rules after it, and the words' leftmost-longest matches are picked from its matches.
        # Its first patterns are the halves, in order: a half's match is then its own anchor.
        patterns = list(halves) + [key for key in words if key not in halves]
        word_index = {key: i for i, key in enumerate(words)}
        self._half_count = len(halves)
        self._word_of = [word_index.get(key, -1) for key in patterns]
        self._is_word = [i >= 0 for i in self._word_of]
        self._automaton = _automaton(patterns)
        allowed = sorted({normalize_term(a) for a in pack.allowed} - {""})
        self._allow = _automaton(allowed)
        self._allow_reach = max(map(len, allowed), default=0)

    def find(
        self,
        norm: Normalized,
        original: str,
        on: dt.date,
        channel: Channel = Channel.VISIBLE,
        *,
        info: bool = True,
    ) -> list[WordingHit]:
        """Every 错敏/表述 hit in a stream's normalised text (offsets into norm.text); `original` is
        the stream's text before normalisation, `on` the document's date. `info=False`: the form
        rules, all 提示, are not run (a re-check lists no 提示)."""
        text = norm.text
        if channel is Channel.LINK:
            hits = form.links(text) if info else []
        else:
            hits = self._content(text, on)
            if info:
                hits += form.doc_numbers(text)
                hits += form.half_width(norm, original)
                hits += form.doubled(text)
                hits += form.unpaired(text)
                hits += form.links(text)
        if not hits:
            return hits
        # A link's term is the address as written (normalised text is lower-cased), cut to what
        # a stored finding's term holds (FindingRow.term, 255 characters): an address can be longer.
        hits = [
            h._replace(term=original[slice(*norm.original_span(h.start, h.end))][:MAX_TERM])
            if h.rule_id == LINK
            else h
            for h in hits
        ]
        if self._allow is not None:
            hits = [h for h in hits if not self._allowed(text, h.start, h.end)]
        return hits

    def _allowed(self, text: str, start: int, end: int) -> bool:
        """Whether an allow-list phrase holds text[start:end]. Searched only in the window such a
        phrase can occupy: a few phrases match no faster than the pack's whole automaton, and
        most texts with a hit have one or two."""
        lo = max(0, end - self._allow_reach)
        window = text[lo : start + self._allow_reach]
        return any(
            s + lo <= start and end <= e + lo
            for _, s, e in self._allow.find_matches_as_indexes(window, overlapping=True)
        )

    def _content(self, text: str, on: dt.date) -> list[WordingHit]:
        hits: list[WordingHit] = []
        if self._automaton is None:
            return hits
        # Split by C loops (compress): a dense text has tens of thousands of matches.
        matches = self._automaton.find_matches_as_indexes(text, overlapping=True)
        patterns = list(map(_PATTERN, matches))
        anchors = list(compress(matches, map(self._half_count.__gt__, patterns)))
        if anchors:
            hits += self.fixed.find(text, anchors, self._halves)
        if not self._words:
            return hits
        wrong: list[tuple[int, int, int]] = []
        outdated: list[tuple[int, int, int]] = []
        posts: list[tuple[int, int, str]] = []
        shorts: list[tuple[int, int, str]] = []
        names: list[tuple[int, int, str]] = []
        words, word_of = self._words, self._word_of
        for pattern, start, end in _leftmost_longest(
            list(compress(matches, map(self._is_word.__getitem__, patterns)))
        ):
            kind, value = words[word_of[pattern]]
            if kind == _NAME:
                names.append((start, end, value))
            elif kind == _SHORT:
                shorts.append((start, end, value))
            elif kind == _POST:
                posts.append((start, end, value))
            elif kind == _OUTDATED:
                outdated.append((value, start, end))
            else:
                wrong.append((value, start, end))
        if wrong:
            hits += self.wrong.find(text, wrong)
        if outdated:
            hits += self.outdated.find(text, outdated, on)
        if posts or shorts or len(names) > 1:
            hits += self.leaders.find(text, posts, shorts, names, on)
        return _longest(hits) if len(hits) > 1 else hits


def _leftmost_longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Of every match (pattern, start, end), those a leftmost-longest search finds: the longest
    of those starting first, then the same after its end (国务院总理 hides the 总理 inside it)."""
    # By start, the longest first: two stable sorts by C keys (a key tuple made per match cost more).
    ordered = sorted(matches, key=_END, reverse=True)
    ordered.sort(key=_START)
    out: list[tuple[int, int, int]] = []
    last = 0
    for match in ordered:
        if match[1] >= last:
            out.append(match)
            last = match[2]
    return out


_PATTERN, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)


def _longest(hits: list[WordingHit]) -> list[WordingHit]:
    """Of hits of the same rule that overlap, the longest (国家卫生计生委 over 卫生计生委)."""
    hits.sort(key=lambda h: (h.rule_id, h.start, -(h.end - h.start)))
    out: list[WordingHit] = []
    for h in hits:
        last = out[-1] if out else None
        if last is not None and last.rule_id == h.rule_id and h.start < last.end:
            continue
        out.append(h)
    return out


def _automaton(patterns: list[str]) -> Any:
    if not patterns:
        return None
    import ahocorasick_rs

    kind, implementation = ahocorasick_rs.MatchKind, ahocorasick_rs.Implementation
    # A pack's few hundred patterns make a DFA of a few megabytes that reads text about twice
    # as fast as an NFA; it grows by some 7 MB a thousand patterns, so a department's pack of
    # many thousands of rows stays an NFA (as does the lexicon's 100,000 terms).
    return ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=kind.Standard,
        implementation=implementation.DFA if len(patterns) <= MAX_DFA else implementation.ContiguousNFA,
    )


@functools.lru_cache(maxsize=8)
def compiled(local: tuple[tuple[str, bytes], ...] = ()) -> CompiledRulePack:
    """The shipped packs with a department's own files (name, content) merged over them."""
    return CompiledRulePack(load([*shipped_sources(), *local]))
