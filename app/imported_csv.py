"""What every CSV file a department imports (lexicon, rule pack) must be before it is parsed and
stored: within a size, readable by the csv module, and with no cell a spreadsheet would run or
PostgreSQL could not store. Both are exported again (`lexicon export`, `rulepack export`) and
opened in a spreadsheet; both are compiled into every later check."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from publish.report import spreadsheet_safe

MAX_BYTES = 16 * 2**20  # a department's own terms and rules are hundreds, seldom thousands


def check_size(name: str, content: bytes) -> None:
    if len(content) > MAX_BYTES:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "文件“{name}”超过 {limit} MB，未导入。"),
            name=name,
            limit=MAX_BYTES // 2**20,
        )


def unreadable(name: str) -> ValidationFailed:
    """A cell past the csv module's field limit (128 KB), or a quote never closed."""
    return ValidationFailed(
        QT_TRANSLATE_NOOP("DeskError", "文件“{name}”无法按 CSV 读取（单元格过长或引号不成对），未导入。"),
        name=name,
    )


def cells(name: str, text: str) -> list[str]:
    try:
        return [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    except csv.Error as exc:
        raise unreadable(name) from exc


def refuse_unsafe(values: Iterable[str]) -> None:
    for value in values:
        cell = value.strip()
        if spreadsheet_safe(cell) != cell:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError", "“{cell}”以 =、+、-、@ 开头，导出后在电子表格中会被当作公式执行，未导入。"
                ),
                cell=_abbreviated(cell),
            )
        if any((ord(c) < 0x20 and c not in "\t\r\n") or ord(c) == 0x7F for c in value):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "“{cell}”含有控制字符（如 NUL），未导入。"),
                cell=_abbreviated(value.encode("unicode_escape").decode("ascii")),
            )


def _abbreviated(text: str, most: int = 20) -> str:
    return text if len(text) <= most else text[:most] + "…"
