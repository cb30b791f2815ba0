"""Reports: `report` (年度报告表二 and the desk's figures) and `review-summary` (the monthly
保密审查汇总表 of the user's department, app.review_summary)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import desk_day
from app.atomic import write_bytes_atomic
from app.cli.common import EXIT_OK, _date, _signed_in
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("report", help="统计与年度报告（政府信息公开工作年度报告表二及审发台统计）")
    p.add_argument("--year", type=int, help="统计年度（默认今年）")
    p.add_argument("--from", dest="start", type=_date, help="起始日期 YYYY-MM-DD（代替 --year）")
    p.add_argument("--to", dest="end", type=_date, help="截止日期 YYYY-MM-DD（含）")
    p.add_argument("--department", help="部门名称或机构代码（默认全部部门）")
    p.add_argument("--format", choices=["pdf", "csv", "xlsx"], default="pdf")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler="app.cli.reports:_report")

    p = sub.add_parser(
        "review-summary",
        help="导出本部门某月的保密审查汇总表（每件审查一行：审查编号、标题（已遮蔽）、结论、发现和处理项数）",
    )
    p.add_argument("month", metavar="YYYY-MM", help="统计月份，如 2026-11")
    p.add_argument("--format", choices=["pdf", "xlsx", "csv"], default="pdf")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler="app.cli.reports:_review_summary")


def _report(args: argparse.Namespace, workspace: Workspace) -> int:
    from dataclasses import replace

    from sqlalchemy import select

    from app.db.models import Department
    from app.statistics import figures
    from publish.report import LEGAL_KINDS, table2_pdf, to_csv, to_xlsx

    _signed_in(args, workspace)
    year = args.year or desk_day.today().year
    start, end = args.start or dt.date(year, 1, 1), args.end or dt.date(year, 12, 31)
    if start > end:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "起始日期晚于截止日期。"))
    with workspace.db.read() as session:
        department = None
        if args.department:
            department = session.scalar(
                select(Department).where(
                    (Department.name == args.department) | (Department.code == args.department)
                )
            )
            if department is None:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("DeskError", "没有名称或代码为“{name}”的部门。"), name=args.department
                )
        result = figures(session, start, end, department.id if department else None)
        result = replace(result, department=department.name if department else "")
    render = {"pdf": table2_pdf, "csv": to_csv, "xlsx": to_xlsx}[args.format]
    write_bytes_atomic(args.output, render(result))
    print(
        f"统计报告已写入 {args.output}（{start.isoformat()} 至 {end.isoformat()}，主动公开 {result.published} 条）。"
    )
    for kind, counts in result.legal.items():
        if not counts.identity_holds:
            print(f"注意：{LEGAL_KINDS[kind]}的现行有效件数核对不一致，请核查。", file=sys.stderr)
    return EXIT_OK


def _review_summary(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.review_summary import parse_month, review_summary
    from publish import review_summary as layout

    year, month = parse_month(args.month)
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        summary = review_summary(session, user_id, year, month)
    render = {"pdf": layout.to_pdf, "xlsx": layout.to_xlsx, "csv": layout.to_csv}[args.format]
    write_bytes_atomic(args.output, render(summary))
    print(
        f"保密审查汇总表已写入 {args.output}（{summary.department}，{summary.period}，"
        f"审查 {len(summary.rows)} 件）。"
    )
    return EXIT_OK
