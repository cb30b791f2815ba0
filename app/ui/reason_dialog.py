"""Asks for the reason (退回, 撤回) or the legal basis (不予公开) a transition needs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import vocabulary
from publish.taxonomy import WITHHOLDING_BASES, LegalBasis


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, needs_basis: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(prompt)
        self.basis: QComboBox | None = None
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        if needs_basis:
            self.basis = QComboBox(self)
            # 不予公开 cites a withholding basis; technical cleanup withholds nothing.
            for basis in WITHHOLDING_BASES:
                self.basis.addItem(vocabulary(basis.label), basis.value)
            form.addRow(self.tr("法律依据"), self.basis)
        form.addRow(self.tr("理由"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def selected_basis(self) -> LegalBasis | None:
        return LegalBasis(self.basis.currentData()) if self.basis is not None else None

    def accept(self) -> None:
        if self.basis is None and not self.reason.toPlainText().strip():
            self.error.setText(self.tr("请填写理由。"))
            return
        super().accept()
