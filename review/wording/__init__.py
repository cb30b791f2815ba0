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
from typing import Any

from review.model import Channel
from review.normalize import Normalized, normalize_term
from review.wording import form
from review.wording.base import LINK, RULE_IDS, WordingHit
from review.wording.fixed import FixedExpressions, OutdatedForms, WrongForms
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

_FIXED, _WRONG, _OUTDATED, _POST, _SHORT, _NAME = range(6)


class CompiledRulePack:
    def __init__(self, pack: RulePack) -> None:
        self.version = pack.version
        self.issues = list(pack.issues)
        self.fixed = FixedExpressions(list(pack.expressions.values()))
        self.wrong = WrongForms(list(pack.wrong_forms.values()))
        self.outdated = OutdatedForms([o for o in pack.outdated.values()])
        self.leaders = Leaders(pack.posts, list(pack.tenures.values()), list(pack.precedence.values()))
        index: dict[str, int] = {}
        payloads: list[list[tuple[int, Any]]] = []

        def add(pattern: str, kind: int, value: Any) -> None:
            key = normalize_term(pattern)
            if not key:
                return
            if key not in index:
                index[key] = len(payloads)
                payloads.append([])
            payloads[index[key]].append((kind, value))

        for half, side, i in self.fixed.patterns():
            add(half, _FIXED, (i, side))
        for i, key in enumerate(self.wrong.keys):
            add(key, _WRONG, i)
        for i, key in enumerate(self.outdated.keys):
            add(key, _OUTDATED, i)
        for pattern, kind, value in self.leaders.patterns():
            add(pattern, {"post": _POST, "short": _SHORT, "name": _NAME}[kind], value)
        self._payloads = payloads
        self._automaton = _automaton(list(index))
        self._allow = _automaton(sorted({normalize_term(a) for a in pack.allowed} - {""}))

    def find(
        self, norm: Normalized, original: str, on: dt.date, channel: Channel = Channel.VISIBLE
    ) -> list[WordingHit]:
        """Every 错敏/表述 hit in a stream's normalised text (offsets into norm.text); `original` is
        the stream's text before normalisation, `on` the document's date."""
        text = norm.text
        if channel is Channel.LINK:
            hits = form.links(text)
        else:
            hits = self._content(text, on)
            hits += form.doc_numbers(text)
            hits += form.half_width(text, original, norm.original)
            hits += form.doubled(text)
            hits += form.unpaired(text)
            hits += form.links(text)
        if not hits:
            return hits
        hits = [
            h._replace(term=original[slice(*norm.original_span(h.start, h.end))]) if h.rule_id == LINK else h
            for h in hits
        ]
        if self._allow is not None:
            allowed = self._allow.find_matches_as_indexes(text, overlapping=True)
            hits = [h for h in hits if not any(s <= h.start and h.end <= e for _, s, e in allowed)]
        return hits

    def _content(self, text: str, on: dt.date) -> list[WordingHit]:
        if self._automaton is None:
            return []
        fixed: list[tuple[int, int, int, int]] = []
        wrong: list[tuple[int, int, int]] = []
        outdated: list[tuple[int, int, int]] = []
        posts: list[tuple[int, int, str]] = []
        shorts: list[tuple[int, int, str]] = []
        names: list[tuple[int, int, str]] = []
        payloads = self._payloads
        for pattern, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            for kind, value in payloads[pattern]:
                if kind == _FIXED:
                    fixed.append((value[0], value[1], start, end))
                elif kind == _WRONG:
                    wrong.append((value, start, end))
                elif kind == _OUTDATED:
                    outdated.append((value, start, end))
                elif kind == _POST:
                    posts.append((start, end, value))
                elif kind == _SHORT:
                    shorts.append((start, end, value))
                else:
                    names.append((start, end, value))
        hits: list[WordingHit] = []
        if fixed:
            hits += self.fixed.find(text, fixed)
        if wrong:
            hits += self.wrong.find(text, wrong)
        if outdated:
            hits += self.outdated.find(text, outdated, on)
        if posts or shorts or names:
            hits += self.leaders.find(text, posts, shorts, names, on)
        return _longest(hits) if len(hits) > 1 else hits


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

    return ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )


@functools.lru_cache(maxsize=8)
def compiled(local: tuple[tuple[str, bytes], ...] = ()) -> CompiledRulePack:
    """The shipped packs with a department's own files (name, content) merged over them."""
    return CompiledRulePack(load([*shipped_sources(), *local]))
