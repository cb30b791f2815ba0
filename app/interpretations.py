"""政策解读: interpretations attached to a document, written in the desk or uploaded, with media.

An interpretation is itself a document — checked by the same engine, reviewed, published with
its own 索引号 — linked to the document it interprets. Text written in the desk is laid out as
a PDF (its original); audio and video are stored and listed, and reviewed by a person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, desk_day, documents, field_limits
from app.checking import is_in_attachment, latest_run
from app.db.models import Document, Interpretation, InterpretationMedia, User, utcnow
from app.documents import Draft, import_draft, load_blob, read_source, store_blob
from app.errors import QT_TRANSLATE_NOOP, DocumentRejected, NotFound, PermissionDenied, ValidationFailed
from app.redaction import MASK, REMOVE
from app.roles import Status
from app.workflow import Action, get_document, refusal
from publish.taxonomy import DisclosureMode, InterpretationForm
from review.compose import compose_pdf, compose_rich_pdf, rich_text_is_blank, sanitize_rich_text
from review.errors import TranslatableError
from review.formats import MEDIA_SUFFIXES, Content, identify_content, probe
from review.record import RecordLine

# Audio and video an interpretation may carry (音视频解读), by the name a clerk picks them by; what
# a file is, is then decided by its bytes (review.formats.identify_content).
MEDIA_TYPES = {suffix: media_type for suffix, (_family, media_type) in MEDIA_SUFFIXES.items()}
# States in which a document still takes interpretations (not 不予公开, not 已撤回).
ATTACHABLE = (Status.DRAFT, Status.PENDING_REVIEW, Status.APPROVED, Status.PUBLISHED)


@dataclass(frozen=True)
class MediaDraft:
    name: str
    data: bytes
    media_type: str


@dataclass(frozen=True)
class InterpretationRow:
    """What a list shows of an interpretation; plain data, safe to pass between threads."""

    id: int
    title: str
    form: InterpretationForm
    drafting_department: str
    status: Status
    media: tuple[str, ...]
    media_pending: int = 0  # media still waiting for the reviewer's attestation (人工审查)


def read_media(path: Path) -> MediaDraft:
    """An audio/video file to attach, typed by its content. A file that is really a document the
    engine reads is taken (and checked like one); anything else that is not known media is refused."""
    if path.suffix.lower() not in MEDIA_TYPES:
        raise DocumentRejected(
            path.name,
            QT_TRANSLATE_NOOP("DeskError", "“{name}”不是支持的音视频文件（{kinds}）。"),
            kinds="、".join(sorted(MEDIA_TYPES)),
        )
    data = read_source(path)
    content = identify_content(path.name, data)
    if content is None:
        raise DocumentRejected(
            path.name,
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{name}”的内容既不是可识别的音视频格式，也不是可检查的文档，不能作为音视频附件上传。",
            ),
        )
    return MediaDraft(path.name, data, content.media_type)


def written_draft(title: str, rich_text: str) -> Draft:
    """The PDF original of an interpretation written in the desk."""
    if rich_text_is_blank(rich_text):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "解读正文不能为空。"))
    pdf = compose_rich_pdf(rich_text, title)
    name = f"{title}.pdf"
    return Draft(name, pdf, probe(name, pdf))


def media_cover(title: str, form: InterpretationForm, department: str, media: list[MediaDraft]) -> Draft:
    """For an interpretation that is only audio or video: a page that says what it holds."""
    lines = [f"解读形式：{form.label}", f"起草部门：{department}", "本解读以音视频形式发布，包括："]
    lines += [f"{m.name}（SHA-256：{hashlib.sha256(m.data).hexdigest()[:16]}…）" for m in media]
    pdf = compose_pdf(lines, title)
    name = f"{title}.pdf"
    return Draft(name, pdf, probe(name, pdf))


def attach(
    session: Session,
    user: User,
    document_id: int,
    *,
    form: InterpretationForm,
    title: str,
    drafting_department: str,
    draft: Draft | None = None,
    rich_text: str = "",
    media: list[MediaDraft] | None = None,
) -> Document:
    """Creates an interpretation of `document_id` as a new draft of the same department."""
    media = media or []
    parent = get_document(session, document_id)
    title, drafting_department = title.strip(), drafting_department.strip()
    if interpretation_of(session, parent.id) is not None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "政策解读本身不能再附解读。"))
    if parent.status_enum not in ATTACHABLE:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "文件“{title}”当前为“{status}”，不能再附解读。"),
            title=parent.title,
            status=parent.status_enum.label,
        )
    if user.department_id != parent.department_id:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以为文件添加解读。"))
    if not title:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写解读标题。"))
    if not drafting_department:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写起草部门（谁起草、谁解读）。"))
    field_limits.check(Document.title, title, name="解读标题")
    field_limits.check(Interpretation.drafting_department, drafting_department)
    if draft is not None and rich_text.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "解读正文请二选一：在此撰写，或上传文件。"))
    if draft is None and rich_text.strip():
        draft = written_draft(title, rich_text)
    if draft is None and media:
        draft = media_cover(title, form, drafting_department, media)
    if draft is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请撰写解读正文，或选择解读文件。"))
    document = import_draft(session, user, draft, title=title, disclosure=DisclosureMode(parent.disclosure))
    document.category = parent.category
    document.written_on = desk_day.today()
    session.add(
        Interpretation(
            document_id=document.id,
            interprets_id=parent.id,
            form=form.value,
            drafting_department=drafting_department,
            source_html=sanitize_rich_text(rich_text) if rich_text.strip() else "",
        )
    )
    session.flush()
    stored_media = [_store_media(session, user, document.id, m) for m in media]
    audit.record(
        session,
        user,
        "interpretation.attach",
        document_id=document.id,
        interprets=parent.id,
        form=form.value,
        drafting_department=drafting_department,
        media=stored_media,
    )
    return document


def revise(
    session: Session,
    user: User,
    document_id: int,
    expected_version: int | None,
    *,
    draft: Draft | None = None,
    rich_text: str = "",
) -> Document:
    """A new original for a draft: an uploaded file, or an interpretation's text rewritten in the desk.

    An interpretation keeps its desk-written text only while that text is its original, so a file
    uploaded in its place ends the editing in the desk.
    """
    interpretation = interpretation_of(session, document_id)
    if draft is not None and rich_text.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "解读正文请二选一：在此撰写，或上传文件。"))
    if draft is None:
        if interpretation is None:
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "只有政策解读可以在此撰写正文。"))
        draft = written_draft(get_document(session, document_id).title, rich_text)
    document = documents.revise(session, user, document_id, expected_version, draft)
    if interpretation is not None:
        interpretation.source_html = sanitize_rich_text(rich_text) if rich_text.strip() else ""
        # A new revision is reviewed anew: earlier attestations of its media vouch for the old one.
        for media in media_of(session, document_id):
            media.attested_by_id, media.attested_at, media.attest_note = None, None, ""
    return document


def written_text(session: Session, document_id: int) -> str:
    """The desk-written text of an interpretation as sanitised HTML; empty for anything else."""
    interpretation = interpretation_of(session, document_id)
    return interpretation.source_html if interpretation is not None else ""


def _store_media(session: Session, user: User, interpretation_id: int, media: MediaDraft) -> str:
    digest = store_blob(session, media.data)
    session.add(
        InterpretationMedia(
            interpretation_id=interpretation_id,
            blob_sha256=digest,
            original_name=field_limits.shorten_file_name(InterpretationMedia.original_name, media.name),
            media_type=media.media_type,
            size=len(media.data),
            created_by_id=user.id,
        )
    )
    session.flush()
    return digest


def interpretation_of(session: Session, document_id: int) -> Interpretation | None:
    """The interpretation row if `document_id` is an interpretation, else None."""
    return session.get(Interpretation, document_id)


def interpretations_of(session: Session, document_id: int) -> list[Interpretation]:
    return list(
        session.scalars(
            select(Interpretation)
            .where(Interpretation.interprets_id == document_id)
            .order_by(Interpretation.document_id)
        )
    )


def media_of(session: Session, interpretation_id: int) -> list[InterpretationMedia]:
    return list(
        session.scalars(
            select(InterpretationMedia)
            .where(InterpretationMedia.interpretation_id == interpretation_id)
            .order_by(InterpretationMedia.id)
        )
    )


def rows_of(session: Session, document_id: int) -> list[InterpretationRow]:
    return [
        InterpretationRow(
            id=i.document_id,
            title=i.document.title,
            form=InterpretationForm(i.form),
            drafting_department=i.drafting_department,
            status=i.document.status_enum,
            media=tuple(m.original_name for m in media_of(session, i.document_id)),
            media_pending=len(unattested_media(session, i.document_id, strict=False)),
        )
        for i in interpretations_of(session, document_id)
    ]


def needs_interpretation(document: Document) -> bool:
    """三同步 applies: a 规章, a 规范性文件 or a document marked 需解读."""
    return bool(document.rule or document.normative or document.needs_interpretation)


def has_live_interpretation(session: Session, document_id: int) -> bool:
    """An interpretation that is on its way out with the document (submitted, approved or published)."""
    live = (Status.PENDING_REVIEW, Status.APPROVED, Status.PUBLISHED)
    return any(i.document.status_enum in live for i in interpretations_of(session, document_id))


# -- 人工审查: what the engine cannot read, a reviewer attests file by file -------------------------


@dataclass(frozen=True)
class MediaState:
    """One audio/video file of an interpretation as the CLI and the desk list it; plain data."""

    id: int
    name: str
    size: int
    detected: str  # what its bytes are (a Vocabulary label)
    readable: bool  # the engine reads it: it is checked like the document, no attestation needed
    attested_by: str | None
    attested_at: dt.datetime | None  # naive UTC
    note: str

    @property
    def needs_attestation(self) -> bool:
        return not self.readable and self.attested_at is None

    @property
    def attested_when(self) -> str:
        """When it was attested, in local time as people read it; empty if it was not."""
        if self.attested_at is None:
            return ""
        return self.attested_at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _content(session: Session, media: InterpretationMedia) -> Content | None:
    """What a stored media file is by its bytes; None when unreadable (unknown or damaged)."""
    try:
        return identify_content(media.original_name, load_blob(session, media.blob_sha256))
    except TranslatableError:
        return None


def _attestation_valid(session: Session, media: InterpretationMedia) -> bool:
    """An attestation vouches for the file and the revision it was given for, and no later one."""
    if media.attested_at is None or media.attested_by_id is None:
        return False
    original = get_document(session, media.interpretation_id).current_original()
    return media.attested_at >= media.created_at and media.attested_at >= original.created_at


def media_states(session: Session, document_id: int) -> list[MediaState]:
    states = []
    for m in media_of(session, document_id):
        content = _content(session, m)
        valid = _attestation_valid(session, m)
        attester = session.get(User, m.attested_by_id) if valid and m.attested_by_id else None
        states.append(
            MediaState(
                id=m.id,
                name=m.original_name,
                size=m.size,
                detected=content.label if content else QT_TRANSLATE_NOOP("Vocabulary", "无法识别的数据"),
                readable=bool(content and content.readable),
                attested_by=attester.display_name if attester else None,
                attested_at=m.attested_at if valid else None,
                note=m.attest_note if valid else "",
            )
        )
    return states


def unattested_media(session: Session, document_id: int, *, strict: bool = True) -> list[InterpretationMedia]:
    """The document's audio/video files the engine cannot read and no reviewer has attested yet.

    Approval refuses while this is not empty. With `strict` (the approval gate) it also raises
    PermissionDenied for a media file that cannot be approved at all, attested or not: one uploaded
    after the latest check, or one a finding in which was decided 删除/遮盖 — a media file is
    published exactly as it is, so nothing can be taken out of it; the clerk must remove or replace it.
    """
    if strict and (problem := media_refusal(session, document_id)) is not None:
        raise problem
    pending = []
    for m in media_of(session, document_id):
        content = _content(session, m)
        if not (content and content.readable) and not _attestation_valid(session, m):
            pending.append(m)
    return pending


def media_refusal(session: Session, document_id: int) -> PermissionDenied | None:
    """Why the document's media stop its approval whatever is attested, or None."""
    media = media_of(session, document_id)
    if not media:
        return None
    run = latest_run(session, document_id)
    if run is None:
        return None  # the approval gate refuses an unchecked document itself
    for m in media:
        if m.created_at > run.finished_at:
            return PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError", "附件“{name}”是在最近一次保密检查之后上传的，请重新检查后再批准。"
                ),
                name=m.original_name,
            )
    for m in media:
        removed = [
            f
            for f in run.findings
            if f.decision is not None
            and f.decision.decision in (REMOVE, MASK)
            and is_in_attachment(f, m.original_name)
        ]
        if removed:
            return PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "附件“{name}”中有 {count} 项内容被决定删除或遮盖，但音视频附件按原样发布、无法删减。"
                    "请退回经办人删除或替换该附件后重新提交。",
                ),
                name=m.original_name,
                count=len(removed),
            )
    return None


def attest_media(session: Session, user: User, media_id: int, note: str) -> InterpretationMedia:
    """The reviewer's 人工审查 of one audio/video file: who, when and what they found, audited."""
    media = session.get(InterpretationMedia, media_id)
    if media is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "找不到编号为 {id} 的音视频附件。"), id=media_id)
    note = note.strip()
    document = get_document(session, media.interpretation_id)
    if document.status_enum is not Status.PENDING_REVIEW:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”当前为“{status}”，提交审查后才能进行人工审查。"),
            title=document.title,
            status=document.status_enum.label,
        )
    # Who may attest is who may approve: a reviewer of the department who did not write it.
    problem = refusal(document, user, Action.APPROVE, session)
    if problem is not None:
        raise problem
    if not note:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "请填写人工审查说明（试听或观看了哪些内容、有无敏感信息）。")
        )
    before = media.attested_at
    media.attested_by_id, media.attested_at, media.attest_note = user.id, utcnow(), note
    session.flush()
    audit.record(
        session,
        user,
        "media.attest",
        document_id=document.id,
        media=media.id,
        name=media.original_name,
        sha256=media.blob_sha256,
        note=note,
        before={"attested_at": before.isoformat() if before else None},
    )
    return media


def media_record_lines(session: Session, document_id: int) -> list[RecordLine]:
    """The review record's line for each audio/video file: checked by the engine (its findings have
    their own lines), or 人工审查 by whom, when, with the note — or 未审查."""
    lines = []
    for state in media_states(session, document_id):
        if state.readable:
            decision, reason = "已由检查引擎按实际内容检查", f"实际内容：{state.detected}"
        elif state.attested_at is not None:
            decision = "人工审查"
            reason = f"{state.attested_by}，{state.attested_when}：{state.note}"
        else:
            decision, reason = "未审查", ""
        lines.append(
            RecordLine(
                severity="—",
                category="音视频附件",
                text=state.name,
                place=f"附件（{state.detected}）",
                decision=decision,
                basis="",
                reason=reason,
            )
        )
    return lines
