"""The desk's QApplication: translations, the CJK font, and no exception that disappears silently."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import Paths
from app.ui.fonts import install_cjk_fallback
from app.ui.i18n import install_translators
from app.ui.log_window import QtLogHandler

log = logging.getLogger(__name__)


class DeskApplication(QApplication):
    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.setApplicationName("DisclosureDesk")
        self.setApplicationDisplayName("政务公开审发台")
        self.setOrganizationName("DisclosureDesk")
        self.log_handler = QtLogHandler()
        logging.getLogger().addHandler(self.log_handler)
        self.cjk_family: str | None = None
        self._translators: list[object] = []

    def configure(self, paths: Paths, language: str) -> None:
        self.cjk_family = install_cjk_fallback(self, paths.cache_dir)
        self._translators = list(install_translators(self, language))

    def install_excepthook(self) -> None:
        sys.excepthook = self._excepthook

    def _excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        details = "".join(traceback.format_exception(kind, value, tb))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("意外错误"),
            self.tr("审发台遇到意外错误。已保存的数据不受影响。\n\n{error}").format(error=value),
        )
        box.setDetailedText(details)
        box.exec()
