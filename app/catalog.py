"""Publishing approved items into the disclosure catalog: 索引号 allocation, entries, withdrawal.

The index number is allocated inside the publishing transaction from a counter row, so two
people publishing at once get different numbers, and a withdrawn entry's number is never
handed out again (the counter only moves forward).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, desk_day, faults, field_limits, pending_work, releases, site_footer
from app.catalog_search import index_entry
from app.categories import leaves as category_leaves
from app.checking import desk_lexicon, latest_run
from app.db.database import Database, add_if_absent
from app.db.models import (
    CatalogAttachment,
    CatalogEntry,
    Department,
    Document,
    FilePurpose,
    IndexCounter,
    IndexSchemeRow,
    PublishJob,
    Review,
    TrustedKey,
    User,
)
from app.db.models import Release as ReleaseRow
from app.documents import legal_dates, load_blob, publisher_of
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationFailed
from app.interpretations import interpretation_of, interpretations_of
from app.roles import Role, Status
from app.rulepacks import department_sources
from app.submission import issues_sentence
from app.workflow import Action, get_document, perform, refusal
from publish.catalog import CatalogFields, LintIssue, Validity, lint, validity_issue
from publish.index_number import IndexScheme
from publish.release import FIELD_LABELS, ON_REQUEST, Release, ReleaseError
from publish.static_site import (
    Attachment,
    Link,
    SiteEntry,
    SiteIdentity,
    StaticSite,
    WithdrawnEntry,
    live_file_names,
)
from publish.taxonomy import DisclosureMode, InterpretationForm
from review.extract.dispatch import visible_text
from review.lexicon import CompiledLexicon

PORTAL, PACKAGE = "portal", "package"  # the queued targets (the static site is rebuilt, not queued)


def department_scheme(session: Session, department: Department) -> IndexScheme:
    row = session.get(IndexSchemeRow, department.id)
    return IndexScheme.from_json(row.scheme) if row is not None else IndexScheme(prefix=department.code)


def save_scheme(session: Session, user: User, scheme: IndexScheme) -> None:
    if not user.has_role(Role.ADMIN) or user.department_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以设置索引号方案。"))
    _check_fits(scheme)
    row = session.get(IndexSchemeRow, user.department_id)
    before = row.scheme if row else None
    if row is None:
        session.add(IndexSchemeRow(department_id=user.department_id, scheme=scheme.to_json()))
    else:
        row.scheme = scheme.to_json()
    session.flush()
    audit.record(session, user, "catalog.scheme", before=before, after=scheme.to_json())


def _check_fits(scheme: IndexScheme) -> None:
    """The longest number the scheme can write, and its category codes, fit the catalog's columns."""
    for code in scheme.category_codes.values():
        field_limits.check(IndexCounter.scope, code, name="主题分类的索引号代码")
    codes = scheme.category_codes
    category = max(codes, key=lambda c: len(codes[c]), default="")
    longest = scheme.format(scheme.segment_last, dt.date(2000, 12, 1), category)
    field_limits.check(CatalogEntry.index_no, longest, name="按此方案编出的索引号")


def allocate_index_number(session: Session, department: Department, category: str, day: dt.date) -> str:
    """The next number of the department's scheme in this machine's 号段, inside the caller's transaction.

    A number already in the catalog (one that came in a transfer package) is stepped over, never
    handed out a second time."""
    scheme = department_scheme(session, department)
    scope, period = scheme.scope(category), scheme.period(day)
    _single_allocator(session, department, scheme)
    counter = _counter(session, department.id, scope, period)
    while True:
        counter.last_serial = scheme.next_serial(counter.last_serial)
        index_no = scheme.format(counter.last_serial, day, category)
        if session.scalar(select(CatalogEntry.id).where(CatalogEntry.index_no == index_no)) is None:
            break
    session.flush()
    return index_no


def _counter(session: Session, department_id: int, scope: str, period: str) -> IndexCounter:
    """The counter row of a department, scope and period, locked for the caller's transaction."""
    key = (
        IndexCounter.department_id == department_id,
        IndexCounter.scope == scope,
        IndexCounter.period == period,
    )
    if session.scalar(select(IndexCounter.id).where(*key)) is None:
        # The period's first number: two publishers may both get here. The counter row is created in a
        # savepoint, so the one that loses the race carries on with the winner's row.
        add_if_absent(
            session, IndexCounter(department_id=department_id, scope=scope, period=period, last_serial=0)
        )
    return session.scalars(select(IndexCounter).where(*key).with_for_update()).one()


def _single_allocator(session: Session, department: Department, scheme: IndexScheme) -> None:
    """Only one side numbers a range: a department whose entries come numbered from its air-gapped
    machine (a registered key) is numbered here only from a 号段 of this machine's own."""
    if scheme.segmented:
        return
    sender = session.scalar(
        select(TrustedKey.key_id)
        .where(TrustedKey.department_code == department.code, TrustedKey.revoked_at.is_(None))
        .limit(1)
    )
    if sender is not None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{department}”的索引号由离线审查机编号，经传输包导入本机；本机在同一范围内编号会与之重号，"
                "因此没有发布。本机也要发布时，请系统管理员在两台机器的“目录设置”中为本部门设定互不重叠的"
                "流水号号段（例如离线审查机 1–49999，本机 50001–99999）。",
            ),
            department=department.name,
        )


def note_imported_numbers(session: Session, department: Department, index_numbers: Iterable[str]) -> None:
    """Numbers that came in a transfer package: this machine's counters step past those that fall in
    its own 号段, so it never hands one of them out (numbers of another scheme cannot clash)."""
    scheme = department_scheme(session, department)
    highest: dict[tuple[str, str], int] = {}
    for index_no in index_numbers:
        parsed = scheme.parse(index_no)
        if parsed is not None and scheme.in_segment(parsed[2]):
            key = parsed[0], parsed[1]
            highest[key] = max(highest.get(key, 0), parsed[2])
    for (scope, period), serial in sorted(highest.items()):
        counter = _counter(session, department.id, scope, period)
        counter.last_serial = max(counter.last_serial, serial)
    session.flush()


def proposed_fields(session: Session, document_id: int, published_on: dt.date) -> CatalogFields:
    """What the entry will say: the approved release's fields once there is one, else the document's."""
    document = get_document(session, document_id)
    review = releases.latest_review(session, document_id)
    row = releases.approved_release(session, review) if review is not None else None
    if row is not None:
        return _release_fields(releases.load(session, row.sha256), published_on)
    keywords = tuple(json.loads(document.keywords)) if document.keywords is not None else ()
    interpretation = interpretation_of(session, document_id)
    # An interpretation is filed under its document's category unless given its own.
    category = document.category or (interpretation.interprets.category if interpretation else "")
    since, until = legal_dates(document)  # 规章 and 规范性文件 only
    return CatalogFields(
        title=document.title,
        publisher=publisher_of(document),
        written_on=document.written_on,
        published_on=published_on,
        doc_number=document.doc_number,
        category=category,
        doc_type=document.doc_type,
        keywords=keywords,
        summary=document.summary,
        disclosure=document.disclosure,
        effective_on=dt.date.fromisoformat(since) if since else None,
        valid_until=dt.date.fromisoformat(until) if until else None,
    )


def _release_fields(release: Release, published_on: dt.date) -> CatalogFields:
    return CatalogFields(
        title=release.title,
        publisher=release.publisher,
        written_on=dt.date.fromisoformat(release.written_on) if release.written_on else None,
        published_on=published_on,
        doc_number=release.doc_number,
        category=release.category,
        doc_type=release.doc_type,
        keywords=release.keywords,
        summary=release.summary,
        disclosure=release.disclosure,
        scope=release.scope,
        effective_on=dt.date.fromisoformat(release.effective_on) if release.effective_on else None,
        valid_until=dt.date.fromisoformat(release.valid_until) if release.valid_until else None,
    )


def publish_to_catalog(
    db: Database,
    user_id: int,
    document_id: int,
    expected_version: int | None,
    *,
    published_on: dt.date | None = None,
    summary: str | None = None,
    keywords: tuple[str, ...] | None = None,
    category: str | None = None,
    publisher: str | None = None,
    to_portal: bool = False,
    to_package: bool = False,
    notice_until: dt.date | None = None,
) -> CatalogEntry:
    """Allocates the 索引号 and records the entry, refusing anything not approved and verified.

    `summary`, `keywords`, `category` and `publisher` are what the publisher completed (PUBLISHER_FIELDS;
    None: as approved): the release is amended with them and checked again (`_amend`). `to_portal`
    queues it for the portal; `to_package` for the next transfer package (an
    air-gapped machine's way out). `notice_until` is the last day of a 公示期: the desk withdraws
    the entry after it (app/notice_periods.py).

    A document's approved interpretations are published with it, each with its own 索引号; an
    interpretation approved later is published on its own once its document is out.
    """
    today = desk_day.today()
    published_on = published_on or today
    if published_on != today:
        # 发布日期 is when the item goes online: a backdated one misstates the 20-working-day rule and is a
        # 单项否决 item in website inspections; a later one would be online before its date.
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "发布日期必须是发布当天（{today}），不能提前或倒签。"),
            today=today.isoformat(),
        )
    check_notice_until(notice_until, today)
    with db.write() as session:
        user = session.get_one(User, user_id)
        from app.request_answers import refuse_in_catalog  # loads the letters' code only when publishing

        refuse_in_catalog(session, document_id)
        interpretation = interpretation_of(session, document_id)
        if interpretation is not None and interpretation.interprets.status_enum is not Status.PUBLISHED:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "政策解读随所解读的文件一并发布：请发布文件“{title}”。"),
                title=interpretation.interprets.title,
            )
        targets = [t for t, wanted in ((PORTAL, to_portal), (PACKAGE, to_package)) if wanted]
        filed_under = proposed_fields(session, document_id, published_on).category  # as approved
        completed = {"summary": summary, "keywords": keywords, "category": category, "publisher": publisher}
        entry = _publish_one(session, user, document_id, expected_version, published_on, completed, targets)
        if notice_until is not None:
            entry.notice_until = notice_until
            session.flush()
            audit.record(
                session,
                user,
                "catalog.notice",
                document_id=document_id,
                index_no=entry.index_no,
                before=None,
                after=notice_until.isoformat(),
            )
        for companion in interpretations_of(session, document_id):
            if companion.document.status_enum is Status.APPROVED:
                # One filed under its document's 主题分类 follows the publisher's choice of it.
                own = proposed_fields(session, companion.document_id, published_on).category
                follows = {"category": entry.category} if own == filed_under else {}
                _publish_one(session, user, companion.document_id, None, published_on, follows, targets)
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
    # Who may publish is asked first (the state is judged below): what the check of completed fields
    # answers — whether a guess is text the reviewer removed — is only for the department's publishers.
    problem = refusal(document, user, Action.PUBLISH, session)
    if isinstance(problem, PermissionDenied):
        raise problem
    review, release_row, release = _approved(session, document)
    files = {f.sha256: load_blob(session, f.sha256) for f in release.files}  # re-hashed: the verified bytes
    if published_on < review.reviewed_at.date():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "发布日期不能早于审查批准的日期（{day}）。"),
            day=review.reviewed_at.date().isoformat(),
        )
    fields = _completed(_release_fields(release, published_on), overrides)
    field_limits.check_all(
        (getattr(CatalogEntry, name), getattr(fields, name))
        for name in ("title", "publisher", "doc_number", "category", "doc_type", "disclosure", "scope")
    )
    blocking = [i for i in publishing_issues(fields, category_leaves(session)) if i.blocking]
    if blocking:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”的目录信息有误，不能发布：{problems}。"),
            title=document.title,
            problems=issues_sentence(blocking),
        )
    amended = replace(release, **{name: getattr(fields, name) for name in PUBLISHER_FIELDS})
    if amended != release:
        release_row, release = _amend(session, user, document, review, release_row, release, amended)
    perform(session, user, document_id, Action.PUBLISH, expected_version=expected_version)
    # Under the 主题分类 as published: the publisher may have completed it just now.
    index_no = allocate_index_number(session, document.department, release.category, published_on)
    interpretation = interpretation_of(session, document_id)
    parent_entry = live_entry(session, interpretation.interprets_id) if interpretation is not None else None
    published = release.published_file
    fields = _release_fields(release, published_on)  # as amended
    entry = CatalogEntry(
        index_no=index_no,
        document_id=document_id,
        department_id=document.department_id,
        review_id=review.id,
        title=fields.title,
        publisher=fields.publisher,
        written_on=fields.written_on,
        published_on=published_on,
        doc_number=fields.doc_number,
        category=fields.category,
        doc_type=fields.doc_type,
        keywords=json.dumps(list(fields.keywords), ensure_ascii=False),
        summary=fields.summary,
        disclosure=fields.disclosure,
        scope=fields.scope,
        validity=Validity.VALID.value,
        published_sha256=published.sha256 if published is not None else "",
        record_sha256=review.record_sha256,
        release_sha256=release.sha256,
        interprets_index_no=parent_entry.index_no if parent_entry is not None else None,
        interpretation_form=interpretation.form if interpretation is not None else "",
        legal_kind="rule" if document.rule else "normative" if document.normative else "",
    )
    session.add(entry)
    session.flush()
    for attachment in release.attachments:
        session.add(
            CatalogAttachment(
                catalog_entry_id=entry.id,
                name=attachment.name,
                blob_sha256=attachment.sha256,
                media_type=attachment.media_type,
            )
        )
    session.flush()
    audit.record(
        session,
        user,
        "catalog.publish",
        document_id=document_id,
        index_no=index_no,
        sha256=entry.published_sha256 or None,
        release=release.sha256,
    )
    text = visible_text(files[published.sha256]) if published is not None else ""
    index_entry(session, entry, text)
    for target in targets:
        session.add(PublishJob(catalog_entry_id=entry.id, target=target, action="upsert"))
    return entry


def _approved(session: Session, document: Document) -> tuple[Review, ReleaseRow, Release]:
    """The review that approved the document's current file, and its frozen release; refuses anything else."""
    review = releases.latest_review(session, document.id)
    release_row = releases.approved_release(session, review) if review is not None else None
    if review is None or release_row is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "文件“{title}”没有经审查并复核的发布版本，不能发布。"),
            title=document.title,
        )
    run = latest_run(session, document.id)
    if run is None or run.id != review.check_run_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”的审查批准早于其最近一次修改，不能发布。请重新审查。"),
            title=document.title,
        )
    release = releases.load(session, release_row.sha256)
    if review.conclusion != ON_REQUEST:
        current = document.current_original()
        published = next(
            (
                f
                for f in document.files
                if f.purpose == FilePurpose.PUBLISHED and f.revision == current.revision
            ),
            None,
        )
        frozen = release.published_file
        # The bytes that go out are the bytes that passed verification, frozen in the release.
        if (
            published is None
            or frozen is None
            or not (published.blob_sha256 == review.published_sha256 == frozen.sha256)
        ):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "“{title}”的发布版本与审查时复核的版本不一致，不能发布。"),
                title=document.title,
            )
    return review, release_row, release


def publishing_issues(fields: CatalogFields, leaves: set[str]) -> list[LintIssue]:
    """The lint of an entry about to go out, and 发布机构, which the publisher may have cleared."""
    issues = lint(fields, today=desk_day.today(), leaves=leaves)
    if not fields.publisher.strip():
        issues.insert(0, LintIssue("publisher", True, QT_TRANSLATE_NOOP("DeskError", "缺少发布机构。")))
    return issues


# What the publisher may complete or change at publishing: the catalog's own fields. 信息名称, 发文字号 and
# 成文日期 are the document's (the check judged as of 成文日期): they stay the clerk's, asked at submission.
PUBLISHER_FIELDS = ("category", "publisher", "keywords", "summary")


def _completed(fields: CatalogFields, values: Mapping[str, object]) -> CatalogFields:
    """The fields with what the publisher wrote in PUBLISHER_FIELDS (None or absent: as approved)."""

    def text(name: str, approved: str) -> str:
        value = values.get(name)
        return value.strip() if isinstance(value, str) else approved

    keywords = values.get("keywords")
    return replace(
        fields,
        category=text("category", fields.category),
        publisher=text("publisher", fields.publisher),
        summary=text("summary", fields.summary),
        keywords=tuple(k for k in (str(k).strip() for k in keywords) if k)
        if isinstance(keywords, (tuple, list))
        else fields.keywords,
    )


def _amend(
    session: Session,
    user: User,
    document: Document,
    review: Review,
    row: ReleaseRow,
    release: Release,
    amended: Release,
) -> tuple[ReleaseRow, Release]:
    """Catalog fields written after approval are checked on the spot, as the reviewed ones were: against
    the same lexicon and the reviewer's decisions (removed text may not come back, in a 主题分类 either);
    what the publisher wrote meets no reviewer, so a 警告 in it refuses too. Any problem sends the item
    back to review instead of out. The change is audited field by field."""
    lexicon = desk_lexicon(session, document.department_id, None)
    texts = releases.reviewed_texts(session, review)
    changed = [name for name in PUBLISHER_FIELDS if getattr(amended, name) != getattr(release, name)]
    written = dict(amended.text_fields())
    packs = department_sources(session, document.department_id)
    problems = releases.field_problems(amended, lexicon, texts, packs) + releases.text_problems(
        [(FIELD_LABELS[n], written[FIELD_LABELS[n]]) for n in changed if FIELD_LABELS[n] in written],
        lexicon,
        texts,
        unreviewed=True,
        document_date=document.written_on,
        rulepacks=packs,
    )
    if problems:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError", "“{title}”批准后修改的目录信息未通过检查，不能发布：{problems}。请退回重新审查。"
            ),
            title=document.title,
            problems="；".join(dict.fromkeys(problems)),
        )
    new_row = releases.store(session, user, amended, document_id=document.id, review_id=review.id, amends=row)
    audit.record(
        session,
        user,
        "catalog.complete",
        document_id=document.id,
        release=amended.sha256,
        before={name: _jsonable(getattr(release, name)) for name in changed},
        after={name: _jsonable(getattr(amended, name)) for name in changed},
    )
    return new_row, amended


def _jsonable(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def check_notice_until(notice_until: dt.date | None, today: dt.date) -> None:
    """A 公示期 ends today or later: one that has already ended is a withdrawal, not a period."""
    if notice_until is not None and notice_until < today:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "公示期截止日期（{day}）已过：公示期须截止于今天（{today}）或以后。"
            ),
            day=notice_until.isoformat(),
            today=today.isoformat(),
        )


def live_entry(session: Session, document_id: int) -> CatalogEntry | None:
    """The document's published (not withdrawn) catalog entry, if any."""
    return session.scalar(
        select(CatalogEntry).where(
            CatalogEntry.document_id == document_id, CatalogEntry.status == "published"
        )
    )


def entry_by_index(session: Session, index_no: str) -> CatalogEntry | None:
    return session.scalar(select(CatalogEntry).where(CatalogEntry.index_no == index_no))


def withdraw(db: Database, user_id: int, index_no: str, reason: str) -> CatalogEntry:
    """撤回: the entry, and the interpretations published with it, leave every target."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        entry = entry_by_index(session, index_no)
        if entry is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("DeskError", "目录中没有索引号“{index_no}”。"), index_no=index_no
            )
        withdraw_with_interpretations(session, user, entry, reason)
        return entry


def withdraw_with_interpretations(
    session: Session, user: User, entry: CatalogEntry, reason: str
) -> list[CatalogEntry]:
    """Withdraws the entry and the interpretations published with it; returns them all."""
    withdrawn = [entry, *interpretation_entries(session, entry.index_no)]
    for one in withdrawn:
        withdraw_entry(session, user, one, reason)
    resend_interpreted(session, entry)
    return withdrawn


def withdraw_entry(session: Session, user: User, entry: CatalogEntry, reason: str) -> None:
    """Withdraws one entry (and, for the desk's own, its document) and tells its targets.

    The same rule holds for every entry, one that came by transfer package too: a publisher of the
    entry's department, with a reason."""
    if not user.has_role(Role.PUBLISHER) or user.department_id != entry.department_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有本部门的发布管理员可以撤回目录条目“{index_no}”。"),
            index_no=entry.index_no,
        )
    if not reason.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "撤回必须写明理由。"))
    # The reason travels to the portal and in packages: it is checked like any text that leaves.
    problems = _entry_text_problems(session, entry, "撤回理由", reason)
    if problems:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "撤回理由未通过保密检查：{problems}。请改写理由。"),
            problems="；".join(problems),
        )
    if entry.document_id is not None:
        perform(session, user, entry.document_id, Action.WITHDRAW, expected_version=None, reason=reason)
    elif entry.status != "published":
        raise NotFound(
            QT_TRANSLATE_NOOP("DeskError", "目录中没有已发布的索引号“{index_no}”。"), index_no=entry.index_no
        )
    entry.status, entry.status_reason, entry.withdrawn_on = "withdrawn", reason.strip(), desk_day.today()
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
            proposed_fields(session, document_id, published_on or desk_day.today()),
            today=desk_day.today(),
            leaves=category_leaves(session),
        )


def site_entry(session: Session, entry: CatalogEntry) -> SiteEntry:
    """What every target publishes of an entry, with its interpretation links and attachments;
    refused (ReleaseError) when the entry is not its frozen release."""
    parent = entry_by_index(session, entry.interprets_index_no) if entry.interprets_index_no else None
    attachments = list(
        session.scalars(
            select(CatalogAttachment)
            .where(CatalogAttachment.catalog_entry_id == entry.id)
            .order_by(CatalogAttachment.id)
        )
    )
    release = releases.entry_release(session, entry, attachments)
    _refuse_unchecked_amendment(session, entry)
    return _site_entry(entry, release, parent, interpretation_entries(session, entry.index_no), attachments)


def _entry_text_problems(
    session: Session, entry: CatalogEntry, place: str, text: str, lexicon: CompiledLexicon | None = None
) -> list[str]:
    """Why a text written on an entry after its review (a 撤回理由, a 修改文件) may not go out with it:
    checked as text no reviewer saw, against the entry's review and as of its 成文日期. `lexicon`: the
    department's, when the caller has it compiled already."""
    review = session.get(Review, entry.review_id) if entry.review_id is not None else None
    return releases.text_problems(
        [(place, text)],
        lexicon or desk_lexicon(session, entry.department_id, None),
        releases.reviewed_texts(session, review),
        unreviewed=True,
        document_date=entry.written_on,
        rulepacks=department_sources(session, entry.department_id),
    )


def _refuse_unchecked_amendment(
    session: Session, entry: CatalogEntry, lexicons: dict[int, CompiledLexicon] | None = None
) -> None:
    """已修改's 修改文件 is the entry's own state, not part of its release: checked again each time it
    goes out, as change_validity checked it, so one written into the database past that check is
    refused instead of published."""
    if not entry.amended_by:
        return
    lexicons = {} if lexicons is None else lexicons
    if entry.department_id not in lexicons:
        lexicons[entry.department_id] = desk_lexicon(session, entry.department_id, None)
    problems = _entry_text_problems(
        session, entry, "修改文件", entry.amended_by, lexicons[entry.department_id]
    )
    if problems:
        raise ReleaseError(
            QT_TRANSLATE_NOOP(
                "DeskError", "条目“{index_no}”的修改文件未通过保密检查，拒绝发布：{problems}。"
            ),
            index_no=entry.index_no,
            problems="；".join(problems),
        )


def _site_entry(
    entry: CatalogEntry,
    release: Release,
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
        validity=entry.validity if entry.legal_kind else "",
        effective_on=release.effective_on,
        valid_until=release.valid_until,
        amended_on=entry.amended_on.isoformat() if entry.amended_on else "",
        amended_by=entry.amended_by or "",
        pdf_sha256=entry.published_sha256,
        form=InterpretationForm(entry.interpretation_form).label if entry.interpretation_form else "",
        on_request=release.conclusion == ON_REQUEST,
        release_sha256=release.sha256,
        interprets=Link(parent.index_no, parent.title)
        if parent is not None and parent.status == "published"
        else None,
        interpretations=tuple(Link(c.index_no, c.title) for c in interpretations),
        attachments=tuple(Attachment(a.name, a.blob_sha256, a.media_type) for a in attachments),
    )


def _all_site_entries(
    session: Session, rows: list[CatalogEntry], bodies: Mapping[str, str]
) -> list[SiteEntry]:
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
    lexicons: dict[int, CompiledLexicon] = {}
    for r in rows:
        if r.status == "published":
            _refuse_unchecked_amendment(session, r, lexicons)
    return [
        _site_entry(
            r,
            releases.entry_release(session, r, attachments.get(r.id, []), bodies),
            by_index.get(r.interprets_index_no) if r.interprets_index_no else None,
            interpretations.get(r.index_no, []),
            attachments.get(r.id, []),
        )
        for r in rows
        if r.status == "published"
    ]


def _reviewed_title(session: Session, entry: CatalogEntry, bodies: Mapping[str, str]) -> str:
    """The title as reviewed, for the 已撤回 page: the entry row itself may have been edited since."""
    try:
        return releases.load(session, entry.release_sha256, bodies).title if entry.release_sha256 else "—"
    except ReleaseError:
        return "—"


def entry_file_hashes(session: Session, entry: CatalogEntry) -> list[str]:
    """Every file an entry ever put on a target — its own and its release's — to take down on withdrawal."""
    hashes = [
        entry.published_sha256,
        *session.scalars(
            select(CatalogAttachment.blob_sha256).where(CatalogAttachment.catalog_entry_id == entry.id)
        ),
    ]
    if entry.release_sha256:
        with contextlib.suppress(ReleaseError):
            hashes += [f.sha256 for f in releases.load(session, entry.release_sha256).files]
    return sorted({h for h in hashes if h})


def entry_files(session: Session, item: SiteEntry) -> tuple[bytes | None, dict[str, bytes]]:
    """The entry's PDF (None for 依申请公开) and attachments, each re-hashed on loading (the bytes that were reviewed)."""
    return load_blob(session, item.pdf_sha256) if item.pdf_sha256 else None, {
        a.sha256: load_blob(session, a.sha256) for a in item.attachments
    }


def site_plan(session: Session) -> tuple[list[SiteEntry], list[WithdrawnEntry]]:
    """What the static site shows: every live entry from its verified release, and a 已撤回 line for
    every withdrawn one."""
    rows = list(session.scalars(select(CatalogEntry).order_by(CatalogEntry.id)))
    bodies = releases.catalog_bodies(session)
    withdrawn = [
        WithdrawnEntry(
            row.index_no,
            _reviewed_title(session, row, bodies),
            row.withdrawn_on.isoformat() if row.withdrawn_on else "—",
        )
        for row in rows
        if row.status != "published"
    ]
    return _all_site_entries(session, rows, bodies), withdrawn


def site_identity(session: Session) -> SiteIdentity:
    """The site's header and footer: the department whose catalog it is, when its entries are all
    one department's (a shared desk of several publishes one catalog under the plain title)."""
    departments = session.execute(
        select(Department.id, Department.name).where(
            Department.id.in_(select(CatalogEntry.department_id).distinct())
        )
    ).all()
    if len(departments) != 1:
        return SiteIdentity()
    department_id, name = departments[0]
    return site_footer.identity(session, department_id, name)


def update_static_site(db: Database, folder: Path) -> int:
    """Brings the static site in `folder` up to date with the catalog; returns how many files changed.

    Every file written is loaded through load_blob, which re-checks its SHA-256: the bytes on the
    site are the bytes that passed verification. Files already on the site intact are not reloaded.
    The whole site is derived from the database, so running this again after any interruption
    finishes the work: the folder is locked while it runs (two desks never sweep each other's
    files), and the temporary files an interrupted write left are removed.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o755)
    changed = 0
    with pending_work.exclusive(folder), db.read() as session:
        site = StaticSite(folder, site_identity(session))
        changed += len(site.remove_temporary())
        live, withdrawn = site_plan(session)
        for item in live:
            changed += len(site.publish(item, lambda sha: load_blob(session, sha)))
            faults.point("site.after_entry")
        # A withdrawn entry's files go unless a live entry shares them (files are named by hash).
        live_files = live_file_names(live)
        for gone in withdrawn:
            changed += len(site.withdraw(gone, live_files))
        changed += len(site.write_index(live, withdrawn))
    return changed


def rebuild_site(db: Database, data_dir: Path, folder: Path) -> int:
    """`update_static_site`, which also settles the site work that processes which died owed this
    folder (their intents in the data directory, `app.pending_work`); returns how many files changed.

    Those intents are taken before the catalog is read: whatever their processes committed is in
    what this rebuild reads."""
    owed = []
    for intent in pending_work.orphans(data_dir, pending_work.SITE):
        if _same_folder(intent, folder):
            owed.append(intent)
        else:
            intent.release()
    try:
        changed = update_static_site(db, folder)
    except BaseException:
        for intent in owed:
            intent.release()
        raise
    for intent in owed:
        intent.done()
    return changed


def site_key(folder: Path) -> str:
    """How a site folder is named in an intent: absolute and normalised, so that `site rebuild`
    finds the work a publish owed the same folder however each was spelt."""
    return os.path.abspath(folder)


def _same_folder(intent: pending_work.Intent, folder: Path) -> bool:
    return intent.data.get("folder") == site_key(folder)


def change_validity(
    db: Database,
    user_id: int,
    index_no: str,
    validity: Validity,
    reason: str = "",
    amended_on: dt.date | None = None,
    amended_by: str = "",
) -> CatalogEntry:
    """有效性 changes (失效, 废止, 已修改 with its date and amending document) reach every target holding
    the entry. Only 规章 and 规范性文件 have a 有效性."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        if not user.has_role(Role.PUBLISHER):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有发布管理员可以修改有效性。"))
        entry = session.scalar(select(CatalogEntry).where(CatalogEntry.index_no == index_no))
        if entry is None or entry.status != "published":
            raise NotFound(
                QT_TRANSLATE_NOOP("DeskError", "目录中没有已发布的索引号“{index_no}”。"), index_no=index_no
            )
        if user.department_id != entry.department_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError", "只有本部门的发布管理员可以修改目录条目“{index_no}”的有效性。"
                ),
                index_no=index_no,
            )
        if not entry.legal_kind:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError", "“{title}”不是规章或规范性文件：有效性只适用于规章和规范性文件。"
                ),
                title=entry.title,
            )
        amended_by = amended_by.strip() if validity is Validity.AMENDED else ""
        amended_on = amended_on if validity is Validity.AMENDED else None
        if (issue := validity_issue(validity, amended_on, amended_by)) is not None:
            raise ValidationFailed(issue.template)
        field_limits.check(CatalogEntry.amended_by, amended_by)
        # The amending document's name goes out to every target: checked like any text that leaves.
        problems = _entry_text_problems(session, entry, "修改文件", amended_by) if amended_by else []
        if problems:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "修改文件未通过保密检查：{problems}。请改写。"),
                problems="；".join(problems),
            )
        before = _validity_state(entry)
        entry.validity, entry.amended_on, entry.amended_by = validity.value, amended_on, amended_by or None
        if before["validity"] != entry.validity:
            entry.validity_changed_on = desk_day.today()
        session.flush()
        audit.record(
            session,
            user,
            "catalog.validity",
            document_id=entry.document_id,
            index_no=index_no,
            before=before,
            after=_validity_state(entry),
            reason=reason or None,
        )
        follow_on_targets(session, entry, "validity")
        return entry


def _validity_state(entry: CatalogEntry) -> dict[str, str | None]:
    """有效性 as the audit trail records it (the amendment only when there is one)."""
    state: dict[str, str | None] = {"validity": entry.validity}
    if entry.amended_on is not None or entry.amended_by:
        state["amended_on"] = entry.amended_on.isoformat() if entry.amended_on else None
        state["amended_by"] = entry.amended_by
    return state
