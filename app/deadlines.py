"""Deadlines of disclosure: 主动公开 items within 20 working days of 成文日期 (条例 Art. 26),
interpretations published after their document within 3 working days of it (三同步), and open
requests for information by their legal clock (Art. 30–33, publish.request_clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import desk_day, info_requests
from app.db.models import CatalogEntry, Document, Interpretation, User
from app.errors import QT_TRANSLATE_NOOP
from app.info_requests import RequestStatus
from app.roles import Status
from publish.catalog import PROACTIVE_DEADLINE_WORKING_DAYS
from publish.taxonomy import INTERPRETATION_DEADLINE_WORKING_DAYS, DisclosureMode
from publish.workdays import add_working_days, working_days_between

OPEN_STATES = (Status.DRAFT, Status.PENDING_REVIEW, Status.APPROVED)


class Rule(StrEnum):
    PROACTIVE = "proactive"  # 成文后 20 个工作日内公开
    INTERPRETATION = "interpretation"  # 文件发布后 3 个工作日内发布解读
    REQUEST = "request"  # 依申请公开：收到申请后 20 个工作日内答复

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]


_RULE_LABELS = {
    Rule.PROACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "成文后 20 个工作日内公开"),
    Rule.INTERPRETATION: QT_TRANSLATE_NOOP("Vocabulary", "文件发布后 3 个工作日内发布解读"),
    Rule.REQUEST: QT_TRANSLATE_NOOP("Vocabulary", "依申请公开：20 个工作日内答复"),
}


@dataclass(frozen=True)
class Deadline:
    document_id: int | None  # None for a request
    title: str  # a request's: what it asks for (never the applicant)
    status: Status | RequestStatus
    rule: Rule
    starts_on: dt.date  # 成文日期, the day the interpreted document was published, or a request's receipt
    due: dt.date
    working_days_left: int  # negative: overdue by that many working days
    exact: bool  # False: a year the holiday calendar does not know yet (weekends only)
    request_id: int | None = None
    number: str = ""  # a request's 受理编号
    paused: bool = False  # a request's clock stands still (a consultation is out)

    @property
    def subject(self) -> str:
        """How lists name it: a document by its number, a request by its 受理编号."""
        return f"#{self.document_id}" if self.request_id is None else self.number


def deadlines(session: Session, user: User, today: dt.date | None = None) -> list[Deadline]:
    """Every open deadline of the user's department, most urgent first."""
    today = today or desk_day.today()
    out = [
        *_proactive(session, user, today),
        *_interpretations(session, user, today),
        *_requests(session, user, today),
    ]
    return sorted(out, key=lambda d: (d.working_days_left, d.document_id or 0, d.request_id or 0))


def _proactive(session: Session, user: User, today: dt.date) -> list[Deadline]:
    # Interpretations have their own clock (below): they go out with, or after, their document.
    query = select(Document).where(
        Document.disclosure == DisclosureMode.PROACTIVE.value,
        Document.status.in_([s.value for s in OPEN_STATES]),
        Document.written_on.is_not(None),
        Document.id.not_in(select(Interpretation.document_id)),
    )
    if user.department_id is not None:
        query = query.where(Document.department_id == user.department_id)
    out = []
    for doc in session.scalars(query):
        assert doc.written_on is not None
        out.append(_deadline(doc, Rule.PROACTIVE, doc.written_on, PROACTIVE_DEADLINE_WORKING_DAYS, today))
    return out


def _interpretations(session: Session, user: User, today: dt.date) -> list[Deadline]:
    """Interpretations not out yet of documents that are: due 3 working days after the document."""
    query = (
        select(Document, CatalogEntry.published_on)
        .join(Interpretation, Interpretation.document_id == Document.id)
        .join(
            CatalogEntry,
            (CatalogEntry.document_id == Interpretation.interprets_id) & (CatalogEntry.status == "published"),
        )
        .where(Document.status.in_([s.value for s in OPEN_STATES]))
    )
    if user.department_id is not None:
        query = query.where(Document.department_id == user.department_id)
    return [
        _deadline(doc, Rule.INTERPRETATION, published_on, INTERPRETATION_DEADLINE_WORKING_DAYS, today)
        for doc, published_on in session.execute(query)
    ]


def _deadline(doc: Document, rule: Rule, starts_on: dt.date, days: int, today: dt.date) -> Deadline:
    due, exact_due = add_working_days(starts_on, days)
    if due >= today:
        left, exact_left = working_days_between(today, due)
    else:
        late, exact_left = working_days_between(due, today)
        left = -late
    return Deadline(doc.id, doc.title, doc.status_enum, rule, starts_on, due, left, exact_due and exact_left)


def _requests(session: Session, user: User, today: dt.date) -> list[Deadline]:
    """Open requests with a running or paused clock; one waiting for a 补正 has no due date yet."""
    out = []
    for item in info_requests.open_requests(session, user, today):
        row, clock = item.request, item.clock
        if clock.due is None or clock.working_days_left is None:
            continue
        out.append(
            Deadline(
                None,
                row.content[:40],
                RequestStatus(row.status),
                Rule.REQUEST,
                clock.starts_on,
                clock.due,
                clock.working_days_left,
                clock.exact,
                request_id=row.id,
                number=row.number,
                paused=clock.paused,
            )
        )
    return out
