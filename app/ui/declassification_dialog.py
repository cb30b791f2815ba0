"""The 解密/降密 record of one 密级 marking: the reviewer enters it, a second person confirms it.

One small dialog for both people: whoever opens it sees the record as it stands; a reviewer of
the document can enter (or correct, until confirmed) the record, an administrator or another
reviewer can confirm it. The rules themselves are in app.declassification.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import declassification
from app.db.database import Database
from app.db.models import FindingRow, User
from app.errors import TranslatableError
from app.ui.dialog_parts import date_edit, error_label, qdate
from app.ui.i18n import error_text, translate


class DeclassificationDialog(QDialog):
    def __init__(self, db: Database, user_id: int, finding_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.finding_id = db, user_id, finding_id
        self.setWindowTitle(self.tr("解密/降密记录"))
        self.marking = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.authority = QLineEdit(self)
        self.authority.setPlaceholderText(self.tr("作出解密/降密决定的机关"))
        self.decided_on = date_edit(self)
        self.decided_on.setMaximumDate(self.decided_on.date())
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("如：示机管密解〔2026〕3号，或审批单编号"))
        self.error = error_label(self)
        self.enter_button = QPushButton(self.tr("录入"), self)
        self.enter_button.clicked.connect(self.enter)
        self.confirm_button = QPushButton(self.tr("确认此记录"), self)
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.enter_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("密级标志"), self.marking)
        form.addRow(self.tr("定密机关"), self.authority)
        form.addRow(self.tr("决定日期"), self.decided_on)
        form.addRow(self.tr("文号或审批单"), self.reference)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 260)
        self.reload()

    def reload(self) -> None:
        with self.db.read() as session:
            finding = session.get_one(FindingRow, self.finding_id)
            row = declassification.record_of(session, self.finding_id)
            self.status_line = declassification.status_text(session, self.finding_id, translate)
            self.marking.setText(finding.text)
            pending = row is not None and row.confirmed_by_id is None
            confirmed = row is not None and row.confirmed_by_id is not None
            if row is not None:
                self.authority.setText(row.authority)
                self.decided_on.setDate(qdate(row.decided_on))
                self.reference.setText(row.reference)
            # Who may act is decided by app.declassification; the buttons only hide what cannot apply.
            self.confirm_button.setEnabled(pending and row is not None and row.entered_by_id != self.user_id)
            self.enter_button.setEnabled(not confirmed)
            for field in (self.authority, self.decided_on, self.reference):
                field.setEnabled(not confirmed)
        self.status.setText(self.status_line)

    def enter(self) -> None:
        day = self.decided_on.date()
        self._act(
            lambda session, user: declassification.enter(
                session,
                user,
                self.finding_id,
                self.authority.text(),
                day.toPython(),  # type: ignore[arg-type]
                self.reference.text(),
            )
        )

    def confirm(self) -> None:
        self._act(lambda session, user: declassification.confirm(session, user, self.finding_id))

    def _act(self, action: Callable[[Session, User], object]) -> None:
        try:
            with self.db.write() as session:
                action(session, session.get_one(User, self.user_id))
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.setText("")
        self.reload()
