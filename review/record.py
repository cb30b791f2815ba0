"""The review record (保密审查单): a PDF the office prints, signs and files, with an embedded Chinese
font, laid out after the practice of local 保密审查 forms: 审查编号, the document's facts, how and
when it is to be disclosed, 密级核定, the findings and what was done with each, the rules applied,
the conclusion with its legal basis, and a sign-off chain with signature boxes.

The record is internal but travels (transfer packages), so what it prints never holds removed text
or personal data in full: the caller masks each line's text against its finding (review.masking),
and every free-text cell is masked here once more for numbers someone typed into a reason.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass

from review.masking import mask_personal_data
from review.mupdf import LOCK

# The sign-off chain when the department has set none: the steps a 保密审查 form usually carries.
DEFAULT_SIGN_OFF = ("经办人", "科室负责人", "保密审查员", "分管领导")
_SEVERITY_ORDER = {"阻断": 0, "警告": 1, "提示": 2}


@dataclass(frozen=True)
class RecordLine:
    severity: str
    category: str
    text: str
    place: str
    decision: str
    basis: str
    reason: str


@dataclass(frozen=True)
class SignOff:
    """One step of the sign-off chain; `name` and `date` are printed where the desk knows them, the
    signature box is always left for a pen."""

    role: str
    name: str = ""
    date: str = ""


@dataclass(frozen=True)
class ReviewRecord:
    title: str
    doc_number: str
    department: str
    file_name: str
    file_sha256: str
    lexicon_version: str
    engine_version: str
    lines: list[RecordLine]
    conclusion: str
    opinion: str
    basis: str
    reviewer: str
    reviewed_at: str
    published_sha256: str
    review_number: str = ""  # 审查编号
    written_on: str = ""  # 成文日期
    disclosure: str = ""  # 拟公开方式
    carrier: str = ""  # 公开载体
    planned_on: str = ""  # 拟公开时间
    classification: str = ""  # 密级核定
    # The rules applied, by name and version (the check rules, the lexicon, rule packs …).
    rules_applied: tuple[tuple[str, str], ...] = ()
    sign_off: tuple[SignOff, ...] = ()


_CSS = (
    "body{font-size:10pt} h1{text-align:center;font-size:20pt;margin-bottom:2pt}"
    " p.no{text-align:right;font-size:10pt;margin:0}"
    " h3{font-size:11.5pt;margin:10pt 0 4pt 0}"
    " table{width:100%;border-collapse:collapse}"
    " td,th{border:1px solid #000;padding:3pt;vertical-align:top}"
    " th{font-weight:bold;text-align:center}"
    " td.k{font-weight:bold} code{font-size:7.5pt}"
)


_KEY = ' class="k"'


def _cell(text: str, *, tag: str = "td", keep_whole: bool = False, attrs: str = "") -> str:
    """A table cell. `keep_whole` cells never wrap: MuPDF's table layout gives a column the width
    of its longest unbreakable run, and Chinese breaks anywhere, so without it a short column
    collapses to one character a line ("警/告")."""
    body = html.escape(text or "—") if text or tag == "td" else ""
    if keep_whole:
        body = f'<span style="white-space:nowrap">{body}</span>'
    return f"<{tag}{attrs}>{body}</{tag}>"


def _fact(label: str, value: str, *, digest: bool = False, span: int = 3) -> str:
    """A fact on a row of its own, across the value columns of a four-column table."""
    cell = html.escape(value or "—")
    if digest and value:
        # The default font joins "ff"/"fi" into ligatures, so a digest copied out of the PDF would
        # not match; the monospace font has none.
        cell = f"<code>{cell}</code>"
    return f'<tr>{_cell(label, keep_whole=True, attrs=_KEY)}<td colspan="{span}">{cell}</td></tr>'


def _pair(label: str, value: str, label2: str, value2: str) -> str:
    """Two facts side by side on one row."""
    return (
        f"<tr>{_cell(label, keep_whole=True, attrs=_KEY)}{_cell(value)}"
        f"{_cell(label2, keep_whole=True, attrs=_KEY)}{_cell(value2)}</tr>"
    )


# Column headers of four characters or more, kept whole: no column is ever narrower than that.
_FINDING_COLUMNS = ("风险级别", "发现类别", "内容（已遮蔽）", "所在位置", "处理决定", "依据及理由")


def _finding_rows(lines: list[RecordLine]) -> str:
    ordered = sorted(lines, key=lambda x: _SEVERITY_ORDER.get(x.severity, 3))  # stable: places stay in order
    rows = []
    for x in ordered:
        grounds = "；".join(filter(None, [x.basis, mask_personal_data(x.reason)]))
        rows.append(
            "<tr>"
            + _cell(x.severity, keep_whole=True)
            + _cell(x.category)
            + _cell(mask_personal_data(x.text))
            + _cell(mask_personal_data(x.place))
            + _cell(x.decision, keep_whole=True)
            + _cell(grounds)
            + "</tr>"
        )
    head = "<tr>" + "".join(_cell(c, tag="th", keep_whole=True) for c in _FINDING_COLUMNS) + "</tr>"
    return "<table>" + head + "".join(rows) + "</table>"


def _rules_text(record: ReviewRecord) -> str:
    applied = record.rules_applied or (
        ("保密检查规则（密级标志、个人信息、隐藏内容、附件）", record.engine_version),
        ("敏感词库", record.lexicon_version),
    )
    return "；".join(f"{name}，版本 {version or '—'}" for name, version in applied)


def default_sign_off(
    reviewer: str, reviewed_on: str, clerk: str = "", steps: tuple[str, ...] = DEFAULT_SIGN_OFF
) -> tuple[SignOff, ...]:
    """The sign-off `steps` with the names the desk knows: the clerk's at 经办人, the reviewer's (and
    the date) at 保密审查员; the other steps are left for a pen."""
    known = {"经办人": (clerk, ""), "保密审查员": (reviewer, reviewed_on)}
    return tuple(SignOff(role, *known.get(role, ("", ""))) for role in steps)


def _sign_off_rows(record: ReviewRecord) -> str:
    steps = record.sign_off or default_sign_off(record.reviewer, record.reviewed_at[:10])
    head = (
        "<tr>"
        + "".join(
            _cell(c, tag="th", keep_whole=True)
            for c in ("审批环节", "姓　　名", "意　　见", "签　　字", "日　　期")
        )
        + "</tr>"
    )
    rows = "".join(
        "<tr>"
        + _cell(step.role, keep_whole=True)
        + _cell(step.name or " ")
        + "<td><br/><br/></td><td><br/><br/></td>"  # written by hand: room for a pen
        + _cell(step.date or " ", keep_whole=True)
        + "</tr>"
        for step in steps
    )
    return "<table>" + head + rows + "</table>"


def record_html(record: ReviewRecord) -> str:
    facts = "".join(
        [
            _fact("文件标题", record.title),
            _pair("发文字号", record.doc_number, "成文日期", record.written_on),
            _pair("承办部门", record.department, "拟公开方式", record.disclosure),
            _pair("公开载体", record.carrier, "拟公开时间", record.planned_on),
            _fact("审查文件", record.file_name),
            _fact("文件 SHA-256", record.file_sha256, digest=True),
            _fact("密级核定", record.classification),
            _fact("检查依据", _rules_text(record)),
        ]
    )
    conclusion = "".join(
        [
            _fact("审查结论", record.conclusion),
            _fact("法律依据", record.basis) if record.basis else "",
            _fact("审查意见", mask_personal_data(record.opinion)),
            _fact("发布文件 SHA-256", record.published_sha256, digest=True),
            _pair("保密审查员", record.reviewer, "审查时间", record.reviewed_at),
        ]
    )
    return "".join(
        [
            f"<style>{_CSS}</style>",
            "<h1>保密审查单</h1>",
            f'<p class="no">审查编号：{html.escape(record.review_number or "—")}</p>',
            "<h3>一、文件基本情况</h3>",
            "<table>" + facts + "</table>",
            f"<h3>二、检查发现及处理（共 {len(record.lines)} 项）</h3>",
            _finding_rows(record.lines) if record.lines else "<p>未发现需处理的内容。</p>",
            "<h3>三、审查结论</h3>",
            "<table>" + conclusion + "</table>",
            "<h3>四、审批签字</h3>",
            _sign_off_rows(record),
            "<p>（本审查单由政务公开审发台生成，个人信息和已删除内容均已遮蔽；签字后存档备查。）</p>",
        ]
    )


def record_pdf(record: ReviewRecord) -> bytes:
    return paged_pdf(record_html(record), f"保密审查单：{record.title}")


def _of_total(number: int, total: int) -> str:
    return f"第 {number} 页　共 {total} 页"


def paged_pdf(
    html: str,
    title: str,
    *,
    paper: str = "a4",
    margins: tuple[float, float, float, float] = (56, 50, 56, 64),
    css: str | None = None,
    numbering: Callable[[int, int], str] = _of_total,
    number_css: str = "* {font-size:9pt; text-align:center}",
    number_at: tuple[float, float] = (12, 34),
) -> bytes:
    """`html` laid out on as many pages as it takes, `numbering(page, pages)` under each (`number_at`:
    its top and bottom below the body), fonts subset, no metadata but `title`: the record's, the
    保密审查汇总表's and the 答复书's form."""
    import pymupdf

    page_rect = pymupdf.paper_rect(paper)
    left, top, right, bottom = margins
    body = page_rect + (left, top, -right, -bottom)  # noqa: RUF005 - Rect arithmetic
    with LOCK:
        story = pymupdf.Story(html=html, user_css=css)
        buf = io.BytesIO()
        writer = pymupdf.DocumentWriter(buf)
        more = True
        while more:
            device = writer.begin_page(page_rect)
            more, _ = story.place(body)
            story.draw(device)
            writer.end_page()
        writer.close()
        with pymupdf.open("pdf", buf.getvalue()) as doc:
            total = doc.page_count
            for number, page in enumerate(doc, start=1):
                footer = pymupdf.Rect(body.x0, body.y1 + number_at[0], body.x1, body.y1 + number_at[1])
                page.insert_htmlbox(footer, numbering(number, total), css=number_css)
            doc.subset_fonts()
            doc.set_metadata({"title": title, "producer": "", "creator": ""})
            return bytes(doc.tobytes(garbage=3, deflate=True))
