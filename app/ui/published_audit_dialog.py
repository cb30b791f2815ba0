"""The result of 核对线上内容 (`audit published`): every difference between what is online and the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.published_audit import Problem
from app.ui.i18n import translate


def problem_text(problem: Problem) -> str:
    """The problem in the UI language (its template is a DeskError source string)."""
    return translate("DeskError", problem.template).format(**problem.params)


class PublishedAuditDialog(QDialog):
    def __init__(self, problems: list[Problem], checked: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("核对线上内容"))
        self.resize(900, 420)
        where = "；".join(checked)
        if problems:
            summary = self.tr("线上内容与数据库不一致：{count} 处问题（核对了 {where}）。").format(
                count=len(problems), where=where
            )
        else:
            summary = self.tr("线上内容与数据库一致（核对了 {where}）。").format(where=where)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if problems else "color: #1b5e20;")
        self.table = QTableWidget(len(problems), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("位置"), self.tr("问题")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        # File names are 64-digit hashes: their start and end tell them apart, so elide the middle.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 340)
        for row, problem in enumerate(problems):
            where_item = QTableWidgetItem(problem.where)
            where_item.setToolTip(problem.where)
            self.table.setItem(row, 0, where_item)
            self.table.setItem(row, 1, QTableWidgetItem(problem_text(problem)))
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(problems))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
