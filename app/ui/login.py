"""Sign-in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import users
from app.db.database import Database
from app.errors import TranslatableError
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import error_text


class LoginDialog(QDialog):
    def __init__(
        self, db: Database, last_login: str = "", hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.user_id: int | None = None
        self.setWindowTitle(self.tr("登录 — 政务公开审发台"))
        self.login = QLineEdit(last_login, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("密码"), self.password)
        buttons = ok_cancel(self, self.tr("登录"))
        layout = QVBoxLayout(self)
        if hint:
            hint_label = QLabel(hint, self)
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if last_login else self.login).setFocus()
        self.resize(380, self.sizeHint().height())

    def accept(self) -> None:
        try:
            with self.db.read() as session:
                self.user_id = users.authenticate(session, self.login.text(), self.password.text()).id
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        super().accept()
