"""Setting up and keeping the database: `init`, `demo`, `user`, `backup`, `restore`, `db migrate-to`,
`audit`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.catalog import _portal_client
from app.cli.common import (
    DB_PASSWORD_ENV,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PROBLEM,
    _error,
    _password,
    _signed_in,
)
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.roles import Role

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("init", help="创建第一个部门和系统管理员")
    p.add_argument("--department", required=True, help="部门全称")
    p.add_argument("--code", required=True, help="机构代码（用于索引号）")
    p.add_argument("--admin", required=True, metavar="LOGIN", help="管理员登录名")
    p.add_argument("--admin-name", default="系统管理员", help="管理员姓名")
    p.set_defaults(handler="app.cli.database:_init")

    p = sub.add_parser("demo", help="创建示例工作区（部门、经办人、审查员和示例文件）")
    p.set_defaults(handler="app.cli.database:_demo")

    user = sub.add_parser("user", help="用户管理").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="添加用户（需系统管理员）")
    p.add_argument("login")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--role", required=True, help="角色，逗号分隔：" + ",".join(r.value for r in Role))
    p.add_argument("--department", help="部门全称（默认：执行者所在部门）")
    p.add_argument("--new-password-env", default="DESK_NEW_PASSWORD", help="新用户密码所在的环境变量")
    p.set_defaults(handler="app.cli.database:_user_add")

    p = sub.add_parser("backup", help="备份数据库（含全部文件内容），审发台使用中也可进行（需系统管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli.database:_backup")
    p = sub.add_parser(
        "restore",
        help="从备份恢复数据库（需系统管理员以 --user 登录；须先关闭审发台；已有数据库须加 --force，并会先另存）",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="替换数据目录中已有的数据库")
    p.set_defaults(handler="app.cli.database:_restore", needs_workspace=False)

    db_cmd = sub.add_parser("db", help="数据库").add_subparsers(
        dest="db_command", required=True, metavar="COMMAND"
    )
    p = db_cmd.add_parser(
        "migrate-to",
        help="把本机数据库（含全部文件内容和审计链）复制到一个空的共享数据库并校验（需系统管理员）",
    )
    p.add_argument("url", metavar="URL", help="目标数据库，如 postgresql+psycopg://desk@db.example/desk")
    p.set_defaults(handler="app.cli.database:_db_migrate_to")

    audit_cmd = sub.add_parser("audit", help="审计记录").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit_cmd.add_parser(
        "verify",
        help="校验审计哈希链、本机检查点与封签、各文件的状态和文件内容，指出被修改、插入或删除的记录",
    )
    p.set_defaults(handler="app.cli.database:_audit_verify")
    p = audit_cmd.add_parser(
        "accept",
        help="核查之后确认数据库的现状（需系统管理员）：重设链头和本机检查点，记录各文件的当前状态，"
        "所确认的问题记入审计记录",
    )
    p.add_argument("--reason", required=True, help="核查结论")
    p.set_defaults(handler="app.cli.database:_audit_accept")
    p = audit_cmd.add_parser(
        "published",
        help="核对线上实际发布的内容：文件须为现行条目冻结发布内容中的文件，已撤回的内容不得仍在提供，"
        "页面字段须与发布内容一致且不含审查时删除的内容",
    )
    p.add_argument(
        "--site", type=Path, metavar="DIR", help="静态目录网站的文件夹（网站服务器上提供的那一份）"
    )
    p.add_argument(
        "--portal",
        dest="portal_url",
        metavar="URL",
        help="同时核对该门户（通过门户接口读取；令牌取自系统密钥环或 DESK_PORTAL_TOKEN）",
    )
    p.set_defaults(handler="app.cli.database:_audit_published")


def _init(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import users

    password = _password("新管理员的密码：")
    with workspace.db.write() as session:
        if users.has_users(session):
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "数据库已经初始化过（已有用户）。"))
        department = users.create_department(session, None, args.department, args.code)
        users.create_user(
            session,
            None,
            login=args.admin,
            display_name=args.admin_name,
            password=password,
            roles=[Role.ADMIN],
            department=department,
        )
    print(f"已创建部门“{args.department}”和系统管理员 {args.admin}。数据目录：{workspace.paths.data_dir}")
    return EXIT_OK


def _demo(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import users
    from app.demo import DEMO_PASSWORD, create_demo_workspace

    admin_id = None
    with workspace.db.read() as session:
        if users.has_users(session):
            admin_id = _signed_in(args, workspace)
    accounts = create_demo_workspace(workspace.db, admin_id, workspace.paths.cache_dir)
    print(f"示例工作区已创建。数据目录：{workspace.paths.data_dir}")
    for account in accounts:
        roles = "、".join(r.label for r in account.roles)
        print(f"  {account.login:<12} {account.display_name}（{roles}）  密码：{DEMO_PASSWORD}")
    return EXIT_OK


def _user_add(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import users
    from app.db.models import Department, User

    actor_id = _signed_in(args, workspace)
    try:
        roles = [Role(r.strip()) for r in args.role.split(",") if r.strip()]
    except ValueError as exc:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "未知角色：{value}。可用：{roles}"),
            value=args.role,
            roles=",".join(r.value for r in Role),
        ) from exc
    password = _password(f"新用户 {args.login} 的密码：", args.new_password_env)
    with workspace.db.write() as session:
        actor = session.get_one(User, actor_id)
        department = actor.department
        if args.department:
            department = session.query(Department).filter_by(name=args.department).one_or_none()
            if department is None:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("DeskError", "部门“{name}”不存在。"), name=args.department
                )
        users.create_user(
            session,
            actor,
            login=args.login,
            display_name=args.name,
            password=password,
            roles=roles,
            department=department,
        )
    print(f"已添加用户 {args.login}。")
    return EXIT_OK


def _backup(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.backup import backup

    info = backup(workspace.db, _signed_in(args, workspace), args.file)
    print(f"数据库已备份到 {info.path}（{info.size} 字节，SHA-256 {info.sha256}）。")
    return EXIT_OK


def _restore(args: argparse.Namespace, _workspace: None) -> int:
    from sqlalchemy.engine import make_url

    from app.backup import restore
    from app.paths import Paths

    if args.db and not args.db.startswith("sqlite"):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "共享数据库（PostgreSQL）请用数据库服务器的工具（如 pg_restore）恢复。"
            )
        )
    paths = Paths.resolve(args.data_dir)
    paths.ensure()
    database = Path(make_url(args.db).database or "") if args.db else paths.database
    if not args.user:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该命令需要用 --user 指定执行的用户。"))
    password = _password(f"{args.user} 的密码：")
    kept = restore(args.file, database, paths.backups_dir, args.user, password, force=args.force)
    print(f"已从 {args.file} 恢复数据库到 {database}。" + (f"原数据库另存为 {kept}。" if kept else ""))
    return EXIT_OK


def _db_migrate_to(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.db.database import Database
    from app.db.models import User
    from app.db.move import move

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        if not session.get_one(User, user_id).has_role(Role.ADMIN):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以迁移数据库。"))
    target = Database(
        args.url, ask_password=lambda name: _password(f"数据库 {name} 的密码：", DB_PASSWORD_ENV)
    )
    try:
        report = move(workspace.db, target, progress=lambda table, rows: print(f"  {table}: {rows} 行"))
    finally:
        target.dispose()
    print(
        f"已迁移到 {target.display_name}：{sum(report.counts.values())} 行，"
        f"各表行数一致，审计链 {report.audit_events} 条校验通过。"
    )
    print("之后请用 --db（或在设置中）指向新的数据库。")
    return EXIT_OK


def _audit_verify(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import audit

    with workspace.db.read() as session:
        report = audit.verify_report(session)
    for problem in report.problems:
        print(problem.describe())
    for by, problem in report.accepted:
        print(f"（系统管理员已在审计事件 #{by} 确认）{problem.describe()}")
    for key_id, count in sorted(report.foreign.items()):
        print(
            f"{count} 条审计事件由其他计算机写入（密钥 {key_id}），本机无法核验其封签，请在该计算机上核查。"
        )
    if report.unsealed_before:
        print(f"{report.unsealed_before} 条审计事件写于启用封签之前。")
    if report.uncovered:
        print(f"{report.uncovered} 份文件或目录条目的状态尚未记入审计记录（升级前的记录）。")
    if report.checkpoint is None and not any(p.problem.startswith("checkpoint") for p in report.problems):
        print("本机没有该数据库的检查点（本机从未写入该数据库，或检查点连同其密钥被删除）。")
    if report.key_id:
        print(f"本机审计密钥标识：{report.key_id}")
    if report.problems:
        print(f"审计链校验失败：{len(report.problems)} 处问题（共读取 {report.count} 条事件）。")
        return EXIT_PROBLEM
    print(f"审计链完整：{report.count} 条事件。")
    return EXIT_OK


def _audit_accept(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import audit

    user_id = _signed_in(args, workspace)
    accepted = audit.accept(workspace.db, user_id, args.reason)
    for problem in accepted:
        print(problem.describe())
    print(f"已确认数据库的现状：{len(accepted)} 处问题记入审计记录，链头、本机检查点和各文件的状态已更新。")
    return EXIT_OK


def _audit_published(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.published_audit import audit_published

    if args.site is None and not args.portal_url:
        _error("请用 --site 指定网站文件夹，或用 --portal 指定门户地址。")
        return EXIT_ERROR
    client = _portal_client(args, workspace) if args.portal_url else None
    problems = audit_published(workspace.db, workspace.paths.cache_dir, site=args.site, portal=client)
    for problem in problems:
        print(problem.describe())
    if problems:
        print(f"线上内容与数据库不一致：{len(problems)} 处问题。")
        return EXIT_PROBLEM
    print("线上内容与数据库一致。")
    return EXIT_OK
