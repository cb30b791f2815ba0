"""目录 → 全面复查: the current lexicon and rule packs over everything published (app/recheck.py),
run off the UI thread with progress and cancel; the entries with findings grouped by rule and
department, each opening its findings on its published PDF (read-only), and from there 更正 or 撤回."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import recheck
from app.catalog import update_static_site, withdraw
from app.db.database import Database
from app.db.models import CatalogEntry
from app.documents import load_blob
from app.errors import TranslatableError
from app.finding_labels import rule_name
from app.ui.findings_panel import SEVERITY_COLORS, FindingsPanel
from app.ui.i18n import error_text, translate, vocabulary
from app.ui.page_viewer import Highlight, PageViewer
from app.ui.tasks import Task, TaskRunner
from review.model import Channel, Finding, Location

ENTRY_ROLE = Qt.ItemDataRole.UserRole


class RecheckDialog(QDialog):
    def __init__(
        self,
        db: Database,
        user_id: int | None,
        runner: TaskRunner,
        data_dir: Path,
        cache_dir: Path | None,
        site_dir: Path | None = None,
        parent: QWidget | None = None,
        *,
        workers: int = 1,
    ) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.runner = db, user_id, runner
        self.data_dir, self.cache_dir, self.site_dir, self.workers = data_dir, cache_dir, site_dir, workers
        self.run_id: int | None = recheck.latest_run(db)
        self.task: Task | None = None
        self.entry_id: int | None = None
        self.setWindowTitle(self.tr("全面复查已发布的内容"))
        self.resize(1300, 800)
        self.full_button = QPushButton(self.tr("全面复查"), self)
        self.full_button.setToolTip(
            self.tr("用当前词库和全部规则复查所有现行目录条目（读取已存文本，不重新读取文件）")
        )
        self.full_button.clicked.connect(lambda: self.start(recheck.FULL))
        self.changed_button = QPushButton(self.tr("只查新增规则"), self)
        self.changed_button.setToolTip(self.tr("只复查自上次复查以来新增或修改的词条和规则包内容"))
        self.changed_button.clicked.connect(lambda: self.start(recheck.CHANGED))
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v/%m 条"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        for w in (self.full_button, self.changed_button, self.cancel_button):
            top.addWidget(w)
        top.addWidget(self.progress, 1)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("规则 / 部门 / 条目"), self.tr("处数"), self.tr("词语")])
        self.tree.setColumnWidth(0, 380)
        self.tree.currentItemChanged.connect(lambda item, _old: self.open_item(item))
        self.findings = FindingsPanel(self)
        self.findings.set_deciding(False)
        # Read-only: what is published is corrected through a new version (更正), never decided here.
        for button in (*self.findings.decision_buttons.values(), self.findings.identical_button):
            button.hide()
        self.findings.finding_activated.connect(self._show_finding)
        self.viewer = PageViewer(self)
        self.viewer.draw_button.hide()
        self.correct_button = QPushButton(self.tr("更正…"), self)
        self.correct_button.setToolTip(
            self.tr("以该文件的原件和目录信息新建草稿，修改后重新检查、审查和发布")
        )
        self.correct_button.clicked.connect(lambda: self.correct_selected())
        self.withdraw_button = QPushButton(self.tr("撤回…"), self)
        self.withdraw_button.clicked.connect(lambda: self.withdraw_selected())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        inner = QSplitter(Qt.Orientation.Vertical, right)
        inner.addWidget(self.findings)
        inner.addWidget(self.viewer)
        inner.setSizes([260, 540])
        right_layout.addWidget(inner, 1)
        acts = QHBoxLayout()
        acts.addStretch(1)
        acts.addWidget(self.correct_button)
        acts.addWidget(self.withdraw_button)
        right_layout.addLayout(acts)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setSizes([560, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self._set_entry_actions()
        self.show_run()

    # -- running -----------------------------------------------------------------------------

    def start(self, mode: str) -> Task:
        """Plans and runs a re-check in the background (a run left unfinished is continued)."""
        db, user_id, data_dir, cache_dir, workers = (
            self.db,
            self.user_id,
            self.data_dir,
            self.cache_dir,
            self.workers,
        )

        def work(task: Task) -> int:
            run_id = recheck.unfinished(db) or recheck.start(db, user_id, mode, cache_dir, workers)
            recheck.run_parallel(
                db, data_dir, run_id, cache_dir, workers, lambda d, t: task.report(d, t), task.cancelled
            )
            return run_id

        self._running(True)
        self.summary.setText(self.tr("正在复查…"))
        self.task = self.runner.start(work, self._done, self._failed, self._progressed)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancelled.set()
            self.summary.setText(self.tr("正在取消…（已完成的部分会保留，可继续复查）"))

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, run_id: int) -> None:
        self._running(False)
        self.run_id = run_id
        self.show_run()

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        if not isinstance(exc, TranslatableError):
            raise exc
        self.summary.setText(error_text(exc))

    def _running(self, running: bool) -> None:
        self.full_button.setEnabled(not running)
        self.changed_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    # -- results -----------------------------------------------------------------------------

    def show_run(self) -> None:
        self.tree.clear()
        if self.run_id is None:
            self.summary.setText(self.tr("还没有进行过全面复查。"))
            return
        figures = recheck.figures(self.db, self.run_id)
        self.progress.setMaximum(max(figures.total, 1))
        self.progress.setValue(figures.done)
        rows = recheck.grouped(self.db, self.run_id)
        state = {
            recheck.DONE: self.tr("已完成"),
            recheck.RUNNING: self.tr("未完成（可继续）"),
            recheck.CANCELLED: self.tr("已取消"),
        }[figures.status]
        text = self.tr("第 {run} 次复查，{state}：{done}/{total} 条，{found} 条有发现。").format(
            run=self.run_id,
            state=state,
            done=figures.done,
            total=figures.total,
            found=len({r.entry_id for r in rows}),
        )
        if figures.backfilled:
            text += self.tr(
                "其中 {count} 份没有保存文本、保存的文本无法读取或由旧版引擎提取，已从发布文件重新提取并保存。"
            ).format(count=figures.backfilled)
        self.summary.setText(text)
        groups: dict[tuple[str, str, str], QTreeWidgetItem] = {}
        for row in rows:
            key = (row.rule_id, row.category, row.department)
            group = groups.get(key)
            if group is None:
                rule = rule_name(
                    Finding(row.rule_id, row.category, row.worst, "", Channel.VISIBLE, Location()), translate
                )
                group = QTreeWidgetItem(self.tree, [f"{rule} · {row.department}"])
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
                groups[key] = group
            item = QTreeWidgetItem(
                group, [f"{row.index_no}  {row.title}", str(row.count), "、".join(row.terms[:5])]
            )
            item.setForeground(0, SEVERITY_COLORS[row.worst])
            item.setToolTip(0, vocabulary(row.worst.label))
            item.setData(0, ENTRY_ROLE, row.entry_id)

    def open_item(self, item: QTreeWidgetItem | None) -> None:
        """Shows the entry's findings and its published PDF with their places marked."""
        entry_id = item.data(0, ENTRY_ROLE) if item is not None else None
        self.entry_id = entry_id
        self._set_entry_actions()
        if entry_id is None or self.run_id is None:
            return
        found = recheck.entry_hits(self.db, self.run_id, entry_id)
        with self.db.read() as session:
            pdf = load_blob(session, session.get_one(CatalogEntry, entry_id).published_sha256)
        self.viewer.set_pdf(pdf)
        marks = [
            Highlight(
                rect.page if rect.page is not None else (f.location.page or 0),
                rect,
                SEVERITY_COLORS[f.severity],
                i,
            )
            for i, f in enumerate(found)
            for rect in f.location.rects
        ]
        self.viewer.set_highlights(marks)
        version = recheck.lexicon_version(self.db, self.run_id, entry_id)
        self.findings.show_findings(found, [], version, keep_selection=False)

    def _show_finding(self, index: int) -> None:
        found = self.findings.findings
        if 0 <= index < len(found) and found[index].location.page is not None:
            self.viewer.show_page(found[index].location.page or 0)
            self.viewer.select_highlight(index)

    def _set_entry_actions(self) -> None:
        for button in (self.correct_button, self.withdraw_button):
            button.setEnabled(self.entry_id is not None and self.user_id is not None)

    def correct_selected(self) -> int | None:
        if self.entry_id is None or self.user_id is None:
            return None
        try:
            document_id = recheck.start_correction(self.db, self.user_id, self.entry_id)
        except TranslatableError as exc:
            self.message.setText(error_text(exc))
            return None
        self.message.setText(
            self.tr("已新建更正草稿（文件 {id}）：修改后重新检查、提交审查，发布后撤回原条目。").format(
                id=document_id
            )
        )
        return document_id

    def withdraw_selected(self, reason: str | None = None) -> bool:
        if self.entry_id is None or self.user_id is None:
            return False
        with self.db.read() as session:
            entry = session.get_one(CatalogEntry, self.entry_id)
            index_no, title = entry.index_no, entry.title
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("撤回"), self.tr("撤回“{title}”的理由：").format(title=title)
            )
            if not ok:
                return False
        try:
            withdraw(self.db, self.user_id, index_no, reason)
            if self.site_dir is not None and self.site_dir.is_dir():
                update_static_site(self.db, self.site_dir)
        except TranslatableError as exc:
            self.message.setText(error_text(exc))
            return False
        self.message.setText(
            self.tr("已撤回 {index_no}；门户的变更已进入发布队列。").format(index_no=index_no)
        )
        self.entry_id = None
        self.show_run()
        return True
