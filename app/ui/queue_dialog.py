"""The publish queue: what waits to reach the portal, why, and a push with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app.db.database import Database
from app.db.models import CatalogEntry, PublishJob
from app.errors import QT_TRANSLATE_NOOP, TranslatableError
from app.publishing import QueueOutcome, run_queue
from app.secrets import SecretUnavailable, get_secret, portal_token_name
from app.ui.i18n import error_text
from app.ui.tasks import Task, TaskRunner
from publish.portal import PortalClient

_ACTIONS = {
    "upsert": QT_TRANSLATE_NOOP("Vocabulary", "发布"),
    "withdraw": QT_TRANSLATE_NOOP("Vocabulary", "撤回"),
    "validity": QT_TRANSLATE_NOOP("Vocabulary", "有效性"),
}
_STATES = {
    "queued": QT_TRANSLATE_NOOP("Vocabulary", "待推送"),
    "done": QT_TRANSLATE_NOOP("Vocabulary", "已完成"),
    "refused": QT_TRANSLATE_NOOP("Vocabulary", "被拒绝"),
    "superseded": QT_TRANSLATE_NOOP("Vocabulary", "已撤回，不再推送"),
}


class QueueDialog(QDialog):
    pushed = Signal(object)  # QueueOutcome, or the error

    def __init__(
        self, db: Database, runner: TaskRunner, portal_url: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self.portal_url = db, runner, portal_url
        # Replaceable by tests: asks for the token when the keyring cannot give it.
        self.ask_token: Callable[[], str] = self._ask_token_dialog
        self.setWindowTitle(self.tr("发布队列"))
        self.resize(900, 420)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("索引号"), self.tr("操作"), self.tr("状态"), self.tr("尝试次数"), self.tr("原因")]
        )
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.url_label = QLabel(
            self.tr("门户：{url}").format(url=portal_url or self.tr("（未设置，请在“设置”中填写）")), self
        )
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.push_button = QPushButton(self.tr("推送到门户"), self)
        self.push_button.setEnabled(bool(portal_url))
        self.push_button.clicked.connect(self.push)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.push_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.url_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        with self.db.read() as session:
            rows = session.execute(
                select(
                    CatalogEntry.index_no,
                    PublishJob.action,
                    PublishJob.status,
                    PublishJob.attempts,
                    PublishJob.last_error,
                )
                .join(CatalogEntry, CatalogEntry.id == PublishJob.catalog_entry_id)
                .order_by(PublishJob.id.desc())
                .limit(500)
            ).all()
        self.table.setRowCount(len(rows))
        if not rows:
            self.message.setText(self.tr("队列为空：发布时选择推送到门户的条目会出现在这里。"))
        for r, (index_no, action, status, attempts, error) in enumerate(rows):
            for c, value in enumerate(
                (index_no, _ACTIONS.get(action, action), _STATES.get(status, status), str(attempts), error)
            ):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _ask_token_dialog(self) -> str:
        token, ok = QInputDialog.getText(
            self,
            self.tr("门户访问令牌"),
            self.tr("本机没有安全的密钥环，令牌不会保存。请输入门户访问令牌："),
            QLineEdit.EchoMode.Password,
        )
        return token if ok else ""

    def push(self) -> Task | None:
        try:
            token = get_secret(portal_token_name(self.portal_url))
        except SecretUnavailable:
            token = self.ask_token()
        if not token:
            return None
        try:
            client = PortalClient(self.portal_url, token)
        except TranslatableError as exc:
            self.message.setText(error_text(exc))
            return None
        db = self.db
        self.push_button.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()

        def work(task: Task) -> QueueOutcome:
            return run_queue(db, client, cancel=task.cancelled, progress=lambda d, t: task.report(d, t, ""))

        def progress(done: int, total: int, _text: str) -> None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

        def finished(outcome: QueueOutcome) -> None:
            self._done()
            self.message.setText(
                self.tr("成功 {done}，待重试 {waiting}，被拒绝 {refused}。").format(
                    done=outcome.done, waiting=outcome.waiting, refused=outcome.refused
                )
            )
            self.pushed.emit(outcome)

        def failed(exc: BaseException) -> None:
            self._done()
            self.message.setText(error_text(exc) if isinstance(exc, TranslatableError) else str(exc))
            self.pushed.emit(exc)

        task = self.runner.start(work, finished, failed, progress)
        self.cancel_button.clicked.connect(task.cancelled.set)
        return task

    def _done(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.push_button.setEnabled(True)
        self.reload()
