"""Crash consistency: the desk killed (SIGKILL) at chosen steps of its long operations, then run again.

Each test runs `python main.py …` in a subprocess with DESK_FAULT_AT naming the step at which
`app.faults.point` kills it, then checks what the next run finds: the work is finished or undone,
no sequence number is used twice, no orphan file is left, and the static site matches the
database (`expected_site`, the same comparison `audit published` makes).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.catalog import publish_to_catalog, site_identity, site_plan, update_static_site
from app.db.models import AuditEvent, CatalogEntry, PackageExport, PublishJob
from app.transfer import import_package
from publish.static_site import expected_site, page_name
from tests.conftest import PASSWORD, approved_document, desk_args
from tests.test_transfer import PASSPHRASE, offline_key, trust

ROOT = Path(__file__).resolve().parents[1]
KILLED = -signal.SIGKILL
EXIT_PENDING = 3


def desk(workspace, *args: str, user: str | None = "publisher", fault: str | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")}
    env.update(DESK_PASSWORD=PASSWORD, DESK_KEY_PASSPHRASE=PASSPHRASE)
    if fault is not None:
        env["DESK_FAULT_AT"] = fault
    who = ["--user", user] if user else []
    return subprocess.run(
        [sys.executable, "main.py", *desk_args(workspace), *who, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
    )


def site_differences(workspace, folder: Path) -> list[str]:
    """What differs between the site folder and what the database says it should hold."""
    import hashlib

    with workspace.db.read() as s:
        expected = expected_site(*site_plan(s), site_identity(s))
    actual = {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}
    problems = [f"extra {name}" for name in sorted(set(actual) - set(expected))]
    for name, want in expected.items():
        path = actual.get(name)
        if path is None:
            problems.append(f"missing {name}")
        elif isinstance(want, bytes) and path.read_bytes() != want:
            problems.append(f"differs {name}")
        elif isinstance(want, str) and hashlib.sha256(path.read_bytes()).hexdigest() != want:
            problems.append(f"damaged {name}")
    return problems


def pending_work(workspace) -> list[str]:
    folder = workspace.paths.data_dir / "pending"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def audit_actions(workspace, prefix: str) -> list[str]:
    with workspace.db.read() as s:
        return list(
            s.scalars(
                select(AuditEvent.action).where(AuditEvent.action.startswith(prefix)).order_by(AuditEvent.id)
            )
        )


def queued_for_package(workspace) -> list[int]:
    with workspace.db.read() as s:
        return list(
            s.scalars(
                select(PublishJob.id).where(PublishJob.target == "package", PublishJob.status == "queued")
            )
        )


# -- transfer packages --------------------------------------------------------------------------


@pytest.fixture
def queued_package(workspace, people, sample_files, online):
    """An approved entry queued for the next package, the signing key registered on the online machine."""
    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
    return doc_id


@pytest.mark.parametrize("step", ["export.after_reserve", "export.during_write", "export.after_write"])
def test_export_killed_before_it_commits_leaves_no_package_and_no_reused_sequence(
    workspace, people, queued_package, online, tmp_path, step
):
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    first = out_dir / "package-1.zip"
    r = desk(workspace, "package", "export", str(first), fault=step)
    assert r.returncode == KILLED, r.stderr
    assert not first.exists()  # no signed package the desk does not account for
    assert queued_for_package(workspace)  # the job still waits for a package

    second = out_dir / "package-2.zip"
    r = desk(workspace, "package", "export", str(second))
    assert r.returncode == 0, r.stderr
    assert "序号 2" in r.stdout  # the reserved sequence 1 is never used again
    assert sorted(p.name for p in out_dir.iterdir()) == ["package-2.zip"]  # no temporary file left
    assert pending_work(workspace) == []
    assert not queued_for_package(workspace)
    with workspace.db.read() as s:
        rows = {e.sequence: e.sha256 for e in s.scalars(select(PackageExport))}
    assert rows[1] == "abandoned" and len(rows[2]) == 64
    actions = audit_actions(workspace, "package.")
    assert actions == ["package.reserve", "package.abandon", "package.reserve", "package.export"]

    # Online, a gap in the sequence is no replay: package 2 is taken in.
    assert import_package(online.workspace.db, online.publisher, second).published == 1


@pytest.mark.parametrize("step", ["export.after_commit", "export.after_rename"])
def test_export_killed_after_it_commits_is_finished_by_the_next_start(
    workspace, people, queued_package, online, tmp_path, step
):
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    package = out_dir / "package.zip"
    r = desk(workspace, "package", "export", str(package), fault=step)
    assert r.returncode == KILLED, r.stderr
    assert not queued_for_package(workspace)  # accounted for: export row, audit event, jobs done

    r = desk(workspace, "list")  # any command: the next start finishes the export
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == ["package.zip"]
    assert pending_work(workspace) == []
    with workspace.db.read() as s:
        (row,) = s.scalars(select(PackageExport))
    assert row.sequence == 1 and len(row.sha256) == 64
    import hashlib

    assert hashlib.sha256(package.read_bytes()).hexdigest() == row.sha256
    assert import_package(online.workspace.db, online.publisher, package).published == 1

    r = desk(workspace, "package", "export", str(out_dir / "again.zip"))
    assert r.returncode == 2 and "没有待导出的条目" in r.stderr


# -- the static site ----------------------------------------------------------------------------


def test_publish_killed_before_the_site_is_built_is_repaired_at_the_next_start(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    site = tmp_path / "site"
    publish = ["publish", str(doc_id), "--summary", "供暖", "--target", "static", "--site", str(site)]
    r = desk(workspace, *publish, fault="publish.after_commit")
    assert r.returncode == KILLED, r.stderr
    with workspace.db.read() as s:
        (entry,) = s.scalars(select(CatalogEntry))
    assert not (site / "entries" / page_name(entry.index_no)).exists()

    r = desk(workspace, "list", user="clerk")  # the next start redoes the pending site work
    assert r.returncode == 0, r.stderr
    assert site_differences(workspace, site) == []
    assert (site / "entries" / page_name(entry.index_no)).exists()
    assert pending_work(workspace) == []


def test_withdrawal_killed_before_the_site_is_built_takes_the_content_off_at_the_next_start(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    pdf = site / "files" / f"{entry.published_sha256}.pdf"
    assert pdf.exists()

    r = desk(
        workspace,
        "withdraw",
        entry.index_no,
        "--reason",
        "政策调整",
        "--site",
        str(site),
        fault="withdraw.after_commit",
    )
    assert r.returncode == KILLED, r.stderr
    assert pdf.exists()  # still served: the withdrawal committed, the site was not yet rebuilt

    r = desk(workspace, "list", user="clerk")
    assert r.returncode == 0, r.stderr
    assert not pdf.exists()
    assert "已撤回" in (site / "entries" / page_name(entry.index_no)).read_text(encoding="utf-8")
    assert site_differences(workspace, site) == []
    assert pending_work(workspace) == []


def test_site_update_killed_halfway_is_finished_and_leaves_no_temporary_file(
    workspace, people, sample_files, tmp_path
):
    site = tmp_path / "site"
    for title in ("关于做好冬季供暖保障工作的通知", "关于开展安全生产检查的通知"):
        doc_id = approved_document(workspace, people, sample_files["clean"], title=title)
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    doc_id = approved_document(workspace, people, sample_files["clean"], title="关于城市管理的通知")
    publish = ["publish", str(doc_id), "--summary", "城管", "--target", "static", "--site", str(site)]
    r = desk(workspace, *publish, fault="site.after_entry@2")
    assert r.returncode == KILLED, r.stderr
    assert site_differences(workspace, site) != []
    (site / f".catalog.js.{os.getpid()}.tmp").write_bytes(b"half a file")  # as a kill mid-write leaves

    r = desk(workspace, "site", "rebuild", "--site", str(site))
    assert r.returncode == 0, r.stderr
    assert site_differences(workspace, site) == []
    assert pending_work(workspace) == []


def test_site_rebuild_restores_a_damaged_site_and_needs_a_publisher(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    site = workspace.paths.data_dir / "site"  # the default folder
    update_static_site(workspace.db, site)
    (site / "entries" / page_name(entry.index_no)).write_text("tampered", encoding="utf-8")
    (site / "files" / f"{entry.published_sha256}.pdf").unlink()
    (site / "entries" / "stray.html").write_text("not the desk's", encoding="utf-8")

    r = desk(workspace, "site", "rebuild", user="clerk")
    assert r.returncode == 2 and "发布管理员" in r.stderr
    assert site_differences(workspace, site) != []

    r = desk(workspace, "site", "rebuild")
    assert r.returncode == 0, r.stderr
    assert site_differences(workspace, site) == []
    r = desk(workspace, "site", "rebuild", user="admin")
    assert r.returncode == 0, r.stderr


# -- exit codes -----------------------------------------------------------------------------------


def test_a_withdrawal_whose_site_update_fails_exits_3_and_the_site_is_fixed_later(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the site's parent folder should be", encoding="utf-8")
    site = blocker / "site"

    r = desk(workspace, "withdraw", entry.index_no, "--reason", "政策调整", "--site", str(site))
    assert r.returncode == EXIT_PENDING, r.stderr
    assert "已撤回" in r.stdout and "site rebuild" in r.stderr
    with workspace.db.read() as s:
        assert s.get_one(CatalogEntry, entry.id).status == "withdrawn"  # the change is saved
    assert pending_work(workspace) != []  # and the site work is remembered

    blocker.unlink()
    blocker.mkdir()
    r = desk(workspace, "site", "rebuild", "--site", str(site))
    assert r.returncode == 0, r.stderr
    assert site_differences(workspace, site) == []
    assert pending_work(workspace) == []


def test_a_publish_whose_portal_push_cannot_start_exits_3_and_stays_queued(workspace, people, sample_files):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    r = desk(workspace, "publish", str(doc_id), "--summary", "供暖", "--target", "portal")  # no portal set
    assert r.returncode == EXIT_PENDING, r.stderr
    assert "已编入目录" in r.stdout and "portal push" in r.stderr
    with workspace.db.read() as s:
        (job,) = s.scalars(select(PublishJob))
    assert (job.target, job.status) == ("portal", "queued")


def test_exit_codes_are_documented_in_the_help():
    r = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0
    assert "退出码" in r.stdout and "3" in r.stdout and "site rebuild" in r.stdout


# -- the pieces -----------------------------------------------------------------------------------


def test_work_a_running_process_holds_is_never_taken_for_orphaned(tmp_path):
    from app import pending_work

    mine = pending_work.begin(tmp_path, pending_work.SITE, folder="/srv/site")
    assert pending_work.waiting(tmp_path)
    assert pending_work.orphans(tmp_path) == []  # locked by its owner (here: another open file)
    mine.release()  # the owner gave up (or died): the work is owed to the next start
    (found,) = pending_work.orphans(tmp_path)
    assert (found.kind, found.data) == (pending_work.SITE, {"folder": "/srv/site"})
    found.done()
    assert not pending_work.waiting(tmp_path) and pending_work.orphans(tmp_path) == []


def test_fault_points_are_armed_by_name_and_count(monkeypatch):
    from app import faults

    killed = []
    monkeypatch.setattr(faults, "die", lambda: killed.append(True))
    try:
        faults.arm("export.after_write, site.after_entry@2")
        faults.point("export.after_reserve")
        faults.point("site.after_entry")
        assert killed == []
        faults.point("site.after_entry")
        assert killed == [True]
        faults.point("export.after_write")
        assert killed == [True, True]
    finally:
        faults.arm("")
