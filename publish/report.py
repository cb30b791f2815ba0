"""The figures of a period and the files made from them: CSV, XLSX, and a PDF laid out after
Tables 2 and 3 of the yearly report (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).

The desk counts what it holds; the rows of Table 2 it cannot count (行政许可, 行政处罚, 行政强制,
收费) are left blank for manual entry, and the PDF says so. Table 3 (requests for information) is
counted whole from the desk's requests: by applicant kind, never naming an applicant.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from publish.request_outcomes import ApplicantKind, Table3Row
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


Column = dict[ApplicantKind, int]


def _column(counts: dict[ApplicantKind, int] | None = None) -> Column:
    return {kind: (counts or {}).get(kind, 0) for kind in ApplicantKind}


@dataclass(frozen=True)
class Table3:
    """三、收到和处理政府信息公开申请情况, by applicant kind.

    新收: received in the period. 上年结转: received before it and not closed before it.
    办理结果: closed (answered, withdrawn or closed unprocessed) in the period. 结转下年度: received by
    the period's end and not closed by then. So 新收 + 结转 = 办理结果总计 + 结转下年度 in every column."""

    new: Column
    carried_in: Column
    results: dict[Table3Row, Column]
    carried_out: Column
    # 第四十四条: information several applicants asked for (content reference, requests, applicants).
    repeated: list[tuple[str, int, int]] = field(default_factory=list)

    @staticmethod
    def empty() -> Table3:
        return Table3(_column(), _column(), {row: _column() for row in Table3Row}, _column())

    def total(self, column: Column) -> int:
        return sum(column.values())

    def results_total(self, kind: ApplicantKind | None = None) -> int:
        return sum(c[kind] if kind else self.total(c) for c in self.results.values())

    def group_total(self, group: str, kind: ApplicantKind | None = None) -> int:
        return sum(
            c[kind] if kind else self.total(c) for row, c in self.results.items() if row.group == group
        )

    @property
    def identity_holds(self) -> bool:
        """一 + 二 = 三（七）总计 + 四, for every applicant kind."""
        return all(
            self.new[k] + self.carried_in[k] == self.results_total(k) + self.carried_out[k]
            for k in ApplicantKind
        )

    def lines(self) -> list[tuple[str, str, list[int]]]:
        """Table 3's rows as the form prints them: (row, sub-row, seven figures: 自然人, the five kinds
        of 法人或其他组织, 总计)."""

        def figures(per_kind: Callable[[ApplicantKind], int]) -> list[int]:
            values = [per_kind(k) for k in ApplicantKind]
            return [*values, sum(values)]

        out = [
            (NEW_LABEL, "", figures(self.new.__getitem__)),
            (CARRIED_IN_LABEL, "", figures(self.carried_in.__getitem__)),
        ]
        for row in Table3Row:
            label = f"{row.group} {row.label}" if row.group else row.label
            out.append((RESULTS_LABEL, label, figures(self.results[row].__getitem__)))
        out.append((RESULTS_LABEL, TOTAL_LABEL, figures(self.results_total)))
        out.append((CARRIED_OUT_LABEL, "", figures(self.carried_out.__getitem__)))
        return out


NEW_LABEL = "一、本年新收政府信息公开申请数量"
CARRIED_IN_LABEL = "二、上年结转政府信息公开申请数量"
RESULTS_LABEL = "三、本年度办理结果"
TOTAL_LABEL = "（七）总计"
CARRIED_OUT_LABEL = "四、结转下年度继续办理"
IDENTITY_LABEL = "核对：一 + 二 = 三（七）总计 + 四"
ART44_NAME = "第四十四条：多个申请人申请的相同信息（可纳入主动公开）"
TABLE3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


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
    requests: Table3 = field(default_factory=Table3.empty)

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
        for name, item, values in self.requests.lines():
            out.append((f"依申请公开（表三）{name}", item, str(values[-1])))
        out.append(
            ("依申请公开（表三）", IDENTITY_LABEL, "一致" if self.requests.identity_holds else "不一致")
        )
        out += [
            (ART44_NAME, ref, f"{n} 件申请，{people} 个申请人") for ref, n, people in self.requests.repeated
        ]
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


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading '."""
    return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def exported_rows(figures: Figures) -> list[tuple[str, str, str]]:
    """The rows a CSV or XLSX file carries: without the 第四十四条 candidates (the desk's own
    statistics, named by the clerk's 信息标识), every cell safe to open in a spreadsheet."""
    return [
        (spreadsheet_safe(name), spreadsheet_safe(item), spreadsheet_safe(value))
        for name, item, value in figures.rows()
        if name != ART44_NAME
    ]


def to_csv(figures: Figures) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["指标", "分项", "数值"])
    writer.writerows(exported_rows(figures))
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
    for name, item, value in exported_rows(figures):
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
    table3 = book.create_sheet("表三 依申请公开")
    table3.append(["", "", "申请人情况"])
    table3.append(["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"])
    table3.append(["", "", "", *TABLE3_COLUMNS[1:-1]])
    for name, item, counts in figures.requests.lines():
        table3.append([name, item, *counts])
    table3.append([IDENTITY_LABEL, "", "一致" if figures.requests.identity_holds else "不一致"])
    table3.column_dimensions["A"].width = 34
    table3.column_dimensions["B"].width = 60
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
    other = "".join(
        _row([name, item, value], "td")
        for name, item, value in figures.rows()
        if not name.startswith((_TABLE3_ROWS, ART44_NAME))
    )
    body = (
        f"<p>统计期间：{figures.start.isoformat()} 至 {figures.end.isoformat()}　"
        f"部门：{html.escape(figures.department or '全部部门')}</p>"
        "<h2>二、主动公开政府信息情况</h2>"
        "<table>" + table + "</table>"
        "<p>说明：行政许可、行政处罚、行政强制和行政事业性收费不在审发台中办理，相应栏目留空，请人工填写。"
        + "；".join(checks)
        + "。</p><h2>三、收到和处理政府信息公开申请情况</h2>"
        + table3_html(figures.requests)
        + "<h2>附：审发台统计数据</h2><table>"
        + _row(["指标", "分项", "数值"], "th")
        + other
        + "</table>"
    )
    return compose_rich_pdf(body, "政府信息公开工作年度报告（统计部分）")


_TABLE3_ROWS = "依申请公开（表三）"


def _cells(values: list[int]) -> str:
    return "".join(f"<td>{v}</td>" for v in values)


def table3_html(table: Table3) -> str:
    """Table 3 as the form lays it out: three label columns, 申请人情况 in seven columns."""
    head = (
        '<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>'
        '<th colspan="7">申请人情况</th></tr>'
        '<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>'
        "<tr>" + "".join(f"<th>{c}</th>" for c in TABLE3_COLUMNS[1:-1]) + "</tr>"
    )
    lines = table.lines()
    body = "".join(
        f'<tr><td colspan="3">{html.escape(name)}</td>{_cells(values)}</tr>' for name, _, values in lines[:2]
    )
    results = lines[2:-1]
    spans: dict[str, int] = {}
    for row in Table3Row:
        spans[row.group] = spans.get(row.group, 0) + 1
    started: set[str] = set()
    for i, (row, (_, _, values)) in enumerate(zip([*Table3Row, None], results, strict=True)):
        cells = f'<td rowspan="{len(results)}">{html.escape(RESULTS_LABEL)}</td>' if i == 0 else ""
        if row is None:
            cells += f'<td colspan="2">{html.escape(TOTAL_LABEL)}</td>'
        elif not row.group:
            cells += f'<td colspan="2">{html.escape(row.label)}</td>'
        else:
            if row.group not in started:
                started.add(row.group)
                cells += f'<td rowspan="{spans[row.group]}">{html.escape(row.group)}</td>'
            cells += f"<td>{html.escape(row.label)}</td>"
        body += f"<tr>{cells}{_cells(values)}</tr>"
    name, _, values = lines[-1]
    body += f'<tr><td colspan="3">{html.escape(name)}</td>{_cells(values)}</tr>'
    check = "一致" if table.identity_holds else "不一致，请核查"
    # The 第四十四条 list stays in the desk's statistics: this PDF is the form the office publishes.
    return f"<table>{head}{body}</table><p>核对（每一列）：一 + 二 = 三（七）总计 + 四，{check}。</p>"
