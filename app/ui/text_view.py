"""The text of a TXT, DOCX or OFD original with every hit marked, section by section (app.original_text).

Clicking a mark selects its finding; selecting a finding scrolls to its mark and outlines it.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from app.original_text import Mark, Section
from app.ui.findings_model import DECIDED_COLOR, HIT_BACKGROUND, SEVERITY_COLORS
from review.model import Finding

_SCHEME = "finding"


class TextView(QWidget):
    finding_clicked = Signal(int)  # index into the findings given

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555; padding: 2px 4px;")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        font = QFont(self.browser.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.browser.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        self.positions: dict[int, tuple[int, int]] = {}  # finding index → (start, end) in the document
        self.selected: int | None = None
        self.clear()

    def clear(self, message: str = "") -> None:
        self.positions, self.selected = {}, None
        self.browser.clear()
        self.browser.setExtraSelections([])
        self.note.setText(
            message or self.tr("PDF 原件的发现标在“页面”上；TXT、DOCX 和 OFD 原件的发现标在这里的文字中。")
        )

    def set_sections(self, sections: list[Section], findings: list[Finding], decided: list[bool]) -> None:
        """Lays out the sections with their marks; `decided[i]` greys the mark of a decided finding."""
        self.positions, self.selected = {}, None
        self.browser.clear()
        self.browser.setExtraSelections([])
        cursor = QTextCursor(self.browser.document())
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setForeground(QBrush(QColor(60, 60, 60)))
        plain = QTextCharFormat()
        for n, section in enumerate(sections):
            if n:
                cursor.insertBlock()
                cursor.insertBlock()
            cursor.insertText(f"【{section.title}】", heading)
            cursor.insertBlock()
            for begin, stop, mark in _segments(section):
                if mark is None:
                    cursor.insertText(section.text[begin:stop], plain)
                    continue
                start = cursor.position()
                cursor.insertText(
                    section.text[begin:stop],
                    self._mark_format(findings[mark.index], decided[mark.index], mark.index),
                )
                first, _ = self.positions.get(mark.index, (start, 0))
                self.positions[mark.index] = (first, cursor.position())
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        with_text = sum(1 for f in findings if f.text)
        self.note.setText(
            self.tr(
                "文字视图：标出 {marked} 处发现（共 {total} 处有文字的发现）。点击标记可选中该发现。"
            ).format(marked=len(self.positions), total=with_text)
        )

    @staticmethod
    def _mark_format(finding: Finding, decided: bool, index: int) -> QTextCharFormat:
        hit = QTextCharFormat()
        hit.setBackground(QBrush(QColor(225, 225, 225) if decided else HIT_BACKGROUND))
        hit.setForeground(QBrush(DECIDED_COLOR if decided else SEVERITY_COLORS[finding.severity]))
        hit.setFontWeight(QFont.Weight.Bold)
        hit.setAnchor(True)
        hit.setAnchorHref(f"{_SCHEME}:{index}")
        return hit

    def select_finding(self, index: int) -> bool:
        """Scrolls to the finding's mark and outlines it; False when it has none."""
        span = self.positions.get(index)
        self.selected = index if span is not None else None
        if span is None:
            self.browser.setExtraSelections([])
            return False
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        emphasis = QTextEdit.ExtraSelection()
        emphasis.cursor = cursor  # type: ignore[attr-defined]
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(255, 170, 60)))
        fmt.setProperty(QTextFormat.Property.OutlinePen, QColor(200, 30, 30))
        emphasis.format = fmt  # type: ignore[attr-defined]
        self.browser.setExtraSelections([emphasis])
        show = QTextCursor(self.browser.document())
        show.setPosition(span[0])
        self.browser.setTextCursor(show)
        self.browser.ensureCursorVisible()
        return True

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == _SCHEME and url.path().isdigit():
            self.finding_clicked.emit(int(url.path()))


def _segments(section: Section) -> list[tuple[int, int, Mark | None]]:
    """The section's text cut at every mark's ends, each piece with the innermost mark covering it
    (an ID inside a hidden-text run is marked as the ID)."""
    cuts = sorted({0, len(section.text), *(m.start for m in section.marks), *(m.end for m in section.marks)})
    pieces: list[tuple[int, int, Mark | None]] = []
    for begin, stop in itertools.pairwise(cuts):
        covering = [m for m in section.marks if m.start <= begin and stop <= m.end]
        inner = min(covering, key=lambda m: m.end - m.start, default=None)
        pieces.append((begin, stop, inner))
    return pieces
