from __future__ import annotations

import json

from sqlalchemy import delete, func, select, text, update

from app import audit, documents
from app.cli import run
from app.db.models import AuditEvent, User
from tests.conftest import approve_clean, desk_args, submit_draft


def _make_history(workspace, people, sample_files) -> int:
    doc = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc)
    approve_clean(workspace, people.reviewer, doc)
    return doc


def _verify(workspace):
    with workspace.db.read() as s:
        return audit.verify(s)


def _problems(workspace):
    return {(p.event_id, p.problem) for p in _verify(workspace)[1]}


def test_every_action_is_recorded_with_before_and_after(workspace, people, sample_files):
    doc = _make_history(workspace, people, sample_files)
    with workspace.db.read() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.document_id == doc).order_by(AuditEvent.id)
        ).all()
    assert [(e.action, e.actor_login) for e in events] == [
        ("document.import", "clerk"),
        ("document.edit", "clerk"),  # 文件信息 completed for submission
        ("document.submit", "clerk"),
        ("document.check", "system"),
        ("release.freeze", "reviewer"),
        ("document.approve", "reviewer"),
        ("document.review", "reviewer"),
    ]
    approve = json.loads(events[-2].detail)
    assert approve["before"] == {"status": "pending_review"} and approve["after"] == {"status": "approved"}
    count, problems = _verify(workspace)
    with workspace.db.read() as s:
        total = s.scalar(select(func.count()).select_from(AuditEvent))
    assert problems == [] and count == total > len(events)  # + departments, users, categories


def test_a_changed_row_is_named(workspace, people, sample_files):
    _make_history(workspace, people, sample_files)
    with workspace.db.write() as s:
        target = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.approve")).one()
        s.execute(update(AuditEvent).where(AuditEvent.id == target.id).values(actor_login="clerk"))
    assert _problems(workspace) == {(target.id, "modified")}


def test_a_deleted_row_is_named(workspace, people, sample_files):
    _make_history(workspace, people, sample_files)
    with workspace.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id == 5))
    problems = _problems(workspace)
    assert (5, "missing") in problems and (6, "relinked") in problems


def test_an_inserted_row_is_found(workspace, people, sample_files):
    _make_history(workspace, people, sample_files)
    with workspace.db.write() as s:
        # Make room by shifting the tail up one, then insert a forged event in the gap.
        last = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        for event_id in range(last, 4, -1):
            s.execute(update(AuditEvent).where(AuditEvent.id == event_id).values(id=event_id + 1))
        s.execute(
            text(
                "INSERT INTO audit_events (id, at, actor_login, action, document_id, detail, prev_hash, hash) "
                "VALUES (5, '2026-01-01T00:00:00+00:00', 'reviewer', 'document.approve', 1, '{}', 'x', 'y')"
            )
        )
    problems = _problems(workspace)
    assert (5, "relinked") in problems or (5, "modified") in problems


def test_a_deleted_tail_is_found(workspace, people, sample_files):
    _make_history(workspace, people, sample_files)
    with workspace.db.write() as s:
        last = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        s.execute(delete(AuditEvent).where(AuditEvent.id == last))
    problems = _problems(workspace)
    # The head row and this machine's checkpoint both still name it; and the document's state is
    # no longer the one its (now) last event recorded.
    assert {(last, "truncated"), (last, "checkpoint_truncated")} <= problems
    assert {kind for _, kind in problems} == {"truncated", "checkpoint_truncated", "state"}


def test_cli_audit_verify_exit_codes(workspace, people, sample_files, capsys):
    _make_history(workspace, people, sample_files)
    assert run([*desk_args(workspace), "audit", "verify"]) == 0
    assert "审计链完整" in capsys.readouterr().out
    with workspace.db.write() as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == 3).values(detail='{"forged":true}'))
    assert run([*desk_args(workspace), "audit", "verify"]) == 1
    assert "审计事件 #3 的内容与其哈希不符" in capsys.readouterr().out
