"""Deadlines of 主动公开 items: published within 20 working days of 成文日期 (条例 Art. 26)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Document, User
from app.roles import Status
from publish.catalog import PROACTIVE_DEADLINE_WORKING_DAYS
from publish.taxonomy import DisclosureMode
from publish.workdays import add_working_days, working_days_between

OPEN_STATES = (Status.DRAFT, Status.PENDING_REVIEW, Status.APPROVED)


@dataclass(frozen=True)
class Deadline:
    document_id: int
    title: str
    status: Status
    written_on: dt.date
    due: dt.date
    working_days_left: int  # negative: overdue by that many working days
    exact: bool  # False: a year the holiday calendar does not know yet (weekends only)


def deadlines(session: Session, user: User, today: dt.date | None = None) -> list[Deadline]:
    """Every proactive item of the user's department not yet published, most urgent first."""
    today = today or dt.date.today()
    query = select(Document).where(
        Document.disclosure == DisclosureMode.PROACTIVE.value,
        Document.status.in_([s.value for s in OPEN_STATES]),
        Document.written_on.is_not(None),
    )
    if user.department_id is not None:
        query = query.where(Document.department_id == user.department_id)
    out = []
    for doc in session.scalars(query):
        assert doc.written_on is not None
        due, exact_due = add_working_days(doc.written_on, PROACTIVE_DEADLINE_WORKING_DAYS)
        if due >= today:
            left, exact_left = working_days_between(today, due)
        else:
            late, exact_left = working_days_between(due, today)
            left = -late
        out.append(
            Deadline(doc.id, doc.title, doc.status_enum, doc.written_on, due, left, exact_due and exact_left)
        )
    return sorted(out, key=lambda d: (d.working_days_left, d.document_id))
