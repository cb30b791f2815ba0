"""No dead ends: a draft goes to review only with the catalog fields publishing needs, and the
sample workspace goes from its drafts to a published entry."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app import documents, info_requests
from app.catalog import publish_to_catalog
from app.checking import latest_run
from app.db.models import AuditEvent, CatalogEntry, Document, User
from app.demo import DEMO_PASSWORD, create_demo_workspace
from app.errors import ValidationFailed
from app.request_answers import add_disclosure
from app.reviewing import approve, decide, suggested_conclusion
from app.roles import Status
from app.workflow import Action, perform
from publish.request_outcomes import ApplicantKind
from publish.taxonomy import LegalBasis
from tests.run_day import TODAY


def test_a_bare_draft_is_refused_naming_everything_it_lacks(workspace, people, tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("关于做好冬季供暖保障工作的通知\n各单位：请做好供暖保障工作。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with pytest.raises(ValidationFailed) as refused, workspace.db.write() as s:
        perform(s, s.get_one(User, people.clerk), doc_id, Action.SUBMIT, expected_version=None)
    assert str(refused.value) == (
        "“通知”还不能提交审查：缺少成文日期、主题分类；信息名称应为文件全称，而不是“通知”。"
        "请在“文件信息”中补全后再提交。"
    )
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        assert s.get_one(Document, doc_id).status == Status.DRAFT
        assert not s.scalars(select(AuditEvent).where(AuditEvent.action == "document.submit")).all()
        documents.update_metadata(
            s,
            clerk,
            doc_id,
            None,
            title="关于做好冬季供暖保障工作的通知",
            written_on=dt.date(2026, 11, 20),
            category="城乡建设、环境保护",  # a 大类 with 子类 is not a leaf
        )
    leaf = "还不能提交审查：主题分类“城乡建设、环境保护”"
    with pytest.raises(ValidationFailed, match=leaf), workspace.db.write() as s:
        perform(s, s.get_one(User, people.clerk), doc_id, Action.SUBMIT, expected_version=None)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.update_metadata(s, clerk, doc_id, None, category="城乡建设、环境保护\\城市管理")
        assert perform(s, clerk, doc_id, Action.SUBMIT, expected_version=None).status == Status.PENDING_REVIEW


def test_a_request_disclosure_is_submitted_without_catalog_fields(workspace, people, tmp_path):
    """A copy made for one applicant never enters the catalog, so it is not asked for 主题分类."""
    with workspace.db.write() as s:
        request_id = info_requests.register(
            s,
            s.get_one(User, people.clerk),
            applicant_kind=ApplicantKind.PERSON,
            applicant_name="欧阳明轩",
            applicant_contact="测试市和平路12号",
            content="供暖补贴发放明细",
            channel=info_requests.Channel.POST,
            received_on=TODAY,
        ).id
    path = tmp_path / "补贴发放情况.txt"
    path.write_text("和平街道共为1200户居民发放供暖补贴。\n", encoding="utf-8")
    doc_id = add_disclosure(workspace.db, people.clerk, request_id, path, title="和平街道供暖补贴发放情况")
    with workspace.db.write() as s:
        assert (
            perform(s, s.get_one(User, people.clerk), doc_id, Action.SUBMIT, expected_version=None).status
            == Status.PENDING_REVIEW
        )


def test_a_sample_document_goes_from_review_to_a_published_entry(workspace):
    create_demo_workspace(workspace.db, cache_dir=workspace.paths.cache_dir)
    with workspace.db.write() as s:
        reviewer = s.scalar(select(User).where(User.login == "reviewer"))
        publisher = s.scalar(select(User).where(User.login == "publisher"))
        assert reviewer is not None and publisher is not None and DEMO_PASSWORD
        doc = s.scalars(
            select(Document).where(Document.status == Status.PENDING_REVIEW).order_by(Document.id)
        ).first()
        assert doc is not None
        doc_id, reviewer_id, publisher_id = doc.id, reviewer.id, publisher.id
        blocking = [f for f in latest_run(s, doc_id).findings if f.severity == "blocking"]
        for finding in blocking:
            decide(s, reviewer, finding.id, "remove", basis=LegalBasis.INTERNAL_AFFAIRS)
        conclusion = suggested_conclusion(s, doc_id)
    approve(
        workspace.db,
        reviewer_id,
        doc_id,
        None,
        conclusion,
        "同意",
        workspace.paths.cache_dir,
    )
    entry = publish_to_catalog(workspace.db, publisher_id, doc_id, None)
    assert entry.index_no


def test_an_interpretation_follows_the_category_the_publisher_completes(workspace, people, sample_files):
    """Filed under its document's 主题分类, it goes out under the one the publisher chose, not the
    approved one (which may no longer be a leaf): publishing the pair has no dead end either."""
    from tests.test_interpretations import approve_doc, attach, draft, submit_and_check

    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    interp_id = attach(workspace, people, doc_id)
    submit_and_check(workspace, people, doc_id, interp_id)
    approve_doc(workspace, people, doc_id)
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, category="卫生、体育\\医疗保障")
    with workspace.db.read() as s:
        filed = {e.document_id: e.category for e in s.scalars(select(CatalogEntry))}
    assert filed == {doc_id: "卫生、体育\\医疗保障", interp_id: "卫生、体育\\医疗保障"}
