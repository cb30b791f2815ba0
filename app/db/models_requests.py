"""The tables of 依申请公开: requests for information, the actions on their clocks, and answers.

Personal data of applicants is kept to what the law needs to answer (条例 Art. 29: name and
contact); it lives only here and never reaches the catalog or any public target. Free text is
`Text` (lengths are checked by app.info_requests before writing); codes are unbounded `String`
values of the desk's own vocabularies (publish.request_clock, publish.request_outcomes) or hashes,
so no column here needs a length in app.field_limits.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.models import Base, Department, utcnow


class InfoRequest(Base):
    __tablename__ = "info_requests"
    __table_args__ = (UniqueConstraint("department_id", "number", name="uq_info_requests_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    number: Mapped[str] = mapped_column(String())  # 受理编号, e.g. 2026-0012
    applicant_kind: Mapped[str] = mapped_column(String())  # ApplicantKind
    applicant_name: Mapped[str] = mapped_column(Text)
    applicant_contact: Mapped[str] = mapped_column(Text)  # one address, e-mail or phone to answer to
    content: Mapped[str] = mapped_column(Text)  # 所需信息的内容描述
    # Requests for the same information share a reference (Art. 44: candidates for 主动公开).
    content_ref: Mapped[str] = mapped_column(Text, default="", server_default="")
    channel: Mapped[str] = mapped_column(String())  # Channel
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)  # for post, the day signed for
    status: Mapped[str] = mapped_column(String(), index=True)  # RequestStatus
    outcome: Mapped[str | None] = mapped_column(String())  # Outcome (a Table 3 row), once answered
    outcome_detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date, index=True)  # also the day closed otherwise
    answer_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    department: Mapped[Department] = relationship(lazy="joined")
    actions: Mapped[list[RequestAction]] = relationship(
        lazy="selectin", order_by="RequestAction.id", back_populates="request"
    )


class RequestAction(Base):
    __tablename__ = "request_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String())  # publish.request_clock.ActionKind
    on: Mapped[dt.date] = mapped_column("acted_on", Date)  # "on" is an SQL keyword
    # 补正: the last day of the period given; a consultation: the day its answer is due.
    until: Mapped[dt.date | None] = mapped_column(Date)
    days: Mapped[int | None] = mapped_column(Integer)  # an extension's working days
    party: Mapped[str | None] = mapped_column(String())  # a consultation's Party
    ref_id: Mapped[int | None] = mapped_column(ForeignKey("request_actions.id"))  # the consultation answered
    # 转为主动公开 (Art. 44): the new ordinary draft made from the released information.
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    consented_by: Mapped[str] = mapped_column(Text, default="", server_default="")  # 工作机构负责人
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    request: Mapped[InfoRequest] = relationship(back_populates="actions")


class RequestAttachment(Base):
    """A file of a request (the letter, the form, what went out); its bytes are a `Blob`."""

    __tablename__ = "request_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_requests.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String())
    sha256: Mapped[str] = mapped_column(String(), ForeignKey("blobs.sha256"))  # unbounded like the codes
    size: Mapped[int] = mapped_column(BigInteger)
    role: Mapped[str] = mapped_column(String())  # AttachmentRole
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RequestDisclosure(Base):
    """A document (reviewed through the normal workflow) given to the applicant in an answer."""

    __tablename__ = "request_disclosures"

    request_id: Mapped[int] = mapped_column(ForeignKey("info_requests.id"), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Listed as provided by the answer's current draft: the package carries exactly these files.
    listed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
