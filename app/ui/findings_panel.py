"""The findings of a document's latest check, grouped by category with counts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.ui.i18n import translate, vocabulary
from review.model import Finding, Severity

SEVERITY_COLORS = {
    Severity.BLOCKING: QColor(200, 30, 30),
    Severity.WARNING: QColor(230, 130, 0),
    Severity.INFO: QColor(40, 110, 200),
}


class FindingsPanel(QWidget):
    """Emits `finding_activated(index)` with the index into the list given to `show_findings`."""

    finding_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("发现"), self.tr("位置")])
        self.tree.setColumnWidth(0, 330)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.findings: list[Finding] = []
        self.show_message(self.tr("尚未检查"))

    def show_message(self, text: str) -> None:
        self.findings = []
        self.tree.clear()
        self.summary.setText(text)

    def show_findings(self, findings: list[Finding], unreadable: list[str], lexicon_version: str) -> None:
        self.findings = findings
        self.tree.clear()
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        parts = [f"{vocabulary(s.label)} {counts[s]}" for s in Severity]
        text = self.tr("共 {total} 处：{parts}（词库版本 {version}）").format(
            total=len(findings), parts="，".join(parts), version=lexicon_version
        )
        if unreadable:
            text += "\n" + self.tr("无法检查的部分：") + "、".join(unreadable)
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
            item = QTreeWidgetItem(
                group, [label, finding.location.describe() or vocabulary(finding.channel.label)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setForeground(0, QBrush(SEVERITY_COLORS[finding.severity]))
            item.setToolTip(0, f"{finding.rule_id} · {vocabulary(finding.channel.label)}\n{finding.context}")
        for category, group in groups.items():
            group.setText(0, f"{category}（{group.childCount()}）")

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None:
            self.finding_activated.emit(int(index))
