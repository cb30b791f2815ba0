"""`signoff`: the sign-off chain of the department's 保密审查单 (app.sign_off)."""

from __future__ import annotations

import argparse

from app import sign_off
from app.cli import EXIT_OK
from app.cli_desk import _signed_in
from app.db.models import User
from app.workspace import Workspace


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        department_id = session.get_one(User, user_id).department_id
        steps = sign_off.chain(session, department_id)
        default = sign_off.is_default(session, department_id)
    print(" → ".join(steps) + ("（默认）" if default else ""))
    return EXIT_OK


def _set(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    steps = [step for text in args.steps for step in sign_off.split_steps(text)]
    with workspace.db.write() as session:
        saved = sign_off.set_chain(session, session.get_one(User, user_id), steps)
    print(f"保密审查单的签批环节已设为：{' → '.join(saved)}。此后生成的审查单按此签批，已生成的不变。")
    return EXIT_OK
