"""The monthly 保密审查汇总表: one row per review a department concluded in a month, as the 保密办
files it (a landscape PDF with a signature line) and as a spreadsheet (XLSX, CSV).

Rows come in already masked (app.review_summary takes each title as its record printed it); every
cell is masked here once more for personal data, as the record does."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass

from publish.report import spreadsheet_safe
from review.masking import mask_personal_data
from review.record import paged_pdf


@dataclass(frozen=True)
class SummaryRow:
    review_number: str  # 审查编号, as on the record
    title: str  # masked as on the record
    doc_number: str
    clerk: str  # 经办人
    reviewer: str  # 保密审查员
    reviewed_on: str  # YYYY-MM-DD
    conclusion: str
    blocking: int
    warnings: int
    notes: int  # 提示
    removed: int
    masked: int
    disclosure: str  # 公开方式


@dataclass(frozen=True)
class ReviewSummary:
    department: str
    year: int
    month: int
    rows: tuple[SummaryRow, ...]
    made_on: str = ""  # 制表日期

    @property
    def period(self) -> str:
        return f"{self.year}年{self.month}月"


# (header, content width in points at 8.5 pt): fixed, so no column collapses to a character a line
# whatever its cells hold. With each cell's padding and border (5 pt) they fill the landscape body.
_TEXT_COLUMNS = (
    ("序号", 20),
    ("审查编号", 100),
    ("文件标题", 136),
    ("发文字号", 76),
    ("经办人", 40),
    ("保密审查员", 46),
    ("审查日期", 50),
    ("审查结论", 46),
)
_FINDING_COLUMNS = (("阻断", 22), ("警告", 22), ("提示", 22))
_DONE_COLUMNS = (("删除", 22), ("遮盖", 22))
_LAST_COLUMN = ("公开方式", 46)
HEADERS = tuple(name for name, _ in (*_TEXT_COLUMNS, *_FINDING_COLUMNS, *_DONE_COLUMNS, _LAST_COLUMN))
_COUNT_HEADERS = ("检查发现（项）", "处理（项）")


def _values(number: int, row: SummaryRow) -> list[str | int]:
    return [
        number,
        row.review_number,
        mask_personal_data(row.title),
        mask_personal_data(row.doc_number),
        row.clerk,
        row.reviewer,
        row.reviewed_on,
        row.conclusion,
        row.blocking,
        row.warnings,
        row.notes,
        row.removed,
        row.masked,
        row.disclosure,
    ]


def _exported(number: int, row: SummaryRow) -> list[str | int]:
    """A row as a CSV or XLSX file carries it: a title or 文号 the clerk wrote cannot be a formula."""
    return [spreadsheet_safe(v) if isinstance(v, str) else v for v in _values(number, row)]


def _title(summary: ReviewSummary) -> str:
    return f"{summary.department}保密审查汇总表（{summary.period}）"


def to_csv(summary: ReviewSummary) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([_title(summary)])
    writer.writerow(HEADERS)
    writer.writerows(_exported(i, row) for i, row in enumerate(summary.rows, start=1))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read it as UTF-8


def to_xlsx(summary: ReviewSummary) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{summary.year}-{summary.month:02d}"
    sheet.append([_title(summary)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, row in enumerate(summary.rows, start=1):
        sheet.append(_exported(i, row))
    for column in sheet.iter_rows(min_row=3):
        for cell in column:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [w for _, w in (*_TEXT_COLUMNS, *_FINDING_COLUMNS, *_DONE_COLUMNS, _LAST_COLUMN)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(6, width // 4)
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_CSS = (
    "body{font-size:8.5pt} h1{text-align:center;font-size:18pt;margin:0 0 4pt 0}"
    " p{margin:2pt 0}"
    " table{border-collapse:collapse}"
    " td,th{border:1px solid #000;padding:2pt;vertical-align:top}"
    " th{font-weight:bold;text-align:center;vertical-align:middle}"
    " td.n{text-align:center}"
    " p.sign{margin-top:18pt;font-size:10.5pt;line-height:2}"
)


def _cell(value: str | int, width: int, *, tag: str = "td", attrs: str = "") -> str:
    text = html.escape(str(value)) if value != "" else "—"
    return f'<{tag} style="width:{width}pt"{attrs}>{text}</{tag}>'


def _head() -> str:
    first = "".join(_cell(name, w, tag="th", attrs=' rowspan="2"') for name, w in _TEXT_COLUMNS)
    groups = [(_COUNT_HEADERS[0], _FINDING_COLUMNS), (_COUNT_HEADERS[1], _DONE_COLUMNS)]
    first += "".join(f'<th colspan="{len(cols)}">{html.escape(label)}</th>' for label, cols in groups)
    first += _cell(_LAST_COLUMN[0], _LAST_COLUMN[1], tag="th", attrs=' rowspan="2"')
    second = "".join(_cell(name, w, tag="th") for name, w in (*_FINDING_COLUMNS, *_DONE_COLUMNS))
    return f"<tr>{first}</tr><tr>{second}</tr>"


def summary_html(summary: ReviewSummary) -> str:
    widths = [w for _, w in (*_TEXT_COLUMNS, *_FINDING_COLUMNS, *_DONE_COLUMNS, _LAST_COLUMN)]
    centred = {0, 6, 8, 9, 10, 11, 12}  # 序号, the date and the counts
    rows = "".join(
        "<tr>"
        + "".join(
            _cell(value, widths[i], attrs=' class="n"' if i in centred else "")
            for i, value in enumerate(_values(number, row))
        )
        + "</tr>"
        for number, row in enumerate(summary.rows, start=1)
    )
    if not summary.rows:
        rows = f'<tr><td colspan="{len(widths)}">本月没有办结的保密审查。</td></tr>'
    total = sum(r.blocking for r in summary.rows), sum(r.removed for r in summary.rows)
    return "".join(
        [
            f"<style>{_CSS}</style>",
            "<h1>保密审查汇总表</h1>",
            f"<p>填报单位：{html.escape(summary.department)}　　统计月份：{summary.period}"
            f"　　审查件数：{len(summary.rows)} 件　　阻断级发现 {total[0]} 项，删除 {total[1]} 项"
            f"　　制表日期：{html.escape(summary.made_on or '—')}</p>",
            "<table>" + _head() + rows + "</table>",
            "<p>说明：文件标题中审查时删除的内容和个人信息均已遮蔽，与保密审查单一致；"
            "“删除”含审查员划定的删除区域。</p>",
            '<p class="sign">保密办审核意见：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿'
            "<br/>审核人（签字）：＿＿＿＿＿＿＿＿　　保密办负责人（签字）：＿＿＿＿＿＿＿＿"
            "　　日期：＿＿＿＿年＿＿月＿＿日　　（盖章）</p>",
        ]
    )


def to_pdf(summary: ReviewSummary) -> bytes:
    """Landscape A4 pages, "第 x 页　共 y 页" under each."""
    return paged_pdf(summary_html(summary), _title(summary), paper="a4-l", margins=(36, 36, 36, 48))
