"""The `request` commands and `deadlines` with requests, run in-process as `main.py …` would run them."""

from __future__ import annotations

import datetime as dt

from app import cli
from tests.conftest import PASSWORD, desk_args
from tests.run_day import TODAY


def run(workspace, capsys, *args: str) -> tuple[int, str, str]:
    code = cli.run([*desk_args(workspace), "--user", "clerk", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_request_through_its_clock_on_the_command_line(workspace, people, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    letter = tmp_path / "来信.pdf"
    letter.write_bytes(b"%PDF-1.4 scanned letter")
    today = TODAY
    # Received 45 calendar days ago: more than 20 working days whatever the holidays (at most 9 in a row).
    received = (today - dt.timedelta(days=45)).isoformat()
    code, out, _ = run(
        workspace,
        capsys,
        "request", "add", "--kind", "person", "--name", "张三", "--contact", "zhang@example.cn",
        "--content", "2025年老旧小区改造项目清单", "--channel", "post", "--received", received,
        "--attach", str(letter),
    )  # fmt: skip
    assert code == 0 and f"已登记申请 {received[:4]}-0001（#1）" in out
    assert "附件 1 个" in out

    code, out, _ = run(workspace, capsys, "request", "list")
    assert code == 1 and "已逾期" in out and "未办结 1 件，其中已逾期 1 件" in out
    assert "张三" not in out  # the list names the request, not the applicant

    code, out, _ = run(workspace, capsys, "deadlines")
    assert code == 1 and "依申请公开：20 个工作日内答复" in out and "老旧小区" in out

    code, out, err = run(workspace, capsys, "request", "extend", "1", "--consented-by", "李科长")
    assert code == 2 and "已过，不能再登记“延期答复”" in err

    code, out, _ = run(workspace, capsys, "request", "show", f"{received[:4]}-0001")  # by its 受理编号
    assert code == 1 and "张三" in out and "来信.pdf" in out and "收到申请，自次日起计算20个工作日" in out

    code, out, _ = run(
        workspace, capsys, "request", "answer", "1", "--outcome", "partly", "--detail", "第二部分涉及个人隐私"
    )
    assert code == 0 and "已登记答复（部分公开）" in out
    code, out, _ = run(workspace, capsys, "request", "list")
    assert code == 0 and "未办结 0 件" in out
    code, _, err = run(workspace, capsys, "request", "withdraw", "1")
    assert code == 2 and "已办结" in err


def test_supplement_consultation_and_bad_input(workspace, people, capsys, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    today = TODAY
    code, out, _ = run(
        workspace,
        capsys,
        "request", "add", "--kind", "business", "--name", "某公司", "--contact", "某市某路1号",
        "--content", "某项目环评批复", "--channel", "online", "--received", today.isoformat(),
    )  # fmt: skip
    assert code == 0
    code, _, err = run(workspace, capsys, "request", "supplement", "1", "--asked", today.isoformat())
    assert code == 2 and "--until" in err
    until = (today + dt.timedelta(days=15)).isoformat()
    code, out, _ = run(
        workspace, capsys, "request", "supplement", "1", "--asked", today.isoformat(), "--until", until
    )
    assert code == 0 and "等待补正" in out
    code, _, err = run(
        workspace, capsys, "request", "supplement", "1", "--asked", today.isoformat(), "--until", until
    )
    assert code == 2 and "一次性告知" in err
    code, out, _ = run(workspace, capsys, "request", "supplement", "1", "--received", today.isoformat())
    assert code == 0 and "剩余 20 个工作日" in out
    code, out, _ = run(workspace, capsys, "request", "consult", "1", "--sent", today.isoformat())
    assert code == 0 and "征求第三方意见" in out and "暂停计时" in out
    code, out, _ = run(workspace, capsys, "request", "consult", "1", "--answered", today.isoformat())
    assert code == 0 and "暂停计时" not in out
    code, _, err = run(workspace, capsys, "request", "show", "99")
    assert code == 2 and "没有编号为 99" in err
    future = (today + dt.timedelta(days=3)).isoformat()
    code, _, err = run(workspace, capsys, "request", "withdraw", "1", "--on", future)
    assert code == 2 and "不能晚于今天" in err


def test_list_marks_requests_due_within_three_working_days(workspace, people, capsys, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    # Received Mon 2026-11-02: the 20th working day is Mon 11/30; on Wed 11/25 three are left.
    code, _, _ = run(
        workspace,
        capsys,
        "request", "add", "--kind", "research", "--name", "某研究所", "--contact", "某市科学路2号",
        "--content", "2025年空气质量监测原始数据", "--channel", "in_person", "--received", "2026-11-02",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(workspace, capsys, "request", "list", "--today", "2026-11-25")
    assert code == 0 and "2026-11-30" in out and "剩余 3 个工作日 3日内到期" in out
    assert "未办结 1 件，其中已逾期 0 件，3日内到期 1 件" in out
    code, out, _ = run(workspace, capsys, "deadlines", "--today", "2026-11-25", "--within", "3")
    assert code == 0 and out.startswith("2026-0001") and "还剩 3 个工作日" in out
