"""Dialogs of the 依申请公开 view: registering a request, an action on its clock, drafting the 答复书.

Each dialog is given `save`, the work its OK does; an error it raises is shown in the dialog's red
line and the dialog stays open with what was typed (nothing is lost)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import TranslatableError
from app.ui.dialog_parts import date_edit, error_label, ok_cancel
from app.ui.i18n import error_text, vocabulary
from publish.answer_letter import FACT_LABELS

# One row of a form: (key, label, kind, choices). Kinds: date, text, note, int, choice.
Field = tuple[str, str, str, Sequence[tuple[str, str]]]


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    assert isinstance(widget, QLineEdit)
    return widget.text().strip()


class FormDialog(QDialog):
    """A form of labelled fields whose OK runs `save(values)`."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        save: Callable[[dict[str, Any]], object],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save = save
        self.form = QFormLayout()
        self.widgets: dict[str, QWidget] = {}
        for key, label, kind, choices in fields:
            self.widgets[key] = self._widget(kind, choices)
            self.form.addRow(label, self.widgets[key])
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))

    def _widget(self, kind: str, choices: Sequence[tuple[str, str]]) -> QWidget:
        if kind == "date":
            return date_edit(self)
        if kind == "note":
            note = QPlainTextEdit(self)
            note.setMaximumHeight(90)
            return note
        if kind == "int":
            spin = QSpinBox(self)
            spin.setRange(1, 20)
            spin.setValue(20)
            return spin
        if kind == "choice":
            combo = QComboBox(self)
            for value, label in choices:
                combo.addItem(vocabulary(label), value)
            return combo
        return QLineEdit(self)

    def values(self) -> dict[str, Any]:
        return {key: _value(widget) for key, widget in self.widgets.items()}

    def accept(self) -> None:
        try:
            self.save(self.values())
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class RegisterDialog(FormDialog):
    """登记申请: the applicant, what is asked, how and when it came, and the files that came with it."""

    def __init__(
        self,
        fields: Sequence[Field],
        save: Callable[[dict[str, Any]], object],
        choose_files: Callable[[], list[str]],
        parent: QWidget | None,
    ) -> None:
        super().__init__(self.tr("登记政府信息公开申请"), fields, save, parent)
        self.choose_files = choose_files
        self.files = QListWidget(self)
        self.files.setMaximumHeight(70)
        add = QPushButton(self.tr("添加来信、申请表…"), self)
        add.clicked.connect(self.add_files)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addWidget(add)
        self.form.addRow(self.tr("申请材料"), row)
        self.resize(560, 480)

    def add_files(self) -> None:
        for name in self.choose_files():
            self.files.addItem(name)

    def values(self) -> dict[str, Any]:
        return {
            **super().values(),
            "files": [Path(self.files.item(i).text()) for i in range(self.files.count())],
        }


class DraftAnswerDialog(QDialog):
    """起草答复书: the outcome, the facts its template needs, and the text to read and edit; the caller
    lays the text out and stores the draft (off the UI thread)."""

    def __init__(
        self,
        outcomes: Sequence[tuple[str, str]],
        facts_of: Callable[[str], list[str]],
        fill: Callable[[dict[str, Any]], str],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("起草答复书"))
        self.facts_of, self.fill = facts_of, fill
        self.outcome = QComboBox(self)
        for value, label in outcomes:
            self.outcome.addItem(vocabulary(label), value)
        self.issued_on = date_edit(self)
        head = QFormLayout()
        head.addRow(self.tr("处理结果"), self.outcome)
        head.addRow(self.tr("答复日期"), self.issued_on)
        self.facts_form = QFormLayout()
        self.fact_edits: dict[str, QLineEdit] = {}
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("填好上面的内容后点“按模板生成文字”，可在此修改后保存。"))
        marks = QLabel(self.tr("行首记号：^ 标题，= 居中，| 顶格，> 右对齐（落款），其余为正文段落。"), self)
        marks.setStyleSheet("color: #666;")
        generate = QPushButton(self.tr("按模板生成文字"), self)
        generate.clicked.connect(self.generate)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.facts_form)
        layout.addWidget(generate)
        layout.addWidget(self.text, 1)
        layout.addWidget(marks)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("保存为答复书草稿")))
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.resize(720, 680)

    def _outcome_changed(self) -> None:
        while self.facts_form.rowCount():
            self.facts_form.removeRow(0)
        self.fact_edits = {}
        try:
            names = self.facts_of(self.outcome.currentData())
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        for name in names:
            edit = QLineEdit(self)
            self.fact_edits[name] = edit
            self.facts_form.addRow(vocabulary(FACT_LABELS[name]), edit)
        self.text.clear()

    def values(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.currentData(),
            "issued_on": self.issued_on.date().toPython(),
            "facts": {k: e.text().strip() for k, e in self.fact_edits.items() if e.text().strip()},
            "text": self.text.toPlainText(),
        }

    def generate(self) -> None:
        try:
            self.text.setPlainText(self.fill(self.values()))
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()

    def accept(self) -> None:
        """Closes with a text to lay out: the clerk's, or the template's once its facts are all given."""
        if not self.text.toPlainText().strip():
            self.generate()
        if self.text.toPlainText().strip():
            super().accept()
