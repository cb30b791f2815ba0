"""The reviewer's findings: the list, the original with every hit marked (highlights on a PDF's
pages, the text view for TXT, DOCX and OFD), and the decisions — by key anywhere in the window,
for the selected findings or all identical hits at once, each recorded and audited through
`reviewing.decide` in one transaction. Areas drawn on a page are decided here too."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor
from sqlalchemy.orm import Session

from app import declassification, documents
from app.checking import latest_run, stored_finding
from app.db.models import Document, User
from app.errors import TranslatableError
from app.original_text import TEXT_VIEW_KINDS, Section, marked_sections
from app.redaction import FALSE_ALARM, KEEP, MASK, MASKABLE, REMOVE
from app.reviewing import DECISION_LABELS, add_manual_area, decide, manual_areas
from app.ui.controllers.documents import DocumentState
from app.ui.decision_dialog import DecisionDialog, Remembered
from app.ui.declassification_dialog import DeclassificationDialog
from app.ui.findings_model import DECIDED_COLOR, SEVERITY_COLORS, Decided
from app.ui.findings_panel import DECISION_KEYS
from app.ui.i18n import error_text, translate, vocabulary
from app.ui.page_viewer import Highlight
from app.ui.tasks import TaskRunner
from app.workflow import Action
from publish.taxonomy import LegalBasis
from review.as_pdf import as_pdf
from review.formats import CONVERTED_KINDS, Kind
from review.model import Finding, Rect

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

AREA_COLOR = QColor(0, 0, 0)


class FindingsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.finding_ids: list[int] = []
        self.remembered: dict[tuple[str, str], Remembered] = {}  # (category, decision) → last given
        self._shown_original: int | None = None  # the document whose pages are shown
        self._shown_findings: int | None = None  # the document whose findings are listed
        self._kind: Kind | None = None
        self._sections: tuple[tuple[str, int], list[Section]] | None = None  # (sha256, run id) → text
        self._layouts = TaskRunner(self)
        # Work for the views done off the UI thread: token → (document, show, failed).
        self._tokens = itertools.count()
        self._pending: dict[int, tuple[int, Callable[[Any], None], Callable[[str], None]]] = {}
        # The decision keys work anywhere in the window. They are plain letters: a text field with
        # the focus takes them as typing (Qt gives it the key first), so they never steal a letter.
        self.decision_actions: dict[str, QAction] = {}
        texts = {
            REMOVE: self.tr("删除所选发现…"),
            MASK: self.tr("遮盖所选发现…"),
            KEEP: self.tr("保留所选发现…"),
            FALSE_ALARM: self.tr("所选发现判为误报…"),
        }
        for decision, key in DECISION_KEYS.items():
            action = QAction(texts[decision], window)
            action.setShortcut(key)
            action.triggered.connect(lambda _=False, d=decision: self.decide_selected(d))
            self.decision_actions[decision] = action
        panel = window.findings_panel
        self.identical_action = self._key_action(self.tr("选中相同的发现"), "S", panel.select_identical)
        self.next_action = self._key_action(self.tr("下一项发现"), "N", lambda: panel.step(1))
        self.previous_action = self._key_action(self.tr("上一项发现"), "P", lambda: panel.step(-1))
        for action in [
            *self.decision_actions.values(),
            self.identical_action,
            self.next_action,
            self.previous_action,
        ]:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        panel.finding_activated.connect(self.show_finding)
        panel.decision_requested.connect(self.decide_selected)
        panel.declassification_requested.connect(self.open_declassification)
        panel.view.selectionModel().selectionChanged.connect(lambda *_: self._update_mask_action())
        window.viewer.area_drawn.connect(self.add_area)
        window.viewer.highlight_clicked.connect(self._highlight_clicked)
        window.text_view.finding_clicked.connect(panel.select_index)

    def _key_action(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(key)
        action.triggered.connect(slot)
        return action

    def menu_actions(self) -> list[QAction]:
        return [
            *self.decision_actions.values(),
            self.identical_action,
            self.next_action,
            self.previous_action,
        ]

    def document_changed(self, state: DocumentState) -> None:
        deciding = Action.APPROVE in state.allowed
        self.window.findings_panel.set_deciding(deciding)
        for action in self.decision_actions.values():
            action.setEnabled(deciding)
        self._update_mask_action()

    def _update_mask_action(self) -> None:
        """遮盖 only for what can be masked (ID, mobile and bank card numbers)."""
        panel = self.window.findings_panel
        selected = panel.selected_indexes()
        maskable = bool(selected) and all(panel.findings[i].rule_id in MASKABLE for i in selected)
        self.decision_actions[MASK].setEnabled(panel.deciding and maskable)
        panel.decision_buttons[MASK].setEnabled(panel.deciding and maskable)

    # -- showing ------------------------------------------------------------------------------------

    def clear_document(self, message: str = "") -> None:
        w = self.window
        w.viewer.clear(message or self.tr("选择一个文件以查看其页面"))
        w.text_view.clear()
        self._shown_original = self._shown_findings = None
        self.finding_ids = []

    def forget_original(self) -> None:
        self._shown_original = None

    def show_document(self, session: Session, document: Document) -> None:
        w = self.window
        if document.id != self._shown_original:
            original = documents.original_file(session, document.id)
            self._shown_original, self._kind = document.id, original.kind
            if original.kind in documents.WORD_KINDS:  # laid out by LibreOffice: seconds
                self._lay_out(document.id, original.name, original.data, original.kind)
            else:
                w.viewer.set_pdf(as_pdf(original.name, original.data, original.kind))
            text_view = original.kind in TEXT_VIEW_KINDS
            w.original_tabs.setTabEnabled(w.original_tabs.indexOf(w.text_view), text_view)
            w.original_tabs.setCurrentWidget(w.text_view if text_view else w.viewer)
        self._show_findings(session, document.id)

    def _lay_out(self, document_id: int, name: str, data: bytes, kind: Kind) -> None:
        """A Word-family draft's pages, laid out by LibreOffice (its first start takes seconds)."""
        viewer = self.window.viewer
        viewer.clear(self.tr("正在排版页面…"))

        def laid_out() -> bytes | None:
            from review.convert import page_view

            return page_view(name, data)

        def show(pdf: bytes | None) -> None:
            # Without LibreOffice: the text laid out by the desk (PyMuPDF, so on this thread).
            viewer.set_pdf(pdf if pdf is not None else as_pdf(name, data, kind))
            with self.window.db.read() as session:
                self._show_findings(session, document_id)

        self._off_thread(document_id, laid_out, show, viewer.clear)

    def _off_thread(
        self,
        document_id: int,
        work: Callable[[], Any],
        show: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Runs `work` on the viewer's own thread (the desk's runner may be busy with a long check)
        and hands its result to `show` if the draft is still the one selected; why it failed, as
        text, to `failed`."""
        token = next(self._tokens)
        self._pending[token] = (document_id, show, failed)

        def run(_task: object) -> tuple[int, Any, Exception | None]:
            try:
                return token, work(), None
            except Exception as exc:
                return token, None, exc

        # A bound method: a result arriving after the window has gone is not delivered.
        self._layouts.start(run, self._arrived, self.window.show_unexpected)

    def _arrived(self, result: tuple[int, Any, Exception | None]) -> None:
        token, value, error = result
        document_id, show, failed = self._pending.pop(token)
        if self._shown_original != document_id:
            return  # another draft was selected meanwhile
        try:
            if error is not None:
                raise error
            show(value)
        except TranslatableError as exc:
            failed(error_text(exc))
        except Exception:
            log.exception("reading document %s for the view failed", document_id)
            failed(self.tr("无法显示此文件。"))

    def _show_findings(self, session: Session, document_id: int) -> None:
        w = self.window
        panel = w.findings_panel
        run = latest_run(session, document_id)
        if document_id in w.files.checking:
            panel.show_message(self.tr("正在检查…"))
            return
        if run is None:
            self.finding_ids = []
            panel.show_message(self.tr("尚未检查。点击“保密检查”运行。"))
            w.viewer.set_highlights([])
            w.text_view.clear(self.tr("尚未检查。"))
            return
        rows = list(run.findings)
        found = [stored_finding(row) for row in rows]
        names: dict[int, str] = {}
        decided: list[Decided | None] = []
        for row in rows:
            d = row.decision
            if d is not None and d.decided_by_id not in names:
                names[d.decided_by_id] = session.get_one(User, d.decided_by_id).display_name
            decided.append(Decided(d.decision, d.basis, d.reason, names[d.decided_by_id]) if d else None)
        self.finding_ids = [row.id for row in rows]
        # Rectangles are PDF points of the original PDF; only a PDF's own findings carry them.
        marks = []
        if self._kind is Kind.PDF:
            for index, finding in enumerate(found):
                color = DECIDED_COLOR if decided[index] else SEVERITY_COLORS[finding.severity]
                for rect in finding.location.rects:
                    page = rect.page if rect.page is not None else finding.location.page
                    if page is not None:
                        marks.append(Highlight(page, rect, color, index))
        for area in manual_areas(session, document_id):
            rect = Rect(area.x0, area.y0, area.x1, area.y1)
            marks.append(Highlight(area.page, rect, AREA_COLOR, -area.id))
        w.viewer.set_highlights(marks)
        self._show_text(session, document_id, run.id, found, [d is not None for d in decided])
        # Last: the list selects a finding, which its mark on the original then shows.
        same = self._shown_findings == document_id
        self._shown_findings = document_id
        panel.show_findings(
            found, json.loads(run.unreadable), run.lexicon_version, decided, keep_selection=same
        )

    def _show_text(
        self, session: Session, document_id: int, run_id: int, found: list[Finding], decided: list[bool]
    ) -> None:
        """The text view of a TXT, Word-family or OFD original; extracted once per file and check."""
        w = self.window
        if self._kind not in TEXT_VIEW_KINDS:
            w.text_view.clear()
            return
        original = documents.original_file(session, document_id)
        key = (original.sha256, run_id)
        if self._sections is not None and self._sections[0] == key:
            w.text_view.set_sections(self._sections[1], found, decided)
            return

        def read() -> list[Section]:
            return marked_sections(original.name, original.data, original.kind, found, translate)

        def show(sections: list[Section]) -> None:
            self._sections = (key, sections)
            w.text_view.set_sections(sections, found, decided)

        if original.kind in CONVERTED_KINDS:  # read through LibreOffice: seconds
            w.text_view.clear(self.tr("正在读取文字…"))
            self._off_thread(document_id, read, show, w.text_view.clear)
            return
        try:
            show(read())
        except TranslatableError as exc:
            w.text_view.clear(error_text(exc))

    def show_finding(self, index: int) -> None:
        """Shows the finding on the original: its highlight on the page, or its mark in the text."""
        w = self.window
        if index >= len(w.findings_panel.findings):
            return
        finding = w.findings_panel.findings[index]
        if self._kind in TEXT_VIEW_KINDS and w.text_view.select_finding(index):
            w.original_tabs.setCurrentWidget(w.text_view)
            return
        if finding.location.rects:
            w.original_tabs.setCurrentWidget(w.viewer)
            w.viewer.select_highlight(index)
        elif finding.location.page is not None:
            w.viewer.show_page(finding.location.page)
        self._update_mask_action()

    def _highlight_clicked(self, key: int) -> None:
        if key >= 0:
            self.window.findings_panel.select_index(key)

    # -- deciding -----------------------------------------------------------------------------------

    def decide_selected(self, decision: str) -> bool:
        """The decision key: for the selected findings (or the current one)."""
        panel = self.window.findings_panel
        indexes = panel.selected_indexes()
        if not panel.deciding or not indexes or not self.decision_actions[decision].isEnabled():
            return False
        return self.decide_findings(indexes, decision)

    def decide_findings(
        self,
        indexes: list[int],
        decision: str,
        basis: LegalBasis | None = None,
        reason: str = "",
        allow: bool = False,
        ask: bool = True,
        identical: bool = False,
    ) -> bool:
        """Decides the findings at `indexes` alike, in one transaction, each through `decide` (its own
        decision row and audit event). A single finding offers its identical undecided hits too
        (`identical` says yes without asking)."""
        w = self.window
        panel = w.findings_panel
        indexes = [i for i in indexes if i < len(self.finding_ids)]
        if w.current_id is None or not indexes:
            return False
        first = panel.findings[indexes[0]]
        same = [] if len(indexes) > 1 else [i for i in panel.identical_to(indexes[0]) if i != indexes[0]]
        same = [i for i in same if panel.decisions[i] is None]
        if ask:
            status = ""
            if len(indexes) == 1:
                with w.db.read() as session:
                    status = declassification.status_text(session, self.finding_ids[indexes[0]], translate)
            dialog = DecisionDialog(
                decision,
                first,
                w,
                declassify=lambda: self.open_declassification(indexes[0]),
                declassification_status=status,
                count=len(indexes),
                identical=len(same),
                last=self.remembered.get((first.category, decision)),
            )
            w.last_dialog = dialog
            if dialog.exec() != DecisionDialog.DialogCode.Accepted:
                return False
            basis, reason = dialog.selected_basis(), dialog.reason.toPlainText()
            allow = dialog.allow is not None and dialog.allow.isChecked()
            identical = dialog.also_identical is not None and dialog.also_identical.isChecked()
        if identical:
            indexes = indexes + same
        try:
            with w.db.write() as session:
                user = session.get_one(User, w.user_id)
                for index in indexes:
                    decide(
                        session,
                        user,
                        self.finding_ids[index],
                        decision,
                        basis=basis,
                        reason=reason,
                        add_to_allow_list=allow,
                    )
        except TranslatableError as exc:
            w.show_error(error_text(exc))
            return False
        for category in {panel.findings[i].category for i in indexes}:
            self.remembered[(category, decision)] = Remembered(basis, reason.strip())
        w.say(
            self.tr("已处理 %n 处发现：{decision}", "", len(indexes)).format(
                decision=vocabulary(DECISION_LABELS[decision])
            )
        )
        w.documents.show_document(w.current_id)
        panel.select_index(indexes[0])
        panel.next_undecided()
        return True

    def open_declassification(self, index: int) -> str:
        """The 解密 record of a marking: entered by the reviewer, confirmed here by the second person."""
        w = self.window
        if index >= len(self.finding_ids):
            return ""
        dialog = DeclassificationDialog(w.db, w.user_id, self.finding_ids[index], w)
        w.last_dialog = dialog
        dialog.exec()
        return dialog.status_line

    def add_area(
        self, page: int, rect: Rect, basis: LegalBasis | None = None, reason: str = "", ask: bool = True
    ) -> bool:
        w = self.window
        if w.current_id is None or not w.findings_panel.deciding:
            return False
        if ask:
            dialog = DecisionDialog(REMOVE, None, w, last=self.remembered.get(("", REMOVE)))
            dialog.setWindowTitle(self.tr("删除划定的区域"))
            if dialog.exec() != DecisionDialog.DialogCode.Accepted:
                return False
            basis, reason = dialog.selected_basis(), dialog.reason.toPlainText()
        if basis is None:
            return False
        try:
            with w.db.write() as session:
                add_manual_area(
                    session, session.get_one(User, w.user_id), w.current_id, page, rect, basis, reason
                )
        except TranslatableError as exc:
            w.show_error(error_text(exc))
            return False
        self.remembered[("", REMOVE)] = Remembered(basis, reason.strip())
        w.documents.show_document(w.current_id)
        return True
