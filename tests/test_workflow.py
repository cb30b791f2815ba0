from __future__ import annotations

import pytest

from app import documents
from app.db.models import Document, User
from app.errors import ConflictError, InvalidTransition, PermissionDenied, ValidationFailed
from app.roles import Status
from app.workflow import Action, available_actions, perform
from publish.taxonomy import LegalBasis
from tests.conftest import approve_clean, fill_catalog_fields


def _import(workspace, user_id, path):
    """A draft as its clerk leaves it for review: 文件信息 complete."""
    doc = documents.import_file(workspace.db, user_id, path)
    with workspace.db.write() as s:
        fill_catalog_fields(s, s.get_one(User, user_id), doc)
    return doc


def _do(workspace, user_id, doc_id, action, **kw):
    with workspace.db.write() as s:
        return perform(
            s, s.get_one(User, user_id), doc_id, action, expected_version=kw.pop("version", None), **kw
        ).status


def _status(workspace, doc_id):
    with workspace.db.read() as s:
        return s.get_one(Document, doc_id).status


def test_full_happy_path_and_history(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["clean"])
    assert _status(workspace, doc) == Status.DRAFT
    assert _do(workspace, people.clerk, doc, Action.SUBMIT) == Status.PENDING_REVIEW
    approve_clean(workspace, people.reviewer, doc)
    assert _status(workspace, doc) == Status.APPROVED
    assert _do(workspace, people.publisher, doc, Action.PUBLISH) == Status.PUBLISHED
    assert _do(workspace, people.publisher, doc, Action.WITHDRAW, reason="内容有误") == Status.WITHDRAWN


def test_return_needs_reason_and_goes_back_to_draft(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with pytest.raises(ValidationFailed, match="理由"):
        _do(workspace, people.reviewer, doc, Action.RETURN, reason="  ")
    assert _status(workspace, doc) == Status.PENDING_REVIEW
    assert _do(workspace, people.reviewer, doc, Action.RETURN, reason="请删除联系人身份证号") == Status.DRAFT
    with workspace.db.read() as s:
        assert s.get_one(Document, doc).status_reason == "请删除联系人身份证号"


def test_refuse_needs_legal_basis(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with pytest.raises(ValidationFailed, match="法律依据"):
        _do(workspace, people.reviewer, doc, Action.REFUSE)
    assert (
        _do(workspace, people.reviewer, doc, Action.REFUSE, basis=LegalBasis.STATE_SECRET) == Status.REFUSED
    )


@pytest.mark.parametrize(
    ("who", "action", "error"),
    [
        ("clerk", Action.APPROVE, PermissionDenied),  # a clerk cannot approve
        ("publisher", Action.APPROVE, PermissionDenied),
        ("reviewer", Action.SUBMIT, InvalidTransition),  # already submitted
        ("reviewer", Action.PUBLISH, InvalidTransition),  # not approved yet
        ("outsider_reviewer", Action.APPROVE, PermissionDenied),  # another department
    ],
)
def test_refused_transitions_change_nothing(workspace, people, sample_files, who, action, error):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with pytest.raises(error):
        _do(workspace, getattr(people, who), doc, action)
    assert _status(workspace, doc) == Status.PENDING_REVIEW


def test_draft_cannot_be_approved_or_published(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    for user, action in ((people.reviewer, Action.APPROVE), (people.publisher, Action.PUBLISH)):
        with pytest.raises(InvalidTransition, match="草稿"):
            _do(workspace, user, doc, action)


def test_approval_only_through_the_review(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["clean"])
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with pytest.raises(PermissionDenied, match="须经保密审查"):
        _do(workspace, people.reviewer, doc, Action.APPROVE)
    assert _status(workspace, doc) == Status.PENDING_REVIEW


def test_reviewer_cannot_approve_what_they_submitted(workspace, people, sample_files):
    doc = _import(workspace, people.clerk_reviewer, sample_files["clean"])
    _do(workspace, people.clerk_reviewer, doc, Action.SUBMIT)
    with pytest.raises(PermissionDenied, match="审查分离"):
        _do(workspace, people.clerk_reviewer, doc, Action.APPROVE)
    with pytest.raises(PermissionDenied, match="审查分离"):
        _do(workspace, people.clerk_reviewer, doc, Action.REFUSE, basis=LegalBasis.INTERNAL_AFFAIRS)
    with pytest.raises(PermissionDenied, match="审查分离"):
        approve_clean(workspace, people.clerk_reviewer, doc)
    # An independent reviewer may.
    approve_clean(workspace, people.reviewer, doc)
    assert _status(workspace, doc) == Status.APPROVED


def test_reviewer_cannot_approve_what_they_edited(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    with workspace.db.write() as s:
        documents.update_metadata(
            s, s.get_one(User, people.clerk_reviewer), doc, None, doc_number="示医保〔2026〕7号"
        )
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with pytest.raises(PermissionDenied):
        _do(workspace, people.clerk_reviewer, doc, Action.APPROVE)
    with workspace.db.read() as s:
        d = s.get_one(Document, doc)
        assert Action.APPROVE not in available_actions(s, d, s.get_one(User, people.clerk_reviewer))
        assert Action.APPROVE in available_actions(s, d, s.get_one(User, people.reviewer))


def test_stale_version_is_a_conflict_and_overwrites_nothing(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    with workspace.db.read() as s:
        seen = s.get_one(Document, doc).version
    # Someone else edits first.
    with workspace.db.write() as s:
        documents.update_metadata(s, s.get_one(User, people.clerk2), doc, seen, title="新标题")
    with pytest.raises(ConflictError, match="已被他人修改"), workspace.db.write() as s:
        documents.update_metadata(s, s.get_one(User, people.clerk), doc, seen, title="我的标题")
    with pytest.raises(ConflictError):
        _do(workspace, people.clerk, doc, Action.SUBMIT, version=seen)
    with workspace.db.read() as s:
        d = s.get_one(Document, doc)
        assert (d.title, d.status) == ("新标题", Status.DRAFT)


def test_concurrent_sessions_second_writer_gets_conflict(workspace, people, sample_files):
    """Two reviewers read the same version; both act; the ORM version check stops the second."""
    doc = _import(workspace, people.clerk, sample_files["clean"])
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with workspace.db.read() as s:
        version = s.get_one(Document, doc).version
    approve_clean(workspace, people.reviewer, doc, version)
    with pytest.raises(ConflictError):
        _do(workspace, people.reviewer, doc, Action.RETURN, reason="再看看", version=version)
    assert _status(workspace, doc) == Status.APPROVED


def test_only_drafts_are_editable(workspace, people, sample_files):
    doc = _import(workspace, people.clerk, sample_files["pdf"])
    _do(workspace, people.clerk, doc, Action.SUBMIT)
    with pytest.raises(PermissionDenied, match="只有草稿"), workspace.db.write() as s:
        documents.update_metadata(s, s.get_one(User, people.clerk), doc, None, title="x")
