"""The text the engine extracted from a published form, kept so a re-check never re-reads the file.

Three blobs per file, so each reader decompresses only what it needs:
- `text`: each stream's channel and normalised text with its map back to the original offsets
  (`Normalized`): all that matching needs;
- `places`: each stream's original text (contexts, line breaks, where a marking stands) and every
  character's place — page and box (PDF points, 1/8 pt; each of the five a column of 16-bit
  integers, or 32-bit where one does not fit) where the locator gave a rectangle, else runs of the
  locator's other fields (part, paragraph, line, detail);
- `signature`: a Bloom filter of the normalised text's character pairs, so a re-check of a few new
  terms reads only the files that may contain one (`may_contain`).
"""

from __future__ import annotations

import bisect
import functools
import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from review.extract.base import Locator, TextStream, locate_all
from review.extract.pdf import _line_rects
from review.model import Channel, Location, Rect
from review.normalize import Normalized, normalize

# Format 2 keeps texts as UTF-8 after a small JSON head (format 1 put them in the JSON, which
# took as long to parse as to decompress) and boxes as they are, in columns, 16-bit where they
# fit: a re-check sums no differences and decompresses half the bytes of format 1 (32-bit
# differences, a row a character). Format 1 blobs are still read.
FORMAT = 2
_MAGIC = b"TS2\0"  # a format 2 text blob (format 1 is JSON, starting with "[")
SIGNATURE_BITS = 1 << 14  # 2 KiB: a 5,000-character text sets about a fifth of the bits
_SHIFT = np.uint64(64 - 14)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SCALE = 8  # boxes are kept in 1/8 pt: finer than a highlight can show
_CHUNK = 50_000  # characters located per batch (a Location per character while packing)
_INT16 = (-(1 << 15), (1 << 15) - 1)
_RUN_FIELDS = ("page", "end_page", "part", "paragraph", "offset", "line", "column", "detail")


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


class StoredLocator:
    """The places of a stored stream: the same Location a live locator gives, from kept boxes
    (`boxes`: four rows x0, y0, x1, y1, made on the first `locate`, as format 1 keeps differences)."""

    def __init__(
        self, pages: np.ndarray | None, boxes: Callable[[], np.ndarray] | None, runs: list[list[Any]]
    ) -> None:
        self.pages, self._boxes_of = pages, boxes
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

    def locate(self, start: int, end: int) -> Location:
        if self.pages is None or self._boxes_of is None or end <= start:
            return self._run(start)
        pages = self.pages[start:end].tolist()
        last = max(pages)
        if last < 0:
            return self._run(start)
        if self._boxes is None:
            self._boxes = self._boxes_of()
        # A hit is a few characters: Python lists beat numpy's per-call cost at this size.
        boxes = list(zip(*self._boxes[:, start:end].tolist(), strict=True))
        detail = self._run(start).detail
        if pages[0] == last and min(pages) == last:  # all on one page: nearly every hit
            scaled = [(x0 / _SCALE, y0 / _SCALE, x1 / _SCALE, y1 / _SCALE) for x0, y0, x1, y1 in boxes]
            return Location(page=last, rects=_line_rects(scaled), detail=detail)
        kept = [(p, b) for p, b in zip(pages, boxes, strict=True) if p >= 0]
        first = kept[0][0]
        rects: list[Rect] = []
        for page in range(first, last + 1):
            on_page = [
                (x0 / _SCALE, y0 / _SCALE, x1 / _SCALE, y1 / _SCALE)
                for p, (x0, y0, x1, y1) in kept
                if p == page
            ]
            rects.extend(_line_rects(on_page, page if page != first else None))
        return Location(
            page=first,
            end_page=last if last != first else None,
            rects=tuple(rects),
            detail=detail,
        )


def pack(streams: list[TextStream]) -> Packed:
    """The streams of one extraction, compressed, with every character's place."""
    texts: list[list[Any]] = []
    headers: list[dict[str, Any]] = []
    arrays: list[bytes] = []
    norms: list[str] = []
    characters = 0
    for stream in streams:
        norm = normalize(stream.text)
        norms.append(norm.text)
        characters += len(stream.text)
        texts.append([stream.channel.value, norm.text, list(norm._norm_starts), list(norm._shifts)])
        runs, pages, boxes = _places(stream.text, stream.locator)
        header: dict[str, Any] = {"text": stream.text, "runs": runs, "boxes": pages is not None}
        if pages is not None and boxes is not None:
            columns = np.vstack([pages, boxes.T])
            width = 2 if _INT16[0] <= columns.min() and columns.max() <= _INT16[1] else 4
            header["width"] = width
            arrays.append(columns.astype(f"<i{width}").tobytes())
        headers.append(header)
    return Packed(
        _text_blob(texts), _places_blob(headers, b"".join(arrays)), signature("\n".join(norms)), characters
    )


def _text_blob(texts: list[list[Any]]) -> bytes:
    """Each stream's [channel, normalised text, map]: the map in a JSON head, the texts after it."""
    encoded = [t[1].encode("utf-8") for t in texts]
    head = [[c, len(e), starts, shifts] for (c, _, starts, shifts), e in zip(texts, encoded, strict=True)]
    return zlib.compress(_MAGIC + _headed({"format": FORMAT, "streams": head}, *encoded), 6)


def _places_blob(headers: list[dict[str, Any]], arrays: bytes) -> bytes:
    """Each stream's runs and box width in a JSON head, then the original texts, then the boxes."""
    encoded = [h["text"].encode("utf-8") for h in headers]
    head = [
        {k: v for k, v in h.items() if k != "text"} | {"bytes": len(e)}
        for h, e in zip(headers, encoded, strict=True)
    ]
    return zlib.compress(_headed({"format": FORMAT, "streams": head}, *encoded, arrays), 6)


def _headed(head: dict[str, Any], *parts: bytes) -> bytes:
    data = json.dumps(head, ensure_ascii=False).encode("utf-8")
    return b"".join([struct.pack("<I", len(data)), data, *parts])


def _head(raw: bytes, at: int = 0) -> tuple[dict[str, Any], int]:
    """A blob's JSON head and where what follows it starts."""
    (size,) = struct.unpack_from("<I", raw, at)
    return json.loads(raw[at + 4 : at + 4 + size]), at + 4 + size


def pack_like(template: bytes, texts: list[str]) -> Packed:
    """Texts laid out exactly as a packed one (`template`'s places blob), each as long as the text
    it replaces: a generated catalog of one layout (benchmarks/recheck_speed.py)."""
    streams = read_places(template)
    if [len(original) for original, _ in streams] != [len(t) for t in texts]:
        raise ValueError("texts of other lengths than the template's")
    raw = zlib.decompress(template)
    head, at = _head(raw)
    headers = [{k: v for k, v in h.items() if k != "bytes"} for h in head["streams"]]
    arrays = raw[at + sum(h["bytes"] for h in head["streams"]) :]
    norms = [normalize(t) for t in texts]
    channels = [Channel.VISIBLE] * len(texts)
    blob = _text_blob(
        [
            [c.value, n.text, list(n._norm_starts), list(n._shifts)]
            for c, n in zip(channels, norms, strict=True)
        ]
    )
    places = _places_blob([h | {"text": t} for h, t in zip(headers, texts, strict=True)], arrays)
    return Packed(blob, places, signature("\n".join(n.text for n in norms)), sum(map(len, texts)))


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


def read_text(blob: bytes) -> list[StoredStream]:
    raw = zlib.decompress(blob)
    if not raw.startswith(_MAGIC):
        form, streams = json.loads(raw)
        if form != 1:
            raise ValueError(f"stored text format {form}")
    else:
        head, at = _head(raw, len(_MAGIC))
        if head["format"] != FORMAT:
            raise ValueError(f"stored text format {head['format']}")
        streams = []
        for channel, size, starts, shifts in head["streams"]:
            streams.append([channel, raw[at : at + size].decode("utf-8"), starts, shifts])
            at += size
    return [
        StoredStream(Channel(channel), Normalized(norm, tuple(starts), tuple(shifts)))
        for channel, norm, starts, shifts in streams
    ]


def read_places(blob: bytes) -> list[tuple[str, StoredLocator]]:
    """Each stream's original text and locator, in the order of `read_text`."""
    raw = zlib.decompress(blob)
    head, at = _head(raw)
    form = head["format"]
    if form not in (1, FORMAT):
        raise ValueError(f"stored places format {form}")
    texts = []
    for stream in head["streams"]:
        if form == 1:
            texts.append(stream["text"])
        else:
            texts.append(raw[at : at + stream["bytes"]].decode("utf-8"))
            at += stream["bytes"]
    out = []
    for stream, text in zip(head["streams"], texts, strict=True):
        pages, boxes = None, None
        if stream["boxes"]:
            n = len(text)
            if form == 1:
                pages = np.frombuffer(raw, "<i4", n, at)
                deltas = np.frombuffer(raw, "<i4", 4 * n, at + 4 * n).reshape(n, 4)
                boxes = functools.partial(_summed, deltas)
                at += 20 * n
            else:
                width = stream["width"]
                columns = np.frombuffer(raw, f"<i{width}", 5 * n, at).reshape(5, n)
                pages, boxes = columns[0], functools.partial(columns.__getitem__, slice(1, None))
                at += 5 * n * width
        out.append((text, StoredLocator(pages, boxes, stream["runs"])))
    return out


def _summed(deltas: np.ndarray) -> np.ndarray:
    """Format 1's box differences (a row a character) summed into four rows x0, y0, x1, y1."""
    return np.cumsum(deltas, axis=0, dtype=np.int64).T


def _pair_hashes(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le"), np.uint32).astype(np.uint64)
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
