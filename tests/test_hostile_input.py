"""Hostile input (issue 15): zip bombs that stay under the ratio check, oversize text drafts,
malformed PDFs, file names in GBK, a keyring that would prompt. Every limit is refused with a
Chinese message and exit 2, nothing stored; a bad file in a folder never stops the others."""

from __future__ import annotations

import io
import json
import os
import pickle
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from app import documents
from app.db.models import AuditEvent, Blob, Document, DocumentFile
from app.errors import DocumentRejected
from review.samples import clean_notice, marked_notice

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


# -- building hostile files cheaply -----------------------------------------------------------------


def _deflated_repeat(head: bytes, block: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + block × times + tail, the block compressed once: a full flush resets
    the compressor's history, so every copy of the block compresses to the same bytes. A 200 MB
    member is built in a fraction of a second."""
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    once = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(block) + c.flush(zlib.Z_FULL_FLUSH) == once
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return first + once * times + last, crc, len(head) + len(block) * times + len(tail)


def _zip(
    members: list[tuple[str, bytes] | tuple[str, bytes, int, int]], declared: dict[str, int] | None = None
) -> bytes:
    """A ZIP written by hand: (name, data) is deflated here, (name, deflated, crc, size) taken as
    it is; `declared` overrides a member's uncompressed size in its headers (a lying header)."""
    out = io.BytesIO()
    central = []
    for member in members:
        if len(member) == 2:
            name, data = member
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            deflated, crc, size = c.compress(data) + c.flush(), zlib.crc32(data), len(data)
        else:
            name, deflated, crc, size = member
        size = (declared or {}).get(name, size)
        raw = name.encode()
        offset = out.tell()
        fields = (20, 0x800, 8, 0, 0x21, crc, len(deflated), size, len(raw))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + raw + deflated)
        central.append(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + raw
        )
    start = out.tell()
    out.write(b"".join(central))
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0)
    )
    return out.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _padding_block() -> bytes:
    """64 KB of XML comments, each with varied content, so deflate stays near 125:1 (under the
    200:1 ratio check), not at the 1000:1 of a run of one byte."""
    rng = zlib.crc32(b"seed")
    parts, size = [], 0
    while size < 64 * 1024:
        rng = zlib.crc32(rng.to_bytes(4, "little"))
        part = b"<!--" + b"x" * 1200 + rng.to_bytes(4, "little").hex().encode() + b"-->"
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def docx_bomb(inflated: int = 200 * MB) -> bytes:
    """A DOCX of about 1.6 MB whose document.xml inflates to `inflated` bytes."""
    head = b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body><w:p><w:r><w:t>"
    head += "正文".encode() + b"</w:t></w:r></w:p>"
    block = _padding_block()
    deflated, crc, size = _deflated_repeat(head, block, -(-inflated // len(block)), b"</w:body></w:document>")
    return _zip([("[Content_Types].xml", _CONTENT_TYPES), ("word/document.xml", deflated, crc, size)])


def small_docx(body_text: str) -> list[tuple[str, bytes]]:
    document = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body><w:p><w:r><w:t>"
        + body_text.encode()
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )  # fmt: skip
    return [("[Content_Types].xml", _CONTENT_TYPES), ("word/document.xml", document)]


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_CONTENT = b"<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Hello world) Tj ET\nendstream"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_PAGE = b"/MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>"

MALFORMED_PDFS = {
    # Pages → Pages → (page, the root again)
    "页面树循环.pdf": _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 2 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 3 0 R " + _PAGE,
            _CONTENT,
            _FONT,
        ]
    ),
    "页数巨大.pdf": _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
            b"<< /Type /Page /Parent 2 0 R " + _PAGE.replace(b"5 0 R", b"4 0 R").replace(b"6 0 R", b"5 0 R"),
            _CONTENT,
            _FONT,
        ]
    ),
    # /Count says three pages, the tree holds one
    "页数不符.pdf": _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 3 >>",
            b"<< /Type /Page /Parent 2 0 R " + _PAGE.replace(b"5 0 R", b"4 0 R").replace(b"6 0 R", b"5 0 R"),
            _CONTENT,
            _FONT,
        ]
    ),
}


def _bad_stream_pdf() -> bytes:
    """A readable page plus a content stream that is not deflate: MuPDF prints an error and goes on."""
    garbage = b"x\x9c" + b"\x00garbage-not-deflate" * 4
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R " + _PAGE.replace(b"/Contents 5 0 R", b"/Contents [5 0 R 4 0 R]"),
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(garbage) + garbage + b"\nendstream",
            _CONTENT,
            _FONT,
        ]
    )


# -- running the desk -------------------------------------------------------------------------------

# Runs main.py and writes the process's peak resident memory (KB on Linux) to the first argument.
_MEASURED = """
import runpy, sys
report = sys.argv.pop(1)
sys.argv[0] = "main.py"
try:
    runpy.run_path("main.py", run_name="__main__")
finally:
    # The peak of this process's own memory map: ru_maxrss would keep the high-water mark of the
    # test process it was forked from, across exec (a test worker that has loaded OCR models).
    with open("/proc/self/status") as status, open(report, "w") as f:
        f.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def desk(tmp_path: Path, *args: str, env: dict[str, str] | None = None, measure: Path | None = None):
    command = (
        [sys.executable, "main.py"] if measure is None else [sys.executable, "-c", _MEASURED, str(measure)]
    )
    return subprocess.run(
        [*command, "--data-dir", str(tmp_path / "data"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def _counts(workspace) -> tuple[int, ...]:
    with workspace.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t)) for t in (Document, DocumentFile, Blob, AuditEvent)
        )


# -- archives ---------------------------------------------------------------------------------------


def test_a_docx_inflating_to_200_mb_under_the_ratio_check_is_refused_in_bounded_memory(tmp_path):
    bomb = tmp_path / "炸弹.docx"
    bomb.write_bytes(docx_bomb())
    assert bomb.stat().st_size < 2 * MB
    with zipfile.ZipFile(bomb) as zf:  # honest headers, and under the 200:1 ratio
        assert 200 * MB <= zf.getinfo("word/document.xml").file_size < 200 * bomb.stat().st_size
    peak = tmp_path / "peak"
    r = desk(tmp_path, "check", str(bomb), measure=peak)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert "“炸弹.docx”" in r.stderr and "word/document.xml" in r.stderr and "上限" in r.stderr
    assert int(peak.read_text()) < 400 * 1024, f"peak RSS {int(peak.read_text()) // 1024} MB"


def test_a_docx_bomb_is_refused_on_import_and_nothing_is_stored(workspace, people, tmp_path):
    bomb = tmp_path / "炸弹.docx"
    bomb.write_bytes(docx_bomb())
    before = _counts(workspace)
    with pytest.raises(DocumentRejected, match="压缩炸弹") as caught:
        documents.import_file(workspace.db, people.clerk, bomb)
    assert "炸弹.docx" in caught.value.message
    assert _counts(workspace) == before


def test_a_member_inflating_beyond_its_header_is_not_read_past_it(tmp_path):
    from review.formats import probe

    deflated, crc, size = _deflated_repeat(
        b"<w:document " + _W + b">", _padding_block(), 600, b"</w:document>"
    )
    lying = _zip(
        [("[Content_Types].xml", _CONTENT_TYPES), ("word/document.xml", deflated, crc, size)],
        declared={"word/document.xml": 4096},
    )
    with pytest.raises(DocumentRejected, match="损坏"):
        probe("谎报.docx", lying)


def test_a_docx_body_of_too_many_elements_is_refused_before_it_is_parsed():
    """Memory follows the elements, not the bytes: 31 MB of bare paragraphs took 1.2 GB to check."""
    from review.formats import probe

    block = b"".join(b"<w:p><w:r><w:t>%02d</w:t></w:r></w:p>" % (i % 100) for i in range(1000))
    head = b"<w:document " + _W + b"><w:body>"
    deflated, crc, size = _deflated_repeat(head, block, 400, b"</w:body></w:document>")
    assert size < 16 * MB  # well under the byte cap
    dense = _zip([("[Content_Types].xml", _CONTENT_TYPES), ("word/document.xml", deflated, crc, size)])
    with pytest.raises(DocumentRejected, match="XML 元素"):
        probe("密集.docx", dense)


def test_a_zip_with_a_huge_central_directory_is_refused_before_it_is_parsed(tmp_path):
    from review.formats import probe

    many = _zip([*small_docx("正文"), *((f"m/{i}", b"") for i in range(60_000))])
    with pytest.raises(DocumentRejected, match="部件过多"):
        probe("部件太多.docx", many)


def test_an_attachment_bomb_inside_a_docx_blocks_as_unreadable_without_being_inflated(tmp_path):
    from review.engine import check_bytes
    from review.lexicon import DEFAULT_LEXICON, load_compiled

    sheet, crc, size = _deflated_repeat(b"<worksheet>", _padding_block(), 1000, b"</worksheet>")
    xlsx = _zip(
        [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", sheet, crc, size),
        ]
    )
    docx = _zip([*small_docx("正文"), ("word/embeddings/表格.xlsx", xlsx)])
    result = check_bytes("含附件.docx", docx, load_compiled([DEFAULT_LEXICON], None)[0])
    unreadable = [f for f in result.findings if f.rule_id == "HID-EMBED-UNREADABLE"]
    assert unreadable and "上限" in unreadable[0].location.describe()


# -- large text drafts ------------------------------------------------------------------------------


def test_a_text_draft_beyond_the_layout_limit_is_refused_by_check_and_import(workspace, people, tmp_path):
    from review.formats import MAX_TEXT_CHARS

    big = tmp_path / "超长.txt"
    line = b"0123456789 abcdefghij ABCDEFGHIJ 0123456789 abcdefghij ABCDEFGHIJ 0123456789\n"
    with big.open("wb") as f:
        f.write(line * (MAX_TEXT_CHARS // len(line) + 1))
    r = desk(tmp_path, "check", str(big), "--format", "json")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "“超长.txt”" in r.stderr and "万字" in r.stderr
    assert json.loads(r.stdout)["errors"][0]["file"].endswith("超长.txt")
    before = _counts(workspace)
    with pytest.raises(DocumentRejected, match="拆分"):
        documents.import_file(workspace.db, people.clerk, big)
    assert _counts(workspace) == before


def test_long_text_is_laid_out_page_by_page_in_bounded_pieces(monkeypatch):
    from review import compose

    sizes: list[int] = []
    real_story = pymupdf.Story

    def story(html: str = "", **kwargs):
        sizes.append(len(html))
        return real_story(html=html, **kwargs)

    monkeypatch.setattr(pymupdf, "Story", story)
    paragraphs = [f"第{i}条 政府信息公开工作要求依法及时准确公开。" for i in range(6000)]
    paragraphs.insert(3000, "长" * 150_000 + "尾")  # one paragraph of 150,000 characters
    pdf = compose.compose_pdf(paragraphs, title="标题")
    assert len(sizes) > 3 and max(sizes) < 200_000
    with pymupdf.open("pdf", pdf) as doc:
        text = "".join(page.get_text() for page in doc)
        for page in doc:  # nothing runs over the bottom margin
            assert all(
                block[3] <= page.rect.height - compose.A4_MARGIN + 12 for block in page.get_text("blocks")
            )
    flat = text.replace("\n", "")
    assert flat.startswith("标题第0条") and flat.count("长") == 150_000 and "长尾第3000条" in flat
    positions = [flat.find(f"第{i}条 ") for i in range(0, 6000, 499)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)


# -- malformed PDFs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(MALFORMED_PDFS))
def test_a_malformed_pdf_is_an_error_with_its_name_and_reason(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(MALFORMED_PDFS[name])
    r = desk(tmp_path, "check", str(path))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and f"“{name}”" in r.stderr and "页" in r.stderr
    assert "MuPDF" not in r.stdout


@pytest.mark.parametrize("name", list(MALFORMED_PDFS))
def test_a_malformed_pdf_is_refused_on_import_and_nothing_is_stored(workspace, people, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(MALFORMED_PDFS[name])
    before = _counts(workspace)
    with pytest.raises(DocumentRejected) as caught:
        documents.import_file(workspace.db, people.clerk, path)
    assert name in caught.value.message
    assert _counts(workspace) == before


def test_a_folder_check_goes_on_past_bad_files_and_reports_each(tmp_path):
    folder = tmp_path / "收文"
    folder.mkdir()
    for name, data in MALFORMED_PDFS.items():
        (folder / name).write_bytes(data)
    (folder / "坏流.pdf").write_bytes(_bad_stream_pdf())
    (folder / "炸弹.docx").write_bytes(docx_bomb(40 * MB))
    (folder / "正常.pdf").write_bytes(clean_notice().data)
    (folder / "有密级.pdf").write_bytes(marked_notice().data)
    r = desk(tmp_path, "check", str(folder), "--format", "json", "--jobs", "2")
    assert r.returncode == 2, r.stderr
    data = json.loads(r.stdout)  # stdout is the JSON and nothing else: MuPDF's messages go to stderr
    checked = {Path(f["source_name"]).name for f in data["files"]}
    assert checked == {"正常.pdf", "有密级.pdf", "坏流.pdf"}
    failed = {Path(e["file"]).name: e["message"] for e in data["errors"]}
    assert set(failed) == {*MALFORMED_PDFS, "炸弹.docx"}
    assert all(f"“{name}”" in message for name, message in failed.items())
    assert "Traceback" not in r.stderr and "pickle" not in r.stderr
    assert "MuPDF" in r.stderr  # the bad stream's diagnostics are kept, on stderr


def test_an_unpicklable_library_error_becomes_the_files_error(monkeypatch, tmp_path):
    from app import filecheck
    from review.engine import CheckOptions
    from review.lexicon import DEFAULT_LEXICON, load_compiled

    class SwigLike(Exception):
        def __init__(self) -> None:
            super().__init__("code=7: something broke")
            self.handle = lambda: None  # like a SwigPyObject: cannot be pickled

    def explode(*args, **kwargs):
        raise SwigLike

    monkeypatch.setattr(filecheck, "check_bytes", explode)
    path = tmp_path / "a.txt"
    path.write_text("正文", encoding="utf-8")
    outcome = filecheck._check_one(path, load_compiled([DEFAULT_LEXICON], None)[0], CheckOptions())
    assert (
        outcome.result is None
        and "“a.txt”" in (outcome.error or "")
        and "something broke" in (outcome.error or "")
    )
    pickle.dumps(outcome)


def test_a_worker_that_dies_fails_only_its_own_file(monkeypatch, tmp_path):
    from app import filecheck
    from review.engine import CheckOptions

    real = filecheck.check_bytes

    def dying(name, *args, **kwargs):
        if name == "死.txt":
            os._exit(9)  # a crash in native code, not an exception
        return real(name, *args, **kwargs)

    monkeypatch.setattr(filecheck, "check_bytes", dying)
    files = []
    for name in ("甲.txt", "死.txt", "乙.txt", "丙.txt"):
        (tmp_path / name).write_text("正文", encoding="utf-8")
        files.append(tmp_path / name)
    outcomes = filecheck.check_files(files, [], CheckOptions(), tmp_path / "cache", jobs=2)
    assert [o.path.name for o in outcomes] == ["甲.txt", "死.txt", "乙.txt", "丙.txt"]
    assert [o.result is not None for o in outcomes] == [True, False, True, True]
    assert "“死.txt”" in (outcomes[1].error or "")


# -- file names in another encoding -----------------------------------------------------------------


def test_a_gbk_file_name_is_read_and_printed(tmp_path):
    folder = tmp_path / "收文"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), "通知草稿.txt".encode("gbk"))
    with open(raw, "wb") as f:
        f.write("关于做好冬季供暖保障工作的通知\n机密★10年\n".encode())
    with open(os.path.join(os.fsencode(folder), "损坏".encode("gbk") + b".pdf"), "wb") as f:
        f.write(MALFORMED_PDFS["页面树循环.pdf"])
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # a UTF-8 terminal, as on a desktop
    r = desk(tmp_path, "check", str(folder), "--format", "json", "--jobs", "1", env=env)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert [Path(f["source_name"]).name for f in data["files"]] == ["通知草稿.txt"]
    assert [Path(e["file"]).name for e in data["errors"]] == ["损坏.pdf"]
    r = desk(tmp_path, "check", str(folder), env=env)
    assert "Traceback" not in r.stderr and "通知草稿.txt" in r.stdout and "“损坏.pdf”" in r.stderr


# -- a keyring that would prompt --------------------------------------------------------------------


def test_key_generate_headless_with_keyrings_alt_installed(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESK_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "share"),
        XDG_CONFIG_HOME=str(home / "config"),
        DESK_PASSWORD="demo-2026",
        DESK_KEY_PASSPHRASE="machine-passphrase-1",
    )
    init = ["init", "--department", "测试市数据局", "--code", "TEST01", "--admin", "admin"]
    assert desk(tmp_path, *init, env=env).returncode == 0
    r = desk(tmp_path, "--user", "admin", "key", "generate", env=env)
    assert "EOFError" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 0 and "口令加密" in r.stdout, r.stdout + r.stderr
    assert list((tmp_path / "data" / "keys").glob("*.pem"))
    r = desk(tmp_path, "--user", "admin", "key", "list", env=env)
    assert r.returncode == 0, r.stderr


def test_a_keyring_chain_that_would_write_in_plain_text_is_not_secure():
    import keyring
    from keyring.backends.chainer import ChainerBackend
    from keyring.backends.null import Keyring as NullKeyring
    from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

    from app.secrets import secure_backend

    class Chain(ChainerBackend):
        backends = [PlaintextKeyring(), NullKeyring()]

    class Locked(ChainerBackend):
        backends = [EncryptedKeyring(), PlaintextKeyring()]  # would ask for a master password

    previous = keyring.get_keyring()
    try:
        for chain in (Chain(), Locked()):
            keyring.set_keyring(chain)
            assert not secure_backend()
        unlocked = EncryptedKeyring()
        unlocked.keyring_key = "given"
        keyring.set_keyring(unlocked)
        assert secure_backend()
    finally:
        keyring.set_keyring(previous)


def test_a_file_named_in_gbk_is_imported_under_its_chinese_name(workspace, people, tmp_path):
    import os

    from app import documents
    from app.db.models import Document

    # As a Chinese Windows share names it (bytes that are not UTF-8; some GBK names happen to be).
    path = tmp_path / os.fsdecode("名单.txt".encode("gbk"))
    path.write_text("关于做好冬季供暖保障工作的通知\n各单位：请做好供暖保障工作。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.read() as s:
        assert s.get_one(Document, doc_id).current_original().original_name == "名单.txt"


def test_a_library_failure_half_way_through_a_file_is_told_as_the_files_problem(monkeypatch):
    from app import checking
    from review.errors import DocumentRejected

    def breaks(*args, **kwargs):
        raise RuntimeError("code=2: cycle in page tree")  # what MuPDF raises deep in a page

    monkeypatch.setattr(checking, "check_bytes", breaks)
    with pytest.raises(DocumentRejected) as told:
        checking._checked("坏文件.pdf", b"%PDF-1.7", None, None, None, None)  # type: ignore[arg-type]
    assert "坏文件.pdf" in told.value.message and "无法检查" in told.value.message
