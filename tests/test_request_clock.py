"""The legal clock of a request (条例 Art. 30–33) over holiday weeks with 调休.

Every expected date below was counted by hand from the State Council's holiday notices (the days
are listed in each comment), not by calling the code: the day of receipt is not counted, a 调休
Saturday or Sunday is a working day, a holiday weekday is not.
"""

from __future__ import annotations

import datetime as dt

from publish.request_clock import ActionKind, ClockEvent, Party, State, compute, last_day_to_ask_supplement

D = dt.date


def ev(kind: ActionKind, on: dt.date, **kw) -> ClockEvent:
    return ClockEvent(kind=kind, on=on, **kw)


def test_spring_festival_2024_with_two_make_up_sundays():
    # Received Fri 2/2. Off: 2/3 Sat, 2/10–2/17 (春节); worked: Sun 2/4 and Sun 2/18 (调休).
    # 2/4=1, 2/5–2/9=2..6, 2/18=7, 2/19–2/23=8..12, 2/26–3/1=13..17, 3/4=18, 3/5=19, 3/6=20.
    clock = compute(D(2024, 2, 2), [], today=D(2024, 2, 2))
    assert clock.due == D(2024, 3, 6)
    assert clock.working_days_left == 20 and clock.state == State.RUNNING and clock.exact
    assert not clock.overdue and not clock.due_soon
    # Three days before: 3/4 → left 3/5, 3/6.
    assert compute(D(2024, 2, 2), [], today=D(2024, 3, 4)).working_days_left == 2
    late = compute(D(2024, 2, 2), [], today=D(2024, 3, 8))  # 3/7, 3/8 past the due date
    assert late.overdue and late.working_days_left == -2
    assert "已逾期2个工作日" in late.reasons[-1].text


def test_national_day_2025_eight_days_off_and_two_make_up_days():
    # Received Thu 9/25. 9/26=1, Sun 9/28 (调休)=2, 9/29=3, 9/30=4, 10/1–10/8 off, 10/9=5, 10/10=6,
    # Sat 10/11 (调休)=7, 10/13–10/17=8..12, 10/20–10/24=13..17, 10/27=18, 10/28=19, 10/29=20.
    clock = compute(D(2025, 9, 25), [], today=D(2025, 10, 24))
    assert clock.due == D(2025, 10, 29)
    assert clock.working_days_left == 3 and clock.due_soon and not clock.overdue


def test_received_on_a_spring_festival_holiday_2026():
    # Received Wed 2/18, a holiday (2/15–2/23 off). 2/24–2/27=1..4, Sat 2/28 (调休)=5, 3/2–3/6=6..10,
    # 3/9–3/13=11..15, 3/16–3/20=16..20.
    clock = compute(D(2026, 2, 18), [], today=D(2026, 2, 20))
    assert clock.due == D(2026, 3, 20)
    assert any("休息日" in r.text for r in clock.reasons)


def test_supplement_restarts_the_clock_national_day_2026():
    received = D(2026, 9, 19)  # a Saturday: post signed for at the weekend
    # 补正 within 7 working days: Sun 9/20 (调休)=1, 9/21–9/24=2..5, 9/25 中秋 off, 9/28=6, 9/29=7.
    assert last_day_to_ask_supplement(received) == (D(2026, 9, 29), True)
    asked = ev(ActionKind.SUPPLEMENT_REQUESTED, D(2026, 9, 29), id=1, until=D(2026, 10, 16))
    waiting = compute(received, [asked], today=D(2026, 10, 5))
    assert waiting.state == State.AWAITING_SUPPLEMENT and waiting.paused
    assert waiting.due is None and waiting.working_days_left is None and not waiting.overdue
    assert "等待补正期间不计时" in waiting.reasons[-1].text

    lapsed = compute(received, [asked], today=D(2026, 10, 17))
    assert lapsed.state == State.LAPSED and lapsed.closed and "不再处理" in lapsed.reasons[-1].text

    # 补正 arrived Fri 10/9: Sat 10/10 (调休)=1, 10/12–10/16=2..6, 10/19–10/23=7..11,
    # 10/26–10/30=12..16, 11/2–11/5=17..20.
    supplied = ev(ActionKind.SUPPLEMENT_RECEIVED, D(2026, 10, 9), id=2)
    clock = compute(received, [asked, supplied], today=D(2026, 10, 20))
    assert clock.starts_on == D(2026, 10, 9) and clock.due == D(2026, 11, 5)
    assert clock.state == State.RUNNING and not clock.paused


def test_a_late_supplement_notice_is_named():
    late = ev(ActionKind.SUPPLEMENT_REQUESTED, D(2026, 9, 30), id=1, until=D(2026, 10, 20))
    clock = compute(D(2026, 9, 19), [late], today=D(2026, 9, 30))
    assert any("晚于收到申请后7个工作日" in r.text and "2026年9月29日" in r.text for r in clock.reasons)


def test_third_party_pause_across_spring_festival_2025():
    # Received Mon 1/20. 1/21=1, Wed 1/22=2 (sent that day; it counts). Paused 1/23–2/10
    # (answered Mon 2/10, inside the third party's 15 working days). Resumes 2/11=3 … 2/14=6,
    # 2/17–2/21=7..11, 2/24–2/28=12..16, 3/3–3/6=17..20.
    sent = ev(ActionKind.CONSULTATION_SENT, D(2025, 1, 22), id=1, party=Party.THIRD_PARTY)
    out = compute(D(2025, 1, 20), [sent], today=D(2025, 2, 7))
    assert out.state == State.PAUSED and out.paused
    assert any("2025年2月18日前提出意见" in r.text for r in out.reasons)  # 15 working days, see below
    answered = ev(ActionKind.CONSULTATION_ANSWERED, D(2025, 2, 10), id=2, ref=1)
    clock = compute(D(2025, 1, 20), [sent, answered], today=D(2025, 2, 12))
    assert clock.due == D(2025, 3, 6) and not clock.paused and clock.state == State.RUNNING


def test_third_party_silent_past_15_working_days_national_day_2024():
    # Received Mon 9/23; 9/24=1 and the letter goes out that day. The third party's 15 working days:
    # 9/25–9/27=1..3, Sun 9/29 (调休)=4, 9/30=5, 10/1–10/7 off, 10/8–10/11=6..9, Sat 10/12 (调休)=10,
    # 10/14–10/18=11..15 → until Fri 10/18. No answer: the clock runs again from Sat 10/19:
    # 10/21–10/25=2..6, 10/28–11/1=7..11, 11/4–11/8=12..16, 11/11–11/14=17..20.
    sent = ev(ActionKind.CONSULTATION_SENT, D(2024, 9, 24), id=1, party=Party.THIRD_PARTY)
    clock = compute(D(2024, 9, 23), [sent], today=D(2024, 11, 11))
    assert clock.due == D(2024, 11, 14) and not clock.paused
    assert clock.working_days_left == 3 and clock.due_soon
    assert any("未在2024年10月18日前提出意见" in r.text for r in clock.reasons)
    # While it is still out (10/10), the due date is the earliest possible: the pause taken to end
    # today. 10/11=2, Sat 10/12=3, 10/14–10/18=4..8, 10/21–10/25=9..13, 10/28–11/1=14..18,
    # 11/4=19, 11/5=20; one day counted so far, 19 left.
    paused = compute(D(2024, 9, 23), [sent], today=D(2024, 10, 10))
    assert paused.paused and paused.due == D(2024, 11, 5) and paused.working_days_left == 19


def test_other_agency_pauses_until_it_answers():
    # Received Mon 2026-11-02; sent to another agency Wed 11/4 (11/3=1, 11/4=2); still out on 12/1.
    sent = ev(ActionKind.CONSULTATION_SENT, D(2026, 11, 4), id=1, party=Party.AGENCY)
    clock = compute(D(2026, 11, 2), [sent], today=D(2026, 12, 1))
    assert clock.paused and clock.working_days_left == 18 and not clock.overdue
    # No legal limit, but a pause without end hides a late answer: flagged after 15 working days
    # out (11/5–11/6, 11/9–11/13, 11/16–11/20, 11/23–11/27, 11/30, 12/1 = 19), not at 11/20 (12).
    assert any("已19个工作日仍未答复" in r.text for r in clock.reasons)
    early = compute(D(2026, 11, 2), [sent], today=D(2026, 11, 20))
    assert not any("仍未答复" in r.text for r in early.reasons)


def test_extension_across_national_day_2026_and_a_late_answer():
    # Received Mon 9/14: 9/15–9/18=1..4, Sun 9/20 (调休)=5, 9/21–9/24=6..9, 9/25 中秋 off,
    # 9/28–9/30=10..12, 10/1–10/7 off, 10/8=13, 10/9=14, Sat 10/10 (调休)=15, 10/12–10/16=16..20.
    assert compute(D(2026, 9, 14), [], today=D(2026, 9, 14)).due == D(2026, 10, 16)
    # Extended by 20 on 10/15: 10/19–10/23, 10/26–10/30, 11/2–11/6, 11/9–11/13 → Fri 11/13.
    extension = ev(ActionKind.EXTENSION, D(2026, 10, 15), id=1, days=20, consented_by="王主任")
    clock = compute(D(2026, 9, 14), [extension], today=D(2026, 10, 20))
    assert clock.due == D(2026, 11, 13)
    assert any("王主任同意延长答复期限20个工作日" in r.text for r in clock.reasons)
    # By 10 only: 10/19–10/23, 10/26–10/30 → Fri 10/30.
    short = ev(ActionKind.EXTENSION, D(2026, 10, 15), id=1, days=10, consented_by="王主任")
    assert compute(D(2026, 9, 14), [short], today=D(2026, 10, 20)).due == D(2026, 10, 30)
    answered = ev(ActionKind.ANSWERED, D(2026, 11, 16), id=2)
    done = compute(D(2026, 9, 14), [extension, answered], today=D(2026, 11, 20))
    assert done.state == State.ANSWERED and done.closed and done.on_time is False
    assert not done.overdue and "超过期限2026年11月13日共1个工作日" in done.reasons[-1].text


def test_a_year_the_calendar_does_not_know_is_not_exact():
    clock = compute(D(2031, 3, 3), [], today=D(2031, 3, 3))
    assert not clock.exact and any("尚未公布" in r.text for r in clock.reasons)
