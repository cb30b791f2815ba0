"""Text strings under a redaction split into one string per glyph, before MuPDF applies it.

MuPDF's text redaction (PyMuPDF 2.0, MuPDF 1.28) loses the advance of the first glyph it removes
from inside a `TJ` string: every glyph kept after it in the string is drawn one glyph to the left,
partly under the black box (issue 14). When each glyph is its own string the removal comes out
right. Splitting a string inside a `TJ` array moves nothing: the glyphs of `[<AB>]` and `[<A><B>]`
are placed the same (PDF 32000-1, 9.4.3), so no width or position is computed here.

Which strings to split: the text-showing operators of the page (and of the forms it paints) are
counted glyph by glyph against MuPDF's own text trace, and those with a glyph near a redaction are
split. When the counts do not agree (text MuPDF shows that this walk does not see, a font whose
codes it cannot cut), every string it can cut on the page is split instead: more rewriting, the
same placing. Strings in a font whose code lengths are unknown (a predefined CMap of mixed
lengths, such as GBK-EUC-H) are left as they are; the render comparison after redaction
(`review.ocr.lost_ink`) still catches a page that lost content.

Before that, horizontal scaling is folded into the text matrix (`fold_horizontal_scaling`):
MuPDF, rewriting a page under `Tz` != 100, wrote every `TJ` number times (Tz/100)^2, which moved
the glyphs after it. The same pass writes `TD` out as `TL` and `Td` (MuPDF's rewrite lost the
leading `TD` sets, and the lines shown with `'` or `"` after it moved).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# Two-byte CMaps of Type0 fonts. Other predefined CMaps mix code lengths and are not cut.
_TWO_BYTE_CMAPS = {
    "Identity-H", "Identity-V",
    "UniGB-UCS2-H", "UniGB-UCS2-V", "UniCNS-UCS2-H", "UniCNS-UCS2-V",
    "UniJIS-UCS2-H", "UniJIS-UCS2-V", "UniJIS-UCS2-HW-H", "UniJIS-UCS2-HW-V",
    "UniKS-UCS2-H", "UniKS-UCS2-V",
}  # fmt: skip
_SIMPLE_FONTS = {"Type1", "MMType1", "TrueType", "Type3"}
_OPERANDS = {b"Tj": ["string"], b"'": ["string"], b'"': ["number", "number", "string"], b"TJ": ["array"]}
_CLIP_ONLY = 7  # text render mode 7 adds to the clip and paints nothing: not in the text trace
_NEAR_PT = 2.0  # a glyph this close to a redaction counts as under it (splitting more is harmless)
_MAX_FORM_DEPTH = 12

_TOKEN = re.compile(
    rb"(?P<ws>[ \t\r\n\f\x00]+)|(?P<comment>%[^\r\n]*)|(?P<dict_open><<)|(?P<dict_close>>>)"
    rb"|(?P<hex><[0-9A-Fa-f \t\r\n\f\x00]*>)|(?P<open>\[)|(?P<close>\])|(?P<name>/[^ \t\r\n\f\x00()<>\[\]{}/%]*)"
    rb"|(?P<lit>\()|(?P<brace>[{}])|(?P<word>[^ \t\r\n\f\x00()<>\[\]{}/%]+)"
)
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)\Z")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}
_END_OF_IMAGE = re.compile(rb"[ \t\r\n\f\x00]EI(?=[ \t\r\n\f\x00/\[<(%]|\Z)")
_HEX_NAME = re.compile(rb"#([0-9A-Fa-f]{2})")


class _Malformed(Exception):
    """The content stream is not read as expected: it is left as it is."""


@dataclass
class _Operand:
    kind: str  # "number", "string", "name", "array", "other"
    start: int
    end: int
    value: Any = None  # the number's bytes, the string's bytes, the name, the array's items


@dataclass
class _Show:
    """One text-showing operator: where it is, what it shows, how its codes are cut."""

    xref: int
    start: int
    end: int
    op: bytes
    operands: list[_Operand]
    codes: _Codes | None
    clip_only: bool
    near: bool = False

    def strings(self) -> list[bytes]:
        if self.op == b"TJ":
            return [item.value for item in self.operands[0].value if item.kind == "string"]
        return [self.operands[-1].value]

    def glyph_count(self) -> int | None:
        if self.codes is None:
            return None
        count = 0
        for text in self.strings():
            cut = self.codes.cut(text)
            if cut is None:
                return None
            count += len(cut)
        return count

    def split(self, data: bytes) -> bytes | None:
        """The operator rewritten as a TJ array of one-glyph strings (None: cannot be cut)."""
        if self.codes is None:
            return None
        sources = self.operands[0].value if self.op == b"TJ" else [self.operands[-1]]
        items: list[bytes] = []
        longest = 0
        for item in sources:
            if item.kind == "number":
                items.append(item.value)
                continue
            cut = self.codes.cut(item.value)
            if cut is None:
                return None
            longest = max(longest, len(cut))
            items.extend(b"<" + code.hex().upper().encode("ascii") + b">" for code in cut)
        if self.op == b"TJ" and longest <= 1:
            return None  # one glyph per string already
        array = b"[" + b" ".join(items) + b"] TJ"
        if self.op == b"'":
            return b"T* " + array
        if self.op == b'"':
            word, char = (data[o.start : o.end] for o in self.operands[:2])
            return word + b" Tw " + char + b" Tc T* " + array
        return array


@dataclass(frozen=True)
class _Codes:
    """How a font's strings are cut into character codes: by fixed length, or by the codespace
    ranges of an embedded CMap (PDF 32000-1, 9.7.6.2)."""

    length: int = 0
    ranges: tuple[tuple[bytes, bytes], ...] = ()

    def cut(self, text: bytes) -> list[bytes] | None:
        if self.length:
            if len(text) % self.length:
                return None
            return [text[i : i + self.length] for i in range(0, len(text), self.length)]
        codes: list[bytes] = []
        i = 0
        while i < len(text):
            size = self._match(text, i)
            if size is None:
                return None
            codes.append(text[i : i + size])
            i += size
        return codes

    def _match(self, text: bytes, i: int) -> int | None:
        for size in range(1, 5):
            chunk = text[i : i + size]
            if len(chunk) < size:
                return None
            for low, high in self.ranges:
                if len(low) == size and all(
                    lo <= b <= hi for b, lo, hi in zip(chunk, low, high, strict=True)
                ):
                    return size
        return None


@dataclass
class _Walk:
    doc: Any
    shows: list[_Show] = field(default_factory=list)
    streams: dict[int, bytes] = field(default_factory=dict)
    codes: dict[int, _Codes | None] = field(default_factory=dict)
    complete: bool = True  # every operator was read and every glyph could be counted


def split_text_under(doc: Any, page: Any, rects: list[Any]) -> int:
    """Splits the strings of `page` (a PyMuPDF page of `doc`) that show a glyph within about 2 pt
    of one of `rects` (page coordinates) into one string per glyph, after folding the page's
    horizontal scaling. Returns how many text-showing operators were split."""
    import pymupdf

    if not rects:
        return 0
    fold_horizontal_scaling(doc, page)
    near = [pymupdf.Rect(r.x0 - _NEAR_PT, r.y0 - _NEAR_PT, r.x1 + _NEAR_PT, r.y1 + _NEAR_PT) for r in rects]
    walk = _Walk(doc)
    _walk_page(walk, page)
    # One trace character per glyph shown (a glyph read as several characters adds some with no
    # glyph, -1).
    chars = [c for span in page.get_texttrace() for c in span["chars"] if c[1] >= 0]
    counts = [show.glyph_count() for show in walk.shows]
    painted = [n for n, show in zip(counts, walk.shows, strict=True) if not show.clip_only]
    aligned = walk.complete and None not in counts and sum(n or 0 for n in painted) == len(chars)
    index = 0
    for show, count in zip(walk.shows, counts, strict=True):
        if not aligned or show.clip_only or count is None:
            show.near = True  # where MuPDF draws it is not known here: split it
            continue
        boxes = [pymupdf.Rect(c[3]) for c in chars[index : index + count]]
        index += count
        show.near = any(box.intersects(r) for box in boxes for r in near)
    return _rewrite(walk)


def _rewrite(walk: _Walk) -> int:
    edits: dict[int, dict[int, tuple[int, bytes]]] = {}
    for show in walk.shows:
        if not show.near:
            continue
        data = walk.streams[show.xref]
        new = show.split(data)
        if new is not None:
            edits.setdefault(show.xref, {})[show.start] = (show.end, new)
    rewritten = 0
    for xref, spans in edits.items():
        data = walk.streams[xref]
        parts: list[bytes] = []
        at = 0
        for start in sorted(spans):
            end, new = spans[start]
            if start < at:
                continue  # the same operator reached twice (a form painted twice): cut once
            parts += [data[at:start], new]
            at = end
            rewritten += 1
        parts.append(data[at:])
        walk.doc.update_stream(xref, b"".join(parts))
    return rewritten


# -- walking the page ---------------------------------------------------------------------------


@dataclass
class _State:
    font: _Codes | None = None  # how the current font's codes are cut (None: unknown, or no Tf yet)
    render_mode: int = 0


def _walk_page(walk: _Walk, page: Any) -> None:
    owner = _resource_owner(walk.doc, page.xref)
    state = _State()
    stack: list[_State] = []
    # The page's content streams are one stream cut in pieces: q in one may close with Q in the next.
    for xref in page.get_contents():
        _walk_stream(walk, xref, owner, state, stack, depth=0, seen=set())


def _resource_owner(doc: Any, xref: int) -> int | None:
    """The object whose /Resources apply to a page (it may inherit them from the page tree)."""
    for _ in range(64):
        if doc.xref_get_key(xref, "Resources")[0] != "null":
            return xref
        kind, parent = doc.xref_get_key(xref, "Parent")
        if kind != "xref":
            return None
        xref = int(parent.split()[0])
    return None


def _resource(doc: Any, owner: int | None, category: str, name: str) -> int | None:
    if owner is None:
        return None
    kind, value = doc.xref_get_key(owner, f"Resources/{category}/{name}")
    return int(value.split()[0]) if kind == "xref" else None


def _walk_stream(
    walk: _Walk, xref: int, owner: int | None, state: _State, stack: list[_State], depth: int, seen: set[int]
) -> None:
    if xref not in walk.streams:
        try:
            walk.streams[xref] = walk.doc.xref_stream(xref) or b""
        except Exception:
            walk.complete = False
            return
    data = walk.streams[xref]
    base = len(stack) if depth else 0
    try:
        for op, operands, start, end in _operators(data):
            if op == b"q":
                stack.append(_State(state.font, state.render_mode))
            elif op == b"Q":
                if len(stack) > base:
                    restored = stack.pop()
                    state.font, state.render_mode = restored.font, restored.render_mode
            elif op == b"Tf" and len(operands) >= 2 and operands[-2].kind == "name":
                font = _resource(walk.doc, owner, "Font", operands[-2].value)
                state.font = _font_codes(walk, font) if font is not None else None
            elif op == b"Tr" and operands and operands[-1].kind == "number":
                state.render_mode = int(float(operands[-1].value))
            elif op in _OPERANDS:
                _add_show(walk, xref, op, operands, start, end, state)
            elif op == b"Do" and operands and operands[-1].kind == "name":
                _walk_form(walk, owner, operands[-1].value, state, stack, depth, seen)
    except _Malformed:
        walk.complete = False
    if depth:
        del stack[base:]  # what a form saves it restores (painting a form is wrapped in q ... Q)


def _add_show(
    walk: _Walk, xref: int, op: bytes, operands: list[_Operand], start: int, end: int, state: _State
) -> None:
    expected = _OPERANDS[op]
    operands = operands[-len(expected) :] if len(operands) >= len(expected) else operands
    if [o.kind for o in operands] != expected or (
        op == b"TJ" and any(item.kind not in ("string", "number") for item in operands[0].value)
    ):
        walk.complete = False
        return
    if state.font is None:
        walk.complete = False
    walk.shows.append(
        _Show(xref, operands[0].start, end, op, operands, state.font, state.render_mode == _CLIP_ONLY)
    )


def _walk_form(
    walk: _Walk, owner: int | None, name: str, state: _State, stack: list[_State], depth: int, seen: set[int]
) -> None:
    form = _resource(walk.doc, owner, "XObject", name)
    if form is None:
        return  # nothing MuPDF would paint either
    if walk.doc.xref_get_key(form, "Subtype")[1] != "/Form":
        return
    if form in seen or depth >= _MAX_FORM_DEPTH:
        walk.complete = False
        return
    own = walk.doc.xref_get_key(form, "Resources")[0] != "null"
    inner = _State(state.font, state.render_mode)
    _walk_stream(walk, form, form if own else owner, inner, stack, depth + 1, seen | {form})


def _font_codes(walk: _Walk, xref: int) -> _Codes | None:
    if xref not in walk.codes:
        walk.codes[xref] = _read_font_codes(walk.doc, xref)
    return walk.codes[xref]


def _read_font_codes(doc: Any, xref: int) -> _Codes | None:
    subtype = doc.xref_get_key(xref, "Subtype")[1].lstrip("/")
    if subtype in _SIMPLE_FONTS:
        return _Codes(length=1)
    if subtype != "Type0":
        return None
    kind, encoding = doc.xref_get_key(xref, "Encoding")
    if kind == "name":
        return _Codes(length=2) if encoding.lstrip("/") in _TWO_BYTE_CMAPS else None
    if kind != "xref":
        return None
    try:
        cmap = doc.xref_stream(int(encoding.split()[0])) or b""
    except Exception:
        return None
    return _codespace(cmap)


_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)
_HEX_PAIR = re.compile(rb"<([0-9A-Fa-f\s]*)>\s*<([0-9A-Fa-f\s]*)>")


def _codespace(cmap: bytes) -> _Codes | None:
    if b"usecmap" in cmap:
        return None  # codespace partly in another CMap
    ranges: list[tuple[bytes, bytes]] = []
    for block in _CODESPACE.findall(cmap):
        for low, high in _HEX_PAIR.findall(block):
            lo, hi = (
                bytes.fromhex(b"".join(low.split()).decode()),
                bytes.fromhex(b"".join(high.split()).decode()),
            )
            if len(lo) != len(hi) or not 1 <= len(lo) <= 4:
                return None
            ranges.append((lo, hi))
    if not ranges:
        return None
    sizes = {len(lo) for lo, _ in ranges}
    return _Codes(length=sizes.pop()) if len(sizes) == 1 else _Codes(ranges=tuple(ranges))


# -- reading a content stream -------------------------------------------------------------------


def _operators(data: bytes) -> Iterator[tuple[bytes, list[_Operand], int, int]]:
    """Each operator with its operands and the byte span of the operator itself."""
    operands: list[_Operand] = []
    arrays: list[list[_Operand]] = []
    array_starts: list[int] = []
    dict_depth = 0
    pos = 0
    while pos < len(data):
        match = _TOKEN.match(data, pos)
        if match is None:
            raise _Malformed
        kind, start, pos = match.lastgroup, match.start(), match.end()
        item: _Operand | None = None
        if kind in ("ws", "comment"):
            continue
        if kind == "lit":
            text, pos = _literal(data, pos)
            item = _Operand("string", start, pos, text)
        elif kind == "hex":
            digits = b"".join(match.group()[1:-1].split())
            item = _Operand("string", start, pos, bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
        elif kind == "name":
            name = _HEX_NAME.sub(lambda m: bytes([int(m.group(1), 16)]), match.group()[1:])
            item = _Operand("name", start, pos, name.decode("latin-1"))
        elif kind == "open":
            arrays.append([])
            array_starts.append(start)
            continue
        elif kind == "close":
            if not arrays:
                raise _Malformed
            item = _Operand("array", array_starts.pop(), pos, arrays.pop())
        elif kind == "dict_open":
            dict_depth += 1
            continue
        elif kind == "dict_close":
            dict_depth -= 1
            if dict_depth < 0:
                raise _Malformed
            if not dict_depth and not arrays:
                operands.append(_Operand("other", start, pos))
            continue
        elif kind == "brace":
            raise _Malformed
        else:
            word = match.group()
            if _NUMBER.match(word):
                item = _Operand("number", start, pos, word)
            elif word in (b"true", b"false", b"null") or dict_depth or arrays:
                item = _Operand("other", start, pos)
            else:
                if word == b"ID":
                    pos = _skip_image_data(data, pos)
                yield word, operands, start, pos
                operands = []
                continue
        if dict_depth:
            continue  # inside a dictionary (inline image, marked content): not an operand of its own
        if arrays:
            arrays[-1].append(item)
        else:
            operands.append(item)
    if arrays or dict_depth:
        raise _Malformed


def _literal(data: bytes, pos: int) -> tuple[bytes, int]:
    """A literal string's bytes (escapes resolved) and the position after its closing parenthesis."""
    out = bytearray()
    depth = 1
    while pos < len(data):
        byte = data[pos]
        pos += 1
        if byte == 0x5C:  # backslash
            if pos >= len(data):
                break
            nxt = data[pos]
            pos += 1
            if nxt in _ESCAPES:
                out += _ESCAPES[nxt]
            elif 0x30 <= nxt <= 0x37:
                digits = bytes([nxt])
                while len(digits) < 3 and pos < len(data) and 0x30 <= data[pos] <= 0x37:
                    digits += data[pos : pos + 1]
                    pos += 1
                out.append(int(digits, 8) & 0xFF)
            elif nxt == 0x0D:  # a backslash before an end of line joins the lines
                if pos < len(data) and data[pos] == 0x0A:
                    pos += 1
            elif nxt != 0x0A:
                out.append(nxt)
        elif byte == 0x28:
            depth += 1
            out.append(byte)
        elif byte == 0x29:
            depth -= 1
            if not depth:
                return bytes(out), pos
            out.append(byte)
        elif byte == 0x0D:  # an end of line in a string is read as a line feed
            if pos < len(data) and data[pos] == 0x0A:
                pos += 1
            out.append(0x0A)
        else:
            out.append(byte)
    raise _Malformed


def _skip_image_data(data: bytes, pos: int) -> int:
    """Past an inline image's data (after ID), to just before its EI."""
    end = _END_OF_IMAGE.search(data, pos + 1)
    if end is None:
        raise _Malformed
    return end.start() + 1


# -- folding horizontal scaling into the text matrix --------------------------------------------


class _CannotFold(Exception):
    """A page whose scaling cannot be folded safely: it is left as it is."""


@dataclass
class _FoldState:
    """What the fold follows of the graphics state (scale: Tz / 100, leading: TL) and, inside a
    text object, the line matrix in the original's text space."""

    scale: float = 1.0
    leading: float = 0.0
    line: tuple[float, ...] | None = None  # None: outside BT ... ET
    shown: bool = False  # text shown since the line matrix was set: Tm is no longer Tlm


@dataclass
class _Fold:
    doc: Any
    page_number: int
    edits: dict[int, list[tuple[int, int, bytes]]] = field(default_factory=dict)
    forms: dict[int, list[tuple[int, int, bytes]]] = field(default_factory=dict)


def fold_horizontal_scaling(doc: Any, page: Any) -> int:
    """Rewrites the text of `page` (and of the forms it paints) so that `Tz` is always 100 and
    the scaling sits in the text matrix instead, and `TD` is written as `TL` and `Td`; returns
    how many streams were rewritten.

    MuPDF 1.28, rewriting a page under `Tz` != 100 at redaction, writes every `TJ` number times
    (Tz/100)^2: kept glyphs move. Folding moves nothing. With S = [Th 0 0 1 0 0] (Th = Tz/100),
    the folded text matrix is S x Tm: the glyph matrix [Tfs*Th 0 0 Tfs 0 Ts] x Tm stays the same,
    and every advance in text space (glyph widths, Tc, Tw, TJ numbers, all times Th) becomes
    the same advance before S, unscaled (S x T(tx, 0) = T(tx / Th, 0) x S). So: `Th 0 0 1 0 0 Tm`
    after BT, Tm's a and b times Th, Td's and TD's tx divided by Th, T* unchanged. A Tz inside a
    text object is folded when the line matrix is known there (no text shown since it was set);
    otherwise, or where a form painted here is painted elsewhere too (it would be drawn
    twice scaled there), nothing on the page is changed."""
    fold = _Fold(doc, page.number)
    owner = _resource_owner(doc, page.xref)
    state = _FoldState()
    stack: list[tuple[float, float]] = []
    try:
        for xref in page.get_contents():
            data = doc.xref_stream(xref) or b""
            fold.edits[xref] = _fold_stream(fold, data, owner, state, stack, depth=0, seen=frozenset())
    except (_CannotFold, _Malformed, ValueError):
        return 0
    fold.edits.update(fold.forms)
    rewritten = 0
    for xref, edits in fold.edits.items():
        if edits:
            doc.update_stream(xref, _apply(doc.xref_stream(xref) or b"", edits))
            rewritten += 1
    return rewritten


def _fold_stream(
    fold: _Fold,
    data: bytes,
    owner: int | None,
    state: _FoldState,
    stack: list[tuple[float, float]],
    depth: int,  # how deep in forms (each form has a stack of its own: painting it is q ... Q)
    seen: frozenset[int],
) -> list[tuple[int, int, bytes]]:
    """The edits that fold one content stream (`state` and `stack` carry over between the
    page's streams)."""
    edits: list[tuple[int, int, bytes]] = []
    for op, operands, start, end in _operators(data):
        numbers = [float(o.value) for o in operands if o.kind == "number"]
        if op == b"q":
            stack.append((state.scale, state.leading))
        elif op == b"Q" and stack:
            scale, state.leading = stack.pop()
            if state.line is not None and scale != state.scale:
                edits.append((start, start, _rescale(state, scale) + b" "))
            state.scale = scale
        elif op == b"BT":
            state.line, state.shown = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), False
            if state.scale != 1:
                edits.append((end, end, b" " + _matrix((state.scale, 0.0, 0.0, 1.0, 0.0, 0.0)) + b" Tm"))
        elif op == b"ET":
            state.line = None
        elif op == b"Tz" and len(numbers) == 1:
            scale = numbers[0] / 100
            if not scale:
                raise _CannotFold  # every glyph drawn on one spot: nothing to fold it into
            replacement = b""
            if state.line is not None and scale != state.scale:
                replacement = _rescale(state, scale)
            edits.append((operands[-1].start, end, replacement))
            state.scale = scale
        elif op == b"TL" and len(numbers) == 1:
            state.leading = numbers[0]
        elif op == b"Tm" and len(numbers) == 6 and state.line is not None:
            a, b, c, d, e, f = numbers
            state.line, state.shown = (a, b, c, d, e, f), False
            if state.scale != 1:
                scaled = (a * state.scale, b * state.scale, c, d, e, f)
                edits.append((operands[0].start, end, _matrix(scaled) + b" Tm"))
        elif op in (b"Td", b"TD") and len(numbers) == 2 and state.line is not None:
            tx, ty = numbers
            state.line, state.shown = _translated(state.line, tx, ty), False
            moved = _num(tx / state.scale) + b" " + _num(ty) + b" Td"
            if op == b"TD":
                # MuPDF's rewrite kept TD's move but not the leading it sets: a later T*, ' or "
                # went down by the old leading. Written out, both survive.
                state.leading = -ty
                edits.append((operands[0].start, end, _num(-ty) + b" TL " + moved))
            elif state.scale != 1:
                edits.append((operands[0].start, end, moved))
        elif op == b"T*" and state.line is not None:
            state.line, state.shown = _translated(state.line, 0.0, -state.leading), False
        elif op in _OPERANDS:
            if op in (b"'", b'"') and state.line is not None:
                state.line = _translated(state.line, 0.0, -state.leading)
            state.shown = True
        elif op == b"Do" and operands and operands[-1].kind == "name":
            _fold_form(fold, owner, operands[-1].value, state, depth, seen)
        elif op == b"Tz" or (op in (b"Tm", b"Td", b"TD") and state.line is not None):
            raise _CannotFold  # operands it cannot read
    return edits


def _rescale(state: _FoldState, scale: float) -> bytes:
    """`Tm` setting the folded matrix for a new scale inside a text object."""
    if state.shown or state.line is None:
        raise _CannotFold  # where the text matrix stands now depends on glyph widths
    a, b, c, d, e, f = state.line
    return _matrix((a * scale, b * scale, c, d, e, f)) + b" Tm"


def _translated(m: tuple[float, ...], tx: float, ty: float) -> tuple[float, ...]:
    """[1 0 0 1 tx ty] x m."""
    a, b, c, d, e, f = m
    return (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)


def _num(value: float) -> bytes:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return b"0" if text in ("", "-0") else text.encode("ascii")


def _matrix(m: tuple[float, ...]) -> bytes:
    return b" ".join(_num(v) for v in m)


def _fold_form(
    fold: _Fold, owner: int | None, name: str, state: _FoldState, depth: int, seen: frozenset[int]
) -> None:
    form = _resource(fold.doc, owner, "XObject", name)
    if form is None or fold.doc.xref_get_key(form, "Subtype")[1] != "/Form":
        return
    if form in seen or depth >= _MAX_FORM_DEPTH:
        raise _CannotFold
    own = fold.doc.xref_get_key(form, "Resources")[0] != "null"
    # A form inherits the scale it is painted under; its own q/Q start from where it is painted.
    inner = _FoldState(state.scale, state.leading)
    data = fold.doc.xref_stream(form) or b""
    edits = _fold_stream(fold, data, form if own else owner, inner, [], depth + 1, seen | {form})
    if form in fold.forms:
        if fold.forms[form] != edits:
            raise _CannotFold  # painted twice here under different scales: one stream cannot fit both
        return
    if edits and _painted_elsewhere(fold.doc, form, fold.page_number):
        raise _CannotFold  # another page would draw the folded form under its own Tz: twice scaled
    fold.forms[form] = edits


def _painted_elsewhere(doc: Any, form: int, page_number: int) -> bool:
    return any(
        form == entry[0]
        for number in range(doc.page_count)
        if number != page_number
        for entry in doc.get_page_xobjects(number)
    )


def _apply(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    parts: list[bytes] = []
    at = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        parts += [data[at:start], new]
        at = end
    parts.append(data[at:])
    return b"".join(parts)
