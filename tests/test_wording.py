"""Issue 17: 错敏 and 表述 — rule packs, leaders by date, fixed expressions, wrong and outdated
forms, form and links; planted errors found in text, PDF and DOCX (across line breaks too), each
with its suggestion and place; correct text and the domain's reports stay quiet."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path

import pytest

from review.compose import compose_pdf
from review.engine import CheckOptions, check_bytes
from review.lexicon import CompiledLexicon, Lexicon
from review.model import CheckResult, Finding, Severity
from review.normalize import normalize
from review.samples import clean_notice
from review.wording import MAX_DFA, CompiledRulePack, compiled, load, shipped_sources
from review.wording.fixed import MIN_FUZZY, one_edit_inside
from review.wording.packs import PACK_DIR

DOMAIN = Path(__file__).resolve().parents[2] / "shared" / "domain"
DAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def lex() -> CompiledLexicon:
    return CompiledLexicon.build(Lexicon())


def _check(text: str, lex: CompiledLexicon, on: dt.date | None = DAY, **options: object) -> CheckResult:
    opts = CheckOptions(names_near_personal_data=False, document_date=on, **options)  # type: ignore[arg-type]
    return check_bytes("x.txt", text.encode(), lex, opts)


def _wording(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if f.rule_id.startswith("WORD-")]


def _describe(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    return [(f.rule_id, f.severity.value, f.text, f.message) for f in findings]


def test_a_department_pack_too_large_for_a_dfa_finds_what_a_small_one_finds():
    """Past MAX_DFA patterns the automata are NFAs (a DFA grows some 7 MB a thousand): same hits."""
    rows = "".join(f"错写{i:05d}号,正写{i:05d}号,错别字,警告,,本地\n" for i in range(MAX_DFA))
    big = compiled((("本地错字.csv", f"错误写法,应为,类别,级别,例外,来源\n{rows}".encode()),))
    text = "要再接再励，把错写00042号改好；人力资源社会保障部印发。"
    norm = normalize(text)

    def hits(pack: CompiledRulePack) -> list[tuple[str, str]]:
        return [
            (h.rule_id, text[slice(*norm.original_span(h.start, h.end))]) for h in pack.find(norm, text, DAY)
        ]

    assert len(big._words) > MAX_DFA
    assert hits(compiled()) == [("WORD-WRONG", "再接再励")]
    assert hits(big) == [("WORD-WRONG", "再接再励"), ("WORD-WRONG", "错写00042号")]


# --- rule packs ---------------------------------------------------------------------------------


def test_shipped_packs_load_without_problems_and_cite_their_sources():
    pack = load(shipped_sources())
    assert pack.issues == []
    assert len(pack.tenures) > 40 and len(pack.expressions) > 50 and len(pack.wrong_forms) > 50
    facts = [*pack.tenures.values(), *pack.precedence.values(), *pack.expressions.values()]
    facts += [*pack.wrong_forms.values(), *pack.outdated.values(), *pack.posts.values()]
    assert all(row.source.strip() for row in facts), [r for r in facts if not r.source.strip()]
    # Every leader's post is a known post, so its aliases and short forms apply.
    assert {t.post for t in pack.tenures.values()} <= set(pack.posts)


def test_local_files_merge_over_the_shipped_ones_and_change_the_version():
    shipped = compiled()
    local = (
        ("本地.csv", "规范写法,类别,级别,来源\n中华人民共和国,国名,停用,\n".encode()),
        (
            "领导.csv",
            "姓名,职务,起,止,来源\n张示例,示例市市长,2024-01-01,,示例市人大常委会公告\n".encode(),
        ),
        ("职务.csv", "职务,别称,简称,简称专指,来源\n示例市市长,,市长,否,\n".encode()),
    )
    mine = compiled(local)
    assert mine.version != shipped.version
    assert compiled(local) is mine  # compiled once per set of files
    text = "中华人民共合国成立以来，示例市市长张示列出席。"
    norm = normalize(text)
    found = {h.rule_id: h for h in mine.find(norm, text, DAY)}
    assert "WORD-FIXED" not in found  # switched off locally
    assert found["WORD-LEADER-NAME"].message.endswith("应为“示例市市长张示例”")
    assert {h.rule_id for h in shipped.find(norm, text, DAY)} == {"WORD-FIXED"}


def test_problems_in_a_pack_file_are_reported_with_their_line_and_the_rest_loads():
    content = (
        "# 注释\n"
        "姓名,职务,起,止,来源\n"
        "张三,示例市市长,2024-13-01,,来源\n"
        "李四,示例市市长,2024-01-01,2023-01-01,来源\n"
        "王五,示例市市长,2024-01-01,,来源\n"
    ).encode()
    pack = load([("leaders.csv", content), ("x.csv", "什么,列\n".encode()), ("y.csv", b"\xff\xfe")])
    assert [(i.file, i.line) for i in pack.issues] == [
        ("leaders.csv", 3),
        ("leaders.csv", 4),
        ("x.csv", 1),
        ("y.csv", 0),
    ]
    assert "2024-13-01" in pack.issues[0].message
    assert [t.name for t in pack.tenures.values()] == ["王五"]


def test_no_two_fixed_expressions_are_one_edit_apart():
    """Correct text of one expression must never read as a typo of another."""
    keys = [normalize(e.text).text for e in load(shipped_sources()).expressions.values() if e.severity]
    keys = [k for k in keys if len(k) >= MIN_FUZZY]
    close = [(a, b) for a, b in itertools.permutations(keys, 2) if one_edit_inside(a, b)]
    assert close == []


def test_one_edit_inside():
    assert one_edit_inside("中华人民共合国", "中华人民共和国")
    assert one_edit_inside("中华人民和国", "中华人民共和国")  # a character missing
    assert one_edit_inside("中华人民共共和国", "中华人民共和国")  # one too many
    assert not one_edit_inside("中华人民共和国", "中华人民共和国")
    assert not one_edit_inside("中华人民共和图", "中华人民共和国")  # the last character: not counted
    assert not one_edit_inside("住房和城乡建设局", "住房和城乡建设部")
    assert not one_edit_inside("中华人民共1国", "中华人民共和国")  # a digit is no typo of a hanzi
    assert not one_edit_inside("中华人民共合图", "中华人民共和国")


# --- planted errors: every kind, with its suggestion ------------------------------------------

PLANTED = [
    # (written, rule, severity, suggestion in the message)
    ("中华人民共合国", "WORD-FIXED", Severity.BLOCKING, "应为“中华人民共和国”"),
    ("中华人民和国", "WORD-FIXED", Severity.BLOCKING, "应为“中华人民共和国”"),
    ("美利坚和众国", "WORD-FIXED", Severity.BLOCKING, "应为“美利坚合众国”"),
    ("国家发展和改草委员会", "WORD-FIXED", Severity.WARNING, "应为“国家发展和改革委员会”"),
    (
        "中华人民共和国政府信息工开条例",
        "WORD-FIXED",
        Severity.WARNING,
        "应为“中华人民共和国政府信息公开条例”",
    ),
    ("社会主义核新价值观", "WORD-FIXED", Severity.WARNING, "应为“社会主义核心价值观”"),
    ("国务院总理李克强", "WORD-LEADER-POST", Severity.BLOCKING, "应为“国务院总理李强”"),
    ("国务院总理李墙", "WORD-LEADER-NAME", Severity.BLOCKING, "应为“国务院总理李强”"),
    ("习近乎总书记", "WORD-LEADER-NAME", Severity.BLOCKING, "应为“习近平总书记”"),
    ("李克强总书记", "WORD-LEADER-POST", Severity.BLOCKING, "应为“习近平总书记”"),
    ("李强、习近平、赵乐际", "WORD-LEADER-ORDER", Severity.WARNING, "应为“习近平、李强、赵乐际”"),
    ("当前正处于“十三五”", "WORD-OUTDATED", Severity.WARNING, "应为“十四五”"),
    ("今年是“十四五”开局之年", "WORD-OUTDATED", Severity.WARNING, "应为“十五五”"),
    (
        "全面建成小康社会的决胜阶段",
        "WORD-OUTDATED",
        Severity.WARNING,
        "应为“全面建设社会主义现代化国家新征程”",
    ),
    ("国务院扶贫办", "WORD-OUTDATED", Severity.WARNING, "应为“农业农村部（加挂国家乡村振兴局牌子）”"),
    ("国家卫生计生委", "WORD-OUTDATED", Severity.WARNING, "应为“国家卫生健康委”"),
    ("示政办发[2019]8号", "WORD-DOCNO", Severity.INFO, "应为“〔2019〕8号”"),
    ("示政办发(2019)8号", "WORD-DOCNO", Severity.INFO, "应为“〔2019〕8号”"),
    ("示政办发【2019】8号", "WORD-DOCNO", Severity.INFO, "应为“〔2019〕8号”"),
    ("再接再励", "WORD-WRONG", Severity.WARNING, "应为“再接再厉”"),
    ("迫不急待", "WORD-WRONG", Severity.WARNING, "应为“迫不及待”"),
    ("不径而走", "WORD-WRONG", Severity.WARNING, "应为“不胫而走”"),
    ("按装", "WORD-WRONG", Severity.WARNING, "应为“安装”"),
    ("台湾总统", "WORD-WRONG", Severity.BLOCKING, "应为“台湾地区领导人”"),
]


def _sentence(written: str) -> str:
    return f"各部门要认真研究{written}有关事项并抓好落实。"


@pytest.mark.parametrize(("written", "rule", "severity", "suggestion"), PLANTED)
def test_planted_error_in_text_is_found_with_its_suggestion_and_place(
    lex, written, rule, severity, suggestion
):
    text = "关于做好有关工作的通知\n" + _sentence(written) + "\n"
    found = [f for f in _wording(_check(text, lex)) if f.rule_id == rule]
    assert len(found) == 1, _describe(_wording(_check(text, lex)))
    f = found[0]
    assert f.severity is severity and suggestion in f.message
    assert f.location.line == 2 and f.location.column is not None
    assert f.text in written or written in f.text


@pytest.mark.parametrize(
    ("written", "rule"),
    [
        ("中华人民共\n合国", "WORD-FIXED"),
        ("国务院总理李克\n强", "WORD-LEADER-POST"),
        ("国务院总\n理李墙", "WORD-LEADER-NAME"),
        ("再接\n再励", "WORD-WRONG"),
        ("国务院扶\r\n贫办", "WORD-OUTDATED"),
    ],
)
def test_planted_error_across_a_line_break_in_text(lex, written, rule):
    found = [f for f in _wording(_check(_sentence(written), lex)) if f.rule_id == rule]
    assert len(found) == 1
    assert found[0].text == written  # the original span, line break and all


def test_every_planted_error_in_one_pdf_is_found_on_its_page(lex):
    paragraphs = [_sentence(written) for written, *_ in PLANTED]
    pdf = compose_pdf(paragraphs, "关于做好有关工作的通知")
    result = check_bytes("x.pdf", pdf, lex, CheckOptions(names_near_personal_data=False, document_date=DAY))
    found = _wording(result)
    for written, rule, severity, suggestion in PLANTED:
        hits = [f for f in found if f.rule_id == rule and suggestion in f.message]
        assert hits, (written, _describe(found))
        assert all(f.location.page is not None and f.location.rects for f in hits)
        assert all(f.severity is severity for f in hits)


def test_planted_errors_straddling_a_wrapped_pdf_line(lex):
    """The error is moved along a wrapped paragraph until it crosses a line: found with a
    rectangle on each line."""
    straddled = set()
    for written, rule in [("中华人民共合国", "WORD-FIXED"), ("国务院总理李克强", "WORD-LEADER-POST")]:
        for filler in range(28, 42):
            para = "为" * filler + written + "的有关工作作出部署。"
            pdf = compose_pdf([para])
            result = check_bytes(
                "x.pdf", pdf, lex, CheckOptions(names_near_personal_data=False, document_date=DAY)
            )
            hits = [f for f in _wording(result) if f.rule_id == rule]
            assert len(hits) == 1, (filler, _describe(_wording(result)))
            if len(hits[0].location.rects) == 2:
                straddled.add(rule)
    assert straddled == {"WORD-FIXED", "WORD-LEADER-POST"}


def _docx(paragraphs: list[list[str]]) -> bytes:
    """Each paragraph a list of pieces joined by soft line breaks."""
    import docx

    document = docx.Document()
    for pieces in paragraphs:
        run = document.add_paragraph().add_run(pieces[0])
        for piece in pieces[1:]:
            run.add_break()
            run.add_text(piece)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_every_planted_error_in_a_docx_is_found_in_its_paragraph(lex):
    data = _docx([[_sentence(w)] for w, *_ in PLANTED] + [["各部门要认真研究中华人民共", "合国有关事项。"]])
    result = check_bytes("x.docx", data, lex, CheckOptions(names_near_personal_data=False, document_date=DAY))
    found = _wording(result)
    for i, (written, rule, _severity, suggestion) in enumerate(PLANTED):
        hits = [
            f for f in found if f.rule_id == rule and suggestion in f.message and f.location.paragraph == i
        ]
        assert hits, (written, _describe(found))
    across = [f for f in found if f.location.paragraph == len(PLANTED) and f.rule_id == "WORD-FIXED"]
    assert len(across) == 1 and across[0].text == "中华人民共\n合国"


def test_links_are_listed_with_their_place_and_never_fetched(lex):
    text = "详见中国政府网（https://www.gov.cn/zhengce/content.htm），或登录www.qingdao.gov.cn查询。\n"
    found = [f for f in _wording(_check(text, lex)) if f.rule_id == "WORD-LINK"]
    assert [(f.text, f.severity) for f in found] == [
        ("https://www.gov.cn/zhengce/content.htm", Severity.INFO),
        ("www.qingdao.gov.cn", Severity.INFO),
    ]
    assert found[0].location.line == 1 and found[0].term == "https://www.gov.cn/zhengce/content.htm"


def test_form_punctuation(lex):
    text = "我们要做好工作,抓好落实;确保实效。。请于“十五日前报送。《通知）》\n"
    kinds = {(f.rule_id, f.text) for f in _wording(_check(text, lex))}
    assert ("WORD-PUNCT-HALF", ",") in kinds and ("WORD-PUNCT-HALF", ";") in kinds
    assert ("WORD-PUNCT-DOUBLE", "。。") in kinds
    assert ("WORD-PUNCT-PAIR", "“") in kinds and ("WORD-PUNCT-PAIR", "）") in kinds


def test_many_of_one_form_kind_are_listed_up_to_ten(lex):
    text = "".join(f"第{i}项工作,要抓好。" for i in range(30))
    found = [f for f in _wording(_check(text, lex)) if f.rule_id == "WORD-PUNCT-HALF"]
    assert len(found) == 10 and "另有 20 处" in found[-1].message


# --- correct text stays quiet ------------------------------------------------------------------

CORRECT = [
    "中华人民共和国成立以来，特别是党的十八大以来，以习近平同志为核心的党中央团结带领全国各族人民，"
    "坚持和发展中国特色社会主义，全面建设社会主义现代化国家。",
    "习近平总书记强调，要坚持以人民为中心的发展思想。国务院总理李强主持召开国务院常务会议。",
    "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希、韩正等出席大会。",
    "国家主席习近平同美利坚合众国总统通电话。全国人大常委会委员长赵乐际、全国政协主席王沪宁出席。",
    "中共中央总书记、国家主席、中央军委主席习近平发表重要讲话。国务院副总理丁薛祥、何立峰、张国清、刘国中出席。",
    "“十四五”时期，我市经济社会发展取得新成就。“十三五”期间累计完成投资1200亿元。",
    "依据《中华人民共和国政府信息公开条例》和《党政机关公文处理工作条例》，印发《示例市政务公开工作要点》"
    "（示政办发〔2026〕8号）。",
    "2018年3月，国务院总理李克强在政府工作报告中提出要求；原国务院扶贫办、原国家卫生计生委的职责已调整。",
    "市住房和城乡建设局、市人力资源和社会保障局、市卫生健康委员会、市市场监督管理局按职责分工负责。",
    "坚持全面从严治党，全面从严治警。粤港澳大湾区和京津冀协同发展取得新进展。构建人类命运共同体。",
    "按装修标准做好验收，再接再厉，推动高质量发展。截至目前，已完成年度任务。",
    # Official short forms one character short of the full name, and a phrase made with 的.
    "人力资源社会保障部、住房城乡建设部、国家发展改革委员会联合印发通知，为实现中华民族的伟大复兴而奋斗。",
    "农业部分地区受灾，文化部门、监察部门加强指导。",
]


def test_correct_text_stays_quiet(lex):
    for text in CORRECT:
        found = [f for f in _wording(_check(text, lex)) if f.severity is not Severity.INFO]
        assert found == [], (text, _describe(found))


def test_a_leader_within_their_term_never_alarms(lex):
    """Every row of the shipped table: post and name, name and short form, at a date in the term."""
    pack = load(shipped_sources())
    packs = compiled()
    for tenure in pack.tenures.values():
        end = tenure.end or DAY
        on = tenure.start + (end - tenure.start) / 2
        post = pack.posts[tenure.post]
        for text in [f"{form}{tenure.name}出席会议。" for form in (post.name, *post.aliases)] + [
            f"{tenure.name}{short}出席会议。" for short in post.shorts
        ]:
            norm = normalize(text)
            assert packs.find(norm, text, on) == [], (text, on)


def test_a_leader_is_judged_by_the_document_date(lex):
    text = "国务院总理李克强主持会议。\n"
    assert _wording(_check(text, lex, dt.date(2020, 5, 1))) == []
    assert [f.rule_id for f in _wording(_check(text, lex, dt.date(2023, 6, 1)))] == ["WORD-LEADER-POST"]
    assert [f.rule_id for f in _wording(_check(text, lex, dt.date(2012, 6, 1)))] == ["WORD-LEADER-POST"]
    # A look back names the past.
    for past in [
        "时任国务院总理李克强",
        "原国务院总理李克强",
        "2019年，国务院总理李克强",
        "国务院总理李克强同志逝世",
    ]:
        assert _wording(_check(past + "。\n", lex)) == [], past


def test_outdated_formulations_look_back_quietly_and_are_dated(lex):
    assert _wording(_check("“十三五”时期取得的成就令人鼓舞。", lex)) == []
    assert _wording(_check("2020年是“十三五”收官之年。", lex)) == []
    assert _wording(_check("当前正处于“十三五”开局之年。", lex, dt.date(2016, 3, 1))) == []
    assert _wording(_check("全面建成小康社会的决胜阶段", lex, dt.date(2019, 1, 1))) == []
    assert _wording(_check("国务院扶贫办", lex, dt.date(2019, 1, 1))) == []
    found = _wording(_check("国务院扶贫办", lex, dt.date(2022, 1, 1)))
    assert [f.message for f in found] == ["过时表述（2021-02-25起不再适用）：应为“国家乡村振兴局”"]
    assert _wording(_check("农业部门要加强指导。", lex)) == []


def test_generated_correct_documents_have_no_blocking_and_few_warnings(lex):
    documents = [clean_notice().data, compose_pdf(CORRECT, "关于学习贯彻有关精神的通知")]
    warnings = 0
    for data in documents:
        result = check_bytes(
            "x.pdf", data, lex, CheckOptions(names_near_personal_data=False, document_date=DAY)
        )
        found = _wording(result)
        assert not [f for f in found if f.severity is Severity.BLOCKING], _describe(found)
        warnings += sum(f.severity is Severity.WARNING for f in found)
    assert warnings <= len(documents)


# The reports' own dates (001 is undated: its newest year is 2009).
DOMAIN_DATES = {
    "000": dt.date(2016, 1, 11),
    "001": dt.date(2010, 1, 1),
    "002": dt.date(2016, 12, 16),
    "003": dt.date(2012, 11, 30),
    "004": dt.date(2018, 2, 13),
}


@pytest.mark.skipif(not DOMAIN.is_dir(), reason="the domain reports are not beside the repository")
@pytest.mark.parametrize("dated", [True, False], ids=["own date", "today"])
def test_domain_reports_have_no_blocking_wording_finding_and_under_one_warning_each(lex, dated):
    files = sorted(DOMAIN.glob("*.txt"))
    assert len(files) == 5
    warnings = 0
    for path in files:
        on = DOMAIN_DATES[path.name[:3]] if dated else None
        result = _check(path.read_text(encoding="utf-8"), lex, on)
        found = _wording(result)
        assert not [f for f in found if f.severity is Severity.BLOCKING], (path.name, _describe(found))
        warnings += sum(f.severity is Severity.WARNING for f in found)
    assert warnings <= len(files)


# --- options and result -------------------------------------------------------------------------


def test_the_check_can_be_switched_off_and_its_version_is_in_the_result(lex):
    text = "中华人民共合国\n"
    on = _check(text, lex)
    assert _wording(on) and on.rulepack_version == compiled().version
    off = _check(text, lex, wording=False)
    assert _wording(off) == [] and off.rulepack_version == ""
    assert CheckResult.from_json(on.to_json()).rulepack_version == on.rulepack_version


def test_an_allowed_phrase_silences_what_lies_inside_it(lex):
    text = "示例再接再励文化传媒有限公司承办。\n"
    assert [f.rule_id for f in _wording(_check(text, lex))] == ["WORD-WRONG"]
    local = (("允许.csv", "短语,说明\n再接再励文化传媒,企业名称，核实无误\n".encode()),)
    assert _wording(_check(text, lex, rulepacks=local)) == []
    # An exception the pack itself lists: 按装修标准 is 按 + 装修.
    assert _wording(_check("按装修标准、按装订册数计算。\n", lex)) == []


def test_pack_directory_holds_only_packs():
    names = sorted(p.name for p in PACK_DIR.iterdir())
    assert names == sorted(
        [
            "posts.csv",
            "leaders.csv",
            "leader_order.csv",
            "expressions.csv",
            "wrong_forms.csv",
            "outdated.csv",
            "allow.csv",
        ]
    )


def test_a_pdf_links_target_is_listed_on_its_page(lex):
    import pymupdf

    with pymupdf.open(stream=compose_pdf(["详见附件。"]), filetype="pdf") as doc:
        doc[0].insert_link(
            {
                "kind": pymupdf.LINK_URI,
                "from": pymupdf.Rect(72, 72, 200, 90),
                "uri": "http://old.example.gov.cn/x",
            }
        )
        data = doc.tobytes()
    result = check_bytes("x.pdf", data, lex, CheckOptions(names_near_personal_data=False, document_date=DAY))
    found = [f for f in _wording(result) if f.rule_id == "WORD-LINK"]
    assert [(f.term, f.location.page) for f in found] == [("http://old.example.gov.cn/x", 0)]
    assert found[0].location.rects


def test_a_long_address_is_listed_with_a_term_a_stored_finding_can_hold(lex):
    url = "https://www.gov.cn/" + "a" * 400
    found = [f for f in _wording(_check(f"详见{url}。", lex)) if f.rule_id == "WORD-LINK"]
    assert len(found) == 1 and found[0].text == url and found[0].term == url[:255]
