"""主动公开 deadlines in Chinese working days, across the National Day week."""

from __future__ import annotations

import datetime as dt

from app import documents
from app.db.models import User
from app.deadlines import deadlines


def draft(workspace, people, path, written_on, disclosure="proactive"):
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        documents.update_metadata(
            s, s.get_one(User, people.clerk), doc_id, None, written_on=written_on, disclosure=disclosure
        )
    return doc_id


def test_due_dates_skip_the_national_day_week_and_flag_overdue(workspace, people, sample_files):
    before_holiday = draft(workspace, people, sample_files["clean"], dt.date(2026, 9, 25))
    recent = draft(workspace, people, sample_files["txt"], dt.date(2026, 11, 20))
    draft(
        workspace, people, sample_files["docx"], dt.date(2026, 9, 1), disclosure="on_request"
    )  # no deadline
    with workspace.db.read() as s:
        rows = deadlines(s, s.get_one(User, people.clerk), today=dt.date(2026, 10, 28))
    by_id = {d.document_id: d for d in rows}
    assert set(by_id) == {before_holiday, recent}
    # 20 working days after 9/25 with 10/1–10/8 off and the 调休 Sundays worked.
    assert by_id[before_holiday].due > dt.date(2026, 10, 23) and by_id[before_holiday].exact
    assert by_id[recent].working_days_left > 20  # "today" is before it was even written
    with workspace.db.read() as s:
        late = deadlines(s, s.get_one(User, people.clerk), today=dt.date(2026, 11, 23))
    assert late[0].document_id == before_holiday and late[0].working_days_left < 0


def test_published_items_leave_the_list(workspace, people, sample_files):
    from app.catalog import publish_to_catalog
    from tests.conftest import approved_document

    doc_id = approved_document(workspace, people, sample_files["clean"])
    with workspace.db.read() as s:
        assert [
            d.document_id for d in deadlines(s, s.get_one(User, people.clerk), dt.date(2026, 11, 23))
        ] == [doc_id]
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="x")
    with workspace.db.read() as s:
        assert deadlines(s, s.get_one(User, people.clerk), dt.date(2026, 11, 23)) == []


def test_deadlines_window_marks_overdue(qtbot, desk_app, workspace, people, sample_files):
    from app.ui.deadlines_dialog import DeadlinesDialog

    late = draft(workspace, people, sample_files["clean"], dt.date(2026, 9, 25))
    dialog = DeadlinesDialog(workspace.db, people.clerk, today=dt.date(2026, 11, 23))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == str(late)
    assert dialog.table.item(0, 6).text().startswith("逾期")
    assert dialog.table.item(0, 6).foreground().color().red() == 200


def test_open_requests_are_listed_with_their_clock(qtbot, desk_app, workspace, people):
    from app import info_requests
    from app.info_requests import ApplicantKind, Channel, Party
    from app.ui.deadlines_dialog import DeadlinesDialog

    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        # Received Mon 11/2: 11/3–11/6=1..4, 11/9–11/13=5..9, 11/16–11/20=10..14, 11/23–11/27=15..19,
        # Mon 11/30=20. The third party asked on 11/4 has until 11/25 (15 working days).
        soon = info_requests.register(
            s, clerk, applicant_kind=ApplicantKind.PERSON, applicant_name="王五", applicant_contact="13800000000",
            content="某街道垃圾分类收运合同", channel=Channel.IN_PERSON, received_on=dt.date(2026, 11, 2),
        )  # fmt: skip
        paused = info_requests.register(
            s, clerk, applicant_kind=ApplicantKind.BUSINESS, applicant_name="某公司", applicant_contact="某路1号",
            content="某项目中标结果", channel=Channel.POST, received_on=dt.date(2026, 11, 2),
        )  # fmt: skip
        info_requests.consultation_sent(
            s, clerk, paused.id, dt.date(2026, 11, 4), Party.THIRD_PARTY, today=dt.date(2026, 11, 4)
        )
        soon_number = soon.number
    with workspace.db.read() as s:
        rows = {d.request_id: d for d in deadlines(s, s.get_one(User, people.clerk), dt.date(2026, 11, 25))}
    assert rows[soon.id].due == dt.date(2026, 11, 30) and rows[soon.id].working_days_left == 3
    assert rows[paused.id].paused and rows[paused.id].document_id is None
    dialog = DeadlinesDialog(workspace.db, people.clerk, today=dt.date(2026, 11, 25))
    qtbot.addWidget(dialog)
    first = [dialog.table.item(0, c).text() for c in range(7)]
    assert first[0] == soon_number and "王五" not in "".join(first) and first[6] == "3"
    assert dialog.table.item(0, 6).foreground().color().red() == 230  # due within 3 working days
    assert dialog.table.item(1, 6).text().endswith("（暂停）")
