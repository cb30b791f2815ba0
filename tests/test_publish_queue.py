"""The publish queue against a real portal server: failures stay queued, retries do not duplicate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app import cli
from app.catalog import publish_to_catalog, withdraw
from app.db.models import PublishJob
from app.publishing import run_queue
from app.secrets import SecretUnavailable, get_secret, secure_backend
from publish.portal import PortalClient
from tests.conftest import approved_document, desk_args
from tests.portal_server import TOKEN, PortalServer
from tests.run_day import TODAY
from tests.test_catalog_fields import approved

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def portal():
    with PortalServer(delay=1.0) as server:
        yield server


def published(workspace, people, sample_files) -> str:
    doc_id = approved_document(workspace, people, sample_files["clean"])
    return publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, published_on=TODAY, summary="供暖", to_portal=True
    ).index_no


def jobs(workspace):
    with workspace.db.read() as s:
        return [
            (j.action, j.status, j.attempts, j.last_error)
            for j in s.scalars(select(PublishJob).order_by(PublishJob.id))
        ]


def client(portal, token=TOKEN):
    return PortalClient(portal.url, token, timeout=0.5, attempts=1, sleep=lambda _s: None)


def test_failed_push_stays_queued_and_resumes_without_duplicates(workspace, people, sample_files, portal):
    index_no = published(workspace, people, sample_files)
    portal.state.faults.extend(["500"])
    outcome = run_queue(workspace.db, client(portal))
    assert (outcome.done, outcome.waiting) == (0, 1)
    [(action, status, attempts, error)] = jobs(workspace)
    assert (action, status, attempts) == ("upsert", "queued", 1) and "HTTP 500" in error
    # The file went up, then the connection dropped before the entry: an interrupted publish.
    portal.state.faults.extend(["ok", "drop"])
    assert run_queue(workspace.db, client(portal)).waiting == 1
    assert run_queue(workspace.db, client(portal)).done == 1
    assert (
        list(portal.state.entries) == [index_no] and portal.state.entries[index_no]["status"] == "published"
    )
    assert jobs(workspace)[0][1] == "done"
    assert run_queue(workspace.db, client(portal)).done == 0  # nothing left
    withdraw(workspace.db, people.publisher, index_no, "内容有误")
    assert run_queue(workspace.db, client(portal)).done == 1
    assert portal.state.entries[index_no]["status"] == "withdrawn"


def test_refused_token_marks_the_job_refused(workspace, people, sample_files, portal):
    published(workspace, people, sample_files)
    outcome = run_queue(workspace.db, client(portal, token="wrong"))
    assert outcome.refused == 1
    assert jobs(workspace)[0][1] == "refused" and "令牌" in jobs(workspace)[0][3]


def test_without_a_secure_keyring_nothing_is_stored_and_the_cli_asks(workspace, people, sample_files, portal):
    assert not secure_backend()
    with pytest.raises(SecretUnavailable, match="没有安全的密钥环"):
        get_secret("portal-token:" + portal.url)
    published(workspace, people, sample_files)
    workspace.close()
    env = {
        "PATH": os.environ["PATH"],
        "DESK_PASSWORD": "test-password-1",
        "DESK_PORTAL_TOKEN": TOKEN,
        "HOME": str(workspace.paths.data_dir),
        "PYTHON_KEYRING_BACKEND": os.environ["PYTHON_KEYRING_BACKEND"],
    }
    r = subprocess.run(
        [
            sys.executable,
            "main.py",
            *desk_args(workspace),
            "--user",
            "publisher",
            "portal",
            "push",
            "--portal-url",
            portal.url,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert r.returncode == 0, r.stderr
    assert "成功 1" in r.stdout and len(portal.state.entries) == 1
    settings = workspace.paths.data_dir / "settings.json"
    assert not settings.exists() or TOKEN not in settings.read_text(encoding="utf-8")
    assert TOKEN not in (workspace.paths.data_dir / "desk.log").read_text(encoding="utf-8")


def test_validity_change_reaches_the_portal_and_the_site(workspace, people, sample_files, portal, tmp_path):
    from app.catalog import change_validity, update_static_site
    from publish.catalog import Validity

    normative = approved(workspace, people, sample_files["clean"], normative=True)  # it has a 有效性
    index_no = publish_to_catalog(
        workspace.db, people.publisher, normative, None, summary="道路", to_portal=True
    ).index_no
    run_queue(workspace.db, client(portal))
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    change_validity(workspace.db, people.publisher, index_no, Validity.REPEALED, "已被新文件取代")
    assert run_queue(workspace.db, client(portal)).done == 1
    assert portal.state.entries[index_no]["validity"] == "repealed"
    update_static_site(workspace.db, site)
    assert '"v":"repealed"' in (site / "catalog.js").read_text(encoding="utf-8")


def test_queue_dialog_pushes_with_progress(qtbot, desk_app, workspace, people, sample_files, portal):
    from app.ui.queue_dialog import QueueDialog
    from app.ui.tasks import TaskRunner

    index_no = published(workspace, people, sample_files)
    runner = TaskRunner()
    dialog = QueueDialog(workspace.db, runner, portal.url)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == index_no and dialog.table.item(0, 2).text() == "待推送"
    dialog.ask_token = lambda: TOKEN  # no secure keyring on this machine: the user types it
    with qtbot.waitSignal(dialog.pushed, timeout=30_000) as signal:
        dialog.push()
    assert signal.args[0].done == 1 and "成功 1" in dialog.message.text()
    assert dialog.table.item(0, 2).text() == "已完成" and index_no in portal.state.entries


def test_with_a_secure_keyring_the_token_is_kept_there_only(
    workspace, people, sample_files, portal, secure_keyring, monkeypatch
):
    from app.secrets import portal_token_name, set_secret

    assert secure_backend()
    set_secret(portal_token_name(portal.url), TOKEN)
    assert get_secret(portal_token_name(portal.url + "/")) == TOKEN
    stored = Path(secure_keyring.file_path).read_text(encoding="utf-8")
    assert TOKEN not in stored  # encrypted at rest
    published(workspace, people, sample_files)
    # The desk's own push takes the token from the keyring: no prompt, no environment variable.
    monkeypatch.setenv("DESK_PASSWORD", "test-password-1")
    monkeypatch.delenv("DESK_PORTAL_TOKEN", raising=False)
    code = cli.run(
        [
            *desk_args(workspace),
            "--user",
            "publisher",
            "portal",
            "push",
            "--portal-url",
            portal.url,
        ]
    )
    assert code == 0 and len(portal.state.entries) == 1
