"""The period's figures against counts made independently from the generated data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import statistics as stats
from dataclasses import dataclass

import chinese_calendar
import pymupdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from app.db.models import CatalogEntry, Document, User
from app.statistics import figures
from publish.report import table2_pdf, to_csv, to_xlsx
from tests.conftest import submit_draft
from tests.run_day import TODAY

YEAR = 2026
FORMS = ["text", "graphic", "qa", ""]
CATEGORIES = ["综合政务", "城乡建设、环境保护", "卫生、体育"]
TYPES = ["通知", "公告", "意见"]


@dataclass
class Generated:
    written_on: dt.date
    published_on: dt.date
    imported_on: dt.date
    category: str
    doc_type: str
    legal_kind: str
    form: str
    repealed_on: dt.date | None
    withdrawn_on: dt.date | None


def _generate(n: int) -> list[Generated]:
    rng = random.Random(7)
    out = []
    for _ in range(n):
        published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(700))
        written = published - dt.timedelta(days=rng.randrange(60))
        imported = written + dt.timedelta(days=rng.randrange((published - written).days + 1))
        later = published + dt.timedelta(days=rng.randrange(1, 200))
        fate = rng.random()
        out.append(
            Generated(
                written_on=written,
                published_on=published,
                imported_on=imported,
                category=rng.choice(CATEGORIES),
                doc_type=rng.choice(TYPES),
                legal_kind=rng.choice(["rule", "normative", "", ""]),
                form=rng.choice(FORMS),
                repealed_on=later if fate < 0.15 else None,
                withdrawn_on=later if 0.15 <= fate < 0.22 else None,
            )
        )
    return out


@pytest.fixture
def generated(workspace, people):
    items = _generate(300)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        # Bulk INSERTs, past the session's unit of work: what the figures read are these tables. Added
        # one by one, the audit trail's commit hook would record a state event for each of the 300
        # documents the desk did not write (seconds a test, and nothing here reads them).
        doc_ids = s.scalars(
            insert(Document).returning(Document.id, sort_by_parameter_order=True),
            [
                {
                    "title": f"文件{n}", "department_id": clerk.department_id, "disclosure": "proactive",
                    "status": "published", "version": 1, "created_by_id": clerk.id,
                    "created_at": dt.datetime.combine(g.imported_on, dt.time(10)),
                }
                for n, g in enumerate(items, start=1)
            ],
        ).all()  # fmt: skip
        s.execute(
            insert(CatalogEntry),
            [
                {
                    "index_no": f"G/{n:05d}", "document_id": doc_id, "department_id": clerk.department_id,
                    "title": f"文件{n}", "publisher": "测试市数据局", "written_on": g.written_on,
                    "published_on": g.published_on, "doc_number": "", "category": g.category,
                    "doc_type": g.doc_type, "keywords": json.dumps([]), "summary": "", "disclosure": "proactive",
                    "scope": "全社会", "published_sha256": "0" * 64, "legal_kind": g.legal_kind,
                    "interpretation_form": g.form, "validity": "repealed" if g.repealed_on else "valid",
                    "validity_changed_on": g.repealed_on,
                    "status": "withdrawn" if g.withdrawn_on else "published", "withdrawn_on": g.withdrawn_on,
                }
                for n, (g, doc_id) in enumerate(zip(items, doc_ids, strict=True), start=1)
            ],
        )  # fmt: skip
    return items


def _workdays(first: dt.date, last: dt.date) -> int:
    """Independently: the calendar's own list of working days after `first` up to `last`."""
    return len(chinese_calendar.get_workdays(first + dt.timedelta(days=1), last)) if last > first else 0


def _in_force(items, kind, day):
    return sum(
        1
        for g in items
        if g.legal_kind == kind
        and g.written_on <= day
        and not (g.repealed_on and g.repealed_on <= day)
        and not (g.withdrawn_on and g.withdrawn_on <= day)
    )


def test_figures_match_independent_counts(workspace, generated):
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    in_year = [g for g in generated if start <= g.published_on <= end]
    with workspace.db.read() as s:
        result = figures(s, start, end)
    assert result.published == len(in_year)
    assert dict(result.by_category) == {
        c: sum(g.category == c for g in in_year) for c in CATEGORIES if any(g.category == c for g in in_year)
    }
    assert dict(result.by_doc_type) == {
        t: sum(g.doc_type == t for g in in_year) for t in TYPES if any(g.doc_type == t for g in in_year)
    }
    assert sum(n for _, n in result.by_month) == len(in_year)
    forms = {f: sum(g.form == f for g in in_year) for f in FORMS if f}
    assert dict(result.interpretations_by_form) == {f: n for f, n in forms.items() if n}
    assert result.withdrawn == sum(1 for g in generated if g.withdrawn_on and start <= g.withdrawn_on <= end)
    for kind in ("rule", "normative"):
        counts = result.legal[kind]
        # 本年制发: by 成文日期, not by 发布日期
        assert counts.issued == sum(g.legal_kind == kind and start <= g.written_on <= end for g in generated)
        assert counts.abolished == sum(
            1 for g in generated if g.legal_kind == kind and g.repealed_on and start <= g.repealed_on <= end
        )
        assert counts.in_force == _in_force(generated, kind, end)
        assert counts.in_force_before == _in_force(generated, kind, start - dt.timedelta(days=1))
        assert counts.identity_holds
    days = sorted(_workdays(g.imported_on, g.published_on) for g in in_year)
    median = days[(len(days) + 1) // 2 - 1]  # nearest rank, as the desk reports it
    assert result.days_to_publish is not None and result.days_to_publish[0] == median
    assert result.days_to_publish[1] == days[-(-len(days) * 9 // 10) - 1]
    assert abs(result.days_to_publish[0] - stats.median(days)) <= 1
    overdue = sum(
        1
        for g in in_year
        if len(chinese_calendar.get_workdays(g.written_on + dt.timedelta(days=1), g.published_on)) > 20
    )
    assert result.overdue == overdue


def test_reports_in_every_format(workspace, generated, tmp_path):
    with workspace.db.read() as s:
        result = figures(s, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    rows = list(csv.reader(io.StringIO(to_csv(result).decode("utf-8-sig"))))
    assert rows[0] == ["指标", "分项", "数值"]
    assert ["主动公开信息数", "合计", str(result.published)] in rows
    book = load_workbook(io.BytesIO(to_xlsx(result)))
    table2 = book["表二 主动公开"]
    cells = [[c.value for c in row] for row in table2.iter_rows()]
    # Laid out as the format prescribes: a heading per item of Art. 20, its columns, its rows.
    assert cells[0][0] == "第二十条第（一）项"
    assert cells[1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert cells[2] == [
        "规章",
        result.legal["rule"].issued,
        result.legal["rule"].abolished,
        result.legal["rule"].in_force,
    ]
    assert cells[4][0] == "第二十条第（五）项" and cells[5][:2] == ["信息内容", "本年处理决定数量"]
    assert cells[6][:2] == ["行政许可", None]  # not counted by the desk: left for manual entry
    assert cells[7][0] == "第二十条第（六）项" and [r[0] for r in cells[9:11]] == ["行政处罚", "行政强制"]
    assert cells[11][0] == "第二十条第（八）项" and cells[12][1] == "本年收费金额（单位：万元）"
    assert cells[13][:2] == ["行政事业性收费", None]
    with pymupdf.open("pdf", table2_pdf(result)) as pdf:
        text = "".join(page.get_text() for page in pdf)
    assert "本年制发件数" in text and "行政规范性文件" in text and "请人工填写" in text
    assert str(result.legal["normative"].in_force) in text


def test_findings_and_redactions_of_the_period_and_the_report_command(
    workspace, people, sample_files, tmp_path
):
    import subprocess
    import sys
    from collections import Counter
    from pathlib import Path

    from app import documents
    from app.checking import check_document, latest_run
    from app.reviewing import Conclusion, approve, decide
    from publish.taxonomy import LegalBasis
    from tests.conftest import desk_args

    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["pdf"])
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    made: Counter[tuple[str, str]] = Counter()
    bases: Counter[str] = Counter()
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        run = latest_run(s, doc_id)
        assert run is not None
        for finding in run.findings:
            if finding.severity != "blocking":
                made[(finding.category, "")] += 1
                continue
            basis = (
                LegalBasis.STATE_SECRET
                if finding.rule_id.startswith("MARK")
                else LegalBasis.THIRD_PARTY_RIGHTS
            )
            decide(s, reviewer, finding.id, "remove", basis=basis)
            made[(finding.category, "remove")] += 1
            bases[basis.value] += 1
    approve(
        workspace.db,
        people.reviewer,
        doc_id,
        None,
        Conclusion.DISCLOSE_REDACTED,
        "删减后公开",
        workspace.paths.cache_dir,
    )
    today = TODAY
    with workspace.db.read() as s:
        result = figures(s, dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    assert Counter({(c, d): n for c, d, n in result.findings}) == made
    assert dict(result.redactions_by_basis) == dict(bases)

    out = tmp_path / "report.xlsx"
    root = Path(__file__).resolve().parents[1]
    r = subprocess.run(
        [sys.executable, "main.py", *desk_args(workspace), "--user", "publisher", "report", "--format", "xlsx",
         "--department", "TEST00001", "-o", str(out)],
        cwd=root, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "DESK_PASSWORD": "test-password-1", "HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert load_workbook(out)["统计"]["A1"].value == "指标"
    r = subprocess.run(
        [sys.executable, "main.py", *desk_args(workspace), "--user", "publisher", "report", "--department", "无此部门",
         "-o", str(out)],
        cwd=root, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "DESK_PASSWORD": "test-password-1", "HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )  # fmt: skip
    assert r.returncode == 2 and "没有名称或代码" in r.stderr


def test_statistics_window_shows_charts_tables_and_exports(qtbot, desk_app, workspace, generated, tmp_path):
    from app.ui.statistics_view import StatisticsWindow

    window = StatisticsWindow(workspace.db)
    qtbot.addWidget(window)
    window.year.setValue(YEAR)
    window.compute()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=30_000)
    in_year = sum(1 for g in generated if g.published_on.year == YEAR)
    assert f"主动公开 {in_year} 条" in window.summary.text()
    assert window.by_month.points and sum(n for _, n in window.by_month.points) == in_year
    assert {label for label, _ in window.by_category.items} <= set(CATEGORIES)
    assert window.table.rowCount() == len(window.figures.rows())
    target = tmp_path / "stats.csv"
    window.choose_save_path = lambda *_args: str(target)
    assert window.exports[2].isEnabled() and window.export("csv", to_csv)
    assert target.read_bytes().startswith("\ufeff指标".encode())


def test_statistics_window_shows_table3(qtbot, desk_app, workspace, people):
    from app.db.models_requests import InfoRequest
    from app.ui.statistics_view import StatisticsWindow

    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        for i, (name, ref, outcome) in enumerate((("甲", "供暖方案", "disclosed"), ("乙", "供暖方案", None))):
            s.add(
                InfoRequest(
                    department_id=clerk.department_id, number=f"T-{i}", applicant_kind="person",
                    applicant_name=name, applicant_contact="—", content="x", content_ref=ref, channel="post",
                    received_on=dt.date(2026, 3, 2), status="answered" if outcome else "registered",
                    outcome=outcome, answered_on=dt.date(2026, 3, 9) if outcome else None, created_by_id=clerk.id,
                )
            )  # fmt: skip
    window = StatisticsWindow(workspace.db)
    qtbot.addWidget(window)
    window.year.setValue(2026)
    window.compute()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=30_000)
    cells = {
        window.table3.item(r, 1).text(): window.table3.item(r, 8).text()
        for r in range(window.table3.rowCount())
    }
    assert cells["（一）予以公开"] == "1" and cells["（七）总计"] == "1"
    assert (
        window.table3.item(0, 0).text() == "一、本年新收政府信息公开申请数量"
        and window.table3.item(0, 8).text() == "2"
    )
    note = window.requests_note.text()
    assert "每一列一致" in note and "供暖方案：2 件申请，2 个申请人" in note and "甲" not in note
