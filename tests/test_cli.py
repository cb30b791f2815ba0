"""The headless desk, run as a user would: `python main.py …` in a subprocess, or, for the steps
around the one a test runs as a real process, in this process through `app.cli.run`."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from app import cli
from app.demo import DEMO_CATEGORY
from app.paths import Paths
from tests.run_day import TODAY

ROOT = Path(__file__).resolve().parents[1]


def _environment(
    password: str | None, new_password: str | None, extra: dict[str, str] | None
) -> dict[str, str]:
    """This process's environment without the desk's variables, then the ones the step is given. The
    run's day (DESK_TEST_TODAY) stays: it pins the desk's day in the process (tests/run_day.py)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_") or k == "DESK_TEST_TODAY"}
    if password is not None:
        env["DESK_PASSWORD"] = password
    if new_password is not None:
        env["DESK_NEW_PASSWORD"] = new_password
    return env | (extra or {})


def desk(
    data_dir: Path,
    *args: str,
    password: str | None = None,
    new_password: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python main.py --data-dir DATA_DIR ARGS…` as a real process, its secrets in its environment."""
    return subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=_environment(password, new_password, env),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def desk_here(
    data_dir: Path,
    *args: str,
    password: str | None = None,
    new_password: str | None = None,
    env: dict[str, str] | None = None,
) -> Ran:
    """The same command as `desk`, run in this process: main.py's own `cli.run`, with the same
    environment, exit code and printed text, but without a new interpreter loading SQLAlchemy and
    jieba (a second or more) for each step."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, _environment(password, new_password, env), clear=True),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        try:
            code = cli.run(["--data-dir", str(data_dir), *args])
        except SystemExit as exc:  # argparse: --help, or a usage error (exit 2)
            code = exc.code if isinstance(exc.code, int) else 0
    return Ran(code, out.getvalue(), err.getvalue())


_demo_templates: dict[Path, Path] = {}


def demo_desk(data_dir: Path, migrated_sqlite: Path) -> Path:
    """A data directory holding the demo workspace, for tests the demo is only the setting of. The real
    `demo` command makes it once per test process (in-process, on a copy of the migrated database,
    tests/conftest.py `migrated_sqlite`); each test gets a copy of that whole data directory: its
    database, its audit anchor and its checker's cache."""
    template = _demo_templates.get(migrated_sqlite)
    if template is None:
        template = migrated_sqlite.parent.parent / "demo"
        template.mkdir()
        shutil.copyfile(migrated_sqlite, Paths(template).database)
        r = desk_here(template, "demo")
        assert r.returncode == 0, r.stderr
        _demo_templates[migrated_sqlite] = template
    shutil.copytree(template, data_dir)
    return data_dir


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["init"],
        ["demo"],
        ["user", "add"],
        ["import"],
        ["list"],
        ["submit"],
        ["approve"],
        ["return"],
        ["refuse"],
        ["revise"],
        ["audit", "verify"],
        ["audit", "published"],
        ["declassify"],
        ["interpret", "attest"],
        ["edit"],
    ],
)
def test_every_command_has_help(tmp_path, command):
    result = desk(tmp_path, *command, "--help")
    assert result.returncode == 0 and "用法：" in result.stdout and "选项" in result.stdout


def test_init_user_import_submit_approve_as_named_users(tmp_path, sample_files):
    data = tmp_path / "d"
    r = desk_here(
        data,
        "init",
        "--department",
        "测试市数据局",
        "--code",
        "TEST01",
        "--admin",
        "root",
        password="admin-pass-1",
    )
    assert r.returncode == 0, r.stderr
    # A real process, its password and the new user's in its environment; the other steps run in-process.
    r = desk(
        data,
        "--user",
        "root",
        "user",
        "add",
        "xiaowang",
        "--name",
        "小王",
        "--role",
        "clerk",
        password="admin-pass-1",
        new_password="clerk-pass-1",
    )
    assert r.returncode == 0, r.stderr
    r = desk_here(
        data,
        "--user",
        "root",
        "user",
        "add",
        "xiaoli",
        "--name",
        "小李",
        "--role",
        "reviewer",
        password="admin-pass-1",
        new_password="review-pass-1",
    )
    assert r.returncode == 0, r.stderr

    r = desk_here(
        data,
        "--user",
        "xiaowang",
        "import",
        str(sample_files["pdf"]),
        str(sample_files["docx"]),
        password="clerk-pass-1",
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("已导入") == 2

    r = desk_here(data, "--user", "xiaowang", "submit", "1", password="clerk-pass-1")
    assert r.returncode == 2 and "还不能提交审查：缺少成文日期、主题分类。" in r.stderr
    today = TODAY.isoformat()  # the day the check judged as of
    edit = ["edit", "1", "--written-on", today, "--category", DEMO_CATEGORY]
    assert desk_here(data, "--user", "xiaowang", *edit, password="clerk-pass-1").returncode == 0
    assert desk_here(data, "--user", "xiaowang", "submit", "1", password="clerk-pass-1").returncode == 0
    # The clerk cannot approve; the CLI obeys the same roles as the GUI.
    r = desk_here(
        data,
        "--user",
        "xiaowang",
        "approve",
        "1",
        "--conclusion",
        "disclose_redacted",
        "--opinion",
        "x",
        password="clerk-pass-1",
    )
    assert r.returncode == 2 and "保密审查员" in r.stderr
    r = desk_here(
        data, "--user", "xiaoli", "list", "--queue", "to_review", "--format", "json", password="review-pass-1"
    )
    listed = json.loads(r.stdout)
    assert [(d["id"], d["status"]) for d in listed] == [(1, "pending_review")]

    # Undecided blocking findings refuse approval; decide them.
    approve = ["approve", "1", "--conclusion", "disclose_redacted", "--opinion", "同意删减后公开"]
    r = desk_here(data, "--user", "xiaoli", *approve, password="review-pass-1")
    assert r.returncode == 2 and "阻断级发现未处理" in r.stderr
    r = desk_here(data, "--user", "xiaoli", "findings", "1", "--format", "json", password="review-pass-1")
    for f in json.loads(r.stdout):
        if f["severity"] == "blocking":
            decided = desk_here(
                data,
                "--user",
                "xiaoli",
                "decide",
                str(f["id"]),
                "--decision",
                "remove",
                "--basis",
                "art15_third_party",
                password="review-pass-1",
            )
            assert decided.returncode == 0, decided.stderr
    # A stale version is refused; the current one goes through.
    r = desk_here(data, "--user", "xiaoli", *approve, "--expect-version", "1", password="review-pass-1")
    assert r.returncode == 2 and "已被他人修改" in r.stderr
    version = str(listed[0]["version"])
    r = desk_here(data, "--user", "xiaoli", *approve, "--expect-version", version, password="review-pass-1")
    assert r.returncode == 0 and "已批准" in r.stdout, r.stderr

    r = desk_here(data, "--user", "xiaoli", "return", "2", "--reason", "x", password="review-pass-1")
    assert r.returncode == 2 and "草稿" in r.stderr
    assert desk_here(data, "audit", "verify").returncode == 0


def test_wrong_password_and_missing_password(tmp_path):
    data = tmp_path / "d"
    desk(data, "init", "--department", "测试局", "--code", "T1", "--admin", "root", password="admin-pass-1")
    r = desk(data, "--user", "root", "list", password="wrong")
    assert r.returncode == 2 and "登录名或密码不正确" in r.stderr
    r = desk(data, "--user", "root", "list")
    assert r.returncode == 2 and "DESK_PASSWORD" in r.stderr


def test_import_reports_each_bad_file_and_keeps_the_good_ones(tmp_path, sample_files, migrated_sqlite):
    data = demo_desk(tmp_path / "d", migrated_sqlite)
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    r = desk(data, "--user", "clerk", "import", str(empty), str(sample_files["txt"]), password="demo-2026")
    assert r.returncode == 2
    assert "“空.pdf”是空文件" in r.stderr and r.stdout.count("已导入") == 1


def test_demo_workspace(tmp_path):
    data = tmp_path / "d"
    r = desk_here(data, "demo")
    assert r.returncode == 0 and "reviewer" in r.stdout
    r = desk_here(
        data, "--user", "reviewer", "list", "--queue", "to_review", "--format", "json", password="demo-2026"
    )
    assert len(json.loads(r.stdout)) == 2
    r = desk_here(
        data, "--user", "clerk", "list", "--queue", "my_drafts", "--format", "json", password="demo-2026"
    )
    assert len(json.loads(r.stdout)) == 4  # three drafts and the interpretation of one of them
    # A second demo on a populated database needs an administrator and says so: a real process's exit code.
    r = desk(data, "demo")
    assert r.returncode == 2 and "--user" in r.stderr


def test_department_lexicon_import_export_and_use_on_import(tmp_path, sample_files, migrated_sqlite):
    data = demo_desk(tmp_path / "d", migrated_sqlite)
    lexicon = tmp_path / "部门词库.csv"
    lexicon.write_text("词条,类别,级别,说明,整词\n缴费标准,项目,阻断,尚未公布,否\n坏行\n", encoding="utf-8")
    r = desk_here(data, "--user", "clerk", "lexicon", "import", str(lexicon), password="demo-2026")
    assert r.returncode == 2 and "保密审查员" in r.stderr  # a clerk may not change it
    r = desk_here(data, "--user", "reviewer", "lexicon", "import", str(lexicon), password="demo-2026")
    assert r.returncode == 0 and "第 3 行" in r.stderr
    # A real process: exactly this line on its stdout.
    r = desk(data, "--user", "reviewer", "lexicon", "export", "--format", "text", password="demo-2026")
    assert r.stdout == "缴费标准\n"
    r = desk_here(data, "--user", "clerk", "import", str(sample_files["pdf"]), password="demo-2026")
    assert (
        r.returncode == 0 and "保密检查：阻断 5" in r.stdout
    )  # marking, ID number, the new term twice and in the title


def test_every_handler_name_resolves():
    """Handlers are named as strings so the parser stays light; a misspelt one would fail only when run."""
    import argparse

    from app.cli import _handler, build_parser

    def walk(parser: argparse.ArgumentParser):
        handler = parser.get_default("handler")
        if handler is not None:
            yield handler
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from walk(sub)

    names = list(walk(build_parser()))
    assert len(names) > 40
    for name in names:
        assert callable(_handler(name)), name
