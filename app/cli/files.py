"""The commands that work on files and need no database or sign-in: `check`, `redact`, `verify`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEM, _error
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from publish.taxonomy import DisclosureMode
from review.model import Severity


def add_parsers(sub: Any) -> None:
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
    p.set_defaults(handler="app.cli.files:_check", needs_workspace=False)

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
    p.set_defaults(handler="app.cli.files:_redact", needs_workspace=False)

    p = sub.add_parser("verify", help="复核已发布的 PDF：已删除的内容不得残留（不需要登录）")
    p.add_argument("published", type=Path, metavar="PUBLISHED")
    p.add_argument("--against", type=Path, required=True, metavar="FINDINGS.json")
    p.add_argument("--lexicon", action="append", type=Path, default=[], metavar="F")
    p.set_defaults(handler="app.cli.files:_verify", needs_workspace=False)


def _check(args: argparse.Namespace, _workspace: None) -> int:
    from app.filecheck import check_files, collect, load_lexicon
    from app.paths import Paths
    from review.engine import CheckOptions
    from review.mupdf import mupdf_messages_to_stderr

    mupdf_messages_to_stderr()

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
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {Path(outcome.shown).name[:40]:<40}",
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
                    "errors": [{"file": o.shown, "message": o.error} for o in outcomes if o.error],
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
    from app.documents import read_source
    from app.filecheck import load_lexicon
    from app.paths import Paths
    from app.redaction import plan_from_json, publish_form
    from review.convert import is_word_draft
    from review.formats import display_name
    from review.mupdf import mupdf_messages_to_stderr
    from review.redact import RedactionOptions

    mupdf_messages_to_stderr()
    lexicon, _ = load_lexicon(args.lexicon, Paths.resolve(args.data_dir).cache_dir)
    plan = plan_from_json(_read_json(args.decisions)) if args.decisions else None
    data = read_source(args.file)
    published = publish_form(
        display_name(args.file.name),
        data,
        plan,
        lexicon,
        RedactionOptions(mark=args.mark, rasterize=args.rasterize),
    )
    output = display_name(str(args.output))
    if not published.verification.ok:
        for line in published.verification.describe():
            _error(line)
        _error(f"复核未通过，未写出“{output}”。")
        return EXIT_PROBLEM
    write_bytes_atomic(args.output, published.pdf)
    print(f"已写出 {output}：删除 {len(published.plan.remove)} 处内容，复核通过。")
    if is_word_draft(args.file.name):
        print(published.layout.describe())
    return EXIT_OK


def _verify(args: argparse.Namespace, _workspace: None) -> int:
    from app.documents import read_source
    from app.filecheck import load_lexicon
    from app.paths import Paths
    from app.redaction import plan_from_json
    from review.mupdf import mupdf_messages_to_stderr
    from review.verify import verify_published

    mupdf_messages_to_stderr()
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
    print(f"== {outcome.shown}（{len(result.findings)} 处发现，{result.seconds} 秒）")
    order = sorted(result.findings, key=lambda f: (-f.severity.rank, f.location.page or 0))
    for f in order:
        place = f.location.describe() or "整个文件"
        shown = f"“{f.text[:40]}”" if f.text else ""
        print(f"  [{f.severity.label}] {f.rule_id:<14} {f.channel.label}｜{place}｜{shown} {f.message}")
    for part in result.unreadable:
        print(f"  [无法检查] {part}")
    if result.keywords:
        print(f"  建议主题词：{'、'.join(result.keywords)}")
