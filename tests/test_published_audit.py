"""`audit published`: what is actually online, re-read and compared with the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import documents
from app.catalog import PORTAL, publish_to_catalog, update_static_site, withdraw
from app.checking import check_document, latest_run
from app.db.models import User
from app.published_audit import Problem, audit_published
from app.publishing import run_queue
from app.redaction import REMOVE
from app.reviewing import Conclusion, approve, decide
from publish.portal import PortalClient
from publish.static_site import page_name
from publish.taxonomy import LegalBasis
from review.samples import SAMPLE_ID, marked_notice
from tests.conftest import PASSWORD, approved_document, desk_args, submit_draft
from tests.portal_server import TOKEN, PortalServer
from tests.run_day import TODAY

ROOT = Path(__file__).resolve().parents[1]
TITLE = "关于调整医保缴费标准的通知"


def _redacted_entry(workspace, people, tmp_path, *, to_portal: bool = False) -> str:
    """The marked notice with its 密级 marking and ID number removed by the reviewer, published."""
    doc = marked_notice()
    path = tmp_path / doc.name
    path.write_bytes(doc.data)
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.update_metadata(
            s,
            clerk,
            doc_id,
            None,
            title=TITLE,
            doc_type="通知",
            category="卫生、体育\\医疗保障",
            written_on=TODAY,
        )
    check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        for finding in latest_run(s, doc_id).findings:
            basis = (
                LegalBasis.STATE_SECRET if finding.rule_id == "MARK-LEVEL" else LegalBasis.THIRD_PARTY_RIGHTS
            )
            if finding.rule_id in ("MARK-LEVEL", "PII-ID"):
                decide(s, reviewer, finding.id, REMOVE, basis=basis)
    approve(
        workspace.db,
        people.reviewer,
        doc_id,
        None,
        Conclusion.DISCLOSE_REDACTED,
        "同意删减后公开",
        workspace.paths.cache_dir,
    )
    return publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, summary="医保缴费标准调整", to_portal=to_portal
    ).index_no


@pytest.fixture
def site(workspace, people, sample_files, tmp_path) -> tuple[Path, str, str]:
    """A site with a redacted entry and a clean one; returns the folder and both 索引号."""
    redacted = _redacted_entry(workspace, people, tmp_path)
    doc_id = approved_document(workspace, people, sample_files["clean"])
    clean = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖").index_no
    folder = tmp_path / "site"
    update_static_site(workspace.db, folder)
    return folder, redacted, clean


def _audit(workspace, **kw) -> list[Problem]:
    return audit_published(workspace.db, workspace.paths.cache_dir, **kw)


def _pdf_of(folder: Path, index_no: str) -> Path:
    page = (folder / "entries" / page_name(index_no)).read_text(encoding="utf-8")
    (name,) = {p.name for p in (folder / "files").glob("*.pdf") if p.name in page}
    return folder / "files" / name


def test_a_clean_site_passes(workspace, site):
    folder, _, _ = site
    assert [p.describe() for p in _audit(workspace, site=folder)] == []


def test_a_corrupted_served_pdf_is_named(workspace, site):
    folder, redacted, _ = site
    pdf = _pdf_of(folder, redacted)
    pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n% changed on the server\n"))
    problems = _audit(workspace, site=folder)
    assert [(p.where, p.template) for p in problems] == [
        (f"files/{pdf.name}", "文件内容与冻结的发布内容不一致（SHA-256 为 {got}…，应为 {want}…）")
    ]
    assert problems[0].params["want"] == pdf.stem[:16]


def test_a_withdrawn_file_put_back_is_named(workspace, people, site):
    folder, redacted, _ = site
    pdf = _pdf_of(folder, redacted)
    served = pdf.read_bytes()
    withdraw(workspace.db, people.publisher, redacted, "内容有误")
    update_static_site(workspace.db, folder)
    assert not pdf.exists() and _audit(workspace, site=folder) == []
    pdf.write_bytes(served)  # copied back onto the web server by hand
    (problem,) = _audit(workspace, site=folder)
    assert problem.where == f"files/{pdf.name}" and problem.describe().endswith(
        f"已撤回条目“{redacted}”的文件仍在提供"
    )


def test_a_page_edited_to_show_removed_text_is_named(workspace, site):
    """Even written in groups, as the release's own check of its fields would have refused it
    (the audit looked only for the text as written or normalised)."""
    folder, redacted, _ = site
    page = folder / "entries" / page_name(redacted)
    grouped = "-".join(SAMPLE_ID[i : i + 4] for i in range(0, len(SAMPLE_ID), 4))
    page.write_text(
        page.read_text(encoding="utf-8").replace(f"<td>{TITLE}</td>", f"<td>{TITLE}（{grouped}）</td>"),
        encoding="utf-8",
    )
    (folder / "entries" / "unknown.html").write_text("<p>旧页面</p>", encoding="utf-8")
    problems = {(p.where, p.template.split("：")[0].split("{")[0]) for p in _audit(workspace, site=folder)}
    where = f"entries/{page_name(redacted)}"
    assert problems == {
        (where, "所示的"),
        (where, "含有审查时删除的内容"),
        ("entries/unknown.html", "数据库中没有此页面对应的条目"),
    }
    text = "\n".join(p.describe() for p in _audit(workspace, site=folder))
    assert SAMPLE_ID not in text and "信息名称" in text  # the list names the field, never the removed text


def test_the_portal_is_read_back_and_a_withdrawn_file_there_is_named(workspace, people, tmp_path):
    index_no = _redacted_entry(workspace, people, tmp_path, to_portal=True)
    with PortalServer() as portal:
        client = PortalClient(portal.url, TOKEN, timeout=5, attempts=1)
        assert run_queue(workspace.db, client).done == 1
        assert _audit(workspace, portal=client) == []
        (sha,) = portal.state.files
        served = portal.state.files[sha]
        portal.state.entries[index_no]["keywords"] = [SAMPLE_ID]
        problems = {p.template.split("{")[0] for p in _audit(workspace, portal=client)}
        assert problems == {"所示的", "含有审查时删除的内容："}
        withdraw(workspace.db, people.publisher, index_no, "内容有误")
        assert run_queue(workspace.db, client).done == 1
        assert sha not in portal.state.files and _audit(workspace, portal=client) == []
        portal.state.files[sha] = served  # the portal did not delete it after all
        (problem,) = _audit(workspace, portal=client)
        assert problem.where == f"{portal.url}/api/v1/files/{sha}" and "已撤回条目" in problem.what
    with workspace.db.read() as s:
        from app.db.models import PublishJob

        assert {j.target for j in s.query(PublishJob)} == {PORTAL}


def _cli(workspace, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *desk_args(workspace), "audit", "published", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DESK_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def test_cli_exit_codes(workspace, site, tmp_path):
    folder, redacted, _ = site
    workspace.close()
    r = _cli(workspace, "--site", str(folder))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "线上内容与数据库一致" in r.stdout
    pdf = _pdf_of(folder, redacted)
    pdf.write_bytes(b"%PDF-1.7 replaced")
    r = _cli(workspace, "--site", str(folder))
    assert (
        r.returncode == 1
        and f"files/{pdf.name}" in r.stdout
        and "无法读取文件内容" in r.stdout
        and "2 处问题" in r.stdout
    )
    r = _cli(workspace, "--site", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "网站文件夹不存在" in r.stderr
    help_text = subprocess.run(
        [sys.executable, "main.py", "audit", "published", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert help_text.returncode == 0 and "--portal" in help_text.stdout


def test_the_catalog_window_runs_the_audit_in_the_background(qtbot, desk_app, workspace, site, tmp_path):
    from app.ui.catalog_view import CatalogWindow

    folder, redacted, _ = site
    pdf = _pdf_of(folder, redacted)
    pdf.write_bytes(b"%PDF-1.7 replaced")
    window = CatalogWindow(workspace.db, None, None, folder, cache_dir=workspace.paths.cache_dir)
    qtbot.addWidget(window)
    task = window.audit_published()
    assert task is not None and not window.audit_button.isEnabled()
    qtbot.waitUntil(lambda: getattr(window, "last_audit", None) is not None, timeout=60_000)
    dialog = window.last_audit
    qtbot.addWidget(dialog)
    assert "2 处问题" in dialog.summary.text() and window.audit_button.isEnabled()
    assert dialog.table.item(0, 0).text() == f"files/{pdf.name}"
    assert "不一致" in dialog.table.item(0, 1).text()
    dialog.grab().save(str(tmp_path / "published_audit_dialog.png"))
