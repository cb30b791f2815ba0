"""The documents of one queue, as a table model (tested without a window)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.documents import DocumentRow
from app.ui.i18n import vocabulary

_Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    COLUMNS = ("id", "title", "doc_number", "status", "created_by", "updated_at")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DocumentRow] = []
        self._headers = [
            self.tr("编号"),
            self.tr("标题"),
            self.tr("发文字号"),
            self.tr("状态"),
            self.tr("经办人"),
            self.tr("更新时间"),
        ]

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    def row_of(self, document_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == document_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case "status":
                    return vocabulary(row.status.label)
                case "updated_at":
                    return row.updated_at.strftime("%Y-%m-%d %H:%M")
                case _:
                    return getattr(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
