"""Data directory, settings, migrations and backups, and two desks on one SQLite file."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from app import users
from app.db import migrate
from app.db.database import Database
from app.db.models import Base, Department
from app.errors import DatabaseUnavailable
from app.paths import DATA_DIR_ENV, Paths
from app.settings import Settings
from app.workspace import Workspace
from tests.conftest import sqlite_only


def test_data_dir_override_order(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert Paths.resolve().data_dir == tmp_path / "env"
    assert Paths.resolve(tmp_path / "flag").data_dir == tmp_path / "flag"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert "DisclosureDesk" in str(Paths.resolve().data_dir)


def test_settings_round_trip_and_damaged_file(tmp_path):
    path = tmp_path / "settings.json"
    Settings(language="en", db_url="sqlite:///x").save(path)
    assert Settings.load(path) == Settings(language="en", db_url="sqlite:///x")
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path) == Settings()


def test_migrations_build_exactly_the_model_schema(workspace):
    with workspace.db.engine.connect() as conn:
        from app.db.schema_filters import include_object

        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
        assert diff == []
        assert migrate.current_revision(workspace.db) == migrate.head_revision()
        assert "audit_events" in inspect(conn).get_table_names()


def test_sqlite_runs_with_wal_and_foreign_keys(workspace):
    sqlite_only(workspace, "WAL and foreign-key pragmas are SQLite settings")
    with workspace.db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reopening_at_head_makes_no_backup(tmp_path):
    Workspace.open(tmp_path).close()
    ws = Workspace.open(tmp_path)
    ws.close()
    assert list(ws.paths.backups_dir.iterdir()) == []


def test_upgrade_of_an_older_database_backs_it_up_first(tmp_path):
    """A database at the first schema revision, with data, is backed up and then migrated."""
    from alembic import command

    db_file = tmp_path / "desk.sqlite3"
    command.upgrade(migrate.alembic_config(f"sqlite:///{db_file}"), "0001")
    with sqlite3.connect(db_file) as conn:
        conn.execute(
            "insert into departments (name, code, created_at) values ('备份前的部门', 'B1', '2026-01-01')"
        )
    ws = Workspace.open(tmp_path)
    try:
        assert migrate.current_revision(ws.db) == migrate.head_revision() != "0001"
        backups = list(ws.paths.backups_dir.iterdir())
    finally:
        ws.close()
    assert len(backups) == 1 and "before-" in backups[0].name
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("select name from departments").fetchall() == [("备份前的部门",)]
        assert conn.execute("select version_num from alembic_version").fetchall() == [("0001",)]


def test_two_desks_on_one_file_both_work(tmp_path):
    first = Workspace.open(tmp_path)
    second = Workspace.open(tmp_path)
    with first.db.write() as s:
        users.create_department(s, None, "一号", "1")
    with second.db.write() as s:
        users.create_department(s, None, "二号", "2")
    with first.db.read() as s:
        assert sorted(s.scalars(select(Department.name))) == ["一号", "二号"]
    first.close()
    second.close()


def test_a_desk_blocked_too_long_says_why(tmp_path):
    ws = Workspace.open(tmp_path)
    impatient = Database(ws.db.url.render_as_string(hide_password=False), busy_timeout_s=0.2)
    held = threading.Event()
    release = threading.Event()

    def hold_write_lock():
        with ws.db.write() as s:
            users.create_department(s, None, "占用者", "X")
            held.set()
            release.wait(5)

    t = threading.Thread(target=hold_write_lock)
    t.start()
    held.wait(5)
    try:
        with pytest.raises(DatabaseUnavailable, match="另一个审发台进程"), impatient.write() as s:
            users.create_department(s, None, "等待者", "Y")
    finally:
        release.set()
        t.join()
        impatient.dispose()
        ws.close()


def test_the_desk_keeps_its_files_owner_only_and_the_site_readable(tmp_path):
    import stat

    from app.backup import copy_sqlite
    from publish.files import PUBLIC, write_atomic

    def mode(path):
        return stat.S_IMODE(path.stat().st_mode)

    old = os.umask(0o022)
    try:
        ws = Workspace.open(tmp_path / "data")
        with ws.db.write() as s:
            users.create_department(s, None, "一号", "1")
        database = Path(ws.db.url.database)
        copy_sqlite(database, tmp_path / "backup.sqlite3")
        write_atomic(tmp_path / "site" / "files" / "a.pdf", b"%PDF", PUBLIC)
        ws.close()
    finally:
        os.umask(old)
    assert mode(ws.paths.data_dir) == mode(ws.paths.backups_dir) == 0o700
    assert mode(database) == mode(tmp_path / "backup.sqlite3") == 0o600
    assert mode(tmp_path / "site" / "files" / "a.pdf") == 0o644 and mode(tmp_path / "site" / "files") == 0o755
