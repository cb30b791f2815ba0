"""The current document's 政策解读 (or, for an interpretation, the document it explains)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.interpretations import InterpretationRow
from app.ui.i18n import vocabulary


class InterpretationsPanel(QWidget):
    open_requested = Signal(int)  # a document id
    add_requested = Signal()
    edit_text_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.items = QListWidget(self)
        self.items.setMaximumHeight(72)
        self.items.itemActivated.connect(self._activated)
        self.add_button = QPushButton(self.tr("添加政策解读…"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_text_button = QPushButton(self.tr("修改解读正文…"), self)
        self.edit_text_button.clicked.connect(self.edit_text_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_text_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.items)

    def show_interpretations(self, rows: list[InterpretationRow], can_add: bool, required: bool) -> None:
        self.heading.setText(
            self.tr("政策解读（{count}）").format(count=len(rows))
            + (self.tr(" · 三同步：须附解读") if required else "")
        )
        self.items.clear()
        for row in rows:
            text = f"[{vocabulary(row.form.label)}] {row.title} · {vocabulary(row.status.label)}"
            if row.media:
                text += self.tr(" · 音视频 {count} 个").format(count=len(row.media))
            self._add(text, row.id)
        self.add_button.setVisible(can_add)
        self.edit_text_button.setVisible(False)
        self.setVisible(True)

    def show_interpreted(self, document_id: int, title: str, can_edit_text: bool) -> None:
        """For an interpretation: the document it explains; `can_edit_text` when its text was written here."""
        self.heading.setText(self.tr("所解读的文件"))
        self.items.clear()
        self._add(title, document_id)
        self.add_button.setVisible(False)
        self.edit_text_button.setVisible(can_edit_text)
        self.setVisible(True)

    def _add(self, text: str, document_id: int) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, document_id)
        item.setToolTip(self.tr("双击打开"))
        self.items.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
