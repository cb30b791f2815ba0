"""Tampering the audit trail must see (issue 15): state changed by SQL, a substituted file, a
recomputed chain, a truncated tail — each done here with SQL on the real database, the way an
attacker with database access would, and each named by `audit verify` and refused by the desk."""

from __future__ import annotations

import hashlib
import json
import os
import stat

import pytest
from sqlalchemy import select, text

from app import audit, audit_anchor, documents
from app.catalog import publish_to_catalog, withdraw
from app.cli import run
from app.db.models import AuditEvent, Document, Review, User
from app.db.models import Release as ReleaseRow
from app.errors import ConflictError, PermissionDenied
from app.roles import Status
from app.workflow import Action, perform
from app.workspace import Workspace
from publish.release import Release, ReleaseFile
from review.as_pdf import as_pdf
from review.formats import Kind
from tests.conftest import PASSWORD, approved_document, desk_args, submit_draft

TAMPERED = "审计记录已被篡改"


def _sql(workspace, *statements: str | tuple[str, dict]) -> None:
    """Runs SQL on the desk's database directly, outside the desk (no session, no audit)."""
    with workspace.db.engine.begin() as conn:
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, {})
            conn.execute(text(sql), params)


def _verify(workspace):
    with workspace.db.read() as s:
        return audit.verify(s)


def _kinds(workspace) -> set[str]:
    return {p.problem for p in _verify(workspace)[1]}


def _described(workspace) -> str:
    return "\n".join(p.describe() for p in _verify(workspace)[1])


def _recompute_chain(workspace) -> None:
    """What an attacker who knows the hash function does: renumber and rehash every event, and the head."""
    with workspace.db.engine.begin() as conn:
        rows = conn.execute(
            text("SELECT id, at, actor_login, action, document_id, detail FROM audit_events ORDER BY id")
        ).all()
        conn.execute(text("DELETE FROM audit_events"))
        prev = audit.GENESIS_HASH
        for new_id, row in enumerate(rows, start=1):
            digest = audit.event_hash(
                new_id, row.at, row.actor_login, row.action, row.document_id, row.detail, prev
            )
            conn.execute(
                text(
                    "INSERT INTO audit_events (id, at, actor_login, action, document_id, detail, prev_hash, hash) "
                    "VALUES (:id, :at, :actor, :action, :doc, :detail, :prev, :hash)"
                ),
                {
                    "id": new_id,
                    "at": row.at,
                    "actor": row.actor_login,
                    "action": row.action,
                    "doc": row.document_id,
                    "detail": row.detail,
                    "prev": prev,
                    "hash": digest,
                },
            )
            prev = digest
        conn.execute(
            text("UPDATE audit_head SET last_id = :id, last_hash = :hash"), {"id": len(rows), "hash": prev}
        )


def _clean_published(workspace, people, sample_files) -> tuple[int, str]:
    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    return doc_id, entry.index_no


# -- the examples ------------------------------------------------------------------------


def test_a_returned_document_approved_and_retitled_by_sql_is_named_and_not_published(
    workspace, people, sample_files
):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    with workspace.db.write() as s:
        perform(
            s, s.get_one(User, people.reviewer), doc_id, Action.RETURN, expected_version=None, reason="需修改"
        )
    _sql(
        workspace,
        (
            "UPDATE documents SET status = 'approved', title = '李明违纪处理通报' WHERE id = :id",
            {"id": doc_id},
        ),
    )
    # The desk refuses to act on a document whose state is not what its audit trail says...
    with pytest.raises(audit.AuditTampered, match="审发台之外被改动") as refused:
        publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    assert "状态" in str(refused.value) and "目录信息" in str(refused.value)
    with workspace.db.read() as s:
        assert s.get_one(Document, doc_id).status == Status.APPROVED  # nothing was published
    # ...and the audit names it.
    (problem,) = [p for p in _verify(workspace)[1] if p.problem == "state"]
    assert f"#{doc_id}" in problem.describe() and "李明违纪处理通报" in problem.describe()
    assert "状态" in problem.describe() and "目录信息" in problem.describe()


def test_an_unredacted_pdf_substituted_with_every_hash_updated_is_named(workspace, people, sample_files):
    doc_id, index_no = _clean_published(workspace, people, sample_files)
    unredacted = as_pdf("通报.txt", "李明（身份证号110101199003071233）违纪处理通报".encode(), Kind.TEXT)
    sha = hashlib.sha256(unredacted).hexdigest()
    with workspace.db.read() as s:
        old = s.scalars(select(Review).where(Review.document_id == doc_id)).one().published_sha256
        row = s.scalars(select(ReleaseRow).where(ReleaseRow.document_id == doc_id)).one()
        release = Release.from_canonical(row.body.encode("utf-8"), row.sha256)
    files = tuple(
        ReleaseFile(f.role, f.name, sha, f.media_type, len(unredacted)) if f.sha256 == old else f
        for f in release.files
    )
    forged = Release(**{**release.__dict__, "files": files})
    # A new blob, and every hash that names the published file moved to it, release included.
    _sql(
        workspace,
        (
            "INSERT INTO blobs (sha256, size, data, created_at) VALUES (:sha, :size, :data, CURRENT_TIMESTAMP)",
            {"sha": sha, "size": len(unredacted), "data": unredacted},
        ),
        ("UPDATE document_files SET blob_sha256 = :new WHERE blob_sha256 = :old", {"new": sha, "old": old}),
        (
            "UPDATE reviews SET published_sha256 = :new WHERE published_sha256 = :old",
            {"new": sha, "old": old},
        ),
        (
            "UPDATE releases SET sha256 = :new, body = :body WHERE id = :id",
            {"new": forged.sha256, "body": forged.canonical().decode("utf-8"), "id": row.id},
        ),
        (
            "UPDATE catalog_entries SET published_sha256 = :sha, release_sha256 = :rel WHERE index_no = :no",
            {"sha": sha, "rel": forged.sha256, "no": index_no},
        ),
    )
    problems = [p for p in _verify(workspace)[1] if p.problem == "state"]
    assert len(problems) == 1 and f"#{doc_id}" in problems[0].describe()
    for part in ("文件", "审查结论", "发布内容", "目录条目"):
        assert part in problems[0].describe()


def test_blob_bytes_swapped_under_the_same_hash_are_named(workspace, people, sample_files):
    doc_id, _ = _clean_published(workspace, people, sample_files)
    with workspace.db.read() as s:
        sha = s.scalars(select(Review).where(Review.document_id == doc_id)).one().published_sha256
    unredacted = as_pdf("通报.txt", "李明（身份证号110101199003071233）".encode(), Kind.TEXT)
    _sql(workspace, ("UPDATE blobs SET data = :data WHERE sha256 = :sha", {"data": unredacted, "sha": sha}))
    problems = _verify(workspace)[1]
    assert [p.problem for p in problems] == ["blob"]
    assert sha[:12] in problems[0].describe() and "被替换" in problems[0].describe()


def test_a_chain_recomputed_after_deleting_an_event_is_found_by_the_checkpoint(
    workspace, people, sample_files
):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    assert _verify(workspace)[1] == []
    with workspace.db.read() as s:
        submit = s.scalars(
            select(AuditEvent).where(AuditEvent.document_id == doc_id, AuditEvent.action == "document.submit")
        ).one()
    _sql(workspace, ("DELETE FROM audit_events WHERE id = :id", {"id": submit.id}))
    _recompute_chain(workspace)
    assert "checkpoint_truncated" in _kinds(workspace)  # the chain itself is whole again
    assert "删减后重新计算" in _described(workspace)
    # And the desk writes nothing more on it.
    with pytest.raises(audit.AuditTampered, match=TAMPERED):
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])


def test_a_chain_recomputed_after_editing_an_event_is_found_by_the_checkpoint(
    workspace, people, sample_files
):
    """The approval made to look like the clerk's own, the chain recomputed over it: same length."""
    approved_document(workspace, people, sample_files["clean"])
    _sql(workspace, "UPDATE audit_events SET actor_login = 'clerk' WHERE action = 'document.approve'")
    _recompute_chain(workspace)
    assert "checkpoint_rewritten" in _kinds(workspace)
    assert "被改写" in _described(workspace)
    with pytest.raises(audit.AuditTampered, match="被改写"):
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])


def test_a_tail_truncated_with_audit_head_is_found_and_writes_say_tampered(workspace, people, sample_files):
    approved_document(workspace, people, sample_files["clean"])
    with workspace.db.read() as s:
        last = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        keep = s.get_one(AuditEvent, last - 3)
    _sql(
        workspace,
        ("DELETE FROM audit_events WHERE id > :id", {"id": keep.id}),
        ("UPDATE audit_head SET last_id = :id, last_hash = :hash", {"id": keep.id, "hash": keep.hash}),
    )
    assert "checkpoint_truncated" in _kinds(workspace)
    assert f"#{last}" in _described(workspace)
    with pytest.raises(audit.AuditTampered, match=TAMPERED) as refused:
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])
    assert not isinstance(refused.value, ConflictError) and "同时修改" not in str(refused.value)


def test_a_tail_truncated_with_audit_head_deleted_is_tampering_not_a_conflict(
    workspace, people, sample_files
):
    approved_document(workspace, people, sample_files["clean"])
    _sql(workspace, "DELETE FROM audit_events WHERE id > 5", "DELETE FROM audit_head")
    with pytest.raises(audit.AuditTampered, match=TAMPERED) as refused:
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])
    assert "audit_head" in str(refused.value) and "同时修改" not in str(refused.value)
    assert {"head_missing", "checkpoint_truncated"} <= _kinds(workspace)


def test_audit_head_behind_the_events_is_tampering(workspace, people, sample_files):
    approved_document(workspace, people, sample_files["clean"])
    _sql(workspace, "UPDATE audit_head SET last_id = last_id - 1")
    with pytest.raises(audit.AuditTampered, match=TAMPERED):
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])


def _launder_retitled(workspace, people, sample_files, actor: str, seal: str | None) -> None:
    """A document retitled by SQL, then an event appended by SQL that records the tampered state
    as the desk's own (with `seal`, or none), the chain and its head recomputed to match."""
    doc_id = approved_document(workspace, people, sample_files["clean"])
    _sql(workspace, ("UPDATE documents SET title = '李明违纪处理通报' WHERE id = :id", {"id": doc_id}))
    with workspace.db.read() as s:
        state = audit.subject_states(s, [doc_id])
        head = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    detail = audit.canonical_json({"state": state})
    at = "2026-12-01T00:00:00.000000+00:00"
    digest = audit.event_hash(head.id + 1, at, actor, "document.edit", doc_id, detail, head.hash)
    _sql(
        workspace,
        (
            "INSERT INTO audit_events (id, at, actor_login, action, document_id, detail, prev_hash, hash, seal) "
            "VALUES (:id, :at, :actor, 'document.edit', :doc, :detail, :prev, :hash, :seal)",
            {
                "id": head.id + 1,
                "at": at,
                "actor": actor,
                "doc": doc_id,
                "detail": detail,
                "prev": head.hash,
                "hash": digest,
                "seal": seal,
            },
        ),
        ("UPDATE audit_head SET last_id = :id, last_hash = :hash", {"id": head.id + 1, "hash": digest}),
    )


def test_an_event_appended_by_sql_to_launder_a_change_is_found(workspace, people, sample_files):
    """An attacker who can recompute a chain can also append to it: an event saying the tampered
    state is the desk's own. It carries no seal of this machine's key."""
    _launder_retitled(workspace, people, sample_files, "reviewer", seal=None)
    assert "unsealed" in _kinds(workspace)
    with pytest.raises(audit.AuditTampered, match=TAMPERED):
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])


def test_a_release_body_edited_by_sql_is_named(workspace, people, sample_files):
    doc_id, index_no = _clean_published(workspace, people, sample_files)
    with workspace.db.read() as s:
        row = s.scalars(select(ReleaseRow).where(ReleaseRow.document_id == doc_id)).one()
    body = row.body.replace(json.loads(row.body)["title"], "李明违纪处理通报")
    _sql(
        workspace,
        ("UPDATE releases SET body = :body WHERE id = :id", {"body": body, "id": row.id}),
        ("UPDATE catalog_entries SET title = '李明违纪处理通报' WHERE index_no = :no", {"no": index_no}),
    )
    kinds = _kinds(workspace)
    assert {"release_body", "state"} <= kinds
    assert row.sha256[:12] in _described(workspace)


def test_a_document_inserted_by_sql_is_named(workspace, people, sample_files):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    _sql(
        workspace,
        (
            "INSERT INTO documents (title, doc_number, doc_type, category, department_id, disclosure, normative, "
            "rule, needs_interpretation, summary, status, status_reason, version, created_by_id, created_at, "
            "updated_at) SELECT '伪造的文件', doc_number, doc_type, category, department_id, disclosure, normative, "
            "rule, needs_interpretation, summary, 'approved', '', 1, created_by_id, created_at, updated_at "
            "FROM documents WHERE id = :id",
            {"id": doc_id},
        ),
    )
    problems = [p for p in _verify(workspace)[1] if p.problem == "untracked"]
    assert len(problems) == 1 and "伪造的文件" in problems[0].describe()


# -- the checkpoint itself -----------------------------------------------------------------------


def test_the_checkpoint_and_its_key_live_outside_the_database_owner_only(workspace, people, sample_files):
    approved_document(workspace, people, sample_files["clean"])
    anchor = audit_anchor.for_database(workspace.db)
    assert anchor is not None and anchor.path.parent.parent == workspace.paths.data_dir
    assert stat.S_IMODE(anchor.folder.stat().st_mode) == 0o700
    for path in (anchor.path, anchor.key_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with workspace.db.read() as s:
        head = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    checkpoint = anchor.read()
    assert checkpoint is not None and (checkpoint.last_id, checkpoint.last_hash) == (head.id, head.hash)
    key = anchor.key_path.read_bytes().strip()
    with workspace.db.engine.connect() as conn:
        for table in ("audit_events", "audit_head"):
            dump = " ".join(str(r) for r in conn.execute(text(f"SELECT * FROM {table}")))
            assert key.decode() not in dump


def test_an_altered_checkpoint_file_is_named_and_refuses_writes(workspace, people, sample_files):
    approved_document(workspace, people, sample_files["clean"])
    anchor = audit_anchor.for_database(workspace.db)
    data = json.loads(anchor.path.read_text(encoding="utf-8"))
    (entry,) = data["databases"].values()
    entry["last_id"] -= 2  # to hide a truncation of two events
    anchor.path.write_text(json.dumps(data), encoding="utf-8")
    assert "checkpoint_altered" in _kinds(workspace)
    with pytest.raises(audit.AuditTampered, match="检查点"):
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])


def test_a_deleted_checkpoint_file_is_named(workspace, people, sample_files):
    approved_document(workspace, people, sample_files["clean"])
    audit_anchor.for_database(workspace.db).path.unlink()
    assert "checkpoint_missing" in _kinds(workspace)


def test_a_crash_between_commit_and_checkpoint_is_not_tampering(workspace, people, sample_files, monkeypatch):
    approved_document(workspace, people, sample_files["clean"])
    anchor = audit_anchor.for_database(workspace.db)
    before = anchor.read()

    def crash(*_args, **_kwargs):
        raise OSError("power lost")

    monkeypatch.setattr(audit_anchor.Anchor, "advance", crash)
    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["txt"])  # committed
    assert anchor.read() == before  # the checkpoint lags behind the database
    assert _verify(workspace)[1] == []
    monkeypatch.undo()
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    assert anchor.read().last_id > before.last_id and _verify(workspace)[1] == []


def test_each_machine_on_a_shared_database_keeps_its_own_checkpoint(
    workspace, people, sample_files, tmp_path
):
    """A second desk (another computer: its own data directory) on the same database."""
    other = Workspace.open(tmp_path / "machine-b", workspace.db.url.render_as_string(hide_password=False))
    try:
        approved_document(workspace, people, sample_files["clean"])
        documents.import_file(other.db, people.clerk, sample_files["txt"])
        documents.import_file(workspace.db, people.clerk, sample_files["docx"])
        documents.import_file(other.db, people.clerk, sample_files["pdf"])
        mine, theirs = audit_anchor.for_database(workspace.db), audit_anchor.for_database(other.db)
        assert mine.key_path != theirs.key_path and mine.read().last_id < theirs.read().last_id
        for desk in (workspace, other):
            assert _verify(desk)[1] == []
        with other.db.read() as s:
            last = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
            keep = s.get_one(AuditEvent, last - 1)
        _sql(
            workspace,
            ("DELETE FROM audit_events WHERE id > :id", {"id": keep.id}),
            ("UPDATE audit_head SET last_id = :id, last_hash = :hash", {"id": keep.id, "hash": keep.hash}),
        )
        # Machine B saw the last event: for it the tail is gone. Machine A never saw it.
        assert "checkpoint_truncated" in _kinds(other)
        assert "checkpoint_truncated" not in _kinds(workspace)
    finally:
        other.close()


def test_the_desks_own_work_leaves_the_audit_intact_and_adds_no_events(workspace, people, sample_files):
    doc_id, index_no = _clean_published(workspace, people, sample_files)
    withdraw(workspace.db, people.publisher, index_no, "内容有误")
    with workspace.db.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.document_id == doc_id)))
        last = s.scalars(
            select(AuditEvent).where(AuditEvent.document_id == doc_id).order_by(AuditEvent.id.desc()).limit(1)
        ).one()
    assert "document.state" not in actions
    assert f"document:{doc_id}" in json.loads(last.detail)["state"]
    assert _verify(workspace)[1] == []


def test_an_administrator_accepts_the_state_after_an_investigation(workspace, people, sample_files):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    with workspace.db.read() as s:
        last = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        keep = s.get_one(AuditEvent, last - 2)
    _sql(
        workspace,
        ("UPDATE documents SET summary = '调查后保留的改动' WHERE id = :id", {"id": doc_id}),
        ("DELETE FROM audit_events WHERE id > :id", {"id": keep.id}),
        ("UPDATE audit_head SET last_id = :id, last_hash = :hash", {"id": keep.id, "hash": keep.hash}),
    )
    with pytest.raises(PermissionDenied):
        audit.accept(workspace.db, people.clerk, "调查结论")
    accepted = audit.accept(workspace.db, people.admin, "经调查，链尾在服务器故障中丢失")
    assert {"checkpoint_truncated", "state"} <= {p.problem for p in accepted}
    assert _verify(workspace)[1] == []
    with workspace.db.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "audit.accept")).one()
        assert "服务器故障" in event.detail and event.actor_login == "admin"
    documents.import_file(workspace.db, people.clerk, sample_files["txt"])  # the desk works again


def test_restoring_a_backup_moves_the_checkpoint_back_with_it(workspace, people, sample_files, tmp_path):
    from app.backup import backup, restore
    from tests.conftest import sqlite_only

    sqlite_only(workspace, "restoring the embedded database's file")
    approved_document(workspace, people, sample_files["clean"])
    info = backup(workspace.db, people.admin, tmp_path / "b.sqlite3")
    documents.import_file(workspace.db, people.clerk, sample_files["txt"])  # after the backup
    database = workspace.paths.database
    workspace.close()
    restore(info.path, database, workspace.paths.backups_dir, "admin", PASSWORD, force=True)
    again = Workspace.open(workspace.paths.data_dir)
    try:
        assert _verify(again)[1] == []
        documents.import_file(again.db, people.clerk, sample_files["docx"])
        assert _verify(again)[1] == []
    finally:
        again.close()


def test_cli_audit_verify_and_accept(workspace, people, sample_files, capsys, monkeypatch):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    assert run([*desk_args(workspace), "audit", "verify"]) == 0
    assert "审计链完整" in capsys.readouterr().out
    _sql(workspace, ("UPDATE documents SET status = 'published' WHERE id = :id", {"id": doc_id}))
    assert run([*desk_args(workspace), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"#{doc_id}" in out and "审发台之外被改动" in out
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    assert run([*desk_args(workspace), "--user", "admin", "audit", "accept", "--reason", "已核实"]) == 0
    capsys.readouterr()
    assert run([*desk_args(workspace), "audit", "verify"]) == 0


def test_files_are_owner_only_even_with_a_loose_umask(workspace, people, sample_files):
    old = os.umask(0o002)
    try:
        approved_document(workspace, people, sample_files["clean"])
    finally:
        os.umask(old)
    anchor = audit_anchor.for_database(workspace.db)
    assert stat.S_IMODE(anchor.key_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(anchor.path.stat().st_mode) == 0o600


def test_seals_stripped_and_an_event_appended_are_found(workspace, people, sample_files):
    """Seals are not hashed: an attacker may strip them all, so that no event looks sealed, then
    append. The checkpoint's event must be sealed with this machine's key all the same."""
    doc_id = approved_document(workspace, people, sample_files["clean"])
    _sql(
        workspace,
        "UPDATE audit_events SET seal = NULL",
        ("UPDATE documents SET title = '李明违纪处理通报' WHERE id = :id", {"id": doc_id}),
    )
    assert "unsealed" in _kinds(workspace)
    with pytest.raises(audit.AuditTampered, match="不是审发台写入的"):
        documents.import_file(workspace.db, people.clerk, sample_files["txt"])


def test_an_event_sealed_with_a_made_up_key_is_shown_as_another_machines(
    workspace, people, sample_files, capsys
):
    """The limit of seals: on a shared database other machines seal with keys this one does not
    know, so an event appended with a made-up key — here one that launders a title edited by SQL —
    cannot be told from theirs. It is counted per key and shown, for the administrator to account
    for (each machine shows its own key's id)."""
    _launder_retitled(workspace, people, sample_files, "clerk", seal="0123456789abcdef:" + "0" * 64)
    with workspace.db.read() as s:
        report = audit.verify_report(s)
    assert report.problems == [] and report.foreign == {"0123456789abcdef": 1}
    assert run([*desk_args(workspace), "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert (
        "1 条审计事件由其他计算机写入（密钥 0123456789abcdef）" in out
        and f"本机审计密钥标识：{report.key_id}" in out
    )


def test_an_interpretations_media_attested_by_sql_is_named_and_blocks_approval(
    workspace, people, sample_files, tmp_path
):
    from app import interpretations
    from app.reviewing import Conclusion, approve
    from tests.test_interpretations import attach, draft, submit_and_check

    video = tmp_path / "解读.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8)
    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    interp_id = attach(workspace, people, doc_id, media=[interpretations.read_media(video)])
    submit_and_check(workspace, people, doc_id, interp_id)
    # The manual review of the video, skipped by SQL.
    _sql(
        workspace,
        (
            "UPDATE interpretation_media SET attested_by_id = :r, attested_at = '2099-01-01 00:00:00', "
            "attest_note = '已完整观看' WHERE interpretation_id = :i",
            {"r": people.reviewer, "i": interp_id},
        ),
    )
    (problem,) = _verify(workspace)[1]
    assert (
        problem.problem == "state"
        and f"#{interp_id}" in problem.describe()
        and "政策解读" in problem.describe()
    )
    with pytest.raises(audit.AuditTampered, match="政策解读"):
        approve(
            workspace.db,
            people.reviewer,
            doc_id,
            None,
            Conclusion.DISCLOSE,
            "同意",
            workspace.paths.cache_dir,
        )


def test_an_entry_from_a_transfer_package_edited_by_sql_is_named(
    workspace, people, sample_files, online, tmp_path
):
    from app.transfer import import_package
    from tests.test_transfer import export, offline_key, trust

    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    export(workspace, people, tmp_path / "package.zip")
    import_package(online.workspace.db, online.publisher, tmp_path / "package.zip")
    assert _verify(online.workspace)[1] == []
    _sql(
        online.workspace,
        ("UPDATE catalog_entries SET validity = 'repealed' WHERE index_no = :no", {"no": entry.index_no}),
    )
    (problem,) = _verify(online.workspace)[1]
    assert problem.problem == "state" and entry.index_no in problem.describe()
