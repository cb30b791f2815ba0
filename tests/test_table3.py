"""Table 3 of the yearly report (国办公开办函〔2021〕30号) from 300 generated requests: every cell
against counts this test makes itself, the identity 一 + 二 = 三（七） + 四 per column, and the
第四十四条 candidates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re

from app import cli
from app.db.models import User
from app.db.models_requests import InfoRequest
from app.statistics import figures
from publish.report import table2_pdf, to_csv
from tests.conftest import PASSWORD, desk_args

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
FORMULA = '=HYPERLINK("http://evil.example/","点此")'
KINDS = ["person", "business", "research", "nonprofit", "legal_service", "other_org"]
# Where each outcome counts, written out from the form (not from the code under test).
ROW_OF = {
    "already_public": "（一）予以公开",
    "disclosed": "（一）予以公开",
    "partly": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld_secret": "（三）不予公开 1.属于国家秘密",
    "withheld_law": "（三）不予公开 2.其他法律行政法规禁止公开",
    "withheld_safety": "（三）不予公开 3.危及“三安全一稳定”",
    "withheld_third_party": "（三）不予公开 4.保护第三方合法权益",
    "withheld_internal": "（三）不予公开 5.属于三类内部事务信息",
    "withheld_process": "（三）不予公开 6.属于四类过程性信息",
    "withheld_enforcement": "（三）不予公开 7.属于行政执法案卷",
    "withheld_query": "（三）不予公开 8.属于行政查询事项",
    "not_exist": "（四）无法提供 1.本机关不掌握相关政府信息",
    "not_ours": "（四）无法提供 1.本机关不掌握相关政府信息",
    "needs_creation": "（四）无法提供 2.没有现成信息需要另行制作",
    "still_unclear": "（四）无法提供 3.补正后申请内容仍不明确",
    "complaint": "（五）不予处理 1.信访举报投诉类申请",
    "repeated": "（五）不予处理 2.重复申请",
    "publication": "（五）不予处理 3.要求提供公开出版物",
    "excessive": "（五）不予处理 4.无正当理由大量反复申请",
    "confirmation": "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
    "supplement_lapsed": "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "fee_lapsed": "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_law": "（六）其他处理 3.其他",
    "withdrawn": "（六）其他处理 3.其他",
    "other": "（六）其他处理 3.其他",
}


def generate(seed: int = 19) -> list[dict]:
    """300 requests received from mid-2025 to the end of 2026, closed up to 90 days later (some in
    2027), some still open; a few pieces of information asked for by several applicants."""
    rnd = random.Random(seed)
    out = []
    for i in range(300):
        received = dt.date(2025, 7, 1) + dt.timedelta(days=rnd.randrange(549))
        closed = rnd.random() < 0.85
        outcome = rnd.choice(list(ROW_OF)) if closed else None
        answered = received + dt.timedelta(days=rnd.randrange(91)) if closed else None
        ref = f"信息{rnd.randrange(6)}" if rnd.random() < 0.3 else ""
        out.append(
            dict(
                number=f"{received.year}-{i:04d}",
                kind=rnd.choice(KINDS),
                name=f"申请人{rnd.randrange(40)}",
                received=received,
                outcome=outcome,
                answered=answered,
                ref=ref,
            )
        )
    return out


def expected(requests: list[dict]) -> dict[str, list[int]]:
    def column(select) -> list[int]:
        values = [sum(1 for r in requests if r["kind"] == k and select(r)) for k in KINDS]
        return [*values, sum(values)]

    def closed_by(r, day):
        return r["answered"] is not None and r["answered"] <= day

    table = {
        "一、本年新收政府信息公开申请数量": column(lambda r: START <= r["received"] <= END),
        "二、上年结转政府信息公开申请数量": column(
            lambda r: r["received"] < START and not closed_by(r, START - dt.timedelta(days=1))
        ),
        "四、结转下年度继续办理": column(lambda r: r["received"] <= END and not closed_by(r, END)),
        "（七）总计": column(lambda r: r["answered"] is not None and START <= r["answered"] <= END),
    }
    for label in set(ROW_OF.values()):
        table[label] = column(
            lambda r, label=label: (
                r["answered"] is not None and START <= r["answered"] <= END and ROW_OF[r["outcome"]] == label
            )
        )
    return table


def test_table3_from_300_generated_requests(workspace, people):
    requests = generate()
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        for r in requests:
            s.add(
                InfoRequest(
                    department_id=clerk.department_id,
                    number=r["number"],
                    applicant_kind=r["kind"],
                    applicant_name=r["name"],
                    applicant_contact="—",
                    content="生成的申请",
                    content_ref=r["ref"],
                    channel="online",
                    received_on=r["received"],
                    status="answered" if r["outcome"] else "registered",
                    outcome=r["outcome"],
                    answered_on=r["answered"],
                    created_by_id=clerk.id,
                )
            )
    with workspace.db.read() as s:
        result = figures(s, START, END, s.get_one(User, people.clerk).department_id)
    table = result.requests
    got = {(item or name): values for name, item, values in table.lines()}
    want = expected(requests)
    assert {label: got[label] for label in want} == want
    # Every result row of the form is there, and every generated outcome landed in one of them.
    assert len(table.lines()) == 2 + 21 + 1 + 1
    assert want["（七）总计"][-1] > 150 and want["二、上年结转政府信息公开申请数量"][-1] > 0
    assert want["四、结转下年度继续办理"][-1] > 0
    assert table.identity_holds
    for k in range(7):
        assert (
            got["一、本年新收政府信息公开申请数量"][k] + got["二、上年结转政府信息公开申请数量"][k]
            == got["（七）总计"][k] + got["四、结转下年度继续办理"][k]
        )

    # 第四十四条: one content reference asked for in 2026 by more than one applicant, and disclosable.
    disclosable = (None, "already_public", "disclosed", "partly")
    in_year = [
        r for r in requests if START <= r["received"] <= END and r["ref"] and r["outcome"] in disclosable
    ]
    candidates = {
        ref: (
            sum(1 for r in in_year if r["ref"] == ref),
            len({r["name"] for r in in_year if r["ref"] == ref}),
        )
        for ref in {r["ref"] for r in in_year}
    }
    assert {ref: (n, p) for ref, n, p in table.repeated} == {
        ref: c for ref, c in candidates.items() if c[1] > 1
    }

    rows = list(csv.reader(io.StringIO(to_csv(result).decode("utf-8-sig"))))
    assert [
        "依申请公开（表三）一、本年新收政府信息公开申请数量",
        "",
        str(want["一、本年新收政府信息公开申请数量"][-1]),
    ] in rows
    assert ["依申请公开（表三）", "核对：一 + 二 = 三（七）总计 + 四", "一致"] in rows
    assert not re.search(r"申请人\d", "".join(cell for row in rows for cell in row))  # counts, never names

    import pymupdf

    with pymupdf.open(stream=table2_pdf(result), filetype="pdf") as pdf:
        text = "".join(page.get_text() for page in pdf).replace("\n", "")
    assert "三、收到和处理政府信息公开申请情况" in text and "结转下年度继续办理" in text
    assert "一 + 二 = 三（七）总计 + 四，一致" in text and not re.search(r"申请人\d", text)
    assert "第四十四条" not in text  # the candidates stay in the desk's own statistics


def test_report_command_writes_table3(workspace, people, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        for i, (kind, received, outcome, answered) in enumerate(
            (
                ("person", dt.date(2025, 12, 20), "disclosed", dt.date(2026, 1, 12)),  # 上年结转, answered
                ("business", dt.date(2026, 3, 2), "partly", dt.date(2026, 3, 20)),
                ("person", dt.date(2026, 12, 15), None, None),  # 结转下年度
            )
        ):
            s.add(
                InfoRequest(
                    department_id=clerk.department_id, number=f"R-{i}", applicant_kind=kind,
                    applicant_name=f"钱七{i}", applicant_contact="—", content="x", channel="post",
                    content_ref=FORMULA,
                    received_on=received, status="answered" if outcome else "registered", outcome=outcome,
                    answered_on=answered, created_by_id=clerk.id,
                )
            )  # fmt: skip
    out = tmp_path / "report.xlsx"
    code = cli.run(
        [
            *desk_args(workspace),
            "--user",
            "clerk",
            "report",
            "--year",
            "2026",
            "--format",
            "xlsx",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    from openpyxl import load_workbook

    with workspace.db.read() as s:  # a 第四十四条 candidate named by a formula-like 信息标识 ...
        assert [ref for ref, _, _ in figures(s, START, END).requests.repeated] == [FORMULA]
    book = load_workbook(out)
    cells = [str(c) for row in book["统计"].iter_rows(values_only=True) for c in row if c is not None]
    assert not [c for c in cells if c.startswith("=") or "第四十四条" in c]  # ... is in no exported file
    sheet = book["表三 依申请公开"]
    rows = {(r[0], r[1]): r[2:] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows[("一、本年新收政府信息公开申请数量", None)] == (1, 1, 0, 0, 0, 0, 2)
    assert rows[("二、上年结转政府信息公开申请数量", None)] == (1, 0, 0, 0, 0, 0, 1)
    assert rows[("三、本年度办理结果", "（七）总计")] == (1, 1, 0, 0, 0, 0, 2)
    assert rows[("四、结转下年度继续办理", None)] == (1, 0, 0, 0, 0, 0, 1)
