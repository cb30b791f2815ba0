"""The reviewer's decisions are no way around the review (issue 13): 密级 markings need a confirmed
解密 record, the allow-list holds phrases not bare terms, technical cleanup is not withholding, and
the review record never prints removed text or personal data in full."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from app import declassification, documents
from app.checking import check_document, department_lexicon_csv, latest_run, save_department_lexicon
from app.db.models import AuditEvent, Declassification, Document, User
from app.errors import PermissionDenied, ValidationFailed
from app.redaction import FALSE_ALARM, KEEP, MASK, REMOVE
from app.reviewing import Conclusion, approve, decide, file_bytes
from app.statistics import figures
from publish.taxonomy import LegalBasis, suggest_basis
from review.lexicon import CompiledLexicon, Lexicon, Term
from review.masking import mask_for_record, mask_personal_data
from review.model import Severity
from review.samples import SAMPLE_BANK_CARD, SAMPLE_ID, SAMPLE_MOBILE, hidden_text_report, marked_notice
from tests.conftest import PASSWORD, desk_args, submit_draft
from tests.run_day import TODAY
from tests.test_cli import desk, desk_here


def _submit(workspace, people, tmp_path, name: str, data: bytes, written_on: dt.date | None = None) -> int:
    path = tmp_path / name
    path.write_bytes(data)
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    if written_on is not None:
        with workspace.db.write() as s:
            documents.update_metadata(
                s,
                s.get_one(User, people.clerk),
                doc_id,
                s.get_one(Document, doc_id).version,
                written_on=written_on,
            )
    check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    return doc_id


def _text_doc(workspace, people, tmp_path, name: str, text: str, written_on: dt.date | None = None) -> int:
    return _submit(workspace, people, tmp_path, name, text.encode("utf-8"), written_on)


def _rows(workspace, doc_id):
    with workspace.db.read() as s:
        return [(f.id, f.rule_id, f.text, f.severity) for f in latest_run(s, doc_id).findings]


def _first(workspace, doc_id, rule_id: str) -> int:
    return next(i for i, r, _, _ in _rows(workspace, doc_id) if r == rule_id)


def _decide(workspace, user_id, finding_id, decision, **kw):
    with workspace.db.write() as s:
        return decide(s, s.get_one(User, user_id), finding_id, decision, **kw)


def _pdf_text(pdf: bytes) -> str:
    with pymupdf.open("pdf", pdf) as doc:
        return "".join("".join(page.get_text().split()) for page in doc)


def _actions(workspace) -> list[str]:
    with workspace.db.read() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


# -- 1. 密级 markings need a confirmed 解密/降密 record ------------------------------------------------


def test_the_marked_term_is_computed_from_the_written_date():
    expires = declassification.expires_on
    assert expires("秘密★1年", dt.date(2026, 3, 1)) == dt.date(2027, 3, 1)
    assert expires("机密★10年", dt.date(2016, 2, 29)) == dt.date(2026, 2, 28)
    assert expires("秘密*１年", dt.date(2020, 1, 1)) == dt.date(2021, 1, 1)  # as written, not normalised
    # No term marked: the 保密法 defaults.
    assert expires("绝密★", dt.date(2000, 1, 1)) == dt.date(2030, 1, 1)
    assert expires("机密★", dt.date(2000, 1, 1)) == dt.date(2020, 1, 1)
    assert expires("（秘密）", dt.date(2000, 1, 1)) == dt.date(2010, 1, 1)
    assert expires("秘密★2027年3月1日解密", dt.date(2020, 1, 1)) == dt.date(2027, 3, 1)
    assert expires("秘密★长期", dt.date(2000, 1, 1)) is None
    assert expires("秘密★1年", None) is None
    today = dt.date(2026, 11, 30)
    assert declassification.term_expired("秘密★1年", dt.date(2020, 1, 1), today) is True
    assert declassification.term_expired("秘密★1年", dt.date(2026, 3, 1), today) is False
    assert declassification.term_expired("秘密★1年", None, today) is None
    assert (
        declassification.describe_term("秘密★1年", dt.date(2026, 3, 1), today)
        == "保密期限未满（至 2027-03-01）"
    )
    assert declassification.describe_term("秘密★1年", dt.date(2020, 1, 1), today) == "保密期限已满"
    assert "成文日期" in declassification.describe_term("秘密★1年", None, today)
    assert "长期" in declassification.describe_term("秘密★长期", dt.date(2020, 1, 1), today)


MARKED = "秘密★1年\n关于调整办公用房维修计划的通知\n各科室：维修计划另行下发。\n"


def test_keep_or_false_alarm_on_a_marking_needs_a_confirmed_declassification(workspace, people, tmp_path):
    doc = _text_doc(workspace, people, tmp_path, "维修计划.txt", MARKED, written_on=dt.date(2026, 3, 1))
    mark = _first(workspace, doc, "MARK-LEVEL")
    for decision in (KEEP, FALSE_ALARM):
        with pytest.raises(PermissionDenied, match="解密"):
            _decide(workspace, people.reviewer, mark, decision, reason="已过保密期限")

    def enter(user_id, **kw):
        with workspace.db.write() as s:
            return declassification.enter(
                s,
                s.get_one(User, user_id),
                mark,
                authority=kw.get("authority", "示例市机关事务管理局"),
                decided_on=kw.get("decided_on", dt.date(2026, 10, 9)),
                reference=kw.get("reference", "示机管密解〔2026〕3号"),
            )

    def confirm(user_id):
        with workspace.db.write() as s:
            return declassification.confirm(s, s.get_one(User, user_id), mark)

    with pytest.raises(PermissionDenied):
        enter(people.clerk)  # only a reviewer who may decide the document enters it
    with pytest.raises(ValidationFailed, match="定密机关"):
        enter(people.reviewer, authority=" ")
    with pytest.raises(ValidationFailed, match="文号"):
        enter(people.reviewer, reference="")
    with pytest.raises(ValidationFailed, match="日期"):
        enter(people.reviewer, decided_on=TODAY + dt.timedelta(days=3))
    enter(people.reviewer)
    with workspace.db.read() as s:
        row = s.scalars(select(Declassification).where(Declassification.finding_id == mark)).one()
        assert row.term_expired is (dt.date(2027, 3, 1) <= TODAY)
        assert row.confirmed_by_id is None
    # Entered but not confirmed: one person still cannot keep the marking.
    with pytest.raises(PermissionDenied, match="确认"):
        _decide(workspace, people.reviewer, mark, KEEP, reason="已解密")
    with pytest.raises(PermissionDenied, match="另一"):
        confirm(people.reviewer)
    with pytest.raises(PermissionDenied):
        confirm(people.clerk)
    with pytest.raises(PermissionDenied):
        confirm(people.outsider_reviewer)
    confirm(people.admin)
    with pytest.raises(ValidationFailed, match="已确认"):
        enter(people.reviewer, reference="另一个文号")
    _decide(workspace, people.reviewer, mark, KEEP, reason="已解密")
    actions = _actions(workspace)
    assert "declassification.enter" in actions and "declassification.confirm" in actions
    with workspace.db.read() as s:
        assert "保密期限未满（至 2027-03-01）" in declassification.status_text(s, mark)

    # The record says who entered and confirmed what, and the term.
    approve(
        workspace.db, people.reviewer, doc, None, Conclusion.DISCLOSE, "同意公开", workspace.paths.cache_dir
    )
    with workspace.db.read() as s:
        record = _pdf_text(file_bytes(s, doc, "record"))
    assert "示机管密解〔2026〕3号" in record and "管理员" in record
    assert "保密期限未满（至2027-03-01）" in record


def test_a_second_reviewer_may_confirm(workspace, people, tmp_path):
    doc = _text_doc(workspace, people, tmp_path, "维修计划.txt", MARKED, written_on=dt.date(2020, 1, 1))
    mark = _first(workspace, doc, "MARK-LEVEL")
    with workspace.db.write() as s:
        declassification.enter(
            s,
            s.get_one(User, people.reviewer),
            mark,
            "示例市机关事务管理局",
            dt.date(2021, 2, 1),
            "审批单 2021-07",
        )
    with workspace.db.write() as s:
        declassification.confirm(s, s.get_one(User, people.clerk_reviewer), mark)
        assert s.get_one(Declassification, 1).term_expired is True
    _decide(workspace, people.reviewer, mark, FALSE_ALARM, reason="已解密")
    # Removing a marking needs no record.
    doc2 = _text_doc(workspace, people, tmp_path, "维修计划2.txt", MARKED)
    _decide(
        workspace,
        people.reviewer,
        _first(workspace, doc2, "MARK-LEVEL"),
        REMOVE,
        basis=LegalBasis.STATE_SECRET,
    )


def _cli(workspace, user: str, *args: str, real_process: bool = False):
    """`main.py --user USER ARGS…` on this workspace: in-process, or as a real process."""
    run = desk if real_process else desk_here
    return run(workspace.paths.data_dir, *desk_args(workspace)[2:], "--user", user, *args, password=PASSWORD)


def test_declassify_command(workspace, people, tmp_path):
    doc = _text_doc(workspace, people, tmp_path, "维修计划.txt", MARKED, written_on=dt.date(2020, 1, 1))
    mark = str(_first(workspace, doc, "MARK-LEVEL"))
    # A real process, on this workspace's database; the other steps run in-process.
    r = _cli(
        workspace,
        "reviewer",
        "decide",
        mark,
        "--decision",
        "keep",
        "--reason",
        "已过保密期限",
        real_process=True,
    )
    assert r.returncode == 2 and "解密" in r.stderr
    r = _cli(
        workspace,
        "reviewer",
        "declassify",
        mark,
        "--authority",
        "示例市机关事务管理局",
        "--date",
        "2021-02-01",
    )
    assert r.returncode != 0 and "--reference" in r.stderr
    r = _cli(
        workspace,
        "reviewer",
        "declassify",
        mark,
        "--authority",
        "示例市机关事务管理局",
        "--date",
        "2021-02-01",
        "--reference",
        "示机管密解〔2021〕1号",
    )
    assert r.returncode == 0 and "保密期限已满" in r.stdout and "待" in r.stdout, r.stderr
    r = _cli(workspace, "reviewer", "declassify", mark, "--confirm")
    assert r.returncode == 2 and "另一" in r.stderr
    r = _cli(workspace, "admin", "declassify", mark, "--confirm")
    assert r.returncode == 0 and "已确认" in r.stdout, r.stderr
    r = _cli(workspace, "reviewer", "decide", mark, "--decision", "keep", "--reason", "已解密")
    assert r.returncode == 0, r.stderr
    r = _cli(workspace, "reviewer", "declassify", "--help")
    assert r.returncode == 0 and "定密机关" in r.stdout


# -- 2. The allow-list holds phrases with their context -------------------------------------------


def test_allowing_a_false_alarm_keeps_its_context(workspace, people, tmp_path):
    sentence = "各单位要加强单位内部资料管理工作，规范档案借阅。\n"
    doc = _text_doc(workspace, people, tmp_path, "档案管理.txt", "关于加强档案管理的通知\n" + sentence)
    lex = _first(workspace, doc, "LEX")
    _decide(workspace, people.reviewer, lex, FALSE_ALARM, reason="指档案管理工作", add_to_allow_list=True)
    with workspace.db.read() as s:
        csv = department_lexicon_csv(s, s.get_one(User, people.reviewer).department_id)
    assert "单位内部资料管理,,允许" in csv and "\n内部资料,,允许" not in csv
    # A new file saying 内部资料 alone keeps its blocking finding; the allowed sentence has none.
    alone = _text_doc(workspace, people, tmp_path, "另一文件.txt", "本文件为内部资料，请妥善保管。\n")
    assert [(r, t, sev) for _, r, t, sev in _rows(workspace, alone) if r == "LEX"] == [
        ("LEX", "内部资料", Severity.BLOCKING.value)
    ]
    again = _text_doc(workspace, people, tmp_path, "同一句.txt", "关于档案工作的通知\n" + sentence)
    assert not [r for _, r, *_ in _rows(workspace, again) if r == "LEX"]


def test_a_bare_term_never_goes_on_the_allow_list(workspace, people, tmp_path):
    doc = _text_doc(workspace, people, tmp_path, "孤词.txt", "内部资料")
    lex = _first(workspace, doc, "LEX")
    with pytest.raises(ValidationFailed, match="允许词"):
        _decide(workspace, people.reviewer, lex, FALSE_ALARM, reason="误报", add_to_allow_list=True)
    with workspace.db.read() as s:
        assert "允许" not in department_lexicon_csv(s, s.get_one(User, people.reviewer).department_id)
    # Only lexicon hits are allow-listed: a number is not a phrase the matcher knows.
    doc2 = _submit(workspace, people, tmp_path, "通知.pdf", marked_notice().data)
    mobile = _first(workspace, doc2, "PII-MOBILE")
    with pytest.raises(ValidationFailed, match="允许词"):
        _decide(workspace, people.reviewer, mobile, FALSE_ALARM, reason="示例", add_to_allow_list=True)


@pytest.mark.parametrize("entry", ["内部资料", "内部 资料", "资料", "ＨＩＶ"])
def test_lexicon_import_refuses_bare_allow_entries(workspace, people, entry):
    content = f"词条,类别,级别,说明,整词\n{entry},,允许,,否\n".encode()
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="允许词"):
        save_department_lexicon(s, s.get_one(User, people.reviewer), content, "词库.csv")
    with workspace.db.write() as s:
        save_department_lexicon(
            s,
            s.get_one(User, people.reviewer),
            "词条,类别,级别,说明,整词\n单位内部资料管理,,允许,,否\n".encode(),
            "词库.csv",
        )


def test_the_matcher_never_suppresses_a_bare_term():
    lexicon = Lexicon(
        [Term("内部资料", "内部标识", Severity.BLOCKING)], ["内部资料", "部资", "单位内部资料管理"]
    )
    compiled = CompiledLexicon.build(lexicon)
    hits, dropped = compiled.find("本文件为内部资料")
    assert [h.term.term for h in hits] == ["内部资料"] and dropped == 0
    hits, dropped = compiled.find("加强单位内部资料管理工作，另附内部资料")
    assert [(h.start, h.term.term) for h in hits] == [(15, "内部资料")] and dropped == 1


def test_only_an_administrator_drops_lexicon_terms(workspace, people, qtbot, desk_app, tmp_path):
    from app.ui.lexicon_dialog import LexiconDialog

    two = "词条,类别,级别,说明,整词\n示例敏感词,自定义,阻断,,否\n另一敏感词,自定义,警告,,否\n".encode()
    one = "词条,类别,级别,说明,整词\n示例敏感词,自定义,阻断,,否\n".encode()
    with workspace.db.write() as s:
        save_department_lexicon(s, s.get_one(User, people.reviewer), two, "词库.csv")
    with workspace.db.write() as s, pytest.raises(PermissionDenied, match="系统管理员"):
        save_department_lexicon(s, s.get_one(User, people.reviewer), one, "词库.csv")
    lowered = "词条,类别,级别,说明,整词\n示例敏感词,自定义,提示,,否\n另一敏感词,自定义,警告,,否\n".encode()
    with workspace.db.write() as s, pytest.raises(PermissionDenied, match="系统管理员"):
        save_department_lexicon(s, s.get_one(User, people.reviewer), lowered, "词库.csv")
    with workspace.db.write() as s, pytest.raises(PermissionDenied):
        save_department_lexicon(s, s.get_one(User, people.clerk), two, "词库.csv")
    # The dialog says so, and a bare allow entry is refused there too.
    dialog = LexiconDialog(workspace.db, people.reviewer)
    qtbot.addWidget(dialog)
    path = tmp_path / "少一个.csv"
    path.write_bytes(one)
    dialog.choose_import = lambda: str(path)
    dialog.import_file()
    assert "系统管理员" in dialog.messages.text()
    path.write_bytes(two + "内部资料,,允许,,否\n".encode())
    dialog.import_file()
    assert "允许词" in dialog.messages.text()
    with workspace.db.write() as s:
        save_department_lexicon(s, s.get_one(User, people.admin), one, "词库.csv")
    with workspace.db.read() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "lexicon.update").order_by(AuditEvent.id.desc())
        ).first()
        assert json.loads(event.detail)["removed"] == ["另一敏感词"]


# -- 3. The legal basis: no default, a suggestion, technical cleanup ------------------------------


def test_the_basis_is_suggested_by_category():
    assert suggest_basis("PII-ID", "个人信息", "visible") is LegalBasis.THIRD_PARTY_RIGHTS
    assert suggest_basis("LEX", "个人敏感信息", "visible") is LegalBasis.THIRD_PARTY_RIGHTS
    assert suggest_basis("LEX", "过程性信息", "visible") is LegalBasis.PROCESS_INFORMATION
    assert suggest_basis("MARK-LEVEL", "密级标志", "visible") is LegalBasis.STATE_SECRET
    assert suggest_basis("HIDDEN-TEXT", "隐藏内容", "hidden_text") is LegalBasis.TECHNICAL_CLEANUP
    assert suggest_basis("LEX", "内部标识", "metadata") is LegalBasis.TECHNICAL_CLEANUP
    assert suggest_basis("PII-ID", "个人信息", "hidden_text") is LegalBasis.TECHNICAL_CLEANUP
    assert LegalBasis("technical_cleanup").label == "技术性清理（非不予公开）"


def test_technical_cleanup_is_not_withholding(workspace, people, tmp_path):
    doc = _submit(workspace, people, tmp_path, "行政许可办理情况.pdf", hidden_text_report().data)
    with workspace.db.read() as s:
        blocking = [(f.id, f.channel) for f in latest_run(s, doc).findings if f.severity == "blocking"]
    assert blocking and all(channel != "visible" for _, channel in blocking)
    for finding_id, _ in blocking:
        _decide(workspace, people.reviewer, finding_id, REMOVE, basis=LegalBasis.TECHNICAL_CLEANUP)
    with pytest.raises(ValidationFailed, match="同意公开"):
        approve(
            workspace.db,
            people.reviewer,
            doc,
            None,
            Conclusion.DISCLOSE_REDACTED,
            "删减",
            workspace.paths.cache_dir,
        )
    approve(
        workspace.db, people.reviewer, doc, None, Conclusion.DISCLOSE, "同意公开", workspace.paths.cache_dir
    )
    with workspace.db.read() as s:
        record = _pdf_text(file_bytes(s, doc, "record"))
        today = TODAY
        counted = dict(
            figures(s, today - dt.timedelta(days=1), today + dt.timedelta(days=1)).redactions_by_basis
        )
    assert "技术性清理（非不予公开）" in record and "第三十七条" not in record
    assert LegalBasis.TECHNICAL_CLEANUP.value not in counted


def test_technical_cleanup_is_only_for_hidden_content(workspace, people, tmp_path):
    doc = _submit(workspace, people, tmp_path, "通知.pdf", marked_notice().data)
    with pytest.raises(ValidationFailed, match="技术性清理"):
        _decide(
            workspace,
            people.reviewer,
            _first(workspace, doc, "PII-ID"),
            REMOVE,
            basis=LegalBasis.TECHNICAL_CLEANUP,
        )


def test_the_decision_dialog_preselects_nothing_and_suggests(qtbot, desk_app):
    from app.ui.decision_dialog import DecisionDialog
    from review.model import Channel, Finding, Location

    finding = Finding(
        "PII-ID",
        "个人信息",
        Severity.BLOCKING,
        "居民身份证号",
        Channel.VISIBLE,
        Location(page=0),
        SAMPLE_ID,
        "",
        None,
    )
    dialog = DecisionDialog(REMOVE, finding)
    qtbot.addWidget(dialog)
    assert dialog.basis is not None and dialog.basis.currentIndex() == -1
    assert dialog.selected_basis() is None
    dialog.accept()
    assert dialog.result() != DecisionDialog.DialogCode.Accepted and "法律依据" in dialog.error.text()
    assert "建议" in dialog.suggestion.text() and "第十五条" in dialog.suggestion.text()
    dialog.apply_suggestion.click()
    assert dialog.selected_basis() is LegalBasis.THIRD_PARTY_RIGHTS
    # A marking kept needs a 解密 record: the dialog says so and offers to enter it.
    marking = Finding(
        "MARK-LEVEL",
        "密级标志",
        Severity.BLOCKING,
        "密级标志",
        Channel.VISIBLE,
        Location(page=0),
        "秘密★1年",
        "",
        None,
    )
    asked: list[bool] = []
    keep = DecisionDialog(KEEP, marking, declassify=lambda: asked.append(True) or "已录入，待第二人确认")
    qtbot.addWidget(keep)
    assert "解密" in keep.declassification_note.text()
    keep.declassify_button.click()
    assert asked and "待第二人确认" in keep.declassification_note.text()


# -- 4. The record masks removed text and personal data -------------------------------------------


def test_masks_for_the_record():
    assert mask_for_record("110105198503071230", "PII-ID", "个人信息") == "110***********1230"
    assert mask_for_record("13812341234", "PII-MOBILE", "个人信息") == "138****1234"
    assert mask_for_record("6217 0012 3456 7890 123", "PII-BANKCARD", "个人信息") == "6217***********0123"
    assert mask_for_record("内部资料", "LEX", "内部标识") == "〔内部标识，4字〕"
    assert mask_for_record("王某某", "PII-NAME", "个人信息") == "〔个人信息，3字〕"
    said = f"联系人身份证号{SAMPLE_ID}，手机{SAMPLE_MOBILE}，卡号{SAMPLE_BANK_CARD}"
    masked = mask_personal_data(said)
    assert SAMPLE_ID not in masked and SAMPLE_MOBILE not in masked and SAMPLE_BANK_CARD not in masked
    assert SAMPLE_ID[:3] + "*" * 11 + SAMPLE_ID[-4:] in masked and "139****5678" in masked


def test_the_record_holds_no_removed_text_or_full_personal_data(workspace, people, tmp_path):
    doc = _submit(workspace, people, tmp_path, "医保缴费标准通知.pdf", marked_notice().data)
    _decide(
        workspace,
        people.reviewer,
        _first(workspace, doc, "MARK-LEVEL"),
        REMOVE,
        basis=LegalBasis.STATE_SECRET,
    )
    _decide(
        workspace,
        people.reviewer,
        _first(workspace, doc, "PII-ID"),
        MASK,
        basis=LegalBasis.THIRD_PARTY_RIGHTS,
        reason=f"身份证号 {SAMPLE_ID} 属个人信息，机密★10年 已删",
    )
    _decide(workspace, people.reviewer, _first(workspace, doc, "PII-MOBILE"), KEEP, reason="单位公开联系电话")
    approve(
        workspace.db,
        people.reviewer,
        doc,
        None,
        Conclusion.DISCLOSE_REDACTED,
        f"同意删减后公开，{SAMPLE_ID} 遮盖",
        workspace.paths.cache_dir,
    )
    with workspace.db.read() as s:
        record = file_bytes(s, doc, "record")
        # The database keeps the full text.
        assert SAMPLE_ID in {f.text for f in latest_run(s, doc).findings}
    text = _pdf_text(record)
    assert SAMPLE_ID not in text and "机密★10年" not in text and SAMPLE_MOBILE not in text
    assert "110***********" in text and "〔密级标志，6字〕" in text and "139****5678" in text
    assert "单位公开联系电话" in text
    with pymupdf.open("pdf", record) as pdf:
        pdf[0].get_pixmap(dpi=110).save(str(tmp_path / "record.png"))
    if os.environ.get("DESK_KEEP_RECORD_PNG"):
        (Path(os.environ["DESK_KEEP_RECORD_PNG"])).write_bytes((tmp_path / "record.png").read_bytes())


def test_the_declassification_dialog_enters_and_a_second_person_confirms(
    qtbot, desk_app, workspace, people, tmp_path
):
    from app.checking import stored_finding
    from app.ui.declassification_dialog import DeclassificationDialog
    from app.ui.findings_panel import FindingsPanel

    doc = _text_doc(workspace, people, tmp_path, "维修计划.txt", MARKED, written_on=dt.date(2020, 1, 1))
    mark = _first(workspace, doc, "MARK-LEVEL")
    entering = DeclassificationDialog(workspace.db, people.reviewer, mark)
    qtbot.addWidget(entering)
    assert not entering.confirm_button.isEnabled() and "尚无" in entering.status.text()
    entering.enter()
    assert "定密机关" in entering.error.text()
    entering.authority.setText("示例市机关事务管理局")
    entering.reference.setText("示机管密解〔2021〕1号")
    entering.enter()
    assert entering.error.text() == "" and "待第二人确认" in entering.status_line
    assert not entering.confirm_button.isEnabled()  # not by the one who entered it
    confirming = DeclassificationDialog(workspace.db, people.admin, mark)
    qtbot.addWidget(confirming)
    assert confirming.confirm_button.isEnabled()
    confirming.confirm()
    assert "管理员确认" in confirming.status_line and "保密期限已满" in confirming.status_line
    assert not confirming.enter_button.isEnabled()
    # The findings panel offers the record on a marking, for anyone who looks at the findings.
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    with workspace.db.read() as s:
        rows = list(latest_run(s, doc).findings)
        panel.show_findings([stored_finding(r) for r in rows], [], "v")
    index = next(i for i, r in enumerate(rows) if r.id == mark)
    actions = panel.context_actions(index).actions()
    assert [a.text() for a in actions] == ["解密记录…"]
    with qtbot.waitSignal(panel.declassification_requested) as signal:
        actions[0].trigger()
    assert signal.args == [index]
