"""Withdrawal takes every byte of an entry off the static site, checked over a real HTTP server."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

import html5lib

from publish.static_site import (
    Attachment,
    SiteEntry,
    StaticSite,
    WithdrawnEntry,
    live_file_names,
    page_name,
)
from tests.run_day import TODAY
from tests.site_server import SiteServer

PDF = b"%PDF-1.7 shared published bytes"
PDF_SHA = hashlib.sha256(PDF).hexdigest()
MEDIA = b"\x00\x00\x00\x18ftypmp42 interpretation video"
MEDIA_SHA = hashlib.sha256(MEDIA).hexdigest()
FILES = {PDF_SHA: PDF, MEDIA_SHA: MEDIA}

A = SiteEntry(
    index_no="TEST00001/2026-00001",
    title="关于<调整>供暖收费的通知",
    publisher="测试市数据局",
    written_on="2026-11-10",
    published_on="2026-11-23",
    doc_number="示城管〔2026〕12号",
    category="城乡建设、环境保护\\城市管理",
    doc_type="通知",
    keywords=("供暖收费", "独有主题词"),
    summary="独有的内容概述",
    disclosure="主动公开",
    scope="面向社会",
    validity="valid",
    pdf_sha256=PDF_SHA,
    attachments=(Attachment("解读视频.mp4", MEDIA_SHA, "video/mp4"),),
)
# Another entry publishing the very same PDF: content-addressed, so one file serves both.
B = replace(A, index_no="TEST00001/2026-00002", title="另一条目", summary="另一概述", attachments=())


def _withdrawn(entry: SiteEntry) -> WithdrawnEntry:
    return WithdrawnEntry(entry.index_no, entry.title, "2026-12-01")


def _text(body: bytes) -> str:
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(body)
    assert tree.get("lang") == "zh-CN"
    return "".join(tree.itertext())


def test_withdrawn_files_go_a_shared_file_stays_and_the_page_says_withdrawn(tmp_path: Path) -> None:
    site = StaticSite(tmp_path / "site")
    for entry in (A, B):
        site.publish(entry, FILES.__getitem__)
    site.write_index([A, B])
    pdf_url, media_url = f"files/{PDF_SHA}.pdf", A.attachments[0].file_name
    with SiteServer(site.folder) as server:
        assert server.get(pdf_url) == (200, PDF)
        assert server.get(f"files/{media_url}") == (200, MEDIA)

        site.withdraw(_withdrawn(A), live_file_names([B]))
        site.write_index([B], [_withdrawn(A)])
        assert server.get(pdf_url) == (200, PDF)  # B still publishes it
        assert server.get(f"files/{media_url}")[0] == 404
        status, body = server.get(f"entries/{page_name(A.index_no)}")
        text = _text(body)
        assert status == 200 and "已撤回" in text and A.index_no in text and "2026-12-01" in text
        assert A.title in text and "<调整>" not in body.decode()  # escaped, shown as written
        for content in (A.summary, "独有主题词", "内容概述", "查看正文", PDF_SHA):
            assert content not in body.decode()
        assert b"files/" not in body

        site.withdraw(_withdrawn(B), live_file_names([]))
        site.write_index([], [_withdrawn(A), _withdrawn(B)])
        assert server.get(pdf_url)[0] == 404
        assert list((site.folder / "files").iterdir()) == []
        assert "已撤回" in _text(server.get(f"entries/{page_name(B.index_no)}")[1])
        assert "TEST00001" not in (site.folder / "catalog.js").read_text(encoding="utf-8")


def test_the_sweep_removes_files_and_pages_no_entry_has(tmp_path: Path) -> None:
    site = StaticSite(tmp_path / "site")
    site.publish(B, FILES.__getitem__)
    (site.folder / "files" / f"{MEDIA_SHA}.mp4").write_bytes(MEDIA)  # a withdrawn file put back
    (site.folder / "files" / "stray.pdf").write_bytes(b"%PDF-1.7 not published")
    (site.folder / "entries" / "unknown.html").write_text("<p>旧页面</p>", encoding="utf-8")
    changed = site.write_index([B])
    assert sorted(p.name for p in (site.folder / "files").iterdir()) == [f"{PDF_SHA}.pdf"]
    assert [p.name for p in (site.folder / "entries").iterdir()] == [page_name(B.index_no)]
    assert site.folder / "files" / "stray.pdf" in changed


def test_catalog_withdrawal_over_http(workspace, people, sample_files, tmp_path: Path) -> None:
    from app.catalog import publish_to_catalog, update_static_site, withdraw
    from tests.conftest import approved_document

    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, published_on=TODAY, summary="概述只在条目页上"
    )
    folder = tmp_path / "site"
    update_static_site(workspace.db, folder)
    (pdf,) = (folder / "files").glob("*.pdf")
    page = f"entries/{page_name(entry.index_no)}"
    with SiteServer(folder) as server:
        assert (
            server.get(f"files/{pdf.name}")[0] == 200 and "概述只在条目页上" in server.get(page)[1].decode()
        )
        withdraw(workspace.db, people.publisher, entry.index_no, "内容有误")
        update_static_site(workspace.db, folder)
        assert server.get(f"files/{pdf.name}")[0] == 404
        status, body = server.get(page)
        text = _text(body)
        assert status == 200 and "已撤回" in text and entry.index_no in text
        assert TODAY.isoformat() in text
        assert "概述只在条目页上" not in text and "files/" not in body.decode() and "内容有误" not in text
    assert update_static_site(workspace.db, folder) == 0  # the 已撤回 page is written once


def test_page_names_are_unique_and_safe_for_any_index_number(tmp_path: Path) -> None:
    numbers = [
        "示医保/2026-00001",
        "示民政/2026-00001",
        "TEST00001/2026-00001",
        "TEST00001_2026-00001",
        "../x",
        "..",
    ]
    names = [page_name(n) for n in numbers]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[0-9A-Za-z_-][0-9A-Za-z._-]*\.html", n) for n in names)
    # Withdrawing one of two entries whose numbers differ only in Chinese leaves the other's page.
    site = StaticSite(tmp_path / "site")
    first = replace(A, index_no=numbers[0], attachments=())
    second = replace(B, index_no=numbers[1])
    for entry in (first, second):
        site.publish(entry, FILES.__getitem__)
    site.write_index([first, second])
    site.withdraw(_withdrawn(first), live_file_names([second]))
    site.write_index([second], [_withdrawn(first)])
    page = (site.folder / "entries" / page_name(second.index_no)).read_text(encoding="utf-8")
    assert "已撤回" not in page and second.title in page
