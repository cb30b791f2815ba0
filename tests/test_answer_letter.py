"""The letters of 依申请公开 from their templates: every outcome, refusals of missing facts, the PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pymupdf
import pytest

from publish.answer_letter import (
    LetterFacts,
    LetterKind,
    LetterRefused,
    WithheldPart,
    letter_pdf,
    letter_text,
    plain_text,
)

REVIEW_FIRST = "对行政复议决定不服的，可以依法向人民法院提起行政诉讼"
CHOICE = "或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼"

# The facts each outcome needs beyond the common ones.
DETAILS = {
    LetterKind.ALREADY_PUBLIC: {"where_published": "测试市人民政府门户网站“政府信息公开”栏目"},
    LetterKind.NOT_DISCLOSED: {
        "basis": "过程性信息（条例第十六条）",
        "reason": "该材料为会议讨论记录，尚未形成正式决定",
    },
    LetterKind.NOT_EXIST: {"searched": "以“供暖补贴”为关键词在公文系统和档案室检索"},
    LetterKind.NOT_OURS: {"not_ours_reason": "该信息由测试市公安局制作并保存"},
    LetterKind.REPEATED: {"previous_answer": "2026年10月9日以测数公开答〔2026〕7号"},
    LetterKind.OTHER_LAW: {
        "other_law_subject": "不动产登记资料",
        "other_law": "不动产登记暂行条例",
        "other_procedure": "持身份证明到测试市不动产登记中心查询",
    },
    LetterKind.SUPPLEMENT: {"supplement_deadline": "2026年12月15日"},
    LetterKind.EXTENSION: {"extension_reason": "需调取的档案数量较多", "extended_until": "2026年12月29日"},
}


def facts(kind: LetterKind, **changes: object) -> LetterFacts:
    base: dict[str, object] = dict(
        kind=kind,
        agency="测试市数据局",
        letter_number="测数公开答〔2026〕12号",
        applicant="张三",
        received_on=dt.date(2026, 11, 2),
        content="2025年冬季供暖补贴发放情况",
        issued_on=dt.date(2026, 11, 20),
        details=DETAILS.get(kind, {}),
        provided=("2025年冬季供暖补贴发放情况表",)
        if kind in (LetterKind.DISCLOSED, LetterKind.PARTLY_DISCLOSED)
        else (),
        withheld=(
            WithheldPart("发放表中领取人的身份证号码", "商业秘密、个人隐私等第三方合法权益（条例第十五条）"),
        )
        if kind is LetterKind.PARTLY_DISCLOSED
        else (),
        supplement_items=("请写明所需信息的年份和区域",) if kind is LetterKind.SUPPLEMENT else (),
    )
    base.update(changes)
    return LetterFacts(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_letter_fills_with_its_remedy(kind: LetterKind) -> None:
    text = plain_text(letter_text(facts(kind)))
    assert "{" not in text and "}" not in text
    assert text.startswith("政府信息公开申请")
    for fact in ("张三：", "2026年11月2日", "“2025年冬季供暖补贴发放情况”", "测试市数据局\n2026年11月20日"):
        assert fact in text
    for value in DETAILS.get(kind, {}).values():
        assert value in text
    # 行政复议法 (2023) Art. 23: a refusal to disclose goes to 复议 first; the notices decide nothing.
    assert (REVIEW_FIRST in text) is (kind in (LetterKind.NOT_DISCLOSED, LetterKind.PARTLY_DISCLOSED))
    assert (CHOICE in text) is (
        kind not in (LetterKind.NOT_DISCLOSED, LetterKind.PARTLY_DISCLOSED) and kind.is_answer
    )
    assert ("60日内" in text) is kind.is_answer


def test_partly_disclosed_states_each_withheld_part_with_its_basis() -> None:
    text = letter_text(
        facts(
            LetterKind.PARTLY_DISCLOSED,
            provided=("补贴发放情况表（删减后）", "补贴资金拨付文件"),
            withheld=(
                WithheldPart("领取人身份证号码", "商业秘密、个人隐私等第三方合法权益（条例第十五条）"),
                WithheldPart("审批意见", "过程性信息（条例第十六条）", "属于内部讨论意见。"),
            ),
        )
    )
    assert "第三十七条" in text and "共 2 件" in text
    assert "（一）补贴发放情况表（删减后）\n（二）补贴资金拨付文件\n" in text
    assert "（一）领取人身份证号码：商业秘密、个人隐私等第三方合法权益（条例第十五条）。" in text
    assert "（二）审批意见：过程性信息（条例第十六条），属于内部讨论意见。" in text


def test_missing_facts_are_refused_by_their_chinese_names() -> None:
    with pytest.raises(LetterRefused) as refused:
        letter_text(
            facts(LetterKind.NOT_DISCLOSED, received_on=None, details={"basis": "国家秘密（条例第十四条）"})
        )
    assert (
        refused.value.message
        == "答复书（不予公开）缺少以下内容，不能生成：收到申请日期、不予公开的具体理由。"
    )
    with pytest.raises(LetterRefused, match="提供的信息件数、提供的信息、不予公开的部分及其理由"):
        letter_text(facts(LetterKind.PARTLY_DISCLOSED, provided=(), withheld=()))
    with pytest.raises(LetterRefused, match="“领取人住址”没有写明法律依据"):
        letter_text(facts(LetterKind.PARTLY_DISCLOSED, withheld=(WithheldPart("领取人住址", " "),)))


def test_the_right_agency_is_named_only_when_known() -> None:
    unknown = letter_text(facts(LetterKind.NOT_OURS))
    assert "负责公开该政府信息的行政机关为" not in unknown
    known = letter_text(
        facts(
            LetterKind.NOT_OURS,
            details={
                **DETAILS[LetterKind.NOT_OURS],
                "right_agency": "测试市公安局",
                "right_contact": "0000-12345678",
            },
        )
    )
    assert "负责公开该政府信息的行政机关为测试市公安局，联系方式：0000-12345678" in known


def test_a_department_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "remedy_choice.txt").write_text(
        "如不服本答复，可以自收到本答复之日起60日内向测试市人民政府申请行政复议。\n", encoding="utf-8"
    )
    assert "向测试市人民政府申请行政复议" in letter_text(facts(LetterKind.NOT_EXIST), [tmp_path])
    (tmp_path / "not_exist.txt").write_text("^答复书\n{applicant}：{unknown_fact}\n", encoding="utf-8")
    with pytest.raises(LetterRefused, match=re.escape("“{unknown_fact}”不是审发台认识的事实")):
        letter_text(facts(LetterKind.NOT_EXIST), [tmp_path])


def test_the_pdf_shows_the_letter_with_an_embedded_font() -> None:
    text = letter_text(facts(LetterKind.PARTLY_DISCLOSED))
    with pymupdf.open("pdf", letter_pdf(text)) as doc:
        shown = "".join(page.get_text() for page in doc).replace("\n", "")
        assert doc.metadata["title"] == "政府信息公开申请答复书"
        fonts = doc[0].get_fonts()
        page = doc[0]
        width = page.rect.width
        title = page.search_for("政府信息公开申请答复书")[0]
        signature = page.search_for("测试市数据局")[-1]
    for piece in ("张三：", "领取人的身份证号码", "60日内依法申请行政复议", "2026年11月20日"):
        assert piece in shown
    assert all(f[1] in ("ttf", "cid") for f in fonts)  # embedded, not a base-14 name
    # The title is centred and the signature set against the right margin.
    assert abs((title.x0 + title.x1) / 2 - width / 2) < 10
    assert signature.x1 > width - 90
