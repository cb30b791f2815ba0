from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select, text

from app import audit, documents
from app.db.models import AuditEvent, Blob, Document, DocumentFile, User
from app.errors import DocumentRejected, PermissionDenied
from review import samples

ROOT = Path(__file__).resolve().parents[1]


def _counts(workspace) -> tuple[int, int, int, int]:
    with workspace.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t)) for t in (Document, DocumentFile, Blob, AuditEvent)
        )


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt"])
def test_import_keeps_the_original_bytes_and_facts(workspace, people, sample_files, kind):
    path = sample_files[kind]
    original = path.read_bytes()
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.read() as s:
        doc = s.get_one(Document, doc_id)
        f = doc.current_original()
        assert (f.original_name, f.size, f.revision) == (path.name, len(original), 1)
        assert doc.title == path.stem and doc.status == "draft"
        assert documents.original_file(s, doc_id).data == original
    assert path.read_bytes() == original  # the source file is untouched


def test_import_of_a_png_scan(workspace, people, tmp_path):
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 40), False)
    pix.clear_with(200)
    path = tmp_path / "扫描件.png"
    path.write_bytes(pix.tobytes("png"))
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.read() as s:
        f = s.get_one(Document, doc_id).current_original()
        assert (f.format, f.media_type, f.page_count) == ("image", "image/png", 1)


def test_same_content_is_stored_once(workspace, people, sample_files, tmp_path):
    copy = tmp_path / "副本.pdf"
    copy.write_bytes(sample_files["pdf"].read_bytes())
    documents.import_file(workspace.db, people.clerk, sample_files["pdf"])
    documents.import_file(workspace.db, people.clerk, copy)
    _, files, blobs, _ = _counts(workspace)
    assert (files, blobs) == (2, 1)


def _encrypted_pdf() -> bytes:
    doc = pymupdf.open("pdf", samples.clean_notice().data)
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/filler.bin", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(60):
                member.write(chunk)
    return buf.getvalue()


BAD_FILES = {
    "空文件.pdf": (lambda: b"", "空文件"),
    "加密.pdf": (_encrypted_pdf, "加密的 PDF"),
    "损坏.pdf": (lambda: b"%PDF-1.7\n" + os.urandom(2000), "PDF"),
    "其实是Word.pdf": (lambda: samples.minutes_docx().data, "内容是Word (DOCX) 文档"),
    "其实是PDF.docx": (lambda: samples.clean_notice().data, "内容是PDF 文档"),
    "表格.xlsx": (lambda: b"PK\x03\x04", "不受支持"),
    "二进制.txt": (lambda: bytes(range(256)) * 4, "不是可识别编码"),
    "加密或旧版.docx": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "加密的 Office 文档"),
    "压缩炸弹.docx": (_zip_bomb, "压缩炸弹"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_files_are_refused_by_name_and_reason_and_nothing_is_stored(workspace, people, tmp_path, name):
    make, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(make())
    before = _counts(workspace)
    with pytest.raises(DocumentRejected) as caught:
        documents.import_file(workspace.db, people.clerk, path)
    assert name in caught.value.message and reason in caught.value.message
    assert _counts(workspace) == before


def test_huge_file_is_refused_without_reading_it(workspace, people, tmp_path):
    path = tmp_path / "超大.pdf"
    with path.open("wb") as f:
        f.truncate(201 * 1024 * 1024)  # sparse: no disk used, and a read would take long
    with pytest.raises(DocumentRejected, match="超过 200 MB"):
        documents.import_file(workspace.db, people.clerk, path)


def test_missing_file_and_folder(workspace, people, tmp_path):
    with pytest.raises(DocumentRejected, match="找不到"):
        documents.import_file(workspace.db, people.clerk, tmp_path / "没有.pdf")
    with pytest.raises(DocumentRejected, match="文件夹"):
        documents.import_file(workspace.db, people.clerk, tmp_path)


def test_only_clerks_import(workspace, people, sample_files):
    before = _counts(workspace)
    with pytest.raises(PermissionDenied, match="经办人"):
        documents.import_file(workspace.db, people.reviewer, sample_files["pdf"])
    assert _counts(workspace) == before


IMPORT_LOOP = """
import sys
from pathlib import Path
from app import documents
from app.workspace import Workspace
ws = Workspace.open(sys.argv[1], sys.argv[4] or None)
print("ready", flush=True)
while True:
    documents.import_file(ws.db, int(sys.argv[2]), Path(sys.argv[3]))
    print("imported", flush=True)
"""


def test_a_killed_import_leaves_no_partial_document(workspace, people, tmp_path):
    """SIGKILL a process that imports in a loop, at several moments; the database stays whole."""
    path = tmp_path / "循环导入.pdf"
    path.write_bytes(samples.hidden_text_report().data)
    db_url = "" if workspace.db.is_sqlite else workspace.db.url.render_as_string(hide_password=False)
    # Each kill lands a different way into the import after a finished one: an import takes a
    # second or so, longer on a busy machine, so waiting for one first keeps the kills inside.
    for delay in (0.05, 0.3, 0.6):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                IMPORT_LOOP,
                str(workspace.paths.data_dir),
                str(people.clerk),
                str(path),
                db_url,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        assert proc.stdout.readline().strip() == "imported", proc.stderr.read() if proc.stderr else ""
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with workspace.db.read() as s:
        if workspace.db.is_sqlite:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        docs = s.scalars(select(Document)).all()
        assert docs, "the loop imported nothing; the test would prove nothing"
        for doc in docs:
            assert len(doc.files) == 1
            assert documents.original_file(s, doc.id).data == path.read_bytes()
        imports = s.scalar(select(func.count()).where(AuditEvent.action == "document.import"))
        assert imports == len(docs)
        assert audit.verify(s)[1] == []
        assert s.get_one(User, people.clerk).login == "clerk"


def test_encrypted_pdf_is_taken_in_decrypted_with_its_password(workspace, people, tmp_path):
    path = tmp_path / "加密.pdf"
    path.write_bytes(_encrypted_pdf())
    with pytest.raises(DocumentRejected, match="密码不正确"):
        documents.import_file(workspace.db, people.clerk, path, password="wrong")
    doc_id = documents.import_file(workspace.db, people.clerk, path, password="secret")
    with workspace.db.read() as s:
        stored = documents.original_file(s, doc_id)
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.import")).one()
        import json

        encrypted_sha = json.loads(event.detail)["encrypted_original_sha256"]
        assert documents.load_blob(s, encrypted_sha) == path.read_bytes()  # the file as received is kept
    with pymupdf.open(stream=stored.data, filetype="pdf") as doc:
        assert not doc.needs_pass and "供暖" in doc[0].get_text()
