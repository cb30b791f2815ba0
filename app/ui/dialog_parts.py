"""Parts every form dialog of the desk shares: the red message line and the OK/Cancel row."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


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
