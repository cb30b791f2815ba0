"""The desk's housekeeping: transfer packages and database backups (文件 menu), the 工具 menu's
lexicon, rule packs, catalog settings, keys and settings, the log window and 关于."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from app import desk_day
from app.backup import BackupInfo, backup, restore
from app.db.models import User
from app.errors import TranslatableError
from app.roles import Role
from app.transfer import ExportResult, export_package
from app.ui.catalog_settings import CatalogSettingsDialog
from app.ui.i18n import error_text
from app.ui.keys_dialog import KeysDialog
from app.ui.lexicon_dialog import LexiconDialog
from app.ui.package_dialog import PackageImportDialog
from app.ui.rulepack_dialog import RulePackDialog
from app.ui.settings_dialog import SettingsDialog
from app.ui.tasks import Task

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class AdminController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.export_package_action = self._action(self.tr("导出传输包…"), self.export_package_via_dialog)
        self.import_package_action = self._action(self.tr("导入传输包…"), self.import_package_via_dialog)
        self.backup_action = self._action(self.tr("备份数据库…"), self.backup_via_dialog)
        self.restore_action = self._action(self.tr("从备份恢复…"), self.restore_via_dialog)
        self.lexicon_action = self._action(self.tr("部门词库…"), self.open_lexicon)
        self.rulepack_action = self._action(self.tr("错敏/表述规则包…"), self.open_rulepacks)
        self.catalog_settings_action = self._action(self.tr("目录设置…"), self.open_catalog_settings)
        self.keys_action = self._action(self.tr("传输包密钥…"), self.open_keys)
        self.settings_action = self._action(self.tr("设置…"), self.open_settings)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.log_action = self._action(self.tr("日志窗口"), window.log_window.show)
        self.about_action = self._action(self.tr("关于"), self.show_about)
        # The whole database holds every draft unredacted: copying or replacing it is an administrator's.
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(Role.ADMIN in window.roles and window.db.is_sqlite)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    def file_menu_actions(self) -> list[QAction]:
        return [
            self.export_package_action,
            self.import_package_action,
            self.backup_action,
            self.restore_action,
        ]

    def tools_actions(self) -> list[QAction]:
        return [
            self.lexicon_action,
            self.rulepack_action,
            self.catalog_settings_action,
            self.keys_action,
            self.settings_action,
        ]

    # -- transfer packages ------------------------------------------------------------------------

    def export_package_via_dialog(self) -> Task | None:
        """Writes the queued catalog changes into a signed transfer package, in the background."""
        w = self.window
        passphrase = w.ask_secret(self.tr("导出传输包"), self.tr("签名私钥的口令："))
        if not passphrase:
            return None
        target = w.choose_save_path(f"传输包-{desk_day.today():%Y%m%d}.zip")
        if not target:
            return None
        db, user_id, keys_dir = w.db, w.user_id, w.workspace.paths.keys_dir

        def done(result: ExportResult) -> None:
            w.say(
                self.tr("传输包已导出：序号 {sequence}，{items} 项，{path}").format(
                    sequence=result.sequence, items=result.items, path=target
                ),
                15000,
            )

        return w.runner.start(
            lambda _task: export_package(db, user_id, passphrase, Path(target), keys_dir),
            done,
            w.show_unexpected,
        )

    def import_package_via_dialog(self) -> bool:
        w = self.window
        path = w.choose_open_path(self.tr("选择传输包"), "*.zip")
        if not path:
            return False
        dialog = PackageImportDialog(w.db, w.user_id, Path(path), w.workspace.paths.data_dir / "site", w)
        w.last_dialog = dialog
        if dialog.exec() != PackageImportDialog.DialogCode.Accepted or dialog.result_ is None:
            return False
        result = dialog.result_
        message = self.tr("传输包已导入：发布 {published}，撤回 {withdrawn}，有效性变更 {changed}。").format(
            published=result.published, withdrawn=result.withdrawn, changed=result.changed
        )
        if result.set_aside:
            message += self.tr("重号未导入：{numbers}。").format(numbers="、".join(result.set_aside))
        w.say(message, 15000)
        return True

    # -- the database -----------------------------------------------------------------------------

    def backup_via_dialog(self) -> Task | None:
        w = self.window
        target = w.choose_save_path(f"审发台备份-{dt.datetime.now():%Y%m%d-%H%M}.sqlite3")
        if not target:
            return None

        def done(info: BackupInfo) -> None:
            w.say(
                self.tr("数据库已备份到 {path}（SHA-256 {sha}…）").format(
                    path=info.path, sha=info.sha256[:16]
                ),
                15000,
            )

        db, user_id = w.db, w.user_id
        return w.runner.start(lambda _task: backup(db, user_id, Path(target)), done, w.show_unexpected)

    def restore_via_dialog(self) -> bool:
        """Replaces the database with a backup (the current one is kept), then the desk quits."""
        w = self.window
        path = w.choose_open_path(self.tr("选择备份文件"), "*.sqlite3")
        if not path:
            return False
        if not w.confirm(
            self.tr(
                "用备份替换当前数据库？当前数据库会先另存到数据目录的 backups 中。恢复后审发台将退出，请重新启动。"
            )
        ):
            return False
        # Replacing the whole database is confirmed with the administrator's password again.
        password = w.ask_secret(self.tr("从备份恢复"), self.tr("请输入您的密码以确认："))
        if not password:
            return False
        with w.db.read() as session:
            login = session.get_one(User, w.user_id).login
        paths = w.workspace.paths
        database = Path(w.db.url.database or paths.database)
        w.workspace.close()
        try:
            restore(Path(path), database, paths.backups_dir, login, password, force=True)
        except TranslatableError as exc:
            w.show_error(error_text(exc))
            return False
        finally:
            QApplication.quit()
        return True

    # -- tools ------------------------------------------------------------------------------------

    def open_lexicon(self) -> None:
        LexiconDialog(self.window.db, self.window.user_id, self.window).exec()

    def open_rulepacks(self) -> None:
        RulePackDialog(self.window.db, self.window.user_id, self.window).exec()

    def open_catalog_settings(self) -> None:
        CatalogSettingsDialog(self.window.db, self.window.user_id, self.window).exec()

    def open_keys(self) -> KeysDialog:
        w = self.window
        dialog = KeysDialog(w.db, w.user_id, w.workspace.paths.keys_dir, w)
        w.last_dialog = dialog
        dialog.show()
        return dialog

    def open_settings(self) -> None:
        w = self.window
        dialog = SettingsDialog(w.workspace.settings, str(w.workspace.paths.data_dir), w)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            w.workspace.save_settings()
            w.say(self.tr("设置已保存，下次启动时生效。"))

    def show_about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("关于政务公开审发台"),
            self.tr("政务公开审发台 Disclosure Desk\n先审查、后公开。\n\n数据目录：{path}").format(
                path=self.window.workspace.paths.data_dir
            ),
        )
