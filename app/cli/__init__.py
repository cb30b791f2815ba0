"""The headless desk: every job of the GUI as a sub-command, done as a named user, with exit codes.

Exit codes (EXIT_CODES, shown by --help): 0 done; 1 done, but a problem was found (a finding at or
above --fail-on, a broken audit chain, a change the portal refused); 2 error (nothing changed);
3 done and saved, but a target is behind (the static site or the portal): `site rebuild` or
`portal push` finishes it, and so does the next start for the site.

This module assembles the parser from the command groups and dispatches. Each group module
(`app.cli.documents`, `app.cli.catalog`, …) defines its commands' arguments in `add_parsers` beside
their handlers. Every group is imported to build the parser, so its top imports stay light and a
handler imports the database, the engine and the desk's modules when it runs: `--help` and a
one-file `check` start without SQLAlchemy, Alembic or the desk's modules (tests/test_layering.py).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence
from typing import Any

from app.cli import (
    catalog,
    database,
    documents,
    files,
    interpretations,
    language,
    recheck,
    reports,
    requests,
    review,
    sentinel,
    transfer,
)
from app.cli.common import DB_PASSWORD_ENV, EXIT_CODES, EXIT_ERROR, PASSWORD_ENV, _error, _password
from app.errors import TranslatableError

# In the order --help lists them.
_GROUPS = (
    database,
    documents,
    review,
    interpretations,
    catalog,
    transfer,
    reports,
    requests,
    recheck,
    sentinel,
    files,
)


def build_parser() -> argparse.ArgumentParser:
    language.install()
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="政务公开审发台 Disclosure Desk。不带子命令时启动图形界面。",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data-dir", help="数据目录（默认：用户数据目录；环境变量 DESK_DATA_DIR）")
    parser.add_argument(
        "--db", metavar="URL", help="数据库 URL（任意 SQLAlchemy URL；默认：数据目录中的 SQLite）"
    )
    parser.add_argument(
        "--user", metavar="LOGIN", help=f"以该用户身份执行（密码取自环境变量 {PASSWORD_ENV} 或提示输入）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in _GROUPS:
        group.add_parsers(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = _handler(args.handler)
    if not getattr(args, "needs_workspace", True):
        try:
            return int(handler(args, None))
        except TranslatableError as exc:
            _error(exc.message)
            return EXIT_ERROR
    from app.workspace import Workspace

    try:
        workspace = Workspace.open(
            args.data_dir,
            args.db,
            ask_password=lambda name: _password(f"数据库 {name} 的密码：", DB_PASSWORD_ENV),
        )
    except TranslatableError as exc:
        _error(exc.message)
        return EXIT_ERROR
    # A desk command reads files with MuPDF, whose messages are diagnostics: stderr, like `check`'s.
    from review.mupdf import mupdf_messages_to_stderr

    mupdf_messages_to_stderr()
    try:
        _resume(workspace)
        return int(handler(args, workspace))
    except TranslatableError as exc:
        _error(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("已取消。")
        return EXIT_ERROR
    finally:
        workspace.close()


def _resume(workspace: Any) -> None:
    """Work a killed or failed run left unfinished (a static site update, a package export) is
    finished at the next start; looking costs a directory listing."""
    from app import pending_work

    if pending_work.waiting(workspace.paths.data_dir):
        catalog.resume_pending(argparse.Namespace(), workspace)


def _handler(name: str) -> Callable[[argparse.Namespace, Any], int]:
    """A command's handler from its "module:function" name, imported only when the command runs."""
    module, _, function = name.partition(":")
    handler: Callable[[argparse.Namespace, Any], int] = getattr(importlib.import_module(module), function)
    return handler
