"""Fixed expressions (edit distance 1), wrong forms (exact) and outdated formulations (by date).

Fixed expressions are found without scanning every window of the text: each expression is cut into
two halves, and one edit leaves one half intact, so an Aho-Corasick match of either half anchors
the few windows (lengths n-1, n, n+1) a bounded edit distance then verifies. An exact occurrence
at the anchor settles it as correct. Edits of the first or last character are not counted: that
is where a correct text differs from an expression (住房和城乡建设部 / …局, 全面从严治党 / …治警).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from review.normalize import normalize_term
from review.wording.base import (
    ERRORS,
    FIXED,
    MSG_FIXED,
    MSG_OUTDATED,
    MSG_OUTDATED_CURRENT,
    MSG_WRONG_FORM,
    OUTDATED,
    WORDING,
    WRONG_FORM,
    WordingHit,
    is_cjk,
    sentence_around,
    years_in,
)
from review.wording.packs import Expression, Outdated, WrongForm

MIN_FUZZY = 6  # shorter expressions differ by one character from other correct words

LEFT, RIGHT = 0, 1


def one_edit_inside(window: str, expression: str) -> bool:
    """Whether `window` is `expression` with one character substituted, inserted or deleted, not at
    its first or last character, the new character a Chinese one."""
    n, m = len(expression), len(window)
    if m == n:
        diff = -1
        for i in range(n):
            if window[i] != expression[i]:
                if diff != -1:
                    return False
                diff = i
        return 0 < diff < n - 1 and is_cjk(window[diff])
    i = 0
    shorter = min(m, n)
    while i < shorter and window[i] == expression[i]:
        i += 1
    if m == n + 1:
        # An inserted 的 or 之 makes a phrase of a name, not a typo (中华民族的伟大复兴).
        return (
            0 < i < n and window[i + 1 :] == expression[i:] and is_cjk(window[i]) and window[i] not in "的之"
        )
    if m == n - 1:
        return 0 < i < n - 1 and window[i:] == expression[i + 1 :]
    return False


class Half(NamedTuple):
    """What a half of a fixed expression anchors: the expression (its index, normalised text and
    length), which half it is, and the character a window must end (left half) or start with."""

    expression: int
    key: str
    left: bool
    length: int
    edge: str

    @classmethod
    def of(cls, expression: int, key: str, left: bool) -> Half:
        return cls(expression, key, left, len(key), key[-1] if left else key[0])


class FixedExpressions:
    def __init__(self, expressions: list[Expression], allowed: Iterable[str] = ()) -> None:
        self.keys: list[str] = []
        self.entries: list[Expression] = []
        for e in expressions:
            key = normalize_term(e.text)
            if e.severity is not None and len(key) >= MIN_FUZZY:
                self.keys.append(key)
                self.entries.append(e)
        # Every expression is correct text: a window that is another expression is no typo. (Nor
        # one on the pack's allow-list: an official short form such as 住房城乡建设部.)
        self.known = {normalize_term(e.text) for e in expressions} | set(allowed)

    def patterns(self) -> Iterator[tuple[str, int, int]]:
        """(half, side, expression index) for the anchoring automaton.

        An expression that starts with another (中华人民共和国 + 政府信息公开条例) is cut in the rest:
        an edit inside the shorter one is that one's finding, and a dozen laws no longer anchor
        on every 中华人民共和国 of the text."""
        for index, key in enumerate(self.keys):
            prefix = max(
                (len(k) for k in self.keys if len(k) <= len(key) - 2 and key.startswith(k)), default=0
            )
            cut = prefix + (len(key) - prefix) // 2
            yield key[:cut], LEFT, index
            yield key[cut:], RIGHT, index

    def find(
        self, text: str, matches: list[tuple[int, int, int]], halves: list[list[Half]]
    ) -> list[WordingHit]:
        """Hits from the automaton's matches (pattern, start, end) of halves; `halves[pattern]`
        lists the expressions it is a half of (`Half`)."""
        out: list[WordingHit] = []
        seen: set[tuple[int, int, int]] = set()
        # Bounded find() rather than a slice and `in`: a dense text has tens of thousands of anchors.
        startswith, find = text.startswith, text.find
        for pattern, start, end in matches:
            for index, key, left, n, edge in halves[pattern]:
                if left:
                    # Exact, or no window ends as the expression does: settled here, at no call.
                    if startswith(key, start) or find(edge, start + n - 2, start + n + 1) < 0:
                        continue
                    self._near(text, index, key, start, end, out, seen)
                else:
                    at = end - n
                    if startswith(key, at) or find(edge, at - 1 if at > 0 else 0, at + 2) < 0:
                        continue
                    self._near(text, index, key, None, end, out, seen)
        return out

    def _near(
        self,
        text: str,
        index: int,
        key: str,
        start: int | None,
        end: int,
        out: list[WordingHit],
        seen: set[tuple[int, int, int]],
    ) -> None:
        """The window one edit from `key` anchored at `start` (a left half) or `end` (a right one).
        First and last characters are never the edit: a window that does not end (start) as the
        expression does is dropped before it is sliced."""
        n = len(key)
        if start is not None:
            windows = [
                (start, hi)
                for hi in (start + n, start + n - 1, start + n + 1)
                if text[hi - 1 : hi] == key[-1]
            ]
        else:
            windows = [
                (lo, end) for lo in (end - n, end - n + 1, end - n - 1) if lo >= 0 and text[lo] == key[0]
            ]
        for lo, hi in windows:
            window = text[lo:hi]
            if window in self.known or not one_edit_inside(window, key):
                continue
            if (lo, hi, index) not in seen:
                seen.add((lo, hi, index))
                entry = self.entries[index]
                assert entry.severity is not None
                message = MSG_FIXED.format(kind=entry.category, suggestion=entry.text)
                out.append(WordingHit(lo, hi, FIXED, ERRORS, entry.severity, message, entry.text))
            return


def excepted(text: str, start: int, key: str, exceptions: tuple[str, ...]) -> bool:
    """Whether the match of `key` at `start` lies inside one of the longer correct phrases."""
    for phrase in exceptions:
        at = phrase.find(key)
        while at != -1:
            if start - at >= 0 and text.startswith(phrase, start - at):
                return True
            at = phrase.find(key, at + 1)
    return False


class WrongForms:
    def __init__(self, forms: list[WrongForm]) -> None:
        self.entries = [f for f in forms if f.severity is not None]
        self.keys = [normalize_term(f.wrong) for f in self.entries]
        self.exceptions = [tuple(normalize_term(x) for x in f.exceptions) for f in self.entries]

    def find(self, text: str, matches: list[tuple[int, int, int]]) -> list[WordingHit]:
        out = []
        for index, start, end in matches:
            if excepted(text, start, self.keys[index], self.exceptions[index]):
                continue
            form = self.entries[index]
            assert form.severity is not None
            message = MSG_WRONG_FORM.format(kind=form.category, suggestion=form.right)
            out.append(WordingHit(start, end, WRONG_FORM, ERRORS, form.severity, message, form.wrong))
        return out


# A formulation named as what it was: 原扶贫办, 时任, 更名为 …, 国务院扶贫办（现国家乡村振兴局）.
_PAST_PREFIX = re.compile(r"(?:(?<![目当])前|原|时任|即原|曾|旧)$")
_PAST_WORDS = re.compile(r"更名|改名|改为|组建|撤销|撤并|不再保留|划入|并入|整合|改革前|前身|挂牌|职责")
_NOW_AFTER = re.compile(r"[(“\"]?(?:现|今|已更名|已改为|改为|更名为|现为|现已)")
# Spoken of as current (only these make a five-year plan after its end an error) …
_CURRENT_BEFORE = re.compile(
    r"当前|目前|现阶段|现在|今年是|今年为|明年是|本年度是|正处于|正处在|正值|正在实施|迈入|进入"
)
_CURRENT_AFTER = re.compile(
    r"开局之年|起步之年|关键之年|攻坚之年|中期之年|决胜之年|开局起步|的开局|实施的关键"
)
# … and a look back is not.
_LOOKING_BACK = re.compile(r"收官|完成|圆满|总结|回顾|成就|成效|期间|以来|取得|实现了")


class OutdatedForms:
    def __init__(self, rows: list[Outdated]) -> None:
        by_key: dict[str, list[Outdated]] = {}
        for row in rows:
            by_key.setdefault(normalize_term(row.phrase), []).append(row)
        self.keys = list(by_key)
        self.rows = [sorted(by_key[k], key=lambda r: r.since) for k in self.keys]
        self.exceptions = {
            (i, r.since): tuple(normalize_term(x) for x in r.exceptions)
            for i, rows in enumerate(self.rows)
            for r in rows
        }

    def find(self, text: str, matches: list[tuple[int, int, int]], on: dt.date) -> list[WordingHit]:
        out = []
        for index, start, end in _outermost(matches):
            row = next((r for r in reversed(self.rows[index]) if r.since <= on), None)
            if row is None or row.severity is None:
                continue
            if row.current_only and not (
                # Most mentions of a past plan look back: without a cue nearby, nothing to judge.
                _CURRENT_BEFORE.search(text, max(0, start - 12), start)
                or _CURRENT_AFTER.search(text, end, end + 10)
            ):
                continue
            if excepted(text, start, self.keys[index], self.exceptions[(index, row.since)]):
                continue
            lo, hi = sentence_around(text, start, end)
            if _PAST_PREFIX.search(text, max(lo, start - 2), start) or _PAST_WORDS.search(
                text, max(lo, start - 8), min(hi, end + 6)
            ):
                continue
            if _NOW_AFTER.match(text, end):
                continue
            if any(first < row.since.year for first, _last in years_in(text, lo, hi)):
                continue  # "2020年是“十三五”收官之年": a year before the change names the past
            since = row.since.isoformat()
            if row.current_only:
                if not (
                    _CURRENT_BEFORE.search(text, max(lo, start - 12), start)
                    or _CURRENT_AFTER.search(text, end, min(hi, end + 10))
                ):
                    continue
                if _LOOKING_BACK.search(text, max(lo, start - 4), min(hi, end + 10)):
                    continue
                message = MSG_OUTDATED_CURRENT.format(
                    since=since, phrase=row.phrase, suggestion=row.suggestion
                )
            else:
                message = MSG_OUTDATED.format(since=since, suggestion=row.suggestion)
            out.append(WordingHit(start, end, OUTDATED, WORDING, row.severity, message, row.phrase))
        return out


def _outermost(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Matches not inside a longer one: 扶贫办 inside 国务院扶贫办 is judged as the longer phrase
    (原国务院扶贫办 excuses both)."""
    if len(matches) < 2:
        return matches
    ordered = sorted(matches, key=lambda m: (m[1], -m[2]))
    out = [ordered[0]]
    for m in ordered[1:]:
        if m[2] <= out[-1][2]:
            continue
        out.append(m)
    return out
