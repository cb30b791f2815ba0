"""Releases in the database: frozen at approval, amended only through a check, read back verified.

Every target takes an entry's content from `entry_release`, which refuses an entry whose fields or
files are not its release's — a title edited by SQL after review, a substituted PDF — so nothing
reaches the site, the portal or a transfer package that the review did not cover.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.checking import field_findings
from app.db.models import CatalogAttachment, CatalogEntry, FindingRow, Review, User
from app.db.models import Release as ReleaseRow
from app.errors import QT_TRANSLATE_NOOP
from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from publish.release import Release, ReleaseError
from review.lexicon import CompiledLexicon
from review.model import Severity
from review.normalize import normalize


@dataclass(frozen=True)
class ReviewedTexts:
    """What the reviewer decided about texts: removed (or masked) ones must never leave; kept ones may."""

    removed: frozenset[str]
    kept: frozenset[str]


def reviewed_texts(session: Session, review: Review | None) -> ReviewedTexts:
    if review is None or review.check_run_id is None:
        return ReviewedTexts(frozenset(), frozenset())
    removed: set[str] = set()
    kept: set[str] = set()
    for row in session.scalars(select(FindingRow).where(FindingRow.check_run_id == review.check_run_id)):
        if row.decision is None or not row.text:
            continue
        if row.decision.decision in (REMOVE, MASK):
            removed.add(row.text)
        elif row.decision.decision in (KEEP, FALSE_ALARM):
            kept.add(row.text)
    return ReviewedTexts(frozenset(removed), frozenset(kept))


def _contains(haystack: str, needle: str) -> bool:
    """Whether `needle` is in `haystack`, as written or after the engine's normalisation."""
    return needle in haystack or normalize(needle).text in normalize(haystack).text


def field_problems(release: Release, lexicon: CompiledLexicon, texts: ReviewedTexts) -> list[str]:
    """Why the release's text fields may not go out: removed text in them, or a blocking finding
    the review did not decide. Each problem names its field ("目录字段 主题词")."""
    problems = []
    for place, text in release.text_fields():
        if any(_contains(text, removed) for removed in texts.removed):
            problems.append(f"{place}含有审查时删除的内容")
            continue
        for finding in field_findings([(place, text)], lexicon):
            if finding.severity is Severity.BLOCKING and finding.text not in texts.kept:
                problems.append(f"{place}：{finding.message}")
    return problems


def store(
    session: Session,
    user: User | None,
    release: Release,
    *,
    document_id: int | None,
    review_id: int | None,
    amends: ReleaseRow | None = None,
) -> ReleaseRow:
    """Keeps the release (once per content) and records its freezing in the audit trail."""
    sha = release.sha256
    row = session.scalar(select(ReleaseRow).where(ReleaseRow.sha256 == sha))
    if row is None:
        row = ReleaseRow(
            sha256=sha,
            document_id=document_id,
            review_id=review_id,
            amends_id=amends.id if amends is not None else None,
            body=release.canonical().decode("utf-8"),
            created_by_id=user.id if user is not None else None,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            user,
            "release.amend" if amends is not None else "release.freeze",
            document_id=document_id,
            release=sha,
            amends=amends.sha256 if amends is not None else None,
        )
    return row


def approved_release(session: Session, review: Review) -> ReleaseRow | None:
    """The release frozen when `review` approved, or its latest amendment."""
    return session.scalars(
        select(ReleaseRow).where(ReleaseRow.review_id == review.id).order_by(ReleaseRow.id.desc()).limit(1)
    ).first()


def load(session: Session, sha256: str) -> Release:
    """A stored release, its bytes re-hashed."""
    row = session.scalar(select(ReleaseRow).where(ReleaseRow.sha256 == sha256))
    if row is None:
        raise ReleaseError(QT_TRANSLATE_NOOP("DeskError", "找不到冻结的发布内容 {sha}。"), sha=sha256[:12])
    return Release.from_canonical(row.body.encode("utf-8"), sha256)


def entry_differences(
    entry: CatalogEntry, release: Release, attachments: list[CatalogAttachment]
) -> list[str]:
    """Which of the entry's published fields and files are not the release's."""
    published = release.published_file
    pairs = [
        ("信息名称", entry.title, release.title),
        ("发文字号", entry.doc_number, release.doc_number),
        ("发布机构", entry.publisher, release.publisher),
        ("成文日期", entry.written_on.isoformat() if entry.written_on else "", release.written_on),
        ("公文种类", entry.doc_type, release.doc_type),
        ("主题分类", entry.category, release.category),
        ("公开方式", entry.disclosure, release.disclosure),
        ("主题词", json.loads(entry.keywords), list(release.keywords)),
        ("内容概述", entry.summary, release.summary),
        ("正文文件", entry.published_sha256, published.sha256 if published else ""),
        (
            "附件",
            sorted((a.name, a.blob_sha256) for a in attachments),
            sorted((a.name, a.sha256) for a in release.attachments),
        ),
    ]
    return [label for label, have, want in pairs if have != want]


def entry_release(
    session: Session, entry: CatalogEntry, attachments: list[CatalogAttachment] | None = None
) -> Release:
    """The entry's frozen release, refusing an entry that differs from it in any published field or file."""
    if not entry.release_sha256:
        raise ReleaseError(
            QT_TRANSLATE_NOOP("DeskError", "条目“{index_no}”没有冻结的发布内容，拒绝发布。"),
            index_no=entry.index_no,
        )
    release = load(session, entry.release_sha256)
    if attachments is None:
        attachments = list(
            session.scalars(select(CatalogAttachment).where(CatalogAttachment.catalog_entry_id == entry.id))
        )
    differences = entry_differences(entry, release, attachments)
    if differences:
        raise ReleaseError(
            QT_TRANSLATE_NOOP(
                "DeskError", "条目“{index_no}”的{fields}与审查批准的发布内容不一致，拒绝发布。请重新审查。"
            ),
            index_no=entry.index_no,
            fields="、".join(differences),
        )
    return release
