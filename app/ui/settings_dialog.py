"""Settings: language and database. Both take effect at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.db import credentials
from app.secrets import SecretUnavailable
from app.settings import Settings
from app.ui.i18n import LANGUAGE_NAMES


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, data_dir: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.db_url = QLineEdit(settings.db_url, self)
        self.db_url.setPlaceholderText(self.tr("留空则使用数据目录中的 SQLite 数据库"))
        self.portal_url = QLineEdit(settings.portal_url, self)
        self.portal_url.setPlaceholderText(self.tr("https://…（访问令牌存于系统密钥环，不写入设置）"))
        data_dir_label = QLabel(data_dir, self)
        data_dir_label.setWordWrap(True)
        note = QLabel(self.tr("语言和数据库的更改在下次启动时生效。"), self)
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("数据库 URL"), self.db_url)
        form.addRow(self.tr("门户 API 地址"), self.portal_url)
        form.addRow(self.tr("数据目录"), data_dir_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        self.settings.language = str(self.language.currentData())
        self.settings.db_url = self._url_without_password(self.db_url.text().strip())
        self.settings.portal_url = self.portal_url.text().strip()
        super().accept()

    def _url_without_password(self, text: str) -> str:
        """The URL as kept in the settings: a password in it goes to the keyring, or is asked at start."""
        if not text:
            return ""
        try:
            url = make_url(text)
        except ArgumentError:
            return text  # the desk says what is wrong with it when it tries to open it
        kept, password = credentials.without_password(url)
        if password:
            try:
                credentials.remember(kept, password)
            except SecretUnavailable:
                QMessageBox.information(
                    self,
                    self.tr("数据库密码"),
                    self.tr("本机没有安全的密钥环：数据库密码不会保存，每次启动时询问。"),
                )
        return kept.render_as_string(hide_password=False)
