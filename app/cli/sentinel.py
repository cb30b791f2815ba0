"""`notice` (公示期: lists withdrawn when their notice period ends) and `sentinel` (the online site's
watch)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.catalog import _portal_client, _site_folder
from app.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PENDING, EXIT_PROBLEM, _date, _error, _signed_in

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    notice_cmd = sub.add_parser("notice", help="公示期：名单公示到期后由审发台自动撤回").add_subparsers(
        dest="notice_command", metavar="ACTION", required=True
    )
    p = notice_cmd.add_parser("set", help="设定或清除目录条目的公示期截止日期（需本部门发布管理员）")
    p.add_argument("index_no", metavar="INDEX_NO")
    p.add_argument("until", type=_date, nargs="?", metavar="DATE", help="公示期最后一天 YYYY-MM-DD")
    p.add_argument("--clear", action="store_true", help="清除公示期（条目不再自动撤回）")
    p.set_defaults(handler="app.cli.sentinel:_notice_set")
    p = notice_cmd.add_parser(
        "expire",
        help="撤回公示期已届满的条目，更新静态网站、推送门户，并核实已不再提供（可由 cron 定时运行；可重复运行）",
    )
    p.add_argument(
        "--site", type=Path, metavar="DIR", help="静态目录网站的文件夹（默认：数据目录下的 site/，如存在）"
    )
    p.add_argument(
        "--site-url", default="", metavar="URL", help="网站地址：撤回后通过 HTTP 核实文件已不再提供"
    )
    p.add_argument(
        "--portal-url", help="门户地址（默认取设置中的地址；令牌取自系统密钥环或 DESK_PORTAL_TOKEN）"
    )
    p.set_defaults(handler="app.cli.sentinel:_notice_expire")

    sentinel_cmd = sub.add_parser(
        "sentinel", help="网站巡检（在线机器上定时运行）：线上内容核对、外部链接、栏目更新，自查报告"
    ).add_subparsers(dest="sentinel_command", metavar="ACTION", required=True)
    p = sentinel_cmd.add_parser(
        "run",
        help="巡检一次并记入数据库。退出码：0 未发现问题，1 发现问题，2 无法运行",
    )
    p.add_argument(
        "--site", type=Path, metavar="DIR", help="静态目录网站的文件夹（默认：数据目录下的 site/）"
    )
    p.add_argument(
        "--portal",
        dest="portal_url",
        metavar="URL",
        help="同时核对该门户（令牌取自系统密钥环或 DESK_PORTAL_TOKEN）",
    )
    p.add_argument(
        "--stale-days",
        type=int,
        default=183,
        metavar="N",
        help="栏目超过 N 天未更新即报告（默认 183，约 6 个月）",
    )
    p.add_argument(
        "--fast-section",
        action="append",
        default=[],
        metavar="栏目",
        help="动态、要闻类栏目：超过 14 天未更新即报告（可重复）",
    )
    p.add_argument(
        "--allow-private", action="store_true", help="也访问指向内部网络地址（私有、回环地址）的链接"
    )
    p.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="每个链接的超时（默认 10 秒）"
    )
    p.add_argument("--workers", type=int, default=8, metavar="N", help="同时访问的链接数（默认 8）")
    p.set_defaults(handler="app.cli.sentinel:_sentinel_run")
    p = sentinel_cmd.add_parser("report", help="将最近一次巡检（或 --run 指定的一次）写成网站自查报告 PDF")
    p.add_argument("out", type=Path, metavar="OUT.pdf")
    p.add_argument("--run", type=int, metavar="N", help="巡检编号（默认最近一次完成的）")
    p.add_argument("--site-url", default="", metavar="URL", help="报告中写明的网站地址")
    p.set_defaults(handler="app.cli.sentinel:_sentinel_report")


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
