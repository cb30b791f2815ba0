"""The 审查 menu's workflow: 提交审查, 批准 (the published form and the record made in the
background), 退回 and 不予公开."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app import interpretations
from app.db.models import Document, User
from app.errors import TranslatableError
from app.reviewing import Conclusion, approve, refuse, suggested_conclusion
from app.submission import IncompleteSubmission, refuse_incomplete
from app.ui.conclusion_dialog import ConclusionDialog
from app.ui.controllers.documents import DocumentState
from app.ui.i18n import error_text, vocabulary
from app.ui.reason_dialog import ReasonDialog
from app.ui.tasks import Task
from app.workflow import TRANSITIONS, Action, get_document, perform
from publish.taxonomy import LegalBasis
from review.redact import RedactionOptions

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ReviewController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.transition_actions: dict[Action, QAction] = {}
        for action in (Action.SUBMIT, Action.APPROVE, Action.RETURN, Action.REFUSE):
            qaction = QAction(vocabulary(TRANSITIONS[action].label), window)
            qaction.triggered.connect(lambda _=False, a=action: self.run_transition(a))
            self.transition_actions[action] = qaction

    def menu_actions(self) -> list[QAction]:
        return list(self.transition_actions.values())

    def document_changed(self, state: DocumentState) -> None:
        for action, qaction in self.transition_actions.items():
            qaction.setEnabled(action in state.allowed)

    def run_transition(
        self, action: Action, reason: str = "", basis: LegalBasis | None = None, ask: bool = True
    ) -> bool:
        w = self.window
        if w.current_id is None:
            return False
        if action is Action.APPROVE:
            self.approve_current(ask=ask)
            return True
        transition = TRANSITIONS[action]
        row = w.model.row_at(w.model.row_of(w.current_id) or 0)
        if action is Action.SUBMIT and not self._complete_for_submission(row.id):
            return False
        if ask and (transition.needs_reason or transition.needs_basis):
            dialog = ReasonDialog(
                vocabulary(transition.label), self.tr("请写明理由"), transition.needs_basis, w
            )
            if dialog.exec() != ReasonDialog.DialogCode.Accepted:
                return False
            reason, basis = dialog.reason.toPlainText(), dialog.selected_basis()
        elif (
            ask
            and QMessageBox.question(
                w,
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
                refuse(w.db, w.user_id, row.id, row.version, basis, reason or vocabulary(basis.label))
            else:
                with w.db.write() as session:
                    perform(
                        session,
                        session.get_one(User, w.user_id),
                        row.id,
                        action,
                        expected_version=row.version,
                        reason=reason,
                        basis=basis,
                    )
        except IncompleteSubmission as exc:  # completed by someone else's edit in the meantime
            self.offer_metadata(error_text(exc))
            return False
        except TranslatableError as exc:
            w.show_error(error_text(exc))
            w.documents.refresh()
            return False
        w.say(self.tr("“{title}”：{action}完成").format(title=row.title, action=vocabulary(transition.label)))
        w.documents.refresh()
        return True

    def _complete_for_submission(self, document_id: int) -> bool:
        """Whether the draft has what submission asks for; if not, says what it lacks before the
        clerk is asked to confirm (the workflow refuses it all the same)."""
        with self.window.db.read() as session:
            try:
                refuse_incomplete(session, get_document(session, document_id))
            except IncompleteSubmission as exc:
                self.offer_metadata(error_text(exc))
                return False
        return True

    def offer_metadata(self, text: str) -> QMessageBox:
        """The refusal, with a button that opens 文件信息 on the spot."""
        w = self.window
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("还不能提交审查"), text, QMessageBox.StandardButton.Close, w
        )
        fill = box.addButton(self.tr("填写文件信息…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(fill)
        fill.clicked.connect(w.edit_current)
        w.last_message = box
        box.open()
        return box

    def approve_current(
        self,
        conclusion: Conclusion | None = None,
        opinion: str = "",
        rasterize: bool = False,
        ask: bool = True,
        no_interpretation_reason: str = "",
    ) -> Task | None:
        """Produces the published form and the record in the background, then approves."""
        w = self.window
        if w.current_id is None:
            return None
        row = w.model.row_at(w.model.row_of(w.current_id) or 0)
        if ask:
            with w.db.read() as session:
                suggested = suggested_conclusion(session, row.id)
                document = session.get_one(Document, row.id)
                missing = interpretations.needs_interpretation(
                    document
                ) and not interpretations.has_live_interpretation(session, row.id)
            dialog = ConclusionDialog(suggested, w, interpretation_missing=missing)
            if dialog.exec() != ConclusionDialog.DialogCode.Accepted:
                return None
            conclusion, opinion = dialog.conclusion(), dialog.opinion.toPlainText()
            rasterize = dialog.rasterize.isChecked()
            no_interpretation_reason = dialog.no_interpretation_reason.toPlainText()
        if conclusion is None:
            return None
        db, user_id, cache_dir = w.db, w.user_id, w.workspace.paths.cache_dir
        options = RedactionOptions(
            rasterize=rasterize, metadata={"title": row.title, "author": row.department}
        )
        w.say(self.tr("正在生成并复核发布版本…"), 0)

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
            w.say(
                self.tr("“{title}”已批准，发布版本复核通过，保密审查单已生成。").format(title=row.title),
                10000,
            )
            w.documents.refresh()
            w.approval_finished.emit(True)

        def failed(exc: BaseException) -> None:
            w.statusBar().clearMessage()
            w.show_unexpected(exc)
            w.documents.refresh()
            w.approval_finished.emit(False)

        return w.runner.start(work, done, failed)
