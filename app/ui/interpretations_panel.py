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

from app.interpretations import InterpretationRow, MediaState
from app.ui.i18n import vocabulary


class InterpretationsPanel(QWidget):
    open_requested = Signal(int)  # a document id
    add_requested = Signal()
    edit_text_requested = Signal()
    attest_requested = Signal(int)  # an InterpretationMedia id

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
        # An interpretation's own audio/video files, with their 人工审查 (shown for an interpretation).
        self.media = QListWidget(self)
        self.media.currentItemChanged.connect(lambda *_: self._update_attest_button())
        self.media.itemActivated.connect(lambda *_: self._attest_current())
        self.attest_button = QPushButton(self.tr("人工审查…"), self)
        self.attest_button.setToolTip(self.tr("试听或观看检查引擎无法读取的音视频文件后，记录人工审查"))
        self.attest_button.clicked.connect(self._attest_current)
        media_row = QHBoxLayout()
        media_row.addWidget(self.media, 1)
        media_row.addWidget(self.attest_button, 0, Qt.AlignmentFlag.AlignTop)
        self._can_attest = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.items)
        layout.addLayout(media_row)
        self.show_media([], can_attest=False)

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
            if row.media_pending:
                text += self.tr("（{count} 个待人工审查）").format(count=row.media_pending)
            self._add(text, row.id)
        self.items.setVisible(bool(rows))  # no empty box: the heading says 政策解读（0）
        self.add_button.setVisible(can_add)
        self.edit_text_button.setVisible(False)
        self.show_media([], can_attest=False)
        self.setVisible(True)

    def show_interpreted(self, document_id: int, title: str, can_edit_text: bool) -> None:
        """For an interpretation: the document it explains; `can_edit_text` when its text was written here."""
        self.heading.setText(self.tr("所解读的文件"))
        self.items.clear()
        self._add(title, document_id)
        self.items.setVisible(True)
        self.add_button.setVisible(False)
        self.edit_text_button.setVisible(can_edit_text)
        self.setVisible(True)

    def show_media(self, states: list[MediaState], can_attest: bool) -> None:
        """An interpretation's audio/video files: what each really is and its 人工审查, or 待人工审查."""
        self.media.clear()
        self._can_attest = can_attest
        for state in states:
            if state.readable:
                review = self.tr("已按实际内容检查")
            elif state.attested_at is not None:
                review = self.tr("已人工审查（{name}，{time}）").format(
                    name=state.attested_by, time=state.attested_when
                )
            else:
                review = self.tr("待人工审查")
            item = QListWidgetItem(
                self.tr("附件 {name} · {kind} · {review}").format(
                    name=state.name, kind=vocabulary(state.detected), review=review
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, state.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, not state.readable)
            if state.note:
                item.setToolTip(state.note)
            self.media.addItem(item)
        if states:
            self.media.setCurrentRow(0)
            # As tall as its rows (up to three): the findings below need the room more.
            rows = min(len(states), 3)
            self.media.setFixedHeight(rows * self.media.sizeHintForRow(0) + 2 * self.media.frameWidth() + 2)
        self.media.setVisible(bool(states))
        self._update_attest_button()

    def _update_attest_button(self) -> None:
        item = self.media.currentItem()
        attestable = item is not None and bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self.attest_button.setVisible(self._can_attest and self.media.count() > 0)
        self.attest_button.setEnabled(self._can_attest and attestable)

    def _attest_current(self) -> None:
        item = self.media.currentItem()
        if self._can_attest and item is not None and item.data(Qt.ItemDataRole.UserRole + 1):
            self.attest_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _add(self, text: str, document_id: int) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, document_id)
        item.setToolTip(self.tr("双击打开"))
        self.items.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
