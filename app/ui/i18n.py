"""Language switching and translation of the core's messages."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from review.errors import TranslatableError

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """The UI's source strings are Chinese; English comes from desk_en.qm. Qt's own dialogs follow."""
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        translators.append(qt_translator)
    if language != "zh_CN":
        desk = QTranslator(app)
        if desk.load(f"desk_{language}", str(TRANSLATIONS_DIR)):
            translators.append(desk)
        else:
            log.warning("no translation for %s in %s; showing Chinese", language, TRANSLATIONS_DIR)
    for t in translators:
        app.installTranslator(t)
    QLocale.setDefault(QLocale(language))
    return translators


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def enumeration(items: Iterable[str]) -> str:
    """Items listed the way the UI language lists them (、 in Chinese)."""
    return QCoreApplication.translate("Vocabulary", "、").join(items)


def clauses(items: Iterable[str]) -> str:
    """Parts of one sentence joined the way the UI language joins them (，in Chinese)."""
    return QCoreApplication.translate("Vocabulary", "，").join(items)


def vocabulary(label: str) -> str:
    """A core label (role, status, action, basis) in the UI language."""
    return translate("Vocabulary", label)


def error_text(exc: TranslatableError) -> str:
    return exc.localized(translate)
