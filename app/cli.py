"""The headless desk: every job of the GUI as a sub-command, done as a named user, with exit codes.

Exit codes: 0 done; 1 done, but a problem was found (a finding at or above --fail-on, a broken audit
chain); 2 error (nothing changed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import audit, documents, users
from app.db.models import Department, User
from app.demo import DEMO_PASSWORD, create_demo_workspace
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, TranslatableError, ValidationFailed
from app.interpretations import MediaState
from app.redaction import DECISIONS
from app.reviewing import Conclusion
from app.roles import Role
from app.workflow import Action, get_document, perform
from app.workspace import Workspace
from publish.catalog import Validity
from publish.taxonomy import WITHHOLDING_BASES, DisclosureMode, InterpretationForm, LegalBasis
from review.engine import CheckOptions
from review.formats import SUPPORTED_SUFFIXES
from review.model import Severity

PASSWORD_ENV = "DESK_PASSWORD"
KEY_PASSPHRASE_ENV = "DESK_KEY_PASSPHRASE"
DB_PASSWORD_ENV = "DESK_DB_PASSWORD"
PDF_PASSWORD_ENV = "DESK_PDF_PASSWORD"  # the open password of encrypted PDFs being imported
EXIT_OK, EXIT_PROBLEM, EXIT_ERROR = 0, 1, 2

Handler = Callable[[argparse.Namespace, Workspace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="政务公开审发台 Disclosure Desk。不带子命令时启动图形界面。",
    )
    parser.add_argument("--data-dir", help="数据目录（默认：用户数据目录；环境变量 DESK_DATA_DIR）")
    parser.add_argument(
        "--db", metavar="URL", help="数据库 URL（任意 SQLAlchemy URL；默认：数据目录中的 SQLite）"
    )
    parser.add_argument(
        "--user", metavar="LOGIN", help=f"以该用户身份执行（密码取自环境变量 {PASSWORD_ENV} 或提示输入）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="创建第一个部门和系统管理员")
    p.add_argument("--department", required=True, help="部门全称")
    p.add_argument("--code", required=True, help="机构代码（用于索引号）")
    p.add_argument("--admin", required=True, metavar="LOGIN", help="管理员登录名")
    p.add_argument("--admin-name", default="系统管理员", help="管理员姓名")
    p.set_defaults(handler=_init)

    p = sub.add_parser("demo", help="创建示例工作区（部门、经办人、审查员和示例文件）")
    p.set_defaults(handler=_demo)

    user = sub.add_parser("user", help="用户管理").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="添加用户（需系统管理员）")
    p.add_argument("login")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--role", required=True, help="角色，逗号分隔：" + ",".join(r.value for r in Role))
    p.add_argument("--department", help="部门全称（默认：执行者所在部门）")
    p.add_argument("--new-password-env", default="DESK_NEW_PASSWORD", help="新用户密码所在的环境变量")
    p.set_defaults(handler=_user_add)

    p = sub.add_parser("import", help="导入文件为草稿（需经办人）")
    p.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="支持：" + " ".join(SUPPORTED_SUFFIXES)
    )
    p.add_argument("--title", help="标题（仅导入一个文件时；默认取文件名）")
    p.add_argument("--no-check", action="store_true", help="导入后不立即保密检查")
    p.epilog = "加密的 PDF：在环境变量 DESK_PDF_PASSWORD 中给出打开密码，以解密副本导入（加密原件一并保存）。"
    p.set_defaults(handler=_import)

    lexicon = sub.add_parser("lexicon", help="部门词库").add_subparsers(
        dest="lexicon_command", metavar="ACTION", required=True
    )
    p = lexicon.add_parser("import", help="用文件替换本部门词库（CSV：词条,类别,级别,说明,整词；或每行一词）")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_lexicon_import)
    p = lexicon.add_parser("export", help="导出本部门词库")
    p.add_argument("-o", "--output", type=Path, help="输出文件（默认：标准输出）")
    p.add_argument("--format", choices=["csv", "text"], default="csv")
    p.set_defaults(handler=_lexicon_export)

    p = sub.add_parser("list", help="列出文件")
    p.add_argument("--queue", choices=[q.value for q in documents.Queue], default=documents.Queue.ALL.value)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=_list)

    p = sub.add_parser("findings", help="列出文件最新检查的发现及其处理")
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=_findings)

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
    p.set_defaults(handler=_decide)

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
    p.set_defaults(handler=_declassify)

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
    p.set_defaults(handler=_approve)

    p = sub.add_parser("edit", help="修改草稿的文件信息（需本部门经办人）")
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行")
    p.add_argument("--title", help="标题（信息名称）")
    p.add_argument("--doc-number", help="发文字号，如 示医保〔2026〕7号")
    p.add_argument("--doc-type", help="公文种类")
    p.add_argument("--category", help="主题分类（末级，如 城乡建设、环境保护\\城市管理）")
    p.add_argument("--written-on", type=_date, help="成文日期 YYYY-MM-DD")
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
    p.set_defaults(handler=_edit)

    p = sub.add_parser("revise", help="为草稿上传新版本（需本部门经办人）；原有版本保留，新版本需重新检查")
    p.add_argument("document_id", type=int, metavar="ID")
    body = p.add_mutually_exclusive_group(required=True)
    body.add_argument("file", type=Path, nargs="?", metavar="FILE", help="新版本文件")
    body.add_argument("--html", type=Path, help="政策解读：改写后的正文（HTML）")
    p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行")
    p.add_argument("--no-check", action="store_true", help="上传后不立即保密检查")
    p.epilog = "加密的 PDF：在环境变量 DESK_PDF_PASSWORD 中给出打开密码。"
    p.set_defaults(handler=_revise)

    interpret = sub.add_parser("interpret", help="政策解读").add_subparsers(
        dest="interpret_command", required=True, metavar="COMMAND"
    )
    p = interpret.add_parser("add", help="为文件添加政策解读（需本部门经办人）；解读随文件提交、审查和发布")
    p.add_argument("document_id", type=int, metavar="ID", help="所解读的文件")
    p.add_argument("--form", required=True, choices=[f.value for f in InterpretationForm], help="解读形式")
    p.add_argument("--title", required=True, help="解读标题")
    p.add_argument("--department", required=True, help="起草部门（谁起草、谁解读）")
    body = p.add_mutually_exclusive_group()
    body.add_argument("--file", type=Path, help="解读文件（PDF、DOCX、OFD、图片或文本）")
    body.add_argument("--html", type=Path, help="解读正文（HTML：标题、段落、列表、表格）")
    p.add_argument("--media", type=Path, nargs="*", default=[], help="音视频文件")
    p.add_argument("--no-check", action="store_true", help="添加后不立即保密检查")
    p.set_defaults(handler=_interpret_add)
    p = interpret.add_parser("list", help="列出文件的政策解读，及每个音视频附件的实际类型和人工审查情况")
    p.add_argument("document_id", type=int, metavar="ID")
    p.set_defaults(handler=_interpret_list)
    p = interpret.add_parser(
        "attest",
        help="审查员对检查引擎无法读取的音视频附件进行人工审查确认（需审查员，解读须在待审查状态）",
    )
    p.add_argument("media_id", type=int, metavar="MEDIA_ID", help="音视频附件编号（见 interpret list）")
    p.add_argument("--note", required=True, help="人工审查说明：试听或观看了哪些内容、有无敏感信息")
    p.set_defaults(handler=_interpret_attest)

    p = sub.add_parser("publish", help="将已批准的文件编入政府信息公开目录，分配索引号（需发布管理员）")
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument("--summary", help="内容概述")
    p.add_argument("--date", type=_date, help="发布日期 YYYY-MM-DD：只能是发布当天（默认今天），不能倒签")
    p.add_argument("--expect-version", type=int)
    p.add_argument(
        "--target",
        choices=["static", "portal", "package"],
        action="append",
        default=[],
        help="同时发布到：static 静态目录网站（默认位置：数据目录下的 site/）；portal 门户（立即推送）；"
        "package 下一个传输包（涉密机用 package export 导出）",
    )
    p.add_argument("--site", type=Path, help="静态目录网站的文件夹")
    p.add_argument("--portal-url", help="门户地址（默认取设置中的地址）")
    p.set_defaults(handler=_publish)

    p = sub.add_parser("backup", help="备份数据库（含全部文件内容），审发台使用中也可进行（需系统管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=_backup)
    p = sub.add_parser(
        "restore",
        help="从备份恢复数据库（需系统管理员以 --user 登录；须先关闭审发台；已有数据库须加 --force，并会先另存）",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="替换数据目录中已有的数据库")
    p.set_defaults(handler=_restore, needs_workspace=False)

    p = sub.add_parser("report", help="统计与年度报告（政府信息公开工作年度报告表二及审发台统计）")
    p.add_argument("--year", type=int, help="统计年度（默认今年）")
    p.add_argument("--from", dest="start", type=_date, help="起始日期 YYYY-MM-DD（代替 --year）")
    p.add_argument("--to", dest="end", type=_date, help="截止日期 YYYY-MM-DD（含）")
    p.add_argument("--department", help="部门名称或机构代码（默认全部部门）")
    p.add_argument("--format", choices=["pdf", "csv", "xlsx"], default="pdf")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler=_report)

    db_cmd = sub.add_parser("db", help="数据库").add_subparsers(
        dest="db_command", required=True, metavar="COMMAND"
    )
    p = db_cmd.add_parser(
        "migrate-to",
        help="把本机数据库（含全部文件内容和审计链）复制到一个空的共享数据库并校验（需系统管理员）",
    )
    p.add_argument("url", metavar="URL", help="目标数据库，如 postgresql+psycopg://desk@db.example/desk")
    p.set_defaults(handler=_db_migrate_to)

    key = sub.add_parser("key", help="传输包签名密钥（需系统管理员）").add_subparsers(
        dest="key_command", required=True, metavar="COMMAND"
    )
    p = key.add_parser("generate", help="生成本部门的签名密钥（口令取自 DESK_KEY_PASSPHRASE 或提示输入）")
    p.set_defaults(handler=_key_generate)
    p = key.add_parser("rotate", help="更换签名密钥：生成新密钥，旧密钥停用（已导出的包仍可验证）")
    p.set_defaults(handler=_key_generate)
    p = key.add_parser("export", help="导出本部门的公钥文件，交给联网机登记")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=_key_export)
    p = key.add_parser("register", help="登记一个部门的公钥文件：其签名的传输包可以导入本机")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=_key_register)
    p = key.add_parser("revoke", help="吊销密钥：此后其签名的传输包一律拒绝")
    p.add_argument("key_id", metavar="KEY_ID")
    p.add_argument("--reason", required=True, help="吊销理由")
    p.set_defaults(handler=_key_revoke)
    p = key.add_parser("list", help="列出本机的签名密钥和已登记的公钥")
    p.set_defaults(handler=_key_list)

    package = sub.add_parser("package", help="签名传输包（涉密机 → 联网机）").add_subparsers(
        dest="package_command", required=True, metavar="COMMAND"
    )
    p = package.add_parser("export", help="把待导出的目录变更写成一个签名传输包（需发布管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=_package_export)
    p = package.add_parser("import", help="验证并导入传输包，再发布到各目标（需发布管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只验证并列出内容，不导入")
    p.add_argument(
        "--target", choices=["static", "portal"], action="append", default=[], help="导入后发布到的目标"
    )
    p.add_argument("--site", type=Path, help="静态目录网站的文件夹")
    p.add_argument("--portal-url", help="门户地址（默认取设置中的地址）")
    p.set_defaults(handler=_package_import)

    portal = sub.add_parser("portal", help="门户发布").add_subparsers(
        dest="portal_command", metavar="ACTION", required=True
    )
    p = portal.add_parser(
        "token", help="把门户访问令牌存入系统密钥环（令牌取自 DESK_PORTAL_TOKEN 或提示输入）"
    )
    p.add_argument("url")
    p.set_defaults(handler=_portal_token)
    p = portal.add_parser("push", help="把发布队列中的条目推送到门户，失败的留在队列中")
    p.add_argument("--portal-url")
    p.set_defaults(handler=_portal_push)

    category = sub.add_parser("category", help="主题分类").add_subparsers(
        dest="category_command", metavar="ACTION", required=True
    )
    p = category.add_parser("list", help="列出主题分类（* 为可用的末级分类）")
    p.set_defaults(handler=_category_list)
    p = category.add_parser("add", help="添加子分类（需系统管理员）")
    p.add_argument("parent", help="上级分类路径，如“城乡建设、环境保护”；空字符串为顶级")
    p.add_argument("name")
    p.add_argument("--code", default="", help="索引号中使用的分类代码")
    p.set_defaults(handler=_category_add)

    p = sub.add_parser("deadlines", help="主动公开期限：成文后 20 个工作日内发布（条例第二十六条）")
    p.add_argument(
        "--within", type=int, default=5, metavar="N", help="列出 N 个工作日内到期和已逾期的（默认 5）"
    )
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    p.set_defaults(handler=_deadlines)

    p = sub.add_parser("validity", help="修改目录条目的有效性（需发布管理员）")
    p.add_argument("index_no", metavar="INDEX_NO")
    p.add_argument(
        "--set",
        required=True,
        choices=[v.value for v in Validity],
        dest="validity",
        help="valid 有效 / expired 失效 / repealed 废止 / amended 已修改",
    )
    p.add_argument("--reason", default="")
    p.add_argument("--site", type=Path, help="同时更新该静态目录网站（默认：数据目录下的 site/，若已存在）")
    p.set_defaults(handler=_validity)

    p = sub.add_parser("withdraw", help="撤回已发布的目录条目（需发布管理员）")
    p.add_argument("index_no", metavar="INDEX_NO")
    p.add_argument("--reason", required=True)
    p.add_argument("--site", type=Path, help="同时更新该静态目录网站（默认：数据目录下的 site/，若已存在）")
    p.set_defaults(handler=_withdraw)

    for action, help_text in (
        (Action.SUBMIT, "提交审查（需经办人）"),
        (Action.RETURN, "退回修改（需保密审查员，须填理由）"),
        (Action.REFUSE, "不予公开（需保密审查员，须选法律依据）"),
    ):
        p = sub.add_parser(action.value, help=help_text)
        p.add_argument("document_id", type=int, metavar="ID")
        p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行（防止覆盖他人的修改）")
        p.add_argument("--reason", default="", help="理由或审查意见")
        if action is Action.REFUSE:
            p.add_argument(
                "--basis", required=True, choices=[b.value for b in WITHHOLDING_BASES], help="法律依据"
            )
        p.set_defaults(handler=_transition, action=action)

    p = sub.add_parser("check", help="保密检查文件或文件夹（不需要登录，不写数据库）")
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    p.add_argument(
        "--lexicon",
        action="append",
        type=Path,
        default=[],
        metavar="F",
        help="追加的部门词库（CSV 或每行一词的文本），可重复",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=Severity.BLOCKING.value,
        help="有该级别或更高级别的发现时退出码为 1（默认 blocking 即阻断）",
    )
    p.add_argument(
        "--disclosure",
        choices=[d.value for d in DisclosureMode],
        default=DisclosureMode.PROACTIVE.value,
        help="拟公开方式，用于判断附注是否矛盾",
    )
    p.add_argument("--password", help="加密 PDF 的打开密码")
    p.add_argument("--jobs", type=int, help="并行进程数（默认：CPU 核数）")
    p.add_argument("--keywords", action="store_true", help="同时给出建议主题词")
    p.set_defaults(handler=_check, needs_workspace=False)

    p = sub.add_parser("redact", help="删减并净化文件，生成可发布的 PDF，并复核（不需要登录）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--decisions",
        type=Path,
        metavar="FILE.json",
        help="check --format json 的结果，发现项可带 decision：remove/mask/keep/false_alarm",
    )
    how.add_argument("--all-blocking", action="store_true", help="删除所有阻断级发现")
    p.add_argument("--lexicon", action="append", type=Path, default=[], metavar="F")
    p.add_argument("--mark", choices=["box", "label"], default="box", help="删除处显示黑框或“[已删除]”")
    p.add_argument("--rasterize", action="store_true", help="输出为逐页图像（去除一切隐藏通道）")
    p.set_defaults(handler=_redact, needs_workspace=False)

    p = sub.add_parser("verify", help="复核已发布的 PDF：已删除的内容不得残留（不需要登录）")
    p.add_argument("published", type=Path, metavar="PUBLISHED")
    p.add_argument("--against", type=Path, required=True, metavar="FINDINGS.json")
    p.add_argument("--lexicon", action="append", type=Path, default=[], metavar="F")
    p.set_defaults(handler=_verify, needs_workspace=False)

    audit_cmd = sub.add_parser("audit", help="审计记录").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit_cmd.add_parser("verify", help="校验审计哈希链，指出被修改、插入或删除的记录")
    p.set_defaults(handler=_audit_verify)
    p = audit_cmd.add_parser(
        "published",
        help="核对线上实际发布的内容：文件须为现行条目冻结发布内容中的文件，已撤回的内容不得仍在提供，"
        "页面字段须与发布内容一致且不含审查时删除的内容",
    )
    p.add_argument(
        "--site", type=Path, metavar="DIR", help="静态目录网站的文件夹（网站服务器上提供的那一份）"
    )
    p.add_argument(
        "--portal",
        dest="portal_url",
        metavar="URL",
        help="同时核对该门户（通过门户接口读取；令牌取自系统密钥环或 DESK_PORTAL_TOKEN）",
    )
    p.set_defaults(handler=_audit_published)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from exc


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "needs_workspace", True):
        try:
            return int(args.handler(args, None))
        except TranslatableError as exc:
            _error(exc.message)
            return EXIT_ERROR
    try:
        workspace = Workspace.open(
            args.data_dir,
            args.db,
            ask_password=lambda name: _password(f"数据库 {name} 的密码：", DB_PASSWORD_ENV),
        )
    except TranslatableError as exc:
        _error(exc.message)
        return EXIT_ERROR
    try:
        handler: Handler = args.handler
        return handler(args, workspace)
    except TranslatableError as exc:
        _error(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("已取消。")
        return EXIT_ERROR
    finally:
        workspace.close()


def _error(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)


def _password(prompt: str, env: str = PASSWORD_ENV) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "需要密码：请设置环境变量 {env}，或在终端中运行以输入密码。"),
            env=env,
        )
    return getpass.getpass(prompt)


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
        if not args.no_check:
            _report_check(workspace, user_id, doc_id)
    return EXIT_ERROR if failed else EXIT_OK


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
            print(f"#{r.id:<5} {r.status.label:<6} v{r.version:<3} {r.title}")
        print(f"共 {len(rows)} 件。")
    return EXIT_OK


def _transition(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    action: Action = args.action
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


def _check(args: argparse.Namespace, _workspace: None) -> int:
    from app.checking import check_files, collect, load_lexicon
    from app.paths import Paths

    cache_dir = Paths.resolve(args.data_dir).cache_dir
    files = list(collect(args.paths))
    if not files:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "没有找到可检查的文件。"))
    _, issues = load_lexicon(args.lexicon, cache_dir)
    for issue in issues:
        print(f"词库第 {issue.line} 行：{issue.message}", file=sys.stderr)
    options = CheckOptions(disclosure=args.disclosure, password=args.password, keywords=args.keywords)
    bar = sys.stderr.isatty()

    def on_done(done: int, total: int, outcome: Any) -> None:
        if bar:
            width = 30
            filled = width * done // total
            print(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {outcome.path.name[:40]:<40}",
                end="",
                file=sys.stderr,
                flush=True,
            )

    outcomes = check_files(files, args.lexicon, options, cache_dir, args.jobs, on_done)
    if bar:
        print(file=sys.stderr)
    level = Severity(args.fail_on)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "files": [o.result.to_json() for o in outcomes if o.result],
                    "errors": [{"file": str(o.path), "message": o.error} for o in outcomes if o.error],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for o in outcomes:
            _print_outcome(o)
    if any(o.error for o in outcomes):
        for o in outcomes:
            if o.error:
                _error(o.error)
        return EXIT_ERROR
    return EXIT_PROBLEM if any(o.result and o.result.count_at_least(level) for o in outcomes) else EXIT_OK


def _read_json(path: Path) -> Any:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "无法读取“{name}”：{reason}"), name=path.name, reason=str(exc)
        ) from exc
    # `check --format json` wraps results in {"files": [...]}; take the single file's result.
    if isinstance(data, dict) and "files" in data:
        files = data["files"]
        if len(files) != 1:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "“{name}”应只含一个文件的检查结果。"), name=path.name
            )
        data = files[0]
    return data


def _redact(args: argparse.Namespace, _workspace: None) -> int:
    from app.atomic import write_bytes_atomic
    from app.checking import load_lexicon
    from app.documents import read_source
    from app.paths import Paths
    from app.redaction import plan_from_json, publish_form
    from review.redact import RedactionOptions

    lexicon, _ = load_lexicon(args.lexicon, Paths.resolve(args.data_dir).cache_dir)
    plan = plan_from_json(_read_json(args.decisions)) if args.decisions else None
    data = read_source(args.file)
    published = publish_form(
        args.file.name, data, plan, lexicon, RedactionOptions(mark=args.mark, rasterize=args.rasterize)
    )
    if not published.verification.ok:
        for line in published.verification.describe():
            _error(line)
        _error(f"复核未通过，未写出“{args.output}”。")
        return EXIT_PROBLEM
    write_bytes_atomic(args.output, published.pdf)
    print(f"已写出 {args.output}：删除 {len(published.plan.remove)} 处内容，复核通过。")
    return EXIT_OK


def _verify(args: argparse.Namespace, _workspace: None) -> int:
    from app.checking import load_lexicon
    from app.documents import read_source
    from app.paths import Paths
    from app.redaction import plan_from_json
    from review.verify import verify_published

    lexicon, _ = load_lexicon(args.lexicon, Paths.resolve(args.data_dir).cache_dir)
    plan = plan_from_json(_read_json(args.against))
    verification = verify_published(
        read_source(args.published),
        plan.removed_texts,
        lexicon,
        replacements=plan.replacements,
        kept_decisions=plan.keep,
    )
    for line in verification.describe():
        print(line)
    if not verification.ok:
        print("复核未通过。")
        return EXIT_PROBLEM
    print(f"复核通过：{len(plan.removed_texts)} 处已删除内容均未残留，无未决阻断级发现。")
    return EXIT_OK


def _print_outcome(outcome: Any) -> None:
    result = outcome.result
    if result is None:
        return
    print(f"== {outcome.path}（{len(result.findings)} 处发现，{result.seconds} 秒）")
    order = sorted(result.findings, key=lambda f: (-f.severity.rank, f.location.page or 0))
    for f in order:
        place = f.location.describe() or "整个文件"
        shown = f"“{f.text[:40]}”" if f.text else ""
        print(f"  [{f.severity.label}] {f.rule_id:<14} {f.channel.label}｜{place}｜{shown} {f.message}")
    for part in result.unreadable:
        print(f"  [无法检查] {part}")
    if result.keywords:
        print(f"  建议主题词：{'、'.join(result.keywords)}")


def _findings(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.checking import latest_run, stored_finding

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
        for row, f in rows:
            decided = row.decision.decision if row.decision else "未处理"
            print(
                f"#{row.id:<6} [{f.severity.label}] {f.rule_id:<14} {decided:<11} “{f.text[:30]}” {f.location.describe()}"
            )
    return EXIT_OK


def _decide(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.reviewing import decide

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
    print(f"发现 #{args.finding_id} 已处理：{args.decision}。")
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


def _word_list(value: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in re.split(r"[、,，;；\s]+", value) if w.strip())


def _edit(args: argparse.Namespace, workspace: Workspace) -> int:
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
    entry = publish_to_catalog(
        workspace.db,
        user_id,
        args.document_id,
        args.expect_version,
        published_on=args.date,
        summary=args.summary,
        to_portal="portal" in args.target,
        to_package="package" in args.target,
    )
    print(f"#{args.document_id} 已编入目录，索引号 {entry.index_no}。")
    with workspace.db.read() as session:
        for companion in interpretations.interpretations_of(session, args.document_id):
            companion_entry = live_entry(session, companion.document_id)
            if companion_entry is not None and companion_entry.created_at >= entry.created_at:
                print(f"  政策解读 #{companion.document_id} 一并发布，索引号 {companion_entry.index_no}。")
    return _send_on(args, workspace)


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
    from app.transfer import export_package

    user_id = _signed_in(args, workspace)
    passphrase = _password("私钥口令：", KEY_PASSPHRASE_ENV)
    result = export_package(workspace.db, user_id, passphrase, args.file, workspace.paths.keys_dir)
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
    if args.dry_run:
        return EXIT_OK
    result = import_package(workspace.db, user_id, args.file, to_portal="portal" in args.target)
    print(f"已导入：发布 {result.published}，撤回 {result.withdrawn}，有效性变更 {result.changed}。")
    return _send_on(args, workspace)


def _send_on(args: argparse.Namespace, workspace: Workspace) -> int:
    """After a catalog change: the static site rebuilt, the portal queue pushed, as --target asks."""
    from app.catalog import update_static_site

    if "static" in args.target:
        folder = args.site or workspace.paths.data_dir / "site"
        changed = update_static_site(workspace.db, folder)
        print(f"静态目录网站已更新：{folder}（{changed} 个文件变更）")
    if "portal" in args.target:
        return _push(args, workspace)
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


def _push(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.publishing import run_queue

    outcome = run_queue(workspace.db, _portal_client(args, workspace))
    print(f"门户推送：成功 {outcome.done}，待重试 {outcome.waiting}，被拒绝 {outcome.refused}。")
    return EXIT_OK if not (outcome.waiting or outcome.refused) else EXIT_PROBLEM


def _portal_push(args: argparse.Namespace, workspace: Workspace) -> int:
    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        if not session.get_one(User, user_id).has_role(Role.PUBLISHER):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有发布管理员可以推送发布队列。"))
    return _push(args, workspace)


def _portal_token(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.secrets import portal_token_name, set_secret

    set_secret(portal_token_name(args.url), _password(f"{args.url} 的访问令牌：", "DESK_PORTAL_TOKEN"))
    print("门户访问令牌已存入系统密钥环。")
    return EXIT_OK


def _deadlines(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.deadlines import deadlines

    user_id = _signed_in(args, workspace)
    with workspace.db.read() as session:
        rows = [
            d
            for d in deadlines(session, session.get_one(User, user_id), args.today)
            if d.working_days_left <= args.within
        ]
    for d in rows:
        state = (
            f"逾期 {-d.working_days_left} 个工作日"
            if d.working_days_left < 0
            else f"还剩 {d.working_days_left} 个工作日"
        )
        note = "" if d.exact else "（该年节假日未知，按周末计）"
        print(
            f"#{d.document_id:<5} {d.due.isoformat()} {state}{note}  {d.rule.label}  {d.status.label}  {d.title}"
        )
    overdue = sum(1 for d in rows if d.working_days_left < 0)
    print(f"共 {len(rows)} 件，其中逾期 {overdue} 件。")
    return EXIT_PROBLEM if overdue else EXIT_OK


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


def _refresh_site(args: argparse.Namespace, workspace: Workspace) -> None:
    """After a withdrawal or validity change: the static site named, or the default one if it exists."""
    from app.catalog import update_static_site

    folder = args.site or workspace.paths.data_dir / "site"
    if args.site or folder.exists():
        update_static_site(workspace.db, folder)
        print(f"静态目录网站已更新：{folder}")


def _validity(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.catalog import change_validity

    user_id = _signed_in(args, workspace)
    entry = change_validity(workspace.db, user_id, args.index_no, Validity(args.validity), args.reason)
    print(f"索引号 {entry.index_no} 的有效性已改为“{Validity(args.validity).label}”。")
    _refresh_site(args, workspace)
    return EXIT_OK


def _withdraw(args: argparse.Namespace, workspace: Workspace) -> int:
    from app.catalog import withdraw

    user_id = _signed_in(args, workspace)
    entry = withdraw(workspace.db, user_id, args.index_no, args.reason)
    print(f"索引号 {entry.index_no} 已撤回。")
    _refresh_site(args, workspace)
    return EXIT_OK


def _audit_verify(args: argparse.Namespace, workspace: Workspace) -> int:
    with workspace.db.read() as session:
        count, problems = audit.verify(session)
    for problem in problems:
        print(problem.describe())
    if problems:
        print(f"审计链校验失败：{len(problems)} 处问题（共读取 {count} 条事件）。")
        return EXIT_PROBLEM
    print(f"审计链完整：{count} 条事件。")
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
