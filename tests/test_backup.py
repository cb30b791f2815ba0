"""Backup while the desk is in use, and restore into a fresh data directory."""

from __future__ import annotations

import hashlib
import threading

import pytest
from sqlalchemy import select

from app import audit, documents
from app.backup import backup, copy_sqlite, restore
from app.db.models import AuditEvent, Blob, Document, User
from app.errors import AuthenticationFailed, PermissionDenied
from app.workspace import Workspace
from tests.conftest import PASSWORD, approved_document, sqlite_only
from tests.test_cli import demo_desk, desk, desk_here


def snapshot(workspace: Workspace) -> dict[str, object]:
    with workspace.db.read() as s:
        return {
            "documents": [
                (d.id, d.title, d.status, d.version)
                for d in s.scalars(select(Document).order_by(Document.id))
            ],
            "blobs": {
                b.sha256: hashlib.sha256(documents.load_blob(s, b.sha256)).hexdigest()
                for b in s.scalars(select(Blob))
            },
            "audit": audit.verify(s),
        }


def test_backup_while_in_use_restores_the_same_desk(workspace, people, sample_files, tmp_path):
    sqlite_only(
        workspace,
        "the embedded database's backup; a shared PostgreSQL database is backed up with pg_dump, which the desk says (test_backup_on_postgresql_points_to_pg_dump)",
    )
    approved_document(workspace, people, sample_files["clean"])
    documents.import_file(workspace.db, people.clerk, sample_files["docx"])
    before = snapshot(workspace)

    # Someone keeps working while the backup runs: their writes land before or after it, never half.
    stop = threading.Event()

    def keep_importing() -> None:
        while not stop.is_set():
            documents.import_file(workspace.db, people.clerk, sample_files["txt"])

    worker = threading.Thread(target=keep_importing)
    worker.start()
    try:
        info = backup(workspace.db, people.admin, tmp_path / "desk-backup.sqlite3")
    finally:
        stop.set()
        worker.join()
    assert info.size > 0 and info.revision

    fresh = tmp_path / "fresh"
    restored_db = fresh / "desk.sqlite3"
    restore(info.path, restored_db, fresh / "backups", "admin", PASSWORD)
    again = Workspace.open(fresh)
    try:
        after = snapshot(again)
        assert after["documents"][: len(before["documents"])] == before["documents"]
        assert set(before["blobs"].items()) <= set(after["blobs"].items())
        count, problems = after["audit"]
        assert problems == [] and count >= before["audit"][0]  # the whole audit chain came along intact
        with again.db.read() as s:
            assert s.scalar(select(User.login).where(User.id == people.reviewer)) == "reviewer"
            # Who restored it, from what, is in the restored database's own audit trail.
            (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "database.restore"))
            assert event.actor_login == "admin" and info.sha256 in event.detail
    finally:
        again.close()


def test_restore_refuses_what_is_not_a_backup_and_keeps_what_it_replaces(workspace, people, tmp_path):
    sqlite_only(
        workspace,
        "the embedded database's backup; a shared PostgreSQL database is backed up with pg_dump, which the desk says (test_backup_on_postgresql_points_to_pg_dump)",
    )
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        backup(workspace.db, people.clerk, tmp_path / "b.sqlite3")
    assert not (tmp_path / "b.sqlite3").exists()
    info = backup(workspace.db, people.admin, tmp_path / "b.sqlite3")
    with workspace.db.read() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "database.backup")).one()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(Exception, match="不是完好的审发台数据库备份"):
        restore(junk, tmp_path / "x.sqlite3", tmp_path / "backups", "admin", PASSWORD)
    target = tmp_path / "other" / "desk.sqlite3"
    target.parent.mkdir()
    copy_sqlite(info.path, target)  # a desk of its own, with its own administrator
    with pytest.raises(Exception, match="已有数据库"):
        restore(info.path, target, tmp_path / "backups", "admin", PASSWORD)
    with pytest.raises(AuthenticationFailed):
        restore(info.path, target, tmp_path / "backups", "admin", "wrong", force=True)
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        restore(info.path, target, tmp_path / "backups", "clerk", PASSWORD, force=True)
    kept = restore(info.path, target, tmp_path / "backups", "admin", PASSWORD, force=True)
    assert kept is not None and kept.exists()


def test_backup_and_restore_commands(tmp_path, migrated_sqlite):
    data = demo_desk(tmp_path / "d", migrated_sqlite)
    out = tmp_path / "backup.sqlite3"
    r = desk_here(data, "--user", "admin", "backup", str(out), password="demo-2026")
    assert r.returncode == 0 and "已备份" in r.stdout, r.stderr
    r = desk_here(data, "--user", "clerk", "backup", str(out), password="demo-2026")
    assert r.returncode == 2 and "系统管理员" in r.stderr
    fresh = tmp_path / "fresh"
    r = desk_here(fresh, "restore", str(out))
    assert r.returncode == 2 and "--user" in r.stderr  # no sign-in, no restore
    # A real process restores into the fresh data directory; the other steps run in-process.
    r = desk(fresh, "--user", "admin", "restore", str(out), password="demo-2026")
    assert r.returncode == 0, r.stderr
    listing = ["--user", "clerk", "list", "--format", "json"]
    r = desk_here(fresh, *listing, password="demo-2026")
    assert r.returncode == 0 and r.stdout == desk_here(data, *listing, password="demo-2026").stdout
    r = desk_here(fresh, "--user", "admin", "restore", str(out), password="demo-2026")
    assert r.returncode == 2 and "已有数据库" in r.stderr
    r = desk_here(fresh, "--user", "clerk", "restore", str(out), "--force", password="demo-2026")
    assert r.returncode == 2 and "系统管理员" in r.stderr


def test_backup_on_postgresql_points_to_pg_dump(tmp_path, postgres):
    url = postgres.create_database()
    ws = Workspace.open(tmp_path / "data", url)
    try:
        with pytest.raises(Exception, match="pg_dump"):
            backup(ws.db, 1, tmp_path / "b.sqlite3")
    finally:
        ws.close()
        postgres.drop_database(url)
