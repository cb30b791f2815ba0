"""The catalog browser fetches pages as it scrolls and searches Chinese text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.catalog import publish_to_catalog
from app.catalog_search import PAGE_SIZE, index_entry
from app.db.models import CatalogEntry
from app.ui.catalog_view import CatalogWindow
from publish.catalog import Validity
from tests.conftest import approved_document
from tests.test_catalog_fields import approved


def many_entries(workspace, people, sample_files, count: int) -> None:
    doc_id = approved_document(workspace, people, sample_files["clean"])
    first = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    with workspace.db.write() as s:
        template = s.scalar(select(CatalogEntry).where(CatalogEntry.index_no == first.index_no))
        for n in range(2, count + 1):
            title = f"第{n}号通知：{'道路养护' if n % 10 else '河道清淤'}工作安排"
            entry = CatalogEntry(
                index_no=f"TEST00001/2026-{n:05d}",
                document_id=template.document_id,
                department_id=template.department_id,
                review_id=template.review_id,
                title=title,
                publisher=template.publisher,
                written_on=template.written_on,
                published_on=dt.date(2026, 1 + n % 12, 1),
                doc_number="",
                category=template.category,
                doc_type="通知",
                keywords="[]",
                summary="",
                disclosure="proactive",
                scope="面向社会",
                validity="valid",
                published_sha256=template.published_sha256,
            )
            s.add(entry)
            s.flush()
            index_entry(s, entry, "")


def test_pages_are_fetched_as_needed_and_search_narrows(qtbot, desk_app, workspace, people, sample_files):
    many_entries(workspace, people, sample_files, PAGE_SIZE + 50)
    window = CatalogWindow(workspace.db)
    qtbot.addWidget(window)
    window.show()
    model = window.model
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    assert "向下滚动加载更多" in window.count.text()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 50 and not model.canFetchMore()
    assert model.rows[0].index_no == f"TEST00001/2026-{PAGE_SIZE + 50:05d}"  # newest first
    window.query.setText("河道")
    window.apply()
    assert model.rowCount() == (PAGE_SIZE + 50) // 10
    assert all("河道" in r.title for r in model.rows)
    window.query.setText("供暖保障")
    window.apply()
    assert window.department.count() == 2 and window.department.itemText(1) == "测试市数据局"
    assert [r.index_no for r in model.rows] == ["TEST00001/2026-00001"]
    window.open_entry(model.index(0, 0))
    assert window.last_viewer.page_count == 1


def test_publisher_withdraws_and_changes_validity_from_the_catalog(
    qtbot, desk_app, workspace, people, sample_files, tmp_path
):
    many_entries(workspace, people, sample_files, 1)  # a notice: it has no 有效性
    normative = approved(workspace, people, sample_files["clean"], normative=True)
    publish_to_catalog(workspace.db, people.publisher, normative, None, summary="道路")
    site = tmp_path / "site"
    reader = CatalogWindow(workspace.db, None, people.reviewer, site)
    qtbot.addWidget(reader)
    assert not reader.withdraw_button.isVisibleTo(reader)
    window = CatalogWindow(workspace.db, None, people.publisher, site)
    qtbot.addWidget(window)
    shown = {
        window.model.data(window.model.index(r, 1)): window.model.data(window.model.index(r, 5))
        for r in (0, 1)
    }
    assert shown == {"关于做好冬季供暖保障工作的通知": "", "关于加强城市道路管理的规定": "有效"}
    notice_row = next(r for r in (0, 1) if window.model.rows[r].title.endswith("通知"))
    window.table.selectRow(notice_row)
    assert not window.change_selected_validity(Validity.EXPIRED)
    assert "只适用于规章和规范性文件" in window.message.text()
    window.table.selectRow(1 - notice_row)
    assert window.change_selected_validity(Validity.AMENDED, (dt.date(2027, 3, 1), "示政规〔2027〕1号"))
    row = next(r for r in range(2) if window.model.rows[r].title.endswith("规定"))
    assert window.model.data(window.model.index(row, 5)) == "已修改（2027-03-01，示政规〔2027〕1号）"
    window.grab().save(str(tmp_path / "catalog.png"))
    for _ in range(2):
        window.table.selectRow(0)
        assert window.withdraw_selected("内容有误")
    assert window.model.rowCount() == 0 and "发布队列" in window.message.text()
    assert (site / "catalog.js").read_text(encoding="utf-8") == "window.CATALOG = [];\n"
