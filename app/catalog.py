"""Publishing approved items into the disclosure catalog: 索引号 allocation, entries, withdrawal.

The index number is allocated inside the publishing transaction from a counter row, so two
people publishing at once get different numbers, and a withdrawn entry's number is never
handed out again (the counter only moves forward).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.catalog_search import index_entry
from app.categories import leaves as category_leaves
from app.checking import latest_run
from app.db.database import Database, add_if_absent
from app.db.models import (
    CatalogAttachment,
    CatalogEntry,
    Department,
    FilePurpose,
    IndexCounter,
    IndexSchemeRow,
    PublishJob,
    Review,
    User,
)
from app.documents import load_blob
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationFailed
from app.interpretations import interpretation_of, interpretations_of, media_of
from app.roles import Role, Status
from app.workflow import Action, get_document, perform
from publish.catalog import CatalogFields, LintIssue, Validity, lint
from publish.index_number import IndexScheme
from publish.static_site import Attachment, Link, SiteEntry, StaticSite
from publish.taxonomy import DisclosureMode, InterpretationForm

PORTAL, PACKAGE = "portal", "package"  # the queued targets (the static site is rebuilt, not queued)


def department_scheme(session: Session, department: Department) -> IndexScheme:
    row = session.get(IndexSchemeRow, department.id)
    return IndexScheme.from_json(row.scheme) if row is not None else IndexScheme(prefix=department.code)


def save_scheme(session: Session, user: User, scheme: IndexScheme) -> None:
    if not user.has_role(Role.ADMIN) or user.department_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以设置索引号方案。"))
    row = session.get(IndexSchemeRow, user.department_id)
    before = row.scheme if row else None
    if row is None:
        session.add(IndexSchemeRow(department_id=user.department_id, scheme=scheme.to_json()))
    else:
        row.scheme = scheme.to_json()
    session.flush()
    audit.record(session, user, "catalog.scheme", before=before, after=scheme.to_json())


def allocate_index_number(session: Session, department: Department, category: str, day: dt.date) -> str:
    """The next number of the department's scheme, inside the caller's transaction."""
    scheme = department_scheme(session, department)
    scope, period = scheme.scope(category), scheme.period(day)
    key = (
        IndexCounter.department_id == department.id,
        IndexCounter.scope == scope,
        IndexCounter.period == period,
    )
    if session.scalar(select(IndexCounter.id).where(*key)) is None:
        # The period's first number: two publishers may both get here. The counter row is created in a
        # savepoint, so the one that loses the race carries on with the winner's row.
        add_if_absent(
            session, IndexCounter(department_id=department.id, scope=scope, period=period, last_serial=0)
        )
    counter = session.scalars(select(IndexCounter).where(*key).with_for_update()).one()
    counter.last_serial += 1
    session.flush()
    return scheme.format(counter.last_serial, day, category)


def proposed_fields(session: Session, document_id: int, published_on: dt.date) -> CatalogFields:
    """What the entry will say, from the document, its check and its review; editable before publishing."""
    document = get_document(session, document_id)
    run = latest_run(session, document_id)
    keywords = tuple(json.loads(run.keywords)) if run else ()
    interpretation = interpretation_of(session, document_id)
    # An interpretation is filed under its document's category unless given its own.
    category = document.category or (interpretation.interprets.category if interpretation else "")
    return CatalogFields(
        title=document.title,
        publisher=document.department.name,
        written_on=document.written_on,
        published_on=published_on,
        doc_number=document.doc_number,
        category=category,
        doc_type=document.doc_type,
        keywords=keywords,
        summary="",
        disclosure=document.disclosure,
    )


def _latest_review(session: Session, document_id: int) -> Review | None:
    return session.scalars(
        select(Review).where(Review.document_id == document_id).order_by(Review.id.desc()).limit(1)
    ).first()


def publish_to_catalog(
    db: Database,
    user_id: int,
    document_id: int,
    expected_version: int | None,
    *,
    published_on: dt.date | None = None,
    summary: str | None = None,
    keywords: tuple[str, ...] | None = None,
    to_portal: bool = False,
    to_package: bool = False,
) -> CatalogEntry:
    """Allocates the 索引号 and records the entry, refusing anything not approved and verified.

    `to_portal` queues it for the portal; `to_package` for the next transfer package (an
    air-gapped machine's way out).

    A document's approved interpretations are published with it, each with its own 索引号; an
    interpretation approved later is published on its own once its document is out.
    """
    published_on = published_on or dt.date.today()
    with db.write() as session:
        user = session.get_one(User, user_id)
        interpretation = interpretation_of(session, document_id)
        if interpretation is not None and interpretation.interprets.status_enum is not Status.PUBLISHED:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "政策解读随所解读的文件一并发布：请发布文件“{title}”。"),
                title=interpretation.interprets.title,
            )
        overrides = {"summary": summary, "keywords": keywords}
        targets = [t for t, wanted in ((PORTAL, to_portal), (PACKAGE, to_package)) if wanted]
        entry = _publish_one(session, user, document_id, expected_version, published_on, overrides, targets)
        for companion in interpretations_of(session, document_id):
            if companion.document.status_enum is Status.APPROVED:
                _publish_one(session, user, companion.document_id, None, published_on, {}, targets)
        resend_interpreted(session, entry)
        return entry


def _publish_one(
    session: Session,
    user: User,
    document_id: int,
    expected_version: int | None,
    published_on: dt.date,
    overrides: Mapping[str, object],
    targets: list[str],
) -> CatalogEntry:
    document = get_document(session, document_id)
    review = _latest_review(session, document_id)
    current = document.current_original()
    published = next(
        (f for f in document.files if f.purpose == FilePurpose.PUBLISHED and f.revision == current.revision),
        None,
    )
    if review is None or review.published_sha256 is None or published is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "文件“{title}”没有经审查并复核的发布版本，不能发布。"),
            title=document.title,
        )
    run_file = latest_run(session, document_id)
    if run_file is None or run_file.id != review.check_run_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”的审查批准早于其最近一次修改，不能发布。请重新审查。"),
            title=document.title,
        )
    # The bytes that go out are the bytes that passed verification (load_blob re-hashes them).
    if published.blob_sha256 != review.published_sha256:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”的发布版本与审查时复核的版本不一致，不能发布。"),
            title=document.title,
        )
    load_blob(session, published.blob_sha256)
    fields = proposed_fields(session, document_id, published_on)
    changes = {k: v for k, v in overrides.items() if v is not None}
    if isinstance(changes.get("summary"), str):
        changes["summary"] = str(changes["summary"]).strip()
    fields = replace(fields, **changes)  # type: ignore[arg-type]
    blocking = [i for i in lint(fields, leaves=category_leaves(session)) if i.blocking]
    if blocking:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”的目录信息有误，不能发布：{problems}"),
            title=document.title,
            problems="；".join(i.message for i in blocking),
        )
    perform(session, user, document_id, Action.PUBLISH, expected_version=expected_version)
    index_no = allocate_index_number(session, document.department, fields.category, published_on)
    interpretation = interpretation_of(session, document_id)
    parent_entry = live_entry(session, interpretation.interprets_id) if interpretation is not None else None
    entry = CatalogEntry(
        index_no=index_no,
        document_id=document_id,
        department_id=document.department_id,
        review_id=review.id,
        title=fields.title,
        publisher=fields.publisher,
        written_on=fields.written_on,
        published_on=fields.published_on,
        doc_number=fields.doc_number,
        category=fields.category,
        doc_type=fields.doc_type,
        keywords=json.dumps(list(fields.keywords), ensure_ascii=False),
        summary=fields.summary,
        disclosure=fields.disclosure,
        scope=fields.scope,
        validity=Validity.VALID.value,
        published_sha256=published.blob_sha256,
        record_sha256=review.record_sha256,
        interprets_index_no=parent_entry.index_no if parent_entry is not None else None,
        interpretation_form=interpretation.form if interpretation is not None else "",
        legal_kind="rule" if document.rule else "normative" if document.normative else "",
    )
    session.add(entry)
    session.flush()
    for media in media_of(session, document_id):
        session.add(
            CatalogAttachment(
                catalog_entry_id=entry.id,
                name=media.original_name,
                blob_sha256=media.blob_sha256,
                media_type=media.media_type,
            )
        )
    audit.record(
        session,
        user,
        "catalog.publish",
        document_id=document_id,
        index_no=index_no,
        sha256=published.blob_sha256,
    )
    index_entry(session, entry, visible_text(load_blob(session, published.blob_sha256)))
    for target in targets:
        session.add(PublishJob(catalog_entry_id=entry.id, target=target, action="upsert"))
    return entry


def live_entry(session: Session, document_id: int) -> CatalogEntry | None:
    """The document's published (not withdrawn) catalog entry, if any."""
    return session.scalar(
        select(CatalogEntry).where(
            CatalogEntry.document_id == document_id, CatalogEntry.status == "published"
        )
    )


def entry_by_index(session: Session, index_no: str) -> CatalogEntry | None:
    return session.scalar(select(CatalogEntry).where(CatalogEntry.index_no == index_no))


def visible_text(pdf: bytes) -> str:
    from review.extract.dispatch import extract_any
    from review.model import Channel

    try:
        streams = extract_any("published.pdf", pdf).streams
    except Exception:
        return ""
    return "\n".join(s.text for s in streams if s.channel is Channel.VISIBLE)


def withdraw(db: Database, user_id: int, index_no: str, reason: str) -> CatalogEntry:
    """撤回: the entry, and the interpretations published with it, leave every target."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        entry = entry_by_index(session, index_no)
        if entry is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("DeskError", "目录中没有索引号“{index_no}”。"), index_no=index_no
            )
        withdraw_entry(session, user, entry, reason)
        for companion in interpretation_entries(session, entry.index_no):
            withdraw_entry(session, user, companion, reason)
        resend_interpreted(session, entry)
        return entry


def withdraw_entry(session: Session, user: User, entry: CatalogEntry, reason: str) -> None:
    """Withdraws one entry (and, for the desk's own, its document) and tells its targets."""
    if entry.document_id is not None:
        perform(session, user, entry.document_id, Action.WITHDRAW, expected_version=None, reason=reason)
    elif entry.status != "published":
        raise NotFound(
            QT_TRANSLATE_NOOP("DeskError", "目录中没有已发布的索引号“{index_no}”。"), index_no=entry.index_no
        )
    entry.status, entry.status_reason, entry.withdrawn_on = "withdrawn", reason.strip(), dt.date.today()
    session.flush()
    audit.record(
        session,
        user,
        "catalog.withdraw",
        document_id=entry.document_id,
        index_no=entry.index_no,
        reason=reason,
    )
    # Withdrawal reaches every target that holds the item.
    follow_on_targets(session, entry, "withdraw")


def interpretation_entries(session: Session, index_no: str) -> list[CatalogEntry]:
    """The published interpretations of the entry `index_no`."""
    return list(
        session.scalars(
            select(CatalogEntry)
            .where(CatalogEntry.interprets_index_no == index_no, CatalogEntry.status == "published")
            .order_by(CatalogEntry.id)
        )
    )


def follow_on_targets(session: Session, entry: CatalogEntry, action: str, also: Iterable[str] = ()) -> None:
    """Queues a change for every target that holds (or is being sent) the entry, and for `also`."""
    targets = set(
        session.scalars(select(PublishJob.target).where(PublishJob.catalog_entry_id == entry.id).distinct())
    )
    for target in sorted(targets | set(also)):
        session.add(PublishJob(catalog_entry_id=entry.id, target=target, action=action))


def resend_interpreted(session: Session, entry: CatalogEntry) -> None:
    """An interpretation came or went: its document's entry, which lists it, goes out again."""
    if entry.interprets_index_no is None:
        return
    parent = entry_by_index(session, entry.interprets_index_no)
    if parent is not None and parent.status == "published":
        follow_on_targets(session, parent, "upsert")


def lint_issues(db: Database, document_id: int, published_on: dt.date | None = None) -> list[LintIssue]:
    with db.read() as session:
        return lint(
            proposed_fields(session, document_id, published_on or dt.date.today()),
            leaves=category_leaves(session),
        )


def site_entry(session: Session, entry: CatalogEntry) -> SiteEntry:
    """What every target publishes of an entry, with its interpretation links and attachments."""
    parent = entry_by_index(session, entry.interprets_index_no) if entry.interprets_index_no else None
    attachments = session.scalars(
        select(CatalogAttachment)
        .where(CatalogAttachment.catalog_entry_id == entry.id)
        .order_by(CatalogAttachment.id)
    )
    return _site_entry(entry, parent, interpretation_entries(session, entry.index_no), list(attachments))


def _site_entry(
    entry: CatalogEntry,
    parent: CatalogEntry | None,
    interpretations: list[CatalogEntry],
    attachments: list[CatalogAttachment],
) -> SiteEntry:
    return SiteEntry(
        index_no=entry.index_no,
        title=entry.title,
        publisher=entry.publisher,
        written_on=entry.written_on.isoformat() if entry.written_on else "",
        published_on=entry.published_on.isoformat(),
        doc_number=entry.doc_number,
        category=entry.category,
        doc_type=entry.doc_type,
        keywords=tuple(json.loads(entry.keywords)),
        summary=entry.summary,
        disclosure=DisclosureMode(entry.disclosure).label,
        scope=entry.scope,
        validity=entry.validity,
        pdf_sha256=entry.published_sha256,
        form=InterpretationForm(entry.interpretation_form).label if entry.interpretation_form else "",
        interprets=Link(parent.index_no, parent.title)
        if parent is not None and parent.status == "published"
        else None,
        interpretations=tuple(Link(c.index_no, c.title) for c in interpretations),
        attachments=tuple(Attachment(a.name, a.blob_sha256, a.media_type) for a in attachments),
    )


def _all_site_entries(session: Session, rows: list[CatalogEntry]) -> list[SiteEntry]:
    """site_entry for the whole catalog, its links and attachments gathered in one pass, not
    three queries per entry."""
    by_index = {r.index_no: r for r in rows}
    interpretations: dict[str, list[CatalogEntry]] = {}
    for r in rows:  # rows come in id order, as interpretation_entries returns them
        if r.interprets_index_no and r.status == "published":
            interpretations.setdefault(r.interprets_index_no, []).append(r)
    attachments: dict[int, list[CatalogAttachment]] = {}
    for a in session.scalars(select(CatalogAttachment).order_by(CatalogAttachment.id)):
        attachments.setdefault(a.catalog_entry_id, []).append(a)
    return [
        _site_entry(
            r,
            by_index.get(r.interprets_index_no) if r.interprets_index_no else None,
            interpretations.get(r.index_no, []),
            attachments.get(r.id, []),
        )
        for r in rows
        if r.status == "published"
    ]


def entry_files(session: Session, item: SiteEntry) -> tuple[bytes, dict[str, bytes]]:
    """The entry's PDF and attachments, each re-hashed on loading (the bytes that were reviewed)."""
    return load_blob(session, item.pdf_sha256), {
        a.sha256: load_blob(session, a.sha256) for a in item.attachments
    }


def update_static_site(db: Database, folder: Path) -> int:
    """Brings the static site in `folder` up to date with the catalog; returns how many files changed.

    Every file written is loaded through load_blob, which re-checks its SHA-256: the bytes on the
    site are the bytes that passed verification. Files already on the site intact are not reloaded.
    """
    from publish.static_site import WithdrawnEntry, live_file_names

    site = StaticSite(folder)
    changed = 0
    with db.read() as session:
        rows = list(session.scalars(select(CatalogEntry).order_by(CatalogEntry.id)))
        live = _all_site_entries(session, rows)
        for item in live:
            changed += len(site.publish(item, lambda sha: load_blob(session, sha)))
        # A withdrawn entry's files go unless a live entry shares them (files are named by hash).
        live_files = live_file_names(live)
        withdrawn = [
            WithdrawnEntry(row.index_no, row.title, row.withdrawn_on.isoformat() if row.withdrawn_on else "—")
            for row in rows
            if row.status != "published"
        ]
        for gone in withdrawn:
            changed += len(site.withdraw(gone, live_files))
        changed += len(site.write_index(live, withdrawn))
    return changed


def change_validity(
    db: Database, user_id: int, index_no: str, validity: Validity, reason: str = ""
) -> CatalogEntry:
    """有效性 changes (失效, 废止, 已修改) reach every target holding the entry."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        if not user.has_role(Role.PUBLISHER):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有发布管理员可以修改有效性。"))
        entry = session.scalar(select(CatalogEntry).where(CatalogEntry.index_no == index_no))
        if entry is None or entry.status != "published":
            raise NotFound(
                QT_TRANSLATE_NOOP("DeskError", "目录中没有已发布的索引号“{index_no}”。"), index_no=index_no
            )
        before, entry.validity = entry.validity, validity.value
        if before != entry.validity:
            entry.validity_changed_on = dt.date.today()
        session.flush()
        audit.record(
            session,
            user,
            "catalog.validity",
            document_id=entry.document_id,
            index_no=index_no,
            before={"validity": before},
            after={"validity": validity.value},
            reason=reason or None,
        )
        follow_on_targets(session, entry, "validity")
        return entry
