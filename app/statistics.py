"""The figures of a period: what was published, 规章 and 行政规范性文件 in force, interpretations,
withdrawals, findings and redactions, how long publishing took, and Table 3 of the requests for
information (依申请公开) — counted by the database.

Working days need the Chinese holiday calendar, which the database does not have: the database
groups the dates (a few thousand distinct pairs even at a million entries) and the working days
of each distinct pair are counted once here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, case, extract, func, or_, select
from sqlalchemy.orm import Session

from app.db.models import CatalogEntry, Decision, Document, FindingRow, ManualArea, Review
from app.db.models_requests import InfoRequest
from publish.catalog import PROACTIVE_DEADLINE_WORKING_DAYS
from publish.report import LEGAL_KINDS, Figures, LegalCounts, Table3
from publish.request_outcomes import ApplicantKind, Outcome, Table3Row
from publish.taxonomy import DisclosureMode, LegalBasis
from publish.workdays import add_working_days, working_days_between
from review.wording import base as wording_rules

ABOLISHED = ("repealed", "expired")  # 废止, 失效
DISCLOSING = (Outcome.ALREADY_PUBLIC, Outcome.DISCLOSED, Outcome.PARTLY)


def figures(session: Session, start: dt.date, end: dt.date, department_id: int | None = None) -> Figures:
    """Everything the report and the statistics view show, for start..end (inclusive)."""
    entries = _entries_filter(department_id)
    published = and_(*entries, CatalogEntry.published_on.between(start, end))
    by_category = _grouped(session, CatalogEntry.category, published)
    return Figures(
        start=start,
        end=end,
        published=sum(n for _, n in by_category),  # every entry has one category, "" included
        by_category=by_category,
        by_doc_type=_grouped(session, CatalogEntry.doc_type, published),
        by_month=_grouped(
            session,
            extract("year", CatalogEntry.published_on) * 100 + extract("month", CatalogEntry.published_on),
            published,
        ),
        legal=_legal_counts(session, entries, start, end),
        interpretations_by_form=_grouped(
            session, CatalogEntry.interpretation_form, and_(published, CatalogEntry.interpretation_form != "")
        ),
        withdrawn=_count(session, and_(*entries, CatalogEntry.withdrawn_on.between(start, end))),
        findings=_findings(session, start, end, department_id),
        redactions_by_basis=_redactions(session, start, end, department_id),
        days_to_publish=_days_to_publish(session, published),
        overdue=_overdue(session, published),
        wording_by_kind=_wording_kinds(session, start, end, department_id),
        requests=table3(session, start, end, department_id),
    )


def table3(session: Session, start: dt.date, end: dt.date, department_id: int | None = None) -> Table3:
    """Table 3 for start..end: grouped counts by applicant kind (and outcome, for the results).

    A request is closed on `answered_on` (answered, withdrawn or closed unprocessed); one received
    by `end` and not closed by then is carried into the next year."""
    scope = [] if department_id is None else [InfoRequest.department_id == department_id]
    closed_before = and_(InfoRequest.answered_on.is_not(None), InfoRequest.answered_on < start)
    closed_by_end = and_(InfoRequest.answered_on.is_not(None), InfoRequest.answered_on <= end)

    def by_kind(*where: ColumnElement[bool]) -> dict[ApplicantKind, int]:
        rows = session.execute(
            select(InfoRequest.applicant_kind, func.count())
            .where(*scope, *where)
            .group_by(InfoRequest.applicant_kind)
        )
        return {ApplicantKind(kind): int(n) for kind, n in rows}

    empty = Table3.empty()
    results = empty.results
    for kind, outcome, n in session.execute(
        select(InfoRequest.applicant_kind, InfoRequest.outcome, func.count())
        .where(*scope, InfoRequest.answered_on.between(start, end), InfoRequest.received_on <= end)
        .group_by(InfoRequest.applicant_kind, InfoRequest.outcome)
    ):
        row = Outcome(outcome).row if outcome else Table3Row.OTHER
        results[row][ApplicantKind(kind)] += int(n)
    # 第四十四条: the same information (one content reference) asked for by more than one applicant,
    # and disclosable: requests still open or answered with the information (in whole or in part).
    disclosable = or_(InfoRequest.outcome.is_(None), InfoRequest.outcome.in_([o.value for o in DISCLOSING]))
    repeated = session.execute(
        select(InfoRequest.content_ref, func.count(), func.count(InfoRequest.applicant_name.distinct()))
        .where(
            *scope, InfoRequest.received_on.between(start, end), InfoRequest.content_ref != "", disclosable
        )
        .group_by(InfoRequest.content_ref)
        .having(func.count(InfoRequest.applicant_name.distinct()) > 1)
        .order_by(func.count().desc(), InfoRequest.content_ref)
    )
    return Table3(
        new={**empty.new, **by_kind(InfoRequest.received_on.between(start, end))},
        carried_in={**empty.carried_in, **by_kind(InfoRequest.received_on < start, ~closed_before)},
        results=results,
        carried_out={**empty.carried_out, **by_kind(InfoRequest.received_on <= end, ~closed_by_end)},
        repeated=[(str(ref), int(n), int(people)) for ref, n, people in repeated],
    )


def _entries_filter(department_id: int | None) -> list[ColumnElement[bool]]:
    return [] if department_id is None else [CatalogEntry.department_id == department_id]


def _count(session: Session, where: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(CatalogEntry).where(where)) or 0)


def _grouped(
    session: Session, key: SQLColumnExpression[Any], where: ColumnElement[bool]
) -> list[tuple[str, int]]:
    rows = session.execute(
        select(key, func.count()).select_from(CatalogEntry).where(where).group_by(key).order_by(key)
    )
    return [(str(k) if k is not None else "", int(n)) for k, n in rows]


def _legal_counts(
    session: Session, entries: list[ColumnElement[bool]], start: dt.date, end: dt.date
) -> dict[str, LegalCounts]:
    """规章 and 行政规范性文件: every count in one pass over just those entries (indexed by kind)."""
    before = start - dt.timedelta(days=1)
    # 本年制发 counts what was made (成文日期) in the year, not what was published in it; an entry
    # without its 成文日期 counts from its publishing.
    made_on = func.coalesce(CatalogEntry.written_on, CatalogEntry.published_on)

    def in_force(day: dt.date) -> ColumnElement[bool]:
        """Made by the end of `day`, not abolished by then, not withdrawn by then."""
        return and_(
            made_on <= day,
            or_(
                CatalogEntry.validity.not_in(ABOLISHED),
                CatalogEntry.validity_changed_on.is_(None),
                CatalogEntry.validity_changed_on > day,
            ),
            or_(CatalogEntry.status == "published", CatalogEntry.withdrawn_on > day),
        )

    # Withdrawn in the period while still in force: not an abolition, but it leaves 现行有效 too.
    withdrawn = and_(
        CatalogEntry.withdrawn_on.between(start, end),
        or_(
            CatalogEntry.validity.not_in(ABOLISHED),
            CatalogEntry.validity_changed_on.is_(None),
            CatalogEntry.validity_changed_on > CatalogEntry.withdrawn_on,
        ),
    )
    abolished = and_(
        CatalogEntry.validity.in_(ABOLISHED), CatalogEntry.validity_changed_on.between(start, end)
    )
    counts = [
        func.sum(case((condition, 1), else_=0))
        for condition in (
            made_on.between(start, end),
            abolished,
            in_force(end),
            in_force(before),
            withdrawn,
        )
    ]
    rows = session.execute(
        select(CatalogEntry.legal_kind, *counts)
        .where(*entries, CatalogEntry.legal_kind.in_(LEGAL_KINDS))
        .group_by(CatalogEntry.legal_kind)
    )
    found = {kind: LegalCounts(*(int(v or 0) for v in values)) for kind, *values in rows}
    return {kind: found.get(kind, LegalCounts(0, 0, 0, 0, 0)) for kind in LEGAL_KINDS}


def _reviews(start: dt.date, end: dt.date, department_id: int | None) -> Select[int | None]:
    """The reviews concluded in the period (their findings and decisions are the period's)."""
    query = select(Review.check_run_id).where(
        func.date(Review.reviewed_at).between(start, end), Review.check_run_id.is_not(None)
    )
    if department_id is not None:
        query = query.join(Document, Document.id == Review.document_id).where(
            Document.department_id == department_id
        )
    return query


def _findings(
    session: Session, start: dt.date, end: dt.date, department_id: int | None
) -> list[tuple[str, str, int]]:
    rows = session.execute(
        select(FindingRow.category, Decision.decision, func.count())
        .outerjoin(Decision, Decision.finding_id == FindingRow.id)
        .where(FindingRow.check_run_id.in_(_reviews(start, end, department_id)))
        .group_by(FindingRow.category, Decision.decision)
    )
    return sorted((str(c), str(d or ""), int(n)) for c, d, n in rows)  # no decision: 未处理


def _wording_kinds(
    session: Session, start: dt.date, end: dt.date, department_id: int | None
) -> list[tuple[str, int]]:
    """错敏/表述 findings of the period's reviews by kind (rule id), in the order of review.wording."""
    rows = session.execute(
        select(FindingRow.rule_id, func.count())
        .where(
            FindingRow.rule_id.in_(wording_rules.RULE_IDS),
            FindingRow.check_run_id.in_(_reviews(start, end, department_id)),
        )
        .group_by(FindingRow.rule_id)
    )
    counts = {str(rule): int(n) for rule, n in rows}
    return [(rule, counts[rule]) for rule in wording_rules.RULE_IDS if rule in counts]


def _redactions(
    session: Session, start: dt.date, end: dt.date, department_id: int | None
) -> list[tuple[str, int]]:
    decided = session.execute(
        select(Decision.basis, func.count())
        .join(FindingRow, FindingRow.id == Decision.finding_id)
        .where(
            Decision.decision.in_(("remove", "mask")),
            # Technical cleanup (hidden content, metadata) withholds nothing: not a redaction to report.
            Decision.basis.is_distinct_from(LegalBasis.TECHNICAL_CLEANUP.value),
            FindingRow.check_run_id.in_(_reviews(start, end, department_id)),
        )
        .group_by(Decision.basis)
    )
    drawn_query = select(ManualArea.basis, func.count()).where(
        func.date(ManualArea.created_at).between(start, end),
        ManualArea.basis != LegalBasis.TECHNICAL_CLEANUP.value,
    )
    if department_id is not None:
        from app.db.models import DocumentFile

        drawn_query = (
            drawn_query.join(DocumentFile, DocumentFile.id == ManualArea.document_file_id)
            .join(Document, Document.id == DocumentFile.document_id)
            .where(Document.department_id == department_id)
        )
    totals: dict[str, int] = {}
    for basis, n in [*decided, *session.execute(drawn_query.group_by(ManualArea.basis))]:
        totals[str(basis or "")] = totals.get(str(basis or ""), 0) + int(n)
    return sorted(totals.items())


@lru_cache(maxsize=65536)
def _working_days(first: dt.date, last: dt.date) -> int:
    return working_days_between(first, last)[0] if last > first else 0


def _days_to_publish(session: Session, published: ColumnElement[bool]) -> tuple[float, float] | None:
    """Median and 90th percentile of working days from import to publication."""
    rows = session.execute(
        select(func.date(Document.created_at), CatalogEntry.published_on, func.count())
        .join(Document, Document.id == CatalogEntry.document_id)
        .where(published)
        .group_by(func.date(Document.created_at), CatalogEntry.published_on)
    )
    weighted = sorted((_working_days(_as_date(a), _as_date(b)), int(n)) for a, b, n in rows)
    if not weighted:
        return None
    return _percentile(weighted, 0.5), _percentile(weighted, 0.9)


def _overdue(session: Session, published: ColumnElement[bool]) -> int:
    """Proactive items published later than 20 working days after their 成文日期."""
    rows = session.execute(
        select(CatalogEntry.written_on, CatalogEntry.published_on, func.count())
        .where(published, CatalogEntry.disclosure == DisclosureMode.PROACTIVE.value)
        .where(CatalogEntry.written_on.is_not(None))
        .group_by(CatalogEntry.written_on, CatalogEntry.published_on)
    )
    return sum(int(n) for written, out, n in rows if _as_date(out) > _deadline(_as_date(written)))


@lru_cache(maxsize=65536)
def _deadline(written_on: dt.date) -> dt.date:
    return add_working_days(written_on, PROACTIVE_DEADLINE_WORKING_DAYS)[0]


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])  # SQLite's date() is text


def _percentile(weighted: Iterable[tuple[int, int]], share: float) -> float:
    """The share-th value of a sorted (value, count) list, nearest-rank."""
    pairs = list(weighted)
    rank = max(1, math.ceil(share * sum(n for _, n in pairs)))
    seen = 0
    for value, n in pairs:
        seen += n
        if seen >= rank:
            return float(value)
    return float(pairs[-1][0])
