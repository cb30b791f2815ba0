"""`interpret`: policy interpretations (政策解读) attached to a document, and the reviewer's
attestation of audio and video the engine cannot read (app.interpretations)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_OK, _signed_in
from app.cli.documents import _report_check, _rich_text
from publish.taxonomy import InterpretationForm

if TYPE_CHECKING:
    from app.interpretations import MediaState
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    interpret = sub.add_parser("interpret", help="政策解读").add_subparsers(
        dest="interpret_command", required=True, metavar="COMMAND"
    )
    p = interpret.add_parser("add", help="为文件添加政策解读（需本部门经办人）；解读随文件提交、审查和发布")
    p.add_argument("document_id", type=int, metavar="ID", help="所解读的文件")
    p.add_argument("--form", required=True, choices=[f.value for f in InterpretationForm], help="解读形式")
    p.add_argument("--title", required=True, help="解读标题")
    p.add_argument("--department", required=True, help="起草部门（谁起草、谁解读）")
    body = p.add_mutually_exclusive_group()
    body.add_argument("--file", type=Path, help="解读文件（PDF、DOCX、OFD、图片或文本）")
    body.add_argument("--html", type=Path, help="解读正文（HTML：标题、段落、列表、表格）")
    p.add_argument("--media", type=Path, nargs="*", default=[], help="音视频文件")
    p.add_argument("--no-check", action="store_true", help="添加后不立即保密检查")
    p.set_defaults(handler="app.cli.interpretations:_interpret_add")
    p = interpret.add_parser("list", help="列出文件的政策解读，及每个音视频附件的实际类型和人工审查情况")
    p.add_argument("document_id", type=int, metavar="ID")
    p.set_defaults(handler="app.cli.interpretations:_interpret_list")
    p = interpret.add_parser(
        "attest",
        help="审查员对检查引擎无法读取的音视频附件进行人工审查确认（需审查员，解读须在待审查状态）",
    )
    p.add_argument("media_id", type=int, metavar="MEDIA_ID", help="音视频附件编号（见 interpret list）")
    p.add_argument("--note", required=True, help="人工审查说明：试听或观看了哪些内容、有无敏感信息")
    p.set_defaults(handler="app.cli.interpretations:_interpret_attest")


def _interpret_add(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import documents, interpretations
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    draft = documents.prepare(args.file) if args.file else None
    rich_text = _rich_text(args.html)
    media = [interpretations.read_media(path) for path in args.media]
    with workspace.db.write() as session:
        interpretation_id = interpretations.attach(
            session,
            session.get_one(User, user_id),
            args.document_id,
            form=InterpretationForm(args.form),
            title=args.title,
            drafting_department=args.department,
            draft=draft,
            rich_text=rich_text,
            media=media,
        ).id
    print(f"已为 #{args.document_id} 添加政策解读 #{interpretation_id}。")
    if not args.no_check:
        _report_check(workspace, user_id, interpretation_id)
    return EXIT_OK


def _interpret_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations
    from app.workflow import get_document

    _signed_in(args, workspace)
    with workspace.db.read() as session:
        get_document(session, args.document_id)
        rows = interpretations.rows_of(session, args.document_id)
        media = {row.id: interpretations.media_states(session, row.id) for row in rows}
    for row in rows:
        count = f"，音视频 {len(row.media)} 个" if row.media else ""
        print(
            f"#{row.id:<5} [{row.form.label}] {row.status.label}  {row.title}（{row.drafting_department}{count}）"
        )
        for state in media[row.id]:
            print(f"       附件 {state.id}：{state.name}  实际类型：{state.detected}  {_media_review(state)}")
    print(f"共 {len(rows)} 篇政策解读。")
    return EXIT_OK


def _media_review(state: MediaState) -> str:
    if state.readable:
        return "已按实际内容进行保密检查"
    if state.attested_at is not None:
        return f"已人工审查（{state.attested_by}，{state.attested_when}）：{state.note}"
    return "待人工审查"


def _interpret_attest(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        media = interpretations.attest_media(
            session, session.get_one(User, user_id), args.media_id, args.note
        )
        name, interpretation_id = media.original_name, media.interpretation_id
    print(f"已对政策解读 #{interpretation_id} 的附件“{name}”记录人工审查。")
    return EXIT_OK
