"""Catalog search: two-character terms, filters, newest first, keyset pages."""

from __future__ import annotations

import datetime as dt

from app.catalog import change_validity, publish_to_catalog, withdraw
from app.catalog_search import CatalogFilter, search
from publish.catalog import Validity
from tests.conftest import approved_document
from tests.test_catalog_fields import approved


def publish(workspace, people, path, title, category, summary):
    doc_id = approved_document(workspace, people, path, title, category, doc_number="示政〔2026〕1号")
    return publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary=summary).index_no


def test_search_filters_and_pages(workspace, people, sample_files, tmp_path):
    inspection = tmp_path / "检查通告.txt"
    inspection.write_text("为防范化解重大安全风险，决定在全市范围内开展安全生产大检查。", encoding="utf-8")
    festival = tmp_path / "春节通知.txt"
    festival.write_text("春节期间各供热企业要保证正常供热，开通供暖服务热线。", encoding="utf-8")
    a_doc = approved(  # a 规范性文件: only those have a 有效性 to change
        workspace,
        people,
        sample_files["clean"],
        title="关于做好冬季供暖保障工作的通知",
        doc_number="示政〔2026〕1号",
        normative=True,
    )
    a = publish_to_catalog(workspace.db, people.publisher, a_doc, None, summary="供暖").index_no
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


def test_same_query_same_results_on_sqlite_and_postgresql(tmp_path, postgres):
    """The two full-text indexes hold the same tokens and answer every query alike."""
    import json

    from app import users
    from app.catalog_search import index_entry
    from app.db.models import CatalogEntry
    from app.workspace import Workspace

    texts = [
        ("关于做好冬季供暖保障工作的通知", "示城管〔2026〕12号", "供暖 保障", "冬季供暖，热线12345。"),
        ("关于开展安全生产大检查的通告", "示应急〔2026〕3号", "安全生产", "检查重点企业ABC公司和XYZ-2厂。"),
        ("春节期间供热服务的公告", "示城管〔2025〕40号", "供热", "供暖服务热线 96116，Heating Hotline。"),
        ("医保缴费标准的通知", "", "医疗保障", "2026年度个人缴费标准为每人每年380元。"),
    ]
    queries = ["供暖", "供暖保障", "热线", "〔2026〕", "2026", "12号", "abc", "ABC公司", "xyz-2", "hotline",
               "每人每年", "380元", "服务热线 96116", "不存在的词", "暖保", "示城管"]  # fmt: skip
    results = []
    for url in (None, postgres.create_database()):
        ws = Workspace.open(tmp_path / ("pg" if url else "sqlite"), url)
        try:
            with ws.db.write() as s:
                dept = users.create_department(s, None, "测试市数据局", "TEST00001")
                for n, (title, number, keywords, body) in enumerate(texts, start=1):
                    entry = CatalogEntry(
                        index_no=f"TEST00001/2026-{n:05d}",
                        department_id=dept.id,
                        title=title,
                        publisher="测试市数据局",
                        written_on=None,
                        published_on=dt.date(2026, 11, n),
                        doc_number=number,
                        category="综合政务",
                        doc_type="通知",
                        keywords=json.dumps(keywords.split(), ensure_ascii=False),
                        summary="",
                        disclosure="proactive",
                        scope="全社会",
                        validity="valid",
                        published_sha256="0" * 64,
                    )
                    s.add(entry)
                    s.flush()
                    index_entry(s, entry, body)
            with ws.db.read() as s:
                results.append({q: [r.index_no for r in search(s, CatalogFilter(query=q))] for q in queries})
        finally:
            ws.close()
            if url:
                postgres.drop_database(url)
    sqlite_hits, pg_hits = results
    assert sqlite_hits == pg_hits
    assert (
        sqlite_hits["供暖"] == ["TEST00001/2026-00003", "TEST00001/2026-00001"]
        and sqlite_hits["不存在的词"] == []
    )
