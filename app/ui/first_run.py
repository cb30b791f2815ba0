"""First start on an empty database: the first department and administrator, and the sample workspace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import users
from app.db.database import Database
from app.demo import create_demo_workspace
from app.errors import TranslatableError
from app.roles import Role
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import error_text


class FirstRunDialog(QDialog):
    def __init__(self, db: Database, cache_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.cache_dir = cache_dir
        self.admin_login = ""
        self.setWindowTitle(self.tr("欢迎使用政务公开审发台"))
        intro = QLabel(
            self.tr(
                "这是第一次启动。请创建本单位的部门和第一位系统管理员。\n"
                "系统管理员负责添加经办人、保密审查员和发布管理员。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.department = QLineEdit(self)
        self.department.setPlaceholderText(self.tr("例如：某某市政务服务和数据管理局"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("机构代码或统一社会信用代码，用于索引号"))
        self.login = QLineEdit("admin", self)
        self.display_name = QLineEdit(self.tr("系统管理员"), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.with_demo = QCheckBox(
            self.tr("同时创建示例工作区（示例部门、经办人、审查员和几份含问题的示例文件）"), self
        )
        self.with_demo.setChecked(True)
        self.error = error_label(self)

        form = QFormLayout()
        form.addRow(self.tr("部门全称"), self.department)
        form.addRow(self.tr("机构代码"), self.code)
        form.addRow(self.tr("管理员登录名"), self.login)
        form.addRow(self.tr("管理员姓名"), self.display_name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("确认密码"), self.password_again)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.with_demo)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if self.password.text() != self.password_again.text():
            self.error.setText(self.tr("两次输入的密码不一致。"))
            return
        try:
            with self.db.write() as session:
                department = users.create_department(session, None, self.department.text(), self.code.text())
                admin = users.create_user(
                    session,
                    None,
                    login=self.login.text(),
                    display_name=self.display_name.text(),
                    password=self.password.text(),
                    roles=[Role.ADMIN],
                    department=department,
                )
                admin_id = admin.id
            if self.with_demo.isChecked():
                create_demo_workspace(self.db, admin_id, self.cache_dir)
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        self.admin_login = self.login.text().strip()
        super().accept()
