"""No dead ends: a draft goes to review only with the catalog fields publishing needs, and the
sample workspace goes from its drafts to a published entry."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app import documents
from app.catalog import publish_to_catalog
from app.checking import latest_run
from app.db.models import Document, User
from app.demo import DEMO_PASSWORD, create_demo_workspace
from app.reviewing import approve, decide, suggested_conclusion
from app.roles import Status
from app.submission import missing_for_submission
from publish.taxonomy import LegalBasis


def test_the_fields_publishing_needs_are_named_at_submission(workspace, people, tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("关于做好冬季供暖保障工作的通知\n各单位：请做好供暖保障工作。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        missing = "".join(missing_for_submission(s, doc_id))
        assert "缺少成文日期" in missing and "缺少主题分类" in missing and "文件全称" in missing
        documents.update_metadata(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            None,
            title="关于做好冬季供暖保障工作的通知",
            written_on=dt.date(2026, 11, 20),
            category="城乡建设、环境保护\\城市管理",
        )
        assert missing_for_submission(s, doc_id) == []


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
