"""The `request` commands (依申请公开) and `deadlines`, which lists requests beside documents."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session

from app import info_requests
from app.cli import EXIT_OK, EXIT_PROBLEM
from app.cli_desk import _signed_in
from app.db.models import Document, User
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from app.info_requests import ApplicantKind, Channel, Outcome, Party, RequestStatus
from app.request_answers import disclosed_documents
from app.roles import Status
from app.workspace import Workspace
from publish.request_clock import ActionKind, Clock, State


def _left(clock: Clock) -> str:
    """The clock in a few words: 已逾期 / 3日内到期 / days left / why it has no due date."""
    if clock.state in (State.AWAITING_SUPPLEMENT, State.LAPSED):
        until = clock.supplement_until.isoformat() if clock.supplement_until else "—"
        return f"{clock.state.label}（补正期限 {until}）"
    assert clock.working_days_left is not None
    left = clock.working_days_left
    text = f"已逾期 {-left} 个工作日" if left < 0 else f"剩余 {left} 个工作日"
    if clock.due_soon:
        text += " 3日内到期"
    if clock.paused:
        text += "（暂停计时）"
    return text + ("" if clock.exact else "（该年节假日未知，按周末计）")


def _add(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    files = []
    for path in args.attach:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "读取“{name}”失败：{reason}"),
                name=str(path),
                reason=exc.strerror,
            ) from exc
    with workspace.db.write() as session:
        user = session.get_one(User, user_id)
        row = info_requests.register(
            session,
            user,
            applicant_kind=ApplicantKind(args.kind),
            applicant_name=args.name,
            applicant_contact=args.contact,
            content=args.content,
            channel=Channel(args.channel),
            received_on=args.received,
            content_ref=args.ref,
        )
        for name, data in files:
            info_requests.attach(session, user, row.id, name, data)
        clock = info_requests.clock(row)
        request_id, number = row.id, row.number
    due = clock.due.isoformat() if clock.due else "—"
    print(f"已登记申请 {number}（#{request_id}），附件 {len(files)} 个；答复期限 {due}，{_left(clock)}。")
    return EXIT_OK


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        rows = info_requests.open_requests(session, session.get_one(User, user_id), args.today)
        lines = [
            f"#{o.request.id:<4} {o.request.number}  {o.clock.due.isoformat() if o.clock.due else '—':<10}  "
            f"{_left(o.clock)}  {RequestStatus(o.request.status).label}  {o.request.content[:40]}"
            for o in rows
        ]
    for line in lines:
        print(line)
    overdue = sum(1 for o in rows if o.clock.overdue)
    soon = sum(1 for o in rows if o.clock.due_soon)
    print(f"未办结 {len(rows)} 件，其中已逾期 {overdue} 件，3日内到期 {soon} 件。")
    return EXIT_PROBLEM if overdue else EXIT_OK


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        user = session.get_one(User, user_id)
        row = info_requests.find(session, user, args.request)
        clock = info_requests.clock(row, args.today)
        contact = info_requests.contact_for(user, row) or "（仅经办人可见）"
        print(f"申请 {row.number}（#{row.id}）  {RequestStatus(row.status).label}")
        print(
            f"申请人：{row.applicant_name}（{ApplicantKind(row.applicant_kind).label}）  联系方式：{contact}"
        )
        print(f"申请方式：{Channel(row.channel).label}  收到日期：{row.received_on.isoformat()}")
        print(f"所需信息：{row.content}")
        if row.outcome:
            print(f"处理结果：{Outcome(row.outcome).label}  {row.outcome_detail}".rstrip())
        for action in row.actions:
            extra = f"  经{action.consented_by}同意" if action.consented_by else ""
            note = f"  {action.note}" if action.note else ""
            print(f"  {action.on.isoformat()} {ActionKind(action.kind).label}{extra}{note}")
        for attachment in info_requests.attachments(session, row):
            print(f"  附件：{attachment.name}（{attachment.size} 字节）")
        answer = session.get(Document, row.answer_document_id) if row.answer_document_id else None
        if answer is not None:
            print(f"  答复书：#{answer.id} {answer.title}（{Status(answer.status).label}）")
        for document in disclosed_documents(session, row):
            print(f"  提供的文件：#{document.id} {document.title}（{Status(document.status).label}）")
    due = clock.due.isoformat() if clock.due else "—"
    print(f"答复期限：{due}  {clock.state.label}" + ("" if clock.closed else f"  {_left(clock)}"))
    for reason in clock.reasons:
        print(f"  · {reason.text}")
    return EXIT_PROBLEM if clock.overdue else EXIT_OK


def _act(
    args: argparse.Namespace, workspace: Workspace, message: str, do: Callable[[Session, User, int], object]
) -> int:
    """Runs one action on the request named by N (its id or 受理编号) and prints its clock after."""
    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        user = session.get_one(User, user_id)
        request_id = info_requests.find(session, user, args.request).id
        do(session, user, request_id)
        row = info_requests.get(session, user, request_id)
        clock = info_requests.clock(row)
        number = row.number
    due = clock.due.isoformat() if clock.due else "—"
    tail = "" if clock.closed else f"；答复期限 {due}，{_left(clock)}"
    print(f"申请 {number}：{message}{tail}。")
    return EXIT_OK


def _supplement(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.asked is not None:
        if args.until is None:
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "告知补正时请用 --until 给出补正期限。"))
        return _act(
            args,
            workspace,
            "已登记告知补正",
            lambda s, u, n: info_requests.request_supplement(s, u, n, args.asked, args.until, args.note),
        )
    return _act(
        args,
        workspace,
        "已登记收到补正",
        lambda s, u, n: info_requests.supplement_received(s, u, n, args.received, args.note),
    )


def _extend(args: argparse.Namespace, workspace: Workspace) -> int:
    on = args.on or dt.date.today()
    return _act(
        args,
        workspace,
        f"答复期限已延长 {args.days} 个工作日",
        lambda s, u, n: info_requests.extend(
            s, u, n, on, consented_by=args.consented_by, days=args.days, note=args.note
        ),
    )


def _consult(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.sent is not None:
        party = Party(args.party)
        return _act(
            args,
            workspace,
            f"已登记征求{party.label}意见",
            lambda s, u, n: info_requests.consultation_sent(s, u, n, args.sent, party, args.note),
        )
    return _act(
        args,
        workspace,
        "已登记收到意见",
        lambda s, u, n: info_requests.consultation_answered(s, u, n, args.answered, note=args.note),
    )


def _answer(args: argparse.Namespace, workspace: Workspace) -> int:
    outcome = Outcome(args.outcome)
    on = args.on or dt.date.today()
    return _act(
        args,
        workspace,
        f"已登记答复（{outcome.label}）",
        lambda s, u, n: info_requests.record_answer(s, u, n, outcome, on, args.detail),
    )


def _withdraw(args: argparse.Namespace, workspace: Workspace) -> int:
    on = args.on or dt.date.today()
    return _act(
        args,
        workspace,
        "申请人已撤回，申请办结",
        lambda s, u, n: info_requests.withdraw(s, u, n, on, args.note),
    )


def _deadlines(args: argparse.Namespace, workspace: Workspace) -> int:
    """Documents to publish and requests to answer, due within --within working days or overdue."""
    from app.deadlines import deadlines

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        rows = [
            d
            for d in deadlines(session, session.get_one(User, user_id), args.today)
            if d.working_days_left <= args.within
        ]
    for d in rows:
        state = (
            f"逾期 {-d.working_days_left} 个工作日"
            if d.working_days_left < 0
            else f"还剩 {d.working_days_left} 个工作日"
        )
        note = ("（暂停计时）" if d.paused else "") + ("" if d.exact else "（该年节假日未知，按周末计）")
        print(
            f"{d.subject:<10} {d.due.isoformat()} {state}{note}  {d.rule.label}  {d.status.label}  {d.title}"
        )
    overdue = sum(1 for d in rows if d.working_days_left < 0)
    print(f"共 {len(rows)} 件，其中逾期 {overdue} 件。")
    return EXIT_PROBLEM if overdue else EXIT_OK
