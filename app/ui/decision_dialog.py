"""What a decision on a finding needs: the legal basis (删除, 遮盖) or a reason (保留, 误报)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from app.reviewing import DECISION_LABELS
from app.ui.i18n import vocabulary
from publish.taxonomy import LegalBasis
from review.model import Finding

# The basis a reviewer most often picks for a category; they can change it.
_DEFAULT_BASIS = {
    "密级标志": LegalBasis.STATE_SECRET,
    "保密": LegalBasis.STATE_SECRET,
    "个人信息": LegalBasis.THIRD_PARTY_RIGHTS,
    "个人敏感信息": LegalBasis.THIRD_PARTY_RIGHTS,
    "第三方权益": LegalBasis.THIRD_PARTY_RIGHTS,
    "内部标识": LegalBasis.INTERNAL_AFFAIRS,
    "过程性信息": LegalBasis.PROCESS_INFORMATION,
}


class DecisionDialog(QDialog):
    def __init__(self, decision: str, finding: Finding | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decision = decision
        self.setWindowTitle(vocabulary(DECISION_LABELS[decision]))
        shown = f"“{finding.text[:60]}”" if finding and finding.text else ""
        about = QLabel(f"{shown} {vocabulary(finding.message) if finding else ''}", self)
        about.setWordWrap(True)
        self.basis: QComboBox | None = None
        self.reason = QPlainTextEdit(self)
        self.allow: QCheckBox | None = None
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        if decision in (REMOVE, MASK) or finding is None:
            self.basis = QComboBox(self)
            for basis in LegalBasis:
                self.basis.addItem(vocabulary(basis.label), basis.value)
            default = _DEFAULT_BASIS.get(finding.category) if finding else None
            if default is not None:
                self.basis.setCurrentIndex(self.basis.findData(default.value))
            form.addRow(self.tr("法律依据"), self.basis)
            self.reason.setPlaceholderText(self.tr("补充说明（可选）"))
        else:
            self.reason.setPlaceholderText(self.tr("请写明理由（必填）"))
        form.addRow(self.tr("理由"), self.reason)
        if decision == FALSE_ALARM:
            self.allow = QCheckBox(self.tr("加入本部门允许词，今后不再提示"), self)
            form.addRow("", self.allow)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 280)

    def selected_basis(self) -> LegalBasis | None:
        return LegalBasis(self.basis.currentData()) if self.basis is not None else None

    def accept(self) -> None:
        if self.decision in (KEEP, FALSE_ALARM) and not self.reason.toPlainText().strip():
            self.error.setText(self.tr("请填写理由。"))
            return
        super().accept()
