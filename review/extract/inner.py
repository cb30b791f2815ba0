"""Readers for what documents carry inside them: spreadsheets and other zipped XML, ZIP archives,
HTML and MHT, RTF, OLE compound files (Word's embedded objects) and the text segments of images.

Each gives plain text; the dispatcher places it on the attachment it came from. Standard library
only: these run on untrusted bytes, recursively, and must not pull heavy packages in.
"""

from __future__ import annotations

import email
import email.policy
import html
import html.parser
import re
import struct
from xml.etree import ElementTree

from review.archive import Archive
from review.formats import DocumentRejected, decode_text

# -- zipped XML (XLSX, PPTX, OpenDocument) --------------------------------------------------------

_EMBEDDING_DIRS = ("xl/embeddings/", "ppt/embeddings/", "word/embeddings/", "Object ")
_MEDIA_DIRS = ("xl/media/", "ppt/media/", "Pictures/", "Thumbnails/", "docProps/thumbnail")


def zipped_xml_parts(zf: Archive) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(part, text) for every XML part, the embedded objects to open as attachments, and the parts
    that could not be parsed. Every text node counts: cells, shared strings, comments, hidden
    sheets, defined names and document properties alike. Each part is inflated under its cap."""
    texts: list[tuple[str, str]] = []
    embedded: list[str] = []
    broken: list[str] = []
    for info in zf.infolist():
        part = info.filename
        if part.endswith("/"):
            continue
        if part.startswith(_EMBEDDING_DIRS) and not part.endswith((".xml", ".rels")):
            embedded.append(part)
            continue
        if part.startswith(_MEDIA_DIRS) or part.endswith(".rels") or part == "[Content_Types].xml":
            continue
        if not part.endswith(".xml"):
            if part != "mimetype":
                embedded.append(part)  # anything else stored in the package is opened by content
            continue
        try:
            root = ElementTree.fromstring(zf.read(part))
        except ElementTree.ParseError:
            broken.append(part)
            continue
        text = "\n".join(t.strip() for t in root.itertext() if t.strip())
        if text:
            texts.append((part, text))
    return texts, embedded, broken


# -- HTML and MHT ---------------------------------------------------------------------------------

_TEXT_ATTRIBUTES = {"alt", "title", "value", "content", "placeholder", "label", "summary", "aria-label"}


class _HtmlText(html.parser.HTMLParser):
    """Text a browser shows plus what it keeps out of sight: comments, hidden elements, attribute
    values such as alt, title and form values, script and style bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key in _TEXT_ATTRIBUTES or key.startswith("data-")):
                self.parts.append("\n" + value + "\n")
        if tag in ("br", "p", "div", "tr", "li", "td", "th", "h1", "h2", "h3", "h4", "table"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.parts.append("\n" + data + "\n")


def html_text(source: str) -> str:
    parser = _HtmlText()
    parser.feed(source)
    parser.close()
    return html.unescape("".join(parser.parts))


def mht_parts(data: bytes) -> tuple[str, list[tuple[str, bytes]]]:
    """The text of an MHT (MIME HTML, Word's altChunk format among others) and its other parts."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    texts: list[str] = []
    others: list[tuple[str, bytes]] = []
    for number, part in enumerate(message.walk()):
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        kind = part.get_content_type()
        charset = part.get_content_charset() or "utf-8"
        if kind in ("text/html", "text/plain", "text/xml"):
            try:
                decoded = payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                decoded = decode_text("", payload)[0]
            texts.append(html_text(decoded) if kind == "text/html" else decoded)
        elif not kind.startswith("image/"):
            others.append((part.get_filename() or part.get("Content-Location") or f"部件{number}", payload))
    return "\n".join(texts), others


# -- RTF ------------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(rb"\\([a-z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}]+)", re.S)
_RTF_SKIP = {b"fonttbl", b"colortbl", b"stylesheet", b"pict", b"themedata", b"colorschememapping"}


def rtf_text(data: bytes) -> str:
    """Text of an RTF file: runs, \\'xx bytes in the document's code page and \\u escapes. Hidden
    destinations (\\*\\…) are kept: a secret is a secret wherever RTF files it."""
    codepage = "gb18030"
    if m := re.search(rb"\\ansicpg(\d+)", data[:2000]):
        codepage = {"936": "gb18030", "950": "big5", "65001": "utf-8"}.get(
            m.group(1).decode(), "cp" + m.group(1).decode()
        )
    out: list[str] = []
    pending = bytearray()
    depth = 0
    skip_at: int | None = None
    skip_next = 0

    def flush() -> None:
        if pending:
            try:
                out.append(pending.decode(codepage, "replace"))
            except LookupError:
                out.append(pending.decode("gb18030", "replace"))
            pending.clear()

    for word, arg, hexbyte, symbol, brace, text in _RTF_TOKEN.findall(data):
        if brace == b"{":
            depth += 1
            continue
        if brace == b"}":
            if skip_at is not None and depth <= skip_at:
                skip_at = None
            depth -= 1
            continue
        if skip_at is not None:
            continue
        if word:
            if word in _RTF_SKIP or word == b"bin":
                skip_at = depth
            elif word == b"u" and arg:
                flush()
                out.append(chr(int(arg) % 65536))
                skip_next = 1  # the \uc1 fallback character that follows
            elif word in (b"par", b"line", b"row", b"cell", b"tab"):
                flush()
                out.append("\n")
            continue
        if hexbyte:
            if skip_next:
                skip_next -= 1
                continue
            pending.extend(bytes.fromhex(hexbyte.decode()))
            continue
        if symbol:
            if symbol in (b"\\", b"{", b"}"):
                pending.extend(symbol)
            continue
        if text:
            if skip_next:
                skip_next -= 1
                text = text[1:]
            pending.extend(text.replace(b"\r", b"").replace(b"\n", b""))
    flush()
    return "".join(out)


# -- OLE compound files ---------------------------------------------------------------------------


class CompoundFile:
    """A minimal reader of OLE compound files (MS-CFB): enough to take the streams out of Word's
    embedded objects (`Package` holds an Office file, `\\x01Ole10Native` a packaged file)."""

    _FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or data[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ValueError("not a compound file")
        self.data = data
        self.sector = 1 << struct.unpack_from("<H", data, 30)[0]
        self.mini_sector = 1 << struct.unpack_from("<H", data, 32)[0]
        n_fat, first_dir, _, self.mini_cutoff, first_minifat, n_minifat, first_difat, n_difat = (
            struct.unpack_from("<IIIIIIII", data, 44)
        )
        difat = list(struct.unpack_from("<109I", data, 76))
        sector = first_difat
        for _ in range(n_difat):
            if sector >= self._END:
                break
            entries = struct.unpack_from(f"<{self.sector // 4}I", self._sector(sector))
            difat.extend(entries[:-1])
            sector = entries[-1]
        self.fat: list[int] = []
        for fat_sector in difat[:n_fat]:
            if fat_sector < self._END:
                self.fat.extend(struct.unpack_from(f"<{self.sector // 4}I", self._sector(fat_sector)))
        directory = self._chain(first_dir)
        self.entries: list[tuple[str, int, int, int]] = []  # name, type, start, size
        for i in range(0, len(directory) - 127, 128):
            raw = directory[i : i + 128]
            length = struct.unpack_from("<H", raw, 64)[0]
            name = raw[: max(0, length - 2)].decode("utf-16-le", "replace")
            kind = raw[66]
            start, size = struct.unpack_from("<IQ", raw, 116)
            self.entries.append((name, kind, start, size if self.sector > 512 else size & 0xFFFFFFFF))
        root = self.entries[0] if self.entries else ("", 5, self._END, 0)
        self.ministream = self._chain(root[2])[: root[3]]
        minifat = self._chain(first_minifat) if n_minifat else b""
        self.minifat = list(struct.unpack_from(f"<{len(minifat) // 4}I", minifat))

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.sector
        return self.data[start : start + self.sector]

    def _chain(self, start: int, mini: bool = False) -> bytes:
        fat = self.minifat if mini else self.fat
        out = bytearray()
        seen: set[int] = set()
        sector = start
        while sector < len(fat) and sector not in seen:
            seen.add(sector)
            if mini:
                at = sector * self.mini_sector
                out += self.ministream[at : at + self.mini_sector]
            else:
                out += self._sector(sector)
            sector = fat[sector]
        return bytes(out)

    def streams(self) -> list[tuple[str, bytes]]:
        out = []
        for name, kind, start, size in self.entries:
            if kind != 2:  # 2: a stream; storages and the root hold no bytes of their own
                continue
            mini = size < self.mini_cutoff
            out.append((name, self._chain(start, mini)[:size]))
        return out


def ole10_native(data: bytes) -> tuple[str, bytes] | None:
    """The file inside an `\\x01Ole10Native` stream (a packaged file: label, paths, then the bytes)."""
    try:
        pos = 6
        label_end = data.index(b"\0", pos)
        label = data[pos:label_end].decode("gb18030", "replace")
        pos = data.index(b"\0", label_end + 1) + 1 + 4  # source path, then two reserved bytes ×2
        pos = data.index(b"\0", pos + 4) + 1  # temporary path (after a 4-byte length)
        (size,) = struct.unpack_from("<I", data, pos)
        return label, data[pos + 4 : pos + 4 + size]
    except (ValueError, struct.error):
        return None


_UTF16_RUN = re.compile(rb"(?:[\x20-\x7e\n\r\t]\x00|[\x00-\xff][\x4e-\x9f]){4,}")
_ASCII_RUN = re.compile(rb"[\x20-\x7e]{6,}")


def string_runs(data: bytes) -> str:
    """Readable runs of binary data: UTF-16LE text (Word's own storage of Chinese) and ASCII."""
    runs = [m.group().decode("utf-16-le", "replace") for m in _UTF16_RUN.finditer(data)]
    runs += [m.group().decode("ascii") for m in _ASCII_RUN.finditer(data)]
    return "\n".join(runs)


# -- text segments of images ----------------------------------------------------------------------

_EXIF_TEXT_TAGS = {
    0x010E,
    0x010F,
    0x0110,
    0x0131,
    0x013B,
    0x8298,
    0x9286,
    0x9C9B,
    0x9C9C,
    0x9C9D,
    0x9C9E,
    0x9C9F,
}


def jpeg_segment_text(data: bytes) -> list[tuple[str, str]]:
    """(segment, text) from a JPEG's comment and application segments: COM, EXIF text tags (with
    Windows' UTF-16 XP* tags and the user comment), XMP, IPTC and anything readable elsewhere."""
    if not data.startswith(b"\xff\xd8"):
        return []
    found: list[tuple[str, str]] = []
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more metadata before the pixels
            break
        (length,) = struct.unpack_from(">H", data, pos + 2)
        payload = data[pos + 4 : pos + 2 + length]
        pos += 2 + length
        if marker == 0xFE:
            found.append(("JPEG 注释", _bytes_text(payload)))
        elif marker == 0xE1 and payload.startswith(b"Exif\0"):
            found.append(("EXIF", "\n".join(_exif_strings(payload[6:]))))
        elif marker == 0xE1 and b"ns.adobe.com/xap" in payload[:64]:
            xml = payload[payload.index(b"\0") + 1 :] if b"\0" in payload[:64] else payload
            found.append(("XMP", re.sub(r"<[^>]+>", "\n", _bytes_text(xml))))
        elif 0xE0 <= marker <= 0xEF and marker != 0xE0:
            found.append((f"APP{marker - 0xE0}", string_runs(payload) + "\n" + _utf8_runs(payload)))
    return [(where, text) for where, text in found if text.strip()]


def _bytes_text(raw: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding).replace("\0", "")
        except UnicodeDecodeError:
            continue
    return string_runs(raw)


_UTF8_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}|[\x20-\x7e]){4,}")


def _utf8_runs(raw: bytes) -> str:
    return "\n".join(m.group().decode("utf-8", "replace") for m in _UTF8_RUN.finditer(raw))


def _exif_strings(tiff: bytes) -> list[str]:
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return [string_runs(tiff)]
    order = "<" if tiff[:2] == b"II" else ">"
    out: list[str] = []
    todo = [struct.unpack_from(order + "I", tiff, 4)[0]]
    seen: set[int] = set()
    while todo:
        ifd = todo.pop()
        if ifd in seen or ifd + 2 > len(tiff):
            continue
        seen.add(ifd)
        (count,) = struct.unpack_from(order + "H", tiff, ifd)
        for i in range(min(count, 512)):
            at = ifd + 2 + 12 * i
            if at + 12 > len(tiff):
                break
            tag, kind, n = struct.unpack_from(order + "HHI", tiff, at)
            if tag in (0x8769, 0x8825):  # the EXIF and GPS sub-directories
                todo.append(struct.unpack_from(order + "I", tiff, at + 8)[0])
                continue
            if kind not in (1, 2, 7) or not (tag in _EXIF_TEXT_TAGS or kind == 2):
                continue
            if n <= 4:
                value = tiff[at + 8 : at + 8 + n]
            else:
                (offset,) = struct.unpack_from(order + "I", tiff, at + 8)
                value = tiff[offset : offset + n]
            if 0x9C9B <= tag <= 0x9C9F:
                out.append(value.decode("utf-16-le", "replace").rstrip("\0"))
            elif tag == 0x9286 and value[:8] == b"UNICODE\0":
                out.append(value[8:].decode("utf-16-be" if order == ">" else "utf-16-le", "replace"))
            else:
                out.append(_bytes_text(value[8:] if tag == 0x9286 else value).rstrip("\0"))
        next_at = ifd + 2 + 12 * count
        if next_at + 4 <= len(tiff):
            todo.append(struct.unpack_from(order + "I", tiff, next_at)[0])
    return [s for s in out if s.strip()]


def png_text(data: bytes) -> list[tuple[str, str]]:
    """Text chunks of a PNG (tEXt, zTXt, iTXt): captions, authors, software notes."""
    import zlib

    found: list[tuple[str, str]] = []
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        try:
            if kind == b"tEXt":
                found.append(("PNG tEXt", _bytes_text(body.replace(b"\0", b"\n"))))
            elif kind == b"zTXt":
                key, _, rest = body.partition(b"\0")
                found.append(("PNG zTXt", _bytes_text(key + b"\n" + zlib.decompress(rest[1:]))))
            elif kind == b"iTXt":
                key, _, rest = body.partition(b"\0")
                compressed, rest = rest[0], rest[2:]
                _, _, rest = rest.partition(b"\0")
                _, _, rest = rest.partition(b"\0")
                found.append(
                    ("PNG iTXt", _bytes_text(key + b"\n" + (zlib.decompress(rest) if compressed else rest)))
                )
        except (zlib.error, IndexError):
            continue
        if kind == b"IEND":
            break
    return [(w, t) for w, t in found if t.strip()]


def image_text(data: bytes) -> list[tuple[str, str]]:
    if data.startswith(b"\xff\xd8"):
        return jpeg_segment_text(data)
    if data.startswith(b"\x89PNG"):
        return png_text(data)
    return []


def decoded(data: bytes) -> str:
    """Text of a plain-text attachment (UTF-8, GB18030 or UTF-16), or its readable runs."""
    try:
        return decode_text("", data)[0]
    except DocumentRejected:
        return string_runs(data)


__all__ = [
    "CompoundFile",
    "decoded",
    "html_text",
    "image_text",
    "mht_parts",
    "ole10_native",
    "rtf_text",
    "string_runs",
    "zipped_xml_parts",
]
