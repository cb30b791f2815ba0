"""Keys and packages: `key` (the department's signing key, the registered public keys) and `package`
(the signed transfer package from the secret machine to the online one)."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import faults
from app.cli.catalog import _committing, _intend_site, _send_on, _site_folder
from app.cli.common import (
    EXIT_OK,
    EXIT_PENDING,
    EXIT_PROBLEM,
    KEY_PASSPHRASE_ENV,
    _error,
    _password,
    _signed_in,
)
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    key = sub.add_parser("key", help="传输包签名密钥（需系统管理员）").add_subparsers(
        dest="key_command", required=True, metavar="COMMAND"
    )
    p = key.add_parser("generate", help="生成本部门的签名密钥（口令取自 DESK_KEY_PASSPHRASE 或提示输入）")
    p.set_defaults(handler="app.cli.transfer:_key_generate")
    p = key.add_parser("rotate", help="更换签名密钥：生成新密钥，旧密钥停用（已导出的包仍可验证）")
    p.set_defaults(handler="app.cli.transfer:_key_generate")
    p = key.add_parser("export", help="导出本部门的公钥文件，交给联网机登记")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli.transfer:_key_export")
    p = key.add_parser("register", help="登记一个部门的公钥文件：其签名的传输包可以导入本机")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli.transfer:_key_register")
    p = key.add_parser("revoke", help="吊销密钥：此后其签名的传输包一律拒绝")
    p.add_argument("key_id", metavar="KEY_ID")
    p.add_argument("--reason", required=True, help="吊销理由")
    p.set_defaults(handler="app.cli.transfer:_key_revoke")
    p = key.add_parser("list", help="列出本机的签名密钥和已登记的公钥")
    p.set_defaults(handler="app.cli.transfer:_key_list")

    package = sub.add_parser("package", help="签名传输包（涉密机 → 联网机）").add_subparsers(
        dest="package_command", required=True, metavar="COMMAND"
    )
    p = package.add_parser("export", help="把待导出的目录变更写成一个签名传输包（需发布管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli.transfer:_package_export")
    p = package.add_parser("import", help="验证并导入传输包，再发布到各目标（需发布管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只验证并列出内容，不导入")
    p.add_argument(
        "--skip-clashes",
        action="store_true",
        help="本机已使用的索引号（两台机器重号）的条目不导入，只导入其余内容",
    )
    p.add_argument(
        "--target", choices=["static", "portal"], action="append", default=[], help="导入后发布到的目标"
    )
    p.add_argument("--site", type=Path, help="静态目录网站的文件夹")
    p.add_argument("--portal-url", help="门户地址（默认取设置中的地址）")
    p.set_defaults(handler="app.cli.transfer:_package_import")


def _key_generate(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    passphrase = _new_passphrase()
    with workspace.db.write() as session:
        row = signing_keys.generate(
            session, session.get_one(User, user_id), passphrase, workspace.paths.keys_dir
        )
        where = "系统密钥环" if row.storage == "keyring" else f"{workspace.paths.keys_dir}（口令加密）"
        print(f"已生成签名密钥 {row.key_id}，私钥保存在{where}。")
    return EXIT_OK


def _new_passphrase() -> str:
    passphrase = _password("私钥口令：", KEY_PASSPHRASE_ENV)
    if KEY_PASSPHRASE_ENV not in os.environ and getpass.getpass("再次输入私钥口令：") != passphrase:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "两次输入的口令不一致。"))
    return passphrase


def _key_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys
    from app.atomic import write_bytes_atomic
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        key_file = signing_keys.public_key_file(session, session.get_one(User, user_id))
    write_bytes_atomic(args.file, key_file.to_json().encode("utf-8"))
    print(f"公钥 {key_file.key_id}（{key_file.department_name}）已导出到 {args.file}")
    return EXIT_OK


def _key_register(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import documents, signing_keys
    from app.db.models import User
    from publish.transfer import PublicKeyFile

    user_id = _signed_in(args, workspace)
    key_file = PublicKeyFile.from_json(documents.read_source(args.file).decode("utf-8", errors="replace"))
    with workspace.db.write() as session:
        row = signing_keys.register(session, session.get_one(User, user_id), key_file)
        print(f"已登记 {row.department_name}（{row.department_code}）的公钥 {row.key_id}。")
    return EXIT_OK


def _key_revoke(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        signing_keys.revoke(session, session.get_one(User, user_id), args.key_id, args.reason)
    print(f"密钥 {args.key_id} 已吊销。")
    return EXIT_OK


def _key_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from sqlalchemy import select

    from app.db.models import SigningKey, TrustedKey

    _signed_in(args, workspace)
    with workspace.db.read() as session:
        for own in session.scalars(select(SigningKey).order_by(SigningKey.created_at)):
            state = "停用" if own.retired_at else "使用中"
            print(f"本机签名密钥 {own.key_id}  {state}  {own.storage}")
        for trusted in session.scalars(select(TrustedKey).order_by(TrustedKey.registered_at)):
            state = f"已吊销（{trusted.revoked_reason}）" if trusted.revoked_at else "有效"
            print(
                f"登记的公钥   {trusted.key_id}  {state}  {trusted.department_name}（{trusted.department_code}）"
            )
    return EXIT_OK


def _package_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.transfer import ExportPending, export_package

    user_id = _signed_in(args, workspace)
    passphrase = _password("私钥口令：", KEY_PASSPHRASE_ENV)
    try:
        result = export_package(
            workspace.db,
            user_id,
            passphrase,
            args.file,
            workspace.paths.keys_dir,
            data_dir=workspace.paths.data_dir,
        )
    except ExportPending as exc:
        _error(exc.message)
        return EXIT_PENDING
    print(
        f"传输包 {result.package_id}（序号 {result.sequence}，{result.items} 项）已写入 {args.file}\n"
        f"SHA-256 {result.sha256}"
    )
    return EXIT_OK


def _package_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.transfer import import_package, verify_package

    user_id = _signed_in(args, workspace)
    _package, summary = verify_package(workspace.db, args.file)
    print(
        f"传输包 {summary.package_id}：{summary.department}，序号 {summary.sequence}，"
        f"密钥 {summary.key_id[:16]}，签名和 {len(summary.items)} 项内容均已验证。"
    )
    labels = {"upsert": "发布", "withdraw": "撤回", "validity": "有效性"}
    for action, index_no, title in summary.items:
        print(f"  {labels.get(action, action)}  {index_no}  {title}")
    for clash in summary.clashes:
        print(f"  重号  {clash.index_no}  本机已用于“{clash.here}”")
    if args.dry_run:
        return EXIT_PROBLEM if summary.clashes else EXIT_OK
    folder = _site_folder(args, workspace) if "static" in args.target else None
    intent = _intend_site(workspace, folder)
    with _committing(intent):
        result = import_package(
            workspace.db,
            user_id,
            args.file,
            to_portal="portal" in args.target,
            set_aside_clashes=args.skip_clashes,
        )
    print(f"已导入：发布 {result.published}，撤回 {result.withdrawn}，有效性变更 {result.changed}。")
    if result.set_aside:
        print(f"未导入（本机已使用这些索引号）：{'、'.join(result.set_aside)}")
    faults.point("import.after_commit")
    return _send_on(args, workspace, folder, intent)
