"""Publishing an approved item, and the windows of the 视图 menu about the catalog: 公开目录,
发布队列, 公开期限, 统计与年度报告."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.atomic import write_bytes_atomic
from app.catalog import update_static_site
from app.errors import TranslatableError
from app.secrets import SecretUnavailable, get_secret, portal_token_name
from app.ui.catalog_view import CatalogWindow
from app.ui.controllers.documents import DocumentState
from app.ui.deadlines_dialog import DeadlinesDialog
from app.ui.i18n import error_text
from app.ui.publish_dialog import PublishDialog
from app.ui.queue_dialog import QueueDialog
from app.ui.recheck_dialog import RecheckDialog
from app.ui.statistics_view import StatisticsWindow
from app.workflow import Action
from publish.portal import PortalClient

if TYPE_CHECKING:
    from app.notice_periods import Removal
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Task

log = logging.getLogger(__name__)

NOTICE_INTERVAL_MS = 60 * 60 * 1000  # 公示期 expiry: hourly while the desk is open (and at start)


class CatalogController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.publish_action = self._action(self.tr("发布到目录…"), self.publish_current)
        self.catalog_action = self._action(self.tr("公开目录…"), self.open_catalog)
        self.queue_action = self._action(self.tr("发布队列…"), self.open_queue)
        self.deadlines_action = self._action(self.tr("公开期限…"), self.open_deadlines)
        self.statistics_action = self._action(self.tr("统计与年度报告…"), self.open_statistics)
        self.sentinel_action = self._action(self.tr("网站巡检与自查报告…"), self.inspect_site)
        self.notice_timer = QTimer(self)
        self.notice_timer.timeout.connect(self.expire_notices)
        self.recheck_action = self._action(self.tr("全面复查…"), self.open_recheck)

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    def view_actions(self) -> list[QAction]:
        return [
            self.catalog_action,
            self.recheck_action,
            self.queue_action,
            self.deadlines_action,
            self.statistics_action,
            self.sentinel_action,
        ]

    def document_changed(self, state: DocumentState) -> None:
        self.publish_action.setEnabled(Action.PUBLISH in state.allowed)

    @property
    def site_dir(self) -> Path:
        return self.window.workspace.paths.data_dir / "site"

    def publish_current(self) -> str:
        """Opens the publish dialog for the selected approved item; returns the 索引号 given, or ''.

        Afterwards the desk says what it wrote: the static site (always: the embedded default
        target) with its folder, and the portal and package queues the publisher ticked."""
        w = self.window
        if w.current_id is None:
            return ""
        row = w.model.row_at(w.model.row_of(w.current_id) or 0)
        dialog = PublishDialog(
            w.db, w.user_id, row.id, row.version, w, portal_url=w.workspace.settings.portal_url
        )
        w.last_dialog = dialog
        if dialog.exec() != PublishDialog.DialogCode.Accepted:
            return ""
        written = [self.tr("目录：索引号 {index_no}").format(index_no=dialog.index_no)]
        try:
            changed = update_static_site(w.db, self.site_dir)
        except (TranslatableError, OSError) as exc:
            reason = error_text(exc) if isinstance(exc, TranslatableError) else str(exc)
            written.append(
                self.tr("静态目录网站未能更新（{reason}）：可在“公开目录…”中重建。网站文件夹：{path}").format(
                    reason=reason, path=self.site_dir
                )
            )
        else:
            written.append(
                self.tr("静态目录网站：已更新 {count} 个文件，网站文件夹 {path}（首页 index.html）").format(
                    count=changed, path=self.site_dir
                )
            )
        if dialog.to_portal.isChecked():
            written.append(self.tr("门户网站：已加入发布队列，在“发布队列…”中推送"))
        if dialog.to_package.isChecked():
            written.append(self.tr("传输包：已加入队列，下次“导出传输包…”时带出"))
        self._said_published(dialog.index_no, written)
        w.documents.refresh()
        return dialog.index_no

    def _said_published(self, index_no: str, written: list[str]) -> None:
        w = self.window
        w.say(self.tr("已编入目录，索引号 {index_no}").format(index_no=index_no), 15000)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("已发布"),
            self.tr("已发布，写入了以下目标："),
            QMessageBox.StandardButton.Ok,
            w,
        )
        box.setInformativeText("\n".join(f"• {line}" for line in written))
        open_site = box.addButton(self.tr("打开网站文件夹"), QMessageBox.ButtonRole.ActionRole)
        open_site.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.site_dir))))
        w.last_message = box
        box.open()

    def open_catalog(self) -> CatalogWindow:
        w = self.window
        window = CatalogWindow(
            w.db,
            w,
            w.user_id,
            self.site_dir,
            runner=w.runner,
            cache_dir=w.workspace.paths.cache_dir,
            portal_url=w.workspace.settings.portal_url,
        )
        window.show()
        return window

    def open_recheck(self) -> RecheckDialog:
        w = self.window
        dialog = RecheckDialog(
            w.db,
            w.user_id,
            w.runner,
            w.workspace.paths.data_dir,
            w.workspace.paths.cache_dir,
            self.site_dir,
            w,
            workers=os.cpu_count() or 1,
        )
        w.last_dialog = dialog
        dialog.show()
        return dialog

    def _portal(self) -> PortalClient | None:
        """The portal client when its address is set and its token is in the keyring (never a prompt).
        One attempt, short timeout: these runs share the desk's one worker thread with the user's work,
        and what fails is tried again at the next run."""
        url = self.window.workspace.settings.portal_url
        try:
            return (
                PortalClient(url, get_secret(portal_token_name(url)), timeout=10, attempts=1) if url else None
            )
        except SecretUnavailable:
            return None

    def start_notice_timer(self) -> None:
        """公示期: entries whose period has ended are withdrawn now and then every hour."""
        self.expire_notices()
        self.notice_timer.start(NOTICE_INTERVAL_MS)

    def expire_notices(self) -> Task:
        from app.notice_periods import expire

        w, site = self.window, self.site_dir
        db, data_dir, portal = w.db, w.workspace.paths.data_dir, self._portal()

        def done(removals: list[Removal]) -> None:
            if removals:
                w.say(
                    self.tr("公示期届满，已自动撤回 {count} 条目录（详见日志）").format(count=len(removals)),
                    15000,
                )
                w.documents.refresh()

        def failed(exc: BaseException) -> None:
            log.warning(
                "公示期到期撤回未能完成：%s", error_text(exc) if isinstance(exc, TranslatableError) else exc
            )

        return w.runner.start(
            lambda _task: expire(db, data_dir, site=site if site.is_dir() else None, portal=portal),
            done,
            failed,
        )

    def inspect_site(self) -> Task | None:
        """网站巡检: the sentinel over the site folder, off the UI thread, then the 自查报告 saved."""
        from app import sentinel
        from publish.self_inspection import report_pdf

        w, site = self.window, self.site_dir
        if not site.is_dir():
            w.show_error(self.tr("网站文件夹不存在：{path}。请先发布条目或重建网站。").format(path=site))
            return None
        target = w.choose_save_path(self.tr("网站自查报告.pdf"))
        if not target:
            return None
        db, cache_dir, portal = w.db, w.workspace.paths.cache_dir, self._portal()
        self.sentinel_action.setEnabled(False)
        w.say(self.tr("正在巡检网站…"), 0)

        def work(_task: Task) -> int:
            outcome = sentinel.run(db, cache_dir, sentinel.Options(site=site, portal=portal))
            write_bytes_atomic(Path(target), report_pdf(sentinel.inspection(db, outcome.run_id)))
            return len(outcome.findings)

        def done(found: int) -> None:
            self.sentinel_action.setEnabled(True)
            w.say(
                self.tr("巡检完成，发现问题 {count} 处；自查报告已保存：{path}").format(
                    count=found, path=target
                ),
                15000,
            )

        def failed(exc: BaseException) -> None:
            self.sentinel_action.setEnabled(True)
            w.say("")
            if not isinstance(exc, (TranslatableError, OSError)):
                raise exc
            w.show_error(error_text(exc) if isinstance(exc, TranslatableError) else str(exc))

        return w.runner.start(work, done, failed)

    def open_queue(self) -> QueueDialog:
        w = self.window
        dialog = QueueDialog(w.db, w.runner, w.workspace.settings.portal_url, w)
        dialog.show()
        return dialog

    def open_deadlines(self) -> DeadlinesDialog:
        dialog = DeadlinesDialog(self.window.db, self.window.user_id, self.window)
        dialog.show()
        return dialog

    def open_statistics(self) -> StatisticsWindow:
        window = StatisticsWindow(self.window.db, self.window, user_id=self.window.user_id)
        self.window.last_dialog = window
        window.show()
        return window
