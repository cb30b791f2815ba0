"""`review-summary`: the monthly 保密审查汇总表 of the user's department (app.review_summary)."""

from __future__ import annotations

import argparse

from app.atomic import write_bytes_atomic
from app.cli import EXIT_OK
from app.cli_desk import _signed_in
from app.review_summary import parse_month, review_summary
from app.workspace import Workspace
from publish import review_summary as layout


def _review_summary(args: argparse.Namespace, workspace: Workspace) -> int:
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
