"""Word, WPS and ODT drafts as PDF with their layout, through LibreOffice running headless.

One office process is kept warm for the desk's session (`shared()`): starting LibreOffice costs
seconds, a conversion on a warm process a fraction of one (benchmarks/convert_speed.py). The
process is driven over UNO by `review/uno_worker.py`, run by Debian's python3 (python3-uno; the
desk's virtual environment cannot import uno), through a named pipe, with a private profile in a
temporary folder that holds the safety settings (macros never run, no recovery files) and a
fontconfig file mapping the 公文 fonts to the free ones installed by scripts/setup.sh. A conversion
that takes longer than its time-out kills the process; a process that died is started again and
the conversion tried once more.

Where LibreOffice or python3-uno is missing, `shared()` is None and the caller falls back to the
text layout of review/as_pdf.py, saying so (`Layout.text_only`).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from review.errors import QT_TRANSLATE_NOOP, TranslatableError
from review.record import RecordLine

SONG = "AR PL UMing CN"  # fonts-arphic-uming
KAI = "AR PL UKai CN"  # fonts-arphic-ukai
HEI = "WenQuanYi Micro Hei"  # fonts-wqy-microhei

# The fonts of GB/T 9704 公文 and the Windows CJK defaults, and the free font each is set in.
# 仿宋 is set in a song (Ming) face: Debian has no fangsong that covers simplified Chinese
# (cwTeX 仿宋 lacks 2,379 of the 6,763 GB2312 characters). True: the face is drawn bold (方正小标宋
# is a heavy display song; AR PL UMing has one weight, so fontconfig emboldens it).
FONT_SUBSTITUTES: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(
        (
            "方正小标宋简体",
            "方正小标宋_GBK",
            "方正小标宋_GB2312",
            "方正小标宋",
            "FZXiaoBiaoSong-B05S",
            "FZXiaoBiaoSong-B05",
            "小标宋",
            "华文中宋",
            "STZhongsong",
        ),
        (SONG, True),
    ),
    **dict.fromkeys(
        (
            "仿宋_GB2312",
            "仿宋",
            "FangSong_GB2312",
            "FangSong",
            "方正仿宋_GBK",
            "方正仿宋简体",
            "FZFangSong-Z02S",
            "华文仿宋",
            "STFangsong",
            "宋体",
            "SimSun",
            "新宋体",
            "NSimSun",
            "方正书宋_GBK",
            "方正书宋简体",
            "华文宋体",
            "STSong",
        ),
        (SONG, False),
    ),
    **dict.fromkeys(
        (
            "楷体_GB2312",
            "楷体",
            "KaiTi_GB2312",
            "KaiTi",
            "方正楷体_GBK",
            "方正楷体简体",
            "华文楷体",
            "STKaiti",
        ),
        (KAI, False),
    ),
    **dict.fromkeys(
        (
            "黑体",
            "SimHei",
            "方正黑体_GBK",
            "方正黑体简体",
            "华文黑体",
            "STHeiti",
            "微软雅黑",
            "Microsoft YaHei",
            "等线",
            "DengXian",
        ),
        (HEI, False),
    ),
}

# What a draft may be converted from, by suffix (review/formats.py checks that the content agrees).
WORD_SUFFIXES = (".docx", ".doc", ".wps", ".odt")
PDF_FILTER = "writer_pdf_Export"
DOCX_FILTER = "MS Word 2007 XML"

_DEFAULT_TIMEOUT = float(os.environ.get("DESK_CONVERT_TIMEOUT", "120"))
_START_TIMEOUT = 90.0
_CACHE_ENTRIES = 8


class ConversionFailed(TranslatableError):
    pass


@dataclass(frozen=True)
class Layout:
    """How the published PDF was laid out, for the record and the publish dialog."""

    engine: str  # "libreoffice" or "text"
    substituted: tuple[tuple[str, str], ...] = ()  # (font the draft asks for, font used instead)
    fonts: tuple[str, ...] = ()  # the fonts in the PDF
    reason: str = ""  # why the text layout was used, or why LibreOffice's pages were redacted by area

    @property
    def text_only(self) -> bool:
        return self.engine == "text"

    @property
    def message(self) -> str:
        """One sentence for the publish dialog and the redact command (Chinese source text)."""
        if self.text_only:
            return QT_TRANSLATE_NOOP(
                "DeskError",
                "本机未安装 LibreOffice，发布版按文字重新排版：表格、文本框、页眉页脚、红头等版式未保留。",
            )
        if self.substituted:
            return QT_TRANSLATE_NOOP("DeskError", "发布版保留原版式（LibreOffice 转换），字体替换：{fonts}。")
        return QT_TRANSLATE_NOOP("DeskError", "发布版保留原版式（LibreOffice 转换）。")

    @property
    def params(self) -> dict[str, str]:
        return {"fonts": self.substituted_text}

    @property
    def substituted_text(self) -> str:
        return "；".join(f"{a}→{b}" for a, b in self.substituted)

    def describe(self) -> str:
        return self.message.format(**self.params)

    def record_line(self) -> RecordLine:
        if self.text_only:
            return RecordLine(
                severity="—",
                category="版式",
                text="按文字重新排版",
                place="全文",
                decision="版式未保留",
                basis="",
                reason=f"未使用 LibreOffice：{self.reason}" if self.reason else "本机未安装 LibreOffice",
            )
        fonts = f"字体替换：{self.substituted_text}" if self.substituted else "未替换字体"
        return RecordLine(
            severity="—",
            category="版式",
            text="保留原版式（LibreOffice 转换）",
            place="全文",
            decision="按页面上的区域删减" if self.reason else "在源文件中删除后转换",
            basis="",
            reason=self.reason or fonts,
        )


TEXT_LAYOUT = Layout("text")


@dataclass
class _Office:
    office: subprocess.Popen[bytes]
    worker: subprocess.Popen[bytes]
    buffer: bytearray = field(default_factory=bytearray)


def soffice_path() -> str | None:
    for candidate in (
        os.environ.get("DESK_SOFFICE"),
        shutil.which("soffice"),
        "/usr/lib/libreoffice/program/soffice",
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


_UNO_PYTHON: list[str | None] = []


def uno_python() -> str | None:
    """A python that can import uno: Debian's python3 with python3-uno, or LibreOffice's own."""
    if not _UNO_PYTHON:
        found = None
        office = soffice_path()
        candidates = [os.environ.get("DESK_UNO_PYTHON"), "/usr/bin/python3"]
        if office:
            candidates.append(str(Path(os.path.realpath(office)).parent / "python"))
        for candidate in candidates:
            if not candidate or not os.access(candidate, os.X_OK):
                continue
            try:
                ok = subprocess.run(
                    [candidate, "-I", "-c", "import uno"], capture_output=True, timeout=30, env=_clean_env()
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            if ok.returncode == 0:
                found = candidate
                break
        _UNO_PYTHON.append(found)
    return _UNO_PYTHON[0]


def unavailable_reason() -> str:
    """Empty when LibreOffice can be used, else what is missing."""
    if soffice_path() is None:
        return "未找到 soffice（LibreOffice）"
    if uno_python() is None:
        return "未找到可导入 uno 的 python3（python3-uno）"
    return ""


def _clean_env() -> dict[str, str]:
    """The environment without the desk's virtual environment and Python settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    venv = os.environ.get("VIRTUAL_ENV")
    if venv:
        env["PATH"] = os.pathsep.join(
            p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(venv)
        )
    return env


class Converter:
    """One warm LibreOffice for the session; thread-safe (one conversion at a time)."""

    def __init__(self, timeout: float = _DEFAULT_TIMEOUT, start_timeout: float = _START_TIMEOUT) -> None:
        office, python = soffice_path(), uno_python()
        if office is None or python is None:
            raise ConversionFailed(
                QT_TRANSLATE_NOOP("DeskError", "无法使用 LibreOffice：{reason}"), reason=unavailable_reason()
            )
        self.soffice, self.python = office, python
        self.timeout, self.start_timeout = timeout, start_timeout
        self.home = Path(tempfile.mkdtemp(prefix="desk-office-"))
        self.fonts_conf = self.home / "fonts.conf"
        _write_profile(self.home / "profile", self.fonts_conf)
        self._office: _Office | None = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._font_match: dict[str, tuple[str, str]] = {}
        self.starts = 0  # office processes started: the tests see a restart here

    # -- conversions ------------------------------------------------------------------------------

    def to_pdf(self, name: str, data: bytes) -> bytes:
        return self.convert(name, data, PDF_FILTER, ".pdf")

    def to_docx(self, name: str, data: bytes) -> bytes:
        """A DOC, WPS or ODT file as DOCX (the form the desk reads and redacts in)."""
        return self.convert(name, data, DOCX_FILTER, ".docx")

    def layout(self, docx: bytes, pdf: bytes) -> Layout:
        """Which fonts the draft asked for and were set in another, read back from the PDF's fonts."""
        embedded = pdf_fonts(pdf)
        squashed = {_squash_font(f) for f in embedded}
        substituted = []
        for requested in sorted(requested_fonts(docx)):
            family, postscript = self.font_for(requested)
            if not family or family == requested:
                continue
            if any(s.startswith(_squash_font(postscript or family)) for s in squashed):
                substituted.append((requested, family))
        return Layout("libreoffice", tuple(substituted), tuple(embedded))

    def font_for(self, family: str) -> tuple[str, str]:
        """The family and PostScript name fontconfig (with this converter's substitutions) gives for
        `family`; the family is `family` itself when it is installed."""
        if family not in self._font_match:
            pattern = family.replace("-", r"\-").replace(":", r"\:")
            if not family.isascii():
                pattern += ":lang=zh-cn"
            try:
                out = subprocess.run(
                    ["fc-match", "-f", "%{family}|%{postscriptname}", pattern],
                    capture_output=True,
                    text=True,
                    timeout=10,
                    env=self._env(),
                ).stdout
            except (OSError, subprocess.TimeoutExpired):
                out = ""
            names, _, postscript = out.partition("|")
            families = [f.strip() for f in names.split(",") if f.strip()]
            # fontconfig lists a font's names in every language; the requested name among them: no substitution.
            used = family if family in families else (families[0] if families else "")
            self._font_match[family] = (used, postscript.strip())
        return self._font_match[family]

    def start(self) -> None:
        """Starts the office now (it starts on the first conversion otherwise)."""
        with self._lock:
            self._running()

    def forget(self) -> None:
        """Drops the converted files kept for repeated asks (the benchmark times real conversions)."""
        with self._lock:
            self._cache.clear()

    def close(self) -> None:
        with self._lock:
            self._stop()
        shutil.rmtree(self.home, ignore_errors=True)

    @property
    def office_pid(self) -> int | None:
        """The process group of the office process (the launcher and soffice.bin), None when not started."""
        return self._office.office.pid if self._office else None

    # -- the process ------------------------------------------------------------------------------

    def convert(self, name: str, data: bytes, filter_name: str, out_suffix: str) -> bytes:
        """`data` (named `name`) saved through LibreOffice's export filter `filter_name`."""
        # The suffix is part of the key: LibreOffice picks its import filter by it too (.wps).
        suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in WORD_SUFFIXES else ".docx"
        key = (hashlib.sha256(data).hexdigest(), suffix, filter_name)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            with tempfile.TemporaryDirectory(dir=self.home) as work:
                src, dst = Path(work) / f"in{suffix}", Path(work) / f"out{out_suffix}"
                src.write_bytes(data)
                # A draft read as DOCX, or a DOCX with comments, is loaded without a view: Debian's
                # headless office aborts building the view of a document with comments
                # (uno_worker.py). Any other save that killed the office is tried once more without
                # one too; a PDF needs its view.
                request: dict[str, Any] = {"src": str(src), "dst": str(dst), "filter": filter_name}
                viewless = filter_name == DOCX_FILTER or _docx_with_comments(suffix, data)
                request["view"] = filter_name == PDF_FILTER or not viewless
                for attempt in (1, 2):
                    answer = self._ask(request)
                    if answer.get("ok") and dst.is_file():
                        out = dst.read_bytes()
                        break
                    if answer.get("dead") and attempt == 1:
                        self._stop()  # the office went away: start a new one and try again
                        request["view"] = filter_name == PDF_FILTER
                        continue
                    raise ConversionFailed(
                        QT_TRANSLATE_NOOP("DeskError", "LibreOffice 无法转换“{name}”：{reason}"),
                        name=name,
                        reason=str(answer.get("error", "")),
                    )
            self._cache[key] = out
            while len(self._cache) > _CACHE_ENTRIES:
                self._cache.popitem(last=False)
            return out

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        office = self._running()
        if office is None:
            return {"ok": False, "error": "LibreOffice did not start", "dead": True}
        assert office.worker.stdin is not None
        try:
            office.worker.stdin.write((json.dumps(request) + "\n").encode())
            office.worker.stdin.flush()
        except OSError as exc:
            return {"ok": False, "error": str(exc), "dead": True}
        answer = self._read_line(office, self.timeout)
        if answer is None:
            hung = office.office.poll() is None and office.worker.poll() is None
            self._stop()
            if hung:
                raise ConversionFailed(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "LibreOffice 转换“{name}”超过 {seconds} 秒未完成，已重新启动转换进程。"
                    ),
                    name=Path(request["src"]).name,
                    seconds=int(self.timeout),
                )
            return {"ok": False, "error": "LibreOffice exited", "dead": True}
        return answer

    def _running(self) -> _Office | None:
        if (
            self._office is not None
            and self._office.office.poll() is None
            and self._office.worker.poll() is None
        ):
            return self._office
        self._stop()
        return self._start()

    def _env(self) -> dict[str, str]:
        env = _clean_env()
        env["FONTCONFIG_FILE"] = str(self.fonts_conf)
        env["SAL_USE_VCLPLUGIN"] = "svp"  # no display needed
        return env

    def _start(self) -> _Office | None:
        pipe = f"desk_office_{os.getpid()}_{uuid.uuid4().hex[:12]}"
        profile = (self.home / "profile").as_uri()
        env = self._env()
        office = subprocess.Popen(
            [
                self.soffice,
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--nolockcheck",
                "--nofirststartwizard",
                f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                f"-env:UserInstallation={profile}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=env,
        )
        worker = subprocess.Popen(
            [
                self.python,
                "-I",
                str(Path(__file__).with_name("uno_worker.py")),
                pipe,
                str(self.start_timeout),
                str(office.pid),  # its process group: the worker kills it when the desk goes away
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=env,
        )
        self._office = _Office(office, worker)
        self.starts += 1
        ready = self._read_line(self._office, self.start_timeout + 5)
        if not ready or not ready.get("ready"):
            self._stop()
            return None
        return self._office

    def _read_line(self, office: _Office, timeout: float) -> dict[str, Any] | None:
        """The worker's next answer, or None when it does not come in time or the worker ended."""
        stdout: IO[bytes] | None = office.worker.stdout
        assert stdout is not None
        deadline = time.monotonic() + timeout
        while b"\n" not in office.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([stdout], [], [], min(left, 1.0))
            if not ready:
                if office.office.poll() is not None:
                    # The office died under the worker: it will notice, but need not wait for that.
                    left = min(left, 5.0)
                    deadline = min(deadline, time.monotonic() + left)
                continue
            chunk = os.read(stdout.fileno(), 65536)
            if not chunk:
                return None
            office.buffer += chunk
        line, _, rest = bytes(office.buffer).partition(b"\n")
        office.buffer[:] = rest
        try:
            answer: dict[str, Any] = json.loads(line)
        except ValueError:
            return {"ok": False, "error": line.decode("utf-8", "replace")[:200], "dead": False}
        return answer

    def _stop(self) -> None:
        office, self._office = self._office, None
        if office is None:
            return
        for process in (office.worker, office.office):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()


def _docx_with_comments(suffix: str, data: bytes) -> bool:
    import io
    import zipfile

    if suffix != ".docx":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/comments.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


_SHARED: list[Converter] = []
_SHARED_LOCK = threading.Lock()


def shared() -> Converter | None:
    """The session's converter, started on first use; None where LibreOffice cannot be used."""
    with _SHARED_LOCK:
        if not _SHARED:
            if unavailable_reason():
                return None
            _SHARED.append(Converter())
            atexit.register(_SHARED[0].close)
        return _SHARED[0]


def stop_shared() -> None:
    """Ends the session's office, if one was started (the desk's exit calls it)."""
    with _SHARED_LOCK:
        if _SHARED:
            _SHARED.pop().close()


def is_word_draft(name: str) -> bool:
    return Path(name).suffix.lower() in WORD_SUFFIXES


def prewarm() -> None:
    """Starts the session's office in the background (the desk's start calls it when a Word draft
    waits for review), so that its first page view or approval does not wait for LibreOffice to
    start. Finding out whether LibreOffice is installed at all runs in that thread too."""

    def start() -> None:
        converter = shared()
        if converter is not None:
            with contextlib.suppress(Exception):
                converter.start()

    threading.Thread(target=start, name="office-prewarm", daemon=True).start()


def expected_layout(name: str) -> Layout | None:
    """What the publish dialog can say before approval: a Word draft keeps its layout, or (no
    LibreOffice) is laid out from its text; None for any other draft."""
    if not is_word_draft(name):
        return None
    reason = unavailable_reason()
    return Layout("text", reason=reason) if reason else Layout("libreoffice")


def docx_of(name: str, data: bytes) -> bytes:
    """A Word draft as DOCX: itself, or a DOC, WPS or ODT file converted by LibreOffice (the form
    the extractor reads and the desk redacts in). Raises ConversionFailed without LibreOffice."""
    if Path(name).suffix.lower() == ".docx":
        return data
    converter = shared()
    if converter is None:
        raise ConversionFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "“{name}”是 DOC、WPS 或 ODT 文件，需要 LibreOffice 才能读取：{reason}"
            ),
            name=name,
            reason=unavailable_reason(),
        )
    return converter.to_docx(name, data)


def page_view(name: str, data: bytes) -> bytes | None:
    """A Word draft's pages as LibreOffice lays them out, with what a reader does not see (tracked
    deletions, comments, hidden text) left out: the page view to review and draw areas on. None
    where LibreOffice cannot be used (the caller shows the text layout)."""
    converter = shared()
    if converter is None:
        return None
    from review.clean_docx import clean_docx

    return converter.to_pdf(name, clean_docx(docx_of(name, data)))


# -- fonts ----------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_CONTENT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|numbering)\.xml$")


def requested_fonts(docx: bytes) -> set[str]:
    """Font families a DOCX sets text in: fonts named on runs, on the styles its paragraphs, runs
    and tables use (and the styles those are based on), the document defaults, and the theme fonts
    any of these refer to. Fonts only listed in the font table or on unused styles are not counted."""
    import io
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = zf.namelist()

        def root(part: str) -> ElementTree.Element | None:
            try:
                return ElementTree.fromstring(zf.read(part)) if part in names else None
            except ElementTree.ParseError:
                return None

        theme = _theme_fonts(root("word/theme/theme1.xml"))
        styles = root("word/styles.xml")
        contents = [r for part in names if _CONTENT_PARTS.match(part) and (r := root(part)) is not None]
    fonts: set[str] = set()
    used: set[str] = set()
    for content in contents:
        for rfonts in content.iter(f"{_W}rFonts"):
            fonts |= _rfonts(rfonts, theme)
        for tag in ("pStyle", "rStyle", "tblStyle"):
            used |= {el.get(f"{_W}val") or "" for el in content.iter(f"{_W}{tag}")}
    if styles is not None:
        by_id = {s.get(f"{_W}styleId") or "": s for s in styles.iter(f"{_W}style")}
        used |= {i for i, s in by_id.items() if s.get(f"{_W}default") in ("1", "true")}
        for defaults in styles.iter(f"{_W}docDefaults"):
            for rfonts in defaults.iter(f"{_W}rFonts"):
                fonts |= _rfonts(rfonts, theme)
        seen: set[str] = set()
        todo = list(used)
        while todo:
            style_id = todo.pop()
            style = by_id.get(style_id)
            if style is None or style_id in seen:
                continue
            seen.add(style_id)
            for rfonts in style.iter(f"{_W}rFonts"):
                fonts |= _rfonts(rfonts, theme)
            for link in ("basedOn", "link"):
                el = style.find(f"{_W}{link}")
                if el is not None:
                    todo.append(el.get(f"{_W}val") or "")
    return {f for f in fonts if f.strip()}


def _rfonts(el: Any, theme: dict[str, str]) -> set[str]:
    out = {v for attr in ("ascii", "hAnsi", "eastAsia") if (v := el.get(f"{_W}{attr}"))}
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme"):
        ref = el.get(f"{_W}{attr}")
        if ref and theme.get(ref):
            out.add(theme[ref])
    return out


def _theme_fonts(theme: Any) -> dict[str, str]:
    """minorHAnsi, minorEastAsia … → the typeface the theme gives (for East Asian text, the
    simplified Chinese one when the theme names none in general)."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for kind in ("major", "minor"):
        font = next(theme.iter(f"{_A}{kind}Font"), None)
        if font is None:
            continue
        latin, ea = font.find(f"{_A}latin"), font.find(f"{_A}ea")
        hans = next((f for f in font.iter(f"{_A}font") if f.get("script") == "Hans"), None)
        if latin is not None and latin.get("typeface"):
            out[f"{kind}HAnsi"] = out[f"{kind}Ascii"] = latin.get("typeface") or ""
        east = (ea.get("typeface") if ea is not None else "") or (
            hans.get("typeface") if hans is not None else ""
        )
        if east:
            out[f"{kind}EastAsia"] = east
    return out


def _unescape(text: str) -> str:
    return text.replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")


def pdf_fonts(pdf: bytes) -> list[str]:
    """The fonts of a PDF by name, without the subset prefix (ABCDEF+), in order of first use."""
    import pymupdf

    from review.mupdf import LOCK

    seen: dict[str, None] = {}
    with LOCK, pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for index in range(doc.page_count):
            for font in doc.get_page_fonts(index):
                base = str(font[3]).split("+", 1)[-1]
                if base:
                    seen.setdefault(base, None)
    return list(seen)


def _squash_font(name: str) -> str:
    return re.sub(r"[\s_-]", "", name).lower()


def _write_profile(profile: Path, fonts_conf: Path) -> None:
    """The private LibreOffice profile (safety settings) and the fontconfig file (substitutions)."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    settings = [
        ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
        ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "boolean", "true"),
        ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "boolean", "true"),
        ("/org.openoffice.Office.Common/Save/Document", "CreateBackup", "boolean", "false"),
        ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", "boolean", "false"),
        ("/org.openoffice.Office.Recovery/RecoveryInfo", "Enabled", "boolean", "false"),
        ("/org.openoffice.Office.Common/Misc", "UseDocumentOOoLockFile", "boolean", "false"),
        ("/org.openoffice.Office.Common/Misc", "UseDocumentSystemFileLocking", "boolean", "false"),
        ("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "boolean", "false"),
        ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "2"),  # never update links
        ("/org.openoffice.Office.Linguistic/General", "DefaultLocale_CJK", "string", "zh-CN"),
    ]
    items = "\n".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, name, _kind, value in settings
    )
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}\n</oor:items>\n",
        encoding="utf-8",
    )
    rules = []
    for family, (substitute, bold) in FONT_SUBSTITUTES.items():
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        rules.append(
            f'<match target="pattern"><test name="family" qual="first"><string>{escape(family)}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{escape(substitute)}</string></edit>'
            f"{weight}</match>"
        )
    fonts_conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + "\n".join(rules)
        + "\n</fontconfig>\n",
        encoding="utf-8",
    )
