"""The reviewer's commands: `findings`, `decide`, `declassify`, `approve`, and what a review is
checked and signed against: `lexicon`, `rulepack` (app.rulepacks), `signoff` (app.sign_off)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.atomic import write_bytes_atomic
from app.cli.common import EXIT_OK, _date, _signed_in
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from app.vocabulary import DECISIONS, Conclusion
from publish.taxonomy import LegalBasis

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("findings", help="列出文件最新检查的发现及其处理")
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler="app.cli.review:_findings")

    p = sub.add_parser("decide", help="处理一项发现（需保密审查员）")
    p.add_argument("finding_id", type=int, metavar="FINDING_ID")
    p.add_argument(
        "--decision",
        required=True,
        choices=list(DECISIONS),
        help="remove 删除 / mask 遮盖 / keep 保留 / false_alarm 误报",
    )
    p.add_argument("--basis", choices=[b.value for b in LegalBasis], help="删除或遮盖的法律依据")
    p.add_argument("--reason", default="", help="保留或误报的理由")
    p.add_argument(
        "--allow", action="store_true", help="误报词连同其上下文（如“单位内部资料管理”）加入本部门允许词"
    )
    p.set_defaults(handler="app.cli.review:_decide")

    p = sub.add_parser(
        "declassify",
        help="密级标志的解密/降密记录：审查员录入，另一名审查员或系统管理员确认后，才能将该标志判为保留或误报",
    )
    p.add_argument("finding_id", type=int, metavar="FINDING_ID", help="密级标志发现的编号（见 findings）")
    p.add_argument("--authority", help="定密机关（作出解密/降密决定的机关）")
    p.add_argument("--date", type=_date, help="解密/降密决定的日期 YYYY-MM-DD")
    p.add_argument("--reference", help="解密/降密决定的文号或审批单编号")
    p.add_argument(
        "--confirm", action="store_true", help="确认他人录入的解密记录（需另一名审查员或系统管理员）"
    )
    p.set_defaults(handler="app.cli.review:_declassify")

    p = sub.add_parser(
        "approve", help="审查通过：生成并复核发布版本和保密审查单（需保密审查员，且未经手该文件）"
    )
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument(
        "--conclusion",
        required=True,
        choices=[c.value for c in Conclusion],
        help="disclose 同意公开 / disclose_redacted 删减后公开 / on_request 依申请公开",
    )
    p.add_argument("--opinion", required=True, help="审查意见")
    p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行")
    p.add_argument("--rasterize", action="store_true", help="发布版本逐页转为图像")
    p.add_argument(
        "--no-interpretation-reason",
        default="",
        help="规范性文件或需解读的文件未附政策解读时，写明理由（三同步）",
    )
    p.set_defaults(handler="app.cli.review:_approve")

    lexicon = sub.add_parser("lexicon", help="部门词库").add_subparsers(
        dest="lexicon_command", metavar="ACTION", required=True
    )
    p = lexicon.add_parser("import", help="用文件替换本部门词库（CSV：词条,类别,级别,说明,整词；或每行一词）")
    p.add_argument("file", type=Path)
    p.set_defaults(handler="app.cli.review:_lexicon_import")
    p = lexicon.add_parser("export", help="导出本部门词库")
    p.add_argument("-o", "--output", type=Path, help="输出文件（默认：标准输出）")
    p.add_argument("--format", choices=["csv", "text"], default="csv")
    p.set_defaults(handler="app.cli.review:_lexicon_export")

    rulepack = sub.add_parser("rulepack", help="部门错敏/表述规则包（合并在随附规则包之上）").add_subparsers(
        dest="rulepack_command", metavar="ACTION", required=True
    )
    p = rulepack.add_parser(
        "import",
        help="导入规则包文件（CSV，表头见 docs/rulepacks.md）；同名文件被替换（需保密审查员或系统管理员）",
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.set_defaults(handler="app.cli.review:_rulepack_import")
    p = rulepack.add_parser("list", help="列出本部门的规则包及合并后的版本")
    p.set_defaults(handler="app.cli.review:_rulepack_list")
    p = rulepack.add_parser("export", help="把本部门的规则包导出到文件夹")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler="app.cli.review:_rulepack_export")
    p = rulepack.add_parser("remove", help="删除本部门的一个规则包（需系统管理员）")
    p.add_argument("name", help="规则包文件名")
    p.set_defaults(handler="app.cli.review:_rulepack_remove")

    signoff = sub.add_parser("signoff", help="保密审查单的签批环节（本部门）").add_subparsers(
        dest="signoff_command", metavar="ACTION", required=True
    )
    p = signoff.add_parser("show", help="显示本部门保密审查单的签批环节")
    p.set_defaults(handler="app.cli.review:_signoff_show")
    p = signoff.add_parser(
        "set",
        help="设置本部门的签批环节，按顺序列出（需本部门系统管理员），如：经办人 科室负责人 保密审查员 主要负责人",
    )
    p.add_argument("steps", nargs="+", metavar="环节")
    p.set_defaults(handler="app.cli.review:_signoff_set")


def _findings(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.checking import latest_run, stored_finding
    from app.finding_labels import place, review_order, rule_name
    from app.reviewing import DECISION_LABELS

    _signed_in(args, workspace)
    with workspace.db.read() as session:
        run = latest_run(session, args.document_id)
        if run is None:
            print("该文件的当前版本尚未检查。")
            return EXIT_OK
        rows = [(row, stored_finding(row)) for row in run.findings]
        if args.format == "json":
            print(
                json.dumps(
                    [
                        {
                            "id": row.id,
                            "rule_id": f.rule_id,
                            "severity": f.severity.value,
                            "text": f.text,
                            "place": f.location.describe(),
                            "decision": row.decision.decision if row.decision else None,
                        }
                        for row, f in rows
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return EXIT_OK
        for index in review_order([f for _, f in rows]):
            row, f = rows[index]
            decided = DECISION_LABELS[row.decision.decision] if row.decision else "未处理"
            print(f"#{row.id:<6} [{f.severity.label}] {rule_name(f)}（{decided}）“{f.text[:30]}” {place(f)}")
    return EXIT_OK


def _decide(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.db.models import User
    from app.reviewing import DECISION_LABELS, decide

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        decide(
            session,
            session.get_one(User, user_id),
            args.finding_id,
            args.decision,
            basis=LegalBasis(args.basis) if args.basis else None,
            reason=args.reason,
            add_to_allow_list=args.allow,
        )
    print(f"发现 #{args.finding_id} 已处理：{DECISION_LABELS[args.decision]}。")
    return EXIT_OK


def _declassify(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import declassification
    from app.db.models import User

    missing = [
        option
        for option, value in (
            ("--authority", args.authority),
            ("--date", args.date),
            ("--reference", args.reference),
        )
        if not args.confirm and not value
    ]
    if missing:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "录入解密记录须写明 --authority、--date 和 --reference，缺少：{options}。"
            ),
            options="、".join(missing),
        )
    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        user = session.get_one(User, user_id)
        if args.confirm:
            declassification.confirm(session, user, args.finding_id)
            done = "解密记录已确认"
        else:
            declassification.enter(session, user, args.finding_id, args.authority, args.date, args.reference)
            done = "解密记录已录入"
        status = declassification.status_text(session, args.finding_id)
    print(f"发现 #{args.finding_id}：{done}。{status}。")
    return EXIT_OK


def _approve(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.reviewing import approve
    from review.redact import RedactionOptions

    user_id = _signed_in(args, workspace)
    approval = approve(
        workspace.db,
        user_id,
        args.document_id,
        args.expect_version,
        Conclusion(args.conclusion),
        args.opinion,
        workspace.paths.cache_dir,
        RedactionOptions(rasterize=args.rasterize) if args.rasterize else None,
        no_interpretation_reason=args.no_interpretation_reason,
    )
    print(
        f"#{args.document_id} 已批准（{Conclusion(args.conclusion).label}）。发布版本 SHA-256 {approval.published_sha256[:16]}…，"
        f"保密审查单已生成。"
    )
    return EXIT_OK


def _lexicon_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.checking import save_department_lexicon
    from app.db.models import User
    from review.lexicon import LexiconError

    user_id = _signed_in(args, workspace)
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        raise LexiconError(
            QT_TRANSLATE_NOOP("DeskError", "无法读取词库“{name}”：{reason}"),
            name=args.file.name,
            reason=exc.strerror,
        ) from exc
    with workspace.db.write() as session:
        issues = save_department_lexicon(session, session.get_one(User, user_id), content, args.file.name)
    for issue in issues:
        print(f"第 {issue.line} 行：{issue.message}", file=sys.stderr)
    print(f"部门词库已更新（{len(issues)} 行有问题，已跳过）。")
    return EXIT_OK


def _lexicon_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.checking import department_lexicon_csv
    from app.db.models import User
    from review.lexicon import parse_csv

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        user = session.get_one(User, user_id)
        lexicon = parse_csv(department_lexicon_csv(session, user.department_id) if user.department_id else "")
    text = lexicon.to_csv() if args.format == "csv" else lexicon.to_text()
    if args.output:
        write_bytes_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _rulepack_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import rulepacks
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    contents = []
    for path in args.files:
        try:
            contents.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "无法读取规则包“{name}”：{reason}"),
                name=path.name,
                reason=exc.strerror or str(exc),
            ) from exc
    with workspace.db.write() as session:  # all files or none
        user = session.get_one(User, user_id)
        issues = [i for name, data in contents for i in rulepacks.save_rulepack(session, user, name, data)]
        version = rulepacks.merged_version(session, user.department_id)
    for issue in issues:
        print(f"{issue.file} 第 {issue.line} 行：{issue.message}（已跳过）", file=sys.stderr)
    print(f"已导入 {len(contents)} 个规则包；合并后的规则版本 {version}。")
    return EXIT_OK


def _rulepack_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import rulepacks
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        department_id = session.get_one(User, user_id).department_id
        stored = rulepacks.stored_packs(session, department_id)
        version = rulepacks.merged_version(session, department_id)
    for pack in stored:
        off = f"，停用随附规则 {pack.switched_off} 条" if pack.switched_off else ""
        print(f"{pack.name}\t{pack.rows} 条{off}\t{pack.updated_at}")
    if not stored:
        print("本部门没有自己的规则包，只用随附规则包。")
    print(f"合并后的规则版本：{version}")
    return EXIT_OK


def _rulepack_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import rulepacks
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        sources = rulepacks.department_sources(session, session.get_one(User, user_id).department_id)
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, content in sources:
        write_bytes_atomic(args.folder / name, content)
    print(f"已导出 {len(sources)} 个规则包到 {args.folder}。")
    return EXIT_OK


def _rulepack_remove(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import rulepacks
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        rulepacks.remove_rulepack(session, session.get_one(User, user_id), args.name)
    print(f"规则包“{args.name}”已删除，此后的检查不再使用。")
    return EXIT_OK


def _signoff_show(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import sign_off
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        department_id = session.get_one(User, user_id).department_id
        steps = sign_off.chain(session, department_id)
        default = sign_off.is_default(session, department_id)
    print(" → ".join(steps) + ("（默认）" if default else ""))
    return EXIT_OK


def _signoff_set(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import sign_off
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    steps = [step for text in args.steps for step in sign_off.split_steps(text)]
    with workspace.db.write() as session:
        saved = sign_off.set_chain(session, session.get_one(User, user_id), steps)
    print(f"保密审查单的签批环节已设为：{' → '.join(saved)}。此后生成的审查单按此签批，已生成的不变。")
    return EXIT_OK
