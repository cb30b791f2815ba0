"""What a decision on a finding needs: the legal basis (删除, 遮盖) or a reason (保留, 误报).

The basis starts empty: a pre-selected value is what a hurried reviewer clicks through, and the
record and the yearly report then carry it. The desk suggests one by the finding's category, and
the reviewer applies it or picks another. What the reviewer chose last time for the same category
and decision is offered again, filled in and said so: that is their own judgement, not a default.
Keeping a 密级 marking needs a confirmed 解密 record.

The keyboard: the cursor starts on the basis (or on OK), never in 理由, so the decision key pressed
again types nothing; Enter confirms anywhere (Shift+Enter starts a new line in 理由).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.finding_labels import place, rule_name
from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from app.reviewing import DECISION_LABELS
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import translate, vocabulary
from publish.taxonomy import LegalBasis, is_hidden, suggest_basis
from review.model import Finding
from review.rules import MARKING, PARAGRAPH_MARKING

_MARKINGS = (MARKING.id, PARAGRAPH_MARKING.id)


@dataclass(frozen=True)
class Remembered:
    """The basis and reason a reviewer gave last for one category and decision."""

    basis: LegalBasis | None
    reason: str


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
        count: int = 1,
        identical: int = 0,
        last: Remembered | None = None,
    ) -> None:
        """`count`: how many selected findings this decides at once; `identical`: how many more
        undecided findings have the same rule and text (offered with a check box); `last`: what the
        reviewer gave last time for this finding's category and this decision."""
        super().__init__(parent)
        self.decision = decision
        title = vocabulary(DECISION_LABELS[decision])
        self.setWindowTitle(
            title if count == 1 else self.tr("{decision}（{count} 处）").format(decision=title, count=count)
        )
        about = QLabel(self._about(finding, count), self)
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis: QComboBox | None = None
        self.suggestion = QLabel(self)
        self.apply_suggestion = QPushButton(self.tr("采用建议"), self)
        self.declassification_note = QLabel(self)
        self.declassification_note.setWordWrap(True)
        self.declassify_button = QPushButton(self.tr("解密记录…"), self)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        self.reason.installEventFilter(self)
        self.allow: QCheckBox | None = None
        self.also_identical: QCheckBox | None = None
        self.remembered = QLabel(self)
        self.remembered.setStyleSheet("color: #555;")
        self.remembered.hide()
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
        if identical:
            self.also_identical = QCheckBox(
                self.tr("同样处理本文件中其余 {count} 处相同的发现（同一规则、同一文字）").format(
                    count=identical
                ),
                self,
            )
            # Removing more of the same is safe; keeping it elsewhere needs a look at each place.
            self.also_identical.setChecked(decision in (REMOVE, MASK))
            form.addRow("", self.also_identical)
        if last is not None:
            self._offer(last, finding)
            form.addRow("", self.remembered)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._first_focus()

    def _about(self, finding: Finding | None, count: int) -> str:
        if finding is None:
            return ""
        shown = finding.text if len(finding.text) <= 200 else finding.text[:200] + "…"
        text = f"{rule_name(finding, translate)} · {place(finding, translate)}"
        text += f"\n“{shown}”" if shown else ""
        text += f"\n{translate('Rules', finding.message)}"
        if count > 1:
            text = self.tr("对选中的 {count} 处发现一并处理，第一处：").format(count=count) + "\n" + text
        return text

    def _offer(self, last: Remembered, finding: Finding | None) -> None:
        """Fills in what the reviewer gave last time for this category and decision, and says so."""
        if self.basis is not None and last.basis is not None and self.basis.findData(last.basis.value) >= 0:
            self.basis.setCurrentIndex(self.basis.findData(last.basis.value))
        if last.reason:
            self.reason.setPlainText(last.reason)
            self.reason.selectAll()
        category = translate("Rules", finding.category) if finding is not None else ""
        self.remembered.setText(
            self.tr("已沿用上次对“{category}”的处理依据和理由，可修改。").format(category=category)
        )
        self.remembered.show()

    def _first_focus(self) -> None:
        """The basis when one must be chosen, else OK: never 理由, where the decision key would type."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        if self.basis is not None and self.basis.currentIndex() < 0:
            self.basis.setFocus()
        else:
            ok.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in 理由 confirms, as everywhere in the dialog; Shift+Enter starts a new line."""
        if (
            watched is self.reason
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

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
            self.reason.setFocus()
            return
        super().accept()
