"""The 文件 menu's document work: importing (with progress and cancel), a new version, the file's
details, the 保密检查 in the background, and saving what a review produced."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app import documents, interpretations
from app.atomic import write_bytes_atomic
from app.checking import check_document, judged_on_another_date
from app.db.models import FilePurpose, User
from app.document_links import LinkState, check_document_links
from app.documents import Queue
from app.errors import TranslatableError
from app.reviewing import document_files, file_bytes
from app.ui.controllers.documents import DocumentState
from app.ui.i18n import error_text, vocabulary
from app.ui.metadata_dialog import MetadataDialog
from app.ui.tasks import Task
from review.engine import Cancelled
from review.errors import EncryptedDocument
from review.formats import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ImportReport:
    """What a batch import did, file by file."""

    def __init__(self) -> None:
        self.imported: list[tuple[str, int]] = []
        self.rejected: list[tuple[str, TranslatableError]] = []
        self.encrypted: list[tuple[Path, TranslatableError]] = []
        self.cancelled = False


class FilesController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.checking: set[int] = set()  # documents whose check is running
        self._check_task: Task | None = None
        self.import_action = self._action(
            self.tr("导入文件…"), self.import_via_dialog, QKeySequence.StandardKey.Open
        )
        self.edit_action = self._action(self.tr("文件信息…"), self.edit_current, "Ctrl+E")
        self.revise_action = self._action(self.tr("上传新版本…"), self.revise_via_dialog)
        self.check_action = self._action(self.tr("保密检查"), self.check_current, "Ctrl+K")
        self.links_action = self._action(self.tr("检查文中链接（联网）"), self.check_links_current)
        self.save_published_action = self._action(
            self.tr("保存发布版本…"), lambda: self.save_document_file(FilePurpose.PUBLISHED)
        )
        self.save_cleaned_action = self._action(
            self.tr("保存清理后的 DOCX…"), lambda: self.save_document_file(FilePurpose.CLEANED_DOCX)
        )
        self.save_record_action = self._action(
            self.tr("保存保密审查单…"), lambda: self.save_document_file(FilePurpose.RECORD)
        )

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def menu_actions(self) -> list[QAction]:
        return [
            self.import_action,
            self.edit_action,
            self.revise_action,
            self.check_action,
            self.links_action,
        ]

    def save_actions(self) -> list[QAction]:
        return [self.save_published_action, self.save_cleaned_action, self.save_record_action]

    def document_changed(self, state: DocumentState) -> None:
        self.check_action.setEnabled(state.id is not None)
        self.links_action.setEnabled(state.id is not None)
        self.edit_action.setEnabled(state.catalog_text_editable)
        self.revise_action.setEnabled(state.editable)

    # -- importing ------------------------------------------------------------------------------

    def importable_filter(self) -> str:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        return self.tr("可导入的文件") + f" ({patterns})"

    def import_via_dialog(self) -> None:
        files = self.window.choose_files()
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path], password: str | None = None) -> Task:
        """Imports in the background, one file after another, each all or nothing."""
        w = self.window
        progress = QProgressDialog(self.tr("正在导入…"), self.tr("取消"), 0, len(paths), w)
        progress.setWindowTitle(self.tr("导入文件"))
        progress.setMinimumDuration(300)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        db, user_id = w.db, w.user_id

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
            w.show_unexpected(exc)

        task = w.runner.start(work, done, failed, on_progress)
        progress.canceled.connect(task.cancelled.set)
        return task

    def _imported(self, report: ImportReport) -> None:
        w = self.window
        for path, exc in report.encrypted:
            password = w.ask_pdf_password(path.name)
            if password:
                self.import_files([path], password)
            else:
                report.rejected.append((path.name, exc))
        if report.imported:
            w.current_id = report.imported[-1][1]
            w.documents.show_queue(Queue.MY_DRAFTS)
            self.check_documents([doc_id for _, doc_id in report.imported])
            w.say(self.tr("已导入 %n 个文件", "", len(report.imported)))
        if report.rejected:
            lines = "\n\n".join(error_text(exc) for _, exc in report.rejected)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("部分文件未导入"),
                self.tr("%n 个文件未导入，其余文件不受影响：", "", len(report.rejected)),
                QMessageBox.StandardButton.Ok,
                w,
            )
            box.setInformativeText(lines)
            w.last_message = box
            box.open()
        if report.cancelled:
            w.say(self.tr("导入已取消；已导入的文件保留。"))

    # -- a draft's details and new versions -------------------------------------------------------

    def edit_current(self) -> bool:
        w = self.window
        if w.current_id is None:
            return False
        dialog = MetadataDialog(w.db, w.user_id, w.current_id, w)
        w.last_dialog = dialog
        if dialog.exec() != MetadataDialog.DialogCode.Accepted:
            return False
        w.documents.refresh()
        with w.db.read() as session:
            stale = judged_on_another_date(session, w.current_id)
        if stale:
            w.say(self.tr("成文日期已改，正在按新日期重新检查领导人职务和过时表述。"))
            self.check_documents([w.current_id])
        return True

    def revise_via_dialog(self) -> bool:
        """Uploads a new original for the current draft, then checks it."""
        w = self.window
        if w.current_id is None:
            return False
        path = w.choose_open_path(self.tr("选择新版本文件"), self.importable_filter())
        if not path:
            return False
        password: str | None = None
        try:
            while True:
                try:
                    draft = documents.prepare(Path(path), password)
                    break
                except EncryptedDocument:
                    password = w.ask_pdf_password(Path(path).name)
                    if not password:
                        return False
            with w.db.write() as session:
                interpretations.revise(
                    session, session.get_one(User, w.user_id), w.current_id, None, draft=draft
                )
        except TranslatableError as exc:
            w.show_error(error_text(exc))
            return False
        self.revised(w.current_id)
        return True

    def revised(self, document_id: int) -> None:
        self.window.say(self.tr("已上传新版本，正在重新检查。"))
        self.window.findings.forget_original()  # the pages shown are the old version's
        self.window.documents.refresh()
        self.check_documents([document_id])

    # -- checking -------------------------------------------------------------------------------

    def check_current(self) -> None:
        if self.window.current_id is not None:
            self.check_documents([self.window.current_id])

    def check_links_current(self) -> Task | None:
        """Requests each address the latest check found in the text (a machine with a network only;
        intranet addresses are never requested) and lists the dead and redirected ones."""
        w = self.window
        if w.current_id is None:
            return None
        db, document_id = w.db, w.current_id
        w.say(self.tr("正在检查文中的链接…"))

        def done(states: list[LinkState]) -> None:
            lines = [
                f"{vocabulary(s.label)}  {s.url}"
                + (f" → {s.final_url}" if s.final_url else "")
                + f"  （{'、'.join(s.places)}）"
                for s in states
            ]
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("文中链接"),
                "\n".join(lines) if lines else self.tr("最近一次检查没有发现文中的链接。"),
                QMessageBox.StandardButton.Ok,
                w,
            )
            w.last_message = box
            box.open()

        return w.runner.start(lambda _task: check_document_links(db, document_id), done, w.show_unexpected)

    def check_documents(self, document_ids: list[int]) -> Task:
        """Checks in the background; the findings appear when done. Cancel stops between pages."""
        w = self.window
        db, user_id, cache_dir = w.db, w.user_id, w.workspace.paths.cache_dir
        self.checking.update(document_ids)
        w.check_progress.setValue(0)
        w.check_progress.show()
        w.cancel_check_button.show()

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
            w.check_progress.setMaximum(total)
            w.check_progress.setValue(done)

        def finished(outcomes: list[tuple[int, str | None]]) -> None:
            self._check_task = None
            self.checking.difference_update(document_ids)
            w.check_progress.hide()
            w.cancel_check_button.hide()
            errors = [text for _, text in outcomes if text]
            if len(outcomes) < len(document_ids):
                w.say(self.tr("检查已取消；未检查的文件不会显示为无问题。"))
            if errors:
                w.show_error("\n\n".join(errors))
            w.documents.show_document(w.current_id)
            w.checks_finished.emit()

        def failed(exc: BaseException) -> None:
            self.checking.difference_update(document_ids)
            w.check_progress.hide()
            w.cancel_check_button.hide()
            w.show_unexpected(exc)
            w.checks_finished.emit()

        task = w.runner.start(work, finished, failed, progress)
        self._check_task = task
        if w.current_id in document_ids:
            w.findings_panel.show_message(self.tr("正在检查…"))
        return task

    def cancel_checks(self) -> None:
        if self._check_task is not None:
            self._check_task.cancelled.set()

    # -- what a review produced ------------------------------------------------------------------

    def save_document_file(self, purpose: str) -> bool:
        """Saves the selected document's published version or review record (reprintable any time)."""
        w = self.window
        if w.current_id is None:
            return False
        with w.db.read() as session:
            stored = document_files(session, w.current_id, purpose)
            data = file_bytes(session, w.current_id, purpose) if stored else None
            name = stored.original_name if stored else ""
        if data is None:
            w.show_error(self.tr("该文件还没有审查结论，没有可保存的发布版本或审查单。"))
            return False
        target = w.choose_save_path(name)
        if not target:
            return False
        write_bytes_atomic(Path(target), data)
        w.say(self.tr("已保存到 {path}").format(path=target))
        return True
