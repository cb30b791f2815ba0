"""A draft's own commands: `import`, `list`, `edit`, `revise`, `submit`/`return`/`refuse`, and
`links` (the optional online check of the addresses its text gives, app.document_links)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PROBLEM,
    PDF_PASSWORD_ENV,
    _date,
    _error,
    _signed_in,
    _word_list,
)
from app.errors import QT_TRANSLATE_NOOP, TranslatableError, ValidationFailed
from app.vocabulary import Queue
from publish.taxonomy import WITHHOLDING_BASES, DisclosureMode, LegalBasis
from review.formats import SUPPORTED_SUFFIXES
from review.model import Severity

if TYPE_CHECKING:
    from app.workspace import Workspace


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("import", help="导入文件为草稿（需经办人）")
    p.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="支持：" + " ".join(SUPPORTED_SUFFIXES)
    )
    p.add_argument("--title", help="标题（仅导入一个文件时；默认取文件名）")
    p.add_argument("--no-check", action="store_true", help="导入后不立即保密检查")
    p.epilog = "加密的 PDF：在环境变量 DESK_PDF_PASSWORD 中给出打开密码，以解密副本导入（加密原件一并保存）。"
    p.set_defaults(handler="app.cli.documents:_import")

    p = sub.add_parser("list", help="列出文件")
    p.add_argument("--queue", choices=[q.value for q in Queue], default=Queue.ALL.value)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler="app.cli.documents:_list")

    p = sub.add_parser("edit", help="修改草稿的文件信息（需本部门经办人）")
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行")
    p.add_argument("--title", help="标题（信息名称）")
    p.add_argument("--doc-number", help="发文字号，如 示医保〔2026〕7号")
    p.add_argument("--doc-type", help="公文种类")
    p.add_argument("--category", help="主题分类（末级，如 城乡建设、环境保护\\城市管理）")
    p.add_argument("--written-on", type=_date, help="成文日期 YYYY-MM-DD")
    p.add_argument("--publisher", help="发布机构全称（由其他机关发布时填写；空字符串即本部门）")
    p.add_argument("--effective-on", type=_date, metavar="DATE", help="施行日期（规章、规范性文件）")
    p.add_argument("--valid-until", type=_date, metavar="DATE", help="有效期至（规章、规范性文件，可不填）")
    p.add_argument("--disclosure", choices=[m.value for m in DisclosureMode], help="拟公开方式")
    p.add_argument("--normative", action=argparse.BooleanOptionalAction, help="行政规范性文件")
    p.add_argument("--rule", action=argparse.BooleanOptionalAction, help="规章")
    p.add_argument("--needs-interpretation", action=argparse.BooleanOptionalAction, help="需解读（三同步）")
    p.add_argument(
        "--keywords",
        type=_word_list,
        help="主题词，用顿号或逗号分隔（不填则批准时从发布文本中建议）；审查中的文件审查员也可修改",
    )
    p.add_argument("--summary", help="内容概述；审查中的文件审查员也可修改")
    p.set_defaults(handler="app.cli.documents:_edit")

    p = sub.add_parser("revise", help="为草稿上传新版本（需本部门经办人）；原有版本保留，新版本需重新检查")
    p.add_argument("document_id", type=int, metavar="ID")
    body = p.add_mutually_exclusive_group(required=True)
    body.add_argument("file", type=Path, nargs="?", metavar="FILE", help="新版本文件")
    body.add_argument("--html", type=Path, help="政策解读：改写后的正文（HTML）")
    p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行")
    p.add_argument("--no-check", action="store_true", help="上传后不立即保密检查")
    p.epilog = "加密的 PDF：在环境变量 DESK_PDF_PASSWORD 中给出打开密码。"
    p.set_defaults(handler="app.cli.documents:_revise")

    # Action values (app.workflow, which needs the database); _transition turns them back into Actions.
    for action, help_text in (
        ("submit", "提交审查（需经办人）"),
        ("return", "退回修改（需保密审查员，须填理由）"),
        ("refuse", "不予公开（需保密审查员，须选法律依据）"),
    ):
        p = sub.add_parser(action, help=help_text)
        p.add_argument("document_id", type=int, metavar="ID")
        p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行（防止覆盖他人的修改）")
        p.add_argument("--reason", default="", help="理由或审查意见")
        if action == "refuse":
            p.add_argument(
                "--basis", required=True, choices=[b.value for b in WITHHOLDING_BASES], help="法律依据"
            )
        p.set_defaults(handler="app.cli.documents:_transition", action=action)

    p = sub.add_parser(
        "links",
        help="联网检查文件中写明的链接是否失效或跳转（只在联网机上使用；审查流程本身从不联网）",
    )
    p.add_argument("document_id", type=int, metavar="N")
    p.add_argument("--timeout", type=float, default=10.0, help="每个链接的超时（秒）")
    p.add_argument("--allow-private", action="store_true", help="也访问内网地址（默认不访问）")
    p.set_defaults(handler="app.cli.documents:_links")


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import documents

    user_id = _signed_in(args, workspace)
    if args.title and len(args.files) > 1:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "--title 只能用于导入单个文件。"))
    failed = 0
    for path in args.files:
        try:
            doc_id = documents.import_file(
                workspace.db, user_id, path, password=os.environ.get(PDF_PASSWORD_ENV), title=args.title
            )
        except TranslatableError as exc:
            failed += 1
            _error(exc.message)
            continue
        print(f"已导入 #{doc_id}：{path}")
        if not args.title:
            _note_shortened_title(path, doc_id)
        if not args.no_check:
            try:
                _report_check(workspace, user_id, doc_id)
            except TranslatableError as exc:
                # Stored, but not checkable: said, and the files after it are still imported.
                failed += 1
                _error(exc.message)
    return EXIT_ERROR if failed else EXIT_OK


def _note_shortened_title(path: Path, document_id: int) -> None:
    from app import field_limits
    from app.db.models import Document

    if field_limits.too_long(Document.title, path.stem.strip()):
        print(
            f"  标题取自文件名，超过 {field_limits.limit(Document.title)} 个字符，已截短；"
            f"可用 edit {document_id} --title 修改。"
        )


def _report_check(workspace: Workspace, user_id: int, document_id: int) -> None:
    from app.checking import check_document, latest_run

    check_document(workspace.db, user_id, document_id, workspace.paths.cache_dir)
    with workspace.db.read() as session:
        run = latest_run(session, document_id)
        assert run is not None
        counts = {s: sum(1 for f in run.findings if f.severity == s.value) for s in Severity}
    print("  保密检查：" + "，".join(f"{s.label} {n}" for s, n in counts.items()))


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import documents
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        rows = documents.queue_rows(session, session.get_one(User, user_id), documents.Queue(args.queue))
    if args.format == "json":
        data: list[dict[str, Any]] = [
            {
                "id": r.id,
                "title": r.title,
                "doc_number": r.doc_number,
                "status": r.status.value,
                "status_label": r.status.label,
                "department": r.department,
                "created_by": r.created_by,
                "updated_at": r.updated_at.isoformat(),
                "version": r.version,
            }
            for r in rows
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"#{r.id:<5} {r.status.label:<6} 修改序号 {r.version:<3} {r.title}")
        print(f"共 {len(rows)} 件。")
    return EXIT_OK


def _transition(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.db.models import User
    from app.workflow import Action, perform

    user_id = _signed_in(args, workspace)
    action = Action(args.action)
    basis = LegalBasis(args.basis) if getattr(args, "basis", None) else None
    if action is Action.REFUSE and basis is not None:
        from app.reviewing import refuse

        refuse(
            workspace.db, user_id, args.document_id, args.expect_version, basis, args.reason or basis.label
        )
        print(f"#{args.document_id}：不予公开（{basis.label}），保密审查单已生成。")
        return EXIT_OK
    with workspace.db.write() as session:
        document = perform(
            session,
            session.get_one(User, user_id),
            args.document_id,
            action,
            expected_version=args.expect_version,
            reason=args.reason,
            basis=basis,
        )
        print(
            f"#{document.id}“{document.title}”：{action.label}完成，当前状态：{document.status_enum.label}。"
        )
    return EXIT_OK


def _edit(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import documents
    from app.checking import judged_on_another_date
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    changes = {
        key: value for key in documents.EDITABLE_FIELDS if (value := getattr(args, key, None)) is not None
    }
    if not changes:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "没有要修改的内容。"))
    with workspace.db.write() as session:
        document = documents.update_metadata(
            session, session.get_one(User, user_id), args.document_id, args.expect_version, **changes
        )
        print(f"#{document.id} 已修改（版本 {document.version}）。")
        stale = judged_on_another_date(session, args.document_id)
    if stale:
        print("成文日期已改，按新日期重新检查领导人职务和过时表述：")
        _report_check(workspace, user_id, args.document_id)
    return EXIT_OK


def _rich_text(path: Path | None) -> str:
    """An interpretation's text given as an HTML file (--html); empty when none was given."""
    from app import documents

    return documents.read_source(path).decode("utf-8", errors="replace") if path else ""


def _revise(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import documents, interpretations
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    draft = documents.prepare(args.file, os.environ.get(PDF_PASSWORD_ENV)) if args.file else None
    rich_text = _rich_text(args.html)
    with workspace.db.write() as session:
        document = interpretations.revise(
            session,
            session.get_one(User, user_id),
            args.document_id,
            args.expect_version,
            draft=draft,
            rich_text=rich_text,
        )
        revision = document.current_original().revision
    print(f"#{args.document_id} 已上传第 {revision} 版。")
    if not args.no_check:
        _report_check(workspace, user_id, args.document_id)
    return EXIT_OK


def _links(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.document_links import DEAD, MOVED, check_document_links
    from app.sentinel import Options

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
