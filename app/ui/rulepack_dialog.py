"""The department's own 错敏/表述 rule packs: see them, import files, export, remove (app.rulepacks)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import rulepacks
from app.atomic import write_bytes_atomic
from app.db.database import Database
from app.db.models import User
from app.errors import TranslatableError
from app.roles import Role
from app.ui.i18n import error_text


class RulePackDialog(QDialog):
    def __init__(self, db: Database, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id = db, user_id
        self.setWindowTitle(self.tr("部门错敏/表述规则包"))
        self.resize(760, 560)
        # Replaceable by tests, which cannot click through native file dialogs.
        self.choose_import: Callable[[], list[str]] = lambda: QFileDialog.getOpenFileNames(
            self, self.tr("选择规则包文件"), str(Path.home()), self.tr("规则包 (*.csv)")
        )[0]
        self.choose_folder: Callable[[], str] = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("导出到文件夹"), str(Path.home())
        )
        self.confirm_remove: Callable[[str], bool] = self._confirm_remove
        note = QLabel(
            self.tr(
                "随附的规则包（领导人任职、规范表述、过时提法、常见错别字等）始终生效；这里是本部门的文件，"
                "按主键合并在随附规则之上，可增补本地领导人和职务、机构名称、本地表述。"
                "文件格式见 docs/rulepacks.md。停用随附规则或删去已有规则须由系统管理员进行。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("文件"), self.tr("规则数"), self.tr("停用随附规则"), self.tr("更新时间")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("选择一个文件查看其内容"))
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        self.messages.setStyleSheet("color: #b00020;")
        self.import_button = QPushButton(self.tr("导入文件…"), self)
        self.import_button.clicked.connect(self.import_files)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.clicked.connect(self.export_files)
        self.remove_button = QPushButton(self.tr("删除所选"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.import_button, self.export_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (note, self.summary, self.table, self.preview, self.messages):
            layout.addWidget(w)
        layout.addLayout(buttons)
        layout.addWidget(close)
        with self.db.read() as session:
            user = session.get_one(User, self.user_id)
            self.department_id = user.department_id
            self.remove_button.setEnabled(user.has_role(Role.ADMIN))
            editor = user.has_role(Role.ADMIN) or user.has_role(Role.REVIEWER)
        self.import_button.setEnabled(editor)
        self.reload()

    def reload(self) -> None:
        with self.db.read() as session:
            stored = rulepacks.stored_packs(session, self.department_id)
            self.sources = dict(rulepacks.department_sources(session, self.department_id))
            version = rulepacks.merged_version(session, self.department_id)
        self.table.setRowCount(len(stored))
        for r, pack in enumerate(stored):
            values = (pack.name, str(pack.rows), str(pack.switched_off or ""), pack.updated_at)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.summary.setText(
            self.tr(
                "本部门规则包 {count} 个；合并后的规则版本 {version}（记入每次检查和保密审查单）。"
            ).format(count=len(stored), version=version)
        )
        self.preview.clear()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def show_selected(self) -> None:
        name = self.selected_name()
        self.preview.setPlainText(self.sources[name].decode("utf-8-sig") if name in self.sources else "")

    def import_files(self) -> None:
        names = self.choose_import()
        if not names:
            return
        try:
            contents = [(Path(n).name, Path(n).read_bytes()) for n in names]
            with self.db.write() as session:  # all files or none
                user = session.get_one(User, self.user_id)
                issues = [
                    i for name, data in contents for i in rulepacks.save_rulepack(session, user, name, data)
                ]
        except TranslatableError as exc:
            self.messages.setText(error_text(exc))
            return
        except OSError as exc:
            self.messages.setText(exc.strerror or str(exc))
            return
        self.messages.setText(
            "\n".join(
                self.tr("{file} 第 {line} 行：{message}（已跳过）").format(
                    file=i.file, line=i.line, message=i.message
                )
                for i in issues
            )
        )
        self.reload()

    def export_files(self) -> None:
        folder = self.choose_folder()
        if not folder:
            return
        try:
            for name, content in self.sources.items():
                write_bytes_atomic(Path(folder) / name, content)
        except OSError as exc:
            self.messages.setText(exc.strerror or str(exc))
            return
        self.messages.setText(
            self.tr("已导出 {count} 个规则包到 {folder}。").format(count=len(self.sources), folder=folder)
        )

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name is None or not self.confirm_remove(name):
            return
        try:
            with self.db.write() as session:
                rulepacks.remove_rulepack(session, session.get_one(User, self.user_id), name)
        except TranslatableError as exc:
            self.messages.setText(error_text(exc))
            return
        self.messages.clear()
        self.reload()

    def _confirm_remove(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("删除规则包"),
            self.tr("删除“{name}”？此后的检查不再使用其中的规则。").format(name=name),
        )
        return answer == QMessageBox.StandardButton.Yes
