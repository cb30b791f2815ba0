"""The 保密审查单 as a 保密办 reads, signs and files it: read back from the PDF the desk stores at
approval and at refusal."""

from __future__ import annotations

import pymupdf

from app.checking import latest_run
from app.db.models import FilePurpose, User
from app.reviewing import decide, file_bytes, refuse
from publish.taxonomy import LegalBasis
from review.record import RecordLine, ReviewRecord, record_pdf
from tests.test_release import ID_NUMBER, _approve, _remove_everything, _submitted


def _pages(pdf: bytes) -> list[pymupdf.Page]:
    doc = pymupdf.open("pdf", pdf)
    return list(doc)


def _text(pdf: bytes) -> str:
    return "".join(page.get_text() for page in _pages(pdf))


def test_the_record_of_an_approval_names_its_facts_rules_and_sign_off_and_hides_the_id(
    workspace, people, tmp_path
):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    with workspace.db.read() as s:
        record = file_bytes(s, doc_id, FilePurpose.RECORD)
        reviewer = s.get_one(User, people.reviewer).display_name
        clerk = s.get_one(User, people.clerk).display_name
    assert record is not None
    text = _text(record)
    assert ID_NUMBER not in text and ID_NUMBER[:6] + "********" not in text
    for expected in (
        "保审〔",  # 审查编号
        "-1号",
        "拟公开方式",
        "主动公开",
        "公开载体",
        "2026-12-08 前",  # 20 working days after 成文日期 2026-11-10
        "密级核定",
        "原件有 1 处密级或内部标志",
        "敏感词库",
        "错敏/表述规则包",
        "引擎",
        "经办人",
        "科室负责人",
        "分管领导",
        clerk,
        reviewer,
        "第 1 页",
        "共 ",
    ):
        assert expected in text, expected
    assert "检查依据" in text and "词库版本" not in text  # the rules by name, not a bare hash


def test_every_column_of_the_findings_table_is_at_least_four_characters_wide():
    lines = [
        RecordLine("提示", "词库敏感词", "内部管理", "第3页", "保留", "", "正常工作表述，经核实后保留" * 3),
        RecordLine("阻断", "密级标志", "〔已删除，4字〕", "第1页", "删除", "", ""),
        RecordLine("警告", "个人信息", "110***********1233", "第2页，文档属性·作者", "删除", "", ""),
    ] * 8
    record = ReviewRecord(
        "通知", "示政办发〔2026〕8号", "示范市民政局", "通知.pdf", "ab" * 32, "3f2a", "2", lines,
        "同意公开", "同意", "", "审查丙", "2026-11-29 09:00", "cd" * 32, review_number="示保审〔2026〕1-1号",
    )  # fmt: skip
    pages = _pages(record_pdf(record))
    first = pages[0]
    size = 10.0
    headers = ("风险级别", "发现类别", "所在位置", "处理决定", "依据及理由")
    for header in headers:
        (where,) = first.search_for(header)
        assert where.width >= 4 * size * 0.95, header
    # No short cell wraps a character a line: each severity and decision reads whole on one line.
    words = first.get_text("words")
    assert any(w[4] == "阻断" for w in words) and any(w[4] == "删除" for w in words)
    # Ordered by severity: every 阻断 row before the first 警告, every 警告 before the first 提示.
    order = [w[4] for page in pages for w in page.get_text("words") if w[4] in ("阻断", "警告", "提示")]
    assert order == sorted(order, key=["阻断", "警告", "提示"].index)
    last = pages[-1].get_text()
    assert "签" in last and "审批环节" in last and f"第 {len(pages)} 页" in last


def test_the_record_of_a_refusal_states_the_basis_in_its_classification_line(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        for finding in latest_run(s, doc_id).findings:
            if finding.text:
                decide(s, reviewer, finding.id, "remove", basis=LegalBasis.THIRD_PARTY_RIGHTS)
    refuse(workspace.db, people.reviewer, doc_id, None, LegalBasis.THIRD_PARTY_RIGHTS, "涉及第三方个人信息")
    with workspace.db.read() as s:
        record = file_bytes(s, doc_id, FilePurpose.RECORD)
    assert record is not None
    text = _text(record)
    assert "不予公开（" in text and ID_NUMBER not in text
