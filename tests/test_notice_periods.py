"""公示期: at the end of the period the desk withdraws the entry by itself, from the real static site
(served over HTTP) and the real portal test server, and proves nothing of it is served any more."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from app import audit, desk_day
from app.catalog import publish_to_catalog, update_static_site
from app.db.models import AuditEvent, CatalogEntry, User
from app.errors import PermissionDenied, ValidationFailed
from app.notice_periods import expire, set_notice
from app.publishing import run_queue
from app.workspace import Workspace
from publish.portal import PortalClient
from publish.static_site import page_name
from tests.conftest import PASSWORD, approved_document, desk_args
from tests.portal_server import TOKEN, PortalServer
from tests.run_day import TODAY
from tests.site_server import SiteServer

TOMORROW = TODAY + dt.timedelta(days=1)


def _events(workspace: Workspace, action: str) -> list[AuditEvent]:
    with workspace.db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def _publish(workspace, people, path, title: str, **kw) -> CatalogEntry:
    doc_id = approved_document(workspace, people, path, title=title)
    return publish_to_catalog(workspace.db, people.publisher, doc_id, None, **kw)


def test_the_period_ends_and_every_byte_leaves_site_and_portal_with_proof(
    workspace, people, sample_files, tmp_path: Path
) -> None:
    entry = _publish(
        workspace,
        people,
        sample_files["clean"],
        "关于2026年低保对象名单的公示",
        notice_until=TODAY,
        to_portal=True,
    )
    folder = tmp_path / "site"
    update_static_site(workspace.db, folder)
    (pdf,) = (folder / "files").glob("*.pdf")
    page = f"entries/{page_name(entry.index_no)}"
    with PortalServer() as portal, SiteServer(folder) as site:
        client = PortalClient(portal.url, TOKEN, timeout=2, attempts=1)
        assert run_queue(workspace.db, client).done == 1
        assert site.get(f"files/{pdf.name}")[0] == 200 and client.file(pdf.stem) is not None

        # The last day of the period is still a day of the period.
        assert expire(workspace.db, workspace.paths.data_dir, today=TODAY, site=folder, portal=client) == []
        assert site.get(f"files/{pdf.name}")[0] == 200

        (removal,) = expire(
            workspace.db,
            workspace.paths.data_dir,
            today=TOMORROW,
            site=folder,
            site_url=site.url,
            portal=client,
        )
        assert site.get(f"files/{pdf.name}")[0] == 404
        status, body = site.get(page)
        assert status == 200 and "已撤回" in body.decode() and "低保对象" in body.decode()
        assert client.file(pdf.stem) is None and portal.state.entries[entry.index_no]["status"] == "withdrawn"
        assert pdf.stem in portal.state.gone

    assert removal.proven and removal.index_no == entry.index_no
    assert [(f.path, f.sha256) for f in removal.files] == [(f"files/{pdf.name}", pdf.stem)]
    line = removal.proof_line()
    assert pdf.stem in line and f"files/{pdf.name}" in line and "已核实不再提供" in line and "门户" in line
    with workspace.db.read() as s:
        row = s.get_one(CatalogEntry, entry.id)
        assert (row.status, row.withdrawn_on) == ("withdrawn", TODAY)
        assert "公示期" in row.status_reason and TODAY.isoformat() in row.status_reason
        assert s.scalar(select(User.id).where(User.login == "system")) is None  # the system is no user
        assert audit.verify_report(s).problems == []
    (withdraw,) = _events(workspace, "catalog.withdraw")
    assert withdraw.actor_login == "system" and "公示期" in json.loads(withdraw.detail)["reason"]
    (proof,) = _events(workspace, "catalog.notice_proof")
    detail = json.loads(proof.detail)
    assert proof.actor_login == "system" and detail["files"] == [
        {"path": f"files/{pdf.name}", "sha256": pdf.stem}
    ]
    assert any(site.url in c for c in detail["checked"]) and "门户" in detail["checked"]

    # Idempotent: run again (the timer, cron), nothing more happens.
    assert expire(workspace.db, workspace.paths.data_dir, today=TOMORROW, site=folder) == []
    assert len(_events(workspace, "catalog.withdraw")) == 1


def test_a_target_not_checked_is_said_not_assumed_and_checked_at_the_next_run(
    workspace, people, sample_files, tmp_path: Path
) -> None:
    entry = _publish(
        workspace,
        people,
        sample_files["clean"],
        "关于2026年公开招聘拟录用人员名单的公示",
        notice_until=TODAY,
        to_portal=True,
    )
    with PortalServer() as portal:
        client = PortalClient(portal.url, TOKEN, timeout=2, attempts=1)
        assert run_queue(workspace.db, client).done == 1
        for _ in range(2):  # the portal's token is not at hand (cron without it): twice
            (removal,) = expire(workspace.db, workspace.paths.data_dir, today=TOMORROW)
            assert not removal.proven and removal.unchecked == ["门户（撤回已排入发布队列）"]
            assert "未能核实" in removal.proof_line()
        assert portal.state.entries[entry.index_no]["status"] == "published"  # still online: said so
        assert len(_events(workspace, "catalog.notice_proof")) == 1  # the same finding is audited once

        (removal,) = expire(workspace.db, workspace.paths.data_dir, today=TOMORROW, portal=client)
        assert removal.proven and removal.checked == ["门户"]
        assert portal.state.entries[entry.index_no]["status"] == "withdrawn"
    assert expire(workspace.db, workspace.paths.data_dir, today=TOMORROW) == []
    proofs = [json.loads(e.detail) for e in _events(workspace, "catalog.notice_proof")]
    assert [p["unchecked"] for p in proofs] == [["门户（撤回已排入发布队列）"], None]
    assert len(_events(workspace, "catalog.withdraw")) == 1


def test_the_publisher_sets_and_clears_the_period_audited(workspace, people, sample_files) -> None:
    entry = _publish(workspace, people, sample_files["clean"], "关于2026年住房补贴发放名单的公示")
    with pytest.raises(PermissionDenied):
        set_notice(workspace.db, people.clerk, entry.index_no, TOMORROW)
    with pytest.raises(ValidationFailed, match="已过"):
        set_notice(workspace.db, people.publisher, entry.index_no, TODAY - dt.timedelta(days=1))
    set_notice(workspace.db, people.publisher, entry.index_no, TOMORROW)
    set_notice(workspace.db, people.publisher, entry.index_no, None)
    changes = [json.loads(e.detail) for e in _events(workspace, "catalog.notice")]
    assert [(c["before"], c["after"]) for c in changes] == [
        (None, TOMORROW.isoformat()),
        (TOMORROW.isoformat(), None),
    ]
    assert expire(workspace.db, workspace.paths.data_dir, today=TOMORROW + dt.timedelta(days=30)) == []
    with pytest.raises(ValidationFailed, match="已过"):
        publish_to_catalog(workspace.db, people.publisher, 1, None, notice_until=TODAY - dt.timedelta(days=1))


def test_two_desks_expiring_at_once_withdraw_each_entry_once(
    workspace, people, sample_files, tmp_path: Path
) -> None:
    for n in range(3):
        _publish(
            workspace,
            people,
            sample_files["clean"],
            f"关于2026年第{n + 1}批低保对象名单的公示",
            notice_until=TODAY,
        )
    # A second desk: on PostgreSQL another machine's workspace on the same database; on SQLite the
    # same file from a second process-like workspace.
    other = Workspace.open(
        tmp_path / "desk2",
        None if workspace.db.is_sqlite else workspace.db.url.render_as_string(hide_password=False),
    )
    if workspace.db.is_sqlite:
        other.close()
        other = Workspace.open(workspace.paths.data_dir)
    results: dict[str, list] = {}
    barrier = threading.Barrier(2)

    def run(name: str, ws: Workspace) -> None:
        barrier.wait()
        results[name] = expire(ws.db, ws.paths.data_dir, today=TOMORROW)

    try:
        threads = [threading.Thread(target=run, args=(n, ws)) for n, ws in (("a", workspace), ("b", other))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        other.close()
    withdrawn = sorted(json.loads(e.detail)["index_no"] for e in _events(workspace, "catalog.withdraw"))
    assert len(withdrawn) == len(set(withdrawn)) == 3  # each once
    # Both desks may check a removal; its proof is recorded once.
    assert {r.index_no for rs in results.values() for r in rs} == set(withdrawn)
    proofs = sorted(json.loads(e.detail)["index_no"] for e in _events(workspace, "catalog.notice_proof"))
    assert proofs == withdrawn
    with workspace.db.read() as s:
        assert audit.verify_report(s).problems == []


def test_headless_commands(workspace, people, sample_files, tmp_path: Path, monkeypatch, capsys) -> None:
    from app import cli

    entry = _publish(workspace, people, sample_files["clean"], "关于2026年城乡低保对象名单的公示")
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    base = desk_args(workspace)
    folder = tmp_path / "site"
    update_static_site(workspace.db, folder)
    assert len(list((folder / "files").iterdir())) == 1
    assert cli.run([*base, "--user", "publisher", "notice", "set", entry.index_no, TODAY.isoformat()]) == 0
    assert f"公示期至 {TODAY.isoformat()}" in capsys.readouterr().out
    assert cli.run([*base, "notice", "expire", "--site", str(folder)]) == 0
    assert "没有公示期届满的条目" in capsys.readouterr().out
    monkeypatch.setattr(desk_day, "today", lambda: TOMORROW)
    assert cli.run([*base, "notice", "expire", "--site", str(folder)]) == 0
    out = capsys.readouterr().out
    assert f"公示期届满撤回 {entry.index_no}" in out and "已核实不再提供" in out and "SHA-256" in out
    assert list((folder / "files").iterdir()) == []
    assert cli.run([*base, "notice", "expire", "--site", str(folder)]) == 0
    assert "没有公示期届满的条目" in capsys.readouterr().out
    assert cli.run([*base, "--user", "publisher", "notice", "set", entry.index_no]) == 2


def test_the_desk_sets_the_period_at_publishing_shows_it_and_withdraws_on_its_timer(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.publish_dialog import PublishDialog

    approved_document(workspace, people, sample_files["clean"], title="关于2026年临时救助对象名单的公示")
    window = MainWindow(workspace, people.publisher, desk_app.log_handler)
    qtbot.addWidget(window)
    window.table.selectRow(0)

    def with_notice(dialog: PublishDialog) -> int:
        assert not dialog.notice_until.isEnabled()
        dialog.notice.setChecked(True)
        dialog.notice_until.setDate(dialog.notice_until.minimumDate())  # today: the earliest allowed
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PublishDialog, "exec", with_notice)
    index_no = window.publish_current()
    catalog = window.catalog.open_catalog()
    qtbot.addWidget(catalog)
    assert catalog.model.headers[6] == "公示期至"
    assert catalog.model.data(catalog.model.index(0, 6)) == TODAY.isoformat()

    folder = workspace.paths.data_dir / "site"
    assert len(list((folder / "files").iterdir())) == 1
    monkeypatch.setattr(desk_day, "today", lambda: TOMORROW)
    window.catalog.expire_notices()
    qtbot.waitUntil(lambda: "已自动撤回 1 条" in window.statusBar().currentMessage(), timeout=20_000)
    assert list((folder / "files").iterdir()) == []
    with workspace.db.read() as s:
        assert s.scalar(select(CatalogEntry.status).where(CatalogEntry.index_no == index_no)) == "withdrawn"
    assert window.catalog.notice_timer.isActive()


def test_an_upgraded_database_keeps_its_recorded_entry_digests(
    workspace, people, sample_files, monkeypatch
) -> None:
    from app.catalog import withdraw

    # The entry's state digest as the desk recorded it before migration 0017 added notice_until.
    current = audit._QUERIES
    before = tuple(c for c in CatalogEntry.__table__.c if c.name not in ("created_at", "notice_until"))
    monkeypatch.setattr(audit, "_ENTRY", before)
    monkeypatch.setattr(
        audit, "_QUERIES", {True: audit._state_queries(True), False: audit._state_queries(False)}
    )
    entry = _publish(workspace, people, sample_files["clean"], "关于做好冬季供暖保障工作的通知")
    monkeypatch.setattr(audit, "_QUERIES", current)  # the upgraded desk
    withdraw(workspace.db, people.publisher, entry.index_no, "内容有误")
