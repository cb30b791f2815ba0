"""Recognises what a file really is, by its content, and rejects what cannot be taken in."""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from review.errors import QT_TRANSLATE_NOOP, DocumentRejected, EncryptedDocument
from review.mupdf import LOCK

MAX_FILE_BYTES = 200 * 1024 * 1024
# A DOCX or OFD expanding beyond this, or far beyond its own size, is treated as a zip bomb.
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
MAX_ZIP_RATIO = 200


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    OFD = "ofd"
    TEXT = "text"
    IMAGE = "image"


KIND_LABELS = {
    Kind.PDF: QT_TRANSLATE_NOOP("Vocabulary", "PDF 文档"),
    Kind.DOCX: QT_TRANSLATE_NOOP("Vocabulary", "Word (DOCX) 文档"),
    Kind.OFD: QT_TRANSLATE_NOOP("Vocabulary", "OFD 版式文档"),
    Kind.TEXT: QT_TRANSLATE_NOOP("Vocabulary", "纯文本"),
    Kind.IMAGE: QT_TRANSLATE_NOOP("Vocabulary", "图片"),
}

_EXTENSIONS = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".ofd": Kind.OFD,
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".png": Kind.IMAGE,
    ".jpg": Kind.IMAGE,
    ".jpeg": Kind.IMAGE,
    ".tif": Kind.IMAGE,
    ".tiff": Kind.IMAGE,
}

SUPPORTED_SUFFIXES = tuple(_EXTENSIONS)

_MEDIA_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Kind.OFD: "application/ofd",
    Kind.TEXT: "text/plain",
}
_IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff"}


@dataclass(frozen=True)
class Probe:
    """What a file turned out to be."""

    kind: Kind
    media_type: str
    page_count: int | None = None
    encoding: str | None = None


def check_size(name: str, size: int) -> None:
    """Rejects empty and oversize files (callers can ask before reading a file into memory)."""
    if size == 0:
        raise DocumentRejected(name, QT_TRANSLATE_NOOP("DeskError", "“{name}”是空文件（0 字节），无法导入。"))
    if size > MAX_FILE_BYTES:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP(
                "DeskError", "“{name}”有 {size_mb} MB，超过 {limit_mb} MB 的上限，请拆分后再导入。"
            ),
            size_mb=size // (1024 * 1024),
            limit_mb=MAX_FILE_BYTES // (1024 * 1024),
        )


def probe(name: str, data: bytes, allow_encrypted: bool = False) -> Probe:
    """Identifies `data` (named `name`) or raises DocumentRejected saying why it cannot be taken in.

    `allow_encrypted` lets an encrypted PDF through (the checker asks for its password).
    """
    check_size(name, len(data))
    suffix = PurePath(name).suffix.lower()
    expected = _EXTENSIONS.get(suffix)
    if expected is None:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP("DeskError", "“{name}”的类型（{suffix}）不受支持。可导入：{supported}。"),
            suffix=suffix or "无扩展名",
            supported=" ".join(SUPPORTED_SUFFIXES),
        )
    actual = _sniff(name, data)
    if actual is None and expected is Kind.TEXT:
        decode_text(name, data)  # raises, naming the encodings tried
    if actual is not expected:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP(
                "DeskError", "“{name}”的扩展名表示{expected}，但内容是{actual}。请检查文件后改正扩展名。"
            ),
            expected=KIND_LABELS[expected],
            actual=KIND_LABELS[actual] if actual else QT_TRANSLATE_NOOP("Vocabulary", "无法识别的数据"),
        )
    match expected:
        case Kind.PDF:
            return _probe_pdf(name, data, allow_encrypted)
        case Kind.DOCX | Kind.OFD:
            _check_zip(name, data)
            return Probe(expected, _MEDIA_TYPES[expected])
        case Kind.TEXT:
            return Probe(Kind.TEXT, _MEDIA_TYPES[Kind.TEXT], encoding=decode_text(name, data)[1])
        case Kind.IMAGE:
            return _probe_image(name, data)
    raise AssertionError(expected)


def _sniff(name: str, data: bytes) -> Kind | None:
    head = data[:1024]
    if b"%PDF-" in head:
        return Kind.PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{name}”是加密的 Office 文档或旧版 .doc 文件。请在 Word 中取消密码并另存为 DOCX 后再导入。",
            ),
        )
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return Kind.DOCX
        if "OFD.xml" in names:
            return Kind.OFD
        return None
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return Kind.IMAGE
    try:
        decode_text(name, data)
    except DocumentRejected:
        return None
    return Kind.TEXT


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Decodes a text file: BOM first, then UTF-8, then GB18030 (which covers GBK and GB2312)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    else:
        if b"\x00" not in data:
            for encoding in ("utf-8", "gb18030"):
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    continue
    raise DocumentRejected(
        name,
        QT_TRANSLATE_NOOP("DeskError", "“{name}”不是可识别编码（UTF-8、GB18030/GBK、UTF-16）的文本文件。"),
    )


def _probe_pdf(name: str, data: bytes, allow_encrypted: bool) -> Probe:
    with LOCK:
        return _probe_pdf_locked(name, data, allow_encrypted)


def _probe_pdf_locked(name: str, data: bytes, allow_encrypted: bool) -> Probe:
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:
        raise DocumentRejected(
            name, QT_TRANSLATE_NOOP("DeskError", "“{name}”无法作为 PDF 打开：{reason}"), reason=str(exc)
        ) from exc
    with doc:
        if doc.needs_pass:
            if allow_encrypted:
                return Probe(Kind.PDF, _MEDIA_TYPES[Kind.PDF])
            raise EncryptedDocument(
                name, QT_TRANSLATE_NOOP("DeskError", "“{name}”是加密的 PDF，需要打开密码才能导入。")
            )
        if doc.page_count == 0:
            raise DocumentRejected(
                name, QT_TRANSLATE_NOOP("DeskError", "“{name}”是损坏的 PDF：没有可读的页面。")
            )
        return Probe(Kind.PDF, _MEDIA_TYPES[Kind.PDF], page_count=doc.page_count)


def _probe_image(name: str, data: bytes) -> Probe:
    import pymupdf

    try:
        with LOCK, pymupdf.open(stream=data) as doc:
            pages = doc.page_count
    except Exception as exc:
        raise DocumentRejected(
            name, QT_TRANSLATE_NOOP("DeskError", "“{name}”无法作为图片打开：{reason}"), reason=str(exc)
        ) from exc
    head = data[:4]
    key = "png" if head.startswith(b"\x89PN") else "jpeg" if head.startswith(b"\xff\xd8") else "tiff"
    return Probe(Kind.IMAGE, _IMAGE_TYPES[key], page_count=pages)


def _check_zip(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # Declared sizes first: decompressing a bomb to test it is exactly what it wants.
            unpacked = sum(i.file_size for i in zf.infolist())
            if unpacked > MAX_UNZIPPED_BYTES or unpacked > MAX_ZIP_RATIO * len(data):
                raise DocumentRejected(
                    name,
                    QT_TRANSLATE_NOOP("DeskError", "“{name}”解压后有 {size_mb} MB，疑似压缩炸弹，已拒绝。"),
                    size_mb=unpacked // (1024 * 1024),
                )
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise DocumentRejected(
            name, QT_TRANSLATE_NOOP("DeskError", "“{name}”的压缩结构已损坏：{reason}"), reason=str(exc)
        ) from exc
    if bad is not None:
        raise DocumentRejected(
            name, QT_TRANSLATE_NOOP("DeskError", "“{name}”中的部件“{part}”已损坏。"), part=bad
        )


_PDF_ENCRYPT_NONE = 1  # PyMuPDF's PDF_ENCRYPT_NONE: write without encryption


def decrypt_pdf(name: str, data: bytes, password: str) -> bytes:
    """The same PDF without its encryption, given the right password."""
    import pymupdf

    with LOCK, pymupdf.open(stream=data, filetype="pdf") as doc:
        if doc.needs_pass and not doc.authenticate(password):
            raise EncryptedDocument(name, QT_TRANSLATE_NOOP("DeskError", "“{name}”的密码不正确。"))
        return bytes(doc.tobytes(encryption=_PDF_ENCRYPT_NONE, garbage=1))
