"""Handlers of `notice …` (公示期) and `sentinel …` (the online site's watch). Looked up by name
from `app.cli`."""

from __future__ import annotations

import argparse
import sys

from app.cli import EXIT_ERROR, EXIT_OK, EXIT_PENDING, _error
from app.cli_desk import _portal_client, _signed_in, _site_folder
from app.workspace import Workspace


def _notice_set(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.notice_periods import set_notice

    if (args.until is None) == (not args.clear):
        _error("请给出公示期最后一天（YYYY-MM-DD），或用 --clear 清除公示期。")
        return EXIT_ERROR
    entry = set_notice(workspace.db, _signed_in(args, workspace), args.index_no, args.until)
    if entry.notice_until is None:
        print(f"索引号 {entry.index_no} 的公示期已清除，条目不会自动撤回。")
    else:
        print(
            f"索引号 {entry.index_no} 的公示期至 {entry.notice_until.isoformat()}，届满后由审发台自动撤回。"
        )
    return EXIT_OK


def _notice_expire(args: argparse.Namespace, workspace: Workspace) -> int:
    """Run by cron as the desk itself: no one signs in, the publisher's 公示期 is the order."""
    from app.notice_periods import expire

    folder = _site_folder(args, workspace)
    site = folder if args.site or folder.exists() else None
    portal = _portal_client(args, workspace) if args.portal_url or workspace.settings.portal_url else None
    removals = expire(
        workspace.db, workspace.paths.data_dir, site=site, site_url=args.site_url, portal=portal
    )
    for removal in removals:
        print(removal.proof_line(), file=sys.stdout if removal.proven else sys.stderr)
    if not removals:
        print("没有公示期届满的条目。")
        return EXIT_OK
    unproven = sum(not r.proven for r in removals)
    print(f"公示期届满撤回 {len(removals)} 条，其中 {unproven} 条尚未核实已全部下线。")
    return EXIT_PENDING if unproven else EXIT_OK
