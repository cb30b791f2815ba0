"""The findings of a document's latest check, grouped by category with counts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from app.reviewing import DECISION_LABELS
from app.ui.i18n import clauses, enumeration, translate, vocabulary
from review.model import Finding, Severity
from review.rules import MARKING, PARAGRAPH_MARKING

SEVERITY_COLORS = {
    Severity.BLOCKING: QColor(200, 30, 30),
    Severity.WARNING: QColor(230, 130, 0),
    Severity.INFO: QColor(40, 110, 200),
}


DECISION_KEYS = {Qt.Key.Key_D: REMOVE, Qt.Key.Key_M: MASK, Qt.Key.Key_K: KEEP, Qt.Key.Key_F: FALSE_ALARM}


class FindingsPanel(QWidget):
    """Emits `finding_activated(index)` with the index into the list given to `show_findings`, and
    `decision_requested(index, decision)` from the decision keys (D 删除, M 遮盖, K 保留, F 误报), and
    `declassification_requested(index)` from a 密级 marking's context menu (anyone may look; the
    second person confirms there)."""

    finding_activated = Signal(int)
    decision_requested = Signal(int, str)
    declassification_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("发现"), self.tr("位置"), self.tr("处理")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 120)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.installEventFilter(self)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.decision_buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for decision, key in ((REMOVE, "D"), (MASK, "M"), (KEEP, "K"), (FALSE_ALARM, "F")):
            button = QPushButton(f"{vocabulary(DECISION_LABELS[decision])} ({key})", self)
            button.clicked.connect(lambda _=False, d=decision: self._request(d))
            bar.addWidget(button)
            self.decision_buttons[decision] = button
        bar.addStretch(1)
        self.previous_button = QPushButton(self.tr("上一项 (P)"), self)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton(self.tr("下一项 (N)"), self)
        self.next_button.clicked.connect(lambda: self.step(1))
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bar)
        self.findings: list[Finding] = []
        self.decisions: list[str | None] = []
        self.set_deciding(False)
        self.show_message(self.tr("尚未检查"))

    def set_deciding(self, enabled: bool) -> None:
        """Decision keys work only for a reviewer on a document they may decide."""
        self.deciding = enabled
        for button in self.decision_buttons.values():
            button.setEnabled(enabled)

    def show_message(self, text: str) -> None:
        self.findings = []
        self.decisions = []
        self.tree.clear()
        self.summary.setText(text)

    def show_findings(
        self,
        findings: list[Finding],
        unreadable: list[str],
        lexicon_version: str,
        decisions: list[str | None] | None = None,
    ) -> None:
        keep = self.current_index()
        self.findings = findings
        self.decisions = decisions or [None] * len(findings)
        self.tree.clear()
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        parts = [f"{vocabulary(s.label)} {counts[s]}" for s in Severity]
        text = self.tr("共 %n 处：{parts}（词库版本 {version}）", "", len(findings)).format(
            parts=clauses(parts), version=lexicon_version
        )
        if unreadable:
            text += "\n" + self.tr("无法检查的部分：") + enumeration(unreadable)
        if not findings and not unreadable:
            text = self.tr("未发现问题（词库版本 {version}）").format(version=lexicon_version)
        self.summary.setText(text)
        groups: dict[str, QTreeWidgetItem] = {}
        order = sorted(range(len(findings)), key=lambda i: (-findings[i].severity.rank, findings[i].category))
        for index in order:
            finding = findings[index]
            category = translate("Rules", finding.category)
            group = groups.get(category)
            if group is None:
                group = QTreeWidgetItem(self.tree, [category])
                group.setExpanded(True)
                groups[category] = group
            label = f"[{vocabulary(finding.severity.label)}] "
            label += f"“{finding.text[:30]}” " if finding.text else ""
            label += translate("Rules", finding.message)
            decided = self.decisions[index]
            place = finding.location.describe(translate) or vocabulary(finding.channel.label)
            item = QTreeWidgetItem(
                group, [label, place, vocabulary(DECISION_LABELS[decided]) if decided else ""]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setForeground(0, QBrush(SEVERITY_COLORS[finding.severity]))
            item.setToolTip(0, f"{finding.rule_id} · {vocabulary(finding.channel.label)}\n{finding.context}")
        for category, group in groups.items():
            group.setText(
                0, self.tr("{category}（{count}）").format(category=category, count=group.childCount())
            )
        if keep is not None and keep < len(findings):
            self.select_index(keep)

    def _items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None:
                items.extend(c for j in range(group.childCount()) if (c := group.child(j)) is not None)
        return items

    def current_index(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def select_index(self, index: int) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == index:
                self.tree.setCurrentItem(item)
                return

    def step(self, direction: int) -> None:
        """Moves to the next (or previous) finding in the list's order."""
        items = self._items()
        if not items:
            return
        current = self.tree.currentItem()
        position = items.index(current) if current in items else -1
        self.tree.setCurrentItem(items[(position + direction) % len(items)])

    def next_undecided(self) -> None:
        items = self._items()
        current = self.tree.currentItem()
        start = items.index(current) + 1 if current in items else 0
        for item in items[start:] + items[:start]:
            if self.decisions[int(item.data(0, Qt.ItemDataRole.UserRole))] is None:
                self.tree.setCurrentItem(item)
                return

    def context_actions(self, index: int) -> QMenu:
        """The context menu of a finding (built apart from showing it, so it can be tested)."""
        menu = QMenu(self)
        if self.findings[index].rule_id in (MARKING.id, PARAGRAPH_MARKING.id):
            action = menu.addAction(self.tr("解密记录…"))
            action.triggered.connect(lambda: self.declassification_requested.emit(index))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if value is None:
            return
        menu = self.context_actions(int(value))
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _request(self, decision: str) -> None:
        index = self.current_index()
        if self.deciding and index is not None:
            self.decision_requested.emit(index, decision)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = Qt.Key(event.key())
            if key in DECISION_KEYS:
                self._request(DECISION_KEYS[key])
                return True
            if key == Qt.Key.Key_N:
                self.step(1)
                return True
            if key == Qt.Key.Key_P:
                self.step(-1)
                return True
        return super().eventFilter(watched, event)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None:
            self.finding_activated.emit(int(index))
