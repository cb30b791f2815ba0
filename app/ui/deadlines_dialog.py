"""Items due soon and overdue (20 working days to publish, 3 for a late interpretation, 20 to answer a
request for information), with the days left and whether a request's clock is paused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.db.models import User
from app.deadlines import deadlines
from app.ui.i18n import vocabulary


class DeadlinesDialog(QDialog):
    def __init__(
        self, db: Database, user_id: int, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("公开期限"))
        self.resize(880, 420)
        with db.read() as session:
            rows = deadlines(session, session.get_one(User, user_id), today)
        self.table = QTableWidget(len(rows), 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号/受理编号"),
                self.tr("标题"),
                self.tr("状态"),
                self.tr("期限"),
                self.tr("起算日期"),
                self.tr("应发布/答复日期"),
                self.tr("剩余工作日"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, d in enumerate(rows):
            left = (
                (
                    self.tr("逾期 {days}").format(days=-d.working_days_left)
                    if d.working_days_left < 0
                    else str(d.working_days_left)
                )
                + (self.tr("（暂停）") if d.paused else "")
                + ("" if d.exact else " *")
            )
            for c, value in enumerate(
                (
                    d.number or str(d.document_id),
                    d.title,
                    vocabulary(d.status.label),
                    vocabulary(d.rule.label),
                    d.starts_on.isoformat(),
                    d.due.isoformat(),
                    left,
                )
            ):
                item = QTableWidgetItem(value)
                if d.working_days_left < 0:
                    item.setForeground(QColor(200, 30, 30))
                elif d.working_days_left <= 3 or (d.request_id is None and d.working_days_left <= 5):
                    item.setForeground(QColor(230, 130, 0))
                self.table.setItem(r, c, item)
        note = QLabel(
            self.tr(
                "主动公开的文件应自成文之日起 20 个工作日内公开（条例第二十六条）；"
                "文件发布后补发的政策解读应在 3 个工作日内发布（三同步）；"
                "依申请公开应在 20 个工作日内答复，征求第三方和其他机关意见的时间不计算在内（第三十三条）。"
                "工作日按国家法定节假日和调休计算；标 * 的年份节假日安排未知，按周末计算。"
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
