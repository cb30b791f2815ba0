"""A draft's catalog details: title, 发文字号, 公文种类, 主题分类, 成文日期, 发布机构, proposed 公开方式, 三同步
marks, 施行日期 and 有效期 of 规章/规范性文件, 主题词 and 内容概述 (the last two also for the reviewer while the
document is under review). The fields submission requires are marked."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.categories import leaves as category_leaves
from app.db.database import Database
from app.db.models import Document, User
from app.documents import REVIEWER_EDITABLE, update_metadata
from app.errors import TranslatableError
from app.roles import Status
from app.submission import REQUIRED_AT_SUBMISSION
from app.ui.dialog_parts import date_edit, error_label, ok_cancel
from app.ui.i18n import error_text, vocabulary
from publish.taxonomy import DOCUMENT_TYPES, DisclosureMode


class MetadataDialog(QDialog):
    def __init__(self, db: Database, user_id: int, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.document_id = db, user_id, document_id
        self.setWindowTitle(self.tr("文件信息"))
        with db.read() as session:
            leaves = sorted(category_leaves(session))
            doc = session.get_one(Document, document_id)
            self.version = doc.version
            values = (doc.title, doc.doc_number, doc.doc_type, doc.category, doc.written_on, doc.disclosure)
            publisher, department = doc.publisher, doc.department.name
            effective_on, valid_until = doc.effective_on, doc.valid_until
            marks = (doc.normative, doc.needs_interpretation, doc.rule)
            keywords = json.loads(doc.keywords) if doc.keywords is not None else None
            summary = doc.summary
            # Under review only the free text that goes out with the release can still be worded.
            self.text_only = doc.status_enum is not Status.DRAFT
        title, number, kind, category, written_on, disclosure = values
        self.title = QLineEdit(title, self)
        self.doc_number = QLineEdit(number, self)
        self.doc_number.setPlaceholderText(self.tr("例如：示医保〔2026〕7号（用六角括号〔〕）"))
        self.doc_type = QComboBox(self)
        self.doc_type.addItem(self.tr("（未选）"), "")
        for name in DOCUMENT_TYPES:
            self.doc_type.addItem(name, name)
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(kind)))
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.addItem("")
        self.category.addItems(leaves)
        self.category.setCurrentText(category)
        self.has_date, self.written_on, date_row = self._optional_date(self.tr("已定"), written_on)
        self.publisher = QLineEdit(publisher, self)
        self.publisher.setPlaceholderText(department)
        self.publisher.setToolTip(
            self.tr("由其他机关发布时填写其全称（如示范市人民政府办公室）；留空即本部门")
        )
        self.has_effective, self.effective_on, effective_row = self._optional_date(
            self.tr("已定"), effective_on
        )
        self.has_until, self.valid_until, until_row = self._optional_date(self.tr("有期限"), valid_until)
        self.disclosure = QComboBox(self)
        for mode in DisclosureMode:
            self.disclosure.addItem(vocabulary(mode.label), mode.value)
        self.disclosure.setCurrentIndex(max(0, self.disclosure.findData(disclosure)))
        self.rule = QCheckBox(self.tr("规章"), self)
        self.rule.setChecked(marks[2])
        self.normative = QCheckBox(self.tr("规范性文件"), self)
        self.normative.setChecked(marks[0])
        self.needs_interpretation = QCheckBox(self.tr("需解读"), self)
        self.needs_interpretation.setChecked(marks[1])
        self.needs_interpretation.setToolTip(self.tr("三同步：须同步附政策解读，否则审查员须写明理由"))
        self.keywords = QLineEdit("、".join(keywords) if keywords is not None else "", self)
        self.keywords.setPlaceholderText(self.tr("用顿号分隔；留空则批准时从发布文本中建议（不含人名）"))
        self.summary = QPlainTextEdit(summary, self)
        self.summary.setPlaceholderText(self.tr("内容概述（不超过 300 字）"))
        self.summary.setMaximumHeight(80)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self._label(self.tr("标题（信息名称）"), "title"), self.title)
        form.addRow(self.tr("发文字号"), self.doc_number)
        form.addRow(self.tr("公文种类"), self.doc_type)
        form.addRow(self._label(self.tr("主题分类"), "category"), self.category)
        form.addRow(self._label(self.tr("成文日期"), "written_on"), date_row)
        form.addRow(self.tr("发布机构"), self.publisher)
        form.addRow(self.tr("拟公开方式"), self.disclosure)
        marks_row = QWidget(self)
        row = QHBoxLayout(marks_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rule)
        row.addWidget(self.normative)
        row.addWidget(self.needs_interpretation)
        row.addStretch(1)
        form.addRow(self.tr("政策解读"), marks_row)
        # 施行日期 and 有效期 belong to 规章 and 规范性文件 only.
        self.legal_rows = (effective_row, until_row)
        form.addRow(self.tr("施行日期"), effective_row)
        form.addRow(self.tr("有效期至"), until_row)
        for mark in (self.rule, self.normative):
            mark.toggled.connect(self._legal_kind_changed)
        self._legal_kind_changed()
        form.addRow(self.tr("主题词"), self.keywords)
        form.addRow(self.tr("内容概述"), self.summary)
        note = QLabel(
            self.tr(
                "主题词和内容概述随文件一起做保密检查，批准时冻结；发布员在发布时补全或修改的，当场再做一次检查。"
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow("", note)
        if self.text_only:
            for widget in (
                self.title,
                self.doc_number,
                self.doc_type,
                self.category,
                date_row,
                self.publisher,
                self.disclosure,
                marks_row,
                effective_row,
                until_row,
            ):
                widget.setEnabled(False)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _optional_date(self, text: str, value: dt.date | None) -> tuple[QCheckBox, QDateEdit, QWidget]:
        """A date that may be unset: a check box that enables the date edit, in one row."""
        box, edit, row_widget = QCheckBox(text, self), date_edit(self, value), QWidget(self)
        box.setChecked(value is not None)
        edit.setEnabled(value is not None)
        box.toggled.connect(edit.setEnabled)
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(box)
        row.addWidget(edit, 1)
        return box, edit, row_widget

    def _label(self, text: str, field: str) -> QLabel:
        """A field's label, marked when submission requires the field."""
        label = QLabel(text, self)
        if field in REQUIRED_AT_SUBMISSION:
            label.setText(f'{text}<span style="color:#c0392b"> *</span>')
            label.setToolTip(self.tr("提交审查前必填"))
        return label

    def _legal_kind_changed(self) -> None:
        legal = self.rule.isChecked() or self.normative.isChecked()
        for row in self.legal_rows:
            row.setEnabled(legal and not self.text_only)
            row.setToolTip("" if legal else self.tr("仅规章和规范性文件填写"))

    @staticmethod
    def _date(box: QCheckBox, edit: QDateEdit) -> dt.date | None:
        return edit.date().toPython() if box.isChecked() else None  # type: ignore[return-value]

    def accept(self) -> None:
        written_on = self._date(self.has_date, self.written_on)
        legal = self.rule.isChecked() or self.normative.isChecked()
        words = [w.strip() for w in self.keywords.text().replace(",", "、").replace("，", "、").split("、")]
        changes: dict[str, object] = {
            "title": self.title.text(),
            "doc_number": self.doc_number.text(),
            "doc_type": str(self.doc_type.currentData()),
            "category": self.category.currentText().strip(),
            "written_on": written_on,
            "disclosure": str(self.disclosure.currentData()),
            "normative": self.normative.isChecked(),
            "rule": self.rule.isChecked(),
            "needs_interpretation": self.needs_interpretation.isChecked(),
            "keywords": tuple(w for w in words if w) or None,
            "summary": self.summary.toPlainText(),
            "publisher": self.publisher.text(),
            "effective_on": self._date(self.has_effective, self.effective_on) if legal else None,
            "valid_until": self._date(self.has_until, self.valid_until) if legal else None,
        }
        if self.text_only:
            changes = {k: v for k, v in changes.items() if k in REVIEWER_EDITABLE}
        try:
            with self.db.write() as session:
                update_metadata(
                    session, session.get_one(User, self.user_id), self.document_id, self.version, **changes
                )
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()
