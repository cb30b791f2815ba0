"""The headless desk, run as a user would: `python main.py …` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.demo import DEMO_CATEGORY
from tests.run_day import TODAY

ROOT = Path(__file__).resolve().parents[1]


def desk(data_dir: Path, *args: str, password: str | None = None, new_password: str | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")}
    if password is not None:
        env["DESK_PASSWORD"] = password
    if new_password is not None:
        env["DESK_NEW_PASSWORD"] = new_password
    return subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


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
    r = desk(
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
    r = desk(
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

    r = desk(
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

    r = desk(data, "--user", "xiaowang", "submit", "1", password="clerk-pass-1")
    assert r.returncode == 2 and "还不能提交审查：缺少成文日期、主题分类。" in r.stderr
    today = TODAY.isoformat()  # the day the check judged as of
    edit = ["edit", "1", "--written-on", today, "--category", DEMO_CATEGORY]
    assert desk(data, "--user", "xiaowang", *edit, password="clerk-pass-1").returncode == 0
    assert desk(data, "--user", "xiaowang", "submit", "1", password="clerk-pass-1").returncode == 0
    # The clerk cannot approve; the CLI obeys the same roles as the GUI.
    r = desk(
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
    r = desk(
        data, "--user", "xiaoli", "list", "--queue", "to_review", "--format", "json", password="review-pass-1"
    )
    listed = json.loads(r.stdout)
    assert [(d["id"], d["status"]) for d in listed] == [(1, "pending_review")]

    # Undecided blocking findings refuse approval; decide them.
    approve = ["approve", "1", "--conclusion", "disclose_redacted", "--opinion", "同意删减后公开"]
    r = desk(data, "--user", "xiaoli", *approve, password="review-pass-1")
    assert r.returncode == 2 and "阻断级发现未处理" in r.stderr
    r = desk(data, "--user", "xiaoli", "findings", "1", "--format", "json", password="review-pass-1")
    for f in json.loads(r.stdout):
        if f["severity"] == "blocking":
            decided = desk(
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
    r = desk(data, "--user", "xiaoli", *approve, "--expect-version", "1", password="review-pass-1")
    assert r.returncode == 2 and "已被他人修改" in r.stderr
    version = str(listed[0]["version"])
    r = desk(data, "--user", "xiaoli", *approve, "--expect-version", version, password="review-pass-1")
    assert r.returncode == 0 and "已批准" in r.stdout, r.stderr

    r = desk(data, "--user", "xiaoli", "return", "2", "--reason", "x", password="review-pass-1")
    assert r.returncode == 2 and "草稿" in r.stderr
    assert desk(data, "audit", "verify").returncode == 0


def test_wrong_password_and_missing_password(tmp_path):
    data = tmp_path / "d"
    desk(data, "init", "--department", "测试局", "--code", "T1", "--admin", "root", password="admin-pass-1")
    r = desk(data, "--user", "root", "list", password="wrong")
    assert r.returncode == 2 and "登录名或密码不正确" in r.stderr
    r = desk(data, "--user", "root", "list")
    assert r.returncode == 2 and "DESK_PASSWORD" in r.stderr


def test_import_reports_each_bad_file_and_keeps_the_good_ones(tmp_path, sample_files):
    data = tmp_path / "d"
    desk(data, "demo")
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    r = desk(data, "--user", "clerk", "import", str(empty), str(sample_files["txt"]), password="demo-2026")
    assert r.returncode == 2
    assert "“空.pdf”是空文件" in r.stderr and r.stdout.count("已导入") == 1


def test_demo_workspace(tmp_path):
    data = tmp_path / "d"
    r = desk(data, "demo")
    assert r.returncode == 0 and "reviewer" in r.stdout
    r = desk(
        data, "--user", "reviewer", "list", "--queue", "to_review", "--format", "json", password="demo-2026"
    )
    assert len(json.loads(r.stdout)) == 2
    r = desk(
        data, "--user", "clerk", "list", "--queue", "my_drafts", "--format", "json", password="demo-2026"
    )
    assert len(json.loads(r.stdout)) == 4  # three drafts and the interpretation of one of them
    # A second demo on a populated database needs an administrator and says so.
    r = desk(data, "demo")
    assert r.returncode == 2 and "--user" in r.stderr


def test_department_lexicon_import_export_and_use_on_import(tmp_path, sample_files):
    data = tmp_path / "d"
    desk(data, "demo")
    lexicon = tmp_path / "部门词库.csv"
    lexicon.write_text("词条,类别,级别,说明,整词\n缴费标准,项目,阻断,尚未公布,否\n坏行\n", encoding="utf-8")
    r = desk(data, "--user", "clerk", "lexicon", "import", str(lexicon), password="demo-2026")
    assert r.returncode == 2 and "保密审查员" in r.stderr  # a clerk may not change it
    r = desk(data, "--user", "reviewer", "lexicon", "import", str(lexicon), password="demo-2026")
    assert r.returncode == 0 and "第 3 行" in r.stderr
    r = desk(data, "--user", "reviewer", "lexicon", "export", "--format", "text", password="demo-2026")
    assert r.stdout == "缴费标准\n"
    r = desk(data, "--user", "clerk", "import", str(sample_files["pdf"]), password="demo-2026")
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
