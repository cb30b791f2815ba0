"""Issue 18: DOC, WPS and ODT drafts taken in, checked as the DOCX LibreOffice makes of them,
redacted in that source and published; and the worst file of each kind refused or reported.

The .doc and .odt are written by the tests' LibreOffice. LibreOffice writes no WPS file (its
"MS Word 97" output renamed is a DOC): the WPS layout — Kingsoft's Word binary with its
WpsCustomData stream — is built from the DOC's own streams (tests/word_drafts.compound_file), and
so are the DOC with macros and the damaged compound files."""

from __future__ import annotations

import io
import struct
import subprocess
import time
import zipfile
from pathlib import Path

import pymupdf
import pytest

from app.redaction import RedactionPlan, publish_form
from app.vocabulary import REMOVE
from review.convert import ConversionFailed, shared, unavailable_reason
from review.engine import check_bytes
from review.errors import DocumentRejected, EncryptedDocument
from review.extract.inner import CompoundFile
from review.formats import SUPPORTED_SUFFIXES, InputLimitExceeded, Kind, compound_streams, probe
from review.lexicon import CompiledLexicon, load_default
from tests.conftest import submit_draft
from tests.word_drafts import COMMENT, HIDDEN, ID_VALID, SECRETS, compound_file, intake_draft

needs_office = pytest.mark.skipif(
    bool(unavailable_reason()), reason=f"LibreOffice cannot be used here: {unavailable_reason()}"
)


@pytest.fixture(scope="module")
def lexicon() -> CompiledLexicon:
    return CompiledLexicon.build(load_default())


@pytest.fixture(scope="module")
def drafts() -> dict[str, bytes]:
    """The same draft as .doc, .odt and .wps, converted once for the module."""
    converter = shared()
    assert converter is not None
    source = intake_draft()
    doc = converter.convert("草稿.docx", source, "MS Word 97", ".doc")
    odt = converter.convert("草稿.docx", source, "writer8", ".odt")
    streams = compound_streams("草稿.doc", doc)
    macros = {
        "PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\nDocument=ThisDocument/&H00000000\r\n'
        b"Module=AutoOpen\r\n",
        "VBA": {
            "_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00",
            "dir": b"\x01" * 64,
            "AutoOpen": b"\x00" * 64,
        },
    }
    return {
        ".doc": doc,
        ".odt": odt,
        ".wps": compound_file({**streams, "WpsCustomData": b"\x01\x00" * 40}),
        "macros": compound_file({**streams, "Macros": macros}),
    }


def _rejected(name: str, data: bytes) -> str:
    with pytest.raises(DocumentRejected) as caught:
        probe(name, data)
    return str(caught.value)


@needs_office
def test_doc_wps_and_odt_are_known_by_their_content_and_their_names_must_agree(drafts):
    assert {".doc", ".wps", ".odt"} <= set(SUPPORTED_SUFFIXES)
    for suffix, kind in ((".doc", Kind.DOC), (".wps", Kind.WPS), (".odt", Kind.ODT)):
        assert probe(f"草稿{suffix}", drafts[suffix]).kind is kind
    # WPS Office saves .doc files with its stream too: a Word binary all the same.
    assert probe("草稿.doc", drafts[".wps"]).kind is Kind.DOC
    assert "扩展名表示WPS 文字文档，但内容是Word 97-2003 (DOC) 文档" in _rejected("草稿.wps", drafts[".doc"])
    assert "内容是OpenDocument 文本 (ODT)" in _rejected("草稿.doc", drafts[".odt"])
    assert "内容是Word 97-2003 (DOC) 文档" in _rejected("草稿.docx", drafts[".doc"])
    # Other compound files are named by their streams, whatever their name says.
    assert "是Excel 97-2003 工作簿，不是 Word 或 WPS 文字文档" in _rejected(
        "报表.doc", compound_file({"Workbook": b"\x09\x08" * 100})
    )
    assert "是Outlook 邮件 (MSG)" in _rejected(
        "邮件.doc", compound_file({"__properties_version1.0": b"\0" * 32})
    )
    # Microsoft Works' word processor keeps its text in CONTENTS.
    works = compound_file({"CONTENTS": b"CHNKWKS " + b"\0" * 600, "SPELLING": b"\0" * 8})
    assert probe("旧文档.wps", works).kind is Kind.WPS


@needs_office
@pytest.mark.parametrize("suffix", [".doc", ".wps", ".odt"])
def test_a_draft_is_checked_redacted_published_and_verified_as_its_docx(drafts, lexicon, tmp_path, suffix):
    name = f"低保公示{suffix}"
    result = check_bytes(name, drafts[suffix], lexicon)
    found = {f.rule_id: f for f in result.findings}
    assert found["PII-ID"].text == ID_VALID and found["PII-ID"].severity.value == "blocking"
    assert {"HID-COMMENTS", "HID-VANISH"} <= set(found)  # hidden content, as in a DOCX
    plan = RedactionPlan()
    plan.add(found["PII-ID"], REMOVE)
    plan.remove[SECRETS["name"]] = None
    published = publish_form(name, drafts[suffix], plan, lexicon)
    assert published.verification.ok, published.verification.describe()
    assert published.layout.engine == "libreoffice"
    path = tmp_path / "published.pdf"
    path.write_bytes(published.pdf)
    text = "".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for gone in (ID_VALID, SECRETS["name"], COMMENT, HIDDEN):
        assert gone not in text
        assert gone.encode("utf-16-be") not in published.pdf and gone.encode() not in published.pdf
    cleaned = zipfile.ZipFile(io.BytesIO(published.cleaned_docx))
    assert not any(ID_VALID in cleaned.read(n).decode("utf-8", "replace") for n in cleaned.namelist())
    with pymupdf.open(stream=published.pdf, filetype="pdf") as doc:
        page = doc[0]
        heads = [page.search_for(word)[0] for word in ("姓名", "身份证号", "所在村")]
        row = [page.search_for(word)[0] for word in ("城关村",)]
    # The table is still a table: its cells side by side on one line, the rows in their columns.
    assert heads[0].x1 < heads[1].x0 and heads[1].x1 < heads[2].x0
    assert max(r.y0 for r in heads) - min(r.y0 for r in heads) < 2
    assert row[0].y0 > heads[2].y1 and abs(row[0].x0 - heads[2].x0) < 5


def test_without_libreoffice_a_doc_is_a_blocking_finding_never_a_pass(lexicon, monkeypatch):
    import app.redaction
    import review.convert

    for module in (app.redaction, review.convert):
        monkeypatch.setattr(module, "shared", lambda: None)
        monkeypatch.setattr(module, "unavailable_reason", lambda: "未找到 soffice（LibreOffice）")
    # A Word binary with a body no one can read without LibreOffice.
    doc = compound_file(
        {"WordDocument": struct.pack("<HH", 0xA5EC, 0xC1) + b"\0" * 600, "1Table": b"\0" * 64}
    )
    result = check_bytes("草稿.doc", doc, lexicon)
    blocking = [f for f in result.findings if f.severity.value == "blocking"]
    assert [f.rule_id for f in blocking] == ["HID-UNREADABLE"]
    assert blocking[0].message == "需要 LibreOffice 才能检查 DOC/WPS 文件"
    with pytest.raises(ConversionFailed, match="需要 LibreOffice"):
        publish_form("草稿.doc", doc, RedactionPlan(), lexicon)


@needs_office
def test_macros_are_named_as_hidden_content_and_never_run(drafts, lexicon):
    result = check_bytes("宏.doc", drafts["macros"], lexicon)
    macro = next(f for f in result.findings if f.rule_id == "HID-JS")
    assert macro.category == "隐藏内容" and "ThisDocument、AutoOpen" in macro.location.describe()
    profile = (shared().home / "profile" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert 'oor:name="DisableMacrosExecution" oor:op="fuse"><value>true<' in profile
    published = publish_form("宏.doc", drafts["macros"], RedactionPlan(), lexicon)
    names = zipfile.ZipFile(io.BytesIO(published.cleaned_docx)).namelist()
    assert not any("vba" in n.lower() for n in names)


def _fat_entry_offset(data: bytes, sector: int) -> int:
    fat_sector = struct.unpack_from("<I", data, 76 + 4 * (sector // 128))[0]
    return (fat_sector + 1) * 512 + 4 * (sector % 128)


@needs_office
def test_encrypted_and_damaged_compound_files_are_refused_in_chinese_at_once(drafts):
    streams = compound_streams("草稿.doc", drafts[".doc"])
    word = bytearray(streams["WordDocument"])
    word[11] |= 0x01  # FibBase.fEncrypted
    # Refused outright: the desk asks for a password only for a PDF, which it can decrypt.
    with pytest.raises(DocumentRejected, match="加密的 Word/WPS 文档") as caught:
        probe("加密.doc", compound_file({**streams, "WordDocument": bytes(word)}))
    assert not isinstance(caught.value, EncryptedDocument)
    office = compound_file({"EncryptionInfo": b"\x04\x00" * 100, "EncryptedPackage": b"\0" * 5000})
    with pytest.raises(DocumentRejected, match="加密的 Office 文档"):
        probe("加密.doc", office)

    doc = drafts[".doc"]
    compound = CompoundFile(doc)
    start = next(s for n, _, s, size in compound.entries if n == "WordDocument")
    looped = bytearray(doc)
    struct.pack_into("<I", looped, _fat_entry_offset(doc, start), start)  # the chain points at itself
    absurd_fat = bytearray(doc)
    struct.pack_into("<I", absurd_fat, 44, 0x7FFFFFFF)  # FAT sectors
    absurd_difat = bytearray(doc)
    struct.pack_into("<II", absurd_difat, 68, 1, 0xFFFFFFF0)  # DIFAT sectors
    started = time.monotonic()
    for damaged, reason in (
        (looped, "扇区链有环"),
        (absurd_fat, "FAT 扇区数 2147483647 超过文件"),
        (absurd_difat, "DIFAT 扇区数 4294967280 超过文件"),
        (doc[:300], "文件头不完整"),
    ):
        message = _rejected("损坏.doc", bytes(damaged))
        assert "是损坏的 Office 复合文件" in message and reason in message, message
    assert time.monotonic() - started < 2


def test_an_odt_zip_bomb_is_refused_before_anything_is_converted(monkeypatch):
    import review.convert

    monkeypatch.setattr(review.convert, "shared", lambda: pytest.fail("converted"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        zf.writestr("content.xml", b"<office:document-content>" + b" " * (40 * 1024 * 1024))
    with pytest.raises(InputLimitExceeded, match="疑似压缩炸弹"):
        check_bytes("炸弹.odt", out.getvalue(), CompiledLexicon.build(load_default()))


@needs_office
def test_a_doc_is_imported_checked_and_approved_in_the_desk(workspace, people, drafts, tmp_path: Path):
    import datetime as dt

    from app import documents
    from app.checking import check_document
    from app.db.models import CheckRun, Document, User
    from app.reviewing import Conclusion, approve, decide, file_bytes
    from app.vocabulary import MASK
    from publish.taxonomy import LegalBasis
    from review.rules import mask

    path = tmp_path / "低保公示.doc"
    path.write_bytes(drafts[".doc"])
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as session:
        clerk = session.get_one(User, people.clerk)
        documents.update_metadata(
            session,
            clerk,
            doc_id,
            None,
            title="低保对象公示",
            doc_type="通知",
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2026, 11, 10),
        )
    run_id = check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    with workspace.db.write() as session:
        original = session.get_one(Document, doc_id).current_original()
        assert (original.format, original.media_type) == ("doc", "application/msword")
        rows = {f.rule_id: f for f in session.get_one(CheckRun, run_id).findings}
        assert rows["PII-ID"].text == ID_VALID and "HID-COMMENTS" in rows
        clerk = session.get_one(User, people.clerk)
        submit_draft(session, clerk, doc_id)
        reviewer = session.get_one(User, people.reviewer)
        decide(session, reviewer, rows["PII-ID"].id, MASK, basis=LegalBasis.THIRD_PARTY_RIGHTS)
    approve(
        workspace.db,
        people.reviewer,
        doc_id,
        None,
        Conclusion.DISCLOSE_REDACTED,
        "同意删减后公开",
        workspace.paths.cache_dir,
    )
    with workspace.db.read() as session:
        published = file_bytes(session, doc_id, "published")
        record = file_bytes(session, doc_id, "record")
    with pymupdf.open(stream=published, filetype="pdf") as doc:
        text = "".join(doc[0].get_text().split())
    with pymupdf.open(stream=record, filetype="pdf") as doc:
        record_text = "".join("".join(page.get_text().split()) for page in doc)
    assert ID_VALID not in text and mask(ID_VALID, "PII-ID") in text and COMMENT not in text
    assert "版式保留原版式" in record_text and "在源文件中删除后转换" in record_text
    assert ID_VALID not in record_text


@needs_office
def test_the_page_view_is_the_published_layout_and_areas_drawn_on_it_redact_there(drafts, lexicon):
    from app.redaction import desk_word_form
    from app.releases import texts_in_areas
    from review.as_pdf import as_pdf
    from review.model import Rect
    from review.redact import Area, RedactionOptions, redact_pdf

    view = as_pdf("低保公示.doc", drafts[".doc"], Kind.DOC)
    with pymupdf.open(stream=view, filetype="pdf") as doc:
        page = doc[0]
        text = page.get_text()
        heads = [page.search_for(word)[0] for word in ("姓名", "身份证号", "所在村")]
        number = page.search_for(ID_VALID)[0]
    # LibreOffice's pages, as published: the table's cells side by side; no comment, no hidden text.
    assert heads[0].x1 < heads[1].x0 and heads[1].x1 < heads[2].x0
    assert COMMENT not in text and HIDDEN not in text and ID_VALID in text
    area = Area(0, Rect(number.x0 - 1, number.y0 - 1, number.x1 + 1, number.y1 + 1))
    assert texts_in_areas(view, [area]) == [ID_VALID]
    assert ID_VALID not in redact_pdf(view, [area], RedactionOptions()).kept_text
    _, layout = desk_word_form(
        "低保公示.doc", drafts[".doc"], RedactionPlan(), lexicon, RedactionOptions(), manual_areas=True
    )
    assert layout is not None and layout.engine == "libreoffice"
    assert layout.record_line().decision == "按页面上的区域删减"


def test_without_libreoffice_the_page_view_is_the_text_layout(monkeypatch):
    import review.convert
    from review.as_pdf import as_pdf

    monkeypatch.setattr(review.convert, "shared", lambda: None)
    monkeypatch.setattr(review.convert, "unavailable_reason", lambda: "未找到 soffice（LibreOffice）")
    with pymupdf.open(stream=as_pdf("草稿.docx", intake_draft(), Kind.DOCX), filetype="pdf") as doc:
        lines = doc[0].get_text().split("\n")
    assert "姓名" in lines and ID_VALID in lines  # one cell a line: the text layout
    with pytest.raises(ConversionFailed, match="需要 LibreOffice"):
        as_pdf("草稿.doc", compound_file({"WordDocument": b"\xec\xa5" + b"\0" * 600}), Kind.DOC)


@needs_office
def test_the_publish_dialog_says_how_a_word_draft_is_laid_out(
    qtbot, desk_app, workspace, people, drafts, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QLabel

    import review.convert
    from app import documents
    from app.db.models import Document
    from app.ui.publish_dialog import PublishDialog

    path = tmp_path / "低保公示.doc"
    path.write_bytes(drafts[".doc"])
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.read() as session:
        version = session.get_one(Document, doc_id).version
        assert documents.word_drafts_in_review(session)  # the desk starts LibreOffice ahead

    def layout_line(dialog: PublishDialog) -> str:
        labels = [w.text() for w in dialog.findChildren(QLabel)]
        return next(t for t in labels if "版式" in t or "排版" in t)

    dialog = PublishDialog(workspace.db, people.publisher, doc_id, version)
    qtbot.addWidget(dialog)
    assert layout_line(dialog) == "按原版式发布（LibreOffice 转换）"
    dialog.grab().save(str(tmp_path / "publish_dialog.png"))
    monkeypatch.setattr(review.convert, "unavailable_reason", lambda: "未找到 soffice（LibreOffice）")
    without = PublishDialog(workspace.db, people.publisher, doc_id, version)
    qtbot.addWidget(without)
    assert layout_line(without) == "未安装 LibreOffice：按文字重新排版发布"


@needs_office
def test_redact_on_the_command_line_says_which_layout_it_used(drafts, tmp_path, capsys):
    from app.cli import run

    source, out = tmp_path / "低保公示.doc", tmp_path / "发布版.pdf"
    source.write_bytes(drafts[".doc"])
    assert (
        run(["--data-dir", str(tmp_path / "data"), "redact", str(source), "-o", str(out), "--all-blocking"])
        == 0
    )
    printed = capsys.readouterr().out
    assert "复核通过" in printed and "发布版保留原版式（LibreOffice 转换）" in printed
    with pymupdf.open(out) as published:
        assert ID_VALID not in "".join(published[0].get_text().split())
