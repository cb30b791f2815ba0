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

from app import audit, documents
from app.db.models import Document, Interpretation, InterpretationMedia, User
from app.documents import Draft, import_draft, read_source, store_blob
from app.errors import QT_TRANSLATE_NOOP, DocumentRejected, PermissionDenied, ValidationFailed
from app.roles import Status
from app.workflow import get_document
from publish.taxonomy import DisclosureMode, InterpretationForm
from review.compose import compose_pdf, compose_rich_pdf, rich_text_is_blank, sanitize_rich_text
from review.formats import probe

# Audio and video an interpretation may carry (音视频解读); the engine cannot read them.
MEDIA_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".wav": "audio/wav",
    ".ogg": "audio/ogg",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".mov": "video/quicktime",
}
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


def read_media(path: Path) -> MediaDraft:
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise DocumentRejected(
            path.name,
            QT_TRANSLATE_NOOP("DeskError", "“{name}”不是支持的音视频文件（{kinds}）。"),
            kinds="、".join(sorted(MEDIA_TYPES)),
        )
    return MediaDraft(path.name, read_source(path), media_type)


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
    document.written_on = dt.date.today()
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
            original_name=media.name,
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
