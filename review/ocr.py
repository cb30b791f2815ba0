"""OCR: what a person sees where the text layer does not say it — scanned pages, pictures on text
pages, pages whose fonts may lie — read from the pixels, with places on the page.

The engine is RapidOCR with the PP-OCRv4 models inside the `rapidocr_onnxruntime` wheel, run by
onnxruntime (chosen by `benchmarks/ocr_engines.py`: 99.9% of characters and 5/5 ID numbers right on
generated 300-dpi scans, where Debian's Tesseract chi_sim got 95.8–96.6% and 4/5; and, being a
wheel, it goes into the offline install bundle, which a Debian package does not). Nothing is
downloaded: the models are files of the installed package. The engine is loaded on the first page
that needs it (≈ 0.3 s, 60 MB), never at start, and a text-only page with ordinary fonts never
asks for it.

Also here: redaction and verification helpers for OCR'd content — image regions go by their
pixels; a published page must keep its ink outside the redacted areas (`lost_ink`).
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from review.errors import QT_TRANSLATE_NOOP
from review.extract.base import Extraction, TextStream
from review.model import Channel, Finding, Location, Rect, Severity
from review.mupdf import LOCK

# Long side of what the engine reads: RapidOCR scales anything larger down to this itself, so
# rendering a page finer only costs time (A4 at this size is ≈ 170 dpi).
MAX_SIDE_PX = 2000
MAX_DPI = 300
# Images smaller than this on the page (points) hold no readable line of text.
MIN_IMAGE_PT = (24.0, 9.0)
MIN_CONFIDENCE = 0.5
# Differences between a page's pixels and its text layer shorter than this are OCR noise.
MIN_DIFF_CHARS = 2
# A scan OCR reads fewer characters than this stays blocking for a person to look at: a stamp, a
# signature, handwriting or a photo of an ID card reads as a few stray characters or as noise,
# and "识别 3 个字" must not turn a page nobody has read into a mere warning.
MIN_LEGIBLE_CHARS = 20

OCR_DETAIL = QT_TRANSLATE_NOOP("Rules", "图像文字识别（OCR）")

_WIDE = ("W", "F")
_SPACE = re.compile(r"\s+")
# The recogniser's usual slips on the numbers that matter most (measured on generated scans): a
# scanner's speck read as a dot inside a long number, an ID's final X read as a bracket, and
# full-width digits now and then.
_DOTTED_NUMBER = re.compile(r"\d[\d.·]*\d")
_ID_LAST_X = re.compile(r"(?<!\d)(\d{17})[>）)》〉]")
_FULL_WIDTH = {
    c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}


@dataclass(frozen=True)
class OcrLine:
    text: str
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels
    confidence: float


class OcrUnavailable(RuntimeError):
    """The OCR engine is not installed (a desk installed without it keeps the old blanket finding)."""


_engine: Any = None
_engine_lock = threading.Lock()


def _load() -> Any:
    global _engine
    with _engine_lock:
        if _engine is None:
            _quiet_pymupdf_layout()
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise OcrUnavailable(str(exc)) from exc
            _engine = RapidOCR()
        return _engine


def _quiet_pymupdf_layout() -> None:
    """PyMuPDF 2 loads its layout analyser's ONNX model in `import pymupdf` (≈ 1.2 s) whenever
    numpy and onnxruntime are importable — and the OCR engine brings both. The desk never uses it."""
    sys.modules.setdefault("pymupdf.layout", None)  # type: ignore[arg-type]


def available() -> bool:
    try:
        _load()
    except OcrUnavailable:
        return False
    return True


def _clean(text: str) -> str:
    text = text.translate(_FULL_WIDTH)

    def undot(match: re.Match[str]) -> str:
        run = match.group()
        digits = run.replace(".", "").replace("·", "")
        return digits if len(digits) >= 11 and len(run) - len(digits) <= len(digits) // 3 else run

    text = _DOTTED_NUMBER.sub(undot, text)
    return _ID_LAST_X.sub(r"\1X", text)


def ocr_image(image: bytes | Any, *, min_confidence: float = MIN_CONFIDENCE) -> list[OcrLine]:
    """Lines of text in an image (PNG/JPEG/... bytes, or a pymupdf.Pixmap), top to bottom."""
    engine = _load()
    import numpy as np

    pixels = _as_array(image, np)
    if pixels is None:
        return []
    key = (hashlib.sha256(pixels.tobytes()).digest(), pixels.shape, min_confidence)
    with _engine_lock:  # one inference at a time: the sessions already use every core
        lines = _read.get(key)
        if lines is None:
            lines = _recognise(engine, pixels, min_confidence)
            _read[key] = lines
            if len(_read) > _READ_KEPT:
                del _read[next(iter(_read))]
    return list(lines)


# The same pixels are read more than once in a desk session — a page when it is checked, again
# when the approval plans its redaction and places the areas — and each read costs seconds: the
# last few are kept, keyed by the pixels' hash, so they are read once.
_READ_KEPT = 64
_read: dict[tuple[bytes, tuple[int, ...], float], list[OcrLine]] = {}


def _recognise(engine: Any, pixels: Any, min_confidence: float) -> list[OcrLine]:
    result, _ = engine(pixels)
    lines = []
    for points, text, score in result or []:
        xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
        if text.strip() and float(score) >= min_confidence:
            lines.append(OcrLine(_clean(text), (min(xs), min(ys), max(xs), max(ys)), float(score)))
    lines.sort(key=lambda line: ((line.bbox[1] + line.bbox[3]) / 2, line.bbox[0]))
    return lines


def _as_array(image: bytes | Any, np: Any) -> Any:
    import pymupdf

    if isinstance(image, bytes | bytearray):
        try:
            with LOCK:
                image = pymupdf.Pixmap(bytes(image))
        except Exception:
            return None
    with LOCK:
        pix = image
        if pix.alpha:
            pix = pymupdf.Pixmap(pix, 0)
        if pix.n != 3 or pix.colorspace is None or pix.colorspace.n != 3:
            pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        if pix.width < 8 or pix.height < 8:
            return None
        array = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)
        array = array[:, : pix.width * 3].reshape(pix.height, pix.width, 3)
    return np.ascontiguousarray(array[:, :, ::-1])  # the engine (OpenCV) reads BGR


# -- text streams with places in PDF points -------------------------------------------------------


class OcrLocator:
    """Places of any span of OCR'd text: each line's box split by the characters' widths
    (full-width characters one em, others half), one rectangle per line in PDF points."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.starts: list[int] = []
        self.lines: list[tuple[str, Rect]] = []

    def add(self, start: int, text: str, rect: Rect) -> None:
        self.starts.append(start)
        self.lines.append((text, rect))

    def locate(self, start: int, end: int) -> Location:
        import bisect

        rects: list[Rect] = []
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        while i < len(self.lines) and self.starts[i] < end:
            text, rect = self.lines[i]
            lo, hi = max(0, start - self.starts[i]), min(len(text), end - self.starts[i])
            if hi > lo:
                rects.append(_sub_rect(text, rect, lo, hi))
            i += 1
        return Location(page=self.page, rects=tuple(rects), detail=OCR_DETAIL)


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in _WIDE else 0.55


def _glyph_widths(text: str, rect: Rect) -> list[float]:
    """Each character's width on the line, in points. A hanzi is about as wide as its glyphs are
    high; the narrow characters (digits, Latin) share what is left — fonts differ too much in
    their digits (and their spacing) for one fixed ratio."""
    width = rect.x1 - rect.x0
    wide = [_width(c) == 1.0 for c in text]
    n_wide, n_narrow = sum(wide), len(text) - sum(wide)
    if not text:
        return []
    if not n_wide or not n_narrow:
        return [width / len(text)] * len(text)
    # The engine's line box is padded: its glyphs are about 0.72 of its height (PP-OCR's unclip).
    em = min(0.72 * (rect.y1 - rect.y0), width / n_wide)
    narrow = (width - n_wide * em) / n_narrow
    if not 0.3 * em <= narrow <= 2.0 * em:  # the height was no good guide: fall back to ratios
        unit = width / (n_wide + 0.55 * n_narrow)
        em, narrow = unit, 0.55 * unit
    return [em if w else narrow for w in wide]


def _sub_rect(text: str, rect: Rect, lo: int, hi: int) -> Rect:
    """The part of a line's box that characters lo..hi take, widened on each side: the widths are
    estimated, and what is redacted must cover the glyphs whole."""
    widths = _glyph_widths(text, rect)
    unit = max(widths) if widths else 1.0
    x0 = rect.x0 + sum(widths[:lo])
    x1 = rect.x0 + sum(widths[:hi])
    # Fonts differ in how wide their digits are against their hanzi, so a long number drifts from
    # its estimate (seen: three digits of an ID at the start of a line): a fifth of the span more
    # on each side, at least one character, so a redaction covers what a person sees.
    pad = max(1.0 * unit, 0.2 * (x1 - x0))
    return Rect(max(rect.x0, x0 - pad), rect.y0, min(rect.x1, x1 + pad), rect.y1)


@dataclass
class OcrStream(TextStream):
    """OCR'd text of one region of a page: VISIBLE, so rules and lexicon read it as any text; its
    class lets a comparison of text layers (kept text at verification) leave it out."""

    @property
    def lines(self) -> OcrLocator:
        assert isinstance(self.locator, OcrLocator)
        return self.locator


def is_ocr(stream: TextStream) -> bool:
    """Whether a stream was read by OCR (not a text layer: kept-text comparisons leave it out)."""
    return isinstance(stream, OcrStream)


def _stream(index: int, lines: Iterable[tuple[str, Rect]]) -> OcrStream | None:
    locator = OcrLocator(index)
    parts: list[str] = []
    length = 0
    for text, rect in lines:
        locator.add(length, text, rect)
        parts.append(text + "\n")
        length += len(text) + 1
    text = "".join(parts)
    return OcrStream(Channel.VISIBLE, text, locator) if text.strip() else None


def _to_page(
    lines: list[OcrLine], transform: Callable[[float, float], tuple[float, float]]
) -> list[tuple[str, Rect]]:
    out = []
    for line in lines:
        x0, y0, x1, y1 = line.bbox
        corners = [transform(x, y) for x in (x0, x1) for y in (y0, y1)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        out.append((line.text, Rect(min(xs), min(ys), max(xs), max(ys))))
    return out


def render_dpi(page: Any, dpi: int = MAX_DPI) -> int:
    rect = page.rect
    return min(dpi, int(MAX_SIDE_PX * 72.0 / max(rect.width, rect.height, 1.0)))


def ocr_page(page: Any, dpi: int | None = None) -> OcrStream | None:
    """What a person sees on the rendered page, as a text stream placed in PDF points."""

    dpi = dpi or render_dpi(page)
    with LOCK:
        pix = page.get_pixmap(dpi=dpi, alpha=False)
    scale = 72.0 / dpi
    lines = ocr_image(pix)
    return _stream(page.number, _to_page(lines, lambda x, y: (x * scale, y * scale)))


def ocr_page_images(
    doc: Any, page: Any, read: dict[int, tuple[int, int, list[OcrLine]]] | None = None
) -> list[OcrStream]:
    """The text in each picture on the page, read from the image's own pixels (all of them, also
    those a crop hides), placed where the picture is drawn. `read` keeps what each image xref
    gave across pages: a letterhead logo on every page is read once."""
    import pymupdf

    read = {} if read is None else read
    streams = []
    with LOCK:
        infos = page.get_image_info(xrefs=True)
    seen: set[tuple[int, tuple[float, ...]]] = set()
    for info in infos:
        xref = info.get("xref") or 0
        bbox = pymupdf.Rect(info["bbox"])
        key = (xref, tuple(round(v, 1) for v in info["transform"]))
        if xref <= 0 or key in seen or max(bbox.width, bbox.height) < MIN_IMAGE_PT[0]:
            continue
        if min(bbox.width, bbox.height) < MIN_IMAGE_PT[1]:
            continue
        seen.add(key)
        if xref not in read:
            try:
                with LOCK:
                    pix = pymupdf.Pixmap(doc, xref)
            except Exception:
                continue
            read[xref] = (pix.width, pix.height, ocr_image(pix))
        width, height, lines = read[xref]
        matrix = pymupdf.Matrix(info["transform"])

        def transform(
            x: float, y: float, m: Any = matrix, w: int = width, h: int = height
        ) -> tuple[float, float]:
            p = pymupdf.Point(x / w, y / h) * m
            return p.x, p.y

        if lines and (stream := _stream(page.number, _to_page(lines, transform))):
            streams.append(stream)
    return streams


# -- comparing what is seen with the text layer ----------------------------------------------------


def _squash(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def unseen_in_layer(stream: OcrStream, layer_text: str) -> list[tuple[int, int]]:
    """Spans of OCR'd text that the text layer does not have: runs of characters whose character
    pairs (either neighbour) occur nowhere in the layer. Single-character runs are OCR noise."""
    layer = _squash(layer_text)
    pairs = {layer[i : i + 2] for i in range(len(layer) - 1)}
    spans: list[tuple[int, int]] = []
    text = stream.text
    for line_start, (line, _rect) in zip(stream.lines.starts, stream.lines.lines, strict=True):
        unseen = [False] * len(line)
        for i, ch in enumerate(line):
            if ch.isspace():
                continue
            left = line[i - 1 : i + 1] if i else ""
            right = line[i : i + 2] if i + 1 < len(line) else ""
            unseen[i] = not (
                (len(left) == 2 and _squash(left) in pairs) or (len(right) == 2 and _squash(right) in pairs)
            )
        i = 0
        while i < len(line):
            if not unseen[i]:
                i += 1
                continue
            j = i
            while j < len(line) and unseen[j]:
                j += 1
            if sum(1 for c in line[i:j] if c.isalnum()) >= MIN_DIFF_CHARS:
                spans.append((line_start + i, line_start + j))
            i = j
    assert all(text[a:b] for a, b in spans)
    return spans


# -- the hook the PDF extractor calls --------------------------------------------------------------

# Signs (review.extract.pdf.page_suspicion) that the glyphs drawn may not be the text the layer gives.
FONT_SIGNS = {"type3", "no-tounicode", "actualtext", "vector-glyphs", "odd-unicode"}


def read_suspect_pages(doc: Any, out: Extraction, cancelled: Callable[[], None] = lambda: None) -> None:
    """OCR where it can find something, nowhere else: scanned pages ("scan": the whole page,
    rendered), pictures on text pages ("images": each image's pixels) and pages whose fonts may
    lie (FONT_SIGNS: rendered, and only what the text layer lacks is reported). Adds OCR streams
    to `streams` (VISIBLE: the rules and the lexicon read them like any text, with places) and
    findings saying where OCR read the page; a scanned page OCR reads loses its blanket SCAN-PAGE
    finding. Without the engine, nothing changes."""
    suspect: dict[int, set[str]] = getattr(out, "suspect", {})
    if not suspect:
        return
    try:
        _load()
    except OcrUnavailable:
        return
    streams, findings, unreadable = out.streams, out.findings, out.unreadable
    images_read: dict[int, tuple[int, int, list[OcrLine]]] = {}
    for index in sorted(suspect):
        signs = suspect[index]
        cancelled()
        with LOCK:
            page = doc[index]
        if "scan" in signs:
            stream = ocr_page(page)
            if stream is not None:
                streams.append(stream)  # what little was read is checked all the same
            if not legible(stream):
                continue  # the page stays a blocking 无文字层 for a person to look at
            _drop_scan_finding(index, findings, unreadable)
            findings.append(
                Finding(
                    "OCR-PAGE",
                    QT_TRANSLATE_NOOP("Rules", "扫描页"),
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Rules", "扫描页无文字层，文字经 OCR 识别后检查；识别可能有误，请人工核对"
                    ),
                    Channel.VISIBLE,
                    Location(page=index, detail=OCR_DETAIL),
                )
            )
            continue
        if "images" in signs:
            for stream in ocr_page_images(doc, page, images_read):
                streams.append(stream)
                findings.append(
                    Finding(
                        "OCR-IMAGE",
                        QT_TRANSLATE_NOOP("Rules", "图片中的文字"),
                        Severity.INFO,
                        QT_TRANSLATE_NOOP("Rules", "页面中的图片含文字，已经 OCR 识别后检查"),
                        Channel.VISIBLE,
                        Location(
                            page=index, rects=tuple(r for _, r in stream.lines.lines), detail=OCR_DETAIL
                        ),
                        stream.text[:200].strip(),
                    )
                )
        if signs & FONT_SIGNS:
            with LOCK:
                layer = page.get_text()  # with /ActualText applied: what copy and search give
            _compare_with_layer(page, index, layer, streams, findings)


def legible(stream: OcrStream | None) -> bool:
    """Whether OCR read enough of a scan to check it in place of a person (MIN_LEGIBLE_CHARS)."""
    return stream is not None and len(_SPACE.sub("", stream.text)) >= MIN_LEGIBLE_CHARS


def _drop_scan_finding(index: int, findings: list[Finding], unreadable: list[str]) -> None:
    findings[:] = [f for f in findings if not (f.rule_id == "SCAN-PAGE" and f.location.page == index)]
    label = f"第{index + 1}页（无文字层）"
    if label in unreadable:
        unreadable.remove(label)


def _compare_with_layer(
    page: Any, index: int, layer: str, streams: list[Any], findings: list[Finding]
) -> None:
    stream = ocr_page(page)
    if stream is None:
        return
    spans = unseen_in_layer(stream, layer)
    if not spans:
        return
    # Only the lines that differ go to the rules: the rest is the text layer's, already checked.
    differing = sorted({i for a, _ in spans for i, s in enumerate(stream.lines.starts) if s <= a})
    keep = [stream.lines.lines[i] for i in differing]
    kept = _stream(index, keep)
    if kept is not None:
        streams.append(kept)
    for a, b in spans:
        findings.append(
            Finding(
                "OCR-DIFF",
                QT_TRANSLATE_NOOP("Rules", "隐藏内容"),
                Severity.WARNING,
                QT_TRANSLATE_NOOP(
                    "Rules", "页面上显示的文字与文字层不符（字体映射、替换文字或矢量字形），以 OCR 识别为准"
                ),
                Channel.VISIBLE,
                stream.lines.locate(a, b),
                stream.text[a:b],
            )
        )


def read_image(data: bytes, out: Extraction) -> None:
    """A standalone picture (a scan sent as JPEG/PNG/TIFF): its text, placed in the picture's pixels
    (page 0), replaces the blanket 无文字层 finding. Unchanged without the engine or when nothing
    legible is in it."""
    try:
        lines = ocr_image(data)
    except OcrUnavailable:
        return
    stream = _stream(0, _to_page(lines, lambda x, y: (x, y)))
    if stream is not None:
        out.streams.append(stream)
    if not legible(stream):
        return
    out.findings[:] = [f for f in out.findings if f.rule_id != "SCAN-PAGE"]
    if "图片（无文字层）" in out.unreadable:
        out.unreadable.remove("图片（无文字层）")
    out.findings.append(
        Finding(
            "OCR-PAGE",
            QT_TRANSLATE_NOOP("Rules", "扫描页"),
            Severity.WARNING,
            QT_TRANSLATE_NOOP("Rules", "图片无文字层，文字经 OCR 识别后检查；识别可能有误，请人工核对"),
            Channel.VISIBLE,
            Location(page=0, detail=OCR_DETAIL),
        )
    )


# -- redaction and verification --------------------------------------------------------------------

# PyMuPDF's PDF_REDACT_IMAGE_NONE, PDF_REDACT_LINE_ART_NONE, PDF_REDACT_TEXT_REMOVE
_IMAGE_NONE, _LINE_ART_NONE, _TEXT_REMOVE = 0, 0, 0


def remove_text_only(page: Any) -> None:
    """Applies the redactions pending on the page to text alone. Hidden text (a scan's invisible
    OCR layer covers the whole image) must go without the pixels under it: applied together with
    the areas' image redaction it blanked the scan (published BLANK, "删除 0 处内容，复核通过")."""
    page.apply_redactions(images=_IMAGE_NONE, graphics=_LINE_ART_NONE, text=_TEXT_REMOVE)


_COLORSPACES = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}


def rewrite_image(doc: Any, xref: int, pix: Any) -> None:
    """An image stream written anew from its pixels, in place. `page.replace_image` on an image
    that `apply_redactions` had just rewritten (a grey scan with a redacted region) left the page
    with no image at all (PyMuPDF 2.0: "no XObject subtype specified"): the scan published blank."""
    if pix.alpha or pix.n not in _COLORSPACES or doc.xref_get_key(xref, "ImageMask")[1] == "true":
        raise ValueError("only grey, RGB or CMYK pixels without alpha are rewritten")
    doc.update_stream(xref, bytes(pix.samples), compress=True)
    for key, value in (
        ("Filter", "/FlateDecode"),
        ("DecodeParms", "null"),
        ("ColorSpace", _COLORSPACES[pix.n]),
        ("BitsPerComponent", "8"),
        ("Width", str(pix.width)),
        ("Height", str(pix.height)),
        ("Decode", "null"),
        ("Metadata", "null"),
    ):
        doc.xref_set_key(xref, key, value)


@dataclass(frozen=True)
class LostInk:
    page: int
    lost: int  # dark pixels of the original, outside every area, that are light in the output
    ink: int  # dark pixels of the original outside every area

    def describe(self) -> str:
        return f"第{self.page + 1}页删除范围之外的内容消失（{self.lost}/{self.ink}）"


LOST_INK_DPI = 36
_DARK, _LIGHT = 160, 224
# Share of the ink outside the areas that may change (anti-aliasing, re-encoded images): a
# rasterised page loses about 1.5% to re-rendering. Removals inside a string no longer move the
# glyphs after them under the box (review/split_text.py, issue 14), so nothing else is forgiven.
LOST_INK_SHARE = 0.02
# A glyph or two next to an area (a comma the area grazed, which redaction takes whole) is not a
# page that lost its content; a few words are.
LOST_INK_PIXELS = 30


def lost_ink(
    original: bytes, published: bytes, areas: Iterable[Any], dpi: int = LOST_INK_DPI
) -> list[LostInk]:
    """Pages of `published` that lost visible content outside the redaction `areas` (each with
    `.page` and `.rect` in PDF points, as review.redact.Area): both files rendered grey at low
    dpi, and the original's ink outside the areas (grown by about 8 pt) must still be ink. A page
    published blank, or missing, fails; anything drawn inside an area (a box, a label) is allowed."""
    import pymupdf

    by_page: dict[int, list[Any]] = {}
    for area in areas:
        by_page.setdefault(area.page, []).append(area.rect)
    problems: list[LostInk] = []
    with (
        LOCK,
        pymupdf.open(stream=original, filetype="pdf") as src,
        pymupdf.open(stream=published, filetype="pdf") as out,
    ):
        for index in range(src.page_count):
            # Annotations and form widgets are removed by sanitising on purpose: not content to keep.
            before = src[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False, annots=False)
            if index >= out.page_count:
                problems.append(LostInk(index, 1, 1))
                continue
            after = out[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
            if (after.width, after.height) != (before.width, before.height):
                after = pymupdf.Pixmap(after, before.width, before.height, None)
            masked = _area_mask(before.width, before.height, dpi / 72.0, by_page.get(index, []))
            lost, ink = _compare(before, after, masked)
            if ink and lost > max(LOST_INK_PIXELS, LOST_INK_SHARE * ink):
                problems.append(LostInk(index, lost, ink))
    return problems


def _area_mask(width: int, height: int, scale: float, rects: list[Any]) -> Any:
    import numpy as np

    mask = np.zeros((height, width), dtype=bool)
    # About 8 pt around each area is forgiven: redaction takes a drawing that touches an area whole
    # (a fake black box a little wider than the text it hid), which is no content of the page.
    grow = max(2, round(8 * scale))
    for r in rects:
        x0, y0 = max(0, int(r.x0 * scale) - grow), max(0, int(r.y0 * scale) - grow)
        x1, y1 = min(width, int(r.x1 * scale + 0.999) + grow), min(height, int(r.y1 * scale + 0.999) + grow)
        mask[y0:y1, x0:x1] = True
    return mask


def _grey(pix: Any) -> Any:
    import numpy as np

    rows = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)
    return rows[:, : pix.width]


def _compare(before: Any, after: Any, masked: Any) -> tuple[int, int]:
    a, b = _grey(before), _grey(after)
    ink = (a < _DARK) & ~masked
    return int((ink & (b > _LIGHT)).sum()), int(ink.sum())
