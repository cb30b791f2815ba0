"""The 依申请公开 window: the department's requests with their legal clocks (overdue in red, due
within 3 working days in amber, pauses shown), the selected one's file, and the actions on it.

The list names requests by 受理编号, applicant type and what is asked; the applicant's name and
contact are shown only for the selected request, to the clerk who handles it."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

from app.request_answers import RequestRow
from app.ui.i18n import translate, vocabulary
from publish.request_clock import CONTEXT as CLOCK_CONTEXT
from publish.request_clock import Reason

RED, RED_BACK = QColor(190, 20, 20), QColor(253, 226, 226)
AMBER, AMBER_BACK = QColor(170, 95, 0), QColor(255, 241, 214)

_Index = QModelIndex | QPersistentModelIndex


def reason_text(reason: Reason) -> str:
    return translate(CLOCK_CONTEXT, reason.template).format(**reason.params)


class RequestTableModel(QAbstractTableModel):
    COLUMNS = ("number", "kind", "content", "received", "due", "left", "status")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[RequestRow] = []
        self.headers = [
            self.tr("受理编号"),
            self.tr("申请人类型"),
            self.tr("所需信息"),
            self.tr("收到日期"),
            self.tr("答复期限"),
            self.tr("剩余工作日"),
            self.tr("状态"),
        ]

    def set_rows(self, rows: list[RequestRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def left_text(self, r: RequestRow) -> str:
        if not r.open or r.working_days_left is None:
            return vocabulary(r.state)
        left = r.working_days_left
        text = self.tr("已逾期 {days} 日").format(days=-left) if left < 0 else str(left)
        return text + (self.tr("（暂停）") if r.paused else "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "number": r.number,
                "kind": vocabulary(r.applicant_kind),
                "content": r.content if len(r.content) <= 60 else r.content[:60] + "…",
                "received": r.received_on.isoformat(),
                "due": r.due.isoformat() if r.due and r.open else "—",
                "left": self.left_text(r),
                "status": vocabulary(r.status),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            return RED if r.overdue else AMBER if r.due_soon else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return RED_BACK if r.overdue else AMBER_BACK if r.due_soon else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(reason_text(x) for x in r.reasons)
        return None


class RequestsWindow(QMainWindow):
    """The list and the selected request's file; `actions` are the controller's, grouped in menus."""

    def __init__(
        self,
        new_action: QAction,
        groups: Sequence[tuple[str, Sequence[QAction]]],
        refresh_action: QAction,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("依申请公开"))
        self.resize(1180, 640)
        toolbar = QToolBar(self.tr("依申请公开"), self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(new_action)
        self.menus: dict[str, QMenu] = {}
        for title, actions in groups:
            button = QToolButton(self)
            button.setText(title)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(button)
            menu.addActions(list(actions))
            button.setMenu(menu)
            self.menus[title] = menu
            toolbar.addWidget(button)
        toolbar.addSeparator()
        toolbar.addAction(refresh_action)
        self.show_closed = QCheckBox(self.tr("显示已办结"), self)
        toolbar.addWidget(self.show_closed)
        self.addToolBar(toolbar)

        self.model = RequestTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            RequestTableModel.COLUMNS.index("content"), QHeaderView.ResizeMode.Stretch
        )
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMargin(8)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([760, 420])
        self.setCentralWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._show_current)

    def set_rows(self, rows: list[RequestRow]) -> None:
        current = self.current()
        self.model.set_rows(rows)
        self.statusBar().showMessage(
            self.tr("未办结 {open} 件，其中已逾期 {overdue} 件，3 个工作日内到期 {soon} 件。").format(
                open=sum(r.open for r in rows),
                overdue=sum(r.overdue for r in rows),
                soon=sum(r.due_soon for r in rows),
            )
        )
        ids = [r.id for r in rows]
        if rows:
            self.table.selectRow(ids.index(current.id) if current is not None and current.id in ids else 0)
        self._show_current()

    def current(self) -> RequestRow | None:
        selected = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[selected[0].row()] if selected else None

    def _show_current(self) -> None:
        r = self.current()
        self.details.setText(self.details_html(r) if r is not None else self.tr("没有依申请公开申请。"))

    def details_html(self, r: RequestRow) -> str:
        e = html.escape
        lines = [
            f"<h3>{e(self.tr('申请 {number}').format(number=r.number))}　{e(vocabulary(r.status))}</h3>",
            e(
                self.tr("申请人：{name}（{kind}）").format(
                    name=r.applicant, kind=vocabulary(r.applicant_kind)
                )
            ),
            e(self.tr("联系方式：{contact}").format(contact=r.contact or self.tr("（仅经办人可见）"))),
            e(self.tr("收到日期：{day}").format(day=r.received_on.isoformat())),
            e(self.tr("所需信息：{content}").format(content=r.content)),
        ]
        if r.open:
            due = r.due.isoformat() if r.due else "—"
            left = r.working_days_left
            days = (
                ""
                if left is None
                else self.tr("，已逾期 {days} 个工作日").format(days=-left)
                if left < 0
                else self.tr("，剩余 {days} 个工作日").format(days=left)
            )
            text = self.tr("答复期限：{due}（{state}{days}）").format(
                due=due, state=vocabulary(r.state), days=days
            )
            lines.append(f"<b>{e(text)}</b>")
        lines += [f"· {e(reason_text(x))}" for x in r.reasons]
        if r.actions:
            lines.append(f"<b>{e(self.tr('办理记录'))}</b>")
        for day, kind, consented_by, note in r.actions:
            text = f"{day.isoformat()} {vocabulary(kind)}"
            if consented_by:
                text += self.tr("（经{name}同意）").format(name=consented_by)
            lines.append(e(text + (f"：{note}" if note else "")))
        lines.append(f"<b>{e(self.tr('答复书'))}</b>")
        lines.append(
            e(
                self.tr("文件 #{id}（{status}）").format(
                    id=r.answer_document_id, status=vocabulary(r.answer_status)
                )
            )
            if r.answer_document_id
            else e(self.tr("尚未起草"))
        )
        if r.disclosed:
            lines.append(f"<b>{e(self.tr('提供给申请人的文件'))}</b>")
        lines += [e(f"#{i} {title}（{vocabulary(status)}）") for i, title, status in r.disclosed]
        return "<br/>".join(lines)
