from __future__ import annotations

import datetime as dt

from publish.catalog import CatalogFields, lint
from publish.workdays import add_working_days, working_days_between


def fields(**changes):
    base = dict(
        title="关于做好2026年冬季供暖保障工作的通知",
        publisher="示例市城市管理局",
        written_on=dt.date(2026, 10, 15),
        published_on=dt.date(2026, 10, 20),
        doc_number="示城管〔2026〕12号",
        category="城乡建设、环境保护\\城市管理",
        doc_type="通知",
        keywords=("供暖",),
        summary="部署今冬明春供暖保障工作。",
        disclosure="proactive",
    )
    base.update(changes)
    return CatalogFields(**base)


def test_a_good_entry_has_no_issue():
    assert lint(fields(), today=dt.date(2026, 11, 23)) == []


def test_doc_number_brackets_are_corrected_in_the_message():
    [issue] = lint(fields(doc_number="示城管[2026]12号"), today=dt.date(2026, 11, 23))
    assert issue.blocking and "示城管〔2026〕12号" in issue.message


def test_dates_title_category_and_summary():
    issues = lint(
        fields(written_on=dt.date(2026, 10, 25), title="通知.pdf", category="不存在的类", summary="长" * 301),
        today=dt.date(2026, 11, 23),
    )
    assert {i.field for i in issues} == {"written_on", "title", "category", "summary"}
    assert all(i.blocking for i in issues)


def test_twenty_working_days_across_the_national_day_week():
    # 2026: 10 月 1–7 日 off with make-up working days; 9/30 + 20 working days falls well after 10/28.
    due, exact = add_working_days(dt.date(2026, 9, 30), 20)
    assert exact and due > dt.date(2026, 10, 27)
    days, exact = working_days_between(dt.date(2026, 9, 30), dt.date(2026, 10, 8))
    assert exact and days < 6  # the holiday week is not counted
    [issue] = lint(
        fields(written_on=dt.date(2026, 9, 1), published_on=dt.date(2026, 11, 2)), today=dt.date(2026, 11, 23)
    )
    assert not issue.blocking and "20 个工作日" in issue.message


def test_unknown_year_falls_back_to_weekends_and_says_so():
    days, exact = working_days_between(dt.date(2027, 1, 1), dt.date(2027, 3, 1))
    assert not exact and days > 20
    [issue] = lint(
        fields(written_on=dt.date(2027, 1, 4), published_on=dt.date(2027, 3, 1)), today=dt.date(2027, 3, 2)
    )
    assert "仅按周末计算" in issue.message
