"""Documents: import (one transaction, all or nothing), metadata, queues, file contents."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, field_limits
from app.db.database import Database, add_if_absent
from app.db.models import Blob, Document, DocumentFile, FilePurpose, User, utcnow
from app.errors import QT_TRANSLATE_NOOP, DocumentRejected, NotFound, PermissionDenied, ValidationFailed
from app.roles import Role, Status
from app.vocabulary import Queue
from app.workflow import authors, get_document, load_for_update
from publish.taxonomy import DOCUMENT_TYPES, DisclosureMode
from review.errors import EncryptedDocument
from review.formats import Kind, Probe, check_size, decrypt_pdf, display_name, probe


@dataclass(frozen=True)
class DocumentRow:
    """What a list shows of a document; plain data, safe to pass between threads."""

    id: int
    title: str
    doc_number: str
    doc_type: str
    status: Status
    department: str
    created_by: str
    updated_at: dt.datetime
    version: int


def read_source(path: Path) -> bytes:
    """The file's bytes, refusing empty and oversize files before reading them into memory."""
    name = display_name(path.name)
    try:
        check_size(name, path.stat().st_size)
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise DocumentRejected(name, QT_TRANSLATE_NOOP("DeskError", "“{name}”是文件夹，不是文件。")) from exc
    except FileNotFoundError as exc:
        raise DocumentRejected(name, QT_TRANSLATE_NOOP("DeskError", "找不到文件“{name}”。")) from exc
    except PermissionError as exc:
        raise DocumentRejected(name, QT_TRANSLATE_NOOP("DeskError", "没有读取“{name}”的权限。")) from exc
    except OSError as exc:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP("DeskError", "读取“{name}”失败：{reason}"),
            reason=exc.strerror or str(exc),
        ) from exc


def store_blob(session: Session, data: bytes) -> str:
    """Keeps `data` once, under its SHA-256; returns the hash."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        # Someone storing the same bytes at the same moment is no conflict: the content is the key.
        add_if_absent(session, Blob(sha256=digest, size=len(data), data=data))
    return digest


def load_blob(session: Session, digest: str) -> bytes:
    data = session.scalar(select(Blob.data).where(Blob.sha256 == digest))
    if data is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "文件内容 {sha} 不在数据库中。"), sha=digest[:12])
    if hashlib.sha256(data).hexdigest() != digest:
        # Never hand on bytes that are not the ones that were checked.
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "文件内容 {sha} 与其哈希不符，数据库可能已损坏。"), sha=digest[:12]
        )
    return bytes(data)


@dataclass(frozen=True)
class Draft:
    """A file read and identified, ready to become a document (done before any transaction)."""

    name: str
    data: bytes
    probe: Probe
    # An encrypted PDF is taken in decrypted (what is checked and redacted); its encrypted bytes
    # are kept too, so the file as received is never lost.
    encrypted_original: bytes | None = None


def prepare(path: Path, password: str | None = None) -> Draft:
    data = read_source(path)
    name = display_name(path.name)  # a GBK name from a Chinese Windows share, decoded
    try:
        return Draft(name, data, probe(name, data))
    except EncryptedDocument:
        if not password:
            raise
        plain = decrypt_pdf(name, data, password)
        return Draft(name, plain, probe(name, plain), encrypted_original=data)


def import_draft(
    session: Session,
    user: User,
    draft: Draft,
    *,
    title: str | None = None,
    disclosure: DisclosureMode = DisclosureMode.PROACTIVE,
    doc_number: str = "",
    doc_type: str = "",
) -> Document:
    """Creates the document, its first original and the audit event, in the caller's transaction."""
    if not user.has_role(Role.CLERK):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有经办人可以导入文件，{user}不是经办人。"),
            user=user.display_name,
        )
    if user.department_id is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "{user}不属于任何部门，无法导入文件。"), user=user.display_name
        )
    _check_doc_type(doc_type)
    if title and title.strip():
        # A title the clerk typed is theirs to shorten; one taken from the file's name is shortened here.
        title = title.strip()
        field_limits.check(Document.title, title)
    else:
        title = field_limits.shorten(Document.title, Path(draft.name).stem.strip() or draft.name)
    field_limits.check(Document.doc_number, doc_number.strip())
    document = Document(
        title=title,
        doc_number=doc_number.strip(),
        doc_type=doc_type,
        department_id=user.department_id,
        disclosure=disclosure.value,
        status=Status.DRAFT.value,
        created_by=user,
    )
    session.add(document)
    session.flush()
    stored = _store_original(session, user, document, 1, draft)
    session.flush()
    audit.record(
        session,
        user,
        "document.import",
        document_id=document.id,
        **stored,
        size=len(draft.data),
        format=draft.probe.kind.value,
    )
    return document


def _store_original(
    session: Session, user: User, document: Document, revision: int, draft: Draft
) -> dict[str, object]:
    """The draft's bytes (and an encrypted original's) as blobs and a file row; returns the audit facts."""
    digest = store_blob(session, draft.data)
    encrypted_sha = store_blob(session, draft.encrypted_original) if draft.encrypted_original else None
    session.add(
        DocumentFile(
            document=document,
            revision=revision,
            purpose=FilePurpose.ORIGINAL,
            blob_sha256=digest,
            # A name longer than the column keeps its extension; the audit event keeps it whole.
            original_name=field_limits.shorten_file_name(DocumentFile.original_name, draft.name),
            media_type=draft.probe.media_type,
            format=draft.probe.kind.value,
            size=len(draft.data),
            page_count=draft.probe.page_count,
            created_by_id=user.id,
        )
    )
    return {"file": draft.name, "sha256": digest, "encrypted_original_sha256": encrypted_sha}


def import_file(
    db: Database, user_id: int, path: Path, password: str | None = None, **metadata: object
) -> int:
    """Reads, identifies and stores one file as a new draft; returns its document id."""
    draft = prepare(path, password)
    with db.write() as session:
        user = session.get_one(User, user_id)
        return import_draft(session, user, draft, **metadata).id  # type: ignore[arg-type]


def revise(
    session: Session, user: User, document_id: int, expected_version: int | None, draft: Draft
) -> Document:
    """A new original for a draft (the earlier ones are kept); the new file needs its own check."""
    document = load_for_update(session, document_id, expected_version)
    if (
        document.status_enum is not Status.DRAFT
        or not user.has_role(Role.CLERK)
        or (user.department_id != document.department_id)
    ):
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以为草稿上传新版本。"))
    from app.request_answers import refuse_applicant_in_names

    refuse_applicant_in_names(session, document, draft.name)
    revision = document.current_original().revision + 1
    stored = _store_original(session, user, document, revision, draft)
    document.updated_at = utcnow()  # an UPDATE of the row, so its version moves on too
    session.flush()
    session.refresh(document)
    audit.record(
        session,
        user,
        "document.revise",
        document_id=document.id,
        revision=revision,
        **stored,
    )
    return document


EDITABLE_FIELDS = (
    "title",
    "doc_number",
    "doc_type",
    "category",
    "written_on",
    "disclosure",
    "normative",
    "rule",
    "needs_interpretation",
    "keywords",
    "summary",
    "publisher",
    "effective_on",
    "valid_until",
)
# The catalog's free text that goes out with the release: the reviewer may word it too while reviewing.
REVIEWER_EDITABLE = ("keywords", "summary")


def update_metadata(
    session: Session, user: User, document_id: int, expected_version: int | None, **changes: object
) -> Document:
    """Edits a draft's catalog fields: drafts by a clerk of the department; 主题词 and 内容概述 also by
    the department's reviewer while it is under review (they are checked with the release)."""
    document = load_for_update(session, document_id, expected_version)
    by_reviewer = (
        document.status_enum is Status.PENDING_REVIEW
        and set(changes) <= set(REVIEWER_EDITABLE)
        and user.has_role(Role.REVIEWER)
        and user.department_id == document.department_id
    )
    if document.status_enum is not Status.DRAFT and not by_reviewer:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有草稿可以修改；文件“{title}”当前为“{status}”。"),
            title=document.title,
            status=document.status_enum.label,
        )
    if not by_reviewer and (not user.has_role(Role.CLERK) or user.department_id != document.department_id):
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以修改文件信息。"))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "keywords" in changes:
        words = changes["keywords"]
        # None: let the desk suggest them from the published text at approval.
        changes["keywords"] = (
            None
            if words is None
            else json.dumps([w for w in (str(w).strip() for w in words) if w], ensure_ascii=False)  # type: ignore[attr-defined]
        )
    if "doc_type" in changes:
        _check_doc_type(str(changes["doc_type"]))
    if "disclosure" in changes:
        changes["disclosure"] = DisclosureMode(str(changes["disclosure"])).value
    if "title" in changes and not str(changes["title"]).strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "标题不能为空。"))
    if "title" in changes:
        from app.request_answers import refuse_applicant_in_names

        refuse_applicant_in_names(session, document, str(changes["title"]))
    if (
        isinstance(publisher := changes.get("publisher"), str)
        and publisher.strip() == document.department.name
    ):
        changes["publisher"] = ""  # the department's own name follows the department
    for key in ("title", "doc_number", "category", "publisher"):
        if isinstance(value := changes.get(key), str):
            field_limits.check(getattr(Document, key), value.strip())
    before = {k: _jsonable(getattr(document, k)) for k in changes}
    for key, value in changes.items():
        setattr(document, key, value.strip() if isinstance(value, str) else value)
    if document.effective_on and document.valid_until and document.valid_until < document.effective_on:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "有效期截止日期（{until}）早于施行日期（{since}）。"),
            until=document.valid_until.isoformat(),
            since=document.effective_on.isoformat(),
        )
    session.flush()
    after = {k: _jsonable(getattr(document, k)) for k in changes}
    if before != after:
        # The reviewer's wording of 主题词/内容概述 is not authorship (it is checked with the release),
        # so it is recorded apart and does not cost the reviewer the right to approve.
        action = "document.catalog_text" if by_reviewer else "document.edit"
        audit.record(session, user, action, document_id=document.id, before=before, after=after)
    return document


def publisher_of(document: Document) -> str:
    """发布机构: the body the draft names, else its department."""
    return document.publisher or document.department.name


def legal_dates(document: Document) -> tuple[str, str]:
    """施行日期 and 有效期至 as ISO dates, "" when unset: only 规章 and 规范性文件 carry them."""
    if not (document.rule or document.normative):
        return "", ""
    since, until = document.effective_on, document.valid_until
    return since.isoformat() if since else "", until.isoformat() if until else ""


def _check_doc_type(doc_type: str) -> None:
    if doc_type and doc_type not in DOCUMENT_TYPES:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "“{value}”不是法定公文种类。"), value=doc_type)


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def queue_rows(session: Session, user: User, queue: Queue) -> list[DocumentRow]:
    query = select(Document).order_by(Document.updated_at.desc(), Document.id.desc())
    if user.department_id is not None:
        query = query.where(Document.department_id == user.department_id)
    match queue:
        case Queue.MY_DRAFTS:
            query = query.where(Document.status == Status.DRAFT, Document.created_by_id == user.id)
        case Queue.TO_REVIEW:
            query = query.where(Document.status == Status.PENDING_REVIEW)
        case Queue.APPROVED:
            query = query.where(Document.status == Status.APPROVED)
        case Queue.PUBLISHED:
            query = query.where(Document.status == Status.PUBLISHED)
    rows = [
        DocumentRow(
            id=d.id,
            title=d.title,
            doc_number=d.doc_number,
            doc_type=d.doc_type,
            status=d.status_enum,
            department=d.department.name,
            created_by=d.created_by.display_name,
            updated_at=d.updated_at,
            version=d.version,
        )
        for d in session.scalars(query)
    ]
    if queue is Queue.TO_REVIEW:
        # 待我审查: what this reviewer may decide, i.e. not what they wrote themselves.
        rows = [r for r in rows if user.login not in authors(session, r.id)]
    return rows


@dataclass(frozen=True)
class OriginalFile:
    name: str
    kind: Kind
    data: bytes
    sha256: str


def original_file(session: Session, document_id: int) -> OriginalFile:
    f = get_document(session, document_id).current_original()
    return OriginalFile(f.original_name, Kind(f.format), load_blob(session, f.blob_sha256), f.blob_sha256)


WORD_KINDS = (Kind.DOCX, Kind.DOC, Kind.WPS, Kind.ODT)


def word_drafts_in_review(session: Session) -> bool:
    """Whether a Word, WPS or ODT draft is still to be reviewed or approved (the desk then starts
    LibreOffice in the background: its page view and approval convert it)."""
    found = session.scalar(
        select(DocumentFile.id)
        .join(Document, DocumentFile.document_id == Document.id)
        .where(
            DocumentFile.purpose == FilePurpose.ORIGINAL,
            DocumentFile.format.in_([k.value for k in WORD_KINDS]),
            Document.status.in_([Status.DRAFT.value, Status.PENDING_REVIEW.value]),
        )
        .limit(1)
    )
    return found is not None
