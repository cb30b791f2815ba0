"""What every command module shares: exit codes, the environment variables read for secrets,
argument types, error output and signing in. Standard library only at the top, like the parsers."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import re
import sys
from typing import TYPE_CHECKING

from app.errors import QT_TRANSLATE_NOOP, ValidationFailed

if TYPE_CHECKING:
    from app.workspace import Workspace

PASSWORD_ENV = "DESK_PASSWORD"
KEY_PASSPHRASE_ENV = "DESK_KEY_PASSPHRASE"
DB_PASSWORD_ENV = "DESK_DB_PASSWORD"
PDF_PASSWORD_ENV = "DESK_PDF_PASSWORD"  # the open password of encrypted PDFs being imported
EXIT_OK, EXIT_PROBLEM, EXIT_ERROR, EXIT_PENDING = 0, 1, 2, 3
EXIT_CODES = """退出码：
  0  完成。
  1  完成，但发现了问题（达到 --fail-on 级别的发现、审计链断裂、门户拒绝了变更等）。
  2  出错，没有做任何更改。
  3  已完成并保存，但有目标尚未更新（静态目录网站或门户）：运行 site rebuild 或 portal push 补做；
     静态网站的未完成更新在下次启动审发台时也会自动补做。"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from exc


def _word_list(value: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in re.split(r"[、,，;；\s]+", value) if w.strip())


def _error(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)


def _password(prompt: str, env: str = PASSWORD_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "需要密码：请设置环境变量 {env}，或在终端中运行以输入密码。"),
            env=env,
        )
    return getpass.getpass(prompt)


def _signed_in(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import users

    if not args.user:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该命令需要用 --user 指定执行的用户。"))
    password = _password(f"{args.user} 的密码：")
    with workspace.db.read() as session:
        return users.authenticate(session, args.user, password).id
