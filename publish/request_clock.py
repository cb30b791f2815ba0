"""The legal clock of a request for information (依申请公开), from its received date and its actions.

政府信息公开条例 (2019):
- Art. 31: the day received is the day handed in, for post the day signed for, online or by fax
  the day both sides confirmed it (the clerk enters that day; the clock takes it as given).
- Art. 33: answered within 20 working days of receipt (the day of receipt not counted); one
  extension of at most 20 working days with the 政府信息公开工作机构负责人's consent; the time needed
  to consult a third party or other agencies does not count.
- Art. 30: an unclear request gets one 补正 notice within 7 working days of receipt, naming a
  reasonable period; the 20 days run again from the day the 补正 arrives; none in time without
  good reason → the request is treated as given up and not processed further.
- Art. 32: a third party gives its opinion within 15 working days of receiving the letter; after
  that the agency decides alone, so such a pause ends at the 15th working day at the latest.
  Other agencies have no fixed period: their pause lasts until they answer.

Pure: no database. Working days by publish.workdays (chinese-calendar, 调休 included).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from publish.workdays import add_working_days, is_workday
from review.errors import QT_TRANSLATE_NOOP

ANSWER_WORKING_DAYS = 20  # Art. 33
MAX_EXTENSION_WORKING_DAYS = 20  # Art. 33
SUPPLEMENT_ASK_WORKING_DAYS = 7  # Art. 30
THIRD_PARTY_WORKING_DAYS = 15  # Art. 32
# Another agency has no legal limit, but a pause without end hides a late answer: after this many
# working days out the clock says so.
AGENCY_REMINDER_WORKING_DAYS = 15
DUE_SOON_WORKING_DAYS = 3

CONTEXT = "RequestClock"


class ActionKind(StrEnum):
    SUPPLEMENT_REQUESTED = "supplement_requested"
    SUPPLEMENT_RECEIVED = "supplement_received"
    EXTENSION = "extension"
    CONSULTATION_SENT = "consultation_sent"
    CONSULTATION_ANSWERED = "consultation_answered"
    ANSWERED = "answered"
    WITHDRAWN_BY_APPLICANT = "withdrawn_by_applicant"
    MOVED_TO_PROACTIVE = "moved_to_proactive"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ActionKind.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("Vocabulary", "告知补正"),
    ActionKind.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("Vocabulary", "收到补正"),
    ActionKind.EXTENSION: QT_TRANSLATE_NOOP("Vocabulary", "延期答复"),
    ActionKind.CONSULTATION_SENT: QT_TRANSLATE_NOOP("Vocabulary", "征求意见"),
    ActionKind.CONSULTATION_ANSWERED: QT_TRANSLATE_NOOP("Vocabulary", "收到意见"),
    ActionKind.ANSWERED: QT_TRANSLATE_NOOP("Vocabulary", "已答复"),
    ActionKind.WITHDRAWN_BY_APPLICANT: QT_TRANSLATE_NOOP("Vocabulary", "申请人撤回"),
    ActionKind.MOVED_TO_PROACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "转为主动公开"),
}


class Party(StrEnum):
    """Whom a consultation asks: a third party (Art. 32, 15 working days) or another agency (no limit)."""

    THIRD_PARTY = "third_party"
    AGENCY = "agency"

    @property
    def label(self) -> str:
        return _PARTY_LABELS[self]


_PARTY_LABELS = {
    Party.THIRD_PARTY: QT_TRANSLATE_NOOP("Vocabulary", "第三方"),
    Party.AGENCY: QT_TRANSLATE_NOOP("Vocabulary", "其他机关"),
}


class State(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"  # a consultation is out
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    LAPSED = "lapsed"  # no 补正 within the period given: not processed further
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    State.RUNNING: QT_TRANSLATE_NOOP("Vocabulary", "计时中"),
    State.PAUSED: QT_TRANSLATE_NOOP("Vocabulary", "暂停计时"),
    State.AWAITING_SUPPLEMENT: QT_TRANSLATE_NOOP("Vocabulary", "等待补正"),
    State.LAPSED: QT_TRANSLATE_NOOP("Vocabulary", "逾期未补正"),
    State.ANSWERED: QT_TRANSLATE_NOOP("Vocabulary", "已答复"),
    State.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "已撤回"),
}


@dataclass(frozen=True)
class ClockEvent:
    """One action on the request, as far as the clock cares.

    `until`: for a 补正 notice, the last day of the period given to the applicant.
    `days`: for an extension, its length in working days. `party` and `ref` for consultations:
    an answer names (by `ref`) the `id` of the consultation it answers."""

    kind: ActionKind
    on: dt.date
    id: int = 0
    until: dt.date | None = None
    days: int | None = None
    party: Party | None = None
    ref: int | None = None
    consented_by: str = ""


@dataclass(frozen=True)
class Reason:
    """A sentence a user can read: a translatable Chinese template and its parameters."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class Clock:
    state: State
    starts_on: dt.date  # the day the 20 working days count from (receipt, or the 补正's arrival)
    due: dt.date | None  # None while waiting for a 补正, or once the request has lapsed
    working_days_left: int | None  # negative: overdue by that many; None when there is no due date
    paused: bool
    overdue: bool
    due_soon: bool  # due within DUE_SOON_WORKING_DAYS working days, not yet overdue
    exact: bool  # False: a year the holiday calendar does not know yet (weekends only)
    reasons: tuple[Reason, ...]
    supplement_until: dt.date | None = None
    answered_on: dt.date | None = None
    on_time: bool | None = None  # answered within the due date

    @property
    def closed(self) -> bool:
        return self.state in (State.ANSWERED, State.WITHDRAWN, State.LAPSED)


def _fmt(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def last_day_to_ask_supplement(received_on: dt.date) -> tuple[dt.date, bool]:
    """The last day a 补正 notice may go out (7 working days after receipt, Art. 30)."""
    return add_working_days(received_on, SUPPLEMENT_ASK_WORKING_DAYS)


def third_party_reply_due(sent_on: dt.date) -> tuple[dt.date, bool]:
    """The last day of a third party's 15 working days (Art. 32), counted from the day sent."""
    return add_working_days(sent_on, THIRD_PARTY_WORKING_DAYS)


def _working_days_between(start: dt.date, end: dt.date) -> int:
    """The working days after `start` up to and including `end`."""
    return sum(is_workday(start + dt.timedelta(days=i))[0] for i in range(1, (end - start).days + 1))


@dataclass(frozen=True)
class _Pause:
    start: dt.date  # the consultation went out this day; the days after it do not count
    end: dt.date | None  # counting resumes the day after; None: still out


def _pauses(events: Sequence[ClockEvent], now: dt.date, reasons: list[Reason]) -> tuple[list[_Pause], bool]:
    """The consultations' pauses as of `now`, and whether the calendar knew every day involved."""
    answers = {e.ref: e for e in events if e.kind == ActionKind.CONSULTATION_ANSWERED}
    out, exact = [], True
    for e in events:
        if e.kind != ActionKind.CONSULTATION_SENT:
            continue
        party = e.party or Party.THIRD_PARTY
        answer = answers.get(e.id)
        answered_on = answer.on if answer is not None and answer.on <= now else None
        params = {"party": party.label, "sent": _fmt(e.on)}
        if party == Party.AGENCY:
            out.append(_Pause(e.on, answered_on))
            if answered_on is None:
                reasons.append(
                    Reason(
                        QT_TRANSLATE_NOOP(
                            CONTEXT, "{sent}起征求{party}意见，暂停计时，收到意见后恢复（第33条）"
                        ),
                        params,
                    )
                )
                out_for = _working_days_between(e.on, now)
                if out_for > AGENCY_REMINDER_WORKING_DAYS:
                    reasons.append(
                        Reason(
                            QT_TRANSLATE_NOOP(
                                CONTEXT, "征求{party}意见已{days}个工作日仍未答复，请督促答复或据实登记"
                            ),
                            {**params, "days": out_for},
                        )
                    )
            else:
                reasons.append(
                    Reason(
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "征求{party}意见：{sent}发出，{answered}收到，其间不计入答复期限（第33条）",
                        ),
                        {**params, "answered": _fmt(answered_on)},
                    )
                )
            continue
        # A third party has 15 working days; after them the agency decides alone (Art. 32).
        limit, known = third_party_reply_due(e.on)
        exact = exact and known
        params["limit"] = _fmt(limit)
        if answered_on is not None and answered_on <= limit:
            out.append(_Pause(e.on, answered_on))
            reasons.append(
                Reason(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "征求{party}意见：{sent}发出，{answered}收到，其间不计入答复期限（第32、33条）",
                    ),
                    {**params, "answered": _fmt(answered_on)},
                )
            )
        elif now <= limit:
            out.append(_Pause(e.on, None))
            reasons.append(
                Reason(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{sent}起征求{party}意见，暂停计时；第三方应于{limit}前提出意见（15个工作日，第32条），逾期未提出的次日起恢复计时",
                    ),
                    params,
                )
            )
        else:
            out.append(_Pause(e.on, limit))
            reasons.append(
                Reason(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{sent}征求{party}意见，第三方未在{limit}前提出意见，次日起恢复计时（第32条）",
                    ),
                    params,
                )
            )
    return out, exact


class _Counter:
    """Counts the working days that run: a working day after the start, in no pause."""

    def __init__(self, pauses: list[_Pause], now: dt.date) -> None:
        # An open pause is taken to end today: the due date is the earliest it can be.
        self.spans = [(p.start, p.end or now) for p in pauses]
        self.exact = True

    def counts(self, day: dt.date) -> bool:
        work, known = is_workday(day)
        self.exact = self.exact and known
        return work and not any(start < day <= end for start, end in self.spans)

    def add(self, start: dt.date, days: int) -> dt.date:
        day, left = start, days
        while left > 0:
            day += dt.timedelta(days=1)
            left -= self.counts(day)
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.counts(day)
        return count


def _first(events: Sequence[ClockEvent], kind: ActionKind) -> ClockEvent | None:
    return next((e for e in events if e.kind == kind), None)


def compute(received_on: dt.date, actions: Sequence[ClockEvent], today: dt.date) -> Clock:
    """The clock of a request received on `received_on` with these actions, as of `today`."""
    events = sorted((e for e in actions if e.on <= today), key=lambda e: (e.on, e.id))
    reasons: list[Reason] = [
        Reason(
            QT_TRANSLATE_NOOP(CONTEXT, "{received}收到申请，自次日起计算{days}个工作日（第31、33条）"),
            {"received": _fmt(received_on), "days": ANSWER_WORKING_DAYS},
        )
    ]
    exact = True
    if not is_workday(received_on)[0]:
        reasons.append(
            Reason(QT_TRANSLATE_NOOP(CONTEXT, "收到申请之日为休息日，期限自其后第一个工作日起计算"))
        )
    closing = _first(events, ActionKind.WITHDRAWN_BY_APPLICANT) or _first(events, ActionKind.ANSWERED)
    now = closing.on if closing is not None else today
    closed_state = None
    if closing is not None:
        closed_state = (
            State.WITHDRAWN if closing.kind == ActionKind.WITHDRAWN_BY_APPLICANT else State.ANSWERED
        )

    starts_on = received_on
    asked = _first(events, ActionKind.SUPPLEMENT_REQUESTED)
    if asked is not None:
        last_ask, known = last_day_to_ask_supplement(received_on)
        exact = exact and known
        if asked.on > last_ask:
            reasons.append(
                Reason(
                    QT_TRANSLATE_NOOP(
                        CONTEXT, "补正通知{asked}发出，晚于收到申请后7个工作日（应不晚于{last}，第30条）"
                    ),
                    {"asked": _fmt(asked.on), "last": _fmt(last_ask)},
                )
            )
        supplied = _first(events, ActionKind.SUPPLEMENT_RECEIVED)
        if supplied is not None:
            starts_on = supplied.on
            reasons.append(
                Reason(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "{asked}告知补正，{supplied}收到补正，答复期限自收到补正之日重新计算（第30条）",
                    ),
                    {"asked": _fmt(asked.on), "supplied": _fmt(supplied.on)},
                )
            )
        else:
            lapsed = asked.until is not None and now > asked.until
            params = {"asked": _fmt(asked.on), "until": _fmt(asked.until) if asked.until else "—"}
            if lapsed:
                template = QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "{asked}告知补正，补正期限{until}已过，申请人未补正：视为放弃申请，不再处理（第30条）",
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "{asked}告知补正，补正期限至{until}；等待补正期间不计时，收到补正后重新计算（第30条）",
                )
            reasons.append(Reason(template, params))
            state = closed_state or (State.LAPSED if lapsed else State.AWAITING_SUPPLEMENT)
            return Clock(
                state=state,
                starts_on=received_on,
                due=None,
                working_days_left=None,
                paused=state == State.AWAITING_SUPPLEMENT,
                overdue=False,
                due_soon=False,
                exact=exact,
                reasons=tuple(reasons),
                supplement_until=asked.until,
                answered_on=closing.on
                if closing is not None and closing.kind == ActionKind.ANSWERED
                else None,
            )

    total = ANSWER_WORKING_DAYS
    extension = _first(events, ActionKind.EXTENSION)
    if extension is not None:
        days = min(extension.days or MAX_EXTENSION_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS)
        total += days
        reasons.append(
            Reason(
                QT_TRANSLATE_NOOP(CONTEXT, "{on}经{who}同意延长答复期限{days}个工作日（第33条）"),
                {"on": _fmt(extension.on), "who": extension.consented_by or "—", "days": days},
            )
        )
    pauses, known = _pauses([e for e in events if e.on >= starts_on], now, reasons)
    exact = exact and known
    counter = _Counter(pauses, now)
    due = counter.add(starts_on, total)
    left = counter.between(now, due) if now <= due else -counter.between(due, now)
    exact = exact and counter.exact
    paused = closing is None and any(p.end is None for p in pauses)
    state = closed_state or (State.PAUSED if paused else State.RUNNING)
    answered_on = closing.on if closing is not None and closing.kind == ActionKind.ANSWERED else None
    if answered_on is not None:
        template = (
            QT_TRANSLATE_NOOP(CONTEXT, "{answered}答复，在期限{due}之内")
            if answered_on <= due
            else QT_TRANSLATE_NOOP(CONTEXT, "{answered}答复，超过期限{due}共{late}个工作日")
        )
        reasons.append(Reason(template, {"answered": _fmt(answered_on), "due": _fmt(due), "late": -left}))
    elif closing is None:
        if left < 0:
            template = QT_TRANSLATE_NOOP(CONTEXT, "答复期限{due}，已逾期{late}个工作日")
        elif paused:
            template = QT_TRANSLATE_NOOP(CONTEXT, "答复期限最早为{due}（暂停结束后顺延），剩余{left}个工作日")
        else:
            template = QT_TRANSLATE_NOOP(CONTEXT, "答复期限{due}，剩余{left}个工作日")
        reasons.append(Reason(template, {"due": _fmt(due), "left": left, "late": -left}))
    if not exact:
        reasons.append(
            Reason(QT_TRANSLATE_NOOP(CONTEXT, "节假日安排尚未公布的年份只按周末计算，日期可能变动"))
        )
    open_ = closing is None
    return Clock(
        state=state,
        starts_on=starts_on,
        due=due,
        working_days_left=left,
        paused=paused,
        overdue=open_ and left < 0,
        due_soon=open_ and 0 <= left <= DUE_SOON_WORKING_DAYS,
        exact=exact,
        reasons=tuple(reasons),
        supplement_until=asked.until if asked is not None else None,
        answered_on=answered_on,
        on_time=None if answered_on is None else answered_on <= due,
    )
