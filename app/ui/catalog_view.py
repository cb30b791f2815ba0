"""The catalog browser: Chinese full-text search, filters, and pages fetched as the list scrolls."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import extract, select

from app import releases
from app.catalog import change_validity, update_static_site, withdraw
from app.catalog_search import PAGE_SIZE, CatalogFilter, CatalogRow, search
from app.db.database import Database
from app.db.models import CatalogEntry, Department, User
from app.documents import load_blob
from app.errors import TranslatableError
from app.notice_periods import set_notice
from app.published_audit import Problem, audit_published
from app.roles import Role
from app.secrets import get_secret, portal_token_name
from app.ui.dialog_parts import date_edit, ok_cancel
from app.ui.i18n import error_text, vocabulary
from app.ui.page_viewer import PageViewer
from app.ui.published_audit_dialog import PublishedAuditDialog
from app.ui.tasks import Task, TaskRunner
from publish.catalog import Validity, shown_validity
from publish.portal import PortalClient
from publish.release import ReleaseError

_Index = QModelIndex | QPersistentModelIndex
VALIDITY_COLUMN = 5


class CatalogTableModel(QAbstractTableModel):
    """Rows come from the database a page at a time (keyset paging), never all at once."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.where = CatalogFilter()
        self.rows: list[CatalogRow] = []
        self.notice: dict[int, dt.date] = {}  # 公示期: the last day, by entry id
        # 规章/规范性文件 (their 有效性 and, for 已修改, when and by which document), by entry id.
        self.legal: dict[int, tuple[str, dt.date | None, str]] = {}
        self.legal_dates: dict[int, tuple[str, str]] = {}  # their 施行日期 and 有效期至, from the release
        self._exhausted = True
        self.headers = [
            self.tr("索引号"),
            self.tr("信息名称"),
            self.tr("发文字号"),
            self.tr("主题分类"),
            self.tr("发布日期"),
            self.tr("有效性"),
            self.tr("公示期至"),
        ]

    def set_filter(self, where: CatalogFilter) -> None:
        self.beginResetModel()
        self.where, self.rows, self.notice, self._exhausted = where, [], {}, False
        self.legal, self.legal_dates = {}, {}
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        with self.db.read() as session:
            page = search(session, self.where, self.rows[-1].id if self.rows else None, PAGE_SIZE)
            ids = [r.id for r in page]
            found = select(CatalogEntry.id, CatalogEntry.notice_until).where(
                CatalogEntry.id.in_(ids), CatalogEntry.notice_until.is_not(None)
            )
            self.notice.update((i, day) for i, day in session.execute(found) if day is not None)
            legal = select(
                CatalogEntry.id,
                CatalogEntry.legal_kind,
                CatalogEntry.amended_on,
                CatalogEntry.amended_by,
                CatalogEntry.release_sha256,
            ).where(CatalogEntry.id.in_(ids), CatalogEntry.legal_kind != "")
            for i, kind, on, by, sha in session.execute(legal):
                self.legal[i] = kind, on, by or ""
                with contextlib.suppress(ReleaseError):  # shown as it is; `audit verify` names a bad one
                    release = releases.load(session, sha) if sha else None
                    if release is not None:
                        self.legal_dates[i] = release.effective_on, release.valid_until
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == VALIDITY_COLUMN:
            return self._legal_dates(r.id)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        validity = self._validity(r)
        if r.status != "published":
            validity += self.tr("（已撤回）")
        notice = self.notice.get(r.id)
        until = notice.isoformat() if notice is not None else ""
        return (r.index_no, r.title, r.doc_number, r.category, r.published_on.isoformat(), validity, until)[
            index.column()
        ]

    def _legal_dates(self, entry_id: int) -> str | None:
        since, until = self.legal_dates.get(entry_id, ("", ""))
        parts = [self.tr("施行日期：{day}").format(day=since)] if since else []
        parts += [self.tr("有效期至：{day}").format(day=until)] if until else []
        return "\n".join(parts) or None

    def _validity(self, r: CatalogRow) -> str:
        """Empty for anything but 规章 and 规范性文件; 已修改 with its date and amending document."""
        kind, amended_on, amended_by = self.legal.get(r.id, ("", None, ""))
        label = shown_validity(kind, r.validity)
        if not label:
            return ""
        text = vocabulary(label)
        if r.validity == Validity.AMENDED and amended_on is not None:
            text += self.tr("（{day}，{document}）").format(day=amended_on.isoformat(), document=amended_by)
        return text


class AmendmentDialog(QDialog):
    """已修改: when, and by which document."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("已修改"))
        self.amended_on = date_edit(self)
        self.amended_by = QLineEdit(self)
        self.amended_by.setPlaceholderText(self.tr("修改文件的发文字号或标题，如：示政规〔2026〕3号"))
        form = QFormLayout(self)
        note = QLabel(self.tr("“{title}”已被修改：").format(title=title), self)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("修改日期"), self.amended_on)
        form.addRow(self.tr("修改文件"), self.amended_by)
        form.addRow(ok_cancel(self))


class CatalogWindow(QDialog):
    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        user_id: int | None = None,
        site_dir: Path | None = None,
        *,
        runner: TaskRunner | None = None,
        cache_dir: Path | None = None,
        portal_url: str = "",
    ) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.site_dir = db, user_id, site_dir
        # The desk's one worker thread when the main window passes it (PyMuPDF runs one at a time).
        self.runner = runner if runner is not None else TaskRunner(self)
        self.cache_dir, self.portal_url = cache_dir, portal_url
        self.setWindowTitle(self.tr("政府信息公开目录"))
        self.resize(1100, 700)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("标题、文号、主题词或正文中的词语"))
        self.query.returnPressed.connect(self.apply)
        self.department = QComboBox(self)
        self.category = QComboBox(self)
        self.year = QComboBox(self)
        self.validity = QComboBox(self)
        self.validity.addItem(self.tr("全部有效性"), "")
        for v in Validity:
            self.validity.addItem(vocabulary(v.label), v.value)
        self.withdrawn = QCheckBox(self.tr("含已撤回"), self)
        search_button = QPushButton(self.tr("查询"), self)
        search_button.clicked.connect(self.apply)
        bar = QHBoxLayout()
        for w in (
            self.query,
            self.department,
            self.category,
            self.year,
            self.validity,
            self.withdrawn,
            search_button,
        ):
            bar.addWidget(w)
        bar.setStretch(0, 3)
        self.model = CatalogTableModel(db)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_entry)
        self.count = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.withdraw_button = QPushButton(self.tr("撤回…"), self)
        self.withdraw_button.clicked.connect(lambda: self.withdraw_selected())
        self.validity_box = QComboBox(self)
        for v in Validity:
            self.validity_box.addItem(vocabulary(v.label), v.value)
        self.validity_button = QPushButton(self.tr("修改有效性"), self)
        self.validity_button.clicked.connect(
            lambda: self.change_selected_validity(Validity(self.validity_box.currentData()))
        )
        self.notice_button = QPushButton(self.tr("公示期…"), self)
        self.notice_button.setToolTip(self.tr("名单公示的公示期最后一天：届满后审发台自动撤回"))
        self.notice_button.clicked.connect(lambda: self.set_selected_notice())
        self.audit_button = QPushButton(self.tr("核对线上内容…"), self)
        self.audit_button.setToolTip(
            self.tr("重新读取网站（和门户）上实际提供的内容，与数据库中冻结的发布内容逐项核对")
        )
        self.audit_button.clicked.connect(lambda: self.audit_published())
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.audit_button)
        for w in (self.notice_button, self.validity_box, self.validity_button, self.withdraw_button):
            actions.addWidget(w)
            w.setVisible(self._is_publisher())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self._fill_filters()
        self.apply()

    def _fill_filters(self) -> None:
        with self.db.read() as session:
            departments = session.execute(
                select(Department.id, Department.name)
                .where(Department.id.in_(select(CatalogEntry.department_id).distinct()))
                .order_by(Department.name)
            ).all()
            categories = sorted(session.scalars(select(CatalogEntry.category).distinct()))
            years = sorted(
                {
                    int(y)
                    for y in session.scalars(select(extract("year", CatalogEntry.published_on)).distinct())
                },
                reverse=True,
            )
        self.department.addItem(self.tr("全部发布机构"), None)
        for department_id, name in departments:
            self.department.addItem(name, department_id)
        self.category.addItem(self.tr("全部分类"), "")
        for c in categories:
            self.category.addItem(c, c)
        self.year.addItem(self.tr("全部年份"), None)
        for y in years:
            self.year.addItem(str(y), y)

    def apply(self) -> None:
        self.model.set_filter(
            CatalogFilter(
                query=self.query.text(),
                department_id=self.department.currentData(),
                category=str(self.category.currentData() or ""),
                year=self.year.currentData(),
                validity=str(self.validity.currentData() or ""),
                include_withdrawn=self.withdrawn.isChecked(),
            )
        )
        more = self.tr("，向下滚动加载更多") if self.model.canFetchMore() else ""
        self.count.setText(self.tr("已显示 {shown} 条{more}").format(shown=self.model.rowCount(), more=more))

    def _is_publisher(self) -> bool:
        if self.user_id is None:
            return False
        with self.db.read() as session:
            return session.get_one(User, self.user_id).has_role(Role.PUBLISHER)

    def _selected(self) -> CatalogRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def withdraw_selected(self, reason: str | None = None) -> bool:
        row = self._selected()
        if row is None or self.user_id is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("撤回"), self.tr("撤回“{title}”的理由：").format(title=row.title)
            )
            if not ok:
                return False
        return self._change(lambda: withdraw(self.db, self.user_id or 0, row.index_no, reason or ""))

    def set_selected_notice(self, answer: str | None = None) -> bool:
        """Sets (a date) or clears (nothing) the selected entry's 公示期."""
        row = self._selected()
        if row is None or self.user_id is None:
            return False
        if answer is None:
            current = self.model.notice.get(row.id)
            answer, ok = QInputDialog.getText(
                self,
                self.tr("公示期"),
                self.tr("“{title}”的公示期最后一天（YYYY-MM-DD；留空则取消公示期）：").format(
                    title=row.title
                ),
                text=current.isoformat() if current else "",
            )
            if not ok:
                return False
        try:
            until = dt.date.fromisoformat(answer.strip()) if answer.strip() else None
        except ValueError:
            self.message.setText(self.tr("日期应为 YYYY-MM-DD：{text}").format(text=answer))
            return False
        return self._change(lambda: set_notice(self.db, self.user_id or 0, row.index_no, until))

    def change_selected_validity(
        self, validity: Validity, amendment: tuple[dt.date, str] | None = None
    ) -> bool:
        """Sets the selected entry's 有效性; 已修改 asks for its date and document unless `amendment` gives them."""
        row = self._selected()
        if row is None or self.user_id is None:
            return False
        if validity is Validity.AMENDED and amendment is None:
            dialog = AmendmentDialog(row.title, self)
            self.last_amendment = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            amendment = dialog.amended_on.date().toPython(), dialog.amended_by.text()  # type: ignore[assignment]
        on, by = amendment if amendment is not None else (None, "")
        return self._change(
            lambda: change_validity(
                self.db, self.user_id or 0, row.index_no, validity, amended_on=on, amended_by=by
            )
        )

    def _change(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except TranslatableError as exc:
            self.message.setText(error_text(exc))
            return False
        if self.site_dir is not None:
            update_static_site(self.db, self.site_dir)
        self.message.setText(self.tr("已更新；门户的变更已进入发布队列。"))
        self.apply()
        return True

    def audit_published(self) -> Task | None:
        """Runs `audit published` on the site folder (and the portal, when its token is at hand) in
        the background; the result list opens in a dialog."""
        site = self.site_dir if self.site_dir is not None and self.site_dir.is_dir() else None
        portal = None
        if self.portal_url:
            try:
                portal = PortalClient(self.portal_url, get_secret(portal_token_name(self.portal_url)))
            except TranslatableError as exc:  # no token in the keyring: the site is still checked
                self.message.setText(error_text(exc))
        if site is None and portal is None:
            self.message.setText(self.tr("没有可核对的网站文件夹或门户。"))
            return None
        checked = ([str(site)] if site is not None else []) + (
            [self.portal_url] if portal is not None else []
        )
        db, cache_dir = self.db, self.cache_dir
        self.audit_button.setEnabled(False)
        self.message.setText(self.tr("正在核对线上内容…"))

        def done(problems: list[Problem]) -> None:
            self.audit_button.setEnabled(True)
            self.message.setText("")
            self.last_audit = PublishedAuditDialog(problems, checked, self)
            self.last_audit.show()

        def failed(exc: BaseException) -> None:
            self.audit_button.setEnabled(True)
            if not isinstance(exc, TranslatableError):
                raise exc
            self.message.setText(error_text(exc))

        return self.runner.start(
            lambda task: audit_published(db, cache_dir, site=site, portal=portal, cancel=task.cancelled),
            done,
            failed,
        )

    def open_entry(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        with self.db.read() as session:
            entry = session.get_one(CatalogEntry, row.id)
            pdf = load_blob(session, entry.published_sha256)
        viewer_dialog = QDialog(self)
        viewer_dialog.setWindowTitle(f"{row.index_no}  {row.title}")
        viewer_dialog.resize(800, 900)
        viewer = PageViewer(viewer_dialog)
        layout = QVBoxLayout(viewer_dialog)
        layout.addWidget(viewer)
        viewer.set_pdf(pdf)
        self.last_viewer = viewer
        viewer_dialog.show()
