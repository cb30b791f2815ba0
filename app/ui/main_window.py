"""The desk's main window: it lays out the queue list, the document list, the details, the findings
and the original, builds the menus, and says things to the user. What each menu area does is a
controller of its own under app/ui/controllers/ (documents, files, review, interpretations,
catalog, admin); the window only wires them together."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.db.models import User
from app.errors import TranslatableError
from app.ui.controllers.admin import AdminController
from app.ui.controllers.catalog import CatalogController
from app.ui.controllers.documents import DocumentsController, DocumentState
from app.ui.controllers.files import FilesController
from app.ui.controllers.findings import FindingsController
from app.ui.controllers.interpretations import InterpretationsController
from app.ui.controllers.requests import RequestsController
from app.ui.controllers.review import ReviewController
from app.ui.document_model import DocumentTableModel
from app.ui.findings_panel import FindingsPanel
from app.ui.i18n import enumeration, error_text, vocabulary
from app.ui.interpretations_panel import InterpretationsPanel
from app.ui.log_window import LogWindow, QtLogHandler
from app.ui.page_viewer import PageViewer
from app.ui.tasks import TaskRunner
from app.ui.text_view import TextView
from app.workspace import Workspace

log = logging.getLogger(__name__)


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
        self.current_id: int | None = None
        self.last_dialog: QWidget | None = None
        self.last_message: QMessageBox | None = None
        with self.db.read() as session:
            self.roles = session.get_one(User, user_id).roles

        self.setWindowTitle(self.tr("政务公开审发台"))
        self.setAcceptDrops(True)
        self.resize(1400, 860)
        self._build_widgets()
        self.documents = DocumentsController(self)
        self.files = FilesController(self)
        self.review = ReviewController(self)
        self.findings = FindingsController(self)
        self.interpretations = InterpretationsController(self)
        self.catalog = CatalogController(self)
        self.admin = AdminController(self)
        self._build_menus()
        self._build_status_bar()

        # The desk's verbs and actions as scripts and tests drive them.
        self.refresh = self.documents.refresh
        self.select_document = self.documents.select_document
        self.open_document = self.documents.open_document
        self.import_files = self.files.import_files
        self.check_documents = self.files.check_documents
        self.edit_current = self.files.edit_current
        self.revise_via_dialog = self.files.revise_via_dialog
        self.save_document_file = self.files.save_document_file
        self.run_transition = self.review.run_transition
        self.approve_current = self.review.approve_current
        self.decide_findings = self.findings.decide_findings
        self.add_interpretation = self.interpretations.add_interpretation
        self.publish_current = self.catalog.publish_current
        self.export_package_via_dialog = self.admin.export_package_via_dialog
        self.import_package_via_dialog = self.admin.import_package_via_dialog
        self.backup_via_dialog = self.admin.backup_via_dialog
        self.import_action = self.files.import_action
        self.edit_action = self.files.edit_action
        self.revise_action = self.files.revise_action
        self.check_action = self.files.check_action
        self.edit_text_action = self.interpretations.edit_text_action
        self.transition_actions = self.review.transition_actions
        self.publish_action = self.catalog.publish_action

        self.documents.refresh()
        self.catalog.start_notice_timer()  # 公示期: ended periods are withdrawn at start and hourly

    # -- construction ---------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.queue_list = QListWidget(self)
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
        self.empty_hint = QLabel(self.tr("此队列中没有文件。可通过“导入文件…”或把文件拖到窗口中导入。"), self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #666; padding: 12px;")
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.interpretations_panel = InterpretationsPanel(self)
        self.interpretations_panel.hide()
        self.findings_panel = FindingsPanel(self)
        self.viewer = PageViewer(self)
        self.text_view = TextView(self)

        documents = QWidget(self)
        documents_layout = QVBoxLayout(documents)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        documents_layout.addWidget(self.table, 1)
        documents_layout.addWidget(self.empty_hint)
        about = QWidget(self)
        about_layout = QVBoxLayout(about)
        about_layout.setContentsMargins(0, 0, 0, 0)
        about_layout.addWidget(self.details, 0)
        about_layout.addWidget(self.interpretations_panel, 0)
        about_layout.addStretch(1)
        # The reviewer's day is in the findings: they get the room, the others can be dragged bigger.
        middle = QSplitter(Qt.Orientation.Vertical, self)
        middle.addWidget(documents)
        middle.addWidget(about)
        middle.addWidget(self.findings_panel)
        middle.setChildrenCollapsible(False)
        middle.setStretchFactor(0, 2)
        middle.setStretchFactor(1, 1)
        middle.setStretchFactor(2, 4)
        middle.setSizes([170, 170, 460])

        self.original_tabs = QTabWidget(self)
        self.original_tabs.addTab(self.viewer, self.tr("页面"))
        self.original_tabs.addTab(self.text_view, self.tr("文字（标出发现）"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.queue_list)
        splitter.addWidget(middle)
        splitter.addWidget(self.original_tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([170, 640, 590])
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self._add(file_menu, self.files.menu_actions(), self.interpretations.menu_actions())
        file_menu.addSeparator()
        self._add(file_menu, self.admin.file_menu_actions())
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        review_menu = bar.addMenu(self.tr("审查(&R)"))
        self._add(review_menu, self.review.menu_actions(), [self.catalog.publish_action])
        review_menu.addSeparator()
        self._add(review_menu, self.findings.menu_actions())
        review_menu.addSeparator()
        self._add(review_menu, self.files.save_actions())
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        self._add(view_menu, [self.documents.refresh_action], self.catalog.view_actions())
        self.requests = RequestsController(self)  # 依申请公开
        view_menu.addAction(self.requests.open_action)
        view_menu.addAction(self.admin.log_action)
        tools_menu = bar.addMenu(self.tr("工具(&T)"))
        self._add(tools_menu, self.admin.tools_actions())
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.admin.about_action)

        toolbar = QToolBar(self.tr("主工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.files.import_action, self.files.edit_action, self.files.check_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in self.review.transition_actions.values():
            toolbar.addAction(action)
        toolbar.addAction(self.catalog.publish_action)
        toolbar.addSeparator()
        toolbar.addAction(self.documents.refresh_action)
        self.addToolBar(toolbar)

    @staticmethod
    def _add(menu: QMenu, *groups: list[QAction]) -> None:
        for group in groups:
            for action in group:
                menu.addAction(action)

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
        self.cancel_check_button.clicked.connect(self.files.cancel_checks)
        for w in (self.check_progress, self.cancel_check_button):
            self.statusBar().addPermanentWidget(w)
            w.hide()
        self.statusBar().addPermanentWidget(QLabel(self.tr("数据库：") + self.db.display_name, self))

    def document_changed(self, state: DocumentState) -> None:
        """Every controller enables what the selected document (or none) allows."""
        for controller in (self.files, self.review, self.findings, self.interpretations, self.catalog):
            controller.document_changed(state)

    # -- saying things and asking -----------------------------------------------------------------

    def say(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

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

    def ask_secret(self, title: str, label: str) -> str:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Password)
        return text if ok else ""

    def choose_open_path(self, title: str, pattern: str) -> str:
        return QFileDialog.getOpenFileName(self, title, str(Path.home()), pattern)[0]

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("请确认"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_files_dialog(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择要导入的文件"), str(Path.home()), self.files.importable_filter()
        )
        return files

    def _choose_save_path_dialog(self, suggested: str) -> str:
        pattern = f"*{Path(suggested).suffix}" if Path(suggested).suffix else ""
        return QFileDialog.getSaveFileName(self, self.tr("保存"), str(Path.home() / suggested), pattern)[0]

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

    # -- the window's own events ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [
            Path(u.toLocalFile()) for u in event.mimeData().urls() if isinstance(u, QUrl) and u.isLocalFile()
        ]
        if paths:
            event.acceptProposedAction()
            self.files.import_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.wait(10_000)
        self.viewer.clear()
        super().closeEvent(event)
