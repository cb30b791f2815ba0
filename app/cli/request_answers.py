"""The `request` commands that answer (依申请公开): draft the 答复书, add files to disclose, make the
补正/延期 notices, export the applicant's signed package, and move information to 主动公开 (Art. 44).

`add_parsers` is called by app.cli.requests while it builds the `request` group, so this module's top
imports stay light (the parser must load without SQLAlchemy); each handler imports what it needs.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from app import desk_day
from app.cli.common import EXIT_OK, KEY_PASSPHRASE_ENV, PDF_PASSWORD_ENV, _date, _password, _signed_in
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from publish.answer_letter import FACT_LABELS, LetterKind
from publish.request_outcomes import Outcome

_FACTS_HELP = "；".join(f"{name}={label}" for name, label in FACT_LABELS.items())


def add_parsers(request: Any) -> None:
    """Adds the answering commands to the `request` group's sub-parsers."""
    p = request.add_parser(
        "draft-answer",
        help="按处理结果从模板生成答复书草稿（作为文件送审）；--print 只显示文字供修改，--text 用修改后的文字",
    )
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--outcome", required=True, choices=[o.value for o in Outcome], help="处理结果")
    p.add_argument(
        "--fact", action="append", default=[], metavar="NAME=VALUE", help=f"答复书所需事实：{_FACTS_HELP}"
    )
    p.add_argument(
        "--withheld",
        action="append",
        default=[],
        metavar="PART|BASIS[|REASON]",
        help="部分公开时另行说明的不予公开部分及其依据（公开文件中删除、遮盖的部分由审查决定自动列出）",
    )
    p.add_argument("--on", type=_date, help="答复日期（默认今天）")
    p.add_argument("--text", type=Path, metavar="FILE", help="用修改后的答复书文字（--print 的输出）生成")
    p.add_argument("--print", action="store_true", help="只显示按模板填好的文字，不保存")
    p.set_defaults(handler="app.cli.request_answers:_draft_answer")

    p = request.add_parser(
        "disclose", help="添加提供给申请人的文件：作为草稿送审（删除、遮盖须写明依据），只交付申请人"
    )
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--title", help="文件标题（默认取文件名）")
    p.set_defaults(handler="app.cli.request_answers:_disclose")

    p = request.add_parser("notice", help="生成补正告知书或延期答复告知书（PDF），并存入申请的发出文书")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--kind", required=True, choices=[LetterKind.SUPPLEMENT.value, LetterKind.EXTENSION.value])
    p.add_argument("out", type=Path, metavar="OUT.pdf")
    p.add_argument(
        "--item", action="append", default=[], help="需要补正的事项（可多次给出；默认取告知补正时的备注）"
    )
    p.add_argument(
        "--fact", action="append", default=[], metavar="NAME=VALUE", help="其他事实，如 extension_reason=…"
    )
    p.add_argument("--on", type=_date, help="文书日期（默认今天）")
    p.set_defaults(handler="app.cli.request_answers:_notice")

    p = request.add_parser(
        "package",
        help="导出答复材料包（ZIP）：经审查批准的答复书和公开文件，附本部门签名的 SHA-256 清单"
        "（私钥口令取自环境变量 DESK_KEY_PASSPHRASE 或提示输入）",
    )
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("out", type=Path, metavar="OUT.zip")
    p.set_defaults(handler="app.cli.request_answers:_package")

    p = request.add_parser(
        "publish-proactive",
        help="转为主动公开（条例第四十四条）：以已批准的公开文件另建普通草稿，不带申请人信息，按主动公开流程审查发布",
    )
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.set_defaults(handler="app.cli.request_answers:_publish_proactive")


def _facts(pairs: list[str]) -> dict[str, str]:
    facts = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or name.strip() not in FACT_LABELS:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError", "“{pair}”不是 NAME=VALUE 形式的答复书事实（可用的名称见 --help）。"
                ),
                pair=pair,
            )
        facts[name.strip()] = value.strip()
    return facts


def _answer_input(args: argparse.Namespace) -> Any:
    from app.request_answers import AnswerInput
    from publish.answer_letter import WithheldPart

    withheld = []
    for text in args.withheld:
        part, _, rest = text.partition("|")
        basis, _, reason = rest.partition("|")
        withheld.append(WithheldPart(part.strip(), basis.strip(), reason.strip()))
    return AnswerInput(Outcome(args.outcome), args.on or desk_day.today(), _facts(args.fact), tuple(withheld))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "读取“{name}”失败：{reason}"), name=str(path), reason=str(exc)
        ) from exc


def _draft_answer(args: argparse.Namespace, workspace: Any) -> int:
    from app.request_answers import draft_answer, draft_text

    user_id = _signed_in(args, workspace)
    answer = _answer_input(args)
    if args.print:
        print(draft_text(workspace.db, user_id, args.request, answer, workspace.paths.data_dir), end="")
        return EXIT_OK
    text = _read_text(args.text) if args.text else None
    doc_id = draft_answer(workspace.db, user_id, args.request, answer, workspace.paths.data_dir, text)
    print(f"答复书草稿已保存为文件 #{doc_id}：请运行保密检查并提交审查，批准后用 request package 导出。")
    return EXIT_OK


def _disclose(args: argparse.Namespace, workspace: Any) -> int:
    from app.request_answers import add_disclosure

    user_id = _signed_in(args, workspace)
    doc_id = add_disclosure(
        workspace.db, user_id, args.request, args.file, args.title, os.environ.get(PDF_PASSWORD_ENV)
    )
    print(f"已添加为文件 #{doc_id}（依申请公开，只交付申请人）：请检查、审查，不予公开的部分须写明依据。")
    return EXIT_OK


def _notice(args: argparse.Namespace, workspace: Any) -> int:
    from app.atomic import write_bytes_atomic
    from app.request_answers import make_notice

    user_id = _signed_in(args, workspace)
    name, pdf = make_notice(
        workspace.db,
        user_id,
        args.request,
        LetterKind(args.kind),
        args.on or desk_day.today(),
        workspace.paths.data_dir,
        _facts(args.fact),
        tuple(args.item),
    )
    write_bytes_atomic(args.out, pdf)
    print(f"已生成“{name}”：{args.out}（已存入申请的发出文书）。")
    return EXIT_OK


def _package(args: argparse.Namespace, workspace: Any) -> int:
    from app.request_answers import export_package

    user_id = _signed_in(args, workspace)
    summary = export_package(
        workspace.db,
        user_id,
        args.request,
        args.out,
        lambda: _password("私钥口令：", KEY_PASSPHRASE_ENV),
        workspace.paths.keys_dir,
    )
    print(f"答复材料包已导出：{summary.path}（{len(summary.files)} 个文件，SHA-256 {summary.sha256}）")
    for name in summary.files:
        print(f"  {name}")
    return EXIT_OK


def _publish_proactive(args: argparse.Namespace, workspace: Any) -> int:
    from app.request_answers import publish_proactive

    user_id = _signed_in(args, workspace)
    made = publish_proactive(workspace.db, user_id, args.request)
    numbers = "、".join(f"#{i}" for i in made)
    print(f"已另建主动公开草稿 {numbers}：请按主动公开流程检查、审查、发布（条例第四十四条）。")
    return EXIT_OK
