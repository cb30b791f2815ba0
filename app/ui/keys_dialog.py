"""Administrators manage transfer-package keys: this department's signing key and the public keys
of departments whose packages this machine accepts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import signing_keys
from app.atomic import write_bytes_atomic
from app.db.database import Database
from app.db.models import SigningKey, TrustedKey, User
from app.documents import read_source
from app.errors import TranslatableError
from app.secrets import secure_backend
from app.ui.i18n import error_text
from publish.transfer import PublicKeyFile


class KeysDialog(QDialog):
    def __init__(self, db: Database, user_id: int, keys_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.keys_dir = db, user_id, keys_dir
        self.setWindowTitle(self.tr("传输包密钥"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("密钥"), self.tr("用途"), self.tr("部门"), self.tr("状态")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        where = (
            self.tr("私钥用口令加密后保存在系统密钥环中。")
            if secure_backend()
            else self.tr("本机没有安全的密钥环：私钥用口令加密后保存在数据目录的 keys 文件夹中。")
        )
        note = QLabel(where, self)
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("生成/更换签名密钥…"), self.generate),
            (self.tr("导出公钥…"), self.export_public),
            (self.tr("登记公钥…"), self.register),
            (self.tr("吊销…"), self.revoke),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(820, 420)
        self.reload()
        # The file and text prompts, replaceable for tests.
        self.ask_text = self._ask_text
        self.choose_path = self._choose_path

    def reload(self) -> None:
        with self.db.read() as session:
            rows = [
                (k.key_id, self.tr("本机签名"), "", self.tr("停用") if k.retired_at else self.tr("使用中"))
                for k in session.scalars(select(SigningKey).order_by(SigningKey.created_at))
            ] + [
                (
                    k.key_id,
                    self.tr("登记的公钥"),
                    f"{k.department_name}（{k.department_code}）",
                    self.tr("已吊销：{reason}").format(reason=k.revoked_reason)
                    if k.revoked_at
                    else self.tr("有效"),
                )
                for k in session.scalars(select(TrustedKey).order_by(TrustedKey.registered_at))
            ]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _run(self, work: Callable[[Session, User], object], done: str) -> bool:
        try:
            with self.db.write() as session:
                work(session, session.get_one(User, self.user_id))
        except TranslatableError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(error_text(exc))
            return False
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.reload()
        return True

    def generate(self) -> bool:
        passphrase = self.ask_text(
            self.tr("签名密钥"), self.tr("新私钥的口令（至少 8 个字符，请妥善保管）："), True
        )
        if not passphrase:
            return False
        return self._run(
            lambda s, u: signing_keys.generate(s, u, passphrase, self.keys_dir),
            self.tr("已生成新的签名密钥；之前的密钥已停用。请导出公钥交联网机登记。"),
        )

    def export_public(self) -> bool:
        path = self.choose_path(self.tr("导出公钥"), "公钥.json", True)
        if not path:
            return False

        def work(session: Session, user: User) -> None:
            key_file = signing_keys.public_key_file(session, user)
            write_bytes_atomic(Path(path), key_file.to_json().encode("utf-8"))

        return self._run(work, self.tr("公钥已导出到 {path}").format(path=path))

    def register(self) -> bool:
        path = self.choose_path(self.tr("登记公钥"), "", False)
        if not path:
            return False
        try:
            key_file = PublicKeyFile.from_json(read_source(Path(path)).decode("utf-8", errors="replace"))
        except TranslatableError as exc:
            self.message.setText(error_text(exc))
            return False
        return self._run(
            lambda s, u: signing_keys.register(s, u, key_file),
            self.tr("已登记 {department} 的公钥。").format(department=key_file.department_name),
        )

    def revoke(self) -> bool:
        row = self.table.currentRow()
        if row < 0:
            self.message.setText(self.tr("请先选择要吊销的密钥。"))
            return False
        item = self.table.item(row, 0)
        if item is None:
            return False
        kid = item.text()
        reason = self.ask_text(self.tr("吊销密钥"), self.tr("吊销理由："), False)
        if not reason:
            return False
        return self._run(lambda s, u: signing_keys.revoke(s, u, kid, reason), self.tr("密钥已吊销。"))

    def _ask_text(self, title: str, label: str, secret: bool) -> str:
        mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
        text, ok = QInputDialog.getText(self, title, label, mode)
        return text if ok else ""

    def _choose_path(self, title: str, suggested: str, save: bool) -> str:
        if save:
            return QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), "*.json")[0]
        return QFileDialog.getOpenFileName(self, title, str(Path.home()), "*.json")[0]
