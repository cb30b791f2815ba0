"""What a decision on a finding needs: the legal basis (删除, 遮盖) or a reason (保留, 误报).

The basis starts empty: a pre-selected value is what a hurried reviewer clicks through, and the
record and the yearly report then carry it. The desk suggests one by the finding's category, and
the reviewer applies it or picks another. Keeping a 密级 marking needs a confirmed 解密 record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from app.reviewing import DECISION_LABELS
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import translate, vocabulary
from publish.taxonomy import LegalBasis, is_hidden, suggest_basis
from review.model import Finding
from review.rules import MARKING, PARAGRAPH_MARKING

_MARKINGS = (MARKING.id, PARAGRAPH_MARKING.id)


class DecisionDialog(QDialog):
    """`declassify`, for a 密级 marking kept or called a false alarm: opens the 解密 record and
    returns its status line; `declassification_status` is that line when the dialog opens."""

    def __init__(
        self,
        decision: str,
        finding: Finding | None,
        parent: QWidget | None = None,
        *,
        declassify: Callable[[], str] | None = None,
        declassification_status: str = "",
    ) -> None:
        super().__init__(parent)
        self.decision = decision
        self.setWindowTitle(vocabulary(DECISION_LABELS[decision]))
        shown = f"“{finding.text[:60]}”" if finding and finding.text else ""
        about = QLabel(f"{shown} {translate('Rules', finding.message) if finding else ''}", self)
        about.setWordWrap(True)
        self.basis: QComboBox | None = None
        self.suggestion = QLabel(self)
        self.apply_suggestion = QPushButton(self.tr("采用建议"), self)
        self.declassification_note = QLabel(self)
        self.declassification_note.setWordWrap(True)
        self.declassify_button = QPushButton(self.tr("解密记录…"), self)
        self.reason = QPlainTextEdit(self)
        self.allow: QCheckBox | None = None
        self.error = error_label(self)
        form = QFormLayout()
        suggested: LegalBasis | None = None
        if decision in (REMOVE, MASK) or finding is None:
            self.basis = QComboBox(self)
            self.basis.setPlaceholderText(self.tr("请选择法律依据"))
            hidden = finding is not None and is_hidden(finding.category, finding.channel.value)
            for basis in LegalBasis:
                # Technical cleanup is for what no reader sees; a drawn area or visible text is withheld.
                if basis is not LegalBasis.TECHNICAL_CLEANUP or hidden:
                    self.basis.addItem(vocabulary(basis.label), basis.value)
            self.basis.setCurrentIndex(-1)
            form.addRow(self.tr("法律依据"), self.basis)
            if finding is not None:
                suggested = suggest_basis(finding.rule_id, finding.category, finding.channel.value)
            if suggested is not None:
                self.suggestion.setText(self.tr("建议：{basis}").format(basis=vocabulary(suggested.label)))
                self.apply_suggestion.clicked.connect(lambda: self._apply(suggested))
                row = QHBoxLayout()
                row.addWidget(self.suggestion, 1)
                row.addWidget(self.apply_suggestion)
                form.addRow("", row)
            self.reason.setPlaceholderText(self.tr("补充说明（可选）"))
        else:
            self.reason.setPlaceholderText(self.tr("请写明理由（必填）"))
        self.suggestion.setVisible(suggested is not None)
        self.apply_suggestion.setVisible(suggested is not None)
        marking = finding is not None and finding.rule_id in _MARKINGS and decision in (KEEP, FALSE_ALARM)
        self._declassify = declassify
        if marking:
            self._show_declassification(declassification_status)
            self.declassify_button.clicked.connect(self._open_declassification)
            self.declassify_button.setEnabled(declassify is not None)
            box = QVBoxLayout()
            box.addWidget(self.declassification_note)
            box.addWidget(self.declassify_button)
            form.addRow(self.tr("密级标志"), box)
        self.declassification_note.setVisible(marking)
        self.declassify_button.setVisible(marking)
        form.addRow(self.tr("理由"), self.reason)
        if decision == FALSE_ALARM and finding is not None and finding.rule_id == "LEX":
            self.allow = QCheckBox(
                self.tr("将该词连同前后文字加入本部门允许词（只对同一说法不再提示）"), self
            )
            form.addRow("", self.allow)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.resize(520, 320)

    def _apply(self, basis: LegalBasis) -> None:
        if self.basis is not None:
            self.basis.setCurrentIndex(self.basis.findData(basis.value))

    def _show_declassification(self, status: str) -> None:
        note = self.tr(
            "密级标志须有解密/降密记录（定密机关、日期、文号或审批单），由审查员录入并经另一名审查员或"
            "系统管理员确认，才能保留或判为误报。"
        )
        self.declassification_note.setText(f"{note}\n{status}" if status else note)

    def _open_declassification(self) -> None:
        if self._declassify is not None:
            self._show_declassification(self._declassify())

    def selected_basis(self) -> LegalBasis | None:
        if self.basis is None or self.basis.currentIndex() < 0:
            return None
        return LegalBasis(self.basis.currentData())

    def accept(self) -> None:
        if self.basis is not None and self.selected_basis() is None:
            self.error.setText(self.tr("请选择法律依据。"))
            return
        if self.decision in (KEEP, FALSE_ALARM) and not self.reason.toPlainText().strip():
            self.error.setText(self.tr("请填写理由。"))
            return
        super().accept()
