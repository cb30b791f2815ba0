"""The figures of a period and the files made from them: CSV, XLSX, and a PDF laid out after
Table 2 of the yearly report (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).

The desk counts what it holds; the rows of Table 2 it cannot count (行政许可, 行政处罚, 行政强制,
收费) are left blank for manual entry, and the PDF says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from dataclasses import dataclass, field

from publish.taxonomy import InterpretationForm, LegalBasis
from review.wording.base import KIND_LABELS

LEGAL_KINDS = {"rule": "规章", "normative": "行政规范性文件"}
DECISIONS = {"remove": "删除", "mask": "遮盖", "keep": "保留", "false_alarm": "误报", "": "未处理"}


@dataclass(frozen=True)
class LegalCounts:
    """规章 or 行政规范性文件 in the period: 本年制发, 本年废止, 现行有效 (and at the period's start)."""

    issued: int
    abolished: int
    in_force: int
    in_force_before: int
    withdrawn: int = 0  # withdrawn in the period while in force: the identity allows for them

    @property
    def identity_holds(self) -> bool:
        """现行有效 = 上期现行有效 + 本期制发 − 本期废止 (− 本期撤回)."""
        return self.in_force == self.in_force_before + self.issued - self.abolished - self.withdrawn


@dataclass(frozen=True)
class Figures:
    start: dt.date
    end: dt.date
    published: int
    by_category: list[tuple[str, int]]
    by_doc_type: list[tuple[str, int]]
    by_month: list[tuple[str, int]]  # ("202611", n)
    legal: dict[str, LegalCounts]
    interpretations_by_form: list[tuple[str, int]]  # form codes
    withdrawn: int
    findings: list[tuple[str, str, int]]  # (category, decision code, n)
    redactions_by_basis: list[tuple[str, int]]  # basis codes
    days_to_publish: tuple[float, float] | None  # working days: median, 90th percentile
    overdue: int
    department: str = ""
    notes: list[str] = field(default_factory=list)
    # 错敏/表述 findings of the period's reviews by kind: (rule id, n), rule ids of review.wording.
    wording_by_kind: list[tuple[str, int]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str, str]]:
        """Every figure as (指标, 分项, 数值), in the order the report shows them."""
        out: list[tuple[str, str, str]] = [
            ("统计期间", "", f"{self.start.isoformat()} 至 {self.end.isoformat()}"),
            ("部门", "", self.department or "全部部门"),
            ("主动公开信息数", "合计", str(self.published)),
        ]
        out += [("主动公开信息数", f"主题分类：{k or '（未分类）'}", str(n)) for k, n in self.by_category]
        out += [("主动公开信息数", f"公文种类：{k or '（未填）'}", str(n)) for k, n in self.by_doc_type]
        out += [("主动公开信息数", f"月份：{k[:4]}-{k[4:]}", str(n)) for k, n in self.by_month]
        for kind, label in LEGAL_KINDS.items():
            c = self.legal[kind]
            out += [
                (label, "本年制发件数", str(c.issued)),
                (label, "本年废止件数", str(c.abolished)),
                (label, "现行有效件数", str(c.in_force)),
                (label, "上期现行有效件数", str(c.in_force_before)),
                (label, "本期撤回件数", str(c.withdrawn)),
                (
                    label,
                    "核对：现行有效 = 上期 + 制发 − 废止 − 撤回",
                    "一致" if c.identity_holds else "不一致",
                ),
            ]
        out += [("政策解读", _form_label(k), str(n)) for k, n in self.interpretations_by_form]
        out.append(("撤回", "本期撤回条目数", str(self.withdrawn)))
        out += [("保密检查发现", f"{c}：{DECISIONS.get(d, d)}", str(n)) for c, d, n in self.findings]
        out += [("错敏/表述检查发现", KIND_LABELS.get(k, k), str(n)) for k, n in self.wording_by_kind]
        # Technical cleanup is not withholding: it never counts among the redactions by basis.
        out += [
            ("删减（按法律依据）", _basis_label(b), str(n))
            for b, n in self.redactions_by_basis
            if b != LegalBasis.TECHNICAL_CLEANUP.value
        ]
        if self.days_to_publish is not None:
            median, p90 = self.days_to_publish
            out += [
                ("导入到发布（工作日）", "中位数", f"{median:g}"),
                ("导入到发布（工作日）", "第90百分位", f"{p90:g}"),
            ]
        out.append(("超期发布", "成文后超过 20 个工作日才公开", str(self.overdue)))
        out += [("说明", "", note) for note in self.notes]
        return out


def _form_label(code: str) -> str:
    try:
        return InterpretationForm(code).label
    except ValueError:
        return code


def _basis_label(code: str) -> str:
    try:
        return LegalBasis(code).label
    except ValueError:
        return code or "（未注明）"


def to_csv(figures: Figures) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["指标", "分项", "数值"])
    writer.writerows(figures.rows())
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read it as UTF-8


def to_xlsx(figures: Figures) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "统计"
    sheet.append(["指标", "分项", "数值"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for name, item, value in figures.rows():
        sheet.append([name, item, int(value) if value.isdigit() else value])
    for column, width in zip("ABC", (22, 48, 24), strict=True):
        sheet.column_dimensions[column].width = width
    table2 = book.create_sheet("表二 主动公开")
    for heading, columns, rows in table2_sections(figures):
        table2.append([heading])
        table2[table2.max_row][0].font = Font(bold=True)
        table2.append(list(columns))
        for label, values in rows:
            table2.append([label, *values])
    table2.column_dimensions["A"].width = 22
    for column in "BCD":
        table2.column_dimensions[column].width = 26
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Table 2 as 国办公开办函〔2021〕30号 lays it out: a heading row per item of Art. 20, then the
# columns of that item, then its rows.
_ISSUED = ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
_DECISIONS = ("信息内容", "本年处理决定数量")
_FEES = ("信息内容", "本年收费金额（单位：万元）")
# Rows the desk cannot count (it does not handle 许可, 处罚, 强制 or 收费): left blank for manual entry.
MANUAL_ROWS = (
    ("第二十条第（五）项", _DECISIONS, ("行政许可",)),
    ("第二十条第（六）项", _DECISIONS, ("行政处罚", "行政强制")),
    ("第二十条第（八）项", _FEES, ("行政事业性收费",)),
)

Section = tuple[str, tuple[str, ...], list[tuple[str, tuple[int | None, ...]]]]


def table2_sections(figures: Figures) -> list[Section]:
    """Table 2's sections: (heading, columns, rows of (label, values)); None is a cell to fill by hand."""
    legal: list[tuple[str, tuple[int | None, ...]]] = [
        (label, (figures.legal[k].issued, figures.legal[k].abolished, figures.legal[k].in_force))
        for k, label in LEGAL_KINDS.items()
    ]
    sections: list[Section] = [("第二十条第（一）项", _ISSUED, legal)]
    for heading, columns, labels in MANUAL_ROWS:
        rows: list[tuple[str, tuple[int | None, ...]]] = [(label, (None,)) for label in labels]
        sections.append((heading, columns, rows))
    return sections


def _row(values: list[str] | tuple[str, ...], tag: str, last_span: int = 1) -> str:
    cells = [f"<{tag}>{html.escape(v)}</{tag}>" for v in values[:-1]]
    cells.append(f'<{tag} colspan="{last_span}">{html.escape(values[-1])}</{tag}>')
    return "<tr>" + "".join(cells) + "</tr>"


def table2_pdf(figures: Figures) -> bytes:
    """The 主动公开 table of the yearly report, with the desk's other figures after it."""
    from review.compose import compose_rich_pdf

    table = ""
    for heading, columns, rows in table2_sections(figures):
        table += f'<tr><th colspan="{len(_ISSUED)}">{html.escape(heading)}</th></tr>'
        span = len(_ISSUED) - len(columns) + 1  # the last column takes the width the item leaves
        table += _row(columns, "th", span) + "".join(
            _row([label, *("" if v is None else str(v) for v in values)], "td", span)
            for label, values in rows
        )
    checks = [
        f"{label}：{'现行有效件数核对一致' if figures.legal[k].identity_holds else '现行有效件数核对不一致，请核查'}"
        for k, label in LEGAL_KINDS.items()
    ]
    other = "".join(_row([name, item, value], "td") for name, item, value in figures.rows())
    body = (
        f"<p>统计期间：{figures.start.isoformat()} 至 {figures.end.isoformat()}　"
        f"部门：{html.escape(figures.department or '全部部门')}</p>"
        "<h2>二、主动公开政府信息情况</h2>"
        "<table>" + table + "</table>"
        "<p>说明：行政许可、行政处罚、行政强制和行政事业性收费不在审发台中办理，相应栏目留空，请人工填写。"
        + "；".join(checks)
        + "。</p><h2>附：审发台统计数据</h2><table>"
        + _row(["指标", "分项", "数值"], "th")
        + other
        + "</table>"
    )
    return compose_rich_pdf(body, "政府信息公开工作年度报告（统计部分）")
