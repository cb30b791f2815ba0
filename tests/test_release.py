"""What is published is exactly what was reviewed: one frozen release per approval, and every
target publishes it and nothing else (issue 13's examples, each tried as a user or an attacker)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select, update

from app import audit, categories, documents
from app.catalog import publish_to_catalog, save_scheme, update_static_site
from app.catalog_search import CatalogFilter, search
from app.checking import check_document, latest_run
from app.db.models import AuditEvent, CatalogEntry, Document, Release, User
from app.errors import PermissionDenied, ValidationFailed
from app.reviewing import Conclusion, approve, decide
from app.roles import Status
from publish.index_number import IndexScheme
from publish.release import ReleaseError
from publish.taxonomy import LegalBasis
from publish.transfer import MANIFEST
from review.samples import SAMPLE_ID
from tests.conftest import PASSWORD, desk_args, submit_draft
from tests.test_transfer import export, offline_key

ROOT = Path(__file__).resolve().parents[1]
ID_NUMBER = "110101199003071233"
NOTICE = f"""关于违纪问题的处理通报

各科室：
经查，李明（身份证号{ID_NUMBER}）在2026年供暖保障工作中违反廉洁纪律。李明已作出深刻检讨。
经研究，决定给予李明党内警告处分。本材料为内部资料。
望各单位引以为戒，严格落实供暖保障工作要求，确保群众温暖过冬。
"""
BASES = {"PII-ID": LegalBasis.THIRD_PARTY_RIGHTS, "PII-NAME": LegalBasis.THIRD_PARTY_RIGHTS}


def _submitted(workspace, people, tmp_path, text=NOTICE, **meta) -> int:
    path = tmp_path / "通报.txt"
    path.write_text(text, encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.update_metadata(
            s,
            clerk,
            doc_id,
            None,
            title="关于廉洁纪律问题的处理通报",
            doc_type="通报",
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2026, 11, 10),
            **meta,
        )
        submit_draft(s, clerk, doc_id)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    return doc_id


def _remove_everything(workspace, people, doc_id) -> None:
    """The reviewer takes out the name, the ID number and the 内部资料 marking."""
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        for finding in latest_run(s, doc_id).findings:
            if finding.text:
                basis = BASES.get(finding.rule_id, LegalBasis.INTERNAL_AFFAIRS)
                decide(s, reviewer, finding.id, "remove", basis=basis)


def _approve(workspace, people, doc_id, conclusion=Conclusion.DISCLOSE_REDACTED):
    return approve(workspace.db, people.reviewer, doc_id, None, conclusion, "同意", workspace.paths.cache_dir)


def _site_text(site: Path) -> str:
    """Everything a visitor can read on the site: pages, the catalog data and the PDFs' text."""
    parts = []
    for path in site.rglob("*"):
        if path.suffix == ".pdf":
            with pymupdf.open(path) as pdf:
                parts.extend(page.get_text() for page in pdf)
        elif path.is_file():
            parts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(parts)


def test_a_removed_name_is_nowhere_on_the_site_in_search_or_in_the_package(workspace, people, tmp_path):
    offline_key(workspace, people)
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    package = tmp_path / "package.zip"
    export(workspace, people, package)

    with workspace.db.read() as s:
        published = s.get_one(CatalogEntry, entry.id)
        keywords = json.loads(published.keywords)
        assert "供暖" in keywords  # suggested from the published text
        hits = {q: search(s, CatalogFilter(query=q)) for q in ("李明", "内部资料", "供暖保障")}
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read(MANIFEST).decode("utf-8")
        (record_sha,) = [
            f["sha256"]
            for item in json.loads(manifest)["items"]
            for f in item["files"]
            if f["role"] == "record"
        ]
        with pymupdf.open("pdf", archive.read(f"files/{record_sha}")) as pdf:
            record = "".join(page.get_text() for page in pdf)
    assert "保密审查单" in record and "110***********1233" in record  # the record travels, masked
    site_text = _site_text(site)
    assert "供暖保障" in site_text and hits["供暖保障"]
    for secret in ("李明", ID_NUMBER, "内部资料"):
        assert secret not in site_text
        assert secret not in "".join(keywords)
        assert secret not in manifest
        assert secret not in record
    assert hits["李明"] == [] and hits["内部资料"] == []


def test_keywords_holding_a_removed_name_refuse_the_approval_naming_the_field(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path, keywords=("廉洁纪律", "李明"))
    _remove_everything(workspace, people, doc_id)
    with pytest.raises(ValidationFailed, match="目录字段 主题词含有审查时删除的内容"):
        _approve(workspace, people, doc_id)


def test_a_summary_written_at_publishing_is_checked_and_an_id_number_sends_it_back(
    workspace, people, tmp_path
):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    with pytest.raises(PermissionDenied, match=r"目录字段 内容概述.*请退回重新审查"):
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary=f"当事人身份证号{ID_NUMBER}")
    with pytest.raises(PermissionDenied, match="目录字段 内容概述"):
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="李明违纪的处理情况")
    # A harmless summary passes the same check and amends the release, which the entry then publishes.
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖保障工作的纪律要求")
    with workspace.db.read() as s:
        rows = list(s.scalars(select(Release).where(Release.document_id == doc_id).order_by(Release.id)))
        assert [r.amends_id for r in rows] == [None, rows[0].id]
        assert s.get_one(CatalogEntry, entry.id).release_sha256 == rows[1].sha256


def test_the_publisher_completes_catalog_fields_checked_as_the_reviewed_ones(workspace, people, tmp_path):
    """主题分类 and 发布机构 written at publishing: a category or issuing body carrying removed text or an
    ID number sends the item back; a clean one amends the release, numbers the entry under it and is
    audited before and after."""
    codes = {"城乡建设、环境保护\\城市管理": "A01", "卫生、体育\\医疗保障": "C07", "国防\\李明": "Z99"}
    with workspace.db.write() as s:
        admin = s.get_one(User, people.admin)
        save_scheme(s, admin, IndexScheme(prefix="TEST00001", category_codes=codes))
        # A department may add categories: one named after the text the reviewer removes.
        categories.add(s, admin, "国防", "李明")
        categories.add(s, admin, "国防", f"编号{SAMPLE_ID}")
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    for refused, field in (
        ({"category": "国防\\李明"}, "目录字段 主题分类含有审查时删除的内容"),
        ({"publisher": f"测试市数据局{SAMPLE_ID}"}, "目录字段 发布机构"),
        ({"category": f"国防\\编号{SAMPLE_ID}"}, "目录字段 主题分类"),
        ({"publisher": "测试市数据局（李　明）"}, "目录字段 发布机构含有审查时删除的内容"),
        ({"keywords": ("供暖", "李明")}, "目录字段 主题词含有审查时删除的内容"),
    ):
        with pytest.raises(PermissionDenied, match=f"{field}.*请退回重新审查"):
            publish_to_catalog(workspace.db, people.publisher, doc_id, None, **refused)
    with pytest.raises(ValidationFailed) as not_leaf:
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, category="国防")
    assert "不能发布：主题分类“国防”" in str(not_leaf.value) and "。；" not in str(not_leaf.value)
    with pytest.raises(ValidationFailed, match=r"不能发布：缺少发布机构。$"):
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, publisher=" ")
    with workspace.db.read() as s:
        assert s.get_one(Document, doc_id).status == Status.APPROVED  # nothing went out
    entry = publish_to_catalog(
        workspace.db,
        people.publisher,
        doc_id,
        None,
        category="卫生、体育\\医疗保障",
        publisher="测试市卫生健康委",
    )
    assert "C07" in entry.index_no and entry.category == "卫生、体育\\医疗保障"
    site = tmp_path / "site"
    update_static_site(workspace.db, site)  # every target re-verifies the entry against its release
    with workspace.db.read() as s:
        (event,) = s.scalars(select(AuditEvent).where(AuditEvent.action == "catalog.complete")).all()
        assert json.loads(event.detail)["before"] == {
            "category": "城乡建设、环境保护\\城市管理",
            "publisher": "测试市数据局",
        }
        assert json.loads(event.detail)["after"] == {
            "category": "卫生、体育\\医疗保障",
            "publisher": "测试市卫生健康委",
        }
        assert audit.verify(s)[1] == []
    assert "测试市卫生健康委" in _site_text(site)


def test_a_backdated_publishing_date_is_refused_with_a_clear_message(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    r = subprocess.run(
        [
            sys.executable,
            "main.py",
            *desk_args(workspace),
            *("--user", "publisher", "publish", str(doc_id), "--date", "2026-01-05"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DESK_PASSWORD": PASSWORD},
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "发布日期必须是发布当天" in r.stderr and "不能提前或倒签" in r.stderr
    with workspace.db.read() as s:
        assert s.scalars(select(CatalogEntry)).first() is None


def test_an_on_request_item_is_a_catalog_line_without_file_or_body(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    approval = _approve(workspace, people, doc_id, Conclusion.ON_REQUEST)
    assert approval.published_sha256 == ""
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    assert entry.published_sha256 == ""
    assert not any((site / "files").glob("*")) if (site / "files").exists() else True
    page = next((site / "entries").glob("*.html")).read_text(encoding="utf-8")
    assert "依申请公开" in page and "提出政府信息公开申请" in page
    assert entry.disclosure == "on_request"  # the reviewer's conclusion, whatever the clerk proposed
    assert "files/" not in page and "供暖保障工作要求" not in page
    with workspace.db.read() as s:
        assert search(s, CatalogFilter(query="群众温暖过冬")) == []  # no body text in the index


def test_a_title_edited_after_review_or_a_substituted_file_is_not_published(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    with workspace.db.write() as s:
        s.execute(update(CatalogEntry).where(CatalogEntry.id == entry.id).values(title="李明违纪处理通报"))
    with pytest.raises(ReleaseError, match="信息名称与审查批准的发布内容不一致"):
        update_static_site(workspace.db, tmp_path / "site")
    with workspace.db.write() as s:
        s.execute(
            update(CatalogEntry)
            .where(CatalogEntry.id == entry.id)
            .values(title=entry.title, published_sha256=entry.published_sha256[::-1])
        )
    with pytest.raises(ReleaseError, match="正文文件"):
        update_static_site(workspace.db, tmp_path / "site")


def test_entries_published_before_releases_existed_are_frozen_as_they_stand(workspace, people, tmp_path):
    from alembic import command

    from app.db import migrate
    from tests.conftest import sqlite_only

    sqlite_only(workspace, "steps the SQLite file's schema down and up with Alembic")
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    config = migrate.alembic_config(workspace.db.url.render_as_string(hide_password=False))
    command.downgrade(config, "0011")
    command.upgrade(config, "head")
    with workspace.db.read() as s:
        # The same fields and files make the same canonical release, so the hash comes back unchanged.
        assert s.get_one(CatalogEntry, entry.id).release_sha256 == entry.release_sha256
    assert update_static_site(workspace.db, tmp_path / "site") > 0


def test_catalog_fields_are_findings_of_the_check_placed_on_their_field(workspace, people, tmp_path):
    clean = "关于做好冬季供暖保障工作的通知\n请各单位严格落实供暖保障工作要求，确保群众温暖过冬。\n"
    doc_id = _submitted(workspace, people, tmp_path, clean, keywords=("供暖", ID_NUMBER))
    with workspace.db.read() as s:
        findings = [(f.rule_id, json.loads(f.location).get("part")) for f in latest_run(s, doc_id).findings]
    assert ("PII-ID", "目录字段 主题词") in findings
    # Undecided, it blocks approval like any blocking finding; the reviewer rewords the keywords instead.
    with pytest.raises(PermissionDenied, match="阻断级发现未处理"):
        _approve(workspace, people, doc_id, Conclusion.DISCLOSE)
    with workspace.db.write() as s:
        documents.update_metadata(
            s, s.get_one(User, people.reviewer), doc_id, None, keywords=("供暖", "保障")
        )
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    _approve(workspace, people, doc_id, Conclusion.DISCLOSE)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    assert json.loads(entry.keywords) == ["供暖", "保障"]
