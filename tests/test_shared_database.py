"""The shared desk on PostgreSQL: its password, many people at once, moving a desk over, faults."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import make_url

from app.db.credentials import secret_name
from app.errors import DatabaseUnavailable
from app.secrets import set_secret
from app.workspace import Workspace
from tests.conftest import submit_draft
from tests.test_cli import desk

PASSWORD = "shared-desk-db-pass"


@pytest.fixture
def password_db(postgres):
    if postgres.own_url:
        pytest.skip("needs a server the tests started (to require a password for a role of its own)")
    return postgres.add_password_role("desk_pw", PASSWORD)


def test_password_comes_from_the_keyring_or_a_prompt_never_the_settings(
    tmp_path, password_db, secure_keyring
):
    with pytest.raises(DatabaseUnavailable, match="需要密码"):
        Workspace.open(tmp_path / "a", password_db).db.dispose()
    asked = []
    ws = Workspace.open(tmp_path / "a", password_db, ask_password=lambda name: asked.append(name) or PASSWORD)
    ws.close()
    assert asked and PASSWORD not in asked[0]  # the prompt shows where, never a password

    set_secret(secret_name(make_url(password_db)), PASSWORD)
    ws = Workspace.open(tmp_path / "b", password_db, ask_password=lambda _name: pytest.fail("asked"))
    ws.close()


def test_settings_keep_the_url_without_its_password(qtbot, desk_app, tmp_path, password_db, secure_keyring):
    from app.settings import Settings
    from app.ui.settings_dialog import SettingsDialog

    settings = Settings()
    dialog = SettingsDialog(settings, str(tmp_path))
    qtbot.addWidget(dialog)
    with_password = make_url(password_db).set(password=PASSWORD).render_as_string(hide_password=False)
    dialog.db_url.setText(with_password)
    dialog.accept()
    settings.save(tmp_path / "settings.json")
    saved = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert PASSWORD not in saved and json.loads(saved)["db_url"] == password_db
    ws = Workspace.open(tmp_path / "c", settings.db_url, ask_password=lambda _name: pytest.fail("asked"))
    ws.close()


def test_the_cli_asks_through_its_environment_variable(tmp_path, password_db):
    r = desk(tmp_path / "d", "--db", password_db, "demo")
    assert r.returncode == 2 and "密码" in r.stderr
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")} | {"DESK_DB_PASSWORD": PASSWORD}
    r = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "d"), "--db", password_db, "demo"],
        cwd=desk.__globals__["ROOT"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert PASSWORD not in (tmp_path / "d" / "desk.log").read_text(encoding="utf-8")


# -- many people at once (on both databases; PostgreSQL is the one that lets them truly overlap) ----


def _together(count, work):
    """Runs work(i) in `count` threads released at the same moment; returns results or exceptions."""
    import threading

    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_twenty_publishers_get_twenty_different_numbers_without_gaps(workspace, people):
    import datetime as dt

    from app.catalog import allocate_index_number
    from app.db.models import Department, User

    with workspace.db.read() as s:
        department_id = s.get_one(User, people.publisher).department_id

    def allocate(_i):
        with workspace.db.write() as s:
            return allocate_index_number(
                s, s.get_one(Department, department_id), "综合政务", dt.date(2026, 11, 23)
            )

    numbers = _together(20, allocate)
    assert not [n for n in numbers if isinstance(n, Exception)], numbers
    assert sorted(numbers) == [f"TEST00001/2026-{n:05d}" for n in range(1, 21)]


def test_two_reviewers_approving_the_same_document_one_wins_the_other_is_told(
    workspace, people, sample_files
):
    from app import documents
    from app.checking import check_document
    from app.db.models import User
    from app.errors import ConflictError
    from app.reviewing import Conclusion, approve
    from app.roles import Status
    from app.workflow import get_document

    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    with workspace.db.read() as s:
        seen = get_document(s, doc_id).version
    reviewers = [people.reviewer, people.clerk_reviewer]
    outcomes = _together(
        2,
        lambda i: approve(
            workspace.db, reviewers[i], doc_id, seen, Conclusion.DISCLOSE, "同意", workspace.paths.cache_dir
        ),
    )
    conflicts = [o for o in outcomes if isinstance(o, ConflictError)]
    assert len(conflicts) == 1 and "已被他人修改" in conflicts[0].message, outcomes
    with workspace.db.read() as s:
        assert get_document(s, doc_id).status_enum is Status.APPROVED
        from sqlalchemy import func, select

        from app.db.models import Review

        assert s.scalar(select(func.count()).where(Review.document_id == doc_id)) == 1


def test_imports_while_searching_and_the_audit_chain_under_concurrent_writes(workspace, people, sample_files):
    import threading

    from app import audit, documents
    from app.catalog_search import CatalogFilter, search
    from app.db.models import Document
    from tests.test_catalog_search import publish

    first = publish(
        workspace,
        people,
        sample_files["clean"],
        "关于做好冬季供暖保障工作的通知",
        "城乡建设、环境保护\\城市管理",
        "供暖",
    )
    stop = threading.Event()
    searched: list[list[str]] = []

    def keep_searching():
        while not stop.is_set():
            with workspace.db.read() as s:
                searched.append([r.index_no for r in search(s, CatalogFilter(query="供暖"))])

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        outcomes = _together(
            8,
            lambda _i: [
                documents.import_file(workspace.db, people.clerk, sample_files["docx"]) for _ in range(3)
            ],
        )
    finally:
        stop.set()
        searcher.join()
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert searched and all(hits == [first] for hits in searched)
    with workspace.db.read() as s:
        from sqlalchemy import func, select

        assert s.scalar(select(func.count()).select_from(Document)) == 1 + 8 * 3
        count, problems = audit.verify(s)
        assert problems == [] and count > 24


def test_moving_a_sqlite_desk_to_postgresql_copies_everything(tmp_path, postgres, sample_files):
    import os
    import subprocess
    import sys

    from sqlalchemy import select

    from app import audit
    from app.catalog_search import CatalogFilter, search
    from app.db.models import Blob

    data = tmp_path / "desk"
    assert desk(data, "demo").returncode == 0
    r = desk(data, "--user", "clerk", "import", str(sample_files["docx"]), password="demo-2026")
    assert r.returncode == 0, r.stderr
    url = postgres.create_database()
    try:
        root = desk.__globals__["ROOT"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")} | {
            "DESK_PASSWORD": "demo-2026"
        }
        run = [sys.executable, "main.py", "--data-dir", str(data), "--user", "admin", "db", "migrate-to", url]
        r = subprocess.run(run, cwd=root, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0 and "校验通过" in r.stdout, r.stderr
        # Again into the now full database: refused, nothing touched.
        r = subprocess.run(run, cwd=root, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 2 and "已有数据" in r.stderr

        before = Workspace.open(data)
        after = Workspace.open(tmp_path / "pg", url)
        try:
            listing = ["--user", "clerk", "list", "--format", "json"]
            assert (
                desk(data, "--db", url, *listing, password="demo-2026").stdout
                == desk(data, *listing, password="demo-2026").stdout
            )
            with before.db.read() as s, after.db.read() as t:
                assert {b.sha256: b.size for b in s.scalars(select(Blob))} == {
                    b.sha256: b.size for b in t.scalars(select(Blob))
                }
                assert audit.verify(t) == audit.verify(s)
                assert search(t, CatalogFilter()) == search(s, CatalogFilter())
            # The moved desk goes on working: new rows get new ids after the copied ones.
            r = desk(
                data, "--db", url, "--user", "clerk", "import", str(sample_files["txt"]), password="demo-2026"
            )
            assert r.returncode == 0 and "#8" in r.stdout, r.stdout + r.stderr
        finally:
            before.close()
            after.close()
    finally:
        postgres.drop_database(url)


def test_server_restarted_mid_publish_nothing_lost_nothing_doubled(workspace, people, sample_files, postgres):
    from sqlalchemy import event, func, select
    from sqlalchemy.orm import Session

    from app.catalog import publish_to_catalog
    from app.db.models import CatalogEntry, IndexCounter
    from app.roles import Status
    from app.workflow import get_document
    from tests.conftest import approved_document

    if workspace.db.is_sqlite or postgres.own_url:
        pytest.skip("a server to restart: the one the tests started (SQLite has none)")
    doc_id = approved_document(workspace, people, sample_files["clean"])

    def restart_before_commit(_session):
        postgres.restart()

    event.listen(Session, "before_commit", restart_before_commit, once=True)
    try:
        with pytest.raises(DatabaseUnavailable, match="连接中断"):
            publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    finally:
        if event.contains(Session, "before_commit", restart_before_commit):
            event.remove(Session, "before_commit", restart_before_commit)
    with workspace.db.read() as s:  # reconnected; the half-done publish left nothing
        assert get_document(s, doc_id).status_enum is Status.APPROVED
        assert s.scalar(select(func.count()).select_from(CatalogEntry)) == 0
        assert s.scalar(select(func.count()).select_from(IndexCounter)) == 0
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    assert entry.index_no.endswith("-00001")  # the retry: no duplicate, no gap
