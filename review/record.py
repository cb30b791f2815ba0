"""The review record (保密审查单): a PDF the office prints and files, with an embedded Chinese font.

The record is internal but travels (transfer packages), so what it prints never holds removed text
or personal data in full: the caller masks each line's text against its finding (review.masking),
and every free-text cell is masked here once more for numbers someone typed into a reason.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from review.masking import mask_personal_data
from review.mupdf import LOCK


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


def _row(*cells: str, head: bool = False) -> str:
    tag = "th" if head else "td"
    return "<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>"


def _fact(label: str, value: str, *, digest: bool = False) -> str:
    cell = html.escape(value or "—")
    if digest and value:
        # The default font joins "ff"/"fi" into ligatures, so a digest copied out of the PDF would
        # not match; the monospace font has none.
        cell = f"<code>{cell}</code>"
    return f'<tr><td class="k">{html.escape(label)}</td><td>{cell}</td></tr>'


def record_pdf(record: ReviewRecord) -> bytes:
    import pymupdf

    facts = [
        _fact("文件标题", record.title),
        _fact("发文字号", record.doc_number),
        _fact("承办部门", record.department),
        _fact("审查文件", record.file_name),
        _fact("文件 SHA-256", record.file_sha256, digest=True),
        _fact("检查依据", f"词库版本 {record.lexicon_version}，引擎版本 {record.engine_version}"),
    ]
    parts = [
        "<style>body{font-size:10pt} h1{text-align:center;font-size:18pt} table{width:100%;border-collapse:collapse}"
        " td,th{border:1px solid #000;padding:3px;vertical-align:top} th{background:#eee} td.k{width:22%} code{font-size:8.5pt}</style>",
        "<h1>保密审查单</h1>",
        "<table>" + "".join(facts) + "</table>",
        f"<h3>检查发现及处理（共 {len(record.lines)} 项）</h3>",
        "<table>"
        + _row("级别", "类别", "内容", "位置", "处理", "依据", "理由", head=True)
        + "".join(
            _row(
                x.severity,
                x.category,
                mask_personal_data(x.text),
                mask_personal_data(x.place),
                x.decision,
                x.basis,
                mask_personal_data(x.reason),
            )
            for x in record.lines
        )
        + "</table>",
        "<h3>审查结论</h3>",
        "<table>"
        + _fact("结论", record.conclusion)
        + _fact("审查意见", mask_personal_data(record.opinion))
        + (_fact("不予公开依据", record.basis) if record.basis else "")
        + _fact("发布文件 SHA-256", record.published_sha256, digest=True)
        + _fact("审查人", record.reviewer)
        + _fact("审查时间", record.reviewed_at)
        + "</table>",
        "<p>（本审查单由政务公开审发台生成，保存备查。）</p>",
    ]
    with LOCK:
        story = pymupdf.Story(html="".join(parts))
        buf = io.BytesIO()
        writer = pymupdf.DocumentWriter(buf)
        page_rect = pymupdf.paper_rect("a4")
        more = True
        while more:
            device = writer.begin_page(page_rect)
            more, _ = story.place(page_rect + (50, 50, -50, -50))  # noqa: RUF005 - Rect arithmetic
            story.draw(device)
            writer.end_page()
        writer.close()
        with pymupdf.open("pdf", buf.getvalue()) as doc:
            doc.subset_fonts()
            doc.set_metadata({"title": f"保密审查单：{record.title}", "producer": "", "creator": ""})
            return bytes(doc.tobytes(garbage=3, deflate=True))
