"""The catalog and its targets: `publish`, `validity`, `withdraw`, `site rebuild`, `portal`,
`category`; and how a committed catalog change reaches the static site and the portal (exit code 3
when a target is behind)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import faults, pending_work
from app.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PENDING,
    EXIT_PROBLEM,
    _date,
    _error,
    _password,
    _signed_in,
    _word_list,
)
from app.errors import (
    QT_TRANSLATE_NOOP,
    DatabaseUnavailable,
    PermissionDenied,
    TranslatableError,
    ValidationFailed,
)
from app.roles import Role
from publish.catalog import Validity

if TYPE_CHECKING:
    from app.workspace import Workspace


# `site footer` options, in the order of app.site_footer.PARTS.
_FOOTER_OPTIONS = (
    ("--sponsor", "主办单位（默认本部门全称）"),
    ("--site-code", "网站标识码"),
    ("--icp", "ICP备案号"),
    ("--police", "公安机关备案号"),
    ("--contact", "联系方式"),
)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("publish", help="将已批准的文件编入政府信息公开目录，分配索引号（需发布管理员）")
    p.add_argument("document_id", type=int, metavar="ID")
    # The catalog's own fields, which the publisher may complete; checked again like the reviewed text.
    p.add_argument("--category", help="主题分类（末级，如 综合政务\\政务公开；默认：审查批准时的分类）")
    p.add_argument("--publisher", help="发布机构（默认：审查批准时的发布机构）")
    p.add_argument("--keywords", type=_word_list, help="主题词，用顿号或逗号分隔（默认：审查批准时的主题词）")
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
    p.set_defaults(handler="app.cli.catalog:_publish")

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
    p.add_argument("--amended-on", type=_date, metavar="DATE", help="已修改：修改日期 YYYY-MM-DD")
    p.add_argument("--amended-by", default="", metavar="TEXT", help="已修改：修改文件的发文字号或标题")
    p.add_argument("--site", type=Path, help="同时更新该静态目录网站（默认：数据目录下的 site/，若已存在）")
    p.epilog = "有效性只适用于规章和规范性文件。"
    p.set_defaults(handler="app.cli.catalog:_validity")

    p = sub.add_parser("withdraw", help="撤回已发布的目录条目（需发布管理员）")
    p.add_argument("index_no", metavar="INDEX_NO")
    p.add_argument("--reason", required=True)
    p.add_argument("--site", type=Path, help="同时更新该静态目录网站（默认：数据目录下的 site/，若已存在）")
    p.set_defaults(handler="app.cli.catalog:_withdraw")

    site = sub.add_parser("site", help="静态目录网站").add_subparsers(
        dest="site_command", metavar="ACTION", required=True
    )
    p = site.add_parser(
        "rebuild",
        help="按数据库中的目录和冻结的发布内容重建整个静态目录网站，补做中断的更新（需发布管理员或系统管理员）",
    )
    p.add_argument("--site", type=Path, help="静态目录网站的文件夹（默认：数据目录下的 site/）")
    p.set_defaults(handler="app.cli.catalog:_site_rebuild")
    p = site.add_parser(
        "footer",
        help="查看或设置本部门目录网站的页脚（设置需系统管理员）；只给出的项被修改，空字符串清除该项",
    )
    for option, label in _FOOTER_OPTIONS:
        p.add_argument(option, help=label)
    p.set_defaults(handler="app.cli.catalog:_site_footer")

    portal = sub.add_parser("portal", help="门户发布").add_subparsers(
        dest="portal_command", metavar="ACTION", required=True
    )
    p = portal.add_parser(
        "token", help="把门户访问令牌存入系统密钥环（令牌取自 DESK_PORTAL_TOKEN 或提示输入）"
    )
    p.add_argument("url")
    p.set_defaults(handler="app.cli.catalog:_portal_token")
    p = portal.add_parser("push", help="把发布队列中的条目推送到门户，失败的留在队列中")
    p.add_argument("--portal-url")
    p.set_defaults(handler="app.cli.catalog:_portal_push")

    category = sub.add_parser("category", help="主题分类").add_subparsers(
        dest="category_command", metavar="ACTION", required=True
    )
    p = category.add_parser("list", help="列出主题分类（* 为可用的末级分类）")
    p.set_defaults(handler="app.cli.catalog:_category_list")
    p = category.add_parser("add", help="添加子分类（需系统管理员）")
    p.add_argument("parent", help="上级分类路径，如“城乡建设、环境保护”；空字符串为顶级")
    p.add_argument("name")
    p.add_argument("--code", default="", help="索引号中使用的分类代码")
    p.set_defaults(handler="app.cli.catalog:_category_add")


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
            keywords=args.keywords,
            category=args.category,
            publisher=args.publisher,
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
    from app.db.models import User

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
    from app.db.models import User

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
    from app.db.models import User

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
        entry = change_validity(
            workspace.db,
            user_id,
            args.index_no,
            Validity(args.validity),
            args.reason,
            amended_on=args.amended_on,
            amended_by=args.amended_by,
        )
    amendment = f"（{entry.amended_on.isoformat()}，{entry.amended_by}）" if entry.amended_on else ""
    print(f"索引号 {entry.index_no} 的有效性已改为“{Validity(args.validity).label}”{amendment}。")
    faults.point("validity.after_commit")
    return _refreshed(workspace, folder, intent)


def _site_footer(args: argparse.Namespace, workspace: Workspace) -> int:
    from app import site_footer
    from app.db.models import User

    user_id = _signed_in(args, workspace)
    parts = {part: value for part in site_footer.PARTS if (value := getattr(args, part)) is not None}
    with workspace.db.write() if parts else workspace.db.read() as session:
        user = session.get_one(User, user_id)
        if parts:
            identity = site_footer.set_footer(session, user, **parts)
            print("页脚已保存，下次更新网站时生效。")
        elif user.department_id is None or user.department is None:
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "当前用户不属于任何部门。"))
        else:
            identity = site_footer.identity(session, user.department_id, user.department.name)
    for (_, label), part in zip(_FOOTER_OPTIONS, site_footer.PARTS, strict=True):
        shown = getattr(identity, part) or (identity.department if part == "sponsor" else "")
        print(f"{label.split('（')[0]}：{shown or '（未设置）'}")
    return EXIT_OK


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
