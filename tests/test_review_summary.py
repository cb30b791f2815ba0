"""The monthly 保密审查汇总表: only the month's and the department's reviews, counted right, and
nothing withheld in it (a name removed from a title is masked as on the record)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pymupdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import cli, documents, users
from app.checking import check_document, latest_run, save_department_lexicon
from app.db.models import Department, Document, Review, User
from app.documents import load_blob
from app.reviewing import decide, refuse
from app.roles import Role
from app.vocabulary import REMOVE
from publish.taxonomy import LegalBasis
from tests.conftest import PASSWORD, approve_clean, desk_args, submit_draft
from tests.run_day import TODAY

NAME = "欧阳明远"
MASKED_TITLE = "关于〔人名，4字〕同志有关情况的通知"  # masked as the record masks a removed lexicon term


def _draft(workspace, tmp_path, clerk_id: int, title: str, body: str) -> int:
    path = tmp_path / f"{title}.txt"
    path.write_text(f"{title}\n\n各有关单位：\n{body}\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, clerk_id, path)
    with workspace.db.write() as s:
        clerk = s.get_one(User, clerk_id)
        documents.update_metadata(
            s, clerk, doc_id, None, title=title, doc_type="通知", written_on=dt.date(2026, 11, 10),
            doc_number="测数〔2026〕3号",
        )  # fmt: skip
        submit_draft(s, clerk, doc_id)
    return doc_id


@pytest.fixture
def month_of_reviews(workspace, people, tmp_path):
    """This month: a refused draft with a removed name in its title and an approved one; last month an
    approved one; this month another department's approved one."""
    with workspace.db.write() as s:
        save_department_lexicon(
            s, s.get_one(User, people.reviewer), f"词条,类别,级别,说明,整词\n{NAME},人名,阻断,,否\n".encode(), "词库.csv"
        )  # fmt: skip
    named = _draft(
        workspace, tmp_path, people.clerk, f"关于{NAME}同志有关情况的通知", f"{NAME}同志的情况说明。"
    )
    check_document(workspace.db, None, named, workspace.paths.cache_dir)
    with workspace.db.write() as s:
        run = latest_run(s, named)
        assert run is not None
        hits = [f.id for f in run.findings if f.text == NAME]
        reviewer = s.get_one(User, people.reviewer)
        for finding_id in hits:
            decide(s, reviewer, finding_id, REMOVE, basis=LegalBasis.THIRD_PARTY_RIGHTS)
    refuse(
        workspace.db, people.reviewer, named, None, LegalBasis.THIRD_PARTY_RIGHTS, "涉及个人隐私，不予公开。"
    )
    approved = _draft(workspace, tmp_path, people.clerk, "关于做好冬季供暖保障工作的通知", "请做好供暖保障。")
    approve_clean(workspace, people.reviewer, approved)
    earlier = _draft(workspace, tmp_path, people.clerk, "关于开展安全生产检查的通知", "请开展检查。")
    approve_clean(workspace, people.reviewer, earlier)
    with workspace.db.write() as s:
        other = s.scalars(select(Department).where(Department.name == "测试市财政局")).one()
        outsider_clerk = users.create_user(
            s, s.get_one(User, people.admin), login="fclerk", display_name="财政经办", password=PASSWORD,
            roles=[Role.CLERK], department=other,
        ).id  # fmt: skip
    elsewhere = _draft(workspace, tmp_path, outsider_clerk, "关于预算公开的通知", "请公开预算。")
    approve_clean(workspace, people.outsider_reviewer, elsewhere)
    with workspace.db.write() as s:  # the third review was made last month
        review = s.scalars(select(Review).where(Review.document_id == earlier)).one()
        last_month = TODAY.replace(day=1) - dt.timedelta(days=1)
        review.reviewed_at = dt.datetime.combine(last_month, dt.time(12))  # UTC: that day in any time zone
    return len(hits)


def _month() -> str:
    return TODAY.strftime("%Y-%m")


def _export(workspace, capsys, monkeypatch, tmp_path, fmt: str) -> tuple[int, bytes, str]:
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    out = tmp_path / f"汇总.{fmt}"
    code = cli.run(
        [
            *desk_args(workspace),
            "--user",
            "reviewer",
            "review-summary",
            _month(),
            "--format",
            fmt,
            "-o",
            str(out),
        ]
    )
    return code, out.read_bytes() if out.exists() else b"", capsys.readouterr().out


def test_summary_holds_the_months_reviews_of_the_department_without_what_was_withheld(
    workspace, people, month_of_reviews, capsys, monkeypatch, tmp_path
):
    code, data, said = _export(workspace, capsys, monkeypatch, tmp_path, "csv")
    assert code == 0 and "审查 2 件" in said
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[1], rows[2:]
    assert len(body) == 2
    cell = [dict(zip(header, row, strict=True)) for row in body]
    refused, approved = sorted(cell, key=lambda r: r["审查结论"] != "不予公开")
    assert refused["文件标题"] == MASKED_TITLE
    with workspace.db.read() as s:  # as the refused document's record printed it
        review = s.scalars(select(Review).join(Document).where(Document.title.contains(NAME))).one()
        with pymupdf.open("pdf", load_blob(s, review.record_sha256)) as record:
            assert MASKED_TITLE in "".join("".join(page.get_text() for page in record).split())
    assert refused["删除"] == str(month_of_reviews) and int(refused["阻断"]) >= month_of_reviews
    assert refused["审查编号"].startswith(f"测试市数据局保审〔{TODAY.year}〕")
    assert (refused["经办人"], refused["保密审查员"]) == ("经办甲", "审查丙")
    assert approved["文件标题"] == "关于做好冬季供暖保障工作的通知"
    assert (approved["审查结论"], approved["删除"], approved["公开方式"]) == ("同意公开", "0", "主动公开")
    assert not any("安全生产" in r["文件标题"] or "预算" in r["文件标题"] for r in cell)

    code, data, _ = _export(workspace, capsys, monkeypatch, tmp_path, "pdf")
    assert code == 0
    with pymupdf.open("pdf", data) as pdf:
        text = "".join(page.get_text() for page in pdf)
        assert pdf[0].rect.width > pdf[0].rect.height  # landscape
    compact = "".join(text.split())
    assert NAME not in compact and MASKED_TITLE in compact
    assert refused["审查编号"] in compact and "供暖保障" in compact and "预算" not in compact
    assert "第1页共1页" in compact and "保密办负责人（签字）" in compact

    code, data, _ = _export(workspace, capsys, monkeypatch, tmp_path, "xlsx")
    assert code == 0
    sheet = load_workbook(io.BytesIO(data)).active
    values = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert not any(NAME in v for v in values)
    assert MASKED_TITLE in values and len(list(sheet.iter_rows(min_row=3))) == 2


def test_a_bad_month_is_refused_in_chinese(workspace, people, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    out = tmp_path / "x.pdf"
    code = cli.run([*desk_args(workspace), "--user", "reviewer", "review-summary", "2026-13", "-o", str(out)])
    assert code == 2 and "月份应为 YYYY-MM" in capsys.readouterr().err and not out.exists()


def test_statistics_window_exports_the_selected_month(
    workspace, people, month_of_reviews, qtbot, desk_app, tmp_path
):
    from tests.test_gui import _window

    window = _window(
        qtbot, desk_app, workspace, people.reviewer
    ).catalog.open_statistics()  # as the menu opens it
    assert window.summary_button.isEnabled()
    out = tmp_path / "汇总.xlsx"
    window.choose_save_path = lambda suggested, suffix: str(out)
    today = TODAY
    window.year.setValue(today.year)
    window.month.setCurrentIndex(today.month - 1)
    window.show()
    window.grab().save("/tmp/review_summary_window.png")
    assert window.export_review_summary()
    assert "2 件" in window.summary.text()
    values = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert MASKED_TITLE in values and not any(NAME in str(v) for v in values)
    window.month.setCurrentIndex((today.month - 2) % 12)  # last month: only the review moved there
    if today.month == 1:
        window.year.setValue(today.year - 1)
    assert window.export_review_summary() and "1 件" in window.summary.text()
