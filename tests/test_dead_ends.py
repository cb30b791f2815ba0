"""No dead ends: the README's headless sequence and the desk both take a draft of the sample workspace
from import to a published entry, and neither lets a draft into review without what publishing needs."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from app.db.models import CatalogEntry, Document, User
from app.demo import DEMO_CATEGORY, create_demo_workspace
from app.reviewing import Conclusion
from app.roles import Status
from app.ui.main_window import MainWindow
from app.ui.publish_dialog import PublishDialog
from app.workflow import Action
from app.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
CLEAN = "关于做好冬季供暖保障工作的通知\n各单位：请按时启动供暖，做好保障工作。\n"


def readme_sequence() -> tuple[dict[str, str], list[list[str]]]:
    """The README's lines from the sample workspace to a published entry: its environment and commands."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(
        i for i, line in enumerate(lines) if line.startswith("From the sample workspace to a published")
    )
    block: list[str] = []
    for line in lines[start + 1 :]:
        if line.startswith("    "):
            block.append(line.strip())
        elif line.strip() and block:
            break
    env = dict(
        part.split("=", 1) for line in block if line.startswith("export ") for part in line.split()[1:]
    )
    commands = [shlex.split(line)[2:] for line in block if line.startswith(".venv/bin/python main.py")]
    return env, commands


def test_the_readme_sequence_publishes_a_draft_of_the_sample_workspace(tmp_path, monkeypatch, capsys):
    """Run in this process (`cli.run`, what main.py calls), each line as the README writes it."""
    from app import cli

    env, commands = readme_sequence()
    assert [c[c.index("--user") + 2] if "--user" in c else c[2] for c in commands] == [
        "demo",
        "import",
        "edit",
        "submit",
        "findings",
        "approve",
        "publish",
    ]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "通知.txt").write_text(CLEAN, encoding="utf-8")
    data = tmp_path / "desk"

    def run(args: list[str]) -> int:
        return cli.run([str(data) if a == "/tmp/desk" else a for a in args])

    demo, imported, edit, submit, *rest = commands
    assert run(demo) == 0 and run(imported) == 0
    # Submitted before its 文件信息 is filled: refused, naming what is missing, and still a draft.
    assert run(submit) == 2
    assert "还不能提交审查：缺少成文日期、主题分类。请在“文件信息”中补全后再提交。" in capsys.readouterr().err
    *review, publish = rest
    for args in (edit, submit, *review):
        assert run(args) == 0, (args, capsys.readouterr().err)
    # The publisher's 主题分类 is linted against the tree like the clerk's: a 大类 with 子类 is refused.
    capsys.readouterr()
    assert run([*publish, "--category", "综合政务"]) == 2
    assert "不能发布：主题分类“综合政务”" in capsys.readouterr().err
    # 主题词 completed at publishing are split as `edit` splits them (a full-width comma too).
    assert run([*publish, "--keywords", "供暖，保障"]) == 0
    assert "索引号" in capsys.readouterr().out
    desk = Workspace.open(data)
    with desk.db.read() as s:
        assert json.loads(s.scalars(select(CatalogEntry.keywords)).one()) == ["供暖", "保障"]
    desk.close()
    index = (data / "site" / "index.html").read_text(encoding="utf-8")
    assert "关于做好冬季供暖保障工作的通知" in index and DEMO_CATEGORY.split("\\")[-1] in index


def _window(qtbot, desk_app, workspace, login: str) -> MainWindow:
    with workspace.db.read() as s:
        user_id = s.scalars(select(User.id).where(User.login == login)).one()
    window = MainWindow(workspace, user_id, desk_app.log_handler)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_desk_takes_a_draft_from_import_to_the_catalog(qtbot, desk_app, workspace, tmp_path):
    create_demo_workspace(workspace.db, cache_dir=workspace.paths.cache_dir)
    draft = tmp_path / "通知.txt"
    draft.write_text(CLEAN, encoding="utf-8")
    clerk = _window(qtbot, desk_app, workspace, "clerk")
    with qtbot.waitSignal(clerk.checks_finished, timeout=60_000):
        clerk.import_files([draft])
    with workspace.db.read() as s:
        doc_id = s.scalars(select(Document.id).where(Document.title == "通知")).one()
    clerk.table.selectRow(clerk.model.row_of(doc_id) or 0)
    assert clerk.current_id == doc_id

    # 提交审查 on a bare draft: the refusal names what is missing and opens 文件信息 on the spot.
    assert not clerk.run_transition(Action.SUBMIT, ask=False)
    box = clerk.last_message
    assert isinstance(box, QMessageBox)
    assert "缺少成文日期、主题分类；信息名称应为文件全称" in box.text()
    box.grab().save(str(tmp_path / "refusal.png"))

    def fill() -> None:
        dialog = clerk.last_dialog
        dialog.title.setText("关于做好冬季供暖保障工作的通知")
        dialog.category.setCurrentText(DEMO_CATEGORY)
        dialog.has_date.setChecked(True)
        dialog.written_on.setDate(QDate(2026, 11, 20))
        dialog.accept()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(clerk.checks_finished, timeout=60_000):  # a new 成文日期 is checked again
        box.defaultButton().click()
    assert clerk.run_transition(Action.SUBMIT, ask=False)

    reviewer = _window(qtbot, desk_app, workspace, "reviewer")
    reviewer.table.selectRow(reviewer.model.row_of(doc_id) or 0)
    assert reviewer.current_id == doc_id
    with qtbot.waitSignal(reviewer.approval_finished, timeout=60_000) as approved:
        reviewer.approve_current(Conclusion.DISCLOSE, "同意公开", ask=False)
    assert approved.args == [True]

    publisher = _window(qtbot, desk_app, workspace, "publisher")
    publisher.table.selectRow(publisher.model.row_of(doc_id) or 0)
    assert publisher.current_id == doc_id

    def publish() -> None:
        dialog = publisher.last_dialog
        assert isinstance(dialog, PublishDialog) and dialog.run_lint()
        publisher_name = dialog.publisher.text()
        dialog.publisher.clear()  # required: 发布 waits for it
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.publisher.setText(publisher_name)
        dialog.category.setCurrentIndex(dialog.category.findData("综合政务\\电子政务"))
        dialog.summary.setPlainText("供暖保障工作安排")
        dialog.grab().save(str(tmp_path / "publish.png"))
        dialog.accept()

    QTimer.singleShot(0, publish)
    index_no = publisher.publish_current()
    assert index_no
    with workspace.db.read() as s:
        entry = s.scalars(select(CatalogEntry).where(CatalogEntry.index_no == index_no)).one()
        assert entry.category == "综合政务\\电子政务" and entry.summary == "供暖保障工作安排"
        assert s.get_one(Document, doc_id).status == Status.PUBLISHED
