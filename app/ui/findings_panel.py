"""The findings of a document's latest check: a list by severity then place, and the whole of the
selected one in a detail pane. The decision keys themselves are the window's (review controller)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.finding_labels import vocabulary_of
from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from app.reviewing import DECISION_LABELS
from app.ui.findings_model import (
    INDEX_ROLE,
    SEVERITY_COLORS,
    Decided,
    FindingsModel,
    HitDelegate,
)
from app.ui.i18n import clauses, enumeration, translate, vocabulary
from publish.taxonomy import LegalBasis
from review.model import Finding, Severity
from review.rules import MARKING, PARAGRAPH_MARKING

__all__ = ["DECISION_KEYS", "SEVERITY_COLORS", "Decided", "FindingsPanel"]

# The decision keys, shown on the buttons; the window's actions carry them as shortcuts.
DECISION_KEYS = {REMOVE: "D", MASK: "M", KEEP: "K", FALSE_ALARM: "F"}


class FindingsPanel(QWidget):
    """Emits `finding_activated(index)` with the index into the list given to `show_findings`,
    `decision_requested(decision)` from its buttons (for the selected findings), and
    `declassification_requested(index)` from a 密级 marking's context menu."""

    finding_activated = Signal(int)
    decision_requested = Signal(str)
    declassification_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = FindingsModel()
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setItemDelegateForColumn(self.model.COLUMNS.index("hit"), HitDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        for column, (mode, width) in enumerate(
            (
                (QHeaderView.ResizeMode.Fixed, 44),
                (QHeaderView.ResizeMode.Interactive, 110),
                (QHeaderView.ResizeMode.Stretch, 0),
                (QHeaderView.ResizeMode.Interactive, 160),
                (QHeaderView.ResizeMode.Fixed, 48),
            )
        ):
            header.setSectionResizeMode(column, mode)
            if width:
                header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("选中一项发现，在此查看其全文、位置和处理情况。"))
        self.decision_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for decision, key in DECISION_KEYS.items():
            button = QPushButton(f"{vocabulary(DECISION_LABELS[decision])} ({key})", self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=decision: self.decision_requested.emit(d))
            bar.addWidget(button)
            self.decision_buttons[decision] = button
        self.identical_button = QPushButton(self.tr("选中相同 (S)"), self)
        self.identical_button.setToolTip(self.tr("选中与当前发现规则相同、文字相同的全部发现，一并处理"))
        self.identical_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.identical_button.clicked.connect(self.select_identical)
        bar.addWidget(self.identical_button)
        bar.addStretch(1)
        self.previous_button = QPushButton(self.tr("上一项 (P)"), self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(self.tr("下一项 (N)"), self)
        self.next_button.clicked.connect(lambda: self.step(1))
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 110])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(bar)
        self.deciding = False
        self.set_deciding(False)
        self.show_message(self.tr("尚未检查"))

    # -- what is shown --------------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        return self.model.findings

    @property
    def decisions(self) -> list[str | None]:
        return [d.decision if d else None for d in self.model.decided]

    def set_deciding(self, enabled: bool) -> None:
        """Decisions are for a reviewer on a document they may decide."""
        self.deciding = enabled
        for button in self.decision_buttons.values():
            button.setEnabled(enabled)

    def show_message(self, text: str) -> None:
        self.model.set_findings([], [])
        self.summary.setText(text)
        self.detail.clear()

    def show_findings(
        self,
        findings: list[Finding],
        unreadable: list[str],
        lexicon_version: str,
        decisions: Sequence[str | Decided | None] | None = None,
        *,
        keep_selection: bool = True,
    ) -> None:
        """Shows a check's findings; the selection stays when they are the same document's again
        (after a decision), else the first undecided one is selected, ready for a key."""
        keep = self.selected_indexes() if keep_selection else []
        decided = [Decided(d) if isinstance(d, str) else d for d in (decisions or [None] * len(findings))]
        self.model.set_findings(findings, decided)
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        parts = [f"{vocabulary(s.label)} {counts[s]}" for s in Severity]
        text = self.tr("共 %n 处：{parts}（词库版本 {version}）", "", len(findings)).format(
            parts=clauses(parts), version=lexicon_version
        )
        if findings:
            done = sum(1 for d in decided if d)
            text += self.tr("　已处理 {done}/{total}").format(done=done, total=len(findings))
        if unreadable:
            text += "\n" + self.tr("无法检查的部分：") + enumeration(unreadable)
        if not findings and not unreadable:
            text = self.tr("未发现问题（词库版本 {version}）").format(version=lexicon_version)
        self.summary.setText(text)
        kept = [i for i in keep if i < len(findings)]
        self.detail.clear()
        if kept:
            self.select_indexes(kept)
        elif not keep_selection:
            self.next_undecided()

    def row_texts(self) -> list[tuple[str, ...]]:
        """Every row as the user reads it, top to bottom (for tests and screen readers alike)."""
        return [
            tuple(
                str(self.model.data(self.model.index(row, column)) or "")
                for column in range(self.model.columnCount())
            )
            for row in range(self.model.rowCount())
        ]

    # -- selection ------------------------------------------------------------------------------

    def current_index(self) -> int | None:
        current = self.view.currentIndex()
        return self.model.index_at(current.row()) if current.isValid() else None

    def selected_indexes(self) -> list[int]:
        """The selected findings in list order; the current one when nothing is selected."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if rows:
            return [self.model.index_at(r) for r in rows]
        current = self.current_index()
        return [current] if current is not None else []

    def identical_to(self, index: int) -> list[int]:
        """Every finding with the same rule and the same text (the same ID five times), in list order."""
        finding = self.findings[index]
        if not finding.text:
            return [index]
        same = [
            i
            for i, f in enumerate(self.findings)
            if f.rule_id == finding.rule_id and f.text == finding.text and f.category == finding.category
        ]
        return sorted(same, key=lambda i: self.model.row_of(i) or 0)

    def select_index(self, index: int) -> None:
        self.select_indexes([index])

    def select_indexes(self, indexes: list[int]) -> None:
        rows = [r for i in indexes if (r := self.model.row_of(i)) is not None]
        if not rows:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        model = self.view.selectionModel()
        model.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(self.model.index(rows[0], 0))
        self._show_detail()
        self.finding_activated.emit(self.model.index_at(rows[0]))

    def select_identical(self) -> None:
        current = self.current_index()
        if current is not None:
            self.select_indexes(self.identical_to(current))

    def step(self, direction: int) -> None:
        """Moves to the next (or previous) finding in the list's order."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.view.currentIndex()
        row = (current.row() + direction) % count if current.isValid() else 0
        self.select_index(self.model.index_at(row))

    def next_undecided(self) -> None:
        count = self.model.rowCount()
        current = self.view.currentIndex()
        start = current.row() + 1 if current.isValid() else 0
        for offset in range(count):
            index = self.model.index_at((start + offset) % count)
            if self.model.decided[index] is None:
                self.select_index(index)
                return

    # -- menus and signals ----------------------------------------------------------------------

    def context_actions(self, index: int) -> QMenu:
        """The context menu of a finding (built apart from showing it, so it can be tested)."""
        menu = QMenu(self)
        if self.findings[index].rule_id in (MARKING.id, PARAGRAPH_MARKING.id):
            action = menu.addAction(self.tr("解密记录…"))
            action.triggered.connect(lambda: self.declassification_requested.emit(index))
        same = self.identical_to(index)
        if len(same) > 1:
            action = menu.addAction(self.tr("选中全部相同的发现（{count} 处）").format(count=len(same)))
            action.triggered.connect(lambda: self.select_indexes(same))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        at = self.view.indexAt(pos)
        if not at.isValid():
            return
        menu = self.context_actions(self.model.index_at(at.row()))
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.finding_activated.emit(self.model.index_at(current.row()))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.finding_activated.emit(int(index.data(INDEX_ROLE)))

    # -- the detail pane ------------------------------------------------------------------------

    def _show_detail(self) -> None:
        selected = self.selected_indexes()
        if not selected:
            self.detail.clear()
            return
        if len(selected) > 1:
            self.detail.setHtml(self._several_html(selected))
            return
        self.detail.setHtml(self._detail_html(selected[0]))

    def _several_html(self, indexes: list[int]) -> str:
        head = self.tr(
            "已选中 {count} 处发现。按 D 删除、M 遮盖、K 保留、F 误报，一并处理（每处各记一条处理记录）。"
        )
        rows = "".join(
            f"<li>{html.escape(self.model.rule_text(i))} · {html.escape(self.model.hit_text(i))} · "
            f"{html.escape(self.model.place_text(i))}</li>"
            for i in indexes[:50]
        )
        more = self.tr("……另有 {count} 处").format(count=len(indexes) - 50) if len(indexes) > 50 else ""
        return f"<p>{html.escape(head.format(count=len(indexes)))}</p><ul>{rows}</ul>{html.escape(more)}"

    def _detail_html(self, index: int) -> str:
        finding, decided = self.findings[index], self.model.decided[index]
        color = SEVERITY_COLORS[finding.severity].name()
        lines = [
            f"<b>{html.escape(self.model.rule_text(index))}</b>"
            f" <span style='color:{color}'>[{html.escape(vocabulary(finding.severity.label))}]</span>"
            f" · {html.escape(translate('Rules', finding.category))}",
            self._row(self.tr("说明"), translate("Rules", finding.message)),
            self._row(
                self.tr("位置"),
                self._where(index),
            ),
        ]
        if finding.text:
            lines.append(self._row(self.tr("命中文字"), finding.text))
        if finding.context and finding.text and finding.text in finding.context:
            before, _, after = finding.context.partition(finding.text)
            marked = (
                f"{html.escape(before)}<span style='background:#ffe278;font-weight:bold'>"
                f"{html.escape(finding.text)}</span>{html.escape(after)}"
            )
            lines.append(f"<span style='color:#555'>{html.escape(self.tr('上下文'))}：</span>{marked}")
        elif finding.context:
            lines.append(self._row(self.tr("上下文"), finding.context))
        same = len(self.identical_to(index))
        if same > 1:
            lines.append(
                html.escape(
                    self.tr("本文件中共有 {count} 处相同的发现（按 S 全部选中，一并处理）。").format(
                        count=same
                    )
                )
            )
        if decided is not None:
            words = [vocabulary(DECISION_LABELS[decided.decision])]
            if decided.basis:
                words.append(vocabulary(LegalBasis(decided.basis).label))
            if decided.reason:
                words.append(self.tr("理由：{reason}").format(reason=decided.reason))
            if decided.by:
                words.append(decided.by)
            lines.append(self._row(self.tr("处理"), " · ".join(words)))
        else:
            lines.append(self._row(self.tr("处理"), self.tr("未处理")))
        return "<br>".join(lines)

    def _where(self, index: int) -> str:
        """The place, and the channel when the place does not say it already (正文, 隐藏文字 …)."""
        where = self.model.place_text(index)
        channel = vocabulary_of(self.findings[index].channel, translate)
        return where if channel in where else f"{where}（{channel}）"

    @staticmethod
    def _row(label: str, value: str) -> str:
        return f"<span style='color:#555'>{html.escape(label)}：</span>{html.escape(value)}"
