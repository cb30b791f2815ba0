"""Attacks on the answers to requests found by review: the applicant's data in titles and the audit
trail, a package that says more than its letter, a forged package entry, a backdated clock action,
a formatted name slipping past Art. 44, formulas in the yearly report."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from app import info_requests, signing_keys
from app.checking import check_document
from app.db.models import AuditEvent, Document, User
from app.documents import load_blob, prepare, revise, update_metadata
from app.errors import ValidationFailed
from app.request_answers import AnswerInput, add_disclosure, draft_answer, export_package, mentions_applicant
from app.reviewing import refuse
from app.workflow import Action, perform
from publish.answer_package import (
    ANSWER,
    AnswerPackageError,
    PackageFile,
    read_answer_package,
    write_answer_package,
)
from publish.request_clock import Party
from publish.request_outcomes import Outcome
from publish.taxonomy import LegalBasis
from publish.transfer import key_id
from review.compose import compose_pdf
from tests.conftest import submit_draft
from tests.run_day import TODAY
from tests.test_request_answers import APPLICANT, PASSPHRASE, TITLE, disclose, pdf_text, register, review


def test_the_letter_and_a_disclosed_file_never_carry_the_applicant_in_their_title(
    workspace, people, tmp_path
):
    request_id = register(workspace, people)
    text = f"^关于{APPLICANT}13912345678申请的答复书\n|{APPLICANT}：\n经检索，该信息不存在。\n"
    answer = AnswerInput(Outcome.NOT_EXIST, TODAY, {"searched": "检索"})
    answer_id = draft_answer(workspace.db, people.clerk, request_id, answer, workspace.paths.data_dir, text)
    with workspace.db.read() as s:
        document = s.get_one(Document, answer_id)
        number = s.get_one(info_requests.InfoRequest, request_id).number
        assert document.title == f"政府信息公开申请答复书（{number}）"
        assert document.current_original().original_name == f"{document.title}.pdf"
    for name, title in ((f"{APPLICANT}低保档案.pdf", None), ("档案.pdf", "欧阳·明轩低保档案")):
        path = tmp_path / name
        path.write_bytes(compose_pdf(["低保发放。"], "档案"))
        with pytest.raises(ValidationFailed, match="申请人的姓名或联系方式"):
            add_disclosure(workspace.db, people.clerk, request_id, path, title=title)
    # Nor later, by renaming the file given or uploading a new version under the applicant's name.
    path = tmp_path / "档案.pdf"
    given = add_disclosure(workspace.db, people.clerk, request_id, path, title="低保档案")
    renamed = tmp_path / f"{APPLICANT}.pdf"
    renamed.write_bytes(path.read_bytes())
    for change in (
        lambda s, u: update_metadata(s, u, given, None, title=f"{APPLICANT}的低保档案"),
        lambda s, u: revise(s, u, given, None, prepare(renamed)),
    ):
        with workspace.db.write() as s, pytest.raises(ValidationFailed, match="申请人的姓名或联系方式"):
            change(s, s.get_one(User, people.clerk))
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 2
        trail = "".join(s.scalars(select(AuditEvent.detail)))
    assert "欧阳" not in trail and "13912345678" not in trail


def test_the_package_carries_exactly_the_files_its_letter_lists(workspace, people, tmp_path):
    request_id = register(workspace, people)
    given = disclose(workspace, people, request_id, tmp_path)
    review(workspace, people, given)
    path = tmp_path / "内部.pdf"
    path.write_bytes(compose_pdf(["内部研究稿。"], "内部研究稿"))
    withheld = add_disclosure(workspace.db, people.clerk, request_id, path, title="内部研究稿")
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), withheld)
    check_document(workspace.db, None, withheld, workspace.paths.cache_dir)
    refuse(workspace.db, people.reviewer, withheld, None, LegalBasis.INTERNAL_AFFAIRS, "内部事务")
    with workspace.db.write() as s:
        signing_keys.generate(s, s.get_one(User, people.admin), PASSPHRASE, workspace.paths.keys_dir)

    def package() -> tuple[str, ...]:
        out = tmp_path / "p.zip"
        return export_package(
            workspace.db, people.clerk, request_id, out, lambda: PASSPHRASE, workspace.paths.keys_dir
        ).files

    # A not-exist letter with a file approved for the applicant: the package would contradict it.
    letter = AnswerInput(Outcome.NOT_EXIST, TODAY, {"searched": "检索"})
    answer_id = draft_answer(workspace.db, people.clerk, request_id, letter, workspace.paths.data_dir)
    review(workspace, people, answer_id)
    with pytest.raises(ValidationFailed, match="请重新起草答复书"):
        package()

    # The refused file is neither in the 部分公开 letter nor in the package.
    with workspace.db.write() as s:
        perform(
            s,
            s.get_one(User, people.reviewer),
            answer_id,
            Action.RETURN,
            expected_version=None,
            reason="改为部分公开",
        )
    letter = AnswerInput(Outcome.PARTLY, TODAY, {})
    answer_id = draft_answer(workspace.db, people.clerk, request_id, letter, workspace.paths.data_dir)
    review(workspace, people, answer_id)
    with workspace.db.read() as s:
        text = pdf_text(load_blob(s, s.get_one(Document, answer_id).current_original().blob_sha256))
    assert TITLE in text and "内部研究稿" not in text
    assert package()[1:] == (f"01 {TITLE}.pdf",)

    # A file added after the letter was drafted is not in it: the package is refused until redrafted.
    path = tmp_path / "附加.pdf"
    path.write_bytes(compose_pdf(["附加材料。"], "附加材料"))
    add_disclosure(workspace.db, people.clerk, request_id, path, title="附加材料")
    with pytest.raises(ValidationFailed, match="请重新起草答复书"):
        package()


def test_a_package_with_two_entries_of_one_name_is_refused(tmp_path):
    key = Ed25519PrivateKey.generate()
    genuine = tmp_path / "genuine.zip"
    write_answer_package(
        genuine, {"request": "2026-0001"}, [PackageFile("答复书.pdf", ANSWER, b"%PDF-1")], key
    )
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(genuine) as src, zipfile.ZipFile(forged, "w") as out, pytest.warns(UserWarning):
        out.writestr("答复书.pdf", b"%PDF-forged")  # what an unzip tool shows first
        for name in src.namelist():
            out.writestr(name, src.read(name))
    with pytest.raises(AnswerPackageError, match="重复"):
        read_answer_package(forged, key_id(key.public_key()))


def test_a_backdated_extension_or_consultation_does_not_hide_an_overdue_request(workspace, people):
    today = TODAY
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        late = info_requests.register(
            s, clerk, applicant_kind=info_requests.ApplicantKind.PERSON, applicant_name="甲乙",
            applicant_contact="c1", content="x", channel=info_requests.Channel.POST,
            received_on=today - dt.timedelta(days=50),
        )  # fmt: skip
        due, late_id = info_requests.clock(late).due, late.id
        assert due is not None and info_requests.clock(late).overdue
        back = late.received_on + dt.timedelta(days=5)
    for act in (
        lambda s, u: info_requests.extend(s, u, late_id, back, consented_by="负责人"),
        lambda s, u: info_requests.consultation_sent(s, u, late_id, back, party=Party.AGENCY),
    ):
        with workspace.db.write() as s, pytest.raises(ValidationFailed, match=f"答复期限 {due} 已过"):
            act(s, s.get_one(User, people.clerk))


def test_the_applicant_is_found_however_their_name_or_number_is_written():
    text = "申请人欧阳·明轩的补贴已发放。联系电话 139-1234-5678。"
    assert mentions_applicant("欧阳明轩", "—", text)
    assert mentions_applicant("张三", "13912345678", text)
    assert mentions_applicant("张三", "zhao.liu@example.cn", "邮箱 ZHAO LIU @ example . cn")
    assert not mentions_applicant("张三", "13912345679", text)


def test_only_who_answers_sees_the_contact_and_only_their_department(workspace, people, capsys, monkeypatch):
    from app import cli, users
    from app.request_answers import request_rows
    from app.roles import Role
    from tests.conftest import PASSWORD, desk_args
    from tests.test_request_answers import CONTACT

    request_id = register(workspace, people)
    with workspace.db.write() as s:
        loner = users.create_user(
            s, s.get_one(User, people.admin), login="loner", display_name="无部门审查",
            password=PASSWORD, roles=[Role.REVIEWER], department=None,
        )  # fmt: skip
        loner_id = loner.id
    with workspace.db.read() as s:
        assert info_requests.open_requests(s, s.get_one(User, loner_id)) == []
        assert request_rows(s, s.get_one(User, loner_id), include_closed=True) == []
        (shown,) = request_rows(s, s.get_one(User, people.reviewer))
        assert shown.contact == "" and shown.applicant == APPLICANT
    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    code = cli.run([*desk_args(workspace), "--user", "reviewer", "request", "show", str(request_id)])
    out = capsys.readouterr().out
    assert code == 0 and CONTACT not in out and "联系方式：（仅经办人可见）" in out
