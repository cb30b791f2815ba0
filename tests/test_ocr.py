"""OCR: scans, pictures on text pages and their redaction, on small generated pages (each OCR call
costs seconds on CI's two cores, so there are few)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from review.engine import CheckOptions, check_bytes
from review.lexicon import CompiledLexicon, load_default, merge
from review.redact import Area, areas_for_texts, redact_pdf
from tests.scans import scan, scanned_pdf, typeset_page

ROOT = Path(__file__).resolve().parents[1]
ID = "110101199003077578"
SMALL = (420.0, 260.0)

pytest.importorskip("rapidocr_onnxruntime")


@pytest.fixture(scope="module")
def lexicon() -> CompiledLexicon:
    return CompiledLexicon.build(merge([load_default()]))


@pytest.fixture(scope="module")
def typeset() -> bytes:
    pdf, _ = typeset_page(
        ["内部资料", f"联系人：王建国，身份证号{ID}。"], title="通知", size=12, page_size=SMALL
    )
    return pdf


@pytest.fixture(scope="module")
def scanned(typeset: bytes) -> bytes:
    return scanned_pdf([scan(typeset, 300)])


def _printed_rects(pdf: bytes, text: str) -> list[pymupdf.Rect]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return list(doc[0].search_for(text))


def _check(pdf: bytes, lexicon: CompiledLexicon):
    return check_bytes("scan.pdf", pdf, lexicon, CheckOptions(names_near_personal_data=False))


def test_a_scanned_page_gets_findings_with_places_not_a_blanket_finding(scanned, typeset, lexicon):
    result = _check(scanned, lexicon)
    ids = {f.rule_id for f in result.findings}
    assert "SCAN-PAGE" not in ids and not result.unreadable
    assert "OCR-PAGE" in ids  # the reviewer still learns the page was read by OCR
    by_text = {f.text.replace("\n", ""): f for f in result.findings if f.text}
    marking = by_text["内部资料"]
    assert marking.severity.value == "blocking" and marking.location.page == 0
    (printed,) = _printed_rects(typeset, "内部资料")
    (found,) = marking.location.rects
    assert pymupdf.Rect(found[:4]).intersects(printed)
    assert abs(found.x0 - printed.x0) < 6 and abs(found.x1 - printed.x1) < 6
    person = by_text[ID]
    assert person.rule_id.startswith("PII-ID") and person.location.rects
    # The number runs over the line break: one rectangle on each line, both on the printed digits.
    assert len(person.location.rects) == 2


def test_a_picture_pasted_on_a_text_page_is_read(typeset, lexicon):
    picture = scan(typeset, 200, noise=0.0).png
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "关于做好冬季供暖保障工作的通知", fontname="china-s", fontsize=14)
    where = pymupdf.Rect(100, 300, 100 + SMALL[0], 300 + SMALL[1])
    page.insert_image(where, stream=picture)
    result = _check(doc.tobytes(), lexicon)
    found = {f.text.replace("\n", ""): f for f in result.findings if f.text}
    assert "内部资料" in found and ID in found
    for text in ("内部资料", ID):
        assert all(where.contains(pymupdf.Rect(r[:4])) for r in found[text].location.rects), text
    assert "OCR-IMAGE" in {f.rule_id for f in result.findings}


def _ink_in(pdf: bytes, rect: pymupdf.Rect) -> int:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pix = doc[0].get_pixmap(dpi=72, colorspace=pymupdf.csGRAY, clip=rect)
        return sum(1 for v in pix.samples if v < 128)


def test_redacting_one_ocr_finding_removes_its_pixels_and_keeps_the_rest_of_the_scan(scanned, typeset):
    from review.ocr import lost_ink, ocr_page

    # A scanner's PDF with its own invisible OCR layer over the picture (the blank page).
    doc = pymupdf.open(stream=scanned, filetype="pdf")
    doc[0].insert_text((72, 140), f"内部资料 身份证号{ID}", fontname="china-s", fontsize=12, render_mode=3)
    original = doc.tobytes()
    areas = areas_for_texts(original, {"内部资料": None})
    assert areas and all(a.page == 0 for a in areas)
    published = redact_pdf(original, areas).pdf
    (printed,) = _printed_rects(typeset, "内部资料")
    assert _ink_in(original, printed) > 20
    w, h = printed.width, printed.height
    core = pymupdf.Rect(printed.x0 + w / 4, printed.y0 + h * 0.3, printed.x1 - w / 4, printed.y1 - h * 0.3)
    with pymupdf.open(stream=published, filetype="pdf") as out:
        pix = out[0].get_pixmap(dpi=72, colorspace=pymupdf.csGRAY, clip=core)
        assert max(pix.samples) < 64  # the black box: the scan's pixels there are gone
        assert out[0].get_text().strip() == ""  # and the invisible OCR layer with them
        stream = ocr_page(out[0])
    assert lost_ink(original, published, areas) == []  # every other mark of the scan survived
    assert stream is not None and "内部资料" not in stream.text and "通知" in stream.text


def test_verification_fails_a_page_that_lost_content_outside_the_areas(scanned):
    from review.ocr import lost_ink

    blank = pymupdf.open()
    blank.new_page(width=SMALL[0], height=SMALL[1])
    (problem,) = lost_ink(scanned, blank.tobytes(), [])
    assert problem.page == 0 and problem.lost > 0.9 * problem.ink
    everything = Area(0, pymupdf.Rect(0, 0, *SMALL))  # type: ignore[arg-type]
    assert lost_ink(scanned, blank.tobytes(), [everything]) == []


GUARD = r"""
import socket, sys
BLOCKED = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto", "socket.bind"}
def guard(event, args):
    if event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6):
        raise SystemExit(f"NETWORK: socket {args[1:]}")
    if event in BLOCKED:
        raise SystemExit(f"NETWORK: {event} {args[1:]}")
sys.addaudithook(guard)
sys.path.insert(0, ".")
from review.ocr import ocr_image
print("READ", "".join(line.text for line in ocr_image(open(sys.argv[1], "rb").read())))
"""


def test_ocr_works_with_no_network(tmp_path):
    pdf, _ = typeset_page(["内部资料"], title=None, size=16, page_size=(320, 110))
    image = tmp_path / "page.png"
    image.write_bytes(scan(pdf, 200).png)
    r = subprocess.run(
        [sys.executable, "-c", GUARD, str(image)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert "NETWORK" not in r.stdout + r.stderr and r.returncode == 0, r.stderr
    assert "READ 内部资料" in r.stdout


def test_a_text_page_with_ordinary_fonts_never_loads_the_engine():
    code = (
        "import sys; sys.path.insert(0, '.')\n"
        "from tests.scans import typeset_page\n"
        "from review.engine import check_bytes, CheckOptions\n"
        "from review.lexicon import CompiledLexicon, load_default, merge\n"
        "pdf, _ = typeset_page(['内部资料'], size=12)\n"
        "check_bytes('a.pdf', pdf, CompiledLexicon.build(merge([load_default()])), CheckOptions())\n"
        "print(sorted(m for m in sys.modules if 'onnx' in m or 'rapidocr' in m or m == 'cv2'))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_a_picture_sent_as_a_file_is_read(typeset, lexicon):
    picture = scan(typeset, 150).png
    result = check_bytes("scan.png", picture, lexicon, CheckOptions(names_near_personal_data=False))
    rules = {f.rule_id for f in result.findings}
    assert "SCAN-PAGE" not in rules and "OCR-PAGE" in rules
    marking = next(f for f in result.findings if f.text == "内部资料")
    assert marking.location.rects  # in the picture's pixels


def test_a_scan_publishes_redacted_and_verified_not_blank(scanned, lexicon):
    from app.redaction import publish_form
    from review.ocr import lost_ink

    published = publish_form("scan.pdf", scanned, None, lexicon)
    assert "内部资料" in published.plan.remove and len(published.plan.remove) == 2
    assert published.verification.ok, published.verification.describe()
    areas = areas_for_texts(scanned, published.plan.remove)
    assert lost_ink(scanned, published.pdf, areas) == []


def test_a_scanned_id_after_a_run_of_hanzi_is_gone_whole_from_the_published_page(lexicon):
    """The desk marked such an ID three digits short (glyph widths estimated too evenly): whatever
    OCR reads of the published page holds no run of its digits."""
    import re

    from app.redaction import publish_form
    from review.ocr import ocr_image
    from tests.scans import government_scans

    page = government_scans(1, dpi=300)[0]
    published = publish_form("scan.pdf", scanned_pdf([page]), None, lexicon)
    assert published.verification.ok, published.verification.describe()
    (removed_id,) = [t for t in published.plan.remove if re.fullmatch(r"[\dX\n]{18,19}", t)]
    digits = removed_id.replace("\n", "")
    with pymupdf.open(stream=published.pdf, filetype="pdf") as doc:
        pixmap = doc[0].get_pixmap(dpi=300)
    read = "".join(line.text for line in ocr_image(pixmap.tobytes("png")))
    assert "联系人" in read  # the page is there ...
    runs = re.findall(r"\d{3,}", read)
    assert not any(run in digits for run in runs if len(run) >= 3), runs  # ... the ID is not


def test_a_scan_ocr_reads_only_a_few_characters_of_stays_blocking_and_what_it_read_is_checked(lexicon):
    from review.samples import SAMPLE_MOBILE

    # A page with a note and a number on it, as a stamp, a signature or a photo reads: too little
    # for OCR to stand in for a person, but the number it did read is personal data all the same.
    pdf, _ = typeset_page(["同意", SAMPLE_MOBILE], title=None, size=14, page_size=SMALL)
    result = _check(scanned_pdf([scan(pdf, 300)]), lexicon)
    by_rule = {f.rule_id: f for f in result.findings}
    assert by_rule["SCAN-PAGE"].severity.value == "blocking" and "OCR-PAGE" not in by_rule
    assert any(f.text == SAMPLE_MOBILE and f.location.rects for f in result.findings)


def test_the_same_pixels_are_read_once(typeset):
    from review import ocr

    picture = scan(typeset, 150, noise=0.0, seed=41).png
    calls = []
    real = ocr._recognise

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    ocr._recognise = counting
    try:
        first, again = ocr.ocr_image(picture), ocr.ocr_image(picture)
    finally:
        ocr._recognise = real
    assert first == again and any("内部资料" in line.text for line in first)
    assert len(calls) == 1
