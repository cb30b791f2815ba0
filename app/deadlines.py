"""Deadlines of disclosure: 主动公开 items within 20 working days of 成文日期 (条例 Art. 26), and
interpretations published after their document within 3 working days of it (三同步)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import CatalogEntry, Document, Interpretation, User
from app.errors import QT_TRANSLATE_NOOP
from app.roles import Status
from publish.catalog import PROACTIVE_DEADLINE_WORKING_DAYS
from publish.taxonomy import INTERPRETATION_DEADLINE_WORKING_DAYS, DisclosureMode
from publish.workdays import add_working_days, working_days_between

OPEN_STATES = (Status.DRAFT, Status.PENDING_REVIEW, Status.APPROVED)


class Rule(StrEnum):
    PROACTIVE = "proactive"  # 成文后 20 个工作日内公开
    INTERPRETATION = "interpretation"  # 文件发布后 3 个工作日内发布解读

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]


_RULE_LABELS = {
    Rule.PROACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "成文后 20 个工作日内公开"),
    Rule.INTERPRETATION: QT_TRANSLATE_NOOP("Vocabulary", "文件发布后 3 个工作日内发布解读"),
}


@dataclass(frozen=True)
class Deadline:
    document_id: int
    title: str
    status: Status
    rule: Rule
    starts_on: dt.date  # 成文日期, or the day the interpreted document was published
    due: dt.date
    working_days_left: int  # negative: overdue by that many working days
    exact: bool  # False: a year the holiday calendar does not know yet (weekends only)


def deadlines(session: Session, user: User, today: dt.date | None = None) -> list[Deadline]:
    """Every open deadline of the user's department, most urgent first."""
    today = today or dt.date.today()
    out = [*_proactive(session, user, today), *_interpretations(session, user, today)]
    return sorted(out, key=lambda d: (d.working_days_left, d.document_id))


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
