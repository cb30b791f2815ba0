"""Redaction round trips, judged by an independent tool (poppler's pdftotext and pdfinfo)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from app.redaction import KEEP, MASK, REMOVE, RedactionPlan, plan_from_json, publish_form
from review.engine import CheckOptions, check_bytes
from review.lexicon import CompiledLexicon, load_default, merge, parse_text
from review.redact import RedactionOptions, RedactionRefused, redact_pdf
from review.samples import SAMPLE_ID, SAMPLE_MOBILE, clean_notice, marked_notice
from review.verify import verify_published
from tests import planted

ROOT = Path(__file__).resolve().parents[1]


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return "".join(text.split())


def lexicon(*extra: str) -> CompiledLexicon:
    return CompiledLexicon.build(merge([load_default(), parse_text("\n".join(extra))]))


def plan_removing(texts) -> RedactionPlan:
    plan = RedactionPlan()
    plan.remove.update({t: None for t in texts})
    return plan


def test_every_hiding_place_is_gone_and_the_rest_stays(tmp_path):
    data, places = planted.pdf_with_every_hiding_place()
    lex = lexicon(*places.values())
    published = publish_form("藏匿.pdf", data, plan_removing(places.values()), lex)
    assert published.verification.ok, published.verification.describe()
    text = squash(pdftotext(published.pdf, tmp_path))
    for place, secret in places.items():
        assert secret not in text, place
        assert secret.encode() not in published.pdf
    assert "这是正文，标有" in text and "字样。" in text
    info = pdfinfo(published.pdf, tmp_path)
    assert "元数据秘藏" not in info
    with pymupdf.open(stream=published.pdf, filetype="pdf") as doc:
        assert doc.embfile_count() == 0 and not list(doc[0].annots()) and doc.get_toc() == []
        assert not doc.get_ocgs() and not doc[0].get_links()


def test_blocking_findings_only_and_the_visible_mark(tmp_path):
    doc = marked_notice()
    published = publish_form(doc.name, doc.data, None, lexicon())
    assert published.verification.ok
    text = squash(pdftotext(published.pdf, tmp_path))
    assert SAMPLE_ID not in text and "机密★10年" not in text
    assert SAMPLE_MOBILE in text  # a warning, not removed unless decided
    assert "联系人：王某某，身份证号" in text and "本通知自印发之日起施行。" in text
    # The removed place shows a black box: dark pixels where the ID number was.
    with pymupdf.open(stream=published.pdf, filetype="pdf") as out:
        pix = out[0].get_pixmap(dpi=72, clip=pymupdf.Rect(260, 241, 370, 250))
        assert max(pix.samples) < 80


def test_label_mark_and_masking(tmp_path):
    doc = marked_notice()
    lex = lexicon()
    result = check_bytes(doc.name, doc.data, lex, CheckOptions(names_near_personal_data=False))
    data = result.to_json()
    for finding in data["findings"]:
        finding["decision"] = {"PII-MOBILE": MASK, "PII-ID": MASK}.get(finding["rule_id"], REMOVE)
    published = publish_form(doc.name, doc.data, plan_from_json(data), lex, RedactionOptions(mark="label"))
    assert published.verification.ok, published.verification.describe()
    text = squash(pdftotext(published.pdf, tmp_path))
    assert "139****5678" in text and SAMPLE_MOBILE not in text
    assert SAMPLE_ID[:2] + "*" * 13 + SAMPLE_ID[-3:] in text and SAMPLE_ID not in text
    assert "[已删除]" in text and "机密" not in text


def test_a_mask_is_set_in_the_size_and_on_the_baseline_of_the_text_around_it():
    from app.redaction import plan_all_blocking
    from review.redact import areas_for_texts
    from review.rules import mask

    doc = marked_notice()
    masked = mask(SAMPLE_ID, "PII-ID")
    lex = lexicon()
    plan = plan_all_blocking(
        check_bytes(doc.name, doc.data, lex, CheckOptions(names_near_personal_data=False))
    )
    plan.remove[SAMPLE_ID] = masked
    published = publish_form(doc.name, doc.data, plan, lex)
    assert published.verification.ok, published.verification.describe()
    (area,) = areas_for_texts(doc.data, {SAMPLE_ID: masked})
    with pymupdf.open(stream=published.pdf, filetype="pdf") as out:
        spans = [
            s for b in out[0].get_text("dict")["blocks"] for line in b.get("lines", []) for s in line["spans"]
        ]
    shown = next(s for s in spans if masked in s["text"])
    around = next(s for s in spans if "身份证号" in s["text"])
    assert abs(shown["size"] - around["size"]) <= 0.1 * around["size"]
    assert abs(shown["origin"][1] - around["origin"][1]) <= 1
    box = pymupdf.Rect(shown["bbox"])
    assert area.rect.x0 - 0.5 <= box.x0 and box.x1 <= area.rect.x1 + 0.5


def test_docx_published_as_pdf_without_its_hidden_parts(tmp_path):
    data, places = planted.docx_with_every_hiding_place()
    lex = lexicon(*places.values())
    published = publish_form("纪要.docx", data, plan_removing([places["body"], places["inserted"]]), lex)
    assert published.verification.ok, published.verification.describe()
    text = squash(pdftotext(published.pdf, tmp_path))
    hidden = (
        "comment",
        "deleted",
        "vanish",
        "field",
        "alt",
        "core",
        "custom",
        "customxml",
        "docvar",
        "embedded",
    )
    for secret in [places["body"], places["inserted"], *(places[key] for key in hidden)]:
        assert secret not in text
    assert "第一段正文。" in text and "第二段标有。" in text
    if published.layout.text_only:  # no LibreOffice: the body's text alone
        assert places["header"] not in text and places["footer"] not in text
    else:  # issue 18: the layout is kept, headers and footers with it
        assert places["header"] in text and places["footer"] in text


def test_rasterized_output_carries_no_text_at_all(tmp_path):
    doc = marked_notice()
    published = publish_form(doc.name, doc.data, None, lexicon(), RedactionOptions(rasterize=True, dpi=100))
    assert published.verification.ok
    assert squash(pdftotext(published.pdf, tmp_path)) == ""


def test_kept_decision_stays_and_verification_allows_it(tmp_path):
    doc = marked_notice()
    plan = RedactionPlan()
    plan.remove[SAMPLE_ID] = None
    plan.add(check_bytes(doc.name, doc.data, lexicon()).findings[0], KEEP)  # the marking, kept on purpose
    published = publish_form(doc.name, doc.data, plan, lexicon())
    assert published.verification.ok
    assert "机密★10年" in squash(pdftotext(published.pdf, tmp_path))


def test_verification_catches_what_was_not_removed():
    doc = marked_notice()
    verification = verify_published(doc.data, [SAMPLE_ID], lexicon())
    assert not verification.ok
    assert any(text == SAMPLE_ID for text, _ in verification.leaks)
    assert any(f.rule_id == "MARK-LEVEL" for f in verification.blocking)


def test_verification_catches_text_lost_outside_the_areas():
    doc = clean_notice()
    verification = verify_published(doc.data, [], lexicon(), kept_text="这句话在原文中并不存在")
    assert verification.missing


def test_encrypted_and_repaired_files_are_refused():
    data = pymupdf.open("pdf", clean_notice().data).tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y"
    )
    with pytest.raises(RedactionRefused, match="加密"):
        redact_pdf(data, [])
    damaged = clean_notice().data.replace(b"xref", b"xrex")
    with pytest.raises(RedactionRefused, match="损坏"):
        redact_pdf(damaged, [])


def run(tmp_path: Path, *args: str):
    return subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "data"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_cli_redact_with_decisions_and_verify(tmp_path):
    doc = marked_notice()
    source = tmp_path / doc.name
    source.write_bytes(doc.data)
    checked = json.loads(run(tmp_path, "check", str(source), "--format", "json").stdout)
    for finding in checked["files"][0]["findings"]:
        finding["decision"] = MASK if finding["rule_id"] == "PII-MOBILE" else REMOVE
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps(checked, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "published.pdf"
    r = run(tmp_path, "redact", str(source), "-o", str(out), "--decisions", str(decisions))
    assert r.returncode == 0, r.stderr
    assert SAMPLE_MOBILE not in pdftotext(out.read_bytes(), tmp_path)
    assert run(tmp_path, "verify", str(out), "--against", str(decisions)).returncode == 0
    r = run(tmp_path, "verify", str(source), "--against", str(decisions))
    assert r.returncode == 1 and SAMPLE_ID in r.stdout


def test_image_metadata_does_not_survive():
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 50, 50), False)
    pix.clear_with(100)
    xref = page.insert_image(pymupdf.Rect(50, 50, 150, 150), pixmap=pix)
    page.insert_text((72, 200), "正文", fontname="china-s")
    meta = doc.get_new_xref()
    doc.update_object(meta, "<<>>")
    doc.update_stream(meta, b"<x:xmpmeta>camera owner zhangsan</x:xmpmeta>", new=True)
    doc.xref_set_key(xref, "Metadata", f"{meta} 0 R")
    data = doc.tobytes()
    assert b"zhangsan" in data
    published = redact_pdf(data, []).pdf
    assert b"zhangsan" not in published
    with pymupdf.open(stream=published, filetype="pdf") as out:
        assert len(out[0].get_images()) == 1  # the picture itself stays
