"""`links`: the optional online check of the addresses a draft's text gives (app.document_links)."""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK, EXIT_PROBLEM
from app.cli_desk import _signed_in
from app.document_links import DEAD, MOVED, check_document_links
from app.sentinel import Options
from app.workspace import Workspace


def _links(args: argparse.Namespace, workspace: Workspace) -> int:
    _signed_in(args, workspace)
    options = Options(timeout=args.timeout, allow_private=args.allow_private)
    states = check_document_links(workspace.db, args.document_id, options)
    for s in states:
        where = "、".join(s.places)
        moved = f" → {s.final_url}" if s.state == MOVED else ""
        status = f"（{s.status}）" if s.state in (DEAD, MOVED) else ""
        print(f"{s.label}{status}\t{s.url}{moved}\t{where}")
    if not states:
        print("最近一次检查没有发现文中的链接。")
    return EXIT_PROBLEM if any(s.state in (DEAD, MOVED) for s in states) else EXIT_OK
