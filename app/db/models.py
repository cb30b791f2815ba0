"""The desk's tables (SQLAlchemy 2 typed ORM). Portable SQL only: SQLite now, PostgreSQL later."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship

from app.roles import Role, Status


def utcnow() -> dt.datetime:
    """Naive UTC, the same on every database backend."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {dt.datetime: DateTime(), str: String(255)}


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    # 机构代码 (or 统一社会信用代码): the prefix of the department's 索引号.
    code: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str]
    password_hash: Mapped[str]
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    department: Mapped[Department | None] = relationship(lazy="joined")
    role_rows: Mapped[list[UserRole]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", back_populates="user"
    )

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(Role(r.role) for r in self.role_rows)

    def has_role(self, role: Role) -> bool:
        return role in self.roles


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)

    user: Mapped[User] = relationship(back_populates="role_rows")


class Blob(Base):
    """Immutable file content, keyed by its SHA-256, kept in the database so one backup holds all."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    doc_number: Mapped[str] = mapped_column(String(100), default="")  # 发文字号
    doc_type: Mapped[str] = mapped_column(String(20), default="")  # 公文种类
    category: Mapped[str] = mapped_column(String(200), default="")  # 主题分类
    written_on: Mapped[dt.date | None] = mapped_column(Date)  # 成文日期
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    # 发布机构 when another body issues it (示范市人民政府办公室); empty: the department's name.
    publisher: Mapped[str] = mapped_column(String(255), default="", server_default="")
    effective_on: Mapped[dt.date | None] = mapped_column(Date)  # 施行日期 (规章/规范性文件)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)  # 有效期至 (规章/规范性文件, optional)
    disclosure: Mapped[str] = mapped_column(String(20))  # proposed 公开方式 (DisclosureMode)
    # 三同步: a 规范性文件, or anything marked 需解读, is published with its interpretation.
    normative: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    rule: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # 规章
    needs_interpretation: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # 主题词 and 内容概述 as the clerk or the reviewer set them (JSON list; None: suggested at approval
    # from the published text). Both become part of the release and are checked with it.
    keywords: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(20), default=Status.DRAFT, index=True)
    # Why it was last returned, or the legal basis code it was refused on.
    status_reason: Mapped[str] = mapped_column(Text, default="")
    # Optimistic concurrency: every UPDATE checks and bumps it.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    department: Mapped[Department] = relationship(lazy="joined")
    created_by: Mapped[User] = relationship(lazy="joined")
    files: Mapped[list[DocumentFile]] = relationship(
        back_populates="document", order_by="DocumentFile.id", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    def current_original(self) -> DocumentFile:
        """The newest uploaded original (each upload is a new revision; none is ever replaced)."""
        return max((f for f in self.files if f.purpose == FilePurpose.ORIGINAL), key=lambda f: f.revision)


class FilePurpose:
    ORIGINAL = "original"
    PUBLISHED = "published"  # the redacted, sanitised, verified PDF
    RECORD = "record"  # the review record (保密审查单)
    CLEANED_DOCX = "cleaned_docx"  # a DOCX draft without comments, revisions, hidden text, properties


class DocumentFile(Base):
    """A file belonging to a document revision: the uploaded original, later redacted copies and records."""

    __tablename__ = "document_files"
    __table_args__ = (
        UniqueConstraint("document_id", "revision", "purpose", name="uq_document_files_revision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    revision: Mapped[int]
    purpose: Mapped[str] = mapped_column(String(20))  # FilePurpose
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    original_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    format: Mapped[str] = mapped_column(String(10))  # review.formats.Kind
    size: Mapped[int] = mapped_column(BigInteger)
    page_count: Mapped[int | None]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="files")


class DepartmentLexicon(Base):
    """A department's own terms and allow-list, as the lexicon CSV (review.lexicon's format)."""

    __tablename__ = "department_lexicons"

    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    csv: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DepartmentRulePack(Base):
    """One of a department's own 错敏/表述 rule-pack files (review.wording.packs' CSV format),
    merged over the shipped packs in every check of its documents."""

    __tablename__ = "department_rulepacks"
    __table_args__ = (UniqueConstraint("department_id", "name", name="uq_department_rulepacks_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    csv: Mapped[str] = mapped_column(Text)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CheckRun(Base):
    """One run of the check engine over one file of a document (findings belong to that file)."""

    __tablename__ = "check_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    document_file_id: Mapped[int] = mapped_column(ForeignKey("document_files.id"), index=True)
    file_sha256: Mapped[str] = mapped_column(String(64))
    lexicon_version: Mapped[str] = mapped_column(String(32))
    # The 错敏/表述 rule packs' version ('' for runs from before they were recorded).
    rulepack_version: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # The date leaders and outdated formulations were judged as of (the 成文日期, else the day of
    # the check); none for runs from before it was recorded.
    document_date: Mapped[dt.date | None] = mapped_column(Date)
    engine_version: Mapped[str] = mapped_column(String(16))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    finished_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    seconds: Mapped[float]
    characters: Mapped[int] = mapped_column(BigInteger)
    suppressed: Mapped[int]
    unreadable: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    keywords: Mapped[str] = mapped_column(Text, default="[]")  # JSON list: suggested 主题词

    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="check_run", order_by="FindingRow.id", lazy="selectin", cascade="all, delete-orphan"
    )


class FindingRow(Base):
    """A finding as stored: the engine's Finding plus its place in the database."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    check_run_id: Mapped[int] = mapped_column(ForeignKey("check_runs.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(64), index=True)
    severity: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    term: Mapped[str | None] = mapped_column(String(255))
    page: Mapped[int | None]
    location: Mapped[str] = mapped_column(Text)  # JSON, as in the engine's result format

    check_run: Mapped[CheckRun] = relationship(back_populates="findings")
    decision: Mapped[Decision | None] = relationship(back_populates="finding", lazy="selectin", uselist=False)


class Decision(Base):
    """A reviewer's decision on one finding (the audit trail keeps every earlier one)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), unique=True)
    decision: Mapped[str] = mapped_column(String(16))  # remove / mask / keep / false_alarm
    basis: Mapped[str | None] = mapped_column(String(40))  # LegalBasis, for remove and mask
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    finding: Mapped[FindingRow] = relationship(back_populates="decision")


class ManualArea(Base):
    """An area a reviewer drew by hand, for what no rule found (PDF points of the published form)."""

    __tablename__ = "manual_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_file_id: Mapped[int] = mapped_column(ForeignKey("document_files.id"), index=True)
    page: Mapped[int]
    x0: Mapped[float]
    y0: Mapped[float]
    x1: Mapped[float]
    y1: Mapped[float]
    basis: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Review(Base):
    """A reviewer's conclusion on a document, with the files it produced."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    check_run_id: Mapped[int | None] = mapped_column(ForeignKey("check_runs.id"))
    conclusion: Mapped[str] = mapped_column(String(24))
    opinion: Mapped[str] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(String(40))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    published_sha256: Mapped[str | None] = mapped_column(String(64))
    record_sha256: Mapped[str] = mapped_column(String(64))
    # 三同步: why a document that needs an interpretation was approved without one.
    no_interpretation_reason: Mapped[str | None] = mapped_column(Text)


class Interpretation(Base):
    """A 政策解读: itself a document (checked, reviewed, published), attached to the one it interprets."""

    __tablename__ = "interpretations"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    interprets_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    form: Mapped[str] = mapped_column(String(16))  # publish.taxonomy.InterpretationForm
    drafting_department: Mapped[str] = mapped_column(String(200))  # 谁起草、谁解读
    # Text written in the desk, as sanitised HTML, so it can be edited again; its PDF is the original.
    source_html: Mapped[str] = mapped_column(Text, default="")

    document: Mapped[Document] = relationship(foreign_keys=[document_id], lazy="joined")
    interprets: Mapped[Document] = relationship(foreign_keys=[interprets_id], lazy="joined")


class InterpretationMedia(Base):
    """Audio or video of an interpretation: stored, listed, reviewed by a person, published as is."""

    __tablename__ = "interpretation_media"

    id: Mapped[int] = mapped_column(primary_key=True)
    interpretation_id: Mapped[int] = mapped_column(ForeignKey("interpretations.document_id"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    original_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # A file the engine cannot read is approved only on a reviewer's attestation (人工审查).
    attested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    attested_at: Mapped[dt.datetime | None]
    attest_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Declassification(Base):
    """A 解密/降密 record for a 密级 marking: entered by the reviewer, confirmed by a second person."""

    __tablename__ = "declassifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), unique=True)
    authority: Mapped[str] = mapped_column(String(200))  # 定密机关
    decided_on: Mapped[dt.date] = mapped_column(Date)  # date of the 解密/降密 decision
    reference: Mapped[str] = mapped_column(String(200))  # 文号 or 审批单
    term_expired: Mapped[bool | None] = mapped_column(Boolean)  # computed from 成文日期 and the marked term
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_at: Mapped[dt.datetime | None]


class Release(Base):
    """Everything of an approved item that can leave the desk, frozen: its canonical JSON and SHA-256.

    Written at approval; a field changed at publishing that passes the check makes a new release
    that amends the approved one. Targets publish releases and nothing else.
    """

    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("releases.id"))
    body: Mapped[str] = mapped_column(Text)  # canonical JSON, hashed exactly as stored
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Category(Base):
    """A node of the 主题分类 tree, seeded with the national top level and edited by administrators."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_categories_parent_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(20), default="")  # for 索引号 schemes with a category code


class IndexSchemeRow(Base):
    """A department's 索引号 scheme (publish.index_number.IndexScheme as JSON)."""

    __tablename__ = "index_schemes"

    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    scheme: Mapped[str] = mapped_column(Text)


class IndexCounter(Base):
    """The last serial handed out for one department, scope and period. Never goes back."""

    __tablename__ = "index_counters"
    __table_args__ = (UniqueConstraint("department_id", "scope", "period", name="uq_index_counters_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    scope: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(6))
    last_serial: Mapped[int]


class CatalogEntry(Base):
    """One item of the 政府信息公开目录."""

    __tablename__ = "catalog_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    index_no: Mapped[str] = mapped_column(String(80), unique=True)
    # The desk's document and review; none for an entry that came in a transfer package, whose
    # review happened on the air-gapped machine that signed it.
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))
    title: Mapped[str] = mapped_column(String(500))
    publisher: Mapped[str]
    written_on: Mapped[dt.date | None] = mapped_column(Date)
    published_on: Mapped[dt.date] = mapped_column(Date, index=True)
    doc_number: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(200), index=True)
    doc_type: Mapped[str] = mapped_column(String(20))
    keywords: Mapped[str] = mapped_column(Text)  # JSON list
    summary: Mapped[str] = mapped_column(Text)
    disclosure: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str] = mapped_column(String(40))
    validity: Mapped[str] = mapped_column(String(16))
    published_sha256: Mapped[str] = mapped_column(String(64))
    record_sha256: Mapped[str | None] = mapped_column(String(64))  # the review record (保密审查单)
    release_sha256: Mapped[str | None] = mapped_column(String(64), index=True)  # what every target publishes
    # 政策解读: the entry this one interprets, and its form; the catalog carries its own links so
    # that every target (and an entry from a transfer package) publishes them the same way.
    interprets_index_no: Mapped[str | None] = mapped_column(String(80), index=True)
    interpretation_form: Mapped[str] = mapped_column(String(16), default="", server_default="")
    source_package: Mapped[str | None] = mapped_column(String(36))  # the transfer package it came in
    # For the yearly report: 规章 ("rule") or 行政规范性文件 ("normative"), and when it stopped being
    # in force or was withdrawn.
    legal_kind: Mapped[str] = mapped_column(String(16), default="", server_default="", index=True)
    validity_changed_on: Mapped[dt.date | None] = mapped_column(Date)
    # 已修改: when, and by which document (its 发文字号 or title); NULL otherwise.
    amended_on: Mapped[dt.date | None] = mapped_column(Date)
    amended_by: Mapped[str | None] = mapped_column(String(500))
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    # 公示期: the last day a 名单公示 with personal data may be online; the desk withdraws it after
    # (app/notice_periods.py).
    notice_until: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="published")  # published / withdrawn
    status_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CatalogAttachment(Base):
    """A file published beside an entry's PDF as it is (an interpretation's audio or video)."""

    __tablename__ = "catalog_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    catalog_entry_id: Mapped[int] = mapped_column(ForeignKey("catalog_entries.id"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    media_type: Mapped[str] = mapped_column(String(100))


class PublishJob(Base):
    """One push of a catalog change to a target, kept until it went through (the publish queue)."""

    __tablename__ = "publish_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    catalog_entry_id: Mapped[int] = mapped_column(ForeignKey("catalog_entries.id"), index=True)
    target: Mapped[str] = mapped_column(String(16))  # portal / package
    action: Mapped[str] = mapped_column(String(16))  # upsert / withdraw / validity
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)  # queued / done / refused
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    receipt: Mapped[str] = mapped_column(Text, default="")  # the portal's receipt, as received
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    done_at: Mapped[dt.datetime | None]


class AuditEvent(Base):
    """One link of the audit hash chain. Never updated or deleted by the desk."""

    __tablename__ = "audit_events"

    # Assigned by the appender from the chain head, so that the hash can cover it.
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, hashed exactly as stored
    actor_login: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    document_id: Mapped[int | None] = mapped_column(index=True)
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON: before/after and parameters
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # "key id:HMAC-SHA256 of the hash" with the writing machine's key, kept outside the database
    # (app.audit_anchor): an event appended by SQL has none, or a false one. Not hashed (it seals the hash).
    seal: Mapped[str | None] = mapped_column(String(96))


class AuditHead(Base):
    """The chain's last link, one row: a truncated chain no longer matches it (and each machine's
    checkpoint outside the database sees a head cut back with its tail)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


class SigningKey(Base):
    """This machine's Ed25519 key for transfer packages; the private half is kept outside the
    database (keyring, or a passphrase-encrypted file when there is no secure keyring)."""

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    public_pem: Mapped[str] = mapped_column(Text)
    storage: Mapped[str] = mapped_column(String(16))  # keyring / file
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[dt.datetime | None]


class TrustedKey(Base):
    """A department's public key registered on this machine: packages it signed are accepted."""

    __tablename__ = "trusted_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    department_name: Mapped[str]
    department_code: Mapped[str] = mapped_column(String(32))
    public_pem: Mapped[str] = mapped_column(Text)
    registered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None]
    revoked_reason: Mapped[str] = mapped_column(Text, default="")


class PackageExport(Base):
    """A transfer package written here; its sequence number only moves forward."""

    __tablename__ = "package_exports"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    sequence: Mapped[int]
    key_id: Mapped[str] = mapped_column(String(32))
    items: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PackageImport(Base):
    """A transfer package taken in here: a package id or an old sequence seen again is a replay."""

    __tablename__ = "package_imports"
    __table_args__ = (UniqueConstraint("department_code", "sequence", name="uq_package_imports_sequence"),)

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    department_code: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int]
    key_id: Mapped[str] = mapped_column(String(32))
    items: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    imported_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# Tables of later capabilities live in their own modules; importing them here registers them on
# Base.metadata wherever the models are loaded (the app, Alembic, the schema test).
from app.db import models_recheck, models_requests, models_sentinel, models_settings  # noqa: E402, F401


class SiteFooter(Base):
    """What a department's static site says in its footer (a government website's 主办单位, 网站标识码,
    ICP and 公安 filing numbers, contact); empty parts are left out."""

    __tablename__ = "site_footers"

    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    sponsor: Mapped[str] = mapped_column(String(255), default="")  # 主办单位
    site_code: Mapped[str] = mapped_column(String(40), default="")  # 网站标识码
    icp: Mapped[str] = mapped_column(String(100), default="")  # ICP备案号
    police: Mapped[str] = mapped_column(String(100), default="")  # 公安机关备案号
    contact: Mapped[str] = mapped_column(String(255), default="")  # 联系方式
