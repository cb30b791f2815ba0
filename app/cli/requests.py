"""The `request` commands (依申请公开) and `deadlines`, which lists requests beside documents."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import desk_day
from app.cli import request_answers
from app.cli.common import EXIT_OK, EXIT_PROBLEM, _date, _signed_in
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from app.roles import Status
from publish.request_clock import ActionKind, Clock, Party, State
from publish.request_outcomes import ApplicantKind, Channel, Outcome

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db.models import User
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "deadlines",
        help="公开期限：主动公开成文后 20 个工作日内发布（条例第二十六条），依申请公开 20 个工作日内答复（第三十三条）",
    )
    p.add_argument(
        "--within", type=int, default=5, metavar="N", help="列出 N 个工作日内到期和已逾期的（默认 5）"
    )
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    # Lists open requests for information too, by their legal clock.
    p.set_defaults(handler="app.cli.requests:_deadlines")

    request = sub.add_parser(
        "request", help="依申请公开：登记申请、补正、延期、征求意见、答复"
    ).add_subparsers(dest="request_command", required=True, metavar="COMMAND")
    p = request.add_parser("add", help="登记收到的政府信息公开申请（需本部门经办人）")
    p.add_argument("--kind", required=True, choices=[k.value for k in ApplicantKind], help="申请人类型")
    p.add_argument("--name", required=True, help="申请人姓名或名称")
    p.add_argument("--contact", required=True, help="联系方式（通信地址、电子邮箱或电话，答复送达用）")
    p.add_argument("--content", required=True, help="所需信息的内容描述")
    p.add_argument("--ref", default="", help="信息标识：申请相同信息的填同一标识（第四十四条统计用）")
    p.add_argument("--channel", required=True, choices=[c.value for c in Channel], help="申请方式")
    p.add_argument(
        "--received",
        required=True,
        type=_date,
        help="收到申请日期 YYYY-MM-DD（当面的为提交之日，邮寄的为签收之日，网上和传真的为双方确认之日，第三十一条）",
    )
    p.add_argument("--attach", type=Path, nargs="*", default=[], metavar="FILE", help="来信、申请表等材料")
    p.set_defaults(handler="app.cli.requests:_add")

    p = request.add_parser("list", help="列出未办结的申请：答复期限、剩余工作日、逾期和暂停情况")
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    p.set_defaults(handler="app.cli.requests:_list")

    p = request.add_parser("show", help="显示一件申请、它的办理记录和期限的计算依据")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    p.set_defaults(handler="app.cli.requests:_show")

    p = request.add_parser("supplement", help="告知补正（收到申请后 7 个工作日内，一次性）或登记收到补正")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--asked", type=_date, metavar="DATE", help="告知补正的日期")
    which.add_argument(
        "--received", type=_date, metavar="DATE", help="收到补正的日期（答复期限自当日重新计算）"
    )
    p.add_argument("--until", type=_date, metavar="DATE", help="给申请人的补正期限（与 --asked 一起）")
    p.add_argument("--note", default="", help="需要补正的事项等")
    p.set_defaults(handler="app.cli.requests:_supplement")

    p = request.add_parser("extend", help="延长答复期限（一次，最长 20 个工作日，须经工作机构负责人同意）")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--consented-by", required=True, help="同意延期的政府信息公开工作机构负责人")
    p.add_argument("--days", type=int, default=20, help="延长的工作日数（默认 20）")
    p.add_argument("--on", type=_date, help="延期决定的日期（默认今天）")
    p.add_argument("--note", default="")
    p.set_defaults(handler="app.cli.requests:_extend")

    p = request.add_parser("consult", help="征求第三方或其他机关意见（发出 / 收到），其间不计入答复期限")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--sent", type=_date, metavar="DATE", help="发出征求意见的日期")
    which.add_argument("--answered", type=_date, metavar="DATE", help="收到意见的日期")
    p.add_argument(
        "--party",
        choices=[x.value for x in Party],
        default=Party.THIRD_PARTY.value,
        help="征求谁的意见（默认第三方）",
    )
    p.add_argument("--note", default="")
    p.set_defaults(handler="app.cli.requests:_consult")

    p = request.add_parser("answer", help="登记答复及处理结果（年报表三的分类）")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--outcome", required=True, choices=[o.value for o in Outcome if o != Outcome.WITHDRAWN])
    p.add_argument("--detail", default="", help="处理说明（如不予公开的依据、负责公开的机关）")
    p.add_argument("--on", type=_date, help="答复日期（默认今天）")
    p.set_defaults(handler="app.cli.requests:_answer")

    p = request.add_parser("withdraw", help="申请人撤回申请")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--on", type=_date, help="撤回日期（默认今天）")
    p.add_argument("--note", default="")
    p.set_defaults(handler="app.cli.requests:_withdraw")
    request_answers.add_parsers(request)  # draft-answer, package …


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
    from app import info_requests
    from app.db.models import User

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
    from app import info_requests
    from app.db.models import User
    from app.info_requests import RequestStatus

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
    from app import info_requests
    from app.db.models import Document, User
    from app.info_requests import RequestStatus
    from app.request_answers import disclosed_documents

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
    from app import info_requests
    from app.db.models import User

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
    from app import info_requests

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
    from app import info_requests

    on = args.on or desk_day.today()
    return _act(
        args,
        workspace,
        f"答复期限已延长 {args.days} 个工作日",
        lambda s, u, n: info_requests.extend(
            s, u, n, on, consented_by=args.consented_by, days=args.days, note=args.note
        ),
    )


def _consult(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import info_requests

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
    from app import info_requests

    outcome = Outcome(args.outcome)
    on = args.on or desk_day.today()
    return _act(
        args,
        workspace,
        f"已登记答复（{outcome.label}）",
        lambda s, u, n: info_requests.record_answer(s, u, n, outcome, on, args.detail),
    )


def _withdraw(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import info_requests

    on = args.on or desk_day.today()
    return _act(
        args,
        workspace,
        "申请人已撤回，申请办结",
        lambda s, u, n: info_requests.withdraw(s, u, n, on, args.note),
    )


def _deadlines(args: argparse.Namespace, workspace: Workspace) -> int:
    """Documents to publish and requests to answer, due within --within working days or overdue."""
    from app.db.models import User
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
