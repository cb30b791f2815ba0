"""Publishing an approved item into the catalog: its entry as it will read, the catalog-only fields the
publisher completes (checked again on publishing), and the lint."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import desk_day
from app.catalog import proposed_fields, publish_to_catalog, publishing_issues
from app.categories import paths as category_paths
from app.db.database import Database
from app.db.models import Document
from app.errors import TranslatableError
from app.ui.dialog_parts import date_edit, error_label, ok_cancel, qdate
from app.ui.findings_panel import SEVERITY_COLORS
from app.ui.i18n import error_text, translate
from review.convert import expected_layout
from review.model import Severity


class PublishDialog(QDialog):
    def __init__(
        self,
        db: Database,
        user_id: int,
        document_id: int,
        version: int,
        parent: QWidget | None = None,
        *,
        portal_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.document_id, self.version = db, user_id, document_id, version
        self.index_no = ""
        self.setWindowTitle(self.tr("编入政府信息公开目录"))
        with db.read() as session:
            self.fields = proposed_fields(session, document_id, desk_day.today())
            self.leaves = [path for path, leaf in category_paths(session).items() if leaf]
            original_name = session.get_one(Document, document_id).current_original().original_name
        f = self.fields
        form = QFormLayout()
        # The document's own fields, as reviewed: the check judged as of its 成文日期.
        for label, value in (
            (self.tr("信息名称"), f.title),
            (self.tr("发文字号"), f.doc_number or "—"),
            (self.tr("公文种类"), f.doc_type or "—"),
            (self.tr("成文日期"), f.written_on.isoformat() if f.written_on else "—"),
        ):
            shown = QLabel(value, self)
            shown.setWordWrap(True)
            form.addRow(label, shown)
        # Issue 18: how a Word, WPS or ODT draft's published PDF is laid out, said before publishing.
        laid_out = expected_layout(original_name)
        if laid_out is not None:
            shown = QLabel(
                self.tr("未安装 LibreOffice：按文字重新排版发布")
                if laid_out.text_only
                else self.tr("按原版式发布（LibreOffice 转换）"),
                self,
            )
            shown.setWordWrap(True)
            form.addRow(self.tr("版式"), shown)
        # The catalog's own fields, which the publisher may complete: pre-filled as approved.
        self.category = QComboBox(self)
        if f.category not in self.leaves:  # none yet, or one the tree has since divided: the lint says which
            self.category.addItem(
                self.tr("{category}（请选择末级分类）").format(category=f.category), f.category
            )
        for path in self.leaves:
            self.category.addItem(path, path)
        self.category.setCurrentIndex(max(self.category.findData(f.category), 0))
        form.addRow(self._required(self.tr("主题分类")), self.category)
        self.publisher = QLineEdit(f.publisher, self)
        form.addRow(self._required(self.tr("发布机构")), self.publisher)
        self.keywords = QLineEdit("、".join(f.keywords), self)
        form.addRow(self.tr("主题词"), self.keywords)
        self.summary = QPlainTextEdit(f.summary, self)
        self.summary.setPlaceholderText(self.tr("内容概述（不超过 300 字）"))
        self.summary.setMaximumHeight(90)
        form.addRow(self.tr("内容概述"), self.summary)
        # 发布日期 is the day the item goes online, never chosen: a backdated one is a 单项否决 item.
        self.published_on = desk_day.today()
        form.addRow(
            self.tr("发布日期"),
            QLabel(self.tr("{day}（发布当天）").format(day=self.published_on.isoformat()), self),
        )
        # 公示期: a 名单公示 with personal data is online only until its last day; the desk then
        # withdraws it by itself (app/notice_periods.py).
        self.notice = QCheckBox(self.tr("名单公示，公示期至"), self)
        self.notice_until = date_edit(self, self.published_on + dt.timedelta(days=7))
        self.notice_until.setMinimumDate(qdate(self.published_on))
        self.notice_until.setEnabled(False)
        self.notice.toggled.connect(self.notice_until.setEnabled)
        notice = QHBoxLayout()
        notice.addWidget(self.notice)
        notice.addWidget(self.notice_until)
        notice.addWidget(QLabel(self.tr("（届满后自动撤回）"), self))
        notice.addStretch(1)
        form.addRow(self.tr("公示期"), notice)
        frozen = QLabel(
            self.tr(
                "主题分类、发布机构、主题词和内容概述已随审查批准冻结，可在此补全或修改（*为必填）。"
                "修改的内容会当场做保密检查；检查发现问题时不能发布，须退回重新审查。"
            ),
            self,
        )
        frozen.setWordWrap(True)
        form.addRow("", frozen)
        # Where it goes: the static site always (the desk's own target); the portal and the transfer
        # package when ticked (each a queue, pushed or exported later).
        site = QCheckBox(self.tr("静态目录网站（总是更新）"), self)
        site.setChecked(True)
        site.setEnabled(False)
        self.to_portal = QCheckBox(self.tr("门户网站（加入发布队列）"), self)
        self.to_portal.setEnabled(bool(portal_url))
        if not portal_url:
            self.to_portal.setToolTip(self.tr("尚未在“设置…”中配置门户地址"))
        self.to_package = QCheckBox(self.tr("传输包（加入下次导出）"), self)
        targets = QVBoxLayout()
        for box in (site, self.to_portal, self.to_package):
            targets.addWidget(box)
        form.addRow(self.tr("发布目标"), targets)
        self.issues = QListWidget(self)
        self.issues.setMaximumHeight(110)
        recheck = QPushButton(self.tr("重新检查目录信息"), self)
        recheck.clicked.connect(self.run_lint)
        self.error = error_label(self)
        self.buttons = ok_cancel(self, self.tr("发布"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("目录信息检查（文件信息可在草稿阶段由经办人修改）"), self))
        layout.addWidget(self.issues)
        layout.addWidget(recheck)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.summary.textChanged.connect(self.run_lint)
        self.category.currentIndexChanged.connect(self.run_lint)
        self.publisher.textChanged.connect(self.run_lint)
        self.resize(560, 660)
        self.run_lint()

    def _required(self, text: str) -> QLabel:
        label = QLabel(f'{text}<span style="color:#c0392b"> *</span>', self)
        label.setToolTip(self.tr("发布前必填"))
        return label

    def _keywords(self) -> tuple[str, ...]:
        return tuple(k.strip() for k in self.keywords.text().replace(",", "、").split("、") if k.strip())

    def run_lint(self) -> bool:
        issues = publishing_issues(
            replace(
                self.fields,
                category=str(self.category.currentData()),
                publisher=self.publisher.text().strip(),
                summary=self.summary.toPlainText(),
                published_on=self.published_on,
                keywords=self._keywords(),
            ),
            set(self.leaves),
        )
        self.issues.clear()
        for issue in issues:
            item = QListWidgetItem(translate("DeskError", issue.template).format(**dict(issue.params)))
            item.setForeground(SEVERITY_COLORS[Severity.BLOCKING if issue.blocking else Severity.WARNING])
            self.issues.addItem(item)
        if not issues:
            self.issues.addItem(self.tr("目录信息完整。"))
        blocked = any(i.blocking for i in issues)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocked)
        return not blocked

    def notice_day(self) -> dt.date | None:
        """The last day of the 公示期, when this is a 名单公示."""
        if not self.notice.isChecked():
            return None
        day = self.notice_until.date()
        return dt.date(day.year(), day.month(), day.day())

    def accept(self) -> None:
        try:
            entry = publish_to_catalog(
                self.db,
                self.user_id,
                self.document_id,
                self.version,
                published_on=desk_day.today(),  # the day of the click: a dialog left open overnight
                summary=self.summary.toPlainText(),
                keywords=self._keywords(),
                category=str(self.category.currentData()),
                publisher=self.publisher.text(),
                to_portal=self.to_portal.isChecked(),
                to_package=self.to_package.isChecked(),
                notice_until=self.notice_day(),
            )
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        self.index_no = entry.index_no
        super().accept()
