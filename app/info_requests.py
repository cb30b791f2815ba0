"""依申请公开: registering a request for information and every action on its legal clock.

A 经办人 of the department registers and acts. Each function writes its rows and an audit event
in the caller's transaction (`db.write()`). The audit trail names the request by id and number
and records dates and codes, never the applicant's name, contact or the content asked for: the
chain is kept for good, personal data only as long as the request's file is.

The clock itself is pure (publish.request_clock); `clock()` feeds it this request's actions.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from app import audit, desk_day
from app.db.models import User
from app.db.models_requests import InfoRequest, RequestAction, RequestAttachment
from app.documents import store_blob
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationFailed
from app.roles import Role
from publish.request_clock import (
    MAX_EXTENSION_WORKING_DAYS,
    ActionKind,
    Clock,
    ClockEvent,
    Party,
    compute,
    last_day_to_ask_supplement,
    third_party_reply_due,
)
from publish.request_outcomes import ApplicantKind, Channel, Outcome, Table3Row

__all__ = [
    "ActionKind",
    "ApplicantKind",
    "AttachmentRole",
    "Channel",
    "Outcome",
    "Party",
    "RequestStatus",
    "Table3Row",
]

# What a person may type, in characters (the columns are TEXT; these keep rows sane).
MAX_NAME, MAX_CONTACT, MAX_CONTENT, MAX_NOTE = 200, 300, 5000, 2000
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


class RequestStatus(StrEnum):
    REGISTERED = "registered"
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    IN_CONSULTATION = "in_consultation"
    ANSWERED = "answered"
    CLOSED_UNPROCESSED = "closed_unprocessed"  # 补正逾期 or withdrawn

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    RequestStatus.REGISTERED: QT_TRANSLATE_NOOP("Vocabulary", "已登记"),
    RequestStatus.AWAITING_SUPPLEMENT: QT_TRANSLATE_NOOP("Vocabulary", "等待补正"),
    RequestStatus.IN_CONSULTATION: QT_TRANSLATE_NOOP("Vocabulary", "征求意见中"),
    RequestStatus.ANSWERED: QT_TRANSLATE_NOOP("Vocabulary", "已答复"),
    RequestStatus.CLOSED_UNPROCESSED: QT_TRANSLATE_NOOP("Vocabulary", "已办结（不再处理）"),
}

OPEN_STATUSES = (RequestStatus.REGISTERED, RequestStatus.AWAITING_SUPPLEMENT, RequestStatus.IN_CONSULTATION)


class AttachmentRole(StrEnum):
    INCOMING = "incoming"  # the letter or e-mail as it came in
    FORM = "form"  # the 申请表
    SUPPLEMENT = "supplement"  # what the applicant sent as 补正
    OUTGOING = "outgoing"  # a notice or answer sent out

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    AttachmentRole.INCOMING: QT_TRANSLATE_NOOP("Vocabulary", "来信"),
    AttachmentRole.FORM: QT_TRANSLATE_NOOP("Vocabulary", "申请表"),
    AttachmentRole.SUPPLEMENT: QT_TRANSLATE_NOOP("Vocabulary", "补正材料"),
    AttachmentRole.OUTGOING: QT_TRANSLATE_NOOP("Vocabulary", "发出的文书"),
}


@dataclass(frozen=True)
class OpenRequest:
    request: InfoRequest
    clock: Clock


# -- reading ------------------------------------------------------------------------------------


def get(session: Session, user: User, request_id: int) -> InfoRequest:
    """The request, if the user's department holds it (an administrator sees every department's)."""
    row = session.get(InfoRequest, request_id)
    if row is None or not _may_see(user, row):
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "没有编号为 {id} 的依申请公开申请。"), id=request_id)
    return row


def find(session: Session, user: User, ref: str | int) -> InfoRequest:
    """The request named by its id (digits) or its 受理编号 (e.g. 2026-0012), in the user's department."""
    text = str(ref).strip()
    if text.isdigit():
        return get(session, user, int(text))
    row = session.scalar(
        select(InfoRequest).where(InfoRequest.number == text, InfoRequest.department_id == user.department_id)
    )
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("DeskError", "没有受理编号为 {number} 的依申请公开申请。"), number=text
        )
    return row


def contact_for(user: User, row: InfoRequest) -> str:
    """The applicant's contact for those who answer them (the department's clerks, administrators);
    "" for a reviewer or publisher: the letter they check does not print it either."""
    return row.applicant_contact if user.has_role(Role.CLERK) or user.has_role(Role.ADMIN) else ""


def _may_see(user: User, row: InfoRequest) -> bool:
    return user.department_id == row.department_id or (
        user.department_id is None and user.has_role(Role.ADMIN)
    )


def events(row: InfoRequest) -> list[ClockEvent]:
    return [
        ClockEvent(
            kind=ActionKind(a.kind),
            on=a.on,
            id=a.id,
            until=a.until,
            days=a.days,
            party=Party(a.party) if a.party else None,
            ref=a.ref_id,
            consented_by=a.consented_by,
        )
        for a in row.actions
    ]


def clock(row: InfoRequest, today: dt.date | None = None) -> Clock:
    return compute(row.received_on, events(row), today or desk_day.today())


def visible(query: Select[InfoRequest], user: User) -> Select[InfoRequest]:
    """The query limited to the requests the user may see (as `_may_see`)."""
    if user.department_id is not None:
        return query.where(InfoRequest.department_id == user.department_id)
    return query if user.has_role(Role.ADMIN) else query.where(false())


def open_requests(session: Session, user: User, today: dt.date | None = None) -> list[OpenRequest]:
    """The department's open requests with their clocks, most urgent first (no due date last)."""
    query = visible(select(InfoRequest).where(InfoRequest.status.in_([s.value for s in OPEN_STATUSES])), user)
    out = [OpenRequest(row, clock(row, today)) for row in session.scalars(query)]
    return sorted(
        out,
        key=lambda o: (o.clock.working_days_left is None, o.clock.working_days_left or 0, o.request.id),
    )


def attachment_bytes(session: Session, attachment: RequestAttachment) -> bytes:
    from app.documents import load_blob

    return load_blob(session, attachment.sha256)


# -- writing ------------------------------------------------------------------------------------


def _clerk(user: User) -> None:
    if not user.has_role(Role.CLERK) or user.department_id is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以登记和办理依申请公开申请。")
        )


def _text(value: str, label: str, limit: int, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写{label}。"), label=label)
    if len(value) > limit:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "{label}最多 {limit} 个字符，现有 {count} 个。"),
            label=label,
            limit=limit,
            count=len(value),
        )
    return value


def _not_future(day: dt.date, label: str) -> None:
    if day > desk_day.today():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "{label}不能晚于今天。"), label=label)


def _next_number(session: Session, department_id: int, year: int) -> str:
    prefix = f"{year}-"
    numbers = session.scalars(
        select(InfoRequest.number).where(
            InfoRequest.department_id == department_id, InfoRequest.number.like(f"{prefix}%")
        )
    )
    serials = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
    return f"{prefix}{max(serials, default=0) + 1:04d}"


def register(
    session: Session,
    user: User,
    *,
    applicant_kind: ApplicantKind,
    applicant_name: str,
    applicant_contact: str,
    content: str,
    channel: Channel,
    received_on: dt.date,
    content_ref: str = "",
) -> InfoRequest:
    """Registers a request received on `received_on` (for post, the day signed for: Art. 31)."""
    _clerk(user)
    assert user.department_id is not None
    _not_future(received_on, "收到申请日期")
    row = InfoRequest(
        department_id=user.department_id,
        number=_next_number(session, user.department_id, received_on.year),
        applicant_kind=ApplicantKind(applicant_kind).value,
        applicant_name=_text(applicant_name, "申请人姓名或名称", MAX_NAME),
        applicant_contact=_text(applicant_contact, "联系方式", MAX_CONTACT),
        content=_text(content, "所需信息的内容描述", MAX_CONTENT),
        content_ref=_text(content_ref, "信息标识", MAX_NAME, required=False),
        channel=Channel(channel).value,
        received_on=received_on,
        status=RequestStatus.REGISTERED.value,
        created_by_id=user.id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        user,
        "request.register",
        request=row.id,
        number=row.number,
        applicant_kind=row.applicant_kind,
        channel=row.channel,
        received_on=received_on.isoformat(),
    )
    return row


def attach(
    session: Session,
    user: User,
    request_id: int,
    name: str,
    data: bytes,
    role: AttachmentRole = AttachmentRole.INCOMING,
    media_type: str | None = None,
) -> RequestAttachment:
    """Keeps a file of the request (the letter scan, the form …) as it came."""
    row = _for_action(session, user, request_id, closed_ok=True)
    name = _text(Path(name).name, "文件名", MAX_NAME)
    if not data:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "文件“{name}”是空的。"), name=name)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "文件“{name}”超过 {mb} MB，不能作为申请材料保存。"),
            name=name,
            mb=MAX_ATTACHMENT_BYTES // (1024 * 1024),
        )
    digest = store_blob(session, data)
    attachment = RequestAttachment(
        request_id=row.id,
        name=name,
        media_type=media_type or mimetypes.guess_type(name)[0] or "application/octet-stream",
        sha256=digest,
        size=len(data),
        role=AttachmentRole(role).value,
        added_by_id=user.id,
    )
    session.add(attachment)
    session.flush()
    audit.record(
        session,
        user,
        "request.attach",
        request=row.id,
        number=row.number,
        sha256=digest,
        role=attachment.role,
    )
    return attachment


def attachments(session: Session, row: InfoRequest) -> list[RequestAttachment]:
    return list(
        session.scalars(
            select(RequestAttachment)
            .where(RequestAttachment.request_id == row.id)
            .order_by(RequestAttachment.id)
        )
    )


def _for_action(session: Session, user: User, request_id: int, *, closed_ok: bool = False) -> InfoRequest:
    _clerk(user)
    row = get(session, user, request_id)
    if not closed_ok and row.status not in OPEN_STATUSES:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "申请 {number} 已办结（{status}），不能再办理。"),
            number=row.number,
            status=RequestStatus(row.status).label,
        )
    return row


def _has(row: InfoRequest, kind: ActionKind) -> RequestAction | None:
    return next((a for a in row.actions if a.kind == kind), None)


def _act(
    session: Session,
    user: User,
    row: InfoRequest,
    kind: ActionKind,
    on: dt.date,
    *,
    note: str = "",
    logged: dict[str, Any] | None = None,
    **fields: object,
) -> RequestAction:
    _not_future(on, "办理日期")
    if on < row.received_on:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "办理日期不能早于收到申请的日期。"))
    action = RequestAction(
        request_id=row.id,
        kind=kind.value,
        on=on,
        by_id=user.id,
        note=_text(note, "备注", MAX_NOTE, required=False),
    )
    for key, value in fields.items():
        setattr(action, key, value)
    session.add(action)
    session.flush()
    session.refresh(row, ["actions"])
    # The 负责人 who consented to an extension acts in office: named in the trail like any actor.
    detail: dict[str, Any] = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in fields.items()}
    audit.record(
        session,
        user,
        f"request.{kind.value}",
        request=row.id,
        number=row.number,
        on=on.isoformat(),
        **detail,
        **(logged or {}),
    )
    return action


def request_supplement(
    session: Session, user: User, request_id: int, on: dt.date, until: dt.date, note: str = ""
) -> RequestAction:
    """The one 补正 notice (Art. 30): within 7 working days of receipt, with a period to answer."""
    row = _for_action(session, user, request_id)
    if _has(row, ActionKind.SUPPLEMENT_REQUESTED):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "补正只能一次性告知（第三十条），本申请已告知过补正。")
        )
    last, _ = last_day_to_ask_supplement(row.received_on)
    if on > last:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "补正须在收到申请之日起 7 个工作日内告知（第三十条），最迟 {last}。"
            ),
            last=last.isoformat(),
        )
    if until <= on:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "补正期限须晚于告知补正的日期。"))
    action = _act(session, user, row, ActionKind.SUPPLEMENT_REQUESTED, on, note=note, until=until)
    row.status = RequestStatus.AWAITING_SUPPLEMENT.value
    return action


def supplement_received(
    session: Session, user: User, request_id: int, on: dt.date, note: str = ""
) -> RequestAction:
    """The 补正 arrived: the 20 working days run again from this day (Art. 30)."""
    row = _for_action(session, user, request_id)
    asked = _has(row, ActionKind.SUPPLEMENT_REQUESTED)
    if asked is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "本申请没有告知过补正。"))
    if _has(row, ActionKind.SUPPLEMENT_RECEIVED):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "本申请的补正已经登记过。"))
    if on < asked.on:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "收到补正的日期不能早于告知补正的日期。"))
    action = _act(session, user, row, ActionKind.SUPPLEMENT_RECEIVED, on, note=note)
    row.status = _running_status(row).value
    return action


def extend(
    session: Session,
    user: User,
    request_id: int,
    on: dt.date,
    *,
    consented_by: str,
    days: int = MAX_EXTENSION_WORKING_DAYS,
    note: str = "",
    today: dt.date | None = None,
) -> RequestAction:
    """The one extension (Art. 33): at most 20 working days, with the 工作机构负责人's consent,
    decided before the answer is due."""
    row = _for_action(session, user, request_id)
    consented_by = _text(consented_by, "同意延期的政府信息公开工作机构负责人", MAX_NAME)
    if _has(row, ActionKind.EXTENSION):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "答复期限只能延长一次（第三十三条）。"))
    if not 1 <= days <= MAX_EXTENSION_WORKING_DAYS:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "延长的期限为 1 到 {max} 个工作日（第三十三条）。"),
            max=MAX_EXTENSION_WORKING_DAYS,
        )
    _before_due(row, ActionKind.EXTENSION, on, today)
    return _act(session, user, row, ActionKind.EXTENSION, on, note=note, days=days, consented_by=consented_by)


def _before_due(row: InfoRequest, kind: ActionKind, on: dt.date, today: dt.date | None) -> None:
    """An extension or a consultation is decided before the answer is due. Judged by the clock as it
    stands today without the action: one entered late and dated back would otherwise move the due
    date of a request already overdue."""
    current = clock(row, today)
    if current.due is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "当前没有答复期限（等待补正或已不再处理），不能登记“{action}”。"),
            action=kind.label,
        )
    if current.overdue or on > current.due:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "答复期限 {due} 已过，不能再登记“{action}”（须在答复期限内办理）。"
            ),
            due=current.due.isoformat(),
            action=kind.label,
        )


def consultation_sent(
    session: Session,
    user: User,
    request_id: int,
    on: dt.date,
    party: Party = Party.THIRD_PARTY,
    note: str = "",
    today: dt.date | None = None,
) -> RequestAction:
    """A letter asking a third party (Art. 32) or another agency (Art. 33): the clock pauses."""
    row = _for_action(session, user, request_id)
    if row.status == RequestStatus.AWAITING_SUPPLEMENT:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "申请等待补正，收到补正后再征求意见。"))
    _before_due(row, ActionKind.CONSULTATION_SENT, on, today)
    until = third_party_reply_due(on)[0] if party == Party.THIRD_PARTY else None
    action = _act(
        session, user, row, ActionKind.CONSULTATION_SENT, on, note=note, party=Party(party).value, until=until
    )
    row.status = RequestStatus.IN_CONSULTATION.value
    return action


def consultation_answered(
    session: Session,
    user: User,
    request_id: int,
    on: dt.date,
    consultation_id: int | None = None,
    note: str = "",
) -> RequestAction:
    """The opinion came back (the latest consultation still out, unless one is named)."""
    row = _for_action(session, user, request_id)
    answered = {a.ref_id for a in row.actions if a.kind == ActionKind.CONSULTATION_ANSWERED}
    out = [a for a in row.actions if a.kind == ActionKind.CONSULTATION_SENT and a.id not in answered]
    if consultation_id is not None:
        out = [a for a in out if a.id == consultation_id]
    if not out:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "本申请没有尚未收到意见的征求意见。"))
    sent = out[-1]
    if on < sent.on:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "收到意见的日期不能早于发出征求意见的日期。"))
    action = _act(session, user, row, ActionKind.CONSULTATION_ANSWERED, on, note=note, ref_id=sent.id)
    row.status = _running_status(row).value
    return action


def _running_status(row: InfoRequest) -> RequestStatus:
    answered = {a.ref_id for a in row.actions if a.kind == ActionKind.CONSULTATION_ANSWERED}
    out = any(a.kind == ActionKind.CONSULTATION_SENT and a.id not in answered for a in row.actions)
    return RequestStatus.IN_CONSULTATION if out else RequestStatus.REGISTERED


def record_answer(
    session: Session,
    user: User,
    request_id: int,
    outcome: Outcome,
    answered_on: dt.date,
    detail: str = "",
    answer_document_id: int | None = None,
) -> RequestAction:
    """The answer went out: its outcome (a Table 3 row) closes the request."""
    row = _for_action(session, user, request_id)
    outcome = Outcome(outcome)
    if outcome == Outcome.WITHDRAWN:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "申请人撤回申请请用“撤回”登记。"))
    if outcome == Outcome.SUPPLEMENT_LAPSED and clock(row).state.value != "lapsed":
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "只有补正期限已过且申请人未补正的申请才能以“逾期不补正”办结。")
        )
    if outcome == Outcome.STILL_UNCLEAR and _has(row, ActionKind.SUPPLEMENT_RECEIVED) is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“补正后申请内容仍不明确”须先告知补正并收到补正。")
        )
    detail = _text(detail, "处理说明", MAX_NOTE, required=False)
    action = _act(
        session, user, row, ActionKind.ANSWERED, answered_on, note=detail, logged={"outcome": outcome.value}
    )
    row.outcome, row.outcome_detail, row.answered_on = outcome.value, detail, answered_on
    if answer_document_id is not None:
        row.answer_document_id = answer_document_id
    closes_unprocessed = outcome in (Outcome.SUPPLEMENT_LAPSED, Outcome.FEE_LAPSED)
    row.status = (RequestStatus.CLOSED_UNPROCESSED if closes_unprocessed else RequestStatus.ANSWERED).value
    return action


def withdraw(session: Session, user: User, request_id: int, on: dt.date, note: str = "") -> RequestAction:
    """The applicant withdrew the request: closed, counted under 其他处理 in Table 3."""
    row = _for_action(session, user, request_id)
    action = _act(session, user, row, ActionKind.WITHDRAWN_BY_APPLICANT, on, note=note)
    row.outcome, row.answered_on = Outcome.WITHDRAWN.value, on
    row.status = RequestStatus.CLOSED_UNPROCESSED.value
    return action


def moved_to_proactive(
    session: Session, user: User, request_id: int, document_id: int, on: dt.date | None = None, note: str = ""
) -> RequestAction:
    """Art. 44: the information asked for goes the normal 主动公开 way as `document_id` (a new draft
    that carries nothing of the applicant's)."""
    row = _for_action(session, user, request_id, closed_ok=True)
    return _act(
        session,
        user,
        row,
        ActionKind.MOVED_TO_PROACTIVE,
        on or desk_day.today(),
        note=note,
        document_id=document_id,
    )
