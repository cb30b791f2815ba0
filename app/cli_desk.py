"""Handlers of the desk's commands, which work on the database as a signed-in user.
Looked up by name from `app.cli` (so `--help` and `check` never import this module)."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import audit, documents, faults, pending_work, users
from app.cli import (
    DB_PASSWORD_ENV,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PENDING,
    EXIT_PROBLEM,
    KEY_PASSPHRASE_ENV,
    PDF_PASSWORD_ENV,
    _error,
    _password,
)
from app.db.models import Department, User
from app.demo import DEMO_PASSWORD, create_demo_workspace
from app.errors import (
    QT_TRANSLATE_NOOP,
    DatabaseUnavailable,
    PermissionDenied,
    TranslatableError,
    ValidationFailed,
)
from app.interpretations import MediaState
from app.roles import Role
from app.vocabulary import Conclusion
from app.workflow import Action, get_document, perform
from app.workspace import Workspace
from publish.catalog import Validity
from publish.taxonomy import InterpretationForm, LegalBasis
from review.model import Severity


def _signed_in(args: argparse.Namespace, workspace: Workspace) -> int:
    if not args.user:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该命令需要用 --user 指定执行的用户。"))
    password = _password(f"{args.user} 的密码：")
    with workspace.db.read() as session:
        return users.authenticate(session, args.user, password).id


def _init(args: argparse.Namespace, workspace: Workspace) -> int:
    password = _password("新管理员的密码：")
    with workspace.db.write() as session:
        if users.has_users(session):
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "数据库已经初始化过（已有用户）。"))
        department = users.create_department(session, None, args.department, args.code)
        users.create_user(
            session,
            None,
            login=args.admin,
            display_name=args.admin_name,
            password=password,
            roles=[Role.ADMIN],
            department=department,
        )
    print(f"已创建部门“{args.department}”和系统管理员 {args.admin}。数据目录：{workspace.paths.data_dir}")
    return EXIT_OK


def _demo(args: argparse.Namespace, workspace: Workspace) -> int:
    admin_id = None
    with workspace.db.read() as session:
        if users.has_users(session):
            admin_id = _signed_in(args, workspace)
    accounts = create_demo_workspace(workspace.db, admin_id, workspace.paths.cache_dir)
    print(f"示例工作区已创建。数据目录：{workspace.paths.data_dir}")
    for account in accounts:
        roles = "、".join(r.label for r in account.roles)
        print(f"  {account.login:<12} {account.display_name}（{roles}）  密码：{DEMO_PASSWORD}")
    return EXIT_OK


def _user_add(args: argparse.Namespace, workspace: Workspace) -> int:
    actor_id = _signed_in(args, workspace)
    try:
        roles = [Role(r.strip()) for r in args.role.split(",") if r.strip()]
    except ValueError as exc:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "未知角色：{value}。可用：{roles}"),
            value=args.role,
            roles=",".join(r.value for r in Role),
        ) from exc
    password = _password(f"新用户 {args.login} 的密码：", args.new_password_env)
    with workspace.db.write() as session:
        actor = session.get_one(User, actor_id)
        department = actor.department
        if args.department:
            department = session.query(Department).filter_by(name=args.department).one_or_none()
            if department is None:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("DeskError", "部门“{name}”不存在。"), name=args.department
                )
        users.create_user(
            session,
            actor,
            login=args.login,
            display_name=args.name,
            password=password,
            roles=roles,
            department=department,
        )
    print(f"已添加用户 {args.login}。")
    return EXIT_OK


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
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


def _lexicon_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.checking import save_department_lexicon
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
    from review.lexicon import parse_csv

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        user = session.get_one(User, user_id)
        lexicon = parse_csv(department_lexicon_csv(session, user.department_id) if user.department_id else "")
    text = lexicon.to_csv() if args.format == "csv" else lexicon.to_text()
    if args.output:
        from app.atomic import write_bytes_atomic

        write_bytes_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
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
        if action is Action.SUBMIT:
            from app.submission import missing_for_submission

            missing = missing_for_submission(session, document.id)
            if missing:
                print(f"提示：发布前还须补全文件信息：{''.join(missing)}请用 edit 补全。", file=sys.stderr)
    return EXIT_OK


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


def _edit(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.checking import judged_on_another_date

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
    return documents.read_source(path).decode("utf-8", errors="replace") if path else ""


def _revise(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations

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


def _interpret_add(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations

    user_id = _signed_in(args, workspace)
    draft = documents.prepare(args.file) if args.file else None
    rich_text = _rich_text(args.html)
    media = [interpretations.read_media(path) for path in args.media]
    with workspace.db.write() as session:
        interpretation_id = interpretations.attach(
            session,
            session.get_one(User, user_id),
            args.document_id,
            form=InterpretationForm(args.form),
            title=args.title,
            drafting_department=args.department,
            draft=draft,
            rich_text=rich_text,
            media=media,
        ).id
    print(f"已为 #{args.document_id} 添加政策解读 #{interpretation_id}。")
    if not args.no_check:
        _report_check(workspace, user_id, interpretation_id)
    return EXIT_OK


def _interpret_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations

    _signed_in(args, workspace)
    with workspace.db.read() as session:
        get_document(session, args.document_id)
        rows = interpretations.rows_of(session, args.document_id)
        media = {row.id: interpretations.media_states(session, row.id) for row in rows}
    for row in rows:
        count = f"，音视频 {len(row.media)} 个" if row.media else ""
        print(
            f"#{row.id:<5} [{row.form.label}] {row.status.label}  {row.title}（{row.drafting_department}{count}）"
        )
        for state in media[row.id]:
            print(f"       附件 {state.id}：{state.name}  实际类型：{state.detected}  {_media_review(state)}")
    print(f"共 {len(rows)} 篇政策解读。")
    return EXIT_OK


def _media_review(state: MediaState) -> str:
    if state.readable:
        return "已按实际内容进行保密检查"
    if state.attested_at is not None:
        return f"已人工审查（{state.attested_by}，{state.attested_when}）：{state.note}"
    return "待人工审查"


def _interpret_attest(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        media = interpretations.attest_media(
            session, session.get_one(User, user_id), args.media_id, args.note
        )
        name, interpretation_id = media.original_name, media.interpretation_id
    print(f"已对政策解读 #{interpretation_id} 的附件“{name}”记录人工审查。")
    return EXIT_OK


def _publish(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import interpretations
    from app.catalog import live_entry, publish_to_catalog

    user_id = _signed_in(args, workspace)
    folder = _site_folder(args, workspace) if "static" in args.target else None
    intent = _intend_site(workspace, folder)
    with _committing(intent):
        entry = publish_to_catalog(
            workspace.db,
            user_id,
            args.document_id,
            args.expect_version,
            published_on=args.date,
            summary=args.summary,
            to_portal="portal" in args.target,
            to_package="package" in args.target,
            notice_until=args.notice_until,
        )
    print(f"#{args.document_id} 已编入目录，索引号 {entry.index_no}。")
    faults.point("publish.after_commit")
    try:
        with workspace.db.read() as session:
            for companion in interpretations.interpretations_of(session, args.document_id):
                companion_entry = live_entry(session, companion.document_id)
                if companion_entry is not None and companion_entry.created_at >= entry.created_at:
                    print(
                        f"  政策解读 #{companion.document_id} 一并发布，索引号 {companion_entry.index_no}。"
                    )
    except TranslatableError as exc:  # only the listing failed: the entries are published
        _error(exc.message)
    return _send_on(args, workspace, folder, intent)


def _backup(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.backup import backup

    info = backup(workspace.db, _signed_in(args, workspace), args.file)
    print(f"数据库已备份到 {info.path}（{info.size} 字节，SHA-256 {info.sha256}）。")
    return EXIT_OK


def _restore(args: argparse.Namespace, _workspace: None) -> int:
    from sqlalchemy.engine import make_url

    from app.backup import restore
    from app.paths import Paths

    if args.db and not args.db.startswith("sqlite"):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "共享数据库（PostgreSQL）请用数据库服务器的工具（如 pg_restore）恢复。"
            )
        )
    paths = Paths.resolve(args.data_dir)
    paths.ensure()
    database = Path(make_url(args.db).database or "") if args.db else paths.database
    if not args.user:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该命令需要用 --user 指定执行的用户。"))
    password = _password(f"{args.user} 的密码：")
    kept = restore(args.file, database, paths.backups_dir, args.user, password, force=args.force)
    print(f"已从 {args.file} 恢复数据库到 {database}。" + (f"原数据库另存为 {kept}。" if kept else ""))
    return EXIT_OK


def _report(args: argparse.Namespace, workspace: Workspace) -> int:
    from dataclasses import replace

    from app.atomic import write_bytes_atomic
    from app.statistics import figures
    from publish.report import LEGAL_KINDS, table2_pdf, to_csv, to_xlsx

    _signed_in(args, workspace)
    year = args.year or dt.date.today().year
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


def _db_migrate_to(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.db.database import Database
    from app.db.move import move

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        if not session.get_one(User, user_id).has_role(Role.ADMIN):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以迁移数据库。"))
    target = Database(
        args.url, ask_password=lambda name: _password(f"数据库 {name} 的密码：", DB_PASSWORD_ENV)
    )
    try:
        report = move(workspace.db, target, progress=lambda table, rows: print(f"  {table}: {rows} 行"))
    finally:
        target.dispose()
    print(
        f"已迁移到 {target.display_name}：{sum(report.counts.values())} 行，"
        f"各表行数一致，审计链 {report.audit_events} 条校验通过。"
    )
    print("之后请用 --db（或在设置中）指向新的数据库。")
    return EXIT_OK


def _key_generate(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys

    user_id = _signed_in(args, workspace)
    passphrase = _new_passphrase()
    with workspace.db.write() as session:
        row = signing_keys.generate(
            session, session.get_one(User, user_id), passphrase, workspace.paths.keys_dir
        )
        where = "系统密钥环" if row.storage == "keyring" else f"{workspace.paths.keys_dir}（口令加密）"
        print(f"已生成签名密钥 {row.key_id}，私钥保存在{where}。")
    return EXIT_OK


def _new_passphrase() -> str:
    passphrase = _password("私钥口令：", KEY_PASSPHRASE_ENV)
    if KEY_PASSPHRASE_ENV not in os.environ and getpass.getpass("再次输入私钥口令：") != passphrase:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "两次输入的口令不一致。"))
    return passphrase


def _key_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys
    from app.atomic import write_bytes_atomic

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        key_file = signing_keys.public_key_file(session, session.get_one(User, user_id))
    write_bytes_atomic(args.file, key_file.to_json().encode("utf-8"))
    print(f"公钥 {key_file.key_id}（{key_file.department_name}）已导出到 {args.file}")
    return EXIT_OK


def _key_register(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys
    from publish.transfer import PublicKeyFile

    user_id = _signed_in(args, workspace)
    key_file = PublicKeyFile.from_json(documents.read_source(args.file).decode("utf-8", errors="replace"))
    with workspace.db.write() as session:
        row = signing_keys.register(session, session.get_one(User, user_id), key_file)
        print(f"已登记 {row.department_name}（{row.department_code}）的公钥 {row.key_id}。")
    return EXIT_OK


def _key_revoke(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import signing_keys

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        signing_keys.revoke(session, session.get_one(User, user_id), args.key_id, args.reason)
    print(f"密钥 {args.key_id} 已吊销。")
    return EXIT_OK


def _key_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.db.models import SigningKey, TrustedKey

    _signed_in(args, workspace)
    with workspace.db.read() as session:
        for own in session.scalars(select(SigningKey).order_by(SigningKey.created_at)):
            state = "停用" if own.retired_at else "使用中"
            print(f"本机签名密钥 {own.key_id}  {state}  {own.storage}")
        for trusted in session.scalars(select(TrustedKey).order_by(TrustedKey.registered_at)):
            state = f"已吊销（{trusted.revoked_reason}）" if trusted.revoked_at else "有效"
            print(
                f"登记的公钥   {trusted.key_id}  {state}  {trusted.department_name}（{trusted.department_code}）"
            )
    return EXIT_OK


def _package_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.transfer import ExportPending, export_package

    user_id = _signed_in(args, workspace)
    passphrase = _password("私钥口令：", KEY_PASSPHRASE_ENV)
    try:
        result = export_package(
            workspace.db,
            user_id,
            passphrase,
            args.file,
            workspace.paths.keys_dir,
            data_dir=workspace.paths.data_dir,
        )
    except ExportPending as exc:
        _error(exc.message)
        return EXIT_PENDING
    print(
        f"传输包 {result.package_id}（序号 {result.sequence}，{result.items} 项）已写入 {args.file}\n"
        f"SHA-256 {result.sha256}"
    )
    return EXIT_OK


def _package_import(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.transfer import import_package, verify_package

    user_id = _signed_in(args, workspace)
    _package, summary = verify_package(workspace.db, args.file)
    print(
        f"传输包 {summary.package_id}：{summary.department}，序号 {summary.sequence}，"
        f"密钥 {summary.key_id[:16]}，签名和 {len(summary.items)} 项内容均已验证。"
    )
    labels = {"upsert": "发布", "withdraw": "撤回", "validity": "有效性"}
    for action, index_no, title in summary.items:
        print(f"  {labels.get(action, action)}  {index_no}  {title}")
    for clash in summary.clashes:
        print(f"  重号  {clash.index_no}  本机已用于“{clash.here}”")
    if args.dry_run:
        return EXIT_PROBLEM if summary.clashes else EXIT_OK
    folder = _site_folder(args, workspace) if "static" in args.target else None
    intent = _intend_site(workspace, folder)
    with _committing(intent):
        result = import_package(
            workspace.db,
            user_id,
            args.file,
            to_portal="portal" in args.target,
            set_aside_clashes=args.skip_clashes,
        )
    print(f"已导入：发布 {result.published}，撤回 {result.withdrawn}，有效性变更 {result.changed}。")
    if result.set_aside:
        print(f"未导入（本机已使用这些索引号）：{'、'.join(result.set_aside)}")
    faults.point("import.after_commit")
    return _send_on(args, workspace, folder, intent)


def _send_on(
    args: argparse.Namespace, workspace: Workspace, folder: Path | None, intent: pending_work.Intent | None
) -> int:
    """After a committed catalog change: the static site rebuilt, the portal queue pushed, as
    --target asks. A target that could not be reached makes the exit code 3, not 2: the change
    itself is saved."""
    behind, code = [], EXIT_OK
    if folder is not None and not _update_site(workspace, folder, intent):
        behind.append(_SITE_BEHIND.format(folder=folder))
    if "portal" in args.target:
        try:
            outcome = _push(args, workspace)
        except TranslatableError as exc:
            _error(exc.message)
            behind.append(_PORTAL_BEHIND)
        else:
            if outcome.waiting:
                behind.append(_PORTAL_BEHIND)
            elif outcome.refused:
                code = EXIT_PROBLEM
    return _behind(behind) if behind else code


_SITE_BEHIND = "静态目录网站（运行 main.py site rebuild --site {folder}；下次启动审发台时也会自动补做）"
_PORTAL_BEHIND = "门户（变更已在发布队列中，运行 main.py portal push 推送）"


def _behind(targets: list[str]) -> int:
    print("注意：变更已保存，但以下目标尚未更新：" + "；".join(targets) + "。", file=sys.stderr)
    return EXIT_PENDING


def _site_folder(args: argparse.Namespace, workspace: Workspace) -> Path:
    return Path(args.site) if args.site else workspace.paths.data_dir / "site"


def _intend_site(workspace: Workspace, folder: Path | None) -> pending_work.Intent | None:
    """Before a catalog change commits: the site update it will owe, recorded so that a run killed
    between the commit and the update is repaired at the next start."""
    if folder is None:
        return None
    from app.catalog import site_key

    return pending_work.begin(workspace.paths.data_dir, pending_work.SITE, folder=site_key(folder))


@contextlib.contextmanager
def _committing(intent: pending_work.Intent | None) -> Iterator[None]:
    """Around the catalog change: a refused change drops the site intent (nothing was committed);
    a change whose commit is in doubt keeps it, and the next start rebuilds the site."""
    try:
        yield
    except TranslatableError as exc:
        if intent is not None:
            if isinstance(exc, DatabaseUnavailable):
                intent.release()
            else:
                intent.done()
        raise
    except BaseException:
        if intent is not None:
            intent.release()
        raise


def _update_site(workspace: Workspace, folder: Path, intent: pending_work.Intent | None) -> bool:
    """Rebuilds the site after a committed change; on failure the intent stays for later."""
    from app.catalog import rebuild_site

    try:
        changed = rebuild_site(workspace.db, workspace.paths.data_dir, folder)
    except (TranslatableError, OSError) as exc:
        if intent is not None:
            intent.release()
        reason = exc.message if isinstance(exc, TranslatableError) else exc.strerror or str(exc)
        _error(f"静态目录网站“{folder}”未能更新：{reason}")
        return False
    if intent is not None:
        intent.done()
    print(f"静态目录网站已更新：{folder}（{changed} 个文件变更）")
    return True


def _site_rebuild(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.catalog import rebuild_site

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        user = session.get_one(User, user_id)
        if not (user.has_role(Role.PUBLISHER) or user.has_role(Role.ADMIN)):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "只有发布管理员或系统管理员可以重建静态目录网站。")
            )
    folder = _site_folder(args, workspace)
    try:
        changed = rebuild_site(workspace.db, workspace.paths.data_dir, folder)
    except OSError as exc:
        _error(f"静态目录网站“{folder}”未能重建：{exc.strerror or exc}")
        return EXIT_ERROR
    print(f"静态目录网站已按数据库重建：{folder}（{changed} 个文件变更）。")
    return EXIT_OK


def resume_pending(_args: argparse.Namespace, workspace: Workspace) -> int:
    """At start: what a killed or failed run left unfinished is finished (app.publishing.resume)."""
    from app.publishing import resume, resumed_notice

    for r in resume(workspace.db, workspace.paths.data_dir):
        notice = resumed_notice(r)
        if notice is not None:
            template, values = notice
            print(f"注意：{template.format(**values)}", file=sys.stderr)
    return EXIT_OK


def _portal_client(args: argparse.Namespace, workspace: Workspace) -> Any:
    from app.secrets import SecretUnavailable, get_secret, portal_token_name
    from publish.portal import PortalClient

    url = getattr(args, "portal_url", None) or workspace.settings.portal_url
    if not url:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "没有门户地址：请用 --portal-url 指定，或在设置中填写。")
        )
    try:
        token = get_secret(portal_token_name(url))
    except SecretUnavailable:
        token = _password(f"{url} 的访问令牌：", "DESK_PORTAL_TOKEN")
    return PortalClient(url, token)


def _push(args: argparse.Namespace, workspace: Workspace) -> Any:
    from app.publishing import run_queue

    outcome = run_queue(workspace.db, _portal_client(args, workspace))
    print(f"门户推送：成功 {outcome.done}，待重试 {outcome.waiting}，被拒绝 {outcome.refused}。")
    return outcome


def _portal_push(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        if not session.get_one(User, user_id).has_role(Role.PUBLISHER):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有发布管理员可以推送发布队列。"))
    outcome = _push(args, workspace)
    if outcome.waiting:
        print("注意：仍有变更留在发布队列中，稍后再运行 main.py portal push。", file=sys.stderr)
        return EXIT_PENDING
    return EXIT_PROBLEM if outcome.refused else EXIT_OK


def _portal_token(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.secrets import portal_token_name, set_secret

    set_secret(portal_token_name(args.url), _password(f"{args.url} 的访问令牌：", "DESK_PORTAL_TOKEN"))
    print("门户访问令牌已存入系统密钥环。")
    return EXIT_OK


def _category_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.categories import paths

    with workspace.db.read() as session:
        for path, leaf in paths(session).items():
            print(("* " if leaf else "  ") + path)
    return EXIT_OK


def _category_add(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.categories import add

    user_id = _signed_in(args, workspace)
    with workspace.db.write() as session:
        path = add(session, session.get_one(User, user_id), args.parent, args.name, args.code)
    print(f"已添加主题分类“{path}”。")
    return EXIT_OK


def _site_to_refresh(args: argparse.Namespace, workspace: Workspace) -> Path | None:
    """After a withdrawal or validity change: the static site named, or the default one if it exists."""
    folder = _site_folder(args, workspace)
    return folder if args.site or folder.exists() else None


def _refreshed(workspace: Workspace, folder: Path | None, intent: pending_work.Intent | None) -> int:
    if folder is None or _update_site(workspace, folder, intent):
        return EXIT_OK
    return _behind([_SITE_BEHIND.format(folder=folder)])


def _validity(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.catalog import change_validity

    user_id = _signed_in(args, workspace)
    folder = _site_to_refresh(args, workspace)
    intent = _intend_site(workspace, folder)
    with _committing(intent):
        entry = change_validity(workspace.db, user_id, args.index_no, Validity(args.validity), args.reason)
    print(f"索引号 {entry.index_no} 的有效性已改为“{Validity(args.validity).label}”。")
    faults.point("validity.after_commit")
    return _refreshed(workspace, folder, intent)


def _withdraw(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.catalog import withdraw

    user_id = _signed_in(args, workspace)
    folder = _site_to_refresh(args, workspace)
    intent = _intend_site(workspace, folder)
    with _committing(intent):
        entry = withdraw(workspace.db, user_id, args.index_no, args.reason)
    print(f"索引号 {entry.index_no} 已撤回。")
    faults.point("withdraw.after_commit")
    return _refreshed(workspace, folder, intent)


def _audit_verify(args: argparse.Namespace, workspace: Workspace) -> int:
    with workspace.db.read() as session:
        report = audit.verify_report(session)
    for problem in report.problems:
        print(problem.describe())
    for by, problem in report.accepted:
        print(f"（系统管理员已在审计事件 #{by} 确认）{problem.describe()}")
    for key_id, count in sorted(report.foreign.items()):
        print(
            f"{count} 条审计事件由其他计算机写入（密钥 {key_id}），本机无法核验其封签，请在该计算机上核查。"
        )
    if report.unsealed_before:
        print(f"{report.unsealed_before} 条审计事件写于启用封签之前。")
    if report.uncovered:
        print(f"{report.uncovered} 份文件或目录条目的状态尚未记入审计记录（升级前的记录）。")
    if report.checkpoint is None and not any(p.problem.startswith("checkpoint") for p in report.problems):
        print("本机没有该数据库的检查点（本机从未写入该数据库，或检查点连同其密钥被删除）。")
    if report.key_id:
        print(f"本机审计密钥标识：{report.key_id}")
    if report.problems:
        print(f"审计链校验失败：{len(report.problems)} 处问题（共读取 {report.count} 条事件）。")
        return EXIT_PROBLEM
    print(f"审计链完整：{report.count} 条事件。")
    return EXIT_OK


def _audit_accept(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    accepted = audit.accept(workspace.db, user_id, args.reason)
    for problem in accepted:
        print(problem.describe())
    print(f"已确认数据库的现状：{len(accepted)} 处问题记入审计记录，链头、本机检查点和各文件的状态已更新。")
    return EXIT_OK


def _audit_published(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.published_audit import audit_published

    if args.site is None and not args.portal_url:
        _error("请用 --site 指定网站文件夹，或用 --portal 指定门户地址。")
        return EXIT_ERROR
    client = _portal_client(args, workspace) if args.portal_url else None
    problems = audit_published(workspace.db, workspace.paths.cache_dir, site=args.site, portal=client)
    for problem in problems:
        print(problem.describe())
    if problems:
        print(f"线上内容与数据库不一致：{len(problems)} 处问题。")
        return EXIT_PROBLEM
    print("线上内容与数据库一致。")
    return EXIT_OK
