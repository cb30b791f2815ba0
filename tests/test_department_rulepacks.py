"""A department's own 错敏/表述 rule packs (app.rulepacks), and the 成文日期 a check judged as of."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from sqlalchemy import select

from app import documents, rulepacks
from app.checking import check_document, judged_on_another_date, latest_run
from app.db.models import AuditEvent, User
from app.errors import PermissionDenied, ValidationFailed
from app.reviewing import Conclusion, approve
from tests.conftest import submit_draft
from tests.run_day import TODAY

LOCAL = (
    "错误写法,应为,类别,级别,例外,来源\n"
    "示例市政府办公厅,示例市人民政府办公室,机构名称,警告,,示例市机构改革方案（2019）\n"
)
SWITCH_OFF = "错误写法,应为,类别,级别,例外,来源\n按装,安装,错别字,停用,,\n"


def wording_hits(workspace, people, doc_id) -> list[tuple[str, str]]:
    check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)
    with workspace.db.read() as s:
        run = latest_run(s, doc_id)
        assert run is not None
        return [(f.text, f.message) for f in run.findings if f.rule_id.startswith("WORD-")]


def test_a_department_pack_is_merged_into_every_check_of_its_documents(workspace, people, tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("关于做好有关工作的通知\n请各单位将材料报送示例市政府办公厅。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    assert wording_hits(workspace, people, doc_id) == []
    with workspace.db.read() as s:
        shipped_version = latest_run(s, doc_id).rulepack_version

    with (
        workspace.db.write() as s,
        pytest.raises(PermissionDenied, match="保密审查员或系统管理员"),
    ):  # a clerk may not change what the checks look for
        rulepacks.save_rulepack(s, s.get_one(User, people.clerk), "本地机构.csv", LOCAL.encode())
    with workspace.db.write() as s:
        issues = rulepacks.save_rulepack(s, s.get_one(User, people.reviewer), "本地机构.csv", LOCAL.encode())
    assert issues == []

    ((text, message),) = wording_hits(workspace, people, doc_id)
    assert text == "示例市政府办公厅" and "示例市人民政府办公室" in message
    with workspace.db.read() as s:
        run = latest_run(s, doc_id)
        assert run.rulepack_version not in ("", shipped_version)
        assert run.rulepack_version == rulepacks.merged_version(
            s, s.get_one(User, people.clerk).department_id
        )
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "rulepack.update")).one()
        assert "本地机构.csv" in event.detail and shipped_version in event.detail

    # Only an administrator turns a shipped rule off, or takes the department's file away.
    with workspace.db.write() as s, pytest.raises(PermissionDenied, match="系统管理员"):
        rulepacks.save_rulepack(s, s.get_one(User, people.reviewer), "停用.csv", SWITCH_OFF.encode())
    with workspace.db.write() as s, pytest.raises(PermissionDenied, match="系统管理员"):
        rulepacks.remove_rulepack(s, s.get_one(User, people.reviewer), "本地机构.csv")
    with workspace.db.write() as s:
        rulepacks.remove_rulepack(s, s.get_one(User, people.admin), "本地机构.csv")
    assert wording_hits(workspace, people, doc_id) == []


def test_a_file_nothing_can_be_read_from_is_refused_and_bad_rows_are_named(workspace, people):
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        with pytest.raises(ValidationFailed, match="没有可用的规则"):
            rulepacks.save_rulepack(s, reviewer, "乱.csv", "甲,乙,丙\n1,2,3\n".encode())
        with pytest.raises(ValidationFailed, match="CSV"):
            rulepacks.save_rulepack(s, reviewer, "规则.xlsx", LOCAL.encode())
        issues = rulepacks.save_rulepack(
            s,
            reviewer,
            "领导.csv",
            "姓名,职务,起,止,来源\n张示例,示例市市长,2024-01-15,,公告\n李示例,示例市市长,明年,,公告\n".encode(),
        )
    assert [(i.file, i.line) for i in issues] == [("领导.csv", 3)]
    with workspace.db.read() as s:
        (stored,) = rulepacks.stored_packs(s, s.get_one(User, people.reviewer).department_id)
    assert (stored.name, stored.rows) == ("领导.csv", 1)


def test_a_changed_date_of_writing_is_checked_again_before_approval(workspace, people, tmp_path):
    """Checked on import (judged as of today), then dated 2020 by the clerk: 李克强 as 总理 was right then."""
    path = tmp_path / "通知.txt"
    path.write_text("关于做好有关工作的通知\n国务院总理李克强主持会议。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    assert [m for _, m in wording_hits(workspace, people, doc_id)]  # wrong as of today
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.update_metadata(
            s,
            clerk,
            doc_id,
            None,
            title="关于做好有关工作的通知",
            doc_type="通知",
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2020, 5, 1),
        )
        submit_draft(s, clerk, doc_id)
        assert judged_on_another_date(s, doc_id)
    with pytest.raises(PermissionDenied, match="成文日期在检查之后改为 2020-05-01") as refused:
        approve(
            workspace.db,
            people.reviewer,
            doc_id,
            None,
            Conclusion.DISCLOSE,
            "同意",
            workspace.paths.cache_dir,
        )
    assert TODAY.isoformat() in refused.value.message

    assert wording_hits(workspace, people, doc_id) == []  # checked again: right as of 2020
    with workspace.db.read() as s:
        assert not judged_on_another_date(s, doc_id)
    approve(
        workspace.db, people.reviewer, doc_id, None, Conclusion.DISCLOSE, "同意", workspace.paths.cache_dir
    )


def test_the_cli_imports_lists_exports_and_rechecks_after_a_new_date(tmp_path, migrated_sqlite):
    from tests.test_cli import demo_desk, desk, desk_here

    data = demo_desk(tmp_path / "d", migrated_sqlite)
    pack = tmp_path / "本地机构.csv"
    pack.write_text(LOCAL, encoding="utf-8")
    r = desk_here(data, "--user", "clerk", "rulepack", "import", str(pack), password="demo-2026")
    assert r.returncode == 2 and "保密审查员" in r.stderr
    r = desk_here(data, "--user", "reviewer", "rulepack", "import", str(pack), password="demo-2026")
    assert r.returncode == 0 and "已导入 1 个规则包" in r.stdout, r.stderr
    # A real process: the list as a user reads it; the other steps run in-process.
    r = desk(data, "--user", "reviewer", "rulepack", "list", password="demo-2026")
    assert "本地机构.csv\t1 条" in r.stdout and "合并后的规则版本" in r.stdout
    r = desk_here(
        data, "--user", "reviewer", "rulepack", "export", str(tmp_path / "out"), password="demo-2026"
    )
    assert (tmp_path / "out" / "本地机构.csv").read_text(encoding="utf-8") == LOCAL

    draft = tmp_path / "通知.txt"
    draft.write_text("关于做好有关工作的通知\n国务院总理李克强主持会议。\n", encoding="utf-8")
    r = desk_here(data, "--user", "clerk", "import", str(draft), password="demo-2026")
    doc_id = int(re.search(r"已导入 #(\d+)", r.stdout).group(1))
    r = desk_here(
        data, "--user", "clerk", "edit", str(doc_id), "--written-on", "2020-05-01", password="demo-2026"
    )
    assert r.returncode == 0 and "按新日期重新检查" in r.stdout and "保密检查：" in r.stdout, r.stderr


def test_the_rulepack_dialog_lists_imports_and_shows_a_file(qtbot, desk_app, workspace, people, tmp_path):
    from app.ui.rulepack_dialog import RulePackDialog

    pack = tmp_path / "本地机构.csv"
    pack.write_text(LOCAL, encoding="utf-8")
    bad = tmp_path / "乱.csv"
    bad.write_text("甲,乙\n1,2\n", encoding="utf-8")
    dialog = RulePackDialog(workspace.db, people.reviewer)
    qtbot.addWidget(dialog)
    assert not dialog.remove_button.isEnabled()  # a reviewer adds; an administrator removes
    dialog.choose_import = lambda: [str(bad)]
    dialog.import_files()
    assert "没有可用的规则" in dialog.messages.text() and dialog.table.rowCount() == 0
    dialog.choose_import = lambda: [str(pack)]
    dialog.import_files()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "本地机构.csv"
    dialog.table.selectRow(0)
    assert "示例市政府办公厅" in dialog.preview.toPlainText()
    dialog.show()
    dialog.grab().save(str(tmp_path / "rulepacks.png"))
    if os.environ.get("DESK_SCREENSHOTS"):
        dialog.grab().save(os.environ["DESK_SCREENSHOTS"] + "/rulepacks.png")
