"""`recheck`: the current lexicon and rule packs over everything published (app/recheck.py); and
`correct`, a new draft from a catalog entry."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from app.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEM, _error, _signed_in
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationFailed
from app.finding_labels import rule_name
from app.roles import Role
from review.model import Channel, Finding, Location, Severity

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "recheck",
        help="全面复查：用当前词库和规则包复查所有现行目录条目的已存文本（不重新读取文件），"
        "列出有发现的条目（按规则和部门分组）；有发现时退出码为 1",
    )
    p.add_argument("--changed", action="store_true", help="只复查自上次复查以来新增或修改的词条和规则包内容")
    p.add_argument("--resume", action="store_true", help="继续中断的复查（从中断处接着做）")
    p.add_argument("--list", action="store_true", help="只列出最近一次复查的结果")
    p.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, metavar="N", help="并行进程数（默认：CPU 核数）"
    )
    p.add_argument(
        "--partition",
        metavar="K/N",
        help="只做 N 个分区中的第 K 个（0 起）：多台机器或调度器各运行一个分区，共用同一个 PostgreSQL 数据库",
    )
    p.add_argument("--batch", type=int, default=200, metavar="N", help="每批复查并提交的条目数（默认 200）")
    p.set_defaults(handler="app.cli.recheck:_recheck")

    p = sub.add_parser(
        "correct",
        help="更正：以目录条目的原件和目录信息新建草稿（需本部门经办人），修改后重新检查、审查和发布",
    )
    p.add_argument("index_no", metavar="INDEX_NO")
    p.set_defaults(handler="app.cli.recheck:_correct")


def _partition(text: str) -> tuple[int, int]:
    part, _, parts = text.partition("/")
    if not (part.isdigit() and parts.isdigit()) or not 0 <= int(part) < int(parts):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "分区应写作 K/N（0 ≤ K < N），如 0/4：{value}"), value=text
        )
    return int(part), int(parts)


def _recheck(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import recheck
    from app.db.models import User

    db = workspace.db
    if args.list:
        run_id = recheck.latest_run(db)
        if run_id is None:
            print("还没有进行过全面复查。")
            return EXIT_OK
        return _report(workspace, run_id)
    user_id = _signed_in(args, workspace)
    with db.read() as session:
        user = session.get_one(User, user_id)
        if not any(user.has_role(r) for r in (Role.PUBLISHER, Role.REVIEWER, Role.ADMIN)):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError", "只有发布管理员、保密审查员或系统管理员可以全面复查已发布的内容。"
                )
            )
    part = _partition(args.partition) if args.partition else None
    mode = recheck.CHANGED if args.changed else recheck.FULL
    run_id = recheck.unfinished(db) if args.resume else None
    if args.resume and run_id is None:
        print("没有未完成的复查。")
        return EXIT_OK
    if run_id is not None:
        print(f"继续第 {run_id} 次复查。")
    elif part is not None:
        run_id = recheck.start(db, user_id, mode, workspace.paths.cache_dir, part[1], join=True)
        print(f"第 {run_id} 次复查，分区 {part[0]}/{part[1]}。")
    else:
        run_id = recheck.start(db, user_id, mode, workspace.paths.cache_dir, max(1, args.workers))
        _say_plan(workspace, run_id)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r已复查 {done}/{total} 条", end="", file=sys.stderr, flush=True)

    if part is not None:
        recheck.work(db, run_id, workspace.paths.cache_dir, progress, only_part=part[0], batch=args.batch)
        figures = recheck.figures(db, run_id)
        print(f"分区 {part[0]}/{part[1]} 已完成。")
        if figures.status != recheck.DONE:
            print("其他分区尚未完成：全部完成后用 recheck --list 查看结果。")
            return EXIT_OK
    else:
        finished = recheck.run_parallel(
            db,
            workspace.paths.data_dir,
            run_id,
            workspace.paths.cache_dir,
            max(1, args.workers),
            progress,
            batch=args.batch,
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if not finished:
            _error("复查未完成（已取消）。用 recheck --resume 继续。")
            return EXIT_ERROR
    return _report(workspace, run_id)


def _say_plan(workspace: Workspace, run_id: int) -> None:
    from app import recheck

    mode, changes = recheck.run_changes(workspace.db, run_id)
    if mode == recheck.FULL:
        print(f"第 {run_id} 次复查：用当前词库和全部规则复查所有现行目录条目。")
        return
    terms = sorted({t for ts in changes.get("terms", {}).values() for t in ts})
    rows = changes.get("pack_rows", 0)
    if not terms and not rows:
        print(f"第 {run_id} 次复查：自第 {changes.get('since')} 次复查以来词库和规则包没有新增或修改的内容。")
        return
    shown = "、".join(terms[:20]) + ("等" if len(terms) > 20 else "")
    print(
        f"第 {run_id} 次复查：只复查自第 {changes.get('since')} 次复查以来新增或修改的 "
        f"{len(terms)} 个词条{'（' + shown + '）' if terms else ''}和 {rows} 条规则包内容。"
    )


def _report(workspace: Workspace, run_id: int) -> int:
    from app import recheck

    figures = recheck.figures(workspace.db, run_id)
    rows = recheck.grouped(workspace.db, run_id)
    print(
        f"第 {run_id} 次复查：{figures.done}/{figures.total} 条目录条目，读取已存文本 {figures.read} 份"
        + (
            f"，其中 {figures.backfilled} 份没有保存文本、保存的文本无法读取或由旧版引擎提取，已从发布文件重新提取并保存"
            if figures.backfilled
            else ""
        )
        + "。"
    )
    if not rows:
        print("没有发现问题。")
        return EXIT_OK
    current = ("", "", "")
    for row in rows:
        if (row.rule_id, row.category, row.department) != current:
            current = (row.rule_id, row.category, row.department)
            rule = rule_name(Finding(row.rule_id, row.category, row.worst, "", Channel.VISIBLE, Location()))
            print(f"\n[{row.rule_id}] {rule} · {row.department}")
        print(
            f"  {row.index_no}  {row.title}  {Severity(row.worst).label}  {row.count} 处：{'、'.join(row.terms[:5])}"
        )
    print(f"\n共 {len({r.entry_id for r in rows})} 条目录条目有发现。")
    return EXIT_PROBLEM


def _correct(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import recheck
    from app.catalog import entry_by_index

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        entry = entry_by_index(session, args.index_no)
        if entry is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("DeskError", "目录中没有索引号“{index_no}”。"), index_no=args.index_no
            )
        entry_id = entry.id
    document_id = recheck.start_correction(workspace.db, user_id, entry_id)
    print(
        f"已新建更正草稿（文件 {document_id}）：修改或上传新版本后检查、提交审查；发布后撤回原条目 {args.index_no}。"
    )
    return EXIT_OK
