"""`rulepack`: a department's own 错敏/表述 rule packs (app.rulepacks)."""

from __future__ import annotations

import argparse
import sys

from app import rulepacks
from app.atomic import write_bytes_atomic
from app.cli import EXIT_OK
from app.cli_desk import _signed_in
from app.db.models import User
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from app.workspace import Workspace


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    contents = []
    for path in args.files:
        try:
            contents.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "无法读取规则包“{name}”：{reason}"),
                name=path.name,
                reason=exc.strerror or str(exc),
            ) from exc
    with workspace.db.write() as session:  # all files or none
        user = session.get_one(User, user_id)
        issues = [i for name, data in contents for i in rulepacks.save_rulepack(session, user, name, data)]
        version = rulepacks.merged_version(session, user.department_id)
    for issue in issues:
        print(f"{issue.file} 第 {issue.line} 行：{issue.message}（已跳过）", file=sys.stderr)
    print(f"已导入 {len(contents)} 个规则包；合并后的规则版本 {version}。")
    return EXIT_OK


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        department_id = session.get_one(User, user_id).department_id
        stored = rulepacks.stored_packs(session, department_id)
        version = rulepacks.merged_version(session, department_id)
    for pack in stored:
        off = f"，停用随附规则 {pack.switched_off} 条" if pack.switched_off else ""
        print(f"{pack.name}\t{pack.rows} 条{off}\t{pack.updated_at}")
    if not stored:
        print("本部门没有自己的规则包，只用随附规则包。")
    print(f"合并后的规则版本：{version}")
    return EXIT_OK


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        sources = rulepacks.department_sources(session, session.get_one(User, user_id).department_id)
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, content in sources:
        write_bytes_atomic(args.folder / name, content)
    print(f"已导出 {len(sources)} 个规则包到 {args.folder}。")
    return EXIT_OK


def _remove(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        rulepacks.remove_rulepack(session, session.get_one(User, user_id), args.name)
    print(f"规则包“{args.name}”已删除，此后的检查不再使用。")
    return EXIT_OK
