"""The reviewer's work on a document: decide each finding, draw areas, conclude.

Approval is refused while a blocking finding is undecided or when the document changed after its
check. Approving produces the published form (redacted, sanitised, verified) and the review
record, both stored as new files of the document; a failed verification refuses the approval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.checking import (
    department_lexicon_csv,
    desk_lexicon,
    latest_run,
    store_department_lexicon,
    stored_finding,
)
from app.db.database import Database
from app.db.models import (
    CheckRun,
    Decision,
    Document,
    DocumentFile,
    FilePurpose,
    FindingRow,
    ManualArea,
    Review,
    User,
)
from app.documents import load_blob, store_blob
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.interpretations import has_live_interpretation, interpretations_of, media_of, needs_interpretation
from app.redaction import DECISIONS, FALSE_ALARM, KEEP, MASK, MASKABLE, REMOVE, RedactionPlan
from app.roles import Status
from app.workflow import REVIEWS_MADE, Action, get_document, load_for_update, perform, refusal
from publish.taxonomy import LegalBasis
from review.as_pdf import as_pdf
from review.clean_docx import clean_docx
from review.formats import Kind
from review.lexicon import CompiledLexicon, parse_csv
from review.model import Rect, Severity
from review.record import RecordLine, ReviewRecord, record_pdf
from review.redact import Area, RedactionOptions, areas_for_texts, redact_pdf
from review.verify import verify_published


class Conclusion(StrEnum):
    DISCLOSE = "disclose"  # 同意公开
    DISCLOSE_REDACTED = "disclose_redacted"  # 删减后公开
    ON_REQUEST = "on_request"  # 依申请公开

    @property
    def label(self) -> str:
        return _CONCLUSION_LABELS[self]


_CONCLUSION_LABELS = {
    Conclusion.DISCLOSE: QT_TRANSLATE_NOOP("Vocabulary", "同意公开"),
    Conclusion.DISCLOSE_REDACTED: QT_TRANSLATE_NOOP("Vocabulary", "删减后公开"),
    Conclusion.ON_REQUEST: QT_TRANSLATE_NOOP("Vocabulary", "依申请公开"),
}
DECISION_LABELS = {
    REMOVE: QT_TRANSLATE_NOOP("Vocabulary", "删除"),
    MASK: QT_TRANSLATE_NOOP("Vocabulary", "遮盖"),
    KEEP: QT_TRANSLATE_NOOP("Vocabulary", "保留"),
    FALSE_ALARM: QT_TRANSLATE_NOOP("Vocabulary", "误报"),
}


def _reviewable(session: Session, user: User, document: Document) -> None:
    """The reviewer may work on this document now (same rules as deciding it)."""
    problem = refusal(document, user, Action.APPROVE, session)
    if problem is not None:
        raise problem


def decide(
    session: Session,
    user: User,
    finding_id: int,
    decision: str,
    *,
    basis: LegalBasis | None = None,
    reason: str = "",
    add_to_allow_list: bool = False,
) -> Decision:
    finding = session.get(FindingRow, finding_id)
    if finding is None or decision not in DECISIONS:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "无效的发现或处理方式。"))
    document = get_document(session, finding.check_run.document_id)
    _reviewable(session, user, document)
    run = latest_run(session, document.id)
    if run is None or run.id != finding.check_run_id:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该发现不属于文件的最新检查结果，请刷新。"))
    reason = reason.strip()
    if decision in (REMOVE, MASK) and basis is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "删除或遮盖必须选择法律依据。"))
    if decision == MASK and finding.rule_id not in MASKABLE:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "只有身份证号、手机号和银行卡号可以遮盖。"))
    if decision in (KEEP, FALSE_ALARM) and not reason:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "保留或判为误报必须写明理由。"))
    before = finding.decision.decision if finding.decision else None
    row = finding.decision or Decision(finding_id=finding.id, decided_by_id=user.id)
    row.decision, row.basis, row.reason, row.decided_by_id = (
        decision,
        basis.value if basis else None,
        reason,
        user.id,
    )
    if finding.decision is None:
        session.add(row)
    session.flush()
    if decision == FALSE_ALARM and add_to_allow_list and finding.text:
        _allow(session, user, document.department_id, finding.text)
    audit.record(
        session,
        user,
        "finding.decide",
        document_id=document.id,
        finding=finding.id,
        rule=finding.rule_id,
        before={"decision": before},
        after={"decision": decision, "basis": row.basis},
        reason=reason or None,
    )
    return row


def _allow(session: Session, user: User, department_id: int, text: str) -> None:
    lexicon = parse_csv(department_lexicon_csv(session, department_id))
    if text in lexicon.allowed:
        return
    lexicon.allowed.append(text)
    store_department_lexicon(session, department_id, lexicon)
    audit.record(session, user, "lexicon.allow", department_id=department_id, text=text)


def add_manual_area(
    session: Session, user: User, document_id: int, page: int, rect: Rect, basis: LegalBasis, reason: str = ""
) -> ManualArea:
    document = get_document(session, document_id)
    _reviewable(session, user, document)
    area = ManualArea(
        document_file_id=document.current_original().id,
        page=page,
        x0=rect.x0,
        y0=rect.y0,
        x1=rect.x1,
        y1=rect.y1,
        basis=basis.value,
        reason=reason.strip(),
        created_by_id=user.id,
    )
    session.add(area)
    session.flush()
    audit.record(
        session,
        user,
        "area.add",
        document_id=document_id,
        area=area.id,
        page=page,
        rect=[round(v, 1) for v in (rect.x0, rect.y0, rect.x1, rect.y1)],
        basis=basis.value,
    )
    return area


def manual_areas(session: Session, document_id: int) -> list[ManualArea]:
    current = get_document(session, document_id).current_original().id
    return list(session.scalars(select(ManualArea).where(ManualArea.document_file_id == current)))


def undecided_blocking(run: CheckRun) -> list[FindingRow]:
    return [f for f in run.findings if f.severity == Severity.BLOCKING.value and f.decision is None]


@dataclass(frozen=True)
class Approval:
    review_id: int
    published_sha256: str
    record_sha256: str


@dataclass
class _Reviewed:
    """What approval read of one document (the document or an interpretation going with it)."""

    document_id: int
    expected_version: int | None
    title: str
    doc_number: str
    department: str
    revision: int
    run_id: int
    lexicon_version: str
    engine_version: str
    original_sha256: str
    original_name: str
    data: bytes
    kind: Kind
    plan: RedactionPlan
    manual: list[Area]
    record_lines: list[RecordLine]
    lexicon: CompiledLexicon
    companion: bool  # an interpretation approved with its document

    def conclusion(self) -> Conclusion:
        return Conclusion.DISCLOSE_REDACTED if (self.plan.remove or self.manual) else Conclusion.DISCLOSE


@dataclass
class _Produced:
    pdf: bytes
    cleaned_docx: bytes | None


def approve(
    db: Database,
    user_id: int,
    document_id: int,
    expected_version: int | None,
    conclusion: Conclusion,
    opinion: str,
    cache_dir: Path | None,
    options: RedactionOptions | None = None,
    *,
    no_interpretation_reason: str = "",
) -> Approval:
    """Checks the gates, produces and verifies the published form, writes the record, approves.

    Interpretations submitted with the document are approved with it: each needs its own
    blocking findings decided and its own published form verified, or the document waits too.
    """
    opinion, waiver = opinion.strip(), no_interpretation_reason.strip()
    if not opinion:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写审查意见。"))
    with db.read() as session:
        user = session.get_one(User, user_id)
        document = load_for_update(session, document_id, expected_version)
        main = _read_for_approval(session, user, document, expected_version, cache_dir, companion=False)
        if conclusion is Conclusion.DISCLOSE and main.conclusion() is not Conclusion.DISCLOSE:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "有删除或遮盖的内容，结论应为“删减后公开”。")
            )
        if conclusion is Conclusion.DISCLOSE_REDACTED and main.conclusion() is Conclusion.DISCLOSE:
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "没有任何删除或遮盖，结论应为“同意公开”。"))
        companions = [
            _read_for_approval(session, user, i.document, i.document.version, cache_dir, companion=True)
            for i in interpretations_of(session, document_id)
            if i.document.status_enum is Status.PENDING_REVIEW
        ]
        if (
            needs_interpretation(document)
            and not has_live_interpretation(session, document_id)
            and not waiver
        ):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "“{title}”是规章、规范性文件或需解读的文件，须同步附政策解读后才能批准（三同步）。"
                    "如确实无需解读，请在审查结论中写明理由。",
                ),
                title=document.title,
            )
        if not needs_interpretation(document):
            waiver = ""
    produced = [
        _produce(item, options if not item.companion else None, rasterize=bool(options and options.rasterize))
        for item in (main, *companions)
    ]
    with db.write() as session:
        user = session.get_one(User, user_id)
        approvals = [
            _store_approval(
                session,
                user,
                item,
                result,
                conclusion if not item.companion else item.conclusion(),
                opinion,
                waiver if not item.companion else "",
            )
            for item, result in zip((main, *companions), produced, strict=True)
        ]
        return approvals[0]


def _read_for_approval(
    session: Session,
    user: User,
    document: Document,
    expected_version: int | None,
    cache_dir: Path | None,
    *,
    companion: bool,
) -> _Reviewed:
    _reviewable(session, user, document)
    run = latest_run(session, document.id)
    if run is None:
        if companion:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "随文件提交的政策解读“{title}”尚未检查，不能批准。"),
                title=document.title,
            )
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "文件在最近一次修改后尚未检查，不能批准。请先运行保密检查。")
        )
    undecided = undecided_blocking(run)
    if undecided and companion:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError", "随文件提交的政策解读“{title}”还有 {count} 项阻断级发现未处理，不能批准。"
            ),
            title=document.title,
            count=len(undecided),
        )
    if undecided:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "还有 {count} 项阻断级发现未处理，不能批准。"),
            count=len(undecided),
        )
    plan = RedactionPlan()
    for row in run.findings:
        if row.decision is not None:
            plan.add(stored_finding(row), row.decision.decision)
    original = document.current_original()
    media = [
        RecordLine("—", "音视频", m.original_name, "附件", "人工审查", "", "")
        for m in media_of(session, document.id)
    ]
    return _Reviewed(
        document_id=document.id,
        expected_version=expected_version,
        title=document.title,
        doc_number=document.doc_number,
        department=document.department.name,
        revision=original.revision,
        run_id=run.id,
        lexicon_version=run.lexicon_version,
        engine_version=run.engine_version,
        original_sha256=original.blob_sha256,
        original_name=original.original_name,
        data=load_blob(session, original.blob_sha256),
        kind=Kind(original.format),
        plan=plan,
        manual=[Area(a.page, Rect(a.x0, a.y0, a.x1, a.y1)) for a in manual_areas(session, document.id)],
        record_lines=_record_lines(run) + media,
        lexicon=desk_lexicon(session, document.department_id, cache_dir),
        companion=companion,
    )


def _produce(item: _Reviewed, options: RedactionOptions | None, *, rasterize: bool) -> _Produced:
    """The redacted, sanitised published form, verified; refuses on any leak."""
    options = options or RedactionOptions(
        rasterize=rasterize, metadata={"title": item.title, "author": item.department}
    )
    pdf = as_pdf(item.original_name, item.data, item.kind)
    outcome = redact_pdf(pdf, [*areas_for_texts(pdf, item.plan.remove), *item.manual], options)
    verification = verify_published(
        outcome.pdf,
        item.plan.removed_texts,
        item.lexicon,
        kept_text=None if item.manual else outcome.kept_text,
        replacements=item.plan.replacements,
        kept_decisions=item.plan.keep,
        rasterized=options.rasterize,
    )
    cleaned = clean_docx(item.data, item.plan.removed_texts, item.title) if item.kind is Kind.DOCX else None
    if cleaned is not None:
        verification.leaks.extend(_leaks_in(cleaned, item.plan.removed_texts))
    if not verification.ok and item.companion:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "政策解读“{title}”删减后复核未通过，不能批准：{problems}"),
            title=item.title,
            problems="；".join(verification.describe()),
        )
    if not verification.ok:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "删减后复核未通过，不能批准：{problems}"),
            problems="；".join(verification.describe()),
        )
    return _Produced(outcome.pdf, cleaned)


def _store_approval(
    session: Session,
    user: User,
    item: _Reviewed,
    produced: _Produced,
    conclusion: Conclusion,
    opinion: str,
    waiver: str,
) -> Approval:
    """Stores the published form and the record, writes the review and approves, in the caller's transaction."""
    document = load_for_update(session, item.document_id, item.expected_version)
    if document.current_original().blob_sha256 != item.original_sha256:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "文件在检查后已被修改，不能批准。请重新检查。"))
    published_sha = store_blob(session, produced.pdf)
    record = record_pdf(
        ReviewRecord(
            title=item.title,
            doc_number=item.doc_number,
            department=item.department,
            file_name=item.original_name,
            file_sha256=item.original_sha256,
            lexicon_version=item.lexicon_version,
            engine_version=item.engine_version,
            lines=item.record_lines,
            conclusion=conclusion.label
            + ("（条例第三十七条，区分处理）" if conclusion is Conclusion.DISCLOSE_REDACTED else ""),
            opinion=opinion + (f"\n未附政策解读的理由：{waiver}" if waiver else ""),
            basis="",
            reviewer=user.display_name,
            reviewed_at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            published_sha256=published_sha,
        )
    )
    record_sha = store_blob(session, record)
    derived = [
        (FilePurpose.PUBLISHED, published_sha, produced.pdf, f"{item.title}（发布版）.pdf"),
        (FilePurpose.RECORD, record_sha, record, f"{item.title}（保密审查单）.pdf"),
    ]
    if produced.cleaned_docx is not None:
        cleaned_sha = store_blob(session, produced.cleaned_docx)
        derived.append(
            (FilePurpose.CLEANED_DOCX, cleaned_sha, produced.cleaned_docx, f"{item.title}（清理版）.docx")
        )
    for purpose, sha, blob, name in derived:
        _replace_file(session, item.document_id, item.revision, purpose, sha, blob, name, user.id)
    review = Review(
        document_id=item.document_id,
        check_run_id=item.run_id,
        conclusion=conclusion.value,
        opinion=opinion,
        basis=None,
        reviewer_id=user.id,
        published_sha256=published_sha,
        record_sha256=record_sha,
        no_interpretation_reason=waiver or None,
    )
    session.add(review)
    session.flush()
    session.info.setdefault(REVIEWS_MADE, set()).add(review.id)
    perform(
        session,
        user,
        item.document_id,
        Action.APPROVE,
        expected_version=item.expected_version,
        reason=opinion,
        review_id=review.id,
    )
    audit.record(
        session,
        user,
        "document.review",
        document_id=item.document_id,
        review=review.id,
        conclusion=conclusion.value,
        published_sha256=published_sha,
        record_sha256=record_sha,
        removed=len(item.plan.remove),
        areas=len(item.manual),
        no_interpretation_reason=waiver or None,
    )
    return Approval(review.id, published_sha, record_sha)


def refuse(
    db: Database,
    user_id: int,
    document_id: int,
    expected_version: int | None,
    basis: LegalBasis,
    opinion: str,
) -> Approval:
    """不予公开: needs its legal basis; writes the review record like an approval does."""
    opinion = opinion.strip()
    if not opinion:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写审查意见。"))
    with db.write() as session:
        user = session.get_one(User, user_id)
        document = load_for_update(session, document_id, expected_version)
        _reviewable(session, user, document)
        run = latest_run(session, document_id)
        original = document.current_original()
        record = record_pdf(
            ReviewRecord(
                title=document.title,
                doc_number=document.doc_number,
                department=document.department.name,
                file_name=original.original_name,
                file_sha256=original.blob_sha256,
                lexicon_version=run.lexicon_version if run else "—",
                engine_version=run.engine_version if run else "—",
                lines=_record_lines(run) if run else [],
                conclusion="不予公开",
                opinion=opinion,
                basis=basis.label,
                reviewer=user.display_name,
                reviewed_at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                published_sha256="",
            )
        )
        record_sha = store_blob(session, record)
        _replace_file(
            session,
            document_id,
            original.revision,
            FilePurpose.RECORD,
            record_sha,
            record,
            f"{document.title}（保密审查单）.pdf",
            user.id,
        )
        review = Review(
            document_id=document_id,
            check_run_id=run.id if run else None,
            conclusion="withhold",
            opinion=opinion,
            basis=basis.value,
            reviewer_id=user.id,
            published_sha256=None,
            record_sha256=record_sha,
        )
        session.add(review)
        session.flush()
        perform(
            session,
            user,
            document_id,
            Action.REFUSE,
            expected_version=expected_version,
            reason=opinion,
            basis=basis,
        )
        return Approval(review.id, "", record_sha)


def _leaks_in(docx: bytes, removed: list[str]) -> list[tuple[str, str]]:
    """Removed texts still found anywhere in a cleaned DOCX (every part the extractor reads)."""
    from review.extract.docx import extract_docx

    streams = extract_docx("cleaned.docx", docx).streams
    return [(text, f"清理版 DOCX {s.channel.label}") for text in removed for s in streams if text in s.text]


def _replace_file(
    session: Session,
    document_id: int,
    revision: int,
    purpose: str,
    sha: str,
    blob: bytes,
    name: str,
    user_id: int,
) -> None:
    """Stores a derived file for a revision; a later review of the same revision replaces the earlier one."""
    existing = session.scalar(
        select(DocumentFile).where(
            DocumentFile.document_id == document_id,
            DocumentFile.revision == revision,
            DocumentFile.purpose == purpose,
        )
    )
    if existing is not None:
        session.delete(existing)
        session.flush()
    session.add(
        DocumentFile(
            document_id=document_id,
            revision=revision,
            purpose=purpose,
            blob_sha256=sha,
            original_name=name,
            media_type="application/pdf",
            format="pdf",
            size=len(blob),
            page_count=None,
            created_by_id=user_id,
        )
    )


def _record_lines(run: CheckRun) -> list[RecordLine]:
    lines = []
    for row in run.findings:
        finding = stored_finding(row)
        d = row.decision
        lines.append(
            RecordLine(
                severity=finding.severity.label,
                category=finding.category,
                text=finding.text[:60],
                place=finding.location.describe() or finding.channel.label,
                decision=DECISION_LABELS[d.decision] if d else "未处理",
                basis=LegalBasis(d.basis).label if d and d.basis else "",
                reason=d.reason if d else "",
            )
        )
    return lines


def document_files(session: Session, document_id: int, purpose: str) -> DocumentFile | None:
    document = get_document(session, document_id)
    files = [f for f in document.files if f.purpose == purpose]
    return max(files, key=lambda f: f.id) if files else None


def file_bytes(session: Session, document_id: int, purpose: str) -> bytes | None:
    f = document_files(session, document_id, purpose)
    return load_blob(session, f.blob_sha256) if f else None
