"""A department's own sign-off chain on its 保密审查单: set by its administrator (audited), printed on
records made from then on; other departments keep the default; a clerk cannot change it."""

from __future__ import annotations

import datetime as dt
import json

import pymupdf
from sqlalchemy import select

from app import cli, documents, users
from app.db.models import AuditEvent, Department, Review, User
from app.documents import load_blob
from app.roles import Role
from tests.conftest import PASSWORD, approve_clean, desk_args, submit_draft

OWN = ("经办人", "科室负责人", "保密审查员", "主要负责人")


def _cli(workspace, capsys, login: str, *args: str) -> tuple[int, str]:
    code = cli.run([*desk_args(workspace), "--user", login, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _approved_record_text(workspace, tmp_path, clerk_id: int, reviewer_id: int, title: str) -> str:
    path = tmp_path / f"{title}.txt"
    path.write_text(f"{title}\n\n各有关单位：\n请做好相关工作。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, clerk_id, path)
    with workspace.db.write() as s:
        clerk = s.get_one(User, clerk_id)
        documents.update_metadata(s, clerk, doc_id, None, title=title, written_on=dt.date(2026, 11, 10))
        submit_draft(s, clerk, doc_id)
    approve_clean(workspace, reviewer_id, doc_id)
    with workspace.db.read() as s:
        review = s.scalars(select(Review).where(Review.document_id == doc_id)).one()
        with pymupdf.open("pdf", load_blob(s, review.record_sha256)) as record:
            return "".join("".join(page.get_text() for page in record).split())


def test_a_departments_chain_is_printed_on_its_records_and_only_its_admin_sets_it(
    workspace, people, capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    code, said = _cli(workspace, capsys, "clerk", "signoff", "set", *OWN)
    assert code == 2 and "只有本部门的系统管理员" in said
    code, said = _cli(workspace, capsys, "admin", "signoff", "show")
    assert code == 0 and said.strip() == "经办人 → 科室负责人 → 保密审查员 → 分管领导（默认）"
    code, said = _cli(
        workspace, capsys, "admin", "signoff", "set", "经办人", "科室负责人", "保密审查员", "保密审查员"
    )
    assert code == 2 and "签批环节重复：保密审查员" in said
    code, said = _cli(workspace, capsys, "admin", "signoff", "set", *OWN)
    assert code == 0 and "主要负责人" in said
    code, said = _cli(workspace, capsys, "reviewer", "signoff", "show")
    assert said.strip() == " → ".join(OWN)
    with workspace.db.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "sign_off.update")).one()
        detail = json.loads(event.detail)
        assert event.actor_login == "admin" and detail["after"]["steps"] == list(OWN)
        assert detail["before"]["steps"][-1] == "分管领导"

    own = _approved_record_text(
        workspace, tmp_path, people.clerk, people.reviewer, "关于做好冬季供暖保障工作的通知"
    )
    steps = own[own.index("四、审批签字") :]  # the sign-off table, in order, with the names the desk knows
    assert "分管领导" not in own
    assert steps.index("经办人经办甲") < steps.index("科室负责人") < steps.index("保密审查员审查丙")
    assert steps.index("保密审查员审查丙") < steps.index("主要负责人")

    with workspace.db.write() as s:
        other = s.scalars(select(Department).where(Department.name == "测试市财政局")).one()
        other_clerk = users.create_user(
            s, s.get_one(User, people.admin), login="fclerk", display_name="财政经办", password=PASSWORD,
            roles=[Role.CLERK], department=other,
        ).id  # fmt: skip
    default = _approved_record_text(
        workspace, tmp_path, other_clerk, people.outsider_reviewer, "关于预算公开的通知"
    )
    steps = default[default.index("四、审批签字") :]
    assert steps.index("科室负责人") < steps.index("保密审查员") < steps.index("分管领导")
    assert "主要负责人" not in default


def test_admin_sets_the_chain_in_catalog_settings_and_a_clerk_is_refused(workspace, people, qtbot, desk_app):
    from app import sign_off
    from app.ui.catalog_settings import CatalogSettingsDialog

    dialog = CatalogSettingsDialog(workspace.db, people.admin)
    qtbot.addWidget(dialog)
    assert dialog.sign_off.text() == "经办人 → 科室负责人 → 保密审查员 → 分管领导"
    dialog.sign_off.setText("经办人、科室负责人、保密审查员、主要负责人")
    dialog.show()
    assert dialog.save_sign_off()
    dialog.grab().save("/tmp/sign_off_dialog.png")
    assert dialog.sign_off.text() == " → ".join(OWN) and "已保存" in dialog.error.text()
    as_clerk = CatalogSettingsDialog(workspace.db, people.clerk)
    qtbot.addWidget(as_clerk)
    as_clerk.sign_off.setText("经办人")
    assert not as_clerk.save_sign_off() and "只有本部门的系统管理员" in as_clerk.error.text()
    with workspace.db.read() as s:
        assert sign_off.chain(s, s.get_one(User, people.admin).department_id) == OWN
