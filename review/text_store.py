"""The text the engine extracted from a published form, kept so a re-check never re-reads the file.

Three blobs per file, so each reader decompresses only what it needs:
- `text`: each stream's channel, normalised text with its map back to the original offsets
  (`Normalized`), and original text (contexts, line breaks, where a marking stands): all that
  checking needs. The two texts differ in a few characters a line, so the second one costs
  deflate little to keep and inflate little to read;
- `places`: every character's place — page and box (PDF points, 1/8 pt; each of the five a
  column of 16-bit integers, or 32-bit where one does not fit) where the locator gave a rectangle,
  else runs of the locator's other fields (part, paragraph, line, detail); the boxes are compressed
  apart from the rest and inflated only when something is located;
- `signature`: a Bloom filter of the normalised text's character pairs, so a re-check of a few new
  terms reads only the files that may contain one (`may_contain`).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import numpy as np

from review.extract.base import Locator, TextStream, locate_all
from review.extract.pdf import _line_rects
from review.model import Channel, Finding, Location, PendingPlace, Rect
from review.normalize import Normalized, normalize

# Format 4 (written now): as format 3, but each original text follows its normalised text in the
# text blob (a fifth of a 5,000-character release's reading time and a third of its bytes less
# than a blob each), and a places blob is two raw deflate streams, its head and the boxes: a
# re-check rarely needs a box (a hit is kept as a span and placed when its entry is opened).
# Format 3: a byte 3, then raw deflate (no zlib header or Adler-32 sum) of a small
# JSON head and what it describes: each stream's map back to the original offsets as 32-bit
# integers and its texts as UTF-16 (UTF-32 for a text holding a lone surrogate): both blobs of a
# 5,000-character release read in three quarters of format 2's time (its map was JSON, its texts
# UTF-8, three bytes a CJK character). Boxes as in format 2: in columns, 16-bit where they fit.
# Format 2 (zlib: the map in the JSON head, texts as UTF-8) and format 1 (texts inside the JSON,
# boxes as 32-bit differences, a row a character) are still read; a zlib stream starts with 0x78.
FORMAT = 4
_FORMAT_3, _FORMAT_4 = b"\x03", b"\x04"
_MAGIC = b"TS2\0"  # a format 2 text blob (format 1 is JSON, starting with "[")
_SURROGATE = re.compile("[\ud800-\udfff]")
SIGNATURE_BITS = 1 << 14  # 2 KiB: a 5,000-character text sets about a fifth of the bits
_SHIFT = np.uint64(64 - 14)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SCALE = 8  # boxes are kept in 1/8 pt: finer than a highlight can show
_CHUNK = 50_000  # characters located per batch (a Location per character while packing)
_INT16 = (-(1 << 15), (1 << 15) - 1)
_RUN_FIELDS = ("page", "end_page", "part", "paragraph", "offset", "line", "column", "detail")


class DamagedText(ValueError):
    """A stored blob that cannot be read (damaged on disk or by hand, or of an unknown format).
    What is stored is only a copy of what the engine read in the published file: the re-check
    reads that file again (app.recheck)."""


_UNREADABLE = (zlib.error, struct.error, ValueError, KeyError, IndexError, TypeError)


P = ParamSpec("P")
R = TypeVar("R")


def _or_damaged(read: Callable[P, R]) -> Callable[P, R]:
    """`read`, raising DamagedText for whatever a damaged blob makes it raise."""

    @functools.wraps(read)
    def reading(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return read(*args, **kwargs)
        except DamagedText:
            raise
        except _UNREADABLE as error:
            raise DamagedText(f"{read.__name__}: {error!r}") from error

    return reading


@dataclass(frozen=True)
class Packed:
    text: bytes
    places: bytes
    signature: bytes
    characters: int


@dataclass(frozen=True)
class StoredStream:
    channel: Channel
    norm: Normalized
    original: str | None = None  # None in formats 1 to 3: kept in the places blob there


class StoredLocator:
    """The places of a stored stream: the same Location a live locator gives, from kept boxes
    (`columns`: five rows page, x0, y0, x1, y1 in 1/8 pt, made on the first `locate`: inflated
    then in format 4, summed from differences in format 1)."""

    def __init__(
        self, columns: Callable[[], np.ndarray] | None, runs: list[list[Any]], stream: int = 0
    ) -> None:
        self._columns_of = columns
        self.stream = stream  # which of its file's streams, in the order of `read_places`
        self._pages: np.ndarray | None = None
        self._boxes: np.ndarray | None = None
        self.runs = runs
        self.run_starts = [r[0] for r in runs]
        self._fixed: dict[int, Location] = {}  # the Location of each run whose fields do not advance

    def _run(self, start: int) -> Location:
        if not self.runs:
            return Location()
        at = max(0, bisect.bisect_right(self.run_starts, start) - 1)
        if at in self._fixed:
            return self._fixed[at]
        values = dict(zip(_RUN_FIELDS, self.runs[at][1:], strict=True))
        # offset and column advance with the character within a run (kept relative to it)
        if values["offset"] is None and values["column"] is None:
            self._fixed[at] = Location(**values)
            return self._fixed[at]
        for key in ("offset", "column"):
            if values[key] is not None:
                values[key] += start
        return Location(**values)

    def place_all(self, spans: list[tuple[int, int]]) -> list[PendingPlace]:
        """Every span's place left pending (Finding.placed_all): a re-check keeps the span
        (`pending_span`) and locates it only when someone opens the entry."""
        return [self] * len(spans)

    def place(self, start: int, end: int) -> Location:
        return self.locate(start, end)

    def key(self, text: str, start: int) -> tuple[str, int, int]:
        # Keyed by offset: knowing the page would mean inflating the boxes.
        return text, self.stream, start

    def locate(self, start: int, end: int) -> Location:
        if self._columns_of is None or end <= start:
            return self._run(start)
        if self._pages is None:
            columns = self._columns_of()
            self._pages = columns[0]
            self._boxes = columns[1:] / _SCALE  # in points, as exact as a division of each
        assert self._boxes is not None
        pages = self._pages[start:end].tolist()
        last = max(pages)
        if last < 0:
            return self._run(start)
        # A hit is a few characters: Python lists beat numpy's per-call cost at this size.
        boxes = list(zip(*self._boxes[:, start:end].tolist(), strict=True))
        detail = self._run(start).detail
        if min(pages) == last:  # every character on one page: nearly every hit
            return Location(page=last, rects=_line_rects(boxes), detail=detail)
        kept = [(p, b) for p, b in zip(pages, boxes, strict=True) if p >= 0]
        first = kept[0][0]
        rects: list[Rect] = []
        for page in range(first, last + 1):
            on_page = [b for p, b in kept if p == page]
            rects.extend(_line_rects(on_page, page if page != first else None))
        return Location(
            page=first,
            end_page=last if last != first else None,
            rects=tuple(rects),
            detail=detail,
        )


def pending_span(finding: Finding) -> tuple[int, int, int] | None:
    """(stream, start, end) in the stored original text of a finding whose place a StoredLocator
    left pending; None once it is made or for another locator's finding."""
    values = finding.__dict__
    pending, start = values.get("_place"), values.get("_start")
    if not isinstance(pending, StoredLocator) or start is None:
        return None
    return pending.stream, start, start + len(values["text"])


def pack(streams: list[TextStream]) -> Packed:
    """The streams of one extraction, compressed, with every character's place."""
    norms: list[tuple[Channel, Normalized]] = []
    headers: list[dict[str, Any]] = []
    arrays: list[bytes] = []
    for stream in streams:
        norms.append((stream.channel, normalize(stream.text)))
        runs, pages, boxes = _places(stream.text, stream.locator)
        header: dict[str, Any] = {"runs": runs, "boxes": pages is not None}
        if pages is not None and boxes is not None:
            columns = np.vstack([pages, boxes.T])
            width = 2 if _INT16[0] <= columns.min() and columns.max() <= _INT16[1] else 4
            header["width"] = width
            arrays.append(columns.astype(f"<i{width}").tobytes())
        headers.append(header)
    return _packed(norms, [s.text for s in streams], headers, b"".join(arrays))


def _packed(
    norms: list[tuple[Channel, Normalized]],
    originals: list[str],
    headers: list[dict[str, Any]],
    arrays: bytes,
) -> Packed:
    """The three blobs (format 4) of streams' normalised texts, original texts, their place heads
    (runs, whether and how wide the boxes are) and the boxes' columns."""
    parts: list[bytes] = []
    heads: list[list[Any]] = []
    for (channel, norm), original, header in zip(norms, originals, headers, strict=True):
        unit, encoded = _encoded(norm.text)
        original_unit, original_encoded = _encoded(original)
        heads.append(
            [channel.value, len(norm._norm_starts), unit, len(encoded), original_unit, len(original_encoded)]
        )
        parts += [_int32(norm._norm_starts), _int32(norm._shifts), encoded, original_encoded]
        header["characters"] = len(original)
    text = _deflated(_headed({"format": FORMAT, "streams": heads}, *parts))
    places = _deflated(_headed({"format": FORMAT, "streams": headers}), arrays)
    characters = sum(map(len, originals))
    return Packed(text, places, signature("\n".join(n.text for _, n in norms)), characters)


def _encoded(text: str) -> tuple[int, bytes]:
    """UTF-16, or UTF-32 where a lone surrogate (a PDF's glyph without a real code point) would
    pair with its neighbour when read back; the bytes a character that says which."""
    if _SURROGATE.search(text):
        return 4, text.encode("utf-32-le", "surrogatepass")
    return 2, text.encode("utf-16-le")


def _decoded(data: bytes, unit: int) -> str:
    return data.decode("utf-16-le" if unit == 2 else "utf-32-le", "surrogatepass")


def _int32(values: tuple[int, ...]) -> bytes:
    return np.asarray(values, "<i4").tobytes()


def _deflated(*parts: bytes) -> bytes:
    """A byte 4, then each part as a raw deflate stream of its own."""
    out = [_FORMAT_4]
    for data in parts:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        out += [packer.compress(data), packer.flush()]
    return b"".join(out)


def _inflated(blob: bytes) -> bytes | None:
    """A format 3 or 4 blob's (first) part; None for a zlib stream (formats 1 and 2)."""
    return _inflated_parts(blob)[0]


def _inflated_parts(blob: bytes) -> tuple[bytes | None, Callable[[], bytes]]:
    """A format 3 or 4 blob's first part, and what inflates the rest (empty but in a format 4
    places blob, where it is the boxes), on demand and once."""
    if blob[:1] == _FORMAT_3:
        return zlib.decompress(memoryview(blob)[1:], -15), bytes
    if blob[:1] != _FORMAT_4:
        return None, bytes
    unpacker = zlib.decompressobj(-15)
    first = unpacker.decompress(memoryview(blob)[1:])
    rest: list[bytes] = [unpacker.unused_data]
    inflated: list[bytes] = []

    def boxes() -> bytes:
        if not inflated:
            inflated.append(zlib.decompress(rest.pop(), -15) if rest[0] else b"")
        return inflated[0]

    return first, boxes


def _headed(head: dict[str, Any], *parts: bytes) -> bytes:
    data = json.dumps(head, ensure_ascii=False).encode("utf-8")
    return b"".join([struct.pack("<I", len(data)), data, *parts])


def _head(raw: bytes, at: int = 0) -> tuple[dict[str, Any], int]:
    """A blob's JSON head and where what follows it starts."""
    (size,) = struct.unpack_from("<I", raw, at)
    return json.loads(raw[at + 4 : at + 4 + size]), at + 4 + size


def pack_like(template: bytes, texts: list[str]) -> Packed:
    """Texts laid out exactly as a packed one (`template`, a places blob `pack` wrote), each as
    long as the text it replaces: a generated catalog of one layout (benchmarks/recheck_speed.py)."""
    raw, rest = _inflated_parts(template)
    if raw is None or template[:1] != _FORMAT_4:
        raise ValueError("a template of an older format")
    headers = _head(raw)[0]["streams"]
    if [h["characters"] for h in headers] != [len(t) for t in texts]:
        raise ValueError("texts of other lengths than the template's")
    arrays = rest()
    norms = [(Channel.VISIBLE, normalize(t)) for t in texts]
    return _packed(norms, texts, headers, arrays)


def _places(text: str, locator: Locator) -> tuple[list[list[Any]], np.ndarray | None, np.ndarray | None]:
    """Runs of equal non-box fields (offset and column kept relative to the character) and, where
    any character has a rectangle, every character's page (-1: none) and box."""
    runs: list[list[Any]] = []
    pages = np.full(len(text), -1, np.int32)
    boxes = np.zeros((len(text), 4), np.int32)
    any_box = False
    last: tuple[Any, ...] | None = None
    for chunk in range(0, len(text), _CHUNK):
        spans = [(i, i + 1) for i in range(chunk, min(len(text), chunk + _CHUNK))]
        for (i, _), loc in zip(spans, locate_all(locator, spans), strict=True):
            if loc.rects:
                rect = loc.rects[0]
                pages[i] = rect.page if rect.page is not None else (loc.page or 0)
                boxes[i] = [round(v * _SCALE) for v in rect[:4]]
                any_box = True
                key: tuple[Any, ...] = (None, None, loc.part, None, None, None, None, loc.detail)
            else:
                key = (
                    loc.page,
                    loc.end_page,
                    loc.part,
                    loc.paragraph,
                    loc.offset - i if loc.offset is not None else None,
                    loc.line,
                    loc.column - i if loc.column is not None else None,
                    loc.detail,
                )
            if key != last:
                runs.append([i, *key])
                last = key
    if not any_box:
        return runs, None, None
    return runs, pages, boxes


@_or_damaged
def read_text(blob: bytes) -> list[StoredStream]:
    raw = _inflated(blob)
    if raw is not None:
        head, at = _head(raw)
        out = []
        for channel, size, unit, length, *original_size in head["streams"]:
            starts = np.frombuffer(raw, "<i4", size, at).tolist()
            shifts = np.frombuffer(raw, "<i4", size, at + 4 * size).tolist()
            at += 8 * size
            text = _decoded(raw[at : at + length], unit)
            at += length
            original = None
            if original_size:  # format 4
                original_unit, original_length = original_size
                original = _decoded(raw[at : at + original_length], original_unit)
                at += original_length
            out.append(
                StoredStream(Channel(channel), Normalized(text, tuple(starts), tuple(shifts)), original)
            )
        return out
    raw = zlib.decompress(blob)
    if not raw.startswith(_MAGIC):
        form, streams = json.loads(raw)
        if form != 1:
            raise ValueError(f"stored text format {form}")
    else:
        head, at = _head(raw, len(_MAGIC))
        if head["format"] != 2:
            raise ValueError(f"stored text format {head['format']}")
        streams = []
        for channel, size, starts, shifts in head["streams"]:
            streams.append([channel, raw[at : at + size].decode("utf-8"), starts, shifts])
            at += size
    return [
        StoredStream(Channel(channel), Normalized(norm, tuple(starts), tuple(shifts)))
        for channel, norm, starts, shifts in streams
    ]


@_or_damaged
def read_places(blob: bytes, streams: list[StoredStream]) -> list[tuple[str, StoredLocator]]:
    """Each stream's original text and locator, in the order of `streams` (the same file's
    `read_text`, which holds the original texts from format 4 on)."""
    raw, rest = _inflated_parts(blob)
    if raw is None:
        raw = zlib.decompress(blob)
    head, at = _head(raw)
    form = head["format"]
    if form not in (1, 2, 3, 4):
        raise ValueError(f"stored places format {form}")
    if len(head["streams"]) != len(streams):
        raise ValueError("stored places of another text")
    texts = []
    for stream, stored in zip(head["streams"], streams, strict=True):
        if form == 4:
            if stored.original is None or len(stored.original) != stream["characters"]:
                raise ValueError("stored places of another text")
            texts.append(stored.original)
        elif form == 1:
            texts.append(stream["text"])
        else:
            data = raw[at : at + stream["bytes"]]
            texts.append(_decoded(data, stream["unit"]) if form == 3 else data.decode("utf-8"))
            at += stream["bytes"]
    # Format 4 keeps the boxes as a second part, the others after the texts.
    boxes_of: Callable[[], bytes] = rest if form == 4 else lambda: raw
    if form == 4:
        at = 0
    out: list[tuple[str, StoredLocator]] = []
    for stream, text in zip(head["streams"], texts, strict=True):
        columns: Callable[[], np.ndarray] | None = None
        if stream["boxes"]:
            n = len(text)
            if form == 1:
                columns = functools.partial(_summed, raw, n, at)
                at += 20 * n
            else:
                width = stream["width"]
                columns = functools.partial(_columns, boxes_of, width, n, at)
                at += 5 * n * width
        out.append((text, StoredLocator(columns, stream["runs"], len(out))))
    return out


@_or_damaged
def _columns(data: Callable[[], bytes], width: int, n: int, at: int) -> np.ndarray:
    """Five rows (page, x0, y0, x1, y1) of n characters' boxes at `at` in the boxes' bytes."""
    return np.frombuffer(data(), f"<i{width}", 5 * n, at).reshape(5, n)


def _summed(raw: bytes, n: int, at: int) -> np.ndarray:
    """Format 1's pages and box differences (a row a character) as the five rows of `_columns`."""
    pages = np.frombuffer(raw, "<i4", n, at)
    deltas = np.frombuffer(raw, "<i4", 4 * n, at + 4 * n).reshape(n, 4)
    return np.vstack([pages, np.cumsum(deltas, axis=0, dtype=np.int64).T])


def _pair_hashes(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.uint64)
    if len(codes) < 2:
        return np.zeros(0, np.uint64)
    return (((codes[:-1] << np.uint64(21)) | codes[1:]) * _MIX) >> _SHIFT


def signature(text: str) -> bytes:
    bits = np.zeros(SIGNATURE_BITS, bool)
    bits[_pair_hashes(text)] = True
    return np.packbits(bits, bitorder="little").tobytes()


def may_contain(signatures: np.ndarray, terms: list[str]) -> np.ndarray:
    """Which rows of `signatures` (uint8, one 2 KiB row per file) may hold any of the normalised
    `terms`: every character pair of a term must be set. A one-character term passes every file."""
    found = np.zeros(len(signatures), bool)
    for term in terms:
        hashes = np.unique(_pair_hashes(term))
        if not len(hashes):
            return np.ones(len(signatures), bool)
        columns = (hashes >> np.uint64(3)).astype(np.intp)
        masks = (np.uint8(1) << (hashes & np.uint64(7)).astype(np.uint8)).astype(np.uint8)
        found |= np.all((signatures[:, columns] & masks) == masks, axis=1)
    return found
