"""政策解读 at the desk: the panel under the details, adding one, rewriting its text, and the
reviewer's 人工审查 of its audio and video."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from sqlalchemy.orm import Session

from app import interpretations
from app.db.models import Document, User
from app.roles import Role
from app.ui.controllers.documents import DocumentState
from app.ui.interpretation_dialog import InterpretationDialog, InterpretationTextDialog, MediaAttestDialog
from app.workflow import Action, refusal

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class InterpretationsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.edit_text_action = QAction(self.tr("修改解读正文…"), window)
        self.edit_text_action.triggered.connect(self.edit_interpretation_text)
        panel = window.interpretations_panel
        panel.open_requested.connect(window.documents.open_document)
        panel.add_requested.connect(self.add_interpretation)
        panel.edit_text_requested.connect(self.edit_interpretation_text)
        panel.attest_requested.connect(self.attest_media)

    def menu_actions(self) -> list[QAction]:
        return [self.edit_text_action]

    def document_changed(self, state: DocumentState) -> None:
        self.edit_text_action.setEnabled(state.editable and state.written_here)

    def show(self, session: Session, document: Document, user: User, editable: bool) -> bool:
        """Fills the panel for the document; True when it is an interpretation written at the desk."""
        panel = self.window.interpretations_panel
        interpretation = interpretations.interpretation_of(session, document.id)
        if interpretation is not None:
            written_here = bool(interpretation.source_html)
            panel.show_interpreted(
                interpretation.interprets_id,
                interpretation.interprets.title,
                can_edit_text=editable and written_here,
            )
            panel.show_media(
                interpretations.media_states(session, document.id),
                can_attest=refusal(document, user, Action.APPROVE, session) is None,
            )
            return written_here
        can_add = (
            user.has_role(Role.CLERK)
            and user.department_id == document.department_id
            and document.status_enum in interpretations.ATTACHABLE
        )
        panel.show_interpretations(
            interpretations.rows_of(session, document.id),
            can_add,
            interpretations.needs_interpretation(document),
        )
        return False

    def add_interpretation(self) -> int | None:
        """Opens the interpretation dialog for the current document; returns the new interpretation's id."""
        w = self.window
        if w.current_id is None:
            return None
        dialog = InterpretationDialog(w.db, w.user_id, w.current_id, w)
        w.last_dialog = dialog
        if dialog.exec() != InterpretationDialog.DialogCode.Accepted:
            return None
        w.say(self.tr("政策解读已添加为草稿，请对其运行保密检查。"), 10000)
        w.documents.refresh()
        return dialog.created_id

    def edit_interpretation_text(self) -> bool:
        w = self.window
        if w.current_id is None:
            return False
        dialog = InterpretationTextDialog(w.db, w.user_id, w.current_id, w)
        w.last_dialog = dialog
        if dialog.exec() != InterpretationTextDialog.DialogCode.Accepted:
            return False
        w.files.revised(w.current_id)
        return True

    def attest_media(self, media_id: int) -> bool:
        """The reviewer's 人工审查 of one of the current interpretation's audio/video files."""
        w = self.window
        dialog = MediaAttestDialog(w.db, w.user_id, media_id, w)
        w.last_dialog = dialog
        if dialog.exec() != MediaAttestDialog.DialogCode.Accepted:
            return False
        w.say(self.tr("已记录人工审查。"))
        w.documents.refresh()
        return True
