"""Handlers of `notice …` (公示期) and `sentinel …` (the online site's watch). Looked up by name
from `app.cli`."""

from __future__ import annotations

import argparse
import json
import sys

from app.cli import EXIT_ERROR, EXIT_OK, EXIT_PENDING, EXIT_PROBLEM, _error
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


def _sentinel_run(args: argparse.Namespace, workspace: Workspace) -> int:
    """Exit 0: nothing found; 1: problems found (listed); 2: it could not run."""
    from app import sentinel

    folder = _site_folder(args, workspace)
    if args.stale_days < 1 or args.workers < 1 or args.timeout <= 0:
        _error("--stale-days、--workers 须为正整数，--timeout 须大于 0。")
        return EXIT_ERROR
    options = sentinel.Options(
        site=folder,
        portal=_portal_client(args, workspace) if args.portal_url else None,
        stale_days=args.stale_days,
        fast_sections=frozenset(args.fast_section),
        allow_private=args.allow_private,
        timeout=args.timeout,
        workers=args.workers,
    )
    try:
        outcome = sentinel.run(workspace.db, workspace.paths.cache_dir, options)
    except OSError as exc:  # the run is kept as failed; exit 1 would read as "problems found"
        _error(f"巡检未能完成：{exc.strerror or exc}")
        return EXIT_ERROR
    labels = {
        sentinel.PUBLISHED: "线上内容",
        sentinel.DEAD: "链接不可用",
        sentinel.CHANGED: "链接内容变化",
        sentinel.STALE: "栏目不更新",
    }
    for finding in outcome.findings:
        print(f"{labels[finding.kind]}：{finding.place}  {json.dumps(finding.detail, ensure_ascii=False)}")
    f = outcome.figures
    print(
        f"巡检 #{outcome.run_id}：页面 {f['pages']}，文件 {f['files']}，外部链接 {f['links']}"
        f"（访问 {f['links_checked']}，内部地址未访问 {f['links_private']}），栏目 {f['sections']}；"
        f"发现问题 {len(outcome.findings)} 处。"
    )
    return EXIT_PROBLEM if outcome.findings else EXIT_OK


def _sentinel_report(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import sentinel
    from app.atomic import write_bytes_atomic
    from publish.self_inspection import report_pdf

    run_id = args.run or sentinel.last_run(workspace.db)
    if run_id is None:
        _error("还没有完成的巡检：请先运行 main.py sentinel run。")
        return EXIT_ERROR
    write_bytes_atomic(args.out, report_pdf(sentinel.inspection(workspace.db, run_id, args.site_url)))
    print(f"网站自查报告（巡检 #{run_id}）已保存：{args.out}")
    return EXIT_OK
