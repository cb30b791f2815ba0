"""Parts every form dialog of the desk shares: the red message line, the OK/Cancel row, a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLabel, QWidget

from app import desk_day


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(parent: QWidget, day: dt.date | None = None) -> QDateEdit:
    """A date picked from a calendar, written YYYY-MM-DD; the desk's today unless given."""
    edit = QDateEdit(qdate(day or desk_day.today()), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def error_label(parent: QWidget) -> QLabel:
    """Where a dialog says, in red, why it cannot go on; it stays open with what was typed."""
    label = QLabel(parent)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
