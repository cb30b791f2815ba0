"""The desk's main window: queues, the document list, details and the page viewer. It only wires."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import declassification, documents, interpretations
from app.atomic import write_bytes_atomic
from app.backup import BackupInfo, backup, restore
from app.catalog import update_static_site
from app.checking import check_document, latest_run, stored_finding
from app.db.models import Document, FilePurpose, User
from app.documents import Queue
from app.errors import TranslatableError
from app.redaction import REMOVE
from app.reviewing import (
    Conclusion,
    add_manual_area,
    approve,
    decide,
    document_files,
    file_bytes,
    manual_areas,
    refuse,
    suggested_conclusion,
)
from app.roles import Role, Status
from app.transfer import ExportResult, export_package
from app.ui.catalog_settings import CatalogSettingsDialog
from app.ui.catalog_view import CatalogWindow
from app.ui.conclusion_dialog import ConclusionDialog
from app.ui.deadlines_dialog import DeadlinesDialog
from app.ui.decision_dialog import DecisionDialog
from app.ui.declassification_dialog import DeclassificationDialog
from app.ui.document_model import DocumentTableModel
from app.ui.findings_panel import SEVERITY_COLORS, FindingsPanel
from app.ui.i18n import enumeration, error_text, translate, vocabulary
from app.ui.interpretation_dialog import InterpretationDialog, InterpretationTextDialog, MediaAttestDialog
from app.ui.interpretations_panel import InterpretationsPanel
from app.ui.keys_dialog import KeysDialog
from app.ui.lexicon_dialog import LexiconDialog
from app.ui.log_window import LogWindow, QtLogHandler
from app.ui.metadata_dialog import MetadataDialog
from app.ui.package_dialog import PackageImportDialog
from app.ui.page_viewer import Highlight, PageViewer
from app.ui.publish_dialog import PublishDialog
from app.ui.queue_dialog import QueueDialog
from app.ui.reason_dialog import ReasonDialog
from app.ui.settings_dialog import SettingsDialog
from app.ui.statistics_view import StatisticsWindow
from app.ui.tasks import Task, TaskRunner
from app.workflow import TRANSITIONS, Action, available_actions, perform, refusal
from app.workspace import Workspace
from publish.taxonomy import DisclosureMode, LegalBasis
from review.as_pdf import as_pdf
from review.engine import Cancelled
from review.errors import EncryptedDocument
from review.formats import KIND_LABELS, SUPPORTED_SUFFIXES, Kind
from review.model import Rect
from review.redact import RedactionOptions

log = logging.getLogger(__name__)


class ImportReport:
    """What a batch import did, file by file."""

    def __init__(self) -> None:
        self.imported: list[tuple[str, int]] = []
        self.rejected: list[tuple[str, TranslatableError]] = []
        self.encrypted: list[tuple[Path, TranslatableError]] = []
        self.cancelled = False


DECIDED_COLOR = QColor(120, 120, 120)
AREA_COLOR = QColor(0, 0, 0)


class MainWindow(QMainWindow):
    checks_finished = Signal()
    approval_finished = Signal(bool)

    def __init__(self, workspace: Workspace, user_id: int, log_handler: QtLogHandler) -> None:
        super().__init__()
        self.workspace = workspace
        self.db = workspace.db
        self.user_id = user_id
        self.runner = TaskRunner(self)
        self.log_window = LogWindow(log_handler, self)
        # Replaceable by tests, which cannot click through a native file dialog.
        self.choose_files: Callable[[], list[str]] = self._choose_files_dialog
        self.choose_save_path: Callable[[str], str] = self._choose_save_path_dialog
        self.ask_pdf_password: Callable[[str], str] = self._ask_pdf_password_dialog
        self._current_id: int | None = None
        self._checking: set[int] = set()
        self._editable = self._catalog_text_editable = False
        self.last_dialog: QDialog | None = None
        self._finding_ids: list[int] = []
        self._check_task: Task | None = None
        self._viewer_document: int | None = None
        self._current_queue = Queue.MY_DRAFTS

        self.setWindowTitle(self.tr("政务公开审发台"))
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self.viewer = PageViewer(self)
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status_bar()
        with self.db.read() as session:
            roles = session.get_one(User, user_id).roles
            self._current_queue = _home_queue(roles)
        # The whole database holds every draft unredacted: copying or replacing it is an administrator's.
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(Role.ADMIN in roles and self.db.is_sqlite)
        self.refresh()

    # -- construction ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.edit_action = self._action(self.tr("文件信息…"), None, self.edit_current)
        self.edit_action.setShortcut("Ctrl+E")
        self.revise_action = self._action(self.tr("上传新版本…"), None, self.revise_via_dialog)
        self.edit_text_action = self._action(self.tr("修改解读正文…"), None, self.edit_interpretation_text)
        self.check_action = self._action(self.tr("保密检查"), None, self.check_current)
        self.check_action.setShortcut("Ctrl+K")
        self.import_action = self._action(
            self.tr("导入文件…"), QKeySequence.StandardKey.Open, self.import_via_dialog
        )
        self.refresh_action = self._action(self.tr("刷新"), QKeySequence.StandardKey.Refresh, self.refresh)
        self.transition_actions: dict[Action, QAction] = {
            action: self._action(
                vocabulary(TRANSITIONS[action].label), None, lambda _=False, a=action: self.run_transition(a)
            )
            for action in (Action.SUBMIT, Action.APPROVE, Action.RETURN, Action.REFUSE)
        }
        self.publish_action = self._action(self.tr("发布到目录…"), None, self.publish_current)
        self.catalog_action = self._action(self.tr("公开目录…"), None, self.open_catalog)
        self.queue_action = self._action(self.tr("发布队列…"), None, self.open_queue)
        self.deadlines_action = self._action(self.tr("公开期限…"), None, self.open_deadlines)
        self.statistics_action = self._action(self.tr("统计与年度报告…"), None, self.open_statistics)
        self.lexicon_action = self._action(self.tr("部门词库…"), None, self.open_lexicon)
        self.catalog_settings_action = self._action(self.tr("目录设置…"), None, self.open_catalog_settings)
        self.keys_action = self._action(self.tr("传输包密钥…"), None, self.open_keys)
        self.save_published_action = self._action(
            self.tr("保存发布版本…"), None, lambda: self.save_document_file(FilePurpose.PUBLISHED)
        )
        self.save_cleaned_action = self._action(
            self.tr("保存清理后的 DOCX…"), None, lambda: self.save_document_file(FilePurpose.CLEANED_DOCX)
        )
        self.save_record_action = self._action(
            self.tr("保存保密审查单…"), None, lambda: self.save_document_file(FilePurpose.RECORD)
        )
        self.backup_action = self._action(self.tr("备份数据库…"), None, self.backup_via_dialog)
        self.restore_action = self._action(self.tr("从备份恢复…"), None, self.restore_via_dialog)
        self.export_package_action = self._action(
            self.tr("导出传输包…"), None, self.export_package_via_dialog
        )
        self.import_package_action = self._action(
            self.tr("导入传输包…"), None, self.import_package_via_dialog
        )
        self.settings_action = self._action(
            self.tr("设置…"), QKeySequence.StandardKey.Preferences, self.open_settings
        )
        self.log_action = self._action(self.tr("日志窗口"), None, self.log_window.show)
        self.about_action = self._action(self.tr("关于"), None, self.show_about)
        self.quit_action = self._action(self.tr("退出"), QKeySequence.StandardKey.Quit, self.close)

    def _action(
        self, text: str, shortcut: QKeySequence.StandardKey | None, slot: Callable[..., object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.edit_action)
        file_menu.addAction(self.revise_action)
        file_menu.addAction(self.edit_text_action)
        file_menu.addAction(self.check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_package_action)
        file_menu.addAction(self.import_package_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        doc_menu = bar.addMenu(self.tr("审查(&R)"))
        for action in self.transition_actions.values():
            doc_menu.addAction(action)
        doc_menu.addAction(self.publish_action)
        doc_menu.addSeparator()
        doc_menu.addAction(self.save_published_action)
        doc_menu.addAction(self.save_cleaned_action)
        doc_menu.addAction(self.save_record_action)
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.catalog_action)
        view_menu.addAction(self.queue_action)
        view_menu.addAction(self.deadlines_action)
        view_menu.addAction(self.statistics_action)
        view_menu.addAction(self.log_action)
        tools_menu = bar.addMenu(self.tr("工具(&T)"))
        tools_menu.addAction(self.lexicon_action)
        tools_menu.addAction(self.catalog_settings_action)
        tools_menu.addAction(self.keys_action)
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("主工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.edit_action)
        toolbar.addAction(self.check_action)
        toolbar.addSeparator()
        for action in self.transition_actions.values():
            toolbar.addAction(action)
        toolbar.addAction(self.publish_action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)

    def _build_central(self) -> None:
        self.queue_list = QListWidget(self)
        for queue in Queue:
            item = QListWidgetItem(vocabulary(queue.label))
            item.setData(Qt.ItemDataRole.UserRole, queue.value)
            self.queue_list.addItem(item)
        self.queue_list.currentItemChanged.connect(self._queue_selected)
        self.queue_list.setMaximumWidth(220)

        self.model = DocumentTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(self.model.COLUMNS.index("id"), Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_hint = QLabel(self.tr("此队列中没有文件。可通过“导入文件…”或把文件拖到窗口中导入。"), self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #666; padding: 12px;")

        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(150)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_panel = FindingsPanel(self)
        self.findings_panel.finding_activated.connect(self.viewer_show_finding)
        self.findings_panel.decision_requested.connect(self.decide_finding)
        self.findings_panel.declassification_requested.connect(self.open_declassification)
        self.viewer.area_drawn.connect(self.add_area)
        self.viewer.highlight_clicked.connect(self._highlight_clicked)
        middle_layout.addWidget(self.table, 3)
        middle_layout.addWidget(self.empty_hint)
        middle_layout.addWidget(self.details, 0)
        self.interpretations_panel = InterpretationsPanel(self)
        self.interpretations_panel.open_requested.connect(self.open_document)
        self.interpretations_panel.add_requested.connect(self.add_interpretation)
        self.interpretations_panel.edit_text_requested.connect(self.edit_interpretation_text)
        self.interpretations_panel.attest_requested.connect(self.attest_media)
        self.interpretations_panel.hide()
        middle_layout.addWidget(self.interpretations_panel, 0)
        middle_layout.addWidget(self.findings_panel, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.queue_list)
        splitter.addWidget(middle)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([180, 560, 660])
        self.setCentralWidget(splitter)

    def _build_status_bar(self) -> None:
        with self.db.read() as session:
            user = session.get_one(User, self.user_id)
            roles = enumeration(vocabulary(r.label) for r in sorted(user.roles))
            department = user.department.name if user.department else self.tr("（无部门）")
            who = self.tr("当前用户：{name}（{roles}） · {department}").format(
                name=user.display_name, roles=roles, department=department
            )
        self.user_label = QLabel(who, self)
        self.statusBar().addWidget(self.user_label)
        self.check_progress = QProgressBar(self)
        self.check_progress.setMaximumWidth(220)
        self.check_progress.setFormat(self.tr("检查中 %v/%m 页"))
        self.cancel_check_button = QToolButton(self)
        self.cancel_check_button.setText(self.tr("取消检查"))
        self.cancel_check_button.clicked.connect(self.cancel_checks)
        for w in (self.check_progress, self.cancel_check_button):
            self.statusBar().addPermanentWidget(w)
            w.hide()
        self.statusBar().addPermanentWidget(QLabel(self.tr("数据库：") + self.db.display_name, self))

    # -- queues and selection -------------------------------------------------------------------

    def refresh(self) -> None:
        with self.db.read() as session:
            user = session.get_one(User, self.user_id)
            counts = {q: len(documents.queue_rows(session, user, q)) for q in Queue}
            rows = documents.queue_rows(session, user, self._current_queue)
        for i in range(self.queue_list.count()):
            item = self.queue_list.item(i)
            queue = Queue(item.data(Qt.ItemDataRole.UserRole))
            item.setText(f"{vocabulary(queue.label)}  ({counts[queue]})")
            if queue is self._current_queue and self.queue_list.currentRow() != i:
                self.queue_list.blockSignals(True)
                self.queue_list.setCurrentRow(i)
                self.queue_list.blockSignals(False)
        keep = self._current_id
        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows)
        if keep is not None and (row := self.model.row_of(keep)) is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        else:
            self._show_document(None)

    def show_queue(self, queue: Queue) -> None:
        self._current_queue = queue
        self.refresh()

    def _queue_selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_queue(Queue(item.data(Qt.ItemDataRole.UserRole)))

    def select_document(self, document_id: int) -> bool:
        row = self.model.row_of(document_id)
        if row is None:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = self.table.selectionModel().selectedRows()
        document_id = self.proxy.data(indexes[0], Qt.ItemDataRole.UserRole) if indexes else None
        self._show_document(document_id)

    def _show_document(self, document_id: int | None) -> None:
        self._current_id = document_id
        self._editable = self._catalog_text_editable = False
        self._written_here = False
        allowed: list[Action] = []
        if document_id is None:
            self.details.setText("")
            self.interpretations_panel.hide()
            self.viewer.clear(self.tr("选择一个文件以查看其页面"))
            self._viewer_document = None
        else:
            try:
                with self.db.read() as session:
                    document = session.get_one(Document, document_id)
                    user = session.get_one(User, self.user_id)
                    allowed = available_actions(session, document, user)
                    self._editable = (
                        document.status_enum is Status.DRAFT
                        and user.has_role(Role.CLERK)
                        and user.department_id == document.department_id
                    )
                    # The reviewer may still word 主题词 and 内容概述, which go out with the release.
                    self._catalog_text_editable = self._editable or (
                        document.status_enum is Status.PENDING_REVIEW
                        and user.has_role(Role.REVIEWER)
                        and user.department_id == document.department_id
                    )
                    self.details.setText(self._details_html(document))
                    self._show_interpretations(session, document, user)
                    if document_id != self._viewer_document:
                        original = documents.original_file(session, document_id)
                        self.viewer.set_pdf(as_pdf(original.name, original.data, original.kind))
                        self._viewer_document = document_id
                    self._show_findings(
                        session, document_id, original_kind=document.current_original().format
                    )
            except TranslatableError as exc:
                self.viewer.clear(error_text(exc))
                self._viewer_document = None
            except Exception:
                log.exception("cannot show document %s", document_id)
                self.viewer.clear(self.tr("无法显示该文件的页面，详情见日志窗口。"))
                self._viewer_document = None
        for action, qaction in self.transition_actions.items():
            qaction.setEnabled(action in allowed)
        self.check_action.setEnabled(document_id is not None)
        self.edit_action.setEnabled(self._catalog_text_editable)
        self.revise_action.setEnabled(self._editable)
        self.edit_text_action.setEnabled(self._editable and self._written_here)
        self.publish_action.setEnabled(Action.PUBLISH in allowed)
        self.findings_panel.set_deciding(Action.APPROVE in allowed)
        if document_id is None:
            self.findings_panel.show_message("")

    def _show_interpretations(self, session: Session, document: Document, user: User) -> None:
        interpretation = interpretations.interpretation_of(session, document.id)
        if interpretation is not None:
            self._written_here = bool(interpretation.source_html)
            self.interpretations_panel.show_interpreted(
                interpretation.interprets_id,
                interpretation.interprets.title,
                can_edit_text=self._editable and self._written_here,
            )
            self.interpretations_panel.show_media(
                interpretations.media_states(session, document.id),
                can_attest=refusal(document, user, Action.APPROVE, session) is None,
            )
            return
        can_add = (
            user.has_role(Role.CLERK)
            and user.department_id == document.department_id
            and document.status_enum in interpretations.ATTACHABLE
        )
        self.interpretations_panel.show_interpretations(
            interpretations.rows_of(session, document.id),
            can_add,
            interpretations.needs_interpretation(document),
        )

    def add_interpretation(self) -> int | None:
        """Opens the interpretation dialog for the current document; returns the new interpretation's id."""
        if self._current_id is None:
            return None
        dialog = InterpretationDialog(self.db, self.user_id, self._current_id, self)
        self.last_dialog = dialog
        if dialog.exec() != InterpretationDialog.DialogCode.Accepted:
            return None
        self.statusBar().showMessage(self.tr("政策解读已添加为草稿，请对其运行保密检查。"), 10000)
        self.refresh()
        return dialog.created_id

    def open_document(self, document_id: int) -> None:
        """Selects a document, switching to 全部文件 if the current queue does not hold it."""
        if not self.select_document(document_id):
            self.queue_list.setCurrentRow(list(Queue).index(Queue.ALL))
            self.select_document(document_id)

    def _details_html(self, document: Document) -> str:
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
                    size=_size_text(original.size),
                ),
            ),
            (self.tr("SHA-256"), original.blob_sha256[:16] + "…"),
            (self.tr("文件版本"), self.tr("第 {revision} 版").format(revision=original.revision)),
            (self.tr("更新时间"), local_time),
        ]
        if document.status_reason:
            reason = document.status_reason
            if reason in {b.value for b in LegalBasis}:
                reason = vocabulary(LegalBasis(reason).label)
            rows.append((self.tr("退回/不予公开理由"), reason))
        cells = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"

    # -- checking -------------------------------------------------------------------------------

    def _show_findings(self, session: Session, document_id: int, original_kind: str) -> None:
        run = latest_run(session, document_id)
        if document_id in self._checking:
            self.findings_panel.show_message(self.tr("正在检查…"))
            return
        if run is None:
            self._finding_ids = []
            self.findings_panel.show_message(self.tr("尚未检查。点击“保密检查”运行。"))
            self.viewer.set_highlights([])
            return
        rows = list(run.findings)
        found = [stored_finding(row) for row in rows]
        decisions = [row.decision.decision if row.decision else None for row in rows]
        self._finding_ids = [row.id for row in rows]
        self.findings_panel.show_findings(found, json.loads(run.unreadable), run.lexicon_version, decisions)
        # Rectangles are PDF points of the form shown (the original PDF, or a DOCX/text draft laid out
        # as a PDF); only a PDF's own findings carry them.
        marks = []
        if original_kind == "pdf":
            for index, finding in enumerate(found):
                color = DECIDED_COLOR if decisions[index] else SEVERITY_COLORS[finding.severity]
                for rect in finding.location.rects:
                    page = rect.page if rect.page is not None else finding.location.page
                    if page is not None:
                        marks.append(Highlight(page, rect, color, index))
        for area in manual_areas(session, document_id):
            marks.append(Highlight(area.page, Rect(area.x0, area.y0, area.x1, area.y1), AREA_COLOR, -area.id))
        self.viewer.set_highlights(marks)

    # -- the reviewer's decisions ----------------------------------------------------------------

    def decide_finding(
        self,
        index: int,
        decision: str,
        basis: LegalBasis | None = None,
        reason: str = "",
        allow: bool = False,
        ask: bool = True,
    ) -> bool:
        if self._current_id is None or index >= len(self._finding_ids):
            return False
        if ask:
            finding_id = self._finding_ids[index]
            with self.db.read() as session:
                status = declassification.status_text(session, finding_id, translate)
            dialog = DecisionDialog(
                decision,
                self.findings_panel.findings[index],
                self,
                declassify=lambda: self.open_declassification(index),
                declassification_status=status,
            )
            if dialog.exec() != DecisionDialog.DialogCode.Accepted:
                return False
            basis, reason = dialog.selected_basis(), dialog.reason.toPlainText()
            allow = dialog.allow is not None and dialog.allow.isChecked()
        try:
            with self.db.write() as session:
                decide(
                    session,
                    session.get_one(User, self.user_id),
                    self._finding_ids[index],
                    decision,
                    basis=basis,
                    reason=reason,
                    add_to_allow_list=allow,
                )
        except TranslatableError as exc:
            self.show_error(error_text(exc))
            return False
        self._show_document(self._current_id)
        self.findings_panel.select_index(index)
        self.findings_panel.next_undecided()
        return True

    def open_declassification(self, index: int) -> str:
        """The 解密 record of a marking: entered by the reviewer, confirmed here by the second person."""
        if index >= len(self._finding_ids):
            return ""
        dialog = DeclassificationDialog(self.db, self.user_id, self._finding_ids[index], self)
        self.last_dialog = dialog
        dialog.exec()
        return dialog.status_line

    def add_area(
        self, page: int, rect: Rect, basis: LegalBasis | None = None, reason: str = "", ask: bool = True
    ) -> bool:
        if self._current_id is None or not self.findings_panel.deciding:
            return False
        if ask:
            dialog = DecisionDialog(REMOVE, None, self)
            dialog.setWindowTitle(self.tr("删除划定的区域"))
            if dialog.exec() != DecisionDialog.DialogCode.Accepted:
                return False
            basis, reason = dialog.selected_basis(), dialog.reason.toPlainText()
        if basis is None:
            return False
        try:
            with self.db.write() as session:
                add_manual_area(
                    session, session.get_one(User, self.user_id), self._current_id, page, rect, basis, reason
                )
        except TranslatableError as exc:
            self.show_error(error_text(exc))
            return False
        self._show_document(self._current_id)
        return True

    def approve_current(
        self,
        conclusion: Conclusion | None = None,
        opinion: str = "",
        rasterize: bool = False,
        ask: bool = True,
        no_interpretation_reason: str = "",
    ) -> Task | None:
        """Produces the published form and the record in the background, then approves."""
        if self._current_id is None:
            return None
        row = self.model.row_at(self.model.row_of(self._current_id) or 0)
        if ask:
            with self.db.read() as session:
                suggested = suggested_conclusion(session, row.id)
                document = session.get_one(Document, row.id)
                missing = interpretations.needs_interpretation(
                    document
                ) and not interpretations.has_live_interpretation(session, row.id)
            dialog = ConclusionDialog(suggested, self, interpretation_missing=missing)
            if dialog.exec() != ConclusionDialog.DialogCode.Accepted:
                return None
            conclusion, opinion = dialog.conclusion(), dialog.opinion.toPlainText()
            rasterize = dialog.rasterize.isChecked()
            no_interpretation_reason = dialog.no_interpretation_reason.toPlainText()
        if conclusion is None:
            return None
        db, user_id, cache_dir = self.db, self.user_id, self.workspace.paths.cache_dir
        options = RedactionOptions(
            rasterize=rasterize, metadata={"title": row.title, "author": row.department}
        )
        self.statusBar().showMessage(self.tr("正在生成并复核发布版本…"))

        def work(_task: Task) -> object:
            return approve(
                db,
                user_id,
                row.id,
                row.version,
                conclusion,
                opinion,
                cache_dir,
                options,
                no_interpretation_reason=no_interpretation_reason,
            )

        def done(_approval: object) -> None:
            self.statusBar().showMessage(
                self.tr("“{title}”已批准，发布版本复核通过，保密审查单已生成。").format(title=row.title),
                10000,
            )
            self.refresh()
            self.approval_finished.emit(True)

        def failed(exc: BaseException) -> None:
            self.statusBar().clearMessage()
            self.show_unexpected(exc)
            self.refresh()
            self.approval_finished.emit(False)

        return self.runner.start(work, done, failed)

    def viewer_show_finding(self, index: int) -> None:
        if index >= len(self.findings_panel.findings):
            return
        finding = self.findings_panel.findings[index]
        if finding.location.rects:
            self.viewer.select_highlight(index)
        elif finding.location.page is not None:
            self.viewer.show_page(finding.location.page)

    def _highlight_clicked(self, key: int) -> None:
        if key >= 0:
            self.findings_panel.select_index(key)

    def publish_current(self) -> str:
        """Opens the publish dialog for the selected approved item; returns the 索引号 given, or ''."""
        if self._current_id is None:
            return ""
        row = self.model.row_at(self.model.row_of(self._current_id) or 0)
        dialog = PublishDialog(self.db, self.user_id, row.id, row.version, self)
        self.last_dialog = dialog
        if dialog.exec() != PublishDialog.DialogCode.Accepted:
            return ""
        # The static catalog site is the embedded default target: keep it current.
        update_static_site(self.db, self.workspace.paths.data_dir / "site")
        self.statusBar().showMessage(
            self.tr("已编入目录，索引号 {index_no}").format(index_no=dialog.index_no), 10000
        )
        self.refresh()
        return dialog.index_no

    def edit_current(self) -> bool:
        if self._current_id is None:
            return False
        dialog = MetadataDialog(self.db, self.user_id, self._current_id, self)
        self.last_dialog = dialog
        if dialog.exec() != MetadataDialog.DialogCode.Accepted:
            return False
        self.refresh()
        return True

    def revise_via_dialog(self) -> bool:
        """Uploads a new original for the current draft, then checks it."""
        if self._current_id is None:
            return False
        path = self.choose_open_path(self.tr("选择新版本文件"), self._importable_filter())
        if not path:
            return False
        password: str | None = None
        try:
            while True:
                try:
                    draft = documents.prepare(Path(path), password)
                    break
                except EncryptedDocument:
                    password = self.ask_pdf_password(Path(path).name)
                    if not password:
                        return False
            with self.db.write() as session:
                interpretations.revise(
                    session, session.get_one(User, self.user_id), self._current_id, None, draft=draft
                )
        except TranslatableError as exc:
            self.show_error(error_text(exc))
            return False
        self._revised(self._current_id)
        return True

    def edit_interpretation_text(self) -> bool:
        if self._current_id is None:
            return False
        dialog = InterpretationTextDialog(self.db, self.user_id, self._current_id, self)
        self.last_dialog = dialog
        if dialog.exec() != InterpretationTextDialog.DialogCode.Accepted:
            return False
        self._revised(self._current_id)
        return True

    def attest_media(self, media_id: int) -> bool:
        """The reviewer's 人工审查 of one of the current interpretation's audio/video files."""
        dialog = MediaAttestDialog(self.db, self.user_id, media_id, self)
        self.last_dialog = dialog
        if dialog.exec() != MediaAttestDialog.DialogCode.Accepted:
            return False
        self.statusBar().showMessage(self.tr("已记录人工审查。"), 8000)
        self.refresh()
        return True

    def _revised(self, document_id: int) -> None:
        self.statusBar().showMessage(self.tr("已上传新版本，正在重新检查。"), 8000)
        self._viewer_document = None  # the pages shown are the old version's
        self.refresh()
        self.check_documents([document_id])

    def check_current(self) -> None:
        if self._current_id is not None:
            self.check_documents([self._current_id])

    def check_documents(self, document_ids: list[int]) -> Task:
        """Checks in the background; the findings appear when done. Cancel stops between pages."""
        db, user_id, cache_dir = self.db, self.user_id, self.workspace.paths.cache_dir
        self._checking.update(document_ids)
        self.check_progress.setValue(0)
        self.check_progress.show()
        self.cancel_check_button.show()

        def work(task: Task) -> list[tuple[int, str | None]]:
            outcomes: list[tuple[int, str | None]] = []
            for document_id in document_ids:
                if task.cancelled.is_set():
                    break
                try:
                    check_document(
                        db,
                        user_id,
                        document_id,
                        cache_dir,
                        progress=lambda done, total: task.report(done, total, ""),
                        cancel=task.cancelled,
                    )
                    outcomes.append((document_id, None))
                except Cancelled:
                    break
                except TranslatableError as exc:
                    outcomes.append((document_id, error_text(exc)))
            return outcomes

        def progress(done: int, total: int, _text: str) -> None:
            self.check_progress.setMaximum(total)
            self.check_progress.setValue(done)

        def finished(outcomes: list[tuple[int, str | None]]) -> None:
            self._check_task = None
            self._checking.difference_update(document_ids)
            self.check_progress.hide()
            self.cancel_check_button.hide()
            errors = [text for _, text in outcomes if text]
            if len(outcomes) < len(document_ids):
                self.statusBar().showMessage(self.tr("检查已取消；未检查的文件不会显示为无问题。"), 8000)
            if errors:
                self.show_error("\n\n".join(errors))
            self._show_document(self._current_id)
            self.checks_finished.emit()

        def failed(exc: BaseException) -> None:
            self._checking.difference_update(document_ids)
            self.check_progress.hide()
            self.cancel_check_button.hide()
            self.show_unexpected(exc)
            self.checks_finished.emit()

        task = self.runner.start(work, finished, failed, progress)
        self._check_task = task
        if self._current_id in document_ids:
            self.findings_panel.show_message(self.tr("正在检查…"))
        return task

    def cancel_checks(self) -> None:
        if self._check_task is not None:
            self._check_task.cancelled.set()

    # -- importing ------------------------------------------------------------------------------

    def _choose_files_dialog(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择要导入的文件"), str(Path.home()), self._importable_filter()
        )
        return files

    def _importable_filter(self) -> str:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        return self.tr("可导入的文件") + f" ({patterns})"

    def import_via_dialog(self) -> None:
        files = self.choose_files()
        if files:
            self.import_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [
            Path(u.toLocalFile()) for u in event.mimeData().urls() if isinstance(u, QUrl) and u.isLocalFile()
        ]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def import_files(self, paths: list[Path], password: str | None = None) -> Task:
        """Imports in the background, one file after another, each all or nothing."""
        progress = QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, len(paths), self)
        progress.setWindowTitle(self.tr("导入文件"))
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        db, user_id = self.db, self.user_id

        def work(task: Task) -> ImportReport:
            report = ImportReport()
            for done, path in enumerate(paths):
                if task.cancelled.is_set():
                    report.cancelled = True
                    break
                task.report(done, len(paths), path.name)
                try:
                    report.imported.append((path.name, documents.import_file(db, user_id, path, password)))
                except EncryptedDocument as exc:
                    report.encrypted.append((path, exc))
                except TranslatableError as exc:
                    report.rejected.append((path.name, exc))
            return report

        def on_progress(done: int, total: int, name: str) -> None:
            progress.setValue(done)
            progress.setLabelText(
                self.tr("正在导入 {name}（{done}/{total}）").format(name=name, done=done + 1, total=total)
            )

        def done(report: ImportReport) -> None:
            progress.close()
            self._imported(report)

        def failed(exc: BaseException) -> None:
            progress.close()
            self.show_unexpected(exc)

        task = self.runner.start(work, done, failed, on_progress)
        progress.canceled.connect(task.cancelled.set)
        return task

    def _ask_pdf_password_dialog(self, name: str) -> str:
        password, ok = QInputDialog.getText(
            self,
            self.tr("加密的 PDF"),
            self.tr("“{name}”是加密的 PDF。输入打开密码后，将以解密副本导入（加密原件一并保存）：").format(
                name=name
            ),
            QLineEdit.EchoMode.Password,
        )
        return password if ok else ""

    def _imported(self, report: ImportReport) -> None:
        for path, exc in report.encrypted:
            password = self.ask_pdf_password(path.name)
            if password:
                self.import_files([path], password)
            else:
                report.rejected.append((path.name, exc))
        if report.imported:
            self._current_id = report.imported[-1][1]
            self.show_queue(Queue.MY_DRAFTS)
            self.check_documents([doc_id for _, doc_id in report.imported])
            self.statusBar().showMessage(self.tr("已导入 %n 个文件", "", len(report.imported)), 8000)
        if report.rejected:
            lines = "\n\n".join(error_text(exc) for _, exc in report.rejected)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("部分文件未导入"),
                self.tr("%n 个文件未导入，其余文件不受影响：", "", len(report.rejected)),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setInformativeText(lines)
            self.last_message = box
            box.open()
        if report.cancelled:
            self.statusBar().showMessage(self.tr("导入已取消；已导入的文件保留。"), 8000)

    # -- workflow -------------------------------------------------------------------------------

    def run_transition(
        self, action: Action, reason: str = "", basis: LegalBasis | None = None, ask: bool = True
    ) -> bool:
        if self._current_id is None:
            return False
        if action is Action.APPROVE:
            self.approve_current(ask=ask)
            return True
        transition = TRANSITIONS[action]
        row = self.model.row_at(self.model.row_of(self._current_id) or 0)
        if ask and (transition.needs_reason or transition.needs_basis):
            dialog = ReasonDialog(
                vocabulary(transition.label), self.tr("请写明理由"), transition.needs_basis, self
            )
            if dialog.exec() != ReasonDialog.DialogCode.Accepted:
                return False
            reason, basis = dialog.reason.toPlainText(), dialog.selected_basis()
        elif (
            ask
            and QMessageBox.question(
                self,
                vocabulary(transition.label),
                self.tr("确定对“{title}”执行“{action}”吗？").format(
                    title=row.title, action=vocabulary(transition.label)
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        try:
            if action is Action.REFUSE and basis is not None:
                # 不予公开 writes the review record too.
                refuse(self.db, self.user_id, row.id, row.version, basis, reason or vocabulary(basis.label))
            else:
                with self.db.write() as session:
                    perform(
                        session,
                        session.get_one(User, self.user_id),
                        row.id,
                        action,
                        expected_version=row.version,
                        reason=reason,
                        basis=basis,
                    )
        except TranslatableError as exc:
            self.show_error(error_text(exc))
            self.refresh()
            return False
        self.statusBar().showMessage(
            self.tr("“{title}”：{action}完成").format(title=row.title, action=vocabulary(transition.label)),
            8000,
        )
        self.refresh()
        return True

    # -- messages and dialogs -------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("无法完成操作"), text, QMessageBox.StandardButton.Ok, self
        )
        self.last_message = box
        box.open()

    def show_unexpected(self, exc: BaseException) -> None:
        if isinstance(exc, TranslatableError):
            self.show_error(error_text(exc))
            return
        log.error("unexpected error", exc_info=exc)
        self.show_error(self.tr("发生意外错误：{error}\n详情见日志窗口。").format(error=exc))

    def save_document_file(self, purpose: str) -> bool:
        """Saves the selected document's published version or review record (reprintable any time)."""
        if self._current_id is None:
            return False
        with self.db.read() as session:
            stored = document_files(session, self._current_id, purpose)
            data = file_bytes(session, self._current_id, purpose) if stored else None
            name = stored.original_name if stored else ""
        if data is None:
            self.show_error(self.tr("该文件还没有审查结论，没有可保存的发布版本或审查单。"))
            return False
        target = self.choose_save_path(name)
        if not target:
            return False
        write_bytes_atomic(Path(target), data)
        self.statusBar().showMessage(self.tr("已保存到 {path}").format(path=target), 8000)
        return True

    # -- transfer packages and backups -------------------------------------------------------------

    def export_package_via_dialog(self) -> Task | None:
        """Writes the queued catalog changes into a signed transfer package, in the background."""
        passphrase = self.ask_secret(self.tr("导出传输包"), self.tr("签名私钥的口令："))
        if not passphrase:
            return None
        target = self.choose_save_path(f"传输包-{dt.date.today():%Y%m%d}.zip")
        if not target:
            return None
        db, user_id, keys_dir = self.db, self.user_id, self.workspace.paths.keys_dir

        def done(result: ExportResult) -> None:
            self.statusBar().showMessage(
                self.tr("传输包已导出：序号 {sequence}，{items} 项，{path}").format(
                    sequence=result.sequence, items=result.items, path=target
                ),
                15000,
            )

        return self.runner.start(
            lambda _task: export_package(db, user_id, passphrase, Path(target), keys_dir),
            done,
            self.show_unexpected,
        )

    def import_package_via_dialog(self) -> bool:
        path = self.choose_open_path(self.tr("选择传输包"), "*.zip")
        if not path:
            return False
        dialog = PackageImportDialog(
            self.db, self.user_id, Path(path), self.workspace.paths.data_dir / "site", self
        )
        self.last_dialog = dialog
        if dialog.exec() != PackageImportDialog.DialogCode.Accepted or dialog.result_ is None:
            return False
        result = dialog.result_
        self.statusBar().showMessage(
            self.tr("传输包已导入：发布 {published}，撤回 {withdrawn}，有效性变更 {changed}。").format(
                published=result.published, withdrawn=result.withdrawn, changed=result.changed
            ),
            15000,
        )
        return True

    def backup_via_dialog(self) -> Task | None:
        target = self.choose_save_path(f"审发台备份-{dt.datetime.now():%Y%m%d-%H%M}.sqlite3")
        if not target:
            return None

        def done(info: BackupInfo) -> None:
            self.statusBar().showMessage(
                self.tr("数据库已备份到 {path}（SHA-256 {sha}…）").format(
                    path=info.path, sha=info.sha256[:16]
                ),
                15000,
            )

        db = self.db
        user_id = self.user_id
        return self.runner.start(lambda _task: backup(db, user_id, Path(target)), done, self.show_unexpected)

    def restore_via_dialog(self) -> bool:
        """Replaces the database with a backup (the current one is kept), then the desk quits."""
        path = self.choose_open_path(self.tr("选择备份文件"), "*.sqlite3")
        if not path:
            return False
        if not self.confirm(
            self.tr(
                "用备份替换当前数据库？当前数据库会先另存到数据目录的 backups 中。恢复后审发台将退出，请重新启动。"
            )
        ):
            return False
        # Replacing the whole database is confirmed with the administrator's password again.
        password = self.ask_secret(self.tr("从备份恢复"), self.tr("请输入您的密码以确认："))
        if not password:
            return False
        with self.db.read() as session:
            login = session.get_one(User, self.user_id).login
        paths = self.workspace.paths
        database = Path(self.db.url.database or paths.database)
        self.workspace.close()
        try:
            restore(Path(path), database, paths.backups_dir, login, password, force=True)
        except TranslatableError as exc:
            self.show_error(error_text(exc))
            return False
        finally:
            QApplication.quit()
        return True

    def ask_secret(self, title: str, label: str) -> str:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)
        return text if ok else ""

    def choose_open_path(self, title: str, pattern: str) -> str:
        return QFileDialog.getOpenFileName(self, title, str(Path.home()), pattern)[0]

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("请确认"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_save_path_dialog(self, suggested: str) -> str:
        pattern = f"*{Path(suggested).suffix}" if Path(suggested).suffix else ""
        return QFileDialog.getSaveFileName(self, self.tr("保存"), str(Path.home() / suggested), pattern)[0]

    def open_deadlines(self) -> DeadlinesDialog:
        dialog = DeadlinesDialog(self.db, self.user_id, self)
        dialog.show()
        return dialog

    def open_queue(self) -> QueueDialog:
        dialog = QueueDialog(self.db, self.runner, self.workspace.settings.portal_url, self)
        dialog.show()
        return dialog

    def open_catalog(self) -> CatalogWindow:
        window = CatalogWindow(
            self.db,
            self,
            self.user_id,
            self.workspace.paths.data_dir / "site",
            runner=self.runner,
            cache_dir=self.workspace.paths.cache_dir,
            portal_url=self.workspace.settings.portal_url,
        )
        window.show()
        return window

    def open_catalog_settings(self) -> None:
        CatalogSettingsDialog(self.db, self.user_id, self).exec()

    def open_statistics(self) -> StatisticsWindow:
        window = StatisticsWindow(self.db, self)
        self.last_dialog = window
        window.show()
        return window

    def open_keys(self) -> KeysDialog:
        dialog = KeysDialog(self.db, self.user_id, self.workspace.paths.keys_dir, self)
        self.last_dialog = dialog
        dialog.show()
        return dialog

    def open_lexicon(self) -> None:
        LexiconDialog(self.db, self.user_id, self).exec()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.workspace.settings, str(self.workspace.paths.data_dir), self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.workspace.save_settings()
            self.statusBar().showMessage(self.tr("设置已保存，下次启动时生效。"), 8000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于政务公开审发台"),
            self.tr("政务公开审发台 Disclosure Desk\n先审查、后公开。\n\n数据目录：{path}").format(
                path=self.workspace.paths.data_dir
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.wait(10_000)
        self.viewer.clear()
        super().closeEvent(event)


def _home_queue(roles: frozenset[Role]) -> Queue:
    """Where each role starts its day."""
    if Role.REVIEWER in roles:
        return Queue.TO_REVIEW
    if Role.CLERK in roles:
        return Queue.MY_DRAFTS
    if Role.PUBLISHER in roles:
        return Queue.APPROVED
    return Queue.ALL


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
