"""Recognises what a file really is, by its content, and rejects what cannot be taken in."""

from __future__ import annotations

import codecs
import contextlib
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from typing import Any

from review.archive import MAX_TOTAL_BYTES, Archive, InputLimitExceeded, member_names
from review.errors import QT_TRANSLATE_NOOP, DocumentRejected, EncryptedDocument
from review.mupdf import LOCK

MAX_FILE_BYTES = 200 * 1024 * 1024
# A DOCX or OFD whose headers declare far more than its own size is a zip bomb before a byte is
# inflated; what the headers do not say, the caps of review.archive catch while inflating.
MAX_ZIP_RATIO = 200
# A text draft is published as a PDF laid out from it (review.compose), page by page; past this
# many characters (some 20,000 pages of Chinese) it is refused on the way in, not at approval.
MAX_TEXT_CHARS = 24_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_CHAR_BYTES = 4  # UTF-32: no text of more bytes than this per character can be within the limit


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    OFD = "ofd"
    TEXT = "text"
    IMAGE = "image"
    DOC = "doc"  # Word 97–2003 binary
    WPS = "wps"  # WPS 文字 (Kingsoft's Word-binary .wps, or a Microsoft Works document)
    ODT = "odt"  # OpenDocument text


# Read through a DOCX LibreOffice makes of them (review.convert.docx_of).
CONVERTED_KINDS = (Kind.DOC, Kind.WPS, Kind.ODT)

KIND_LABELS = {
    Kind.PDF: QT_TRANSLATE_NOOP("Vocabulary", "PDF 文档"),
    Kind.DOCX: QT_TRANSLATE_NOOP("Vocabulary", "Word (DOCX) 文档"),
    Kind.DOC: QT_TRANSLATE_NOOP("Vocabulary", "Word 97-2003 (DOC) 文档"),
    Kind.WPS: QT_TRANSLATE_NOOP("Vocabulary", "WPS 文字文档"),
    Kind.ODT: QT_TRANSLATE_NOOP("Vocabulary", "OpenDocument 文本 (ODT)"),
    Kind.OFD: QT_TRANSLATE_NOOP("Vocabulary", "OFD 版式文档"),
    Kind.TEXT: QT_TRANSLATE_NOOP("Vocabulary", "纯文本"),
    Kind.IMAGE: QT_TRANSLATE_NOOP("Vocabulary", "图片"),
}

_EXTENSIONS = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".doc": Kind.DOC,
    ".wps": Kind.WPS,
    ".odt": Kind.ODT,
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
    Kind.DOC: "application/msword",
    Kind.WPS: "application/vnd.ms-works",
    Kind.ODT: "application/vnd.oasis.opendocument.text",
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
    if expected is Kind.TEXT and len(data) > _MAX_CHAR_BYTES * MAX_TEXT_CHARS:
        raise InputLimitExceeded(
            name,
            QT_TRANSLATE_NOOP(
                "DeskError", "“{name}”有 {size_mb} MB，超过纯文本草稿 {limit} 万字的上限，请拆分后再导入。"
            ),
            size_mb=len(data) // (1024 * 1024),
            limit=MAX_TEXT_CHARS // 10_000,
        )
    actual = _sniff(name, data, expected)
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
        case Kind.DOCX | Kind.OFD | Kind.ODT:
            _check_zip(name, data)
            return Probe(expected, _MEDIA_TYPES[expected])
        case Kind.DOC | Kind.WPS:
            return Probe(expected, _MEDIA_TYPES[expected])
        case Kind.TEXT:
            text, encoding = decode_text(name, data)
            if len(text) > MAX_TEXT_CHARS:
                raise InputLimitExceeded(
                    name,
                    QT_TRANSLATE_NOOP(
                        "DeskError",
                        "“{name}”有 {chars} 万字，超过纯文本草稿 {limit} 万字的上限（发布时要逐页排成 PDF），请拆分后再导入。",
                    ),
                    chars=len(text) // 10_000,
                    limit=MAX_TEXT_CHARS // 10_000,
                )
            return Probe(Kind.TEXT, _MEDIA_TYPES[Kind.TEXT], encoding=encoding)
        case Kind.IMAGE:
            return _probe_image(name, data)
    raise AssertionError(expected)


def _sniff(name: str, data: bytes, expected: Kind | None = None) -> Kind | None:
    head = data[:1024]
    if b"%PDF-" in head:
        return Kind.PDF
    if head.startswith(_OLE_MAGIC):
        try:
            kinds = ole_layout(name, data).kinds
        except DamagedCompoundFile:
            if expected in (Kind.DOC, Kind.WPS):
                raise
            # Named as something else, a compound file is most likely an encrypted DOCX or a renamed .doc.
            raise DocumentRejected(
                name,
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "“{name}”是加密的 Office 文档或旧版 .doc 文件。请在 Word 中取消密码并另存为 DOCX 后再导入。",
                ),
            ) from None
        return expected if expected in kinds else kinds[0]
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(member_names(name, data))
        except InputLimitExceeded:
            raise
        except DocumentRejected:
            return None
        if "word/document.xml" in names:
            return Kind.DOCX
        if "OFD.xml" in names:
            return Kind.OFD
        if "mimetype" in names and "content.xml" in names:
            with Archive(name, data) as archive:
                if archive.read("mimetype", limit=256).strip() == _ODT_MIMETYPE:
                    return Kind.ODT
        return None
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return Kind.IMAGE
    try:
        decode_text(name, data)
    except DocumentRejected:
        return None
    return Kind.TEXT


_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


# -- OLE2 compound files: Word 97 DOC, WPS, and the ones that are neither ---------------------------

_FAT_END, _FAT_FREE = 0xFFFFFFFE, 0xFFFFFFFF
_FIB_IDENT = 0xA5EC  # a Word 97+ FIB (WordDocument stream)
_FIB_ENCRYPTED = 0x0100  # FibBase flags: fEncrypted
# Other compound files, named in the refusal by a stream only they have.
_OTHER_OLE = (
    ("Workbook", QT_TRANSLATE_NOOP("Vocabulary", "Excel 97-2003 工作簿")),
    ("Book", QT_TRANSLATE_NOOP("Vocabulary", "Excel 工作簿")),
    ("PowerPoint Document", QT_TRANSLATE_NOOP("Vocabulary", "PowerPoint 97-2003 演示文稿")),
    ("__properties_version1.0", QT_TRANSLATE_NOOP("Vocabulary", "Outlook 邮件 (MSG)")),
)


@dataclass(frozen=True)
class OleLayout:
    """What a compound file is, by the streams inside it."""

    kinds: tuple[Kind, ...]  # the kinds it may be named as, the one it is first
    macros: tuple[str, ...] = ()  # its VBA modules (Word keeps them in the Macros storage)


def ole_layout(name: str, data: bytes) -> OleLayout:
    """A Word 97 DOC, a WPS file (Kingsoft's Word binary with its WpsCustomData stream, which it
    also writes into the .doc files it saves; or Microsoft Works' CONTENTS), or a refusal naming
    what else it is: encrypted, damaged, another Office file."""
    streams = compound_streams(name, data)
    # Refused, not EncryptedDocument: the desk asks a password only of a PDF, which it can decrypt.
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP(
                "DeskError", "“{name}”是加密的 Office 文档。请在 Word 或 WPS 中取消打开密码后再导入。"
            ),
        )
    macros = _vba_modules(streams)
    word = streams.get("WordDocument", b"")
    if len(word) >= 12 and int.from_bytes(word[:2], "little") == _FIB_IDENT:
        if int.from_bytes(word[10:12], "little") & _FIB_ENCRYPTED:
            raise DocumentRejected(
                name,
                QT_TRANSLATE_NOOP(
                    "DeskError", "“{name}”是加密的 Word/WPS 文档，需要打开密码。请取消密码后再导入。"
                ),
            )
        kinds = (Kind.WPS, Kind.DOC) if "WpsCustomData" in streams else (Kind.DOC,)
        return OleLayout(kinds, macros)
    if streams.get("CONTENTS", b"")[:8] in (b"CHNKWKS ", b"CHNKINK "):
        return OleLayout((Kind.WPS,), macros)
    what = next(
        (label for stream, label in _OTHER_OLE if stream in streams),
        QT_TRANSLATE_NOOP("Vocabulary", "OLE 复合文件（旧版 Office 格式）"),
    )
    raise DocumentRejected(
        name,
        QT_TRANSLATE_NOOP(
            "DeskError", "“{name}”是{what}，不是 Word 或 WPS 文字文档，无法导入。可导入：{supported}。"
        ),
        what=what,
        supported=" ".join(SUPPORTED_SUFFIXES),
    )


def compound_streams(name: str, data: bytes) -> dict[str, bytes]:
    """The streams of a compound file by name, its structure checked first: header counts that a
    file of this size cannot hold, a chain that loops, runs off the end or shares a sector with
    another are refused before anything is read, so the work and memory stay within the file's size."""
    from review.extract.inner import CompoundFile

    try:
        _check_compound_header(data)
        compound = CompoundFile(data)
        _check_chains(compound, data)
        return dict(compound.streams())
    except _CompoundDamaged as exc:
        reason = str(exc)
    except (ValueError, IndexError, struct.error) as exc:
        reason = f"{type(exc).__name__}: {exc}"
    raise DamagedCompoundFile(
        name,
        QT_TRANSLATE_NOOP("DeskError", "“{name}”是损坏的 Office 复合文件（{reason}），无法导入。"),
        reason=reason,
    )


class DamagedCompoundFile(DocumentRejected):
    pass


class _CompoundDamaged(ValueError):
    pass


def _check_compound_header(data: bytes) -> None:
    if len(data) < 512:
        raise _CompoundDamaged("文件头不完整")
    sector_shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if sector_shift not in (9, 12) or mini_shift != 6:
        raise _CompoundDamaged(f"扇区大小不合规（2^{sector_shift}，2^{mini_shift}）")
    sectors = -(-len(data) // (1 << sector_shift)) - 1
    n_fat, first_dir, _, _, _, n_minifat, _, n_difat = struct.unpack_from("<IIIIIIII", data, 44)
    for label, count in (("FAT 扇区数", n_fat), ("MiniFAT 扇区数", n_minifat), ("DIFAT 扇区数", n_difat)):
        if count > sectors:
            raise _CompoundDamaged(f"{label} {count} 超过文件的 {sectors} 个扇区")
    if first_dir >= sectors:
        raise _CompoundDamaged(f"目录起始扇区 {first_dir} 超出文件")


def _check_chains(compound: Any, data: bytes) -> None:
    """Every chain of sectors ends, stays inside the file and owns its sectors alone."""
    sectors = -(-len(data) // compound.sector) - 1
    used: set[int] = set()
    used_mini: set[int] = set()

    def walk(start: int, fat: list[int], limit: int, seen: set[int], what: str) -> int:
        count, sector = 0, start
        while sector != _FAT_END:
            if sector >= limit or sector >= len(fat):
                raise _CompoundDamaged(f"{what}的扇区链指向文件之外（{sector}）")
            if sector in seen:
                raise _CompoundDamaged(f"{what}的扇区链有环或与其他流重叠（扇区 {sector}）")
            seen.add(sector)
            count += 1
            sector = fat[sector]
        return count

    first_dir, _, _, first_minifat, n_minifat = struct.unpack_from("<IIIII", data, 48)
    walk(first_dir, compound.fat, sectors, used, "目录")
    if n_minifat:
        walk(first_minifat, compound.fat, sectors, used, "MiniFAT")
    for index, (entry, kind, start, size) in enumerate(compound.entries):
        if kind not in (2, 5) or (kind == 2 and size == 0):
            continue
        mini = kind == 2 and size < compound.mini_cutoff
        unit = compound.mini_sector if mini else compound.sector
        if mini:
            count = walk(start, compound.minifat, len(compound.minifat), used_mini, f"流“{entry}”")
        elif index == 0 and start == _FAT_END:
            continue  # no mini stream
        else:
            count = walk(start, compound.fat, sectors, used, f"流“{entry}”")
        if count * unit < size:
            raise _CompoundDamaged(f"流“{entry}”声明 {size} 字节，扇区链只有 {count * unit} 字节")


def _vba_modules(streams: dict[str, bytes]) -> tuple[str, ...]:
    """The VBA modules a compound file carries, by name: the PROJECT stream lists them."""
    if "_VBA_PROJECT" not in streams and "PROJECT" not in streams:
        return ()
    text = streams.get("PROJECT", b"").decode("gb18030", "replace")
    modules = [
        line.split("=", 1)[1].split("/", 1)[0].strip()
        for line in text.splitlines()
        if line.split("=", 1)[0] in ("Module", "Document", "Class", "BaseClass")
    ]
    return tuple(m for m in modules if m) or ("VBA",)


class Inner(StrEnum):
    """What a file carried inside another one is, by its bytes (an attachment's name proves nothing)."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    OFD = "ofd"
    ODF = "odf"  # OpenDocument (LibreOffice keeps the source of a hybrid PDF as one)
    ZIP = "zip"
    OLE = "ole"  # compound file: embedded Office objects, old .doc/.xls
    HTML = "html"
    MHT = "mht"
    RTF = "rtf"
    TEXT = "text"  # plain text, CSV, XML
    IMAGE = "image"
    UNKNOWN = "unknown"


_IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")


def sniff_inner(data: bytes) -> Inner:
    """The kind of an embedded file, attachment or stray stream, from its content alone."""
    head = data[:1024]
    if b"%PDF-" in head:
        return Inner.PDF
    if head.startswith(_OLE_MAGIC):
        return Inner.OLE
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            names = set(member_names("", data))
        except DocumentRejected:  # damaged, or a directory past the limits: nobody reads it
            return Inner.UNKNOWN
        if "word/document.xml" in names:
            return Inner.DOCX
        if "xl/workbook.xml" in names:
            return Inner.XLSX
        if "ppt/presentation.xml" in names:
            return Inner.PPTX
        if "OFD.xml" in names:
            return Inner.OFD
        if "content.xml" in names and "mimetype" in names:
            return Inner.ODF
        return Inner.ZIP
    if head.startswith(_IMAGE_MAGICS):
        return Inner.IMAGE
    if head.lstrip().startswith(b"{\\rtf"):
        return Inner.RTF
    try:
        text, _ = decode_text("", data[: 64 * 1024] if len(data) > 64 * 1024 else data)
    except DocumentRejected:
        # A cut through a multi-byte character is no reason to call the whole file binary.
        try:
            text, _ = decode_text("", data)
        except DocumentRejected:
            return Inner.UNKNOWN
    start = text.lstrip()[:512].lower()
    if start.startswith("mime-version:") or "content-type: multipart/related" in start:
        return Inner.MHT
    if start.startswith(("<!doctype html", "<html")) or "<html" in start:
        return Inner.HTML
    return Inner.TEXT


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Decodes a text file: BOM first, then UTF-8, then GB18030 (which covers GBK and GB2312)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        # UTF-32's BOMs before UTF-16's: FF FE 00 00 also starts with UTF-16 LE's FF FE, and read
        # as UTF-16 the text comes out as NULs between characters, which nothing matches.
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
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
        QT_TRANSLATE_NOOP(
            "DeskError", "“{name}”不是可识别编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）的文本文件。"
        ),
    )


def _probe_pdf(name: str, data: bytes, allow_encrypted: bool) -> Probe:
    with LOCK:
        return _probe_pdf_locked(name, data, allow_encrypted)


def _probe_pdf_locked(name: str, data: bytes, allow_encrypted: bool) -> Probe:
    import pymupdf

    with quiet_mupdf():
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
            pages = _page_tree(name, doc)
    if pages == 0:
        raise DocumentRejected(name, QT_TRANSLATE_NOOP("DeskError", "“{name}”是损坏的 PDF：没有可读的页面。"))
    return Probe(Kind.PDF, _MEDIA_TYPES[Kind.PDF], page_count=pages)


def _page_tree(name: str, doc: Any) -> int:
    """The page count, once every page has been found in the page tree. A tree with a cycle, a
    /Count no tree could hold or a count the tree does not have is refused here, with the page and
    MuPDF's reason — not met later as a raw MuPDF exception in the middle of a check. Finding a
    page walks the tree and parses nothing: about 50 µs a page (loading each would be 7 times that)."""
    try:
        pages: int = doc.page_count
    except Exception as exc:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP("DeskError", "“{name}”是损坏的 PDF：页数无法读取（{reason}）。"),
            reason=str(exc),
        ) from exc
    for number in range(pages):
        try:
            doc.page_xref(number)
        except Exception as exc:
            raise DocumentRejected(
                name,
                QT_TRANSLATE_NOOP(
                    "DeskError", "“{name}”是损坏的 PDF：页面树中找不到第 {page} 页（{reason}）。"
                ),
                page=number + 1,
                reason=str(exc),
            ) from exc
    return pages


@contextlib.contextmanager
def quiet_mupdf() -> Iterator[None]:
    """MuPDF's own error lines are not printed while a failure is turned into the desk's message
    (which carries MuPDF's reason). Call with review.mupdf.LOCK held."""
    import pymupdf

    shown = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        yield
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)


def display_name(name: str) -> str:
    """A file name (or path) as a person can read it, printable and storable anywhere.

    A name the file system gave as bytes that are not UTF-8 (a GBK name from a Chinese Windows
    share or archive) arrives with surrogate escapes, which printing, JSON or the database refuse:
    each such part of the path is decoded as GB18030, and what is still undecodable becomes U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        parts = os.fsencode(name).split(os.fsencode(os.sep))
    return os.sep.join(_readable(part) for part in parts)


def _readable(raw: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


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


def check_zip(name: str, data: bytes, total_limit: int = MAX_TOTAL_BYTES) -> None:
    """Rejects a damaged ZIP and a zip bomb: headers declaring far beyond the file's own size, or a
    member or the whole inflating past review.archive's caps (found by inflating, a chunk at a
    time, keeping nothing — memory stays flat whatever the package holds)."""
    _check_zip(name, data, total_limit)


def _check_zip(name: str, data: bytes, total_limit: int = MAX_TOTAL_BYTES) -> None:
    with Archive(name, data, total_limit) as archive:
        # Declared sizes first: decompressing a bomb to test it is exactly what it wants.
        unpacked = sum(i.file_size for i in archive.infolist())
        if unpacked > MAX_ZIP_RATIO * len(data) or unpacked > archive.total_limit:
            raise InputLimitExceeded(
                name,
                QT_TRANSLATE_NOOP("DeskError", "“{name}”解压后有 {size_mb} MB，疑似压缩炸弹，已拒绝。"),
                size_mb=unpacked // (1024 * 1024),
            )
        archive.scan()


_PDF_ENCRYPT_NONE = 1  # PyMuPDF's PDF_ENCRYPT_NONE: write without encryption


def decrypt_pdf(name: str, data: bytes, password: str) -> bytes:
    """The same PDF without its encryption, given the right password."""
    import pymupdf

    with LOCK, pymupdf.open(stream=data, filetype="pdf") as doc:
        if doc.needs_pass and not doc.authenticate(password):
            raise EncryptedDocument(name, QT_TRANSLATE_NOOP("DeskError", "“{name}”的密码不正确。"))
        return bytes(doc.tobytes(encryption=_PDF_ENCRYPT_NONE, garbage=1))


# -- audio and video: recognised by their bytes, never by their name ------------------------------

# Container families: a name and content of the same family agree (an .m4a is an MP4 container).
ISO_MEDIA, WAVE, AVI, MPEG_AUDIO, ADTS, OGG, FLAC, MATROSKA, FLV, ASF, AMR, MPEG_PS = (
    "iso-media",
    "wave",
    "avi",
    "mpeg-audio",
    "adts",
    "ogg",
    "flac",
    "matroska",
    "flv",
    "asf",
    "amr",
    "mpeg-ps",
)

# What the desk takes as an interpretation's audio or video: suffix → (family, media type).
MEDIA_SUFFIXES = {
    ".mp3": (MPEG_AUDIO, "audio/mpeg"),
    ".m4a": (ISO_MEDIA, "audio/mp4"),
    ".aac": (ADTS, "audio/aac"),
    ".wav": (WAVE, "audio/wav"),
    ".ogg": (OGG, "audio/ogg"),
    ".oga": (OGG, "audio/ogg"),
    ".opus": (OGG, "audio/ogg"),
    ".flac": (FLAC, "audio/flac"),
    ".wma": (ASF, "audio/x-ms-wma"),
    ".amr": (AMR, "audio/amr"),
    ".mp4": (ISO_MEDIA, "video/mp4"),
    ".m4v": (ISO_MEDIA, "video/mp4"),
    ".mov": (ISO_MEDIA, "video/quicktime"),
    ".3gp": (ISO_MEDIA, "video/3gpp"),
    ".webm": (MATROSKA, "video/webm"),
    ".mkv": (MATROSKA, "video/x-matroska"),
    ".ogv": (OGG, "video/ogg"),
    ".avi": (AVI, "video/x-msvideo"),
    ".flv": (FLV, "video/x-flv"),
    ".wmv": (ASF, "video/x-ms-wmv"),
    ".mpg": (MPEG_PS, "video/mpeg"),
    ".mpeg": (MPEG_PS, "video/mpeg"),
}

MEDIA_FAMILY_LABELS = {
    ISO_MEDIA: QT_TRANSLATE_NOOP("Vocabulary", "MP4/MOV 音视频"),
    WAVE: QT_TRANSLATE_NOOP("Vocabulary", "WAV 音频"),
    AVI: QT_TRANSLATE_NOOP("Vocabulary", "AVI 视频"),
    MPEG_AUDIO: QT_TRANSLATE_NOOP("Vocabulary", "MP3 音频"),
    ADTS: QT_TRANSLATE_NOOP("Vocabulary", "AAC 音频"),
    OGG: QT_TRANSLATE_NOOP("Vocabulary", "Ogg 音视频"),
    FLAC: QT_TRANSLATE_NOOP("Vocabulary", "FLAC 音频"),
    MATROSKA: QT_TRANSLATE_NOOP("Vocabulary", "WebM/MKV 视频"),
    FLV: QT_TRANSLATE_NOOP("Vocabulary", "FLV 视频"),
    ASF: QT_TRANSLATE_NOOP("Vocabulary", "WMA/WMV 音视频"),
    AMR: QT_TRANSLATE_NOOP("Vocabulary", "AMR 音频"),
    MPEG_PS: QT_TRANSLATE_NOOP("Vocabulary", "MPEG 视频"),
}

_ASF_GUID = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
_MPEG_BITRATE_BAD, _MPEG_RATE_BAD = 15, 3


@dataclass(frozen=True)
class MediaSniff:
    family: str
    media_type: str

    @property
    def label(self) -> str:
        return MEDIA_FAMILY_LABELS[self.family]


def sniff_media(data: bytes) -> MediaSniff | None:
    """The audio or video container `data` is, from its leading bytes; None if it is none of them.

    Each test looks at more than a two-byte magic where the format allows it, so a text file that
    happens to start like a media file is not taken for one (the caller reads documents first anyway).
    """
    head = data[:64]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return MediaSniff(ISO_MEDIA, "video/quicktime")
        if brand in (b"M4A ", b"M4B ", b"M4P "):
            return MediaSniff(ISO_MEDIA, "audio/mp4")
        if brand.startswith(b"3g"):
            return MediaSniff(ISO_MEDIA, "video/3gpp")
        return MediaSniff(ISO_MEDIA, "video/mp4")
    if head[4:8] in (b"moov", b"mdat") and int.from_bytes(head[:4], "big") >= 8:
        return MediaSniff(ISO_MEDIA, "video/quicktime")  # QuickTime files from before `ftyp`
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return MediaSniff(WAVE, "audio/wav")
    if head.startswith(b"RIFF") and head[8:12] == b"AVI ":
        return MediaSniff(AVI, "video/x-msvideo")
    if head.startswith(b"ID3") and len(head) >= 10 and head[3] in (2, 3, 4) and head[4] != 0xFF:
        return MediaSniff(MPEG_AUDIO, "audio/mpeg")
    if len(head) >= 4 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        if head[1] & 0x06 == 0 and head[1] & 0xF0 == 0xF0:
            return MediaSniff(ADTS, "audio/aac")  # ADTS: MPEG sync with layer bits 00
        version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
        if (
            version != 1
            and layer != 0
            and head[2] >> 4 != _MPEG_BITRATE_BAD
            and (head[2] >> 2) & 3 != _MPEG_RATE_BAD
        ):
            return MediaSniff(MPEG_AUDIO, "audio/mpeg")
    if head.startswith(b"OggS\x00"):
        return MediaSniff(OGG, "video/ogg" if b"\x80theora" in data[:256] else "audio/ogg")
    if head.startswith(b"fLaC") and len(head) >= 8 and head[4] & 0x7F == 0:  # STREAMINFO first
        return MediaSniff(FLAC, "audio/flac")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return MediaSniff(MATROSKA, "video/webm" if b"webm" in head else "video/x-matroska")
    if head.startswith(b"FLV\x01"):
        return MediaSniff(FLV, "video/x-flv")
    if head.startswith(_ASF_GUID):
        return MediaSniff(ASF, "video/x-ms-asf")
    if head.startswith((b"#!AMR\n", b"#!AMR-WB\n")):
        return MediaSniff(AMR, "audio/amr")
    if head.startswith((b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")):
        return MediaSniff(MPEG_PS, "video/mpeg")
    return None


_KIND_SUFFIXES = {
    Kind.PDF: ".pdf",
    Kind.DOCX: ".docx",
    Kind.DOC: ".doc",
    Kind.WPS: ".wps",
    Kind.ODT: ".odt",
    Kind.OFD: ".ofd",
    Kind.TEXT: ".txt",
}
_IMAGE_SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif"}


@dataclass(frozen=True)
class Content:
    """What a file offered as audio or video really is: a document the engine reads, or media it cannot.

    `document` is set when the engine can read it; `checkable_name` is then a name whose suffix agrees
    with the content, for handing it to the engine. `media` is set for real audio or video.
    """

    media_type: str
    document: Probe | None = None
    checkable_name: str = ""
    media: MediaSniff | None = None

    @property
    def label(self) -> str:
        if self.document is not None:
            return KIND_LABELS[self.document.kind]
        return (
            self.media.label if self.media is not None else QT_TRANSLATE_NOOP("Vocabulary", "无法识别的数据")
        )

    @property
    def readable(self) -> bool:
        return self.document is not None


def identify_content(name: str, data: bytes) -> Content | None:
    """What `data` is by its bytes alone, whatever `name` says; None for data that is neither a
    document the engine reads nor known audio or video.

    Documents are tried first: whatever the engine can read is read, so a file cannot escape the
    check by starting with a media signature. Raises DocumentRejected for data that looks like a
    document but cannot be opened and is no media either (a damaged PDF, an encrypted Office file).
    """
    check_size(name, len(data))
    problem: DocumentRejected | None = None
    try:
        kind = _sniff(name, data)
    except DocumentRejected as exc:
        kind, problem = None, exc
    if kind is not None:
        stem = PurePath(name).stem or "file"
        suffix = ".png" if kind is Kind.IMAGE else _KIND_SUFFIXES[kind]
        checkable = f"{stem}{suffix}"
        try:
            found = probe(checkable, data, allow_encrypted=True)
        except DocumentRejected as exc:
            problem = exc
        else:
            if kind is Kind.IMAGE:
                checkable = f"{stem}{_IMAGE_SUFFIXES[found.media_type]}"
            return Content(found.media_type, document=found, checkable_name=checkable)
    media = sniff_media(data)
    if media is not None:
        return Content(media.media_type, media=media)
    if problem is not None:
        raise problem
    return None


def media_family_of(name: str) -> str | None:
    """The media family a file's name claims, or None when its suffix is no audio or video type."""
    known = MEDIA_SUFFIXES.get(PurePath(name).suffix.lower())
    return known[0] if known else None
