"""Catalog fields of issue 16: 发布机构 per document, 主题分类 with a second level, 有效性 only for 规章 and
规范性文件 (施行日期, 有效期, 已修改 with its date and document), the site's configurable footer."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from types import ModuleType

import pytest
from sqlalchemy import select, text

from app import audit, categories, cli, documents, site_footer
from app.catalog import change_validity, publish_to_catalog, site_entry, update_static_site
from app.checking import check_document, latest_run, save_department_lexicon
from app.db.migrate import MIGRATIONS_DIR
from app.db.models import CatalogEntry, Category, Document, User
from app.errors import PermissionDenied, ValidationFailed
from app.publishing import run_queue
from app.reviewing import Conclusion, approve
from app.submission import missing_for_submission
from app.workflow import Action, perform
from publish.catalog import CatalogFields, Validity, lint
from publish.portal import PortalClient
from publish.static_site import page_name
from tests.conftest import PASSWORD, desk_args, sqlite_only
from tests.portal_server import TOKEN, PortalServer
from tests.run_day import TODAY

CATEGORY = "城乡建设、环境保护\\城市管理"


def _cli(workspace, capsys, login: str, *args: str) -> tuple[int, str]:
    code = cli.run([*desk_args(workspace), "--user", login, *args])
    out = capsys.readouterr()
    return code, out.out + out.err


ISSUER = "示范市人民政府办公室"


def approved(workspace, people, path, **fields) -> int:
    """A clean draft with these catalog fields, submitted and approved."""
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        base = {
            "title": "关于加强城市道路管理的规定",
            "doc_type": "通知",
            "category": CATEGORY,
            "written_on": dt.date(2026, 11, 10),
            "doc_number": "示政规〔2026〕3号",
        }
        documents.update_metadata(s, clerk, doc_id, None, **(base | fields))
        perform(s, clerk, doc_id, Action.SUBMIT, expected_version=None)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    approve(
        workspace.db,
        people.reviewer,
        doc_id,
        None,
        Conclusion.DISCLOSE,
        "同意公开",
        workspace.paths.cache_dir,
        no_interpretation_reason="本规定仅调整管理程序，不涉及公众权利义务",
    )
    return doc_id


def test_validity_is_for_rules_and_normative_documents_only(
    workspace, people, sample_files, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    normative = approved(
        workspace,
        people,
        sample_files["clean"],
        publisher=ISSUER,
        normative=True,
        effective_on=dt.date(2026, 12, 1),
        valid_until=dt.date(2028, 11, 30),
    )
    notice = approved(workspace, people, sample_files["clean"], title="关于做好冬季供暖保障工作的通知")
    with PortalServer(delay=0) as portal:
        first = publish_to_catalog(
            workspace.db, people.publisher, normative, None, summary="道路", to_portal=True
        )
        second = publish_to_catalog(
            workspace.db, people.publisher, notice, None, summary="供暖", to_portal=True
        )
        assert run_queue(workspace.db, PortalClient(portal.url, TOKEN, attempts=1)).done == 2
        sent = portal.state.entries
    assert (sent[first.index_no]["validity"], sent[second.index_no]["validity"]) == ("valid", "")
    assert (first.publisher, second.publisher) == (ISSUER, "测试市数据局")
    assert sent[first.index_no]["publisher"] == ISSUER
    assert (sent[first.index_no]["effective_on"], sent[first.index_no]["valid_until"]) == (
        "2026-12-01",
        "2028-11-30",
    )
    assert sent[second.index_no]["effective_on"] is None
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    page = (site / "entries" / page_name(first.index_no)).read_text(encoding="utf-8")
    for label, value in (
        ("发布机构", ISSUER),
        ("有效性", "有效"),
        ("施行日期", "2026-12-01"),
        ("有效期至", "2028-11-30"),
    ):
        assert f"<th scope='row'>{label}</th><td>{value}</td>" in page
    # A notice has no 有效性 at all, not 有效.
    notice_page = (site / "entries" / page_name(second.index_no)).read_text(encoding="utf-8")
    assert "有效性" not in notice_page and "施行日期" not in notice_page

    # 已修改 needs its date and the amending document; a notice has no 有效性 to change.
    with pytest.raises(ValidationFailed, match="修改日期和修改文件"):
        change_validity(workspace.db, people.publisher, first.index_no, Validity.AMENDED)
    with pytest.raises(ValidationFailed, match="修改文件（发文字号或标题）"):
        change_validity(workspace.db, people.publisher, first.index_no, Validity.AMENDED, amended_on=TODAY)
    with pytest.raises(ValidationFailed, match="只适用于规章和规范性文件"):
        change_validity(workspace.db, people.publisher, second.index_no, Validity.REPEALED)
    with workspace.db.write() as s:
        save_department_lexicon(
            s,
            s.get_one(User, people.reviewer),
            "词条,类别,级别,说明,整词\n道路改造内部方案,自定义,阻断,,否\n".encode(),
        )
    with pytest.raises(ValidationFailed, match="修改文件未通过保密检查"):
        change_validity(
            workspace.db,
            people.publisher,
            first.index_no,
            Validity.AMENDED,
            amended_on=TODAY,
            amended_by="道路改造内部方案",
        )
    code, out = _cli(
        workspace,
        capsys,
        "publisher",
        "validity",
        first.index_no,
        "--set",
        "amended",
        "--amended-on",
        "2027-03-01",
        "--amended-by",
        "示政规〔2027〕1号",
        "--site",
        str(site),
    )
    assert code == 0 and "已改为“已修改”（2027-03-01，示政规〔2027〕1号）" in out, out
    page = (site / "entries" / page_name(first.index_no)).read_text(encoding="utf-8")
    assert (
        "<td>已修改</td>" in page and "<td>2027-03-01</td>" in page and "<td>示政规〔2027〕1号</td>" in page
    )
    with workspace.db.read() as s:
        assert audit.verify_report(s).problems == []


def test_an_issuer_naming_a_lexicon_term_is_a_finding_the_reviewer_decides(workspace, people, sample_files):
    with workspace.db.write() as s:
        save_department_lexicon(
            s,
            s.get_one(User, people.reviewer),
            "词条,类别,级别,说明,整词\n示范市保密工作组,自定义,阻断,,否\n".encode(),
        )
    # The check finds it in the draft's own 发布机构, where the reviewer sees and decides it.
    with pytest.raises(PermissionDenied, match="阻断级发现未处理"):
        approved(workspace, people, sample_files["clean"], publisher="示范市保密工作组办公室")
    with workspace.db.read() as s:
        (doc_id,) = s.scalars(select(Document.id)).all()
        findings = latest_run(s, doc_id).findings
        assert [json.loads(f.location)["part"] for f in findings if f.text == "示范市保密工作组"] == [
            "目录字段 发布机构"
        ]


def test_a_divided_category_asks_for_a_sub_category():
    fields = CatalogFields(
        title="关于做好2026年冬季供暖保障工作的通知",
        publisher=ISSUER,
        written_on=dt.date(2026, 10, 15),
        published_on=dt.date(2026, 10, 20),
        doc_number="",
        category="综合政务",
        doc_type="通知",
        keywords=(),
        summary="部署供暖保障。",
        disclosure="proactive",
    )
    [issue] = lint(fields, today=dt.date(2026, 11, 1), leaves={"综合政务\\政务公开", "其他"})
    assert (
        issue.blocking
        and issue.message == "主题分类“综合政务”下设子类，请选择其中一个，如“综合政务\\政务公开”。"
    )


def _migration_0020() -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / "0020_catalog_fields.py"
    spec = importlib.util.spec_from_file_location("migration_0020", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_upgrade_renames_and_divides_the_tree_but_published_entries_keep_their_label(
    workspace, people, sample_files
):
    """An entry published under 民政、扶贫、救灾 before migration 0020 keeps it: its release and audit
    digests say so. Only the tree changes (0020's data step, run on a tree put back as it was)."""
    old = "民政、扶贫、救灾"
    with workspace.db.write() as s:  # the tree as it was before 0020: the old label, undivided
        node = s.scalar(select(Category).where(Category.name == "民政、乡村振兴、救灾"))
        s.execute(text("DELETE FROM categories WHERE parent_id = :id"), {"id": node.id})
        node.name = old
    doc_id = approved(workspace, people, sample_files["clean"], category=old)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="救灾")
    with workspace.db.engine.begin() as conn:
        _migration_0020()._seed_second_level(conn)
    with workspace.db.read() as s:
        assert audit.verify_report(s).problems == []
        row = s.scalar(select(CatalogEntry).where(CatalogEntry.index_no == entry.index_no))
        assert site_entry(s, row).category == old  # still its frozen release, as every target shows it
        tree = categories.paths(s)
        assert old not in tree and tree["民政、乡村振兴、救灾\\社会福利"] is True
    draft = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    with workspace.db.write() as s:
        documents.update_metadata(
            s, s.get_one(User, people.clerk), draft, None, category="民政、乡村振兴、救灾"
        )
        assert any("下设子类" in issue.message for issue in missing_for_submission(s, draft))


def test_site_footer_is_the_departments_own(workspace, people, sample_files, tmp_path, capsys, monkeypatch):
    sqlite_only(workspace, "the footer's storage is one plain row; the site is the same on both")
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    with workspace.db.write() as s, pytest.raises(PermissionDenied):
        site_footer.set_footer(s, s.get_one(User, people.publisher), icp="示ICP备1号")
    with workspace.db.write() as s:
        site_footer.set_footer(s, s.get_one(User, people.admin), site_code="1234000001", contact="0551-1234")
    code, out = _cli(workspace, capsys, "admin", "site", "footer", "--icp", "示ICP备12345678号")
    assert code == 0 and "ICP备案号：示ICP备12345678号" in out and "主办单位：测试市数据局" in out, out
    doc_id = approved(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="道路")
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    index = (site / "index.html").read_text(encoding="utf-8")
    footer = index[index.index("<footer>") :]
    for part in (
        "主办单位：测试市数据局",
        "网站标识码：1234000001",
        "ICP备案号：示ICP备12345678号",
        "联系方式：0551-1234",
    ):
        assert part in footer
    assert "公安机关备案号" not in footer  # left empty: left out


def test_the_metadata_dialog_marks_required_fields_and_saves_the_new_ones(
    qtbot, desk_app, workspace, people, sample_files, capsys, monkeypatch
):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QFormLayout, QLabel

    from app.db.models import Document
    from app.ui.metadata_dialog import MetadataDialog

    sqlite_only(workspace, "a dialog and a command over update_metadata, the same on both")
    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    dialog = MetadataDialog(workspace.db, people.clerk, doc_id)
    qtbot.addWidget(dialog)
    marked = {
        label.text().split("<")[0]
        for label in dialog.findChildren(QLabel)
        if label.toolTip() == "提交审查前必填"
    }
    assert marked == {"标题（信息名称）", "主题分类", "成文日期"}
    form = dialog.findChild(QFormLayout)
    assert "*" in form.labelForField(dialog.title).text()
    assert "*" not in form.labelForField(dialog.doc_number).text()
    assert not any(row.isEnabled() for row in dialog.legal_rows)  # a notice has no 施行日期
    dialog.normative.setChecked(True)
    assert all(row.isEnabled() for row in dialog.legal_rows)
    dialog.publisher.setText(ISSUER)
    dialog.has_effective.setChecked(True)
    dialog.effective_on.setDate(QDate(2026, 12, 1))
    dialog.has_until.setChecked(True)
    dialog.valid_until.setDate(QDate(2026, 11, 30))
    dialog.accept()
    assert "早于施行日期" in dialog.error.text()  # nothing saved
    dialog.valid_until.setDate(QDate(2028, 11, 30))
    dialog.accept()
    with workspace.db.read() as s:
        assert (s.get_one(Document, doc_id).publisher, s.get_one(Document, doc_id).effective_on) == (
            ISSUER,
            dt.date(2026, 12, 1),
        )
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    code, out = _cli(
        workspace, capsys, "clerk", "edit", str(doc_id), "--publisher", "", "--effective-on", "2027-01-01"
    )
    assert code == 0, out
    with workspace.db.read() as s:
        doc = s.get_one(Document, doc_id)
        assert (doc.publisher, doc.effective_on, doc.valid_until) == (
            "",
            dt.date(2027, 1, 1),
            dt.date(2028, 11, 30),
        )
