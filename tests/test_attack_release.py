"""Attacks on "what is published is exactly what was reviewed" (issue 13): each test tries to get
text the reviewer removed (or never saw) onto a public target — the static site, the portal, a
transfer package — or to publish something that is not the frozen release, or to leave bytes of a
withdrawn entry behind. Each asserts the correct behaviour, so a failure is a working attack."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pymupdf
import pytest
from sqlalchemy import update

from app import documents, interpretations
from app.catalog import publish_to_catalog, update_static_site, withdraw
from app.checking import check_document
from app.db.models import CatalogEntry, User
from app.errors import ValidationFailed
from app.published_audit import audit_published
from app.reviewing import Conclusion, approve
from publish.taxonomy import InterpretationForm
from publish.transfer import MANIFEST
from tests.conftest import submit_draft
from tests.test_release import ID_NUMBER, _remove_everything, _site_text, _submitted
from tests.test_transfer import export, offline_key

NAME = "李明"


def _approve(workspace, people, doc_id, opinion="同意", conclusion=Conclusion.DISCLOSE_REDACTED):
    return approve(
        workspace.db, people.reviewer, doc_id, None, conclusion, opinion, workspace.paths.cache_dir
    )


def _draft(workspace, people, tmp_path, file_name="通报.txt", **meta) -> int:
    """A draft of the NOTICE (a name, an ID number, 内部资料) with its catalog fields, not yet submitted."""
    from tests.test_release import NOTICE

    path = tmp_path / file_name
    path.write_text(NOTICE, encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    fields = {
        "title": "关于廉洁纪律问题的处理通报",
        "doc_type": "通报",
        "category": "城乡建设、环境保护\\城市管理",
        "written_on": dt.date(2026, 11, 10),
        **meta,
    }
    with workspace.db.write() as s:
        documents.update_metadata(s, s.get_one(User, people.clerk), doc_id, None, **fields)
    return doc_id


def _interpretation(workspace, people, doc_id, title, text) -> int:
    with workspace.db.write() as s:
        return interpretations.attach(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            form=InterpretationForm.TEXT,
            title=title,
            drafting_department="测试市数据局",
            rich_text=text,
        ).id


def _submit_and_check(workspace, people, doc_id, *companions) -> None:
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    for i in (doc_id, *companions):
        check_document(workspace.db, None, i, workspace.paths.cache_dir)


def _package(workspace, people, tmp_path, name="package.zip"):
    path = tmp_path / name
    export(workspace, people, path)
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        files = {n[len("files/") :]: archive.read(n) for n in archive.namelist() if n.startswith("files/")}
    return manifest, files


def _pdf_text(data: bytes) -> str:
    with pymupdf.open("pdf", data) as pdf:
        return "".join(page.get_text() for page in pdf) + json.dumps(pdf.metadata, ensure_ascii=False)


def _record_text(manifest, files) -> str:
    (sha,) = [f["sha256"] for item in manifest["items"] for f in item["files"] if f["role"] == "record"]
    return _pdf_text(files[sha])


# -- the 保密审查单 that travels in the package ------------------------------------------------------


def test_attack_opinion_quoting_the_removed_name_travels_in_full_in_the_package_record(
    workspace, people, tmp_path
):
    """Attack: the reviewer's 审查意见 names what was removed ("已删除李明的姓名…"). The record masks
    finding texts and reasons against the removed texts, but the opinion only for ID/phone/card
    numbers (review/record.py: `mask_personal_data(record.opinion)`), so the removed name crosses the
    air gap inside the transfer package's 保密审查单."""
    offline_key(workspace, people)
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id, opinion=f"同意删减后公开。已删除当事人{NAME}的姓名和身份证号。")
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    record = _record_text(*_package(workspace, people, tmp_path))
    assert "保密审查单" in record
    assert NAME not in record


def test_attack_original_file_name_holding_the_removed_name_is_printed_in_the_package_record(
    workspace, people, tmp_path
):
    """Attack: the clerk's upload is called "李明违纪处理材料.txt". The release names files by title,
    but the record prints 审查文件 = the original file name unmasked (app/reviewing.py
    `_store_approval`: `file_name=item.original_name`; review/record.py `_fact("审查文件", …)`),
    so the name the reviewer removed travels in the package."""
    offline_key(workspace, people)
    doc_id = _draft(workspace, people, tmp_path, file_name=f"{NAME}违纪处理材料.txt")
    _submit_and_check(workspace, people, doc_id)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    record = _record_text(*_package(workspace, people, tmp_path))
    assert "保密审查单" in record
    assert NAME not in record


# -- withdrawal ---------------------------------------------------------------------------------------


def test_attack_withdrawal_reason_goes_unchecked_into_the_package(workspace, people, tmp_path):
    """Attack: a withdrawal reason says why ("误将李明身份证号110…公开"). It is free text, never
    checked, stored as `status_reason` and carried in every package item's entry fields
    (app/transfer.py ENTRY_FIELDS includes "status_reason"; `_item` copies it for WITHDRAW items
    with no release check) and sent to the portal as the withdrawal's `reason`."""
    offline_key(workspace, people)
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    _package(workspace, people, tmp_path, "first.zip")
    with pytest.raises(ValidationFailed, match="撤回理由未通过保密检查"):
        withdraw(workspace.db, people.publisher, entry.index_no, f"误将{NAME}身份证号{ID_NUMBER}公开，撤回")
    withdraw(workspace.db, people.publisher, entry.index_no, "内容有误，撤回")
    manifest, _ = _package(workspace, people, tmp_path, "second.zip")
    text = json.dumps(manifest, ensure_ascii=False)
    assert ID_NUMBER not in text
    assert NAME not in text


def test_attack_withdrawn_before_export_the_package_still_carries_the_pdf(workspace, people, tmp_path):
    """Attack: publish with the package target, withdraw before the package is exported. The queued
    upsert job is still exported (app/transfer.py `_item` builds UPSERT items for a withdrawn entry:
    `entry_release` does not look at `status`), so the withdrawn PDF and its catalog fields leave the
    desk inside the package, followed by a withdrawal."""
    offline_key(workspace, people)
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    withdraw(workspace.db, people.publisher, entry.index_no, "发现内容有误，撤回")
    # Never sent, so nothing to take back either: the package has nothing to carry.
    with pytest.raises(ValidationFailed, match="没有待导出的条目"):
        _package(workspace, people, tmp_path)


# -- fields the release does not cover -------------------------------------------------------------------


def test_attack_sql_edit_of_scope_and_validity_reaches_site_package_and_escapes_the_audit(
    workspace, people, tmp_path
):
    """Attack: after publishing, an SQL edit of catalog_entries.scope (公开范围) and .validity (有效性).
    `releases.entry_differences` does not compare them (nor does the release hold them), so the
    static site prints them (validity unknown to the enum is shown raw), the package carries them
    (ENTRY_FIELDS), and `audit published` compares neither on pages nor in catalog.js."""
    offline_key(workspace, people)
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    secret_scope = f"身份证号{ID_NUMBER}"
    secret_validity = "内部资料勿传"
    with workspace.db.write() as s:
        s.execute(
            update(CatalogEntry)
            .where(CatalogEntry.id == entry.id)
            .values(scope=secret_scope, validity=secret_validity)
        )
    site = tmp_path / "site"
    failures = []
    try:
        update_static_site(workspace.db, site)
    except Exception:
        pass  # refusing the tampered entry is the correct outcome
    else:
        if ID_NUMBER in _site_text(site) or secret_validity in _site_text(site):
            failures.append("the tampered 公开范围/有效性 is on the site")
        if not audit_published(workspace.db, workspace.paths.cache_dir, site=site):
            failures.append("audit published sees nothing")
    try:
        manifest, _ = _package(workspace, people, tmp_path)
    except Exception:
        pass
    else:
        if ID_NUMBER in json.dumps(manifest, ensure_ascii=False):
            failures.append("the tampered 公开范围 is in the package manifest")
    assert failures == []


# -- the interpretation of a document ----------------------------------------------------------------


def test_attack_interpretation_approved_with_the_document_carries_the_name_removed_from_it(
    workspace, people, tmp_path
):
    """Attack: the reviewer removes "李明" from the document; its 政策解读, submitted and approved in the
    same `approve`, names him in its title and text. Each item's release is checked only against its
    own review's removed texts (app/reviewing.py `_read_for_approval` → `texts`), and the engine does
    not flag a bare name in a field (`field_findings`: names_near_personal_data=False), so the name is
    published on the interpretation's page, in its PDF, and as the link title on the document's page."""
    doc_id = _draft(workspace, people, tmp_path)
    interp_id = _interpretation(
        workspace,
        people,
        doc_id,
        f"关于{NAME}同志违纪问题处理通报的解读",
        f"<p>本通报针对{NAME}同志在供暖保障工作中的违纪问题，现解读如下。</p>",
    )
    _submit_and_check(workspace, people, doc_id, interp_id)
    _remove_everything(workspace, people, doc_id)
    _remove_everything(workspace, people, interp_id)
    # What the document's review removed is removed from its interpretation too; its title still
    # names him, so the approval is refused until the clerk rewords it.
    with pytest.raises(ValidationFailed, match="政策解读"):
        _approve(workspace, people, doc_id)


def test_attack_a_category_naming_the_removed_person_is_published_unchecked(workspace, people, tmp_path):
    """Attack: 主题分类 is part of the release but not of its checked text fields
    (publish/release.py `text_fields` covers 信息名称, 发文字号, 发布机构, 主题词, 内容概述, file names
    only). A sub-category named after the case ("李明违纪案…身份证号…") passes approval and
    publishing and is printed on the entry page and in catalog.js."""
    from app import categories

    with workspace.db.write() as s:
        path = categories.add(
            s,
            s.get_one(User, people.admin),
            "城乡建设、环境保护\\城市管理",
            f"{NAME}违纪案（身份证号{ID_NUMBER}）",
        )
    doc_id = _draft(workspace, people, tmp_path, category=path)
    _submit_and_check(workspace, people, doc_id)
    _remove_everything(workspace, people, doc_id)
    try:
        _approve(workspace, people, doc_id)
        publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    except Exception:
        return  # refused: the correct outcome
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    text = _site_text(site)
    assert NAME not in text and ID_NUMBER not in text


# -- unicode at publishing time --------------------------------------------------------------------


def _published_summary(workspace, people, tmp_path, summary):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    try:
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary=summary)
    except Exception:
        return None  # refused: the correct outcome
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    return _site_text(site)


MATH_DIGITS = str.maketrans("0123456789", "".join(chr(0x1D7CE + i) for i in range(10)))
CN_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def test_attack_removed_id_number_in_mathematical_digits_in_a_summary_written_at_publishing(
    workspace, people, tmp_path
):
    """Attack: the removed ID number typed in MATHEMATICAL BOLD DIGITS (U+1D7CE…, shown as ordinary
    digits by any browser). review/normalize.py builds its NFKC table only for the BMP
    (`range(0x80, 0x10000)`), so neither the engine's ID rule nor `releases._contains` sees it."""
    text = _published_summary(workspace, people, tmp_path, "身份证号" + ID_NUMBER.translate(MATH_DIGITS))
    assert text is None, "the ID number went out in 𝟏𝟏𝟎… digits"


@pytest.mark.parametrize(
    "mark",
    ["\u200e", "\u2061", "\ufe0f"],
    ids=["left-to-right-mark", "function-application", "variation-selector-16"],
)
def test_attack_removed_name_split_by_an_invisible_mark_in_a_summary_written_at_publishing(
    workspace, people, tmp_path, mark
):
    """Attack: the removed name with an invisible character inside ("李\u200e明", "李\u2061明",
    "李\ufe0f明" — each rendered "李明"). review/normalize.py deletes only
    ZERO_WIDTH = \u200b\u200c\u200d\u2060\ufeff\u00ad, so `releases._contains` misses the name and
    the amended release is stored and published. (Held: \u200b, a space or \u3000 inside the name.)"""
    text = _published_summary(workspace, people, tmp_path, f"{NAME[0]}{mark}{NAME[1]}违纪问题的处理情况")
    assert text is None, "the removed name went out with an invisible mark inside"


def test_attack_removed_id_number_in_chinese_numerals_in_a_summary_written_at_publishing(
    workspace, people, tmp_path
):
    """Attack: the removed ID number written in Chinese numerals (一一〇一〇一…), which a reader
    reads as the number; no rule or removed-text comparison reads numerals."""
    text = _published_summary(workspace, people, tmp_path, "当事人证件号码" + ID_NUMBER.translate(CN_DIGITS))
    assert text is None, "the ID number went out in Chinese numerals"


# -- 依申请公开 -----------------------------------------------------------------------------------------


def test_attack_interpretation_of_an_on_request_document_publishes_its_full_text(workspace, people, tmp_path):
    """Attack: the reviewer concludes 依申请公开 for a document (no content may be published), but
    its interpretation, submitted with it, is approved as a companion with its own conclusion
    (app/reviewing.py approve: `on_request=… and not item.companion`, companion conclusion
    `item.conclusion()`) and published in full with it, explaining the content that was withheld."""
    doc_id = _draft(workspace, people, tmp_path)
    interp_id = _interpretation(
        workspace,
        people,
        doc_id,
        "《关于廉洁纪律问题的处理通报》解读",
        "<p>通报指出某科室干部在供暖保障工作中收受供热企业礼品，决定给予党内警告处分。</p>",
    )
    _submit_and_check(workspace, people, doc_id, interp_id)
    _remove_everything(workspace, people, doc_id)
    _remove_everything(workspace, people, interp_id)
    _approve(workspace, people, doc_id, conclusion=Conclusion.ON_REQUEST)
    publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    assert "收受供热企业礼品" not in _site_text(site)


# -- audit published ---------------------------------------------------------------------------------


def test_attack_audit_published_misses_text_added_to_a_served_page_and_stray_files(
    workspace, people, tmp_path
):
    """Attack (behind the desk's back, on the web server): add an ID number (one the review never saw)
    to a live page, change a title in catalog.js, and drop a PDF in a sub-folder of files/ and at the
    site's root. `audit published` compares only the metadata table's listed fields and 内容概述
    (app/published_audit.py `_page_fields`), searches pages and catalog.js only for *removed* text,
    and lists only regular files directly under files/."""
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    other_id = "11010519491231002X"
    (page,) = (site / "entries").glob("*.html")
    page.write_text(
        page.read_text(encoding="utf-8").replace("</main>", f"<p>举报人身份证号{other_id}</p></main>"),
        encoding="utf-8",
    )
    catalog = site / "catalog.js"
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace(entry.title, f"举报人身份证号{other_id}"),
        encoding="utf-8",
    )
    pdf = next((site / "files").glob("*.pdf")).read_bytes()
    (site / "files" / "old").mkdir()
    (site / "files" / "old" / "draft.pdf").write_bytes(pdf)
    (site / "draft.pdf").write_bytes(pdf)
    problems = [p.describe() for p in audit_published(workspace.db, workspace.paths.cache_dir, site=site)]
    assert any("entries/" in p for p in problems), problems
    assert any("catalog.js" in p for p in problems), problems
    assert any("old" in p for p in problems), problems
    assert any(p.startswith("draft.pdf") for p in problems), problems


# -- a text removed by a drawn area --------------------------------------------------------------------


def test_attack_name_removed_by_a_drawn_area_is_written_into_the_summary_at_publishing(
    workspace, people, tmp_path
):
    """Attack: the reviewer takes a complainant's name out by drawing an area over it (no finding: the
    engine flags names only next to personal data). The text under a drawn area is never recorded as
    removed (`releases.reviewed_texts` reads finding decisions only), so a 内容概述 written at
    publishing naming her passes `catalog._amend` and is published."""
    from app.reviewing import add_manual_area
    from publish.taxonomy import LegalBasis
    from review.as_pdf import as_pdf
    from review.formats import Kind
    from review.model import Rect

    text = (
        "关于冬季供暖问题整改情况的通报\n\n各科室：\n近期，举报人王秀兰反映城区部分小区供暖温度不达标。\n"
        "经核查，供热企业已完成整改，室温达到18℃以上。\n望各单位严格落实供暖保障工作要求，确保群众温暖过冬。\n"
    )
    path = tmp_path / "整改通报.txt"
    path.write_text(text, encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        documents.update_metadata(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            None,
            title="关于冬季供暖问题整改情况的通报",
            doc_type="通报",
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2026, 11, 10),
        )
    _submit_and_check(workspace, people, doc_id)
    _remove_everything(workspace, people, doc_id)
    with pymupdf.open("pdf", as_pdf(path.name, path.read_bytes(), Kind.TEXT)) as pdf:
        (hit,) = pdf[0].search_for("王秀兰")
    with workspace.db.write() as s:
        add_manual_area(
            s,
            s.get_one(User, people.reviewer),
            doc_id,
            0,
            Rect(hit.x0 - 1, hit.y0 - 1, hit.x1 + 1, hit.y1 + 1),
            LegalBasis.THIRD_PARTY_RIGHTS,
            "举报人姓名",
        )
    _approve(workspace, people, doc_id)
    site = tmp_path / "site"
    try:
        publish_to_catalog(
            workspace.db, people.publisher, doc_id, None, summary="王秀兰反映的供暖问题已整改完毕"
        )
    except Exception:
        return  # refused: the correct outcome
    update_static_site(workspace.db, site)
    site_text = _site_text(site)
    assert "室温达到18℃以上" in site_text  # the published PDF is there; the name is gone from it ...
    assert "王秀兰" not in site_text  # ... and must not come back through the summary


# -- the portal ------------------------------------------------------------------------------------------


def test_attack_withdrawn_entry_is_still_pushed_to_the_portal_and_the_reason_goes_out_unchecked(
    workspace, people, tmp_path
):
    """Attack: publish to the portal while it is down (the upsert job stays queued), withdraw, then
    let the queue run. `publishing.run_queue` handles jobs in order and `site_entry` does not look at
    the entry's status, so the withdrawn PDF and fields are PUT to the portal before the withdrawal
    deletes them; the withdrawal's free-text reason (an ID number) is POSTed as it is."""
    from app.publishing import run_queue
    from publish.portal import PortalClient
    from tests.portal_server import TOKEN, PortalServer

    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_portal=True)
    failures = []
    with PortalServer() as portal:
        client = PortalClient(portal.url, TOKEN, timeout=2, attempts=1)
        bodies = []
        send = client._send

        def recording(method, path, data, *args, **kw):
            bodies.append((method, path, data or b""))
            return send(method, path, data, *args, **kw)

        client._send = recording
        portal.state.faults.extend(["500"] * 3)
        run_queue(workspace.db, client)  # the portal is down: the upsert stays queued
        with pytest.raises(ValidationFailed, match="撤回理由未通过保密检查"):
            withdraw(workspace.db, people.publisher, entry.index_no, f"误将身份证号{ID_NUMBER}公开")
        withdraw(workspace.db, people.publisher, entry.index_no, "内容有误")
        bodies.clear()
        run_queue(workspace.db, client)
        if any(m == "PUT" and entry.published_sha256 in p for m, p, _ in bodies):
            failures.append("the withdrawn PDF was uploaded to the portal")
        if any(ID_NUMBER.encode() in d for _, _, d in bodies):
            failures.append("the withdrawal reason with an ID number was sent to the portal")
    assert failures == []


def test_attack_sql_edit_of_a_withdrawn_entrys_title_is_printed_on_its_withdrawn_page(
    workspace, people, tmp_path
):
    """Attack: after withdrawal, an SQL edit of the withdrawn row's title. `update_static_site`
    builds the 已撤回 page from `row.title` with no release check, and `audit published` looks on a
    withdrawn page only for removed text, so a never-reviewed ID number goes online unnoticed."""
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    withdraw(workspace.db, people.publisher, entry.index_no, "内容有误")
    other_id = "11010519491231002X"
    with workspace.db.write() as s:
        s.execute(update(CatalogEntry).where(CatalogEntry.id == entry.id).values(title=f"举报人{other_id}"))
    site = tmp_path / "site"
    try:
        update_static_site(workspace.db, site)
    except Exception:
        return
    leaked = other_id in _site_text(site)
    problems = audit_published(workspace.db, workspace.paths.cache_dir, site=site)
    assert not leaked or problems, "the tampered title is on the 已撤回 page and the audit is silent"
