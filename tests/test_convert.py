"""Issue 18: Word, WPS and ODT drafts published with their layout, redacted in their source, through
a real LibreOffice (scripts/setup.sh installs it, so CI never skips these)."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pymupdf
import pytest

from app.redaction import RedactionPlan, publish_form
from review.clean_docx import recheck
from review.convert import HEI, KAI, SONG, ConversionFailed, page_view, shared, unavailable_reason
from review.lexicon import CompiledLexicon, load_default
from review.rules import mask
from tests import word_drafts
from tests.word_drafts import ID_1, ID_2, MOBILE, SECRETS

needs_office = pytest.mark.skipif(
    bool(unavailable_reason()), reason=f"LibreOffice cannot be used here: {unavailable_reason()}"
)


@pytest.fixture(scope="module")
def lexicon() -> CompiledLexicon:
    return CompiledLexicon.build(load_default())


@pytest.fixture(scope="module")
def draft() -> bytes:
    return word_drafts.official_document()


def _plan() -> RedactionPlan:
    plan = RedactionPlan()
    for secret in SECRETS.values():
        plan.remove[secret] = None
    plan.remove[ID_1] = mask(ID_1, "PII-ID")
    plan.remove[MOBILE] = mask(MOBILE, "PII-MOBILE")
    return plan


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "published.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


def _spans(page: pymupdf.Page) -> list[dict]:
    return [
        span
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
        if span["text"].strip()
    ]


def _assert_published(published, tmp_path: Path) -> str:
    assert published.verification.ok, published.verification.describe()
    assert published.layout.engine == "libreoffice"
    text = _pdftotext(published.pdf, tmp_path)
    for removed in [*SECRETS.values(), ID_1, MOBILE]:
        assert removed not in text
    assert mask(ID_1, "PII-ID") in text and mask(MOBILE, "PII-MOBILE") in text
    assert ID_2 in text and "李四" in text and "某某县人民政府文件" in text
    leaks, survivors = recheck(published.cleaned_docx, published.plan.removed_texts)
    assert leaks == [] and survivors == []
    with pymupdf.open(stream=published.pdf, filetype="pdf") as doc:
        assert doc.page_count == 2
        first, second = doc[0], doc[1]
        # The table is a table: the cells of a row side by side, on one line.
        heads = [second.search_for(word)[0] for word in ("姓名", "身份证号", "保障金额")]
        assert heads[0].x1 < heads[1].x0 and heads[1].x1 < heads[2].x0
        assert max(r.y0 for r in heads) - min(r.y0 for r in heads) < 2
        row = [second.search_for(word)[0] for word in ("李四", ID_2, "260")]
        assert (
            row[0].x1 < row[1].x0
            and row[1].x1 < row[2].x0
            and max(r.y0 for r in row) - min(r.y0 for r in row) < 2
        )
        assert all(h.x0 - 5 < r.x0 < h.x0 + 5 for h, r in zip(heads, row, strict=True))  # columns line up
        # Header at the top, footer at the bottom of each page, the page number a live field.
        for page, number in ((first, "第1页"), (second, "第2页")):
            assert page.search_for("某某县人民政府办公室")[0].y1 < 72
            assert page.search_for("县政府办公室印发")[0].y0 > page.rect.height - 72
            assert number in "".join(page.get_text().split())
        # The 红头 is red, and the masks are set in the font and size of the text around them.
        spans = _spans(first)
        red = next(s for s in spans if "某某县人民政府文件" in s["text"])
        assert red["color"] == 0xFF0000 and red["size"] == pytest.approx(30)
        masked = next(s for s in spans if mask(MOBILE, "PII-MOBILE") in s["text"])
        around = next(s for s in spans if "各乡镇人民政府" in s["text"])
        assert (masked["font"], masked["size"]) == (around["font"], around["size"])
    return text


@needs_office
def test_a_word_draft_is_published_with_its_layout_and_redacted_in_place(draft, lexicon, tmp_path):
    published = publish_form("低保名单.docx", draft, _plan(), lexicon)
    text = _assert_published(published, tmp_path)
    assert "文本框" not in text and "联系人王五" in text  # the text box is there, its secret is not
    substituted = dict(published.layout.substituted)
    assert substituted["方正小标宋简体"] == SONG and substituted["仿宋_GB2312"] == SONG
    assert substituted["黑体"] == HEI and substituted["楷体_GB2312"] == KAI
    assert "方正小标宋简体→AR PL UMing CN" in published.layout.describe()
    assert "字体替换" in published.layout.record_line().reason
    # The page view a reviewer draws areas on has the same layout, nothing removed yet.
    with pymupdf.open(stream=page_view("低保名单.docx", draft), filetype="pdf") as view:
        assert view.page_count == 2 and SECRETS["header"] in view[0].get_text()


@needs_office
@pytest.mark.parametrize(
    ("suffix", "filter_name"), [(".doc", "MS Word 97"), (".wps", "MS Word 97"), (".odt", "writer8")]
)
def test_doc_wps_and_odt_drafts_are_read_and_published(draft, lexicon, tmp_path, suffix, filter_name):
    # Made from the DOCX by LibreOffice itself. A WPS Office .wps file is the Word 97 binary format.
    other = shared().convert(f"低保名单{suffix}", draft, filter_name, suffix)
    assert other[:4] != draft[:4] or suffix == ".odt"
    published = publish_form(f"低保名单{suffix}", other, _plan(), lexicon)
    _assert_published(published, tmp_path)


@needs_office
def test_a_killed_or_hung_office_is_started_again(draft):
    converter = shared()
    converter.to_pdf("a.docx", draft)
    started = converter.starts
    os.killpg(converter.office_pid, signal.SIGKILL)  # the warm process dies between two conversions
    pdf = converter.to_pdf("b.docx", word_drafts.official_document(extra_pages=1))
    assert pdf.startswith(b"%PDF") and converter.starts == started + 1
    timeout, converter.timeout = converter.timeout, 3
    try:
        os.killpg(converter.office_pid, signal.SIGSTOP)  # hangs
        with pytest.raises(ConversionFailed, match="超过 3 秒未完成"):
            converter.to_pdf("c.docx", word_drafts.official_document(extra_pages=2))
    finally:
        converter.timeout = timeout
    pdf = converter.to_pdf("c.docx", word_drafts.official_document(extra_pages=2))
    assert pdf.startswith(b"%PDF") and converter.starts == started + 2


def test_without_libreoffice_the_text_layout_is_used_and_said(draft, lexicon, monkeypatch):
    import app.redaction
    import review.convert

    for module in (app.redaction, review.convert):
        monkeypatch.setattr(module, "shared", lambda: None)
        monkeypatch.setattr(module, "unavailable_reason", lambda: "未找到 soffice（LibreOffice）")
    published = publish_form("低保名单.docx", draft, _plan(), lexicon)
    assert published.verification.ok, published.verification.describe()
    assert published.layout.text_only and "未安装 LibreOffice" in published.layout.describe()
    assert "未找到 soffice" in published.layout.record_line().reason
    with pytest.raises(ConversionFailed, match="需要 LibreOffice"):
        publish_form("低保名单.doc", draft, _plan(), lexicon)


def _docx_with_body(body_xml: str, styles_extra: str = "") -> bytes:
    """A python-docx document whose body is `body_xml` (w: prefixed paragraphs)."""
    import io
    import re
    import zipfile

    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = re.sub(
                    rb"<w:body>.*<w:sectPr",
                    b"<w:body>" + body_xml.encode() + b"<w:sectPr",
                    content,
                    flags=re.S,
                )
            elif item.filename == "word/styles.xml" and styles_extra:
                content = content.replace(b"</w:styles>", styles_extra.encode() + b"</w:styles>")
            dst.writestr(item, content)
    return out.getvalue()


def _run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _field(code: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_the_source_is_redacted_inside_runs_and_stripped_of_what_does_not_show():
    import io
    import zipfile

    from review.clean_docx import clean_docx, lost_text
    from review.extract.docx import extract_docx

    font = '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>'
    secret_style = '<w:rStyle w:val="Secret"/>'
    merge = _field(" MERGEFIELD 姓名 ", "合并域秘密")
    body = (
        # A number over three runs; a name in traditional characters; a removal marked as a box.
        f"<w:p>{_run('电话138', font)}{_run('1234', font)}{_run('5678，張三；内部事项丁完', font)}</w:p>"
        # Text hidden by its character style; a merge field nested in an IF (its value must go too).
        f"<w:p>{_run('隐藏样式秘密', secret_style)}{_run('可见')}"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>'
        f"{merge}"
        '<w:r><w:instrText> = "a" "结果" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{_run("结果")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        # A page number stays a live field.
        f"<w:p>{_run('第')}{_field(' PAGE ', '1')}{_run('页')}</w:p>"
    )
    styles = (
        '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
    )
    targets = {MOBILE: mask(MOBILE, "PII-MOBILE"), "张三": None, "内部事项丁": None}
    data = _docx_with_body(body, styles)
    cleaned = clean_docx(data, targets, "标题", mark="box")
    # What was kept is checked too: nothing but the targets went (a cleaner that took more fails).
    unredacted = clean_docx(data, {}, "标题", mark="box")
    assert lost_text(cleaned, unredacted, targets, "box") == ""
    assert lost_text(clean_docx(data, {**targets, "可见": None}, mark="box"), unredacted, targets, "box")
    xml = zipfile.ZipFile(io.BytesIO(cleaned)).read("word/document.xml").decode()
    visible = "".join(s.text for s in extract_docx("c.docx", cleaned).streams)
    for gone in (MOBILE, "1234", "張三", "内部事项丁", "隐藏样式秘密", "合并域秘密", "MERGEFIELD"):
        assert gone not in visible and gone not in xml, gone
    assert "电话138****5678，" in visible and "完" in visible and "可见结果" in visible
    assert " PAGE " in xml and "第1页" in visible
    # The mask copies the run's font and size; the box is a black-shaded run as long as the text.
    assert (
        '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" /><w:sz w:val="32" /></w:rPr>'
        '<w:t xml:space="preserve">138****5678</w:t>'
    ) in xml
    assert 'w:fill="000000"' in xml and "\u3000" * 5 in xml
