"""Publishing into the catalog: 索引号 allocation, the gates, withdrawal."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from app import documents
from app.catalog import publish_to_catalog, save_scheme, withdraw
from app.db.models import CatalogEntry, Document, IndexCounter, User
from app.errors import InvalidTransition, PermissionDenied, ValidationFailed
from app.roles import Status
from publish.index_number import IndexScheme
from tests.conftest import approved_document as conftest_approved
from tests.run_day import TODAY


def approved_document(workspace, people, path, category="城乡建设、环境保护\\城市管理") -> int:
    return conftest_approved(workspace, people, path, category=category, doc_number="示城管〔2026〕12号")


def test_numbers_follow_the_scheme_and_are_never_reused(workspace, people, sample_files):
    first = approved_document(workspace, people, sample_files["clean"])
    second = approved_document(workspace, people, sample_files["clean"])
    third = approved_document(workspace, people, sample_files["clean"])
    a = publish_to_catalog(workspace.db, people.publisher, first, None, published_on=TODAY, summary="供暖保障")
    b = publish_to_catalog(workspace.db, people.publisher, second, None, published_on=TODAY, summary="供暖保障")
    assert (a.index_no, b.index_no) == ("TEST00001/2026-00001", "TEST00001/2026-00002")
    withdraw(workspace.db, people.publisher, b.index_no, "内容有误")
    c = publish_to_catalog(workspace.db, people.publisher, third, None, published_on=TODAY, summary="供暖保障")
    assert c.index_no == "TEST00001/2026-00003"
    with workspace.db.read() as s:
        assert s.get_one(Document, second).status == Status.WITHDRAWN
        assert s.scalar(select(CatalogEntry.status).where(CatalogEntry.index_no == b.index_no)) == "withdrawn"


def test_a_configured_scheme_is_used(workspace, people, sample_files):
    with workspace.db.write() as s:
        save_scheme(
            s,
            s.get_one(User, people.admin),
            IndexScheme("11341702486344515H", date_format="YYYYMM", reset="monthly", serial_digits=5),
        )
    doc = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(workspace.db, people.publisher, doc, None, published_on=TODAY, summary="x")
    assert entry.index_no == f"11341702486344515H/{TODAY:%Y%m}-00001"


def test_gates_refuse_and_allocate_nothing(workspace, people, sample_files):
    draft = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    with pytest.raises(PermissionDenied, match="发布版本"):
        publish_to_catalog(workspace.db, people.publisher, draft, None, published_on=TODAY)
    with pytest.raises(ValidationFailed, match="缺少主题分类"):  # it never gets to review
        approved_document(workspace, people, sample_files["clean"], category="")
    ok = approved_document(workspace, people, sample_files["clean"])
    with pytest.raises(PermissionDenied, match="发布管理员"):
        publish_to_catalog(workspace.db, people.clerk, ok, None, published_on=TODAY)
    with workspace.db.read() as s:
        assert s.scalars(select(IndexCounter)).all() == []
    publish_to_catalog(workspace.db, people.publisher, ok, None, published_on=TODAY, summary="x")
    with pytest.raises(InvalidTransition):
        publish_to_catalog(workspace.db, people.publisher, ok, None, published_on=TODAY, summary="x")


def test_concurrent_publishers_get_distinct_numbers_without_gaps(workspace, people, sample_files):
    docs = [approved_document(workspace, people, sample_files["clean"]) for _ in range(6)]
    numbers: list[str] = []
    errors: list[BaseException] = []

    def publish(doc_id: int) -> None:
        try:
            numbers.append(
                publish_to_catalog(
                    workspace.db, people.publisher, doc_id, None, published_on=TODAY, summary="x"
                ).index_no
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=publish, args=(d,)) for d in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [f"TEST00001/2026-{n:05d}" for n in range(1, 7)]
