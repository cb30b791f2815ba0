"""Starts the GUI: workspace, first run, sign-in, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox

from app import pending_work, users
from app.demo import DEMO_PASSWORD
from app.documents import word_drafts_in_review
from app.errors import TranslatableError
from app.paths import Paths
from app.publishing import resume, resumed_notice
from app.settings import Settings
from app.ui.application import DeskApplication
from app.ui.first_run import FirstRunDialog
from app.ui.i18n import error_text
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.workspace import Workspace
from review.convert import prewarm, stop_shared


def run_gui(data_dir: str | None, db_url: str | None) -> int:
    app = DeskApplication(sys.argv)
    paths = Paths.resolve(data_dir)
    app.configure(paths, Settings.load(paths.settings_file).language)
    app.install_excepthook()
    try:
        workspace = Workspace.open(data_dir, db_url, ask_password=_ask_database_password)
    except TranslatableError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("DeskApplication", "无法打开数据库"), error_text(exc)
        )
        return 2
    except Exception as exc:
        QMessageBox.critical(None, QCoreApplication.translate("DeskApplication", "无法打开数据库"), str(exc))
        return 2
    try:
        resumed = resume_pending_work(workspace)
        with workspace.db.read() as session:
            first_run = not users.has_users(session)
        hint = ""
        if first_run:
            first = FirstRunDialog(workspace.db, workspace.paths.cache_dir)
            if first.exec() != QDialog.DialogCode.Accepted:
                return 0
            workspace.settings.last_login = first.admin_login
            if first.with_demo.isChecked():
                hint = QCoreApplication.translate(
                    "DeskApplication",
                    "示例账号：clerk（经办人）、reviewer（保密审查员）、publisher（发布管理员），密码均为 {password}",
                ).format(password=DEMO_PASSWORD)
        login = LoginDialog(workspace.db, workspace.settings.last_login, hint)
        if login.exec() != QDialog.DialogCode.Accepted or login.user_id is None:
            return 0
        with workspace.db.read() as session:
            workspace.settings.last_login = users.get_user(session, login.user_id).login
        workspace.save_settings()
        window = MainWindow(workspace, login.user_id, app.log_handler)
        with workspace.db.read() as session:
            if word_drafts_in_review(session):
                prewarm()  # PDF-only desks never pay LibreOffice's start
        window.show()
        if resumed:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("DeskApplication", "上次未完成的工作"),
                "\n\n".join(resumed),
                QMessageBox.StandardButton.Ok,
                window,
            )
            window.last_message = box
            box.open()
        return app.exec()
    finally:
        stop_shared()
        workspace.close()


def resume_pending_work(workspace: Workspace) -> list[str]:
    """What killed or failed runs left unfinished (a site update, a package export, a restore),
    finished or undone before anything else, as every command of the CLI does; told in the UI's
    language."""
    if not pending_work.waiting(workspace.paths.data_dir):
        return []
    lines = []
    for r in resume(workspace.db, workspace.paths.data_dir):
        notice = resumed_notice(r)
        if notice is not None:
            template, values = notice
            lines.append(QCoreApplication.translate("DeskError", template).format(**values))
    return lines


def _ask_database_password(name: str) -> str:
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("DeskApplication", "数据库密码"),
        QCoreApplication.translate("DeskApplication", "{name} 的密码：").format(name=name),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else ""
