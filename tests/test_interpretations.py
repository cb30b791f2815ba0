"""政策解读: attached, checked and reviewed with their document, 三同步, linked when published, on time."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from html.parser import HTMLParser

import pymupdf
import pytest
from sqlalchemy import select

from app import documents, interpretations
from app.catalog import publish_to_catalog, update_static_site, withdraw
from app.checking import check_document, latest_run
from app.db.models import AuditEvent, CatalogEntry, Review, User
from app.deadlines import Rule, deadlines
from app.demo import DEMO_CATEGORY
from app.errors import PermissionDenied, ValidationFailed
from app.publishing import run_queue
from app.reviewing import Conclusion, approve, decide, file_bytes
from app.roles import Status
from app.workflow import Action, get_document, perform
from publish.portal import PortalClient
from publish.static_site import page_name
from publish.taxonomy import InterpretationForm, LegalBasis
from publish.workdays import add_working_days
from review.samples import SAMPLE_ID
from tests.conftest import submit_draft
from tests.portal_server import TOKEN, PortalServer
from tests.run_day import TODAY

TEXT = (
    "<h1>一、出台背景</h1><p>为做好今冬供暖保障工作，制定本通知。</p>"
    "<ul><li>保障对象：城区居民</li><li>保障时间：11月15日至次年3月15日</li></ul>"
    "<table><tr><td>室温标准</td><td>不低于18℃</td></tr></table><script>alert(1)</script>"
)
SECRET = "机密★10年"


def draft(workspace, people, path, *, normative=False):
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        documents.update_metadata(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            None,
            title="关于做好冬季供暖保障工作的通知",
            doc_type="通知",
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2026, 11, 10),
            normative=normative,
        )
    return doc_id


def attach(workspace, people, doc_id, text=TEXT, media=()):
    with workspace.db.write() as s:
        return interpretations.attach(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            form=InterpretationForm.TEXT,
            title="《关于做好冬季供暖保障工作的通知》政策解读",
            drafting_department="测试市数据局",
            rich_text=text,
            media=list(media),
        ).id


def submit_and_check(workspace, people, doc_id, *ids):
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    for i in (doc_id, *ids):
        check_document(workspace.db, None, i, workspace.paths.cache_dir)


def approve_doc(workspace, people, doc_id, **kw):
    return approve(
        workspace.db,
        people.reviewer,
        doc_id,
        None,
        Conclusion.DISCLOSE,
        "同意公开",
        workspace.paths.cache_dir,
        **kw,
    )


def attest_all(workspace, people, interp_id):
    """Video the engine cannot read goes out only on a reviewer's word (人工审查)."""
    with workspace.db.write() as s:
        for media in interpretations.media_of(s, interp_id):
            interpretations.attest_media(
                s, s.get_one(User, people.reviewer), media.id, "已完整观看，无敏感内容"
            )


def status(workspace, doc_id):
    with workspace.db.read() as s:
        return get_document(s, doc_id).status_enum


def test_normative_document_needs_an_interpretation_or_the_reviewers_reason(workspace, people, sample_files):
    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    submit_and_check(workspace, people, doc_id)
    with pytest.raises(PermissionDenied, match="三同步"):
        approve_doc(workspace, people, doc_id)
    assert status(workspace, doc_id) is Status.PENDING_REVIEW
    approve_doc(workspace, people, doc_id, no_interpretation_reason="本文件仅调整执行期限，无需解读")
    with workspace.db.read() as s:
        review = s.scalars(select(Review).where(Review.document_id == doc_id)).one()
        assert review.no_interpretation_reason == "本文件仅调整执行期限，无需解读"
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.review")).one()
        assert "无需解读" in event.detail
        record = file_bytes(s, doc_id, "record")
    assert status(workspace, doc_id) is Status.APPROVED
    with pymupdf.open("pdf", record) as pdf:
        assert "未附政策解读的理由" in "".join(p.get_text() for p in pdf)


def test_interpretation_travels_with_its_document_and_its_blocking_finding_blocks_approval(
    workspace, people, sample_files
):
    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    interp_id = attach(workspace, people, doc_id, TEXT + f"<p>本解读原稿标注{SECRET}。</p>")
    with workspace.db.read() as s:
        original = documents.original_file(s, interp_id)
    # Written in the desk: laid out as a PDF with its headings, lists and table, without the script.
    with pymupdf.open("pdf", original.data) as pdf:
        text = pdf[0].get_text()
    assert "一、出台背景" in text and "不低于18℃" in text and "alert" not in text
    submit_and_check(workspace, people, doc_id, interp_id)
    assert status(workspace, interp_id) is Status.PENDING_REVIEW  # submitted with its document
    with pytest.raises(PermissionDenied, match=r"政策解读.*阻断级"):
        approve_doc(workspace, people, doc_id)
    assert status(workspace, doc_id) is Status.PENDING_REVIEW
    with workspace.db.write() as s:
        run = latest_run(s, interp_id)
        assert run is not None
        marking = next(f for f in run.findings if SECRET in f.text)
        decide(s, s.get_one(User, people.reviewer), marking.id, "remove", basis=LegalBasis.STATE_SECRET)
    approve_doc(workspace, people, doc_id)
    assert status(workspace, doc_id) is Status.APPROVED and status(workspace, interp_id) is Status.APPROVED
    with workspace.db.read() as s:
        published = file_bytes(s, interp_id, "published")
    with pymupdf.open("pdf", published) as pdf:
        text = "".join(p.get_text() for p in pdf)
    assert "出台背景" in text and SECRET not in text


def test_returning_the_document_returns_its_interpretation(workspace, people, sample_files):
    doc_id = draft(workspace, people, sample_files["clean"])
    interp_id = attach(workspace, people, doc_id)
    submit_and_check(workspace, people, doc_id)
    with workspace.db.write() as s:
        perform(
            s, s.get_one(User, people.reviewer), doc_id, Action.RETURN, expected_version=None, reason="补充"
        )
    assert status(workspace, interp_id) is Status.DRAFT


def test_a_returned_interpretation_is_rewritten_in_the_desk_and_checked_again(
    workspace, people, sample_files
):
    doc_id = draft(workspace, people, sample_files["clean"])
    interp_id = attach(workspace, people, doc_id, TEXT + f"<p>本解读原稿标注{SECRET}。</p>")
    submit_and_check(workspace, people, doc_id, interp_id)
    with workspace.db.write() as s:
        perform(
            s, s.get_one(User, people.reviewer), doc_id, Action.RETURN, expected_version=None, reason="删密级"
        )
    with workspace.db.read() as s:
        assert SECRET in interpretations.written_text(s, interp_id)
    rewritten = TEXT.replace("城区居民", "城区及近郊居民")
    with workspace.db.write() as s:
        interpretations.revise(s, s.get_one(User, people.clerk), interp_id, None, rich_text=rewritten)
    with workspace.db.read() as s:
        written = interpretations.written_text(s, interp_id)
        original = documents.original_file(s, interp_id)
        assert get_document(s, interp_id).current_original().revision == 2
    assert "城区及近郊居民" in written and SECRET not in written and "<script>" not in written
    with pymupdf.open("pdf", original.data) as pdf:
        text = pdf[0].get_text()
    assert "城区及近郊居民" in text and SECRET not in text
    # The check of the first version no longer counts; the new one finds nothing blocking.
    submit_and_check(workspace, people, doc_id, interp_id)
    with workspace.db.read() as s:
        run = latest_run(s, interp_id)
        assert run is not None and not any(SECRET in f.text for f in run.findings)
    approve_doc(workspace, people, doc_id)
    assert status(workspace, interp_id) is Status.APPROVED


def test_an_uploaded_file_replaces_the_desk_written_text(workspace, people, sample_files):
    doc_id = draft(workspace, people, sample_files["clean"])
    interp_id = attach(workspace, people, doc_id)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        with pytest.raises(ValidationFailed, match="二选一"):
            interpretations.revise(
                s, clerk, interp_id, None, draft=documents.prepare(sample_files["clean"]), rich_text=TEXT
            )
        with pytest.raises(ValidationFailed, match="只有政策解读"):
            interpretations.revise(s, clerk, doc_id, None, rich_text=TEXT)
        with pytest.raises(ValidationFailed, match="不能为空"):
            interpretations.revise(s, clerk, interp_id, None, rich_text="<p> </p>")
        with pytest.raises(PermissionDenied, match="经办人"):
            interpretations.revise(
                s, s.get_one(User, people.reviewer), interp_id, None, rich_text=TEXT.replace("一", "二")
            )
    with workspace.db.write() as s:
        interpretations.revise(
            s, s.get_one(User, people.clerk), interp_id, None, draft=documents.prepare(sample_files["clean"])
        )
    with workspace.db.read() as s:
        assert interpretations.written_text(s, interp_id) == ""
        assert documents.original_file(s, interp_id).name == sample_files["clean"].name


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


def links(page) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


def test_published_together_and_linked_both_ways_on_the_site_and_the_portal(
    workspace, people, sample_files, tmp_path
):
    video = tmp_path / "解读视频.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    interp_id = attach(workspace, people, doc_id, media=[interpretations.read_media(video)])
    submit_and_check(workspace, people, doc_id, interp_id)
    attest_all(workspace, people, interp_id)
    approve_doc(workspace, people, doc_id)
    entry = publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, summary="供暖保障", to_portal=True
    )
    with workspace.db.read() as s:
        interp_entry = s.scalars(select(CatalogEntry).where(CatalogEntry.document_id == interp_id)).one()
        interp_index = interp_entry.index_no
    assert interp_index != entry.index_no
    assert status(workspace, interp_id) is Status.PUBLISHED

    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    doc_page = site / "entries" / page_name(entry.index_no)
    interp_page = site / "entries" / page_name(interp_index)
    assert page_name(interp_index) in links(doc_page)
    assert page_name(entry.index_no) in links(interp_page)
    sha = hashlib.sha256(video.read_bytes()).hexdigest()
    assert f"../files/{sha}.mp4" in links(interp_page)
    assert (site / "files" / f"{sha}.mp4").read_bytes() == video.read_bytes()
    assert "文字解读" in interp_page.read_text(encoding="utf-8")

    with PortalServer(delay=1.0) as portal:
        outcome = run_queue(workspace.db, PortalClient(portal.url, TOKEN, timeout=2, attempts=1))
        assert outcome.done == 2
        assert portal.state.entries[entry.index_no]["interpretations"] == [interp_index]
        assert portal.state.entries[interp_index]["interprets"] == entry.index_no
        assert portal.state.files[sha] == video.read_bytes()

    # Withdrawing the document takes its interpretation off the site too.
    withdraw(workspace.db, people.publisher, entry.index_no, "政策调整")
    update_static_site(workspace.db, site)
    for page in (doc_page, interp_page):  # a small 已撤回 page without content stays where the entry was
        assert "已撤回" in page.read_text(encoding="utf-8") and "查看正文" not in page.read_text(
            encoding="utf-8"
        )
    assert not (site / "files" / f"{sha}.mp4").exists()
    catalog = (site / "catalog.js").read_text(encoding="utf-8")
    assert json.loads(catalog.removeprefix("window.CATALOG = ").rstrip(";\n")) == []


def test_interpretation_after_publication_is_due_in_three_working_days(
    workspace, people, sample_files, tmp_path
):
    doc_id = draft(workspace, people, sample_files["clean"])
    submit_and_check(workspace, people, doc_id)
    approve_doc(workspace, people, doc_id)
    today = TODAY
    entry = publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, published_on=today, summary="供暖"
    )
    interp_id = attach(workspace, people, doc_id)
    with workspace.db.read() as s:
        rows = [
            d for d in deadlines(s, s.get_one(User, people.clerk), today) if d.rule is Rule.INTERPRETATION
        ]
    assert [d.document_id for d in rows] == [interp_id]
    assert rows[0].due == add_working_days(today, 3)[0] and rows[0].starts_on == today
    with workspace.db.read() as s:
        late = deadlines(s, s.get_one(User, people.clerk), add_working_days(today, 5)[0])
    assert late[0].document_id == interp_id and late[0].working_days_left < 0

    # Reviewed on its own, published on its own, and the document's page then lists it.
    submit_and_check(workspace, people, interp_id)
    approve_doc(workspace, people, interp_id)
    interp_entry = publish_to_catalog(workspace.db, people.publisher, interp_id, None, published_on=today)
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    assert page_name(interp_entry.index_no) in links(site / "entries" / page_name(entry.index_no))
    with workspace.db.read() as s:
        assert not [
            d for d in deadlines(s, s.get_one(User, people.clerk), today) if d.rule is Rule.INTERPRETATION
        ]


def test_interpretation_cannot_go_out_before_its_document(workspace, people, sample_files):
    doc_id = draft(workspace, people, sample_files["clean"])
    submit_and_check(workspace, people, doc_id)
    interp_id = attach(workspace, people, doc_id)  # added while the document waits for review
    submit_and_check(workspace, people, interp_id)
    approve_doc(workspace, people, interp_id)
    with pytest.raises(PermissionDenied, match="一并发布"):
        publish_to_catalog(workspace.db, people.publisher, interp_id, None)


def test_headless_interpretation_flow(tmp_path, sample_files, migrated_sqlite):
    from tests.test_cli import demo_desk, desk, desk_here

    data = demo_desk(tmp_path / "d", migrated_sqlite)

    def run(user, *args):
        return desk_here(data, "--user", user, *args, password="demo-2026")

    r = run("clerk", "import", str(sample_files["clean"]), "--title", "关于做好冬季供暖保障工作的通知")
    doc_id = r.stdout.split("#")[1].split("：")[0]
    r = run("clerk", "edit", doc_id, "--normative", "--written-on", "2026-11-10", "--doc-type", "通知")
    assert r.returncode == 0, r.stderr
    html = tmp_path / "解读.html"
    html.write_text(TEXT, encoding="utf-8")
    r = run(
        "clerk",
        "interpret",
        "add",
        doc_id,
        "--form",
        "qa",
        "--title",
        "供暖政策问答",
        "--department",
        "市住建局",
        "--html",
        str(html),
    )
    assert r.returncode == 0 and "保密检查" in r.stdout, r.stderr
    # A real process: its listing, as a user reads it; the other steps run in-process.
    r = desk(data, "--user", "clerk", "interpret", "list", doc_id, password="demo-2026")
    assert "[政策问答] 草稿  供暖政策问答（市住建局）" in r.stdout
    # Filed later: the interpretation goes under its document's category.
    today = TODAY.isoformat()  # the day the check judged as of
    r = run("clerk", "edit", doc_id, "--category", DEMO_CATEGORY, "--written-on", today)
    assert r.returncode == 0, r.stderr
    assert run("clerk", "submit", doc_id).returncode == 0
    r = run("clerk", "interpret", "list", doc_id)
    assert "待审查" in r.stdout  # went with its document
    r = run("reviewer", "approve", doc_id, "--conclusion", "disclose", "--opinion", "同意")
    assert r.returncode == 0, r.stderr
    assert "已批准" in run("clerk", "interpret", "list", doc_id).stdout
    site = tmp_path / "site"
    r = run(
        "publisher", "publish", doc_id, "--summary", "供暖保障", "--target", "static", "--site", str(site)
    )
    assert r.returncode == 0, r.stderr
    assert "政策解读" in r.stdout and "一并发布" in r.stdout
    index_no = r.stdout.split("索引号 ")[1].split("。")[0]
    companion_index = r.stdout.split("索引号 ")[2].split("。")[0]
    assert page_name(companion_index) in links(site / "entries" / page_name(index_no))


def test_headless_revise_of_a_document_and_of_an_interpretations_text(
    tmp_path, sample_files, migrated_sqlite
):
    from tests.test_cli import demo_desk, desk, desk_here

    data = demo_desk(tmp_path / "d", migrated_sqlite)

    def run(*args):
        return desk_here(data, "--user", "clerk", *args, password="demo-2026")

    r = run("import", str(sample_files["clean"]), "--title", "关于做好冬季供暖保障工作的通知")
    doc_id = r.stdout.split("#")[1].split("：")[0]
    html = tmp_path / "解读.html"
    html.write_text(TEXT, encoding="utf-8")
    r = run(
        "interpret",
        "add",
        doc_id,
        "--form",
        "text",
        "--title",
        "解读",
        "--department",
        "市住建局",
        "--html",
        str(html),
    )
    interp_id = r.stdout.split("政策解读 #")[1].split("。")[0]
    assert "保密检查：阻断 0" in r.stdout
    html.write_text(TEXT + f"<p>补充：联系人身份证号 {SAMPLE_ID}</p>", encoding="utf-8")
    r = run("revise", interp_id, "--html", str(html))
    assert r.returncode == 0 and f"#{interp_id} 已上传第 2 版" in r.stdout, r.stderr
    assert "保密检查：阻断 1" in r.stdout  # the ID number added is found in the new version
    r = run("revise", doc_id, str(sample_files["pdf"]))
    assert r.returncode == 0 and "已上传第 2 版" in r.stdout and "阻断 2" in r.stdout, r.stdout + r.stderr
    r = run("revise", doc_id, "--html", str(html))
    assert r.returncode != 0 and "只有政策解读" in r.stderr
    # A real process: refused with its exit code; the other steps run in-process.
    r = desk(data, "--user", "clerk", "revise", doc_id, password="demo-2026")
    assert r.returncode != 0 and "FILE" in r.stderr
