"""Importing a transfer package: verified first, its contents shown, taken in only when confirmed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog import update_static_site
from app.db.database import Database
from app.errors import QT_TRANSLATE_NOOP, TranslatableError
from app.transfer import ImportResult, clash_error, import_package, verify_package
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import error_text, vocabulary

ACTION_LABELS = {
    "upsert": QT_TRANSLATE_NOOP("Vocabulary", "发布"),
    "withdraw": QT_TRANSLATE_NOOP("Vocabulary", "撤回"),
    "validity": QT_TRANSLATE_NOOP("Vocabulary", "有效性变更"),
}


class PackageImportDialog(QDialog):
    def __init__(
        self, db: Database, user_id: int, path: Path, site_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.path, self.site_dir = db, user_id, path, site_dir
        self.result_: ImportResult | None = None
        self.setWindowTitle(self.tr("导入传输包"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("操作"), self.tr("索引号"), self.tr("信息名称")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.to_site = QCheckBox(self.tr("导入后更新静态目录网站"), self)
        self.to_site.setChecked(True)
        self.to_portal = QCheckBox(self.tr("加入门户发布队列"), self)
        # Shown when this machine already uses some of the package's index numbers.
        self.skip_clashes = QCheckBox(self.tr("跳过重号条目，只导入其余内容"), self)
        self.skip_clashes.hide()
        self.error = error_label(self)
        self.buttons = ok_cancel(self, self.tr("导入"))
        layout = QVBoxLayout(self)
        for widget in (
            self.summary,
            self.table,
            self.to_site,
            self.to_portal,
            self.skip_clashes,
            self.error,
            self.buttons,
        ):
            layout.addWidget(widget)
        self.resize(760, 460)
        self._verify()

    def _verify(self) -> None:
        try:
            _package, summary = verify_package(self.db, self.path)
        except TranslatableError as exc:
            self.summary.setText(self.tr("传输包未通过验证，不能导入。"))
            self.error.setText(error_text(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.summary.setText(
            self.tr(
                "来自：{department}　序号：{sequence}　密钥：{key}\n签名和全部 {count} 项内容的哈希均已验证。"
            ).format(
                department=summary.department,
                sequence=summary.sequence,
                key=summary.key_id[:16],
                count=len(summary.items),
            )
        )
        self.table.setRowCount(len(summary.items))
        for row, (action, index_no, title) in enumerate(summary.items):
            for column, text in enumerate((vocabulary(ACTION_LABELS.get(action, action)), index_no, title)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if summary.clashes:
            self.error.setText(error_text(clash_error(summary.clashes)))
            self.skip_clashes.show()

    def accept(self) -> None:
        try:
            self.result_ = import_package(
                self.db,
                self.user_id,
                self.path,
                to_portal=self.to_portal.isChecked(),
                set_aside_clashes=self.skip_clashes.isChecked(),
            )
            if self.to_site.isChecked():
                update_static_site(self.db, self.site_dir)
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()
