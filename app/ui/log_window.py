"""A window showing the desk's log as it is written."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget


class _LogSignal(QObject):
    record_formatted = Signal(str)


class QtLogHandler(logging.Handler):
    """Forwards log records to the UI thread through a signal (records come from any thread)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.signal = _LogSignal()
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        # RuntimeError: the window is gone while the app shuts down.
        with contextlib.suppress(RuntimeError):
            self.signal.record_formatted.emit(self.format(record))


class LogWindow(QDialog):
    MAX_LINES = 5000

    def __init__(self, handler: QtLogHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("日志"))
        self.resize(800, 400)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setMaximumBlockCount(self.MAX_LINES)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        handler.signal.record_formatted.connect(self.view.appendPlainText)
