"""The monthly 保密审查汇总表 from the database: every review a department concluded in a month, each
row saying what its 保密审查单 says (publish.review_summary lays it out)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import desk_day
from app.db.models import CheckRun, Document, ManualArea, Review, User
from app.documents import load_blob
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.record_facts import review_number
from app.reviewing import record_masks
from app.vocabulary import MASK, REMOVE, Conclusion
from publish.review_summary import ReviewSummary, SummaryRow
from publish.taxonomy import DisclosureMode
from review.masking import mask_texts
from review.model import Severity
from review.mupdf import LOCK

RECORD_TITLE_PREFIX = "保密审查单："  # review.record.record_pdf's metadata title


def parse_month(text: str) -> tuple[int, int]:
    """(year, month) from "YYYY-MM"."""
    try:
        day = dt.date.fromisoformat(f"{text.strip()}-01")
    except ValueError as exc:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "月份应为 YYYY-MM：{text}"), text=text) from exc
    return day.year, day.month


def review_summary(session: Session, user_id: int, year: int, month: int) -> ReviewSummary:
    """The reviews the user's department concluded in the month (local time, as the records print it)."""
    user = session.get_one(User, user_id)
    if user.department is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "该用户不属于任何部门，没有保密审查汇总表。"))
    first = dt.date(year, month, 1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    # reviewed_at is UTC; a day either side catches every local time of the month, kept below.
    reviews = session.scalars(
        select(Review)
        .join(Document, Document.id == Review.document_id)
        .where(
            Document.department_id == user.department_id,
            Review.reviewed_at >= dt.datetime.combine(first - dt.timedelta(days=1), dt.time()),
            Review.reviewed_at < dt.datetime.combine(after + dt.timedelta(days=1), dt.time()),
        )
        .order_by(Review.reviewed_at, Review.id)
    )
    rows = []
    for review in reviews:
        reviewed = _local(review.reviewed_at)
        if (reviewed.year, reviewed.month) == (year, month):
            rows.append(_row(session, review, reviewed))
    return ReviewSummary(
        department=user.department.name,
        year=year,
        month=month,
        rows=tuple(rows),
        made_on=desk_day.today().isoformat(),
    )


def _local(utc: dt.datetime) -> dt.datetime:
    return utc.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def _row(session: Session, review: Review, reviewed: dt.datetime) -> SummaryRow:
    document = session.get_one(Document, review.document_id)
    ordinal = session.scalar(
        select(func.count())
        .select_from(Review)
        .where(Review.document_id == document.id, Review.id <= review.id)
    )
    run = session.get(CheckRun, review.check_run_id) if review.check_run_id is not None else None
    findings = run.findings if run is not None else []
    decisions = [f.decision.decision for f in findings if f.decision is not None]
    drawn = 0
    if run is not None:
        drawn = (
            session.scalar(
                select(func.count())
                .select_from(ManualArea)
                .where(ManualArea.document_file_id == run.document_file_id)
            )
            or 0
        )
    try:
        disclosure = DisclosureMode(document.disclosure).label
    except ValueError:
        disclosure = ""
    reviewer = session.get_one(User, review.reviewer_id)
    return SummaryRow(
        review_number=review_number(document.department.name, reviewed.year, document.id, ordinal or 1),
        title=_record_title(session, review, document, run),
        doc_number=document.doc_number,
        clerk=document.created_by.display_name,
        reviewer=reviewer.display_name,
        reviewed_on=reviewed.date().isoformat(),
        conclusion=_conclusion(review.conclusion),
        blocking=sum(1 for f in findings if f.severity == Severity.BLOCKING.value),
        warnings=sum(1 for f in findings if f.severity == Severity.WARNING.value),
        notes=sum(1 for f in findings if f.severity == Severity.INFO.value),
        removed=decisions.count(REMOVE) + drawn,
        masked=decisions.count(MASK),
        disclosure=disclosure,
    )


def _record_title(session: Session, review: Review, document: Document, run: CheckRun | None) -> str:
    """The title exactly as the review's record printed it: the record names itself by it, masked with
    everything the review withheld (also text under drawn areas and text removed from a document
    approved together, which the findings alone do not tell)."""
    import pymupdf

    with LOCK, pymupdf.open("pdf", load_blob(session, review.record_sha256)) as record:
        title = str((record.metadata or {}).get("title") or "")
    if title.startswith(RECORD_TITLE_PREFIX):
        return title.removeprefix(RECORD_TITLE_PREFIX)
    return mask_texts(document.title, record_masks(run))


def _conclusion(value: str) -> str:
    try:
        return Conclusion(value).label
    except ValueError:
        return "不予公开"  # reviewing.refuse stores "withhold"
