"""Every UI string has its English translation, and the compiled .qm matches the .ts."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import TRANSLATIONS_DIR, install_translators

ROOT = Path(__file__).resolve().parents[1]
TS = TRANSLATIONS_DIR / "desk_en.ts"


def test_every_message_is_translated():
    unfinished = [
        m.findtext("source")
        for m in ET.parse(TS).getroot().iter("message")
        if m.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
    ]
    assert unfinished == []


def test_ts_is_current_with_the_code(tmp_path):
    """Running lupdate over the code adds nothing: no string escaped translation."""
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(TS.read_bytes())
    sources = subprocess.run(
        ["git", "ls-files", "app/*.py", "review/*.py", "publish/*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), "-silent", "-no-obsolete", *sources, "-ts", str(fresh)], cwd=ROOT, check=True
    )
    unfinished = [
        m.findtext("source")
        for m in ET.parse(fresh).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    out = tmp_path / "desk_en.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(out)], check=True)
    assert out.read_bytes() == (TRANSLATIONS_DIR / "desk_en.qm").read_bytes()


def test_english_switch_translates_ui_and_core_messages(qapp):
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("Vocabulary", "草稿") == "Draft"
        assert QCoreApplication.translate("FilesController", "导入文件…") == "Import files…"
        from app.errors import PermissionDenied
        from app.ui.i18n import error_text

        exc = PermissionDenied("只有系统管理员可以添加用户。")
        assert error_text(exc) == "Only system administrators can add users."
        from app.ui.i18n import translate
        from review.model import Location

        assert Location(line=4, column=1).describe(translate) == "line 4, column 1"
        assert QCoreApplication.translate(
            "FindingsPanel", "共 %n 处：{parts}（词库版本 {version}）", "", 1
        ).startswith("1 finding:")
        assert Location(page=1, end_page=2).describe(translate) == "pages 2–3"
        assert (
            Location(part="word/document.xml", paragraph=0).describe(translate)
            == "word/document.xml, paragraph 1"
        )
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("Vocabulary", "草稿") == "草稿"
