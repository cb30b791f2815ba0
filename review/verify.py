"""Verification after every redaction: the output is re-opened and checked by the same engine.

Fails when any removed string is still anywhere in the file (visible text, metadata, annotations,
any channel the extractors read, or the raw decompressed objects and streams), when a blocking
finding remains that nobody decided to keep, or when text outside the marked areas went missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from review.engine import CheckOptions, check_bytes
from review.extract.base import TextStream
from review.extract.dispatch import extract_any
from review.lexicon import CompiledLexicon
from review.model import Channel, Finding, Severity
from review.mupdf import LOCK
from review.normalize import normalize
from review.ocr import is_ocr
from review.redact import REMOVED_LABEL, Area

_SPACE = re.compile(r"\s+")


# Hidden places redaction always removes: any of them in a published file means sanitising failed,
# whatever its severity when found in a draft.
MUST_NOT_SURVIVE = {
    "HID-EMBED",  # embedded files
    "HID-EMBED-UNREADABLE",
    "HID-ATTACH",  # files attached to annotations
    "HID-THUMB",
    "HID-ORPHAN",  # objects no page needs
    "HID-TRAILER",  # /AdditionalStreams and other private trailer keys
    "HID-IMAGE-META",  # JPEG comment, EXIF and XMP segments
    "HID-CROPPED-IMAGE",
    "HID-ACTUALTEXT",
    "HID-JS",
    "HID-ANNOT",
    "HID-FORM",
    "HID-REVISION",
}


@dataclass
class Verification:
    leaks: list[tuple[str, str]] = field(default_factory=list)  # (removed text, where it was found)
    blocking: list[Finding] = field(default_factory=list)
    missing: str = ""  # start of the kept text that is no longer there
    survivors: list[Finding] = field(default_factory=list)  # hidden places sanitising should have removed
    lost: list[str] = field(default_factory=list)  # pages that lost visible content outside the areas
    # What the engine read in the published form: kept with the release for re-checks (app/recheck.py).
    streams: list[TextStream] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.leaks or self.blocking or self.missing or self.survivors or self.lost)

    def describe(self) -> list[str]:
        lines = [f"仍可找到已删除的内容“{text}”（{where}）" for text, where in self.leaks]
        lines += [f"仍有阻断级发现：{f.rule_id}“{f.text[:30]}”{f.location.describe()}" for f in self.blocking]
        lines += [f"隐藏内容未清除：{f.rule_id} {f.location.describe()}" for f in self.survivors]
        if self.missing:
            lines.append(f"删除范围之外的文字缺失，从“{self.missing[:30]}”开始")
        return lines + self.lost

    def compare_renders(self, original: bytes, published: bytes, areas: list[Area]) -> None:
        """What a person sees must survive outside the areas: a scan published blank fails here even
        when its text layer says nothing was lost."""
        from review.ocr import lost_ink

        self.lost += [problem.describe() for problem in lost_ink(original, published, areas)]


def _squash(text: str) -> str:
    return _SPACE.sub("", normalize(text).text)


def leaked(text: str, removed: Iterable[str]) -> list[str]:
    """The removed texts a file's `text` still holds, compared normalised and without spaces (a
    line break or a space put into an ID does not hide it): the published form's check here, and
    the audit of what is online (app.published_audit)."""
    squashed = _squash(text)
    return [t for t in removed if (target := _squash(t)) and target in squashed]


def verify_published(
    pdf: bytes,
    removed: list[str],
    lexicon: CompiledLexicon,
    *,
    kept_text: str | None = None,
    replacements: list[str] | None = None,
    kept_decisions: set[str] | None = None,
    rasterized: bool = False,
) -> Verification:
    result = Verification()
    targets = [t for t in removed if _squash(t)]
    extraction = extract_any("published.pdf", pdf)
    result.streams = extraction.streams
    for stream in extraction.streams:
        result.leaks.extend((original, stream.channel.label) for original in leaked(stream.text, targets))
    result.leaks.extend((original, "文件原始数据") for original in targets if _in_raw(pdf, original))
    # 错敏/表述 findings were decided on the original and are about wording, not what leaks: the
    # published form is not judged again by them (nor by a date other than the review's).
    checked = check_bytes(
        "published.pdf",
        pdf,
        lexicon,
        CheckOptions(disclosure=None, names_near_personal_data=False, wording=False),
    )
    keep = {_squash(t) for t in (kept_decisions or set())}
    for finding in checked.findings:
        if finding.rule_id in MUST_NOT_SURVIVE:
            result.survivors.append(finding)
            continue
        if finding.severity is not Severity.BLOCKING or _squash(finding.text) in keep:
            continue
        if finding.rule_id == "SCAN-PAGE":
            # A page without a text layer was reviewed on the original, by OCR or by a person
            # deciding its SCAN-PAGE; a redacted scan often has too little left for OCR to read,
            # and a rasterised page has no text layer by design. Its pixels are compared instead.
            continue
        result.blocking.append(finding)
    if kept_text is not None and not rasterized:
        # OCR (review/ocr.py): OCR'd text is no text layer; pixels are checked by ocr.lost_ink.
        visible = "".join(
            s.text for s in extraction.streams if s.channel is Channel.VISIBLE and not is_ocr(s)
        )
        for extra in [REMOVED_LABEL, *(replacements or [])]:
            visible = visible.replace(extra, "")
        expected, actual = _squash(kept_text), _squash(visible)
        if expected != actual:
            common = next(
                (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
                min(len(expected), len(actual)),
            )
            result.missing = expected[common:] or "（输出多出文字）" + actual[common:]
    return result


def _in_raw(pdf: bytes, text: str) -> bool:
    """Whether `text` is in any object or decompressed stream, in the encodings a PDF may use."""
    import pymupdf

    needles = {text.encode("utf-8"), text.encode("utf-16-be")}
    if text.isascii():
        needles.add(text.encode("ascii"))
    with LOCK, pymupdf.open(stream=pdf, filetype="pdf") as doc:
        if any(n in pdf for n in needles):
            return True
        for xref in range(1, doc.xref_length()):
            try:
                source = doc.xref_object(xref, compressed=False).encode("latin-1", "replace")
                stream = doc.xref_stream(xref) if doc.xref_is_stream(xref) else b""
            except Exception:
                continue
            if any(n in source or (stream and n in stream) for n in needles):
                return True
    return False
