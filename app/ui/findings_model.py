"""The findings of a check as a table: ordered by severity, then place; the hit drawn in its context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.finding_labels import InContext, in_context, place, review_order, rule_name
from app.reviewing import DECISION_LABELS
from app.ui.i18n import translate, vocabulary
from review.model import Finding, Severity

_Index = QModelIndex | QPersistentModelIndex

SEVERITY_COLORS = {
    Severity.BLOCKING: QColor(200, 30, 30),
    Severity.WARNING: QColor(200, 110, 0),
    Severity.INFO: QColor(40, 110, 200),
}
DECIDED_COLOR = QColor(120, 120, 120)
HIT_BACKGROUND = QColor(255, 226, 120)
INDEX_ROLE = Qt.ItemDataRole.UserRole
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 1
DECIDED_ROLE = Qt.ItemDataRole.UserRole + 2
DECIDED_BACKGROUND = QColor(228, 228, 228)


@dataclass(frozen=True)
class Decided:
    """A reviewer's decision as the panel shows it."""

    decision: str
    basis: str | None = None  # a LegalBasis value
    reason: str = ""
    by: str = ""


class FindingsModel(QAbstractTableModel):
    """Rows are findings in review order; `INDEX_ROLE` gives the index into the list shown."""

    COLUMNS = ("severity", "rule", "hit", "place", "decision")

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.decided: list[Decided | None] = []
        self._order: list[int] = []
        self._row_of: dict[int, int] = {}
        self._rules: list[str] = []
        self._places: list[str] = []
        self._contexts: list[InContext] = []
        self._headers = [self.tr("级别"), self.tr("发现"), self.tr("内容"), self.tr("位置"), self.tr("处理")]

    def set_findings(self, findings: list[Finding], decided: list[Decided | None]) -> None:
        self.beginResetModel()
        self.findings, self.decided = findings, decided
        self._order = review_order(findings)
        self._row_of = {index: row for row, index in enumerate(self._order)}
        self._rules = [rule_name(f, translate) for f in findings]
        self._places = [place(f, translate) for f in findings]
        self._contexts = [in_context(f) for f in findings]
        self.endResetModel()

    def index_at(self, row: int) -> int:
        return self._order[row]

    def row_of(self, index: int) -> int | None:
        return self._row_of.get(index)

    def rule_text(self, index: int) -> str:
        return self._rules[index]

    def place_text(self, index: int) -> str:
        return self._places[index]

    def hit_text(self, index: int) -> str:
        """The content column as words: the hit in its context, or what the finding is about."""
        c = self._contexts[index]
        if not c.hit:
            return translate("Rules", self.findings[index].message)
        return f"{c.before}{c.hit}{c.after}"

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self._order[index.row()]
        finding, decided = self.findings[i], self.decided[i]
        column = self.COLUMNS[index.column()]
        if role == INDEX_ROLE:
            return i
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case "severity":
                    return vocabulary(finding.severity.label)
                case "rule":
                    return self._rules[i]
                case "hit":
                    return self.hit_text(i)
                case "place":
                    return self._places[i]
                case _:
                    return vocabulary(DECISION_LABELS[decided.decision]) if decided else ""
        if role == CONTEXT_ROLE and column == "hit":
            return self._contexts[i]
        if role == DECIDED_ROLE:
            return decided is not None
        if role == Qt.ItemDataRole.ForegroundRole and column in ("severity", "rule"):
            return QBrush(DECIDED_COLOR if decided else SEVERITY_COLORS[finding.severity])
        if role == Qt.ItemDataRole.FontRole and column == "severity" and not decided:
            font = QFont()
            font.setBold(finding.severity is Severity.BLOCKING)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._rules[i]}：{translate('Rules', finding.message)}\n{self._places[i]}"
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws the content column: the context in grey, the hit bold on a yellow mark. When the row is
    narrow the context gives way first (from its outer ends), then the hit itself."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        context = index.data(CONTEXT_ROLE)
        if not isinstance(context, InContext) or not context.hit:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        widget: QWidget | None = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect.adjusted(4, 0, -4, 0)  # type: ignore[attr-defined]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        decided = bool(index.data(DECIDED_ROLE))
        plain = QFont(opt.font)  # type: ignore[attr-defined]
        bold = QFont(plain)
        bold.setBold(True)
        fm, fm_bold = QFontMetrics(plain), QFontMetrics(bold)
        hit = fm_bold.elidedText(context.hit, Qt.TextElideMode.ElideMiddle, rect.width())
        hit_width = fm_bold.horizontalAdvance(hit) + 4
        room = max(0, rect.width() - hit_width)
        before_room = min(fm.horizontalAdvance(context.before), room // 2 if context.after else room)
        after_room = room - before_room
        before = fm.elidedText(context.before, Qt.TextElideMode.ElideLeft, before_room) if before_room else ""
        after = fm.elidedText(context.after, Qt.TextElideMode.ElideRight, after_room) if after_room else ""
        before_width = fm.horizontalAdvance(before)
        painter.save()
        grey = opt.palette.highlightedText().color() if selected else QColor(110, 110, 110)  # type: ignore[attr-defined]
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(plain)
        painter.setPen(grey)
        painter.drawText(QRect(rect.left(), rect.top(), before_width, rect.height()), align, before)
        x = rect.left() + before_width
        mark = QRect(x, rect.top() + 2, hit_width, rect.height() - 4)
        if not selected:
            painter.fillRect(mark, DECIDED_BACKGROUND if decided else HIT_BACKGROUND)
        painter.setFont(bold)
        ink = DECIDED_COLOR if decided else QColor(20, 20, 20)
        painter.setPen(opt.palette.highlightedText().color() if selected else ink)  # type: ignore[attr-defined]
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, hit)
        painter.setFont(plain)
        painter.setPen(grey)
        painter.drawText(
            QRect(x + hit_width, rect.top(), rect.right() - x - hit_width, rect.height()), align, after
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(min(size.width(), 420), size.height())
