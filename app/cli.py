"""The headless desk: every job of the GUI as a sub-command, done as a named user, with exit codes.

Exit codes (EXIT_CODES, shown by --help): 0 done; 1 done, but a problem was found (a finding at or
above --fail-on, a broken audit chain, a change the portal refused); 2 error (nothing changed);
3 done and saved, but a target is behind (the static site or the portal): `site rebuild` or
`portal push` finishes it, and so does the next start for the site.

This module is only the parser and the dispatcher, and imports nothing that needs the database:
each command names its handler as "module:function" (`app.cli_desk` for the desk's commands,
`app.cli_files` for check/redact/verify), imported when that command runs. So `--help` and a
one-file `check` start without SQLAlchemy, Alembic or the desk's modules.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import cli_language
from app.errors import QT_TRANSLATE_NOOP, TranslatableError, ValidationFailed
from app.roles import Role
from app.vocabulary import DECISIONS, Conclusion, Queue
from publish.catalog import Validity
from publish.taxonomy import WITHHOLDING_BASES, DisclosureMode, InterpretationForm, LegalBasis
from review.formats import SUPPORTED_SUFFIXES
from review.model import Severity

PASSWORD_ENV = "DESK_PASSWORD"
KEY_PASSPHRASE_ENV = "DESK_KEY_PASSPHRASE"
DB_PASSWORD_ENV = "DESK_DB_PASSWORD"
PDF_PASSWORD_ENV = "DESK_PDF_PASSWORD"  # the open password of encrypted PDFs being imported
EXIT_OK, EXIT_PROBLEM, EXIT_ERROR, EXIT_PENDING = 0, 1, 2, 3
EXIT_CODES = """退出码：
  0  完成。
  1  完成，但发现了问题（达到 --fail-on 级别的发现、审计链断裂、门户拒绝了变更等）。
  2  出错，没有做任何更改。
  3  已完成并保存，但有目标尚未更新（静态目录网站或门户）：运行 site rebuild 或 portal push 补做；
     静态网站的未完成更新在下次启动审发台时也会自动补做。"""


def build_parser() -> argparse.ArgumentParser:
    cli_language.install()
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="政务公开审发台 Disclosure Desk。不带子命令时启动图形界面。",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    p.set_defaults(handler="app.cli_desk:_init")

    p = sub.add_parser("demo", help="创建示例工作区（部门、经办人、审查员和示例文件）")
    p.set_defaults(handler="app.cli_desk:_demo")

    user = sub.add_parser("user", help="用户管理").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="添加用户（需系统管理员）")
    p.add_argument("login")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--role", required=True, help="角色，逗号分隔：" + ",".join(r.value for r in Role))
    p.add_argument("--department", help="部门全称（默认：执行者所在部门）")
    p.add_argument("--new-password-env", default="DESK_NEW_PASSWORD", help="新用户密码所在的环境变量")
    p.set_defaults(handler="app.cli_desk:_user_add")

    p = sub.add_parser("import", help="导入文件为草稿（需经办人）")
    p.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="支持：" + " ".join(SUPPORTED_SUFFIXES)
    )
    p.add_argument("--title", help="标题（仅导入一个文件时；默认取文件名）")
    p.add_argument("--no-check", action="store_true", help="导入后不立即保密检查")
    p.epilog = "加密的 PDF：在环境变量 DESK_PDF_PASSWORD 中给出打开密码，以解密副本导入（加密原件一并保存）。"
    p.set_defaults(handler="app.cli_desk:_import")

    lexicon = sub.add_parser("lexicon", help="部门词库").add_subparsers(
        dest="lexicon_command", metavar="ACTION", required=True
    )
    p = lexicon.add_parser("import", help="用文件替换本部门词库（CSV：词条,类别,级别,说明,整词；或每行一词）")
    p.add_argument("file", type=Path)
    p.set_defaults(handler="app.cli_desk:_lexicon_import")
    p = lexicon.add_parser("export", help="导出本部门词库")
    p.add_argument("-o", "--output", type=Path, help="输出文件（默认：标准输出）")
    p.add_argument("--format", choices=["csv", "text"], default="csv")
    p.set_defaults(handler="app.cli_desk:_lexicon_export")

    rulepack = sub.add_parser("rulepack", help="部门错敏/表述规则包（合并在随附规则包之上）").add_subparsers(
        dest="rulepack_command", metavar="ACTION", required=True
    )
    p = rulepack.add_parser(
        "import", help="导入规则包文件（CSV，表头见 docs/rulepacks.md）；同名文件被替换（需保密审查员或系统管理员）"
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.set_defaults(handler="app.cli_rulepacks:_import")
    p = rulepack.add_parser("list", help="列出本部门的规则包及合并后的版本")
    p.set_defaults(handler="app.cli_rulepacks:_list")
    p = rulepack.add_parser("export", help="把本部门的规则包导出到文件夹")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler="app.cli_rulepacks:_export")
    p = rulepack.add_parser("remove", help="删除本部门的一个规则包（需系统管理员）")
    p.add_argument("name", help="规则包文件名")
    p.set_defaults(handler="app.cli_rulepacks:_remove")

    p = sub.add_parser(
        "links",
        help="联网检查文件中写明的链接是否失效或跳转（只在联网机上使用；审查流程本身从不联网）",
    )
    p.add_argument("document_id", type=int, metavar="N")
    p.add_argument("--timeout", type=float, default=10.0, help="每个链接的超时（秒）")
    p.add_argument("--allow-private", action="store_true", help="也访问内网地址（默认不访问）")
    p.set_defaults(handler="app.cli_links:_links")

    p = sub.add_parser("list", help="列出文件")
    p.add_argument("--queue", choices=[q.value for q in Queue], default=Queue.ALL.value)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler="app.cli_desk:_list")

    p = sub.add_parser("findings", help="列出文件最新检查的发现及其处理")
    p.add_argument("document_id", type=int, metavar="ID")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler="app.cli_desk:_findings")

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
    p.set_defaults(handler="app.cli_desk:_decide")

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
    p.set_defaults(handler="app.cli_desk:_declassify")

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
    p.set_defaults(handler="app.cli_desk:_approve")

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
    p.set_defaults(handler="app.cli_desk:_edit")

    p = sub.add_parser("revise", help="为草稿上传新版本（需本部门经办人）；原有版本保留，新版本需重新检查")
    p.add_argument("document_id", type=int, metavar="ID")
    body = p.add_mutually_exclusive_group(required=True)
    body.add_argument("file", type=Path, nargs="?", metavar="FILE", help="新版本文件")
    body.add_argument("--html", type=Path, help="政策解读：改写后的正文（HTML）")
    p.add_argument("--expect-version", type=int, help="只在文件仍是该版本时执行")
    p.add_argument("--no-check", action="store_true", help="上传后不立即保密检查")
    p.epilog = "加密的 PDF：在环境变量 DESK_PDF_PASSWORD 中给出打开密码。"
    p.set_defaults(handler="app.cli_desk:_revise")

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
    p.set_defaults(handler="app.cli_desk:_interpret_add")
    p = interpret.add_parser("list", help="列出文件的政策解读，及每个音视频附件的实际类型和人工审查情况")
    p.add_argument("document_id", type=int, metavar="ID")
    p.set_defaults(handler="app.cli_desk:_interpret_list")
    p = interpret.add_parser(
        "attest",
        help="审查员对检查引擎无法读取的音视频附件进行人工审查确认（需审查员，解读须在待审查状态）",
    )
    p.add_argument("media_id", type=int, metavar="MEDIA_ID", help="音视频附件编号（见 interpret list）")
    p.add_argument("--note", required=True, help="人工审查说明：试听或观看了哪些内容、有无敏感信息")
    p.set_defaults(handler="app.cli_desk:_interpret_attest")

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
    p.add_argument(
        "--notice-until", type=_date, metavar="DATE", help="名单公示的公示期最后一天：届满后由审发台自动撤回"
    )
    p.set_defaults(handler="app.cli_desk:_publish")

    p = sub.add_parser("backup", help="备份数据库（含全部文件内容），审发台使用中也可进行（需系统管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli_desk:_backup")
    p = sub.add_parser(
        "restore",
        help="从备份恢复数据库（需系统管理员以 --user 登录；须先关闭审发台；已有数据库须加 --force，并会先另存）",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="替换数据目录中已有的数据库")
    p.set_defaults(handler="app.cli_desk:_restore", needs_workspace=False)

    p = sub.add_parser("report", help="统计与年度报告（政府信息公开工作年度报告表二及审发台统计）")
    p.add_argument("--year", type=int, help="统计年度（默认今年）")
    p.add_argument("--from", dest="start", type=_date, help="起始日期 YYYY-MM-DD（代替 --year）")
    p.add_argument("--to", dest="end", type=_date, help="截止日期 YYYY-MM-DD（含）")
    p.add_argument("--department", help="部门名称或机构代码（默认全部部门）")
    p.add_argument("--format", choices=["pdf", "csv", "xlsx"], default="pdf")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler="app.cli_desk:_report")

    p = sub.add_parser(
        "review-summary",
        help="导出本部门某月的保密审查汇总表（每件审查一行：审查编号、标题（已遮蔽）、结论、发现和处理项数）",
    )
    p.add_argument("month", metavar="YYYY-MM", help="统计月份，如 2026-11")
    p.add_argument("--format", choices=["pdf", "xlsx", "csv"], default="pdf")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.set_defaults(handler="app.cli_review_summary:_review_summary")

    signoff = sub.add_parser("signoff", help="保密审查单的签批环节（本部门）").add_subparsers(
        dest="signoff_command", metavar="ACTION", required=True
    )
    p = signoff.add_parser("show", help="显示本部门保密审查单的签批环节")
    p.set_defaults(handler="app.cli_sign_off:_show")
    p = signoff.add_parser(
        "set", help="设置本部门的签批环节，按顺序列出（需本部门系统管理员），如：经办人 科室负责人 保密审查员 主要负责人"
    )
    p.add_argument("steps", nargs="+", metavar="环节")
    p.set_defaults(handler="app.cli_sign_off:_set")

    db_cmd = sub.add_parser("db", help="数据库").add_subparsers(
        dest="db_command", required=True, metavar="COMMAND"
    )
    p = db_cmd.add_parser(
        "migrate-to",
        help="把本机数据库（含全部文件内容和审计链）复制到一个空的共享数据库并校验（需系统管理员）",
    )
    p.add_argument("url", metavar="URL", help="目标数据库，如 postgresql+psycopg://desk@db.example/desk")
    p.set_defaults(handler="app.cli_desk:_db_migrate_to")

    key = sub.add_parser("key", help="传输包签名密钥（需系统管理员）").add_subparsers(
        dest="key_command", required=True, metavar="COMMAND"
    )
    p = key.add_parser("generate", help="生成本部门的签名密钥（口令取自 DESK_KEY_PASSPHRASE 或提示输入）")
    p.set_defaults(handler="app.cli_desk:_key_generate")
    p = key.add_parser("rotate", help="更换签名密钥：生成新密钥，旧密钥停用（已导出的包仍可验证）")
    p.set_defaults(handler="app.cli_desk:_key_generate")
    p = key.add_parser("export", help="导出本部门的公钥文件，交给联网机登记")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli_desk:_key_export")
    p = key.add_parser("register", help="登记一个部门的公钥文件：其签名的传输包可以导入本机")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli_desk:_key_register")
    p = key.add_parser("revoke", help="吊销密钥：此后其签名的传输包一律拒绝")
    p.add_argument("key_id", metavar="KEY_ID")
    p.add_argument("--reason", required=True, help="吊销理由")
    p.set_defaults(handler="app.cli_desk:_key_revoke")
    p = key.add_parser("list", help="列出本机的签名密钥和已登记的公钥")
    p.set_defaults(handler="app.cli_desk:_key_list")

    package = sub.add_parser("package", help="签名传输包（涉密机 → 联网机）").add_subparsers(
        dest="package_command", required=True, metavar="COMMAND"
    )
    p = package.add_parser("export", help="把待导出的目录变更写成一个签名传输包（需发布管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler="app.cli_desk:_package_export")
    p = package.add_parser("import", help="验证并导入传输包，再发布到各目标（需发布管理员）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只验证并列出内容，不导入")
    p.add_argument(
        "--skip-clashes",
        action="store_true",
        help="本机已使用的索引号（两台机器重号）的条目不导入，只导入其余内容",
    )
    p.add_argument(
        "--target", choices=["static", "portal"], action="append", default=[], help="导入后发布到的目标"
    )
    p.add_argument("--site", type=Path, help="静态目录网站的文件夹")
    p.add_argument("--portal-url", help="门户地址（默认取设置中的地址）")
    p.set_defaults(handler="app.cli_desk:_package_import")

    portal = sub.add_parser("portal", help="门户发布").add_subparsers(
        dest="portal_command", metavar="ACTION", required=True
    )
    p = portal.add_parser(
        "token", help="把门户访问令牌存入系统密钥环（令牌取自 DESK_PORTAL_TOKEN 或提示输入）"
    )
    p.add_argument("url")
    p.set_defaults(handler="app.cli_desk:_portal_token")
    p = portal.add_parser("push", help="把发布队列中的条目推送到门户，失败的留在队列中")
    p.add_argument("--portal-url")
    p.set_defaults(handler="app.cli_desk:_portal_push")

    category = sub.add_parser("category", help="主题分类").add_subparsers(
        dest="category_command", metavar="ACTION", required=True
    )
    p = category.add_parser("list", help="列出主题分类（* 为可用的末级分类）")
    p.set_defaults(handler="app.cli_desk:_category_list")
    p = category.add_parser("add", help="添加子分类（需系统管理员）")
    p.add_argument("parent", help="上级分类路径，如“城乡建设、环境保护”；空字符串为顶级")
    p.add_argument("name")
    p.add_argument("--code", default="", help="索引号中使用的分类代码")
    p.set_defaults(handler="app.cli_desk:_category_add")

    p = sub.add_parser(
        "deadlines",
        help="公开期限：主动公开成文后 20 个工作日内发布（条例第二十六条），依申请公开 20 个工作日内答复（第三十三条）",
    )
    p.add_argument(
        "--within", type=int, default=5, metavar="N", help="列出 N 个工作日内到期和已逾期的（默认 5）"
    )
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    # Lists open requests for information too, by their legal clock.
    p.set_defaults(handler="app.cli_requests:_deadlines")
    _request_parsers(sub)

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
    p.set_defaults(handler="app.cli_desk:_validity")

    site = sub.add_parser("site", help="静态目录网站").add_subparsers(
        dest="site_command", metavar="ACTION", required=True
    )
    p = site.add_parser(
        "rebuild",
        help="按数据库中的目录和冻结的发布内容重建整个静态目录网站，补做中断的更新（需发布管理员或系统管理员）",
    )
    p.add_argument("--site", type=Path, help="静态目录网站的文件夹（默认：数据目录下的 site/）")
    p.set_defaults(handler="app.cli_desk:_site_rebuild")

    p = sub.add_parser("withdraw", help="撤回已发布的目录条目（需发布管理员）")
    p.add_argument("index_no", metavar="INDEX_NO")
    p.add_argument("--reason", required=True)
    p.add_argument("--site", type=Path, help="同时更新该静态目录网站（默认：数据目录下的 site/，若已存在）")
    p.set_defaults(handler="app.cli_desk:_withdraw")

    p = sub.add_parser(
        "recheck",
        help="全面复查：用当前词库和规则包复查所有现行目录条目的已存文本（不重新读取文件），"
        "列出有发现的条目（按规则和部门分组）；有发现时退出码为 1",
    )
    p.add_argument("--changed", action="store_true", help="只复查自上次复查以来新增或修改的词条和规则包内容")
    p.add_argument("--resume", action="store_true", help="继续中断的复查（从中断处接着做）")
    p.add_argument("--list", action="store_true", help="只列出最近一次复查的结果")
    p.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, metavar="N", help="并行进程数（默认：CPU 核数）"
    )
    p.add_argument(
        "--partition",
        metavar="K/N",
        help="只做 N 个分区中的第 K 个（0 起）：多台机器或调度器各运行一个分区，共用同一个 PostgreSQL 数据库",
    )
    p.add_argument("--batch", type=int, default=200, metavar="N", help="每批复查并提交的条目数（默认 200）")
    p.set_defaults(handler="app.cli_recheck:_recheck")
    p = sub.add_parser(
        "correct",
        help="更正：以目录条目的原件和目录信息新建草稿（需本部门经办人），修改后重新检查、审查和发布",
    )
    p.add_argument("index_no", metavar="INDEX_NO")
    p.set_defaults(handler="app.cli_recheck:_correct")

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
        p.set_defaults(handler="app.cli_desk:_transition", action=action)

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
    p.set_defaults(handler="app.cli_files:_check", needs_workspace=False)

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
    p.set_defaults(handler="app.cli_files:_redact", needs_workspace=False)

    p = sub.add_parser("verify", help="复核已发布的 PDF：已删除的内容不得残留（不需要登录）")
    p.add_argument("published", type=Path, metavar="PUBLISHED")
    p.add_argument("--against", type=Path, required=True, metavar="FINDINGS.json")
    p.add_argument("--lexicon", action="append", type=Path, default=[], metavar="F")
    p.set_defaults(handler="app.cli_files:_verify", needs_workspace=False)

    audit_cmd = sub.add_parser("audit", help="审计记录").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = audit_cmd.add_parser(
        "verify",
        help="校验审计哈希链、本机检查点与封签、各文件的状态和文件内容，指出被修改、插入或删除的记录",
    )
    p.set_defaults(handler="app.cli_desk:_audit_verify")
    p = audit_cmd.add_parser(
        "accept",
        help="核查之后确认数据库的现状（需系统管理员）：重设链头和本机检查点，记录各文件的当前状态，"
        "所确认的问题记入审计记录",
    )
    p.add_argument("--reason", required=True, help="核查结论")
    p.set_defaults(handler="app.cli_desk:_audit_accept")
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
    p.set_defaults(handler="app.cli_desk:_audit_published")

    notice_cmd = sub.add_parser("notice", help="公示期：名单公示到期后由审发台自动撤回").add_subparsers(
        dest="notice_command", metavar="ACTION", required=True
    )
    p = notice_cmd.add_parser("set", help="设定或清除目录条目的公示期截止日期（需本部门发布管理员）")
    p.add_argument("index_no", metavar="INDEX_NO")
    p.add_argument("until", type=_date, nargs="?", metavar="DATE", help="公示期最后一天 YYYY-MM-DD")
    p.add_argument("--clear", action="store_true", help="清除公示期（条目不再自动撤回）")
    p.set_defaults(handler="app.cli_sentinel:_notice_set")
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
    p.set_defaults(handler="app.cli_sentinel:_notice_expire")

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
    p.set_defaults(handler="app.cli_sentinel:_sentinel_run")
    p = sentinel_cmd.add_parser("report", help="将最近一次巡检（或 --run 指定的一次）写成网站自查报告 PDF")
    p.add_argument("out", type=Path, metavar="OUT.pdf")
    p.add_argument("--run", type=int, metavar="N", help="巡检编号（默认最近一次完成的）")
    p.add_argument("--site-url", default="", metavar="URL", help="报告中写明的网站地址")
    p.set_defaults(handler="app.cli_sentinel:_sentinel_report")
    return parser


def _request_parsers(sub: Any) -> Any:
    """The `request` group (依申请公开); returns its sub-parsers so other request commands join it."""
    from publish.request_clock import Party
    from publish.request_outcomes import ApplicantKind, Channel, Outcome

    request = sub.add_parser(
        "request", help="依申请公开：登记申请、补正、延期、征求意见、答复"
    ).add_subparsers(dest="request_command", required=True, metavar="COMMAND")
    p = request.add_parser("add", help="登记收到的政府信息公开申请（需本部门经办人）")
    p.add_argument("--kind", required=True, choices=[k.value for k in ApplicantKind], help="申请人类型")
    p.add_argument("--name", required=True, help="申请人姓名或名称")
    p.add_argument("--contact", required=True, help="联系方式（通信地址、电子邮箱或电话，答复送达用）")
    p.add_argument("--content", required=True, help="所需信息的内容描述")
    p.add_argument("--ref", default="", help="信息标识：申请相同信息的填同一标识（第四十四条统计用）")
    p.add_argument("--channel", required=True, choices=[c.value for c in Channel], help="申请方式")
    p.add_argument(
        "--received",
        required=True,
        type=_date,
        help="收到申请日期 YYYY-MM-DD（当面的为提交之日，邮寄的为签收之日，网上和传真的为双方确认之日，第三十一条）",
    )
    p.add_argument("--attach", type=Path, nargs="*", default=[], metavar="FILE", help="来信、申请表等材料")
    p.set_defaults(handler="app.cli_requests:_add")

    p = request.add_parser("list", help="列出未办结的申请：答复期限、剩余工作日、逾期和暂停情况")
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    p.set_defaults(handler="app.cli_requests:_list")

    p = request.add_parser("show", help="显示一件申请、它的办理记录和期限的计算依据")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--today", type=_date, help="以该日期为今天（YYYY-MM-DD）")
    p.set_defaults(handler="app.cli_requests:_show")

    p = request.add_parser("supplement", help="告知补正（收到申请后 7 个工作日内，一次性）或登记收到补正")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--asked", type=_date, metavar="DATE", help="告知补正的日期")
    which.add_argument(
        "--received", type=_date, metavar="DATE", help="收到补正的日期（答复期限自当日重新计算）"
    )
    p.add_argument("--until", type=_date, metavar="DATE", help="给申请人的补正期限（与 --asked 一起）")
    p.add_argument("--note", default="", help="需要补正的事项等")
    p.set_defaults(handler="app.cli_requests:_supplement")

    p = request.add_parser("extend", help="延长答复期限（一次，最长 20 个工作日，须经工作机构负责人同意）")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--consented-by", required=True, help="同意延期的政府信息公开工作机构负责人")
    p.add_argument("--days", type=int, default=20, help="延长的工作日数（默认 20）")
    p.add_argument("--on", type=_date, help="延期决定的日期（默认今天）")
    p.add_argument("--note", default="")
    p.set_defaults(handler="app.cli_requests:_extend")

    p = request.add_parser("consult", help="征求第三方或其他机关意见（发出 / 收到），其间不计入答复期限")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--sent", type=_date, metavar="DATE", help="发出征求意见的日期")
    which.add_argument("--answered", type=_date, metavar="DATE", help="收到意见的日期")
    p.add_argument(
        "--party",
        choices=[x.value for x in Party],
        default=Party.THIRD_PARTY.value,
        help="征求谁的意见（默认第三方）",
    )
    p.add_argument("--note", default="")
    p.set_defaults(handler="app.cli_requests:_consult")

    p = request.add_parser("answer", help="登记答复及处理结果（年报表三的分类）")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--outcome", required=True, choices=[o.value for o in Outcome if o != Outcome.WITHDRAWN])
    p.add_argument("--detail", default="", help="处理说明（如不予公开的依据、负责公开的机关）")
    p.add_argument("--on", type=_date, help="答复日期（默认今天）")
    p.set_defaults(handler="app.cli_requests:_answer")

    p = request.add_parser("withdraw", help="申请人撤回申请")
    p.add_argument("request", metavar="N", help="申请的编号或受理编号（如 2026-0012）")
    p.add_argument("--on", type=_date, help="撤回日期（默认今天）")
    p.add_argument("--note", default="")
    p.set_defaults(handler="app.cli_requests:_withdraw")
    importlib.import_module("app.cli_request_answers").add_parsers(request, _date)  # draft-answer, package …
    return request


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from exc


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = _handler(args.handler)
    if not getattr(args, "needs_workspace", True):
        try:
            return int(handler(args, None))
        except TranslatableError as exc:
            _error(exc.message)
            return EXIT_ERROR
    from app.workspace import Workspace

    try:
        workspace = Workspace.open(
            args.data_dir,
            args.db,
            ask_password=lambda name: _password(f"数据库 {name} 的密码：", DB_PASSWORD_ENV),
        )
    except TranslatableError as exc:
        _error(exc.message)
        return EXIT_ERROR
    # A desk command reads files with MuPDF, whose messages are diagnostics: stderr, like `check`'s.
    from review.mupdf import mupdf_messages_to_stderr

    mupdf_messages_to_stderr()
    try:
        _resume(workspace)
        return int(handler(args, workspace))
    except TranslatableError as exc:
        _error(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("已取消。")
        return EXIT_ERROR
    finally:
        workspace.close()


def _resume(workspace: Any) -> None:
    """Work a killed or failed run left unfinished (a static site update, a package export) is
    finished at the next start; looking costs a directory listing."""
    from app import pending_work

    if pending_work.waiting(workspace.paths.data_dir):
        _handler("app.cli_desk:resume_pending")(argparse.Namespace(), workspace)


def _handler(name: str) -> Callable[[argparse.Namespace, Any], int]:
    """A command's handler from its "module:function" name, imported only when the command runs."""
    module, _, function = name.partition(":")
    handler: Callable[[argparse.Namespace, Any], int] = getattr(importlib.import_module(module), function)
    return handler


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


def _word_list(value: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in re.split(r"[、,，;；\s]+", value) if w.strip())
