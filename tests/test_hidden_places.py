"""Issue 14: every place a file hides text is read, and redaction removes it.

Each hiding place is planted in a file made here (tests/planted.py); the check must report the
secret on the place, and the published PDF must not carry it (judged by pdftotext and the raw
bytes, as tests/test_redaction.py judges), or verification must fail.
"""

from __future__ import annotations

import io
import subprocess
import time
import zipfile
from pathlib import Path

import pymupdf
import pytest

from app.redaction import RedactionPlan, publish_form
from review.engine import CheckOptions, check_bytes
from review.extract.base import Budget, Extraction
from review.extract.dispatch import MAX_EMBED_DEPTH, add_attachment
from review.extract.pdf import suspect_pages
from review.formats import Inner, sniff_inner
from review.lexicon import CompiledLexicon, load_default, merge, parse_text
from review.model import Channel, CheckResult, Severity
from review.redact import redact_pdf
from review.samples import SAMPLE_ID
from review.verify import verify_published
from tests import planted

OPTIONS = CheckOptions(names_near_personal_data=False)


def _lexicon(*extra: str) -> CompiledLexicon:
    return CompiledLexicon.build(merge([load_default(), parse_text("\n".join(extra))]))


def _found(result: CheckResult, text: str, rule_id: str | None = None):
    found = [f for f in result.findings if f.text == text and (rule_id is None or f.rule_id == rule_id)]
    assert found, (
        f"{text!r} not found; findings: {[(f.rule_id, f.text, f.location.detail) for f in result.findings]}"
    )
    return found[0]


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _plan(texts) -> RedactionPlan:
    plan = RedactionPlan()
    plan.remove.update({t: None for t in texts})
    return plan


# -- attachments --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def attachments():
    data, places = planted.pdf_with_attachments()
    return data, places, check_bytes("附件.pdf", data, _lexicon(*places.values()), OPTIONS)


@pytest.mark.parametrize(
    ("place", "where"),
    [
        ("csv", "名单.csv"),
        ("xlsx", "资料/表/内.xlsx"),
        ("xlsx_hidden", "资料/表/内.xlsx"),
        ("annotation_html", "说明"),
        ("html_comment", "说明"),
    ],
)
def test_every_attachment_is_opened_by_content_and_its_findings_placed_on_it(attachments, place, where):
    _, places, result = attachments
    finding = _found(result, places[place], "LEX")
    assert finding.channel is Channel.EMBEDDED_FILE
    assert (finding.location.detail or "").startswith(f"嵌入文件 {where}")


def test_personal_data_in_an_attached_csv_blocks(attachments):
    _, places, result = attachments
    finding = _found(result, places["csv"], "PII-ID")
    assert finding.severity is Severity.BLOCKING and finding.channel is Channel.EMBEDDED_FILE


def test_an_attachment_nobody_can_read_blocks(attachments):
    _, _, result = attachments
    unreadable = [f for f in result.findings if f.rule_id == "HID-EMBED-UNREADABLE"]
    assert len(unreadable) == 1 and unreadable[0].severity is Severity.BLOCKING
    assert "数据.txt" in (unreadable[0].location.detail or "")
    assert any("数据.txt" in u for u in result.unreadable)
    assert "HID-ATTACH" in {f.rule_id for f in result.findings}


def test_attachments_are_read_to_a_depth_and_a_total_size():
    nested = b"\xff" * 10
    for level in range(MAX_EMBED_DEPTH + 1):
        nested = planted._zip({f"层{level}.zip": nested})
    out = Extraction()
    add_attachment(out, "外.zip", nested, 1, Budget())
    assert [f.rule_id for f in out.findings] == ["HID-EMBED-UNREADABLE"]
    assert "层数" in (out.findings[0].location.detail or "")
    out = Extraction()
    add_attachment(out, "大.txt", "很大的附件".encode() * 100, 1, Budget(left=100))
    assert [f.rule_id for f in out.findings] == ["HID-EMBED-UNREADABLE"]


def test_content_sniffing_ignores_names():
    assert sniff_inner(planted.xlsx_bytes([["a"]])) is Inner.XLSX
    assert sniff_inner("姓名,号码\n张三,1\n".encode("gb18030")) is Inner.TEXT
    assert sniff_inner(b"<!DOCTYPE html><html></html>") is Inner.HTML
    assert sniff_inner(planted._zip({"a.txt": "x"})) is Inner.ZIP
    assert sniff_inner(b"{\\rtf1\\ansi hello}") is Inner.RTF
    assert sniff_inner(bytes(range(256))) is Inner.UNKNOWN


def test_docx_alt_chunk_and_embedding_stored_under_a_meaningless_name():
    data, places = planted.docx_with_alt_chunk_and_embedding()
    result = check_bytes("块.docx", data, _lexicon(*places.values()), OPTIONS)
    alt = _found(result, places["altchunk"], "LEX")
    assert alt.channel is Channel.EMBEDDED_FILE and "word/afchunk.htm" in (alt.location.detail or "")
    embedded = _found(result, places["embedded_xlsx"], "LEX")
    assert "word/embeddings/oleObject1.bin" in (embedded.location.detail or "")
    assert "HID-ALTCHUNK" in {f.rule_id for f in result.findings}


def test_ofd_attachment_without_an_extension():
    data, places = planted.ofd_with_attachment_without_extension()
    result = check_bytes("公文.ofd", data, _lexicon(), OPTIONS)
    finding = _found(result, places["extensionless"], "PII-ID")
    assert finding.channel is Channel.EMBEDDED_FILE and "名单" in (finding.location.detail or "")


def test_attachments_are_gone_after_redaction_and_verification_fails_on_the_original(attachments, tmp_path):
    data, places, _ = attachments
    lex = _lexicon(*places.values())
    published = publish_form("附件.pdf", data, _plan(places.values()), lex)
    assert published.verification.ok, published.verification.describe()
    text = "".join(pdftotext(published.pdf, tmp_path).split())
    for secret in places.values():
        assert secret not in text and secret.encode() not in published.pdf
    with pymupdf.open(stream=published.pdf, filetype="pdf") as doc:
        assert doc.embfile_count() == 0 and not list(doc[0].annots())
    original = verify_published(data, list(places.values()), lex)
    assert not original.ok
    assert {"HID-EMBED", "HID-ATTACH"} <= {f.rule_id for f in original.survivors}


# -- hidden text in a PDF ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hidden():
    data, places = planted.pdf_with_hidden_text()
    return data, places, check_bytes("藏.pdf", data, _lexicon(*places.values()), OPTIONS)


@pytest.mark.parametrize(
    ("place", "channel", "detail"),
    [
        ("actualtext", Channel.HIDDEN_TEXT, "ActualText"),
        ("tooltip", Channel.FORM_FIELD, "说明"),
        ("jpeg_comment", Channel.HIDDEN_TEXT, "JPEG 注释"),
        ("exif", Channel.HIDDEN_TEXT, "EXIF"),
        ("orphan_string", Channel.HIDDEN_TEXT, "0 R"),
        ("orphan_stream", Channel.HIDDEN_TEXT, "0 R"),
        ("trailer_odf", Channel.EMBEDDED_FILE, "AdditionalStreams"),
    ],
)
def test_pdf_hidden_text_is_read(hidden, place, channel, detail):
    _, places, result = hidden
    finding = _found(result, places[place], "LEX")
    assert finding.channel is channel
    assert detail in (finding.location.detail or "")


def test_pdf_hidden_places_are_reported_even_without_a_term(hidden):
    _, _, result = hidden
    by_rule = {f.rule_id: f for f in result.findings}
    expected = {
        "HID-THUMB",
        "HID-CROPPED-IMAGE",
        "HID-ACTUALTEXT",
        "HID-IMAGE-META",
        "HID-ORPHAN",
        "HID-TRAILER",
    }
    assert expected <= by_rule.keys()
    assert by_rule["HID-THUMB"].severity is Severity.BLOCKING
    assert not [f for f in result.findings if f.rule_id == "HID-EMBED-UNREADABLE"]


def test_glyphs_still_count_where_actual_text_replaces_them(hidden):
    _, _, result = hidden
    visible = [f for f in result.findings if f.channel is Channel.VISIBLE]
    assert any(f.text == "这是正文。" for f in visible)


def test_hidden_places_are_gone_after_redaction(hidden, tmp_path):
    data, places, _ = hidden
    lex = _lexicon(*places.values())
    secrets = [v for k, v in places.items() if k != "visible"]
    published = publish_form("藏.pdf", data, _plan(secrets), lex)
    assert published.verification.ok, published.verification.describe()
    text = "".join(pdftotext(published.pdf, tmp_path).split())
    assert "这是正文。" in text
    for secret in secrets:
        assert secret not in text
        assert secret.encode() not in published.pdf and secret.encode("utf-16-be") not in published.pdf
    with pymupdf.open(stream=published.pdf, filetype="pdf") as doc:
        page = doc[0]
        assert doc.xref_get_key(page.xref, "Thumb")[0] == "null"
        assert "AdditionalStreams" not in doc.xref_get_keys(-1)
        for xref in range(1, doc.xref_length()):
            if doc.xref_is_stream(xref):
                assert b"ActualText" not in doc.xref_stream(xref)
        # The cut half of the picture is blank now; the shown half is still there.
        (info,) = [i for i in page.get_image_info(xrefs=True) if i["width"] == 100]
        pix = pymupdf.Pixmap(doc, info["xref"])
        assert pix.pixel(80, 20)[:3] == (255, 255, 255)
    result = check_bytes("out.pdf", published.pdf, lex, OPTIONS)
    assert not {"HID-CROPPED-IMAGE", "HID-IMAGE-META", "HID-ORPHAN", "HID-TRAILER"} & {
        f.rule_id for f in result.findings
    }


@pytest.mark.parametrize(
    "rule_id", ["HID-THUMB", "HID-CROPPED-IMAGE", "HID-IMAGE-META", "HID-ORPHAN", "HID-TRAILER"]
)
def test_verification_fails_while_a_hidden_place_survives(hidden, rule_id):
    data, _, _ = hidden
    verification = verify_published(data, [], _lexicon())
    assert not verification.ok
    assert rule_id in {f.rule_id for f in verification.survivors} | {f.rule_id for f in verification.blocking}


def test_redaction_drops_objects_no_page_needs():
    data, places = planted.pdf_with_hidden_text()
    out = redact_pdf(data, []).pdf
    assert places["orphan_stream"].encode() not in out
    with pymupdf.open(stream=out, filetype="pdf") as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_is_stream(xref):
                assert places["orphan_stream"].encode() not in doc.xref_stream(xref)
                assert b"PK\x03\x04" not in doc.xref_stream(xref)


# -- reading order ------------------------------------------------------------------------------


def test_id_drawn_right_to_left_is_read_as_a_person_reads_it():
    result = check_bytes("倒序.pdf", planted.pdf_with_glyphs_drawn_backwards(), _lexicon(), OPTIONS)
    finding = _found(result, SAMPLE_ID, "PII-ID")
    assert finding.channel is Channel.VISIBLE and finding.location.page == 0
    assert finding.location.rects and finding.location.rects[0].x0 < 140


def test_text_drawn_twice_for_bold_is_not_shuffled():
    doc = pymupdf.open()
    page = doc.new_page()
    for dx in (0, 0.4):
        page.insert_text((72 + dx, 100), "内部资料管理办法", fontname="china-s", fontsize=12)
    result = check_bytes("粗体.pdf", doc.tobytes(), _lexicon(), OPTIONS)
    assert any(f.text == "内部资料" for f in result.findings)


# -- what OCR should look at --------------------------------------------------------------------


def test_suspect_pages_name_their_signs(hidden):
    data, _, _ = hidden
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        signs = suspect_pages(doc)
    assert {"actualtext", "images"} <= signs[0]
    text_only = pymupdf.open()
    text_only.new_page().insert_text((72, 72), "正文", fontname="china-s")
    assert suspect_pages(text_only) == {}


def test_a_text_only_pdf_pays_little_for_the_sweep():
    doc = pymupdf.open()
    for i in range(60):
        doc.new_page().insert_text((72, 72), f"第{i}页正文内容。", fontname="china-s")
    data = doc.tobytes(garbage=1)
    lex = _lexicon()
    check_bytes("p.pdf", data, lex, OPTIONS)
    started = time.perf_counter()
    result = check_bytes("p.pdf", data, lex, OPTIONS)
    assert time.perf_counter() - started < 2.0
    assert not [f for f in result.findings if f.channel is Channel.HIDDEN_TEXT]


def test_xlsx_and_zip_are_read_without_a_name_that_says_so():
    out = Extraction()
    archive = planted._zip({"a/b": planted.xlsx_bytes([["表内秘藏"]]), "c": "普通文字"})
    add_attachment(out, "包", archive, 1, Budget())
    assert any("表内秘藏" in s.text for s in out.streams)
    assert not out.findings


def test_rtf_and_mht_attachments():
    rtf = b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 \\'c4\\'da\\'b2\\'bf\\u36164?\\u26009?\\par}"
    out = Extraction()
    add_attachment(out, "x.rtf", rtf, 1, Budget())
    assert any("内部资料" in s.text for s in out.streams), [s.text for s in out.streams]
    mht = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        'Content-Type: text/html; charset="utf-8"\r\n\r\n<p>块内秘藏</p>\r\n--b--\r\n'
    ).encode()
    out = Extraction()
    add_attachment(out, "x.mht", mht, 1, Budget())
    assert any("块内秘藏" in s.text for s in out.streams)
    bytes_io = io.BytesIO()
    with zipfile.ZipFile(bytes_io, "w") as zf:
        zf.writestr("x.bin", b"\x00\x01")
    out = Extraction()
    add_attachment(out, "坏.zip", bytes_io.getvalue(), 1, Budget())
    assert [f.rule_id for f in out.findings] == ["HID-EMBED-UNREADABLE"]
