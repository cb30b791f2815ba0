"""Releases in the database: frozen at approval, amended only through a check, read back verified.

Every target takes an entry's content from `entry_release`, which refuses an entry whose fields or
files are not its release's — a title edited by SQL after review, a substituted PDF — so nothing
reaches the site, the portal or a transfer package that the review did not cover.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.checking import field_findings
from app.db.models import (
    CatalogAttachment,
    CatalogEntry,
    CheckRun,
    DocumentFile,
    FindingRow,
    ManualArea,
    Review,
    User,
)
from app.db.models import Release as ReleaseRow
from app.documents import load_blob
from app.errors import QT_TRANSLATE_NOOP
from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from publish.release import Release, ReleaseError
from review.as_pdf import as_pdf
from review.formats import Kind
from review.lexicon import CompiledLexicon
from review.model import Rect, Severity
from review.mupdf import LOCK
from review.normalize import normalize
from review.redact import Area


@dataclass(frozen=True)
class ReviewedTexts:
    """What the reviewer decided about texts: removed (or masked) ones must never leave; kept ones may."""

    removed: frozenset[str]
    kept: frozenset[str]


# What an entry with no review on this machine (one from a transfer package) or a text no review
# covers is checked against: the lexicon and rules alone.
NOTHING_REVIEWED = ReviewedTexts(frozenset(), frozenset())


def latest_review(session: Session, document_id: int) -> Review | None:
    return session.scalars(
        select(Review).where(Review.document_id == document_id).order_by(Review.id.desc()).limit(1)
    ).first()


def texts_in_areas(pdf: bytes, areas: list[Area]) -> list[str]:
    """The text a person read under each drawn area, line by line (what the area took out)."""
    if not areas:
        return []
    import pymupdf

    texts: list[str] = []
    with LOCK, pymupdf.open("pdf", pdf) as doc:
        for area in areas:
            if not 0 <= area.page < doc.page_count:
                continue
            rect = pymupdf.Rect(*area.rect[:4])
            raw = doc[area.page].get_text("rawdict", clip=rect)
            for block in raw["blocks"]:
                for line in block.get("lines", []):
                    # A glyph belongs to the area when its centre does: the area's edge may graze a neighbour.
                    chars = [
                        c["c"]
                        for span in line["spans"]
                        for c in span["chars"]
                        if rect.contains(
                            pymupdf.Point(
                                (c["bbox"][0] + c["bbox"][2]) / 2, (c["bbox"][1] + c["bbox"][3]) / 2
                            )
                        )
                    ]
                    text = "".join(chars).strip()
                    if len(text) >= 2:
                        texts.append(text)
    return texts


def _area_texts(session: Session, review: Review) -> list[str]:
    """The text under the drawn areas of the file `review` approved."""
    run = session.get(CheckRun, review.check_run_id)
    if run is None:
        return []
    areas = [
        Area(a.page, Rect(a.x0, a.y0, a.x1, a.y1))
        for a in session.scalars(
            select(ManualArea).where(ManualArea.document_file_id == run.document_file_id)
        )
    ]
    if not areas:
        return []
    original = session.get_one(DocumentFile, run.document_file_id)
    data = load_blob(session, original.blob_sha256)
    return texts_in_areas(as_pdf(original.original_name, data, Kind(original.format)), areas)


def reviewed_texts(session: Session, review: Review | None) -> ReviewedTexts:
    """What `review` kept, and what any review of the document removed: a name taken out before the
    draft was returned and rewritten stays out, unless the last review kept it."""
    if review is None or review.check_run_id is None:
        return NOTHING_REVIEWED
    removed: set[str] = set()
    kept: set[str] = set()
    runs = select(CheckRun.id).where(CheckRun.document_id == review.document_id)
    for row in session.scalars(select(FindingRow).where(FindingRow.check_run_id.in_(runs))):
        if row.decision is None or not row.text:
            continue
        if row.decision.decision in (REMOVE, MASK):
            removed.add(row.text)
        elif row.decision.decision in (KEEP, FALSE_ALARM) and row.check_run_id == review.check_run_id:
            kept.add(row.text)
    removed -= kept
    removed.update(_area_texts(session, review))
    return ReviewedTexts(frozenset(removed), frozenset(kept))


def shown_texts(haystack: str, needles: Collection[str]) -> list[str]:
    """Which of `needles` (removed texts) a field `haystack` shows, as written, after the engine's
    normalisation, or folded (a long one also with one or two of its characters hidden): what may
    not leave the desk in a field, and what the audit of the site looks for in its pages. The
    haystack is normalised and folded once, not once a needle."""
    if not needles:
        return []
    normal, folded = normalize(haystack).text, _fold(haystack)
    shown = []
    for needle in needles:
        needle_folded = _fold(needle)
        if (
            needle in haystack
            or normalize(needle).text in normal
            or (bool(needle_folded) and needle_folded in folded)
            or _all_but_a_few(folded, needle_folded)
        ):
            shown.append(needle)
    return shown


NEARLY_WHOLE = 11  # a removed text this long (an ID, a mobile, a card number) is out with 2 characters hidden


def _all_but_a_few(haystack: str, needle: str) -> bool:
    """Whether `haystack` shows a long removed text with only one or two of its characters hidden
    (11010119900307123*: an ID's check digit follows from the rest). A mask that hides more, as the
    reviewer's 139****5678 does, is not this."""
    if len(needle) < NEARLY_WHOLE:
        return False
    # With at most two characters hidden, one of three pieces of the needle is shown whole (one
    # piece at least holds no hidden character): only windows around where a piece is shown are
    # compared, so a page or a file's text is searched at str.find's speed, not window by window.
    third = len(needle) // 3
    pieces = ((0, needle[:third]), (third, needle[third : 2 * third]), (2 * third, needle[2 * third :]))
    for hidden in (1, 2):
        width = len(needle) - hidden
        starts: set[int] = set()
        for offset, piece in pieces:
            at = haystack.find(piece)
            while at != -1:
                # The piece stands at its offset in the needle less the characters hidden before it.
                starts.update(
                    range(max(0, at - offset), min(at - offset + hidden, len(haystack) - width) + 1)
                )
                at = haystack.find(piece, at + 1)
        if any(_subsequence(haystack[start : start + width], needle) for start in sorted(starts)):
            return True
    return False


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


# Chinese numerals as digits: 小写, 大写 (financial, simplified and traditional) and the spoken 幺/两.
_CHINESE_DIGITS = str.maketrans(
    "〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖貳參陸幺两兩", "00123456789123456789236122"
)
# Letters that are drawn as nothing (Hangul fillers, Khmer inherent vowels, Mongolian selectors).
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f")


def _fold(text: str) -> str:
    """A field as a person reads it: compatibility forms folded (full-width and mathematical digits
    included), case folded, invisible, spacing, punctuation and symbol characters dropped (a removed
    name with a middle dot in it, a number with hyphens), Chinese numerals as digits — so a removed
    name or number cannot come back in a disguise that reads the same."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = (
        c
        for c in folded
        if unicodedata.category(c)[0] not in "CZPS"
        and unicodedata.category(c) not in ("Mn", "Me")
        and c not in _INVISIBLE
    )
    return "".join(kept).translate(_CHINESE_DIGITS)


def field_problems(
    release: Release,
    lexicon: CompiledLexicon,
    texts: ReviewedTexts,
    rulepacks: tuple[tuple[str, bytes], ...] = (),
) -> list[str]:
    """Why the release's text fields may not go out: removed text in them, or a blocking finding
    the review did not decide, judged as of its 成文日期. Each problem names its field ("目录字段 主题词")."""
    written_on = dt.date.fromisoformat(release.written_on) if release.written_on else None
    return text_problems(release.text_fields(), lexicon, texts, document_date=written_on, rulepacks=rulepacks)


def text_problems(
    fields: list[tuple[str, str]],
    lexicon: CompiledLexicon,
    texts: ReviewedTexts,
    *,
    unreviewed: bool = False,
    document_date: dt.date | None = None,
    rulepacks: tuple[tuple[str, bytes], ...] = (),
) -> list[str]:
    """Why any of these (place, text) may not leave the desk; see field_problems. `unreviewed`: text
    written after review, which no reviewer will see, so a 警告 finding refuses it too. Leaders and
    formulations are judged as of `document_date` with the department's `rulepacks`, as the body was."""
    refusing = (Severity.BLOCKING, Severity.WARNING) if unreviewed else (Severity.BLOCKING,)
    problems = []
    for place, text in fields:
        if shown_texts(text, texts.removed):
            problems.append(f"{place}含有审查时删除的内容")
            continue
        folded = _fold(text)
        readings = [(place, text)] + ([(place, folded)] if folded != text else [])
        for finding in field_findings(readings, lexicon, document_date=document_date, rulepacks=rulepacks):
            if finding.severity in refusing and finding.text not in texts.kept:
                problems.append(f"{place}：{finding.message}")
    return list(dict.fromkeys(problems))


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


def load(session: Session, sha256: str, bodies: Mapping[str, str] | None = None) -> Release:
    """A stored release, its bytes re-hashed; `bodies` (catalog_bodies) saves the query."""
    body = (
        bodies.get(sha256)
        if bodies is not None
        else session.scalar(select(ReleaseRow.body).where(ReleaseRow.sha256 == sha256))
    )
    if body is None:
        raise ReleaseError(QT_TRANSLATE_NOOP("DeskError", "找不到冻结的发布内容 {sha}。"), sha=sha256[:12])
    return Release.from_canonical(body.encode("utf-8"), sha256)


def catalog_bodies(session: Session) -> dict[str, str]:
    """Every release a catalog entry names, in one query: a whole-site rebuild reads them all."""
    query = select(ReleaseRow.sha256, ReleaseRow.body).join(
        CatalogEntry, CatalogEntry.release_sha256 == ReleaseRow.sha256
    )
    return {sha: body for sha, body in session.execute(query)}


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
        ("公开范围", entry.scope, release.scope),
        ("正文文件", entry.published_sha256, published.sha256 if published else ""),
        (
            "附件",
            sorted((a.name, a.blob_sha256) for a in attachments),
            sorted((a.name, a.sha256) for a in release.attachments),
        ),
    ]
    return [label for label, have, want in pairs if have != want]


def entry_release(
    session: Session,
    entry: CatalogEntry,
    attachments: list[CatalogAttachment] | None = None,
    bodies: Mapping[str, str] | None = None,
) -> Release:
    """The entry's frozen release, refusing an entry that differs from it in any published field or file."""
    if not entry.release_sha256:
        raise ReleaseError(
            QT_TRANSLATE_NOOP("DeskError", "条目“{index_no}”没有冻结的发布内容，拒绝发布。"),
            index_no=entry.index_no,
        )
    release = load(session, entry.release_sha256, bodies)
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
