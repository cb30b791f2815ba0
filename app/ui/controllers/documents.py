"""The queues, the document list and the selected document's details (the 视图 menu's 刷新)."""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidgetItem

from app import documents
from app.db.models import Document, User
from app.documents import Queue
from app.errors import TranslatableError
from app.roles import Role, Status
from app.ui.i18n import enumeration, error_text, vocabulary
from app.workflow import Action, available_actions
from publish.taxonomy import DisclosureMode, LegalBasis
from review.formats import KIND_LABELS, Kind

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentState:
    """What the signed-in user may do with the selected document (id None: nothing selected)."""

    id: int | None = None
    allowed: frozenset[Action] = frozenset()
    editable: bool = False  # the clerk's own department's draft
    catalog_text_editable: bool = False  # 主题词 and 内容概述: the clerk's draft, or under review
    written_here: bool = False  # an interpretation whose text was written at the desk
    kind: str | None = None  # the current original's format


def queues_for(roles: frozenset[Role]) -> list[Queue]:
    """The queues a person's roles give them work in, then 已发布 and 全部文件 for everyone:
    a publisher has nothing 待我审查, a reviewer writes no drafts."""
    own = {
        Queue.MY_DRAFTS: Role.CLERK in roles,
        Queue.TO_REVIEW: Role.REVIEWER in roles,
        # A reviewer may still return what they approved until it is published.
        Queue.APPROVED: bool({Role.PUBLISHER, Role.REVIEWER} & roles),
    }
    return [q for q, mine in own.items() if mine] + [Queue.PUBLISHED, Queue.ALL]


def home_queue(roles: frozenset[Role]) -> Queue:
    """Where each role starts its day."""
    if Role.REVIEWER in roles:
        return Queue.TO_REVIEW
    if Role.CLERK in roles:
        return Queue.MY_DRAFTS
    if Role.PUBLISHER in roles:
        return Queue.APPROVED
    return Queue.ALL


class DocumentsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.queues = queues_for(window.roles)
        self.current_queue = home_queue(window.roles)
        self.refresh_action = QAction(self.tr("刷新"), window)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        for queue in self.queues:
            item = QListWidgetItem(vocabulary(queue.label))
            item.setData(Qt.ItemDataRole.UserRole, queue.value)
            window.queue_list.addItem(item)
        window.queue_list.currentItemChanged.connect(self._queue_selected)
        window.table.selectionModel().selectionChanged.connect(self._selection_changed)

    # -- queues and selection -------------------------------------------------------------------

    def refresh(self) -> None:
        w = self.window
        with w.db.read() as session:
            user = session.get_one(User, w.user_id)
            counts = {q: len(documents.queue_rows(session, user, q)) for q in self.queues}
            rows = documents.queue_rows(session, user, self.current_queue)
        for i in range(w.queue_list.count()):
            item = w.queue_list.item(i)
            queue = Queue(item.data(Qt.ItemDataRole.UserRole))
            item.setText(f"{vocabulary(queue.label)}  ({counts[queue]})")
            if queue is self.current_queue and w.queue_list.currentRow() != i:
                w.queue_list.blockSignals(True)
                w.queue_list.setCurrentRow(i)
                w.queue_list.blockSignals(False)
        keep = w.current_id
        w.model.set_rows(rows)
        w.empty_hint.setVisible(not rows)
        if keep is not None and (row := w.model.row_of(keep)) is not None:
            w.table.selectRow(w.proxy.mapFromSource(w.model.index(row, 0)).row())
        else:
            self.show_document(None)

    def show_queue(self, queue: Queue) -> None:
        self.current_queue = queue
        self.refresh()

    def _queue_selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_queue(Queue(item.data(Qt.ItemDataRole.UserRole)))

    def select_document(self, document_id: int) -> bool:
        w = self.window
        row = w.model.row_of(document_id)
        if row is None:
            return False
        w.table.selectRow(w.proxy.mapFromSource(w.model.index(row, 0)).row())
        return True

    def open_document(self, document_id: int) -> None:
        """Selects a document, switching to 全部文件 if the current queue does not hold it."""
        if not self.select_document(document_id):
            self.show_queue(Queue.ALL)
            self.select_document(document_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        w = self.window
        indexes = w.table.selectionModel().selectedRows()
        document_id = w.proxy.data(indexes[0], Qt.ItemDataRole.UserRole) if indexes else None
        self.show_document(document_id)

    def show_document(self, document_id: int | None) -> None:
        """Shows the document's details, findings and pages, and enables what the user may do."""
        w = self.window
        w.current_id = document_id
        state = DocumentState()
        if document_id is None:
            w.details.setText("")
            w.interpretations_panel.hide()
            w.findings.clear_document()
            w.findings_panel.show_message("")
        else:
            try:
                with w.db.read() as session:
                    document = session.get_one(Document, document_id)
                    user = session.get_one(User, w.user_id)
                    editable = (
                        document.status_enum is Status.DRAFT
                        and user.has_role(Role.CLERK)
                        and user.department_id == document.department_id
                    )
                    # The reviewer may still word 主题词 and 内容概述, which go out with the release.
                    catalog_text = editable or (
                        document.status_enum is Status.PENDING_REVIEW
                        and user.has_role(Role.REVIEWER)
                        and user.department_id == document.department_id
                    )
                    state = DocumentState(
                        document_id,
                        frozenset(available_actions(session, document, user)),
                        editable,
                        catalog_text,
                        kind=document.current_original().format,
                    )
                    w.details.setText(self.details_html(document))
                    written_here = w.interpretations.show(session, document, user, editable)
                    state = DocumentState(**{**state.__dict__, "written_here": written_here})
                    w.findings.show_document(session, document)
            except TranslatableError as exc:
                w.findings.clear_document(error_text(exc))
            except Exception:
                log.exception("cannot show document %s", document_id)
                w.findings.clear_document(self.tr("无法显示该文件的页面，详情见日志窗口。"))
        w.document_changed(state)

    # -- details ----------------------------------------------------------------------------------

    def details_html(self, document: Document) -> str:
        original = document.current_original()
        local_time = document.updated_at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        rows = [
            (self.tr("标题"), document.title),
            (self.tr("发文字号"), document.doc_number or "—"),
            (self.tr("公文种类"), document.doc_type or "—"),
            (self.tr("状态"), vocabulary(document.status_enum.label)),
            (self.tr("拟公开方式"), vocabulary(DisclosureMode(document.disclosure).label)),
            (
                self.tr("三同步"),
                enumeration(
                    label
                    for flag, label in (
                        (document.rule, self.tr("规章")),
                        (document.normative, self.tr("规范性文件")),
                        (document.needs_interpretation, self.tr("需解读")),
                    )
                    if flag
                )
                or "—",
            ),
            (self.tr("部门"), document.department.name),
            (self.tr("经办人"), document.created_by.display_name),
            (
                self.tr("原始文件"),
                self.tr("{name}（{kind}，{size}）").format(
                    name=original.original_name,
                    kind=vocabulary(KIND_LABELS[Kind(original.format)]),
                    size=size_text(original.size),
                ),
            ),
            (self.tr("SHA-256"), original.blob_sha256[:16] + "…"),
            (self.tr("文件版本"), self.tr("第 {revision} 版").format(revision=original.revision)),
            (self.tr("更新时间"), local_time),
        ]
        if document.status_reason:
            rows.append(self._reason_row(document.status_enum, document.status_reason))
        # Two pairs a line: the findings below need the height more than the details.
        cells = []
        for i in range(0, len(rows), 2):
            pair = "".join(
                f"<td style='color:#555;padding-right:8px'>{html.escape(k)}</td>"
                f"<td style='padding-right:18px'>{html.escape(v)}</td>"
                for k, v in rows[i : i + 2]
            )
            cells.append(f"<tr>{pair}</tr>")
        return f"<table>{''.join(cells)}</table>"

    def _reason_row(self, status: Status, reason: str) -> tuple[str, str]:
        """The last transition's words, under the label of what they are for the document's state:
        an approved document's reason is the reviewer's opinion, not a 退回 reason."""
        if reason in {b.value for b in LegalBasis}:
            reason = vocabulary(LegalBasis(reason).label)
        label = {
            Status.DRAFT: self.tr("退回理由"),
            Status.APPROVED: self.tr("审查意见"),
            Status.PUBLISHED: self.tr("审查意见"),
            Status.REFUSED: self.tr("不予公开依据"),
            Status.WITHDRAWN: self.tr("撤回理由"),
        }.get(status, self.tr("说明"))
        return label, reason


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
