"""Catalog search: two-character terms, filters, newest first, keyset pages."""

from __future__ import annotations

import datetime as dt

from app.catalog import change_validity, publish_to_catalog, withdraw
from app.catalog_search import CatalogFilter, search
from publish.catalog import Validity
from tests.conftest import approved_document


def publish(workspace, people, path, title, category, summary):
    doc_id = approved_document(workspace, people, path, title, category, doc_number="示政〔2026〕1号")
    return publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, published_on=dt.date(2026, 11, 23), summary=summary
    ).index_no


def test_search_filters_and_pages(workspace, people, sample_files, tmp_path):
    inspection = tmp_path / "检查通告.txt"
    inspection.write_text("为防范化解重大安全风险，决定在全市范围内开展安全生产大检查。", encoding="utf-8")
    festival = tmp_path / "春节通知.txt"
    festival.write_text("春节期间各供热企业要保证正常供热，开通供暖服务热线。", encoding="utf-8")
    a = publish(
        workspace,
        people,
        sample_files["clean"],
        "关于做好冬季供暖保障工作的通知",
        "城乡建设、环境保护\\城市管理",
        "供暖",
    )
    b = publish(
        workspace,
        people,
        inspection,
        "关于开展安全生产大检查的通告",
        "市场监管、安全生产监管\\安全生产",
        "检查",
    )
    c = publish(
        workspace, people, festival, "关于做好春节期间供暖工作的通知", "城乡建设、环境保护\\城市管理", "春节"
    )
    with workspace.db.read() as s:
        assert [r.index_no for r in search(s, CatalogFilter())] == [c, b, a]  # newest first
        assert [r.index_no for r in search(s, CatalogFilter(query="供暖"))] == [c, a]  # two characters
        assert [r.index_no for r in search(s, CatalogFilter(query="冬季供暖保障"))] == [a]
        assert [r.index_no for r in search(s, CatalogFilter(query="大检查"))] == [b]
        # The published text is searched too: 热线 is only in the body of the heating notice.
        assert [r.index_no for r in search(s, CatalogFilter(query="供暖服务热线"))] == [c, a]
        assert [r.index_no for r in search(s, CatalogFilter(query="示政〔2026〕"))] == [c, b, a]
        assert search(s, CatalogFilter(category="市场监管、安全生产监管\\安全生产"))[0].index_no == b
        assert search(s, CatalogFilter(year=2025)) == []
        first = search(s, CatalogFilter(), limit=2)
        second = search(s, CatalogFilter(), after_id=first[-1].id, limit=2)
        assert [r.index_no for r in first + second] == [c, b, a]
    change_validity(workspace.db, people.publisher, a, Validity.REPEALED)
    withdraw(workspace.db, people.publisher, c, "重复")
    with workspace.db.read() as s:
        assert [r.index_no for r in search(s, CatalogFilter(validity="repealed"))] == [a]
        assert [r.index_no for r in search(s, CatalogFilter(query="供暖"))] == [a]
        assert [r.index_no for r in search(s, CatalogFilter(query="供暖", include_withdrawn=True))] == [c, a]
