"""Issue 14, the rules' part: numbers across separators, personal data judged as a person would,
markings judged by where they stand, real published documents without false alarms, and every
decided finding applied at redaction."""

from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import pymupdf
import pytest

from app.redaction import MASK, REMOVE, RedactionPlan, plan_from_json, publish_form
from review.compose import compose_pdf
from review.engine import CheckOptions, check_bytes
from review.lexicon import CompiledLexicon, load_default
from review.model import Channel, CheckResult, Finding, Severity
from review.rules import mask
from review.samples import id_check_digit, luhn_complete

DOMAIN = Path(__file__).resolve().parents[2] / "shared" / "domain"
NO_NAMES = CheckOptions(names_near_personal_data=False)


@pytest.fixture(scope="module")
def lex() -> CompiledLexicon:
    return CompiledLexicon.build(load_default())


def _id(first17: str) -> str:
    return first17 + id_check_digit(first17)


def _wrong_check(valid: str) -> str:
    return valid[:-1] + ("0" if valid[-1] != "0" else "1")


def _check(text: str, lex: CompiledLexicon, name: str = "x.txt") -> CheckResult:
    return check_bytes(name, text.encode(), lex, NO_NAMES)


def _only(result: CheckResult, rule_id: str) -> list[Finding]:
    return [f for f in result.findings if f.rule_id == rule_id]


def _describe(result: CheckResult) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.severity.value, f.text) for f in result.findings]


# --- 1. Numbers across separators -------------------------------------------------------------

ID_1900 = _id("11010119000101123")  # 110101190001011236, the example
CARD = luhn_complete("622202123456789012")  # 6222021234567890128


@pytest.mark.parametrize(
    "written",
    [
        "110101 19000101 1236",
        "110101-19000101-1236",
        "110101\n19000101\n1236",
        "110101\r\n19000101\r\n1236",
        "1101011900\n01011236",  # a line wrapped inside a group
        "1101011900\r\n01011236",
        "110101 1900 0101 1236",
    ],
)
def test_id_number_across_separators_keeps_its_original_span(lex, written):
    assert ID_1900 == "110101190001011236"
    result = _check(f"材料：{written}。\n", lex)
    found = _only(result, "PII-ID")
    assert len(found) == 1, _describe(result)
    assert found[0].text == written  # the original span: redaction removes exactly it
    assert found[0].severity is Severity.BLOCKING
    assert found[0].location.line == 1 and found[0].location.column == 4


def test_numbers_in_table_cells_beside_figures_are_found_line_by_line(lex):
    """A table read cell by cell puts an ID and the amount beside it on consecutive lines: joined,
    they were one 22-digit run that no rule took for a number of a person."""
    second = _id("32010219851224001")
    result = _check(
        f"姓名\n身份证号\n补贴（元）\n张三\n{ID_1900}\n1200\n李四\n{second}\n800\n13800138000\n35\n", lex
    )
    assert sorted(f.text for f in _only(result, "PII-ID")) == sorted([ID_1900, second]), _describe(result)
    assert [f.text for f in _only(result, "PII-MOBILE")] == ["13800138000"]
    # Figures on their own lines stay figures.
    assert not _only(_check("合计\n12000000000\n35\n2024\n", lex), "PII-MOBILE")


@pytest.mark.parametrize(
    "written", ["138 0013 8000", "138-0013-8000", "138\n0013\n8000", "+86 138 0013 8000"]
)
def test_mobile_number_across_separators(lex, written):
    result = _check(f"联系：{written}。", lex)
    assert [f.text for f in _only(result, "PII-MOBILE")] == [written], _describe(result)


@pytest.mark.parametrize(
    "written",
    [
        "6222 0212 3456 7890 128",
        "6222-0212-3456-7890-128",
        "6222 0212 3456\n7890 128",
        "6222021234\r\n567890128",
    ],
)
def test_bank_card_across_separators(lex, written):
    assert CARD == "6222021234567890128"
    result = _check(f"材料：{written}。", lex)
    assert [f.text for f in _only(result, "PII-BANKCARD")] == [written], _describe(result)


@pytest.mark.parametrize(
    "text",
    [
        "日期：2023-01-01 2024-12-31，共计 2019 2020 2021 2022 年度。",
        # A table of figures: groups of digits in a row are not a card or a phone number.
        "指标 6222 0212 3456 7890 1280 5513 3321\n合计 1380 0138 0001 2345",
        "产值 1380 0138 000 万元，增长 3.5%。",
        "文号 2023 0101 0001 0002，页码 138 0013 8000 9",
        # Mixed separators are not how anyone writes a number.
        "6222 0212-3456 7890-128",
        "110101 19000101-1236",
    ],
)
def test_grouped_figures_are_not_personal_data(lex, text):
    result = _check(text, lex)
    assert [f for f in result.findings if f.rule_id.startswith("PII")] == [], _describe(result)


def test_masking_a_number_written_with_separators():
    assert mask("110101 19000101\n1236", "PII-ID") == "11" + "*" * 13 + "236"
    assert mask("138 0013\r\n8000", "PII-MOBILE") == "138****8000"
    assert mask("6222 0212 3456 7890 128", "PII-BANKCARD") == "6222" + "*" * 11 + "0128"


# --- 2. Personal data judged as a person would -------------------------------------------------


@pytest.mark.parametrize(
    "first17",
    [
        "37130219850307123",  # county codes newer than the birth year: python-stdnum says no
        "62090219900101123",
        "15020419800101123",
        "37020219750101123",
    ],
)
def test_real_id_with_a_newer_county_code_is_blocking(lex, first17):
    number = _id(first17)
    result = _check(f"申请人 {number} 已登记。", lex)
    assert [(f.rule_id, f.severity) for f in result.findings] == [("PII-ID", Severity.BLOCKING)]


def test_id_with_right_check_digit_but_odd_birth_date_is_blocking_with_a_note(lex):
    number = _id("99010520851307123")  # unknown province, month 13
    (finding,) = _check(f"编号 {number} 。", lex).findings
    assert (finding.rule_id, finding.severity) == ("PII-ID", Severity.BLOCKING)
    assert "出生日期" in finding.message or "地区" in finding.message


@pytest.mark.parametrize("word", ["身份证", "身份证号", "身份证号码：", "公民身份号码", "身份证号为"])
def test_id_with_wrong_check_digit_next_to_the_word_is_blocking(lex, word):
    number = _wrong_check(_id("37130219850307123"))
    result = _check(f"张某，{word}{number}，住址略。", lex)
    assert [(f.rule_id, f.severity) for f in result.findings] == [("PII-ID", Severity.BLOCKING)]
    assert result.findings[0].text == number


def test_id_with_wrong_check_digit_alone_stays_a_hint(lex):
    number = _wrong_check(_id("37130219850307123"))
    result = _check(f"编号{number}。", lex)
    assert [(f.rule_id, f.severity) for f in result.findings] == [("PII-ID-SUSPECT", Severity.INFO)]


@pytest.mark.parametrize("word", ["银行卡号", "银行卡", "卡号：", "账号", "开户账号："])
def test_card_failing_luhn_after_a_card_word_is_blocking(lex, word):
    number = "6217001234567890123"  # Luhn fails
    result = _check(f"补贴发放至{word}{number}。", lex)
    cards = _only(result, "PII-BANKCARD")
    assert [(f.text, f.severity) for f in cards] == [(number, Severity.BLOCKING)], _describe(result)


def test_card_failing_luhn_far_from_any_card_word_is_not_reported(lex):
    result = _check("银行卡的发放工作已经全面完成，本年度共计编号6217001234567890123。", lex)
    assert _only(result, "PII-BANKCARD") == []


def test_masking_the_newly_judged_numbers(lex):
    number = _wrong_check(_id("37130219850307123"))
    (finding,) = _check(f"身份证号：{number}", lex).findings
    assert mask(finding.text, finding.rule_id) == number[:2] + "*" * 13 + number[-3:]
    card = _only(_check("银行卡号 6217 0012 3456 7890 123", lex), "PII-BANKCARD")[0]
    assert mask(card.text, card.rule_id) == "6217" + "*" * 11 + "0123"


# --- 3. Markings by where they stand ----------------------------------------------------------


def _blocking(result: CheckResult) -> list[tuple[str, str]]:
    return [(f.rule_id, f.text) for f in result.findings if f.severity is Severity.BLOCKING]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("密级：秘密 保密期限：1年", "密级：秘密 保密期限：1年"),
        ("密级：机密", "密级：机密"),
        ("秘密级", "秘密级"),
        ("仅限局领导班子成员阅，用后收回", "仅限局领导班子成员阅"),
        ("仅限县处级以上领导干部传达", "仅限县处级以上领导干部传达"),
        ("用后收回", "用后收回"),
        ("注意保存", "注意保存"),
    ],
)
def test_marking_variants_on_a_line_of_their_own_are_blocking(lex, line, found):
    text = f"示例市人民政府办公室\n\n{line}\n\n关于做好年度工作的通知\n各单位：\n现将有关事项通知如下。\n"
    result = _check(text, lex)
    assert any(f.text == found and f.severity is Severity.BLOCKING for f in result.findings), _describe(
        result
    )


def test_marking_at_the_top_next_to_the_title_is_blocking(lex):
    text = "内部资料    关于调整会议安排的通知\n各单位：\n现将有关事项通知如下。\n"
    assert ("LEX", "内部资料") in _blocking(_check(text, lex))


def test_marking_in_a_docx_header_is_blocking(lex):
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    document.add_paragraph("关于做好年度工作的通知")
    document.add_paragraph("各单位要加强日常管理，确保各项工作落实到位。")
    out = io.BytesIO()
    document.save(out)
    result = check_bytes("通知.docx", out.getvalue(), lex, NO_NAMES)
    blocking = [f for f in result.findings if f.severity is Severity.BLOCKING]
    assert any(f.text == "内部资料" and f.channel is Channel.HEADER_FOOTER for f in blocking), _describe(
        result
    )


@pytest.mark.parametrize(
    "prose",
    [
        "一是抓好总量控制、解决群众诉求、单位内部资料管理、内部事务公开执行等工作。",
        "对涉及国家秘密、商业秘密、个人隐私，要加强管理，严格审查。",
        "全年共确定秘密级国家秘密事项12项，对注意保存的文件及时清退。",
        "会上强调，相关材料仅限内部使用，用后收回的文件要及时登记。",
        "各单位不得以内部文件代替正式公开，做好涉密人员管理。",
    ],
)
def test_the_same_words_in_running_prose_are_at_most_a_hint(lex, prose):
    text = f"关于2025年政务公开工作的报告\n\n{'今年以来，我们认真贯彻落实条例要求。' * 3}\n{prose}\n下一步，我们将继续做好有关工作。\n"
    result = _check(text, lex)
    assert [f for f in result.findings if f.severity is not Severity.INFO] == [], _describe(result)


@pytest.mark.parametrize("sentence", ["本文件为内部资料，请妥善保管。", "本录音整理稿为内部资料，请勿外传。"])
def test_a_document_declaring_its_own_marking_in_a_sentence_is_blocking(lex, sentence):
    text = f"关于2025年政务公开工作的报告\n\n{'今年以来，我们认真贯彻落实条例要求。' * 3}\n{sentence}\n"
    result = _check(text, lex)
    assert any(f.text == "内部资料" and f.severity is Severity.BLOCKING for f in result.findings), _describe(
        result
    )


def test_star_markings_stay_blocking_wherever_they_stand(lex):
    result = _check("关于报告的说明\n" + "正文。" * 30 + "本件按机密★10年管理。", lex)
    assert ("MARK-LEVEL", "机密★10年") in _blocking(result)


# --- 4. Real published documents: no false alarm ----------------------------------------------


def _domain_documents() -> list[Path]:
    return sorted(DOMAIN.glob("*.txt"))


@pytest.mark.skipif(not DOMAIN.is_dir(), reason="shared/domain is not beside the repository")
def test_real_published_reports_have_no_blocking_finding_and_at_most_one_warning(lex):
    documents = _domain_documents()
    assert len(documents) == 5
    for path in documents:
        result = check_bytes(path.name, path.read_bytes(), lex)
        assert _blocking(result) == [], (path.name, _describe(result))
        warnings = [f for f in result.findings if f.severity is Severity.WARNING]
        assert len(warnings) <= 1, (path.name, _describe(result))


_PUBLISHED_PARAGRAPHS = [
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步推进政务公开标准化规范化建设，结合本地实际，制定本方案。",
    "各单位要建立健全政府信息公开保密审查机制，坚持“先审查、后公开”和“一事一审”原则，对涉及国家秘密、商业秘密、个人隐私的信息严格把关。",
    "全年主动公开政府信息2,356条，其中规范性文件48件，政策解读86篇，办理依申请公开132件，按期答复率100%。",
    "加强单位内部资料管理和内部事务公开，对内部管理信息、过程性信息依法不予公开。",
    "咨询电话：0531-87654321，监督电话：12345。办公地址：示例市市民中心3号楼。",
    "统计数据如下：2021年 1380 件，2022年 1462 件，2023年 1528 件，2024年 1603 件。",
    "做好涉密人员教育管理，定期开展保密自查，全年未发生失泄密事件。",
    "本方案自2025年1月1日起施行，有效期5年。附件：1.任务分工表 2.工作台账",
]


def _published_style(seed: int) -> str:
    rng = random.Random(seed)
    title = rng.choice(["关于印发2025年政务公开工作要点的通知", "2024年政府信息公开工作年度报告"])
    body = rng.sample(_PUBLISHED_PARAGRAPHS, k=6)
    return "\n".join(
        [
            "示例市人民政府办公室文件",
            f"示政办发〔2025〕{seed}号",
            title,
            "各区（市）人民政府：",
            *body,
            "示例市人民政府办公室",
            "2025年3月15日",
            "（此件公开发布）",
        ]
    )


@pytest.mark.parametrize("seed", range(6))
def test_generated_published_style_documents_have_no_false_alarm(lex, seed):
    text = _published_style(seed)
    for name, data in (("x.txt", text.encode()), ("x.pdf", compose_pdf(text.split("\n")[1:], None))):
        if name.endswith(".pdf") and seed > 1:
            continue  # two PDFs are enough to cover the layout path
        result = check_bytes(name, data, lex)
        assert _blocking(result) == [], _describe(result)
        assert len([f for f in result.findings if f.severity is Severity.WARNING]) <= 1, _describe(result)


# --- 5. Every decided finding is applied at redaction -----------------------------------------


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


def _pdf_with_fake_black_box() -> bytes:
    from tests.planted import FONT, pdf_bytes

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "关于办理情况的公示", fontname=FONT, fontsize=14)
    page.insert_text((72, 140), "经办人手机", fontname=FONT, fontsize=12)
    page.insert_text((140, 140), "13912345678", fontname="helv", fontsize=12)
    # Someone "redacted" the number by drawing a black box over it: the text stays underneath.
    page.draw_rect(pymupdf.Rect(138, 128, 220, 144), color=(0, 0, 0), fill=(0, 0, 0))
    page.insert_text((72, 180), "咨询电话0531-87654321，欢迎监督。", fontname=FONT, fontsize=12)
    return pdf_bytes(doc)


def test_a_decided_warning_under_a_fake_black_box_leaves_the_text_layer(lex, tmp_path):
    data = _pdf_with_fake_black_box()
    result = check_bytes("公示.pdf", data, lex, NO_NAMES)
    mobiles = _only(result, "PII-MOBILE")
    assert mobiles and all(f.severity is not Severity.BLOCKING for f in mobiles), _describe(result)
    as_json = result.to_json()
    for finding in as_json["findings"]:
        finding["decision"] = REMOVE if finding["rule_id"] in ("PII-MOBILE", "PII-PHONE") else None
    plan = plan_from_json(as_json)
    assert "13912345678" in plan.remove
    published = publish_form("公示.pdf", data, plan, lex)
    assert published.verification.ok, published.verification.describe()
    text = _pdftotext(published.pdf, tmp_path)
    assert "13912345678" not in text and b"13912345678" not in published.pdf
    assert "87654321" not in text  # an INFO finding decided for removal goes too
    assert "经办人手机" in text and "欢迎监督" in text


def test_a_masked_info_finding_is_masked_in_the_published_pdf(lex, tmp_path):
    number = _wrong_check(_id("37130219850307123"))
    data = compose_pdf([f"编号{number}。", "其余内容照常公开。"], "公示")
    result = check_bytes("公示.pdf", data, lex, NO_NAMES)
    (suspect,) = _only(result, "PII-ID-SUSPECT")
    assert suspect.severity is Severity.INFO
    plan = RedactionPlan()
    plan.add(suspect, MASK)
    published = publish_form("公示.pdf", data, plan, lex)
    assert published.verification.ok, published.verification.describe()
    text = _pdftotext(published.pdf, tmp_path)
    assert number not in text and number[:2] + "*" * 13 + number[-3:] in text


def test_marking_on_its_own_drawn_line_in_a_pdf_is_blocking_and_prose_is_not(lex):
    prose = "今年以来，各单位认真贯彻落实条例要求，持续推进政务公开工作。" * 4
    data = compose_pdf(
        [prose, prose, "内部资料", prose, "同时加强单位内部资料管理，规范内部事务公开。", prose], "工作情况"
    )
    result = check_bytes("情况.pdf", data, lex, NO_NAMES)
    hits = [(f.severity, f.location.page) for f in result.findings if f.text == "内部资料"]
    assert sorted(s.value for s, _ in hits) == ["blocking", "info"], _describe(result)


def test_numbers_wrapped_across_pdf_lines_are_found_and_removed(lex, tmp_path):
    from tests.planted import FONT, pdf_bytes

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "经核实，申请人张某身份证号1101011900", fontname=FONT, fontsize=12)
    page.insert_text((72, 118), "01011236，特此说明。", fontname=FONT, fontsize=12)
    page.insert_text((72, 150), "联系手机138 0013", fontname=FONT, fontsize=12)
    page.insert_text((72, 168), "8000，工作日接听。", fontname=FONT, fontsize=12)
    data = pdf_bytes(doc)
    result = check_bytes("说明.pdf", data, lex, NO_NAMES)
    found = {f.rule_id: f for f in result.findings if f.rule_id.startswith("PII-")}
    assert found["PII-ID"].text == "1101011900\n01011236"
    assert found["PII-MOBILE"].text == "138 0013\n8000"
    assert len(found["PII-ID"].location.rects) == 2
    plan = RedactionPlan()
    for finding in found.values():
        plan.add(finding, REMOVE)
    published = publish_form("说明.pdf", data, plan, lex)
    assert published.verification.ok, published.verification.describe()
    text = _pdftotext(published.pdf, tmp_path)
    assert "1101011900" not in text and "01011236" not in text and "8000，" not in text
    assert "身份证号，特此说明。" in text and "工作日接听" in text
