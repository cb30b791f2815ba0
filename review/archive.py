"""ZIP packages (DOCX, XLSX, PPTX, OFD, OpenDocument, plain ZIP) read in bounded memory.

Every reader of a ZIP goes through `Archive`. A member is inflated by streaming (zipfile's open(),
a chunk at a time) and never past its cap, whatever its headers declare; everything read from one
package shares a total cap; the central directory is sized from its end record before zipfile
parses it. Past a limit the package is refused with `InputLimitExceeded`, a damaged one with
`DocumentRejected` — both name the file and the part, in Chinese.

The limits (see ARCHITECTURE.md, "Resource limits"):

- an XML part is parsed whole (ElementTree), so its caps are what parsing may cost: 32 MB and
  1,000,000 elements (a Word body of about two thousand pages; parsed and checked in some
  350 MB — memory follows the elements, 31 MB of bare paragraphs took 1.2 GB);
- any other member: no larger than a file the desk takes on its own (200 MB);
- all members read from one package together: 512 MB;
- the central directory: 20,000 members and 4 MB.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from types import TracebackType

from review.errors import QT_TRANSLATE_NOOP, DocumentRejected

MB = 1024 * 1024
MAX_XML_PART_BYTES = 32 * MB
MAX_XML_ELEMENTS = 1_000_000
MAX_PART_BYTES = 200 * MB
MAX_TOTAL_BYTES = 512 * MB
MAX_MEMBERS = 20_000
MAX_DIRECTORY_BYTES = 4 * MB
_CHUNK = MB
_XML_SUFFIXES = (".xml", ".rels", ".vml", ".xhtml", ".html", ".htm")

# What zipfile raises on a damaged or unsupported member: a bad CRC or header (BadZipFile), broken
# deflate data (zlib.error), a truncated file (EOFError), an unknown compression method
# (NotImplementedError), an encrypted member (RuntimeError), and bad offsets (ValueError, OSError).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


class InputLimitExceeded(DocumentRejected):
    """A file past one of the desk's resource limits (an inflated part, a package, a text draft):
    refused as it is, never read on until memory or time runs out."""


def part_limit(part: str) -> int:
    """The cap of one member: XML is parsed whole, so it gets the smaller one."""
    return MAX_XML_PART_BYTES if part.lower().endswith(_XML_SUFFIXES) else MAX_PART_BYTES


def _damaged(name: str, reason: object) -> DocumentRejected:
    return DocumentRejected(
        name, QT_TRANSLATE_NOOP("DeskError", "“{name}”的压缩结构已损坏：{reason}"), reason=str(reason)
    )


def _part_damaged(name: str, part: str, reason: object) -> DocumentRejected:
    return DocumentRejected(
        name,
        QT_TRANSLATE_NOOP("DeskError", "“{name}”中的部件“{part}”已损坏：{reason}"),
        part=part,
        reason=str(reason),
    )


def _part_too_large(name: str, part: str, limit: int) -> InputLimitExceeded:
    return InputLimitExceeded(
        name,
        QT_TRANSLATE_NOOP(
            "DeskError", "“{name}”中的部件“{part}”解压后超过 {limit_mb} MB 的上限，疑似压缩炸弹，已拒绝。"
        ),
        part=part,
        limit_mb=limit // MB,
    )


def _too_many_elements(name: str, part: str) -> InputLimitExceeded:
    return InputLimitExceeded(
        name,
        QT_TRANSLATE_NOOP(
            "DeskError", "“{name}”中的部件“{part}”有超过 {limit} 万个 XML 元素，超出上限，已拒绝。"
        ),
        part=part,
        limit=MAX_XML_ELEMENTS // 10_000,
    )


def _total_too_large(name: str, limit: int) -> InputLimitExceeded:
    return InputLimitExceeded(
        name,
        QT_TRANSLATE_NOOP("DeskError", "“{name}”解压后超过 {limit_mb} MB 的上限，疑似压缩炸弹，已拒绝。"),
        limit_mb=limit // MB,
    )


def _directory(data: bytes) -> tuple[int, int] | None:
    """(members, bytes) of the central directory from the end record (ZIP64 too), before zipfile
    builds an object per member; None where there is no end record (zipfile then says why)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 0xFFFF))
    if at < 0 or at + 22 > len(data):
        return None
    members, size = struct.unpack_from("<HI", data, at + 10)
    locator = at - 20
    if (
        (members == 0xFFFF or size == 0xFFFFFFFF)
        and locator >= 0
        and data[locator : locator + 4] == b"PK\x06\x07"
    ):
        (record,) = struct.unpack_from("<Q", data, locator + 8)
        if record + 56 <= len(data) and data[record : record + 4] == b"PK\x06\x06":
            members, size = struct.unpack_from("<QQ", data, record + 32)
    return members, size


def member_names(name: str, data: bytes) -> list[str]:
    """The members' names (for recognising a package), the directory's size checked first."""
    with Archive(name, data) as archive:
        return archive.namelist()


class Archive:
    """One ZIP package read under its limits: `read` a member (streamed, capped), or `scan` them all."""

    def __init__(self, name: str, data: bytes, total_limit: int = MAX_TOTAL_BYTES) -> None:
        self.name = name
        self.total_limit = min(total_limit, MAX_TOTAL_BYTES)
        self.inflated = 0  # bytes read so far, all members together
        directory = _directory(data)
        if directory is not None and (directory[0] > MAX_MEMBERS or directory[1] > MAX_DIRECTORY_BYTES):
            raise self._too_many(directory[0])
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except _DAMAGED as exc:
            raise _damaged(name, exc) from exc
        if len(self._zip.infolist()) > MAX_MEMBERS:
            count = len(self._zip.infolist())
            self._zip.close()
            raise self._too_many(count)

    def _too_many(self, count: int) -> InputLimitExceeded:
        return InputLimitExceeded(
            self.name,
            QT_TRANSLATE_NOOP("DeskError", "“{name}”中的部件过多（{count} 个，上限 {limit} 个），已拒绝。"),
            count=count,
            limit=MAX_MEMBERS,
        )

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def namelist(self) -> list[str]:
        return self._zip.namelist()

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self._zip.infolist()

    def __contains__(self, part: str) -> bool:
        try:
            self._zip.getinfo(part)
        except KeyError:
            return False
        return True

    def read(self, member: str | zipfile.ZipInfo, limit: int | None = None) -> bytes:
        """A member's bytes. Refused without inflating a byte when its header declares more than
        its cap or than the package has left; inflated a chunk at a time and stopped at the cap
        when the header lies."""
        return b"".join(self._inflate(member, limit, keep=True))

    def scan(self) -> None:
        """Inflates every member under the limits, keeping nothing: a damaged part (bad CRC,
        broken deflate data, truncated) or one past a limit refuses the package before anything
        reads it for real."""
        for info in self._zip.infolist():
            if not info.is_dir():
                self._inflate(info, None, keep=False)

    def _inflate(self, member: str | zipfile.ZipInfo, limit: int | None, keep: bool) -> list[bytes]:
        try:
            info = member if isinstance(member, zipfile.ZipInfo) else self._zip.getinfo(member)
        except KeyError as exc:
            raise _part_damaged(self.name, str(member), "部件不存在") from exc
        part = info.filename
        cap = min(limit if limit is not None else part_limit(part), MAX_PART_BYTES)
        if info.file_size > cap:
            raise _part_too_large(self.name, part, cap)
        if self.inflated + info.file_size > self.total_limit:
            raise _total_too_large(self.name, self.total_limit)
        xml = part.lower().endswith(_XML_SUFFIXES)
        chunks: list[bytes] = []
        got = elements = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    got += len(chunk)
                    if got > cap:
                        raise _part_too_large(self.name, part, cap)
                    if self.inflated + got > self.total_limit:
                        raise _total_too_large(self.name, self.total_limit)
                    if xml:  # start tags, comments and the like: never fewer than the elements
                        elements += chunk.count(b"<") - chunk.count(b"</")
                        if elements > MAX_XML_ELEMENTS:
                            raise _too_many_elements(self.name, part)
                    if keep:
                        chunks.append(chunk)
        except _DAMAGED as exc:
            raise _part_damaged(self.name, part, exc) from exc
        self.inflated += got
        return chunks
