"""Answers to requests: the 答复书 and disclosed files are reviewed documents the catalog refuses; the
applicant's package is signed and verifies; Art. 44 makes an ordinary draft without the applicant."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pymupdf
import pytest
from sqlalchemy import func, select

from app import info_requests, signing_keys
from app.catalog import publish_to_catalog
from app.checking import check_document, latest_run
from app.db.models import CatalogEntry, Document, User
from app.db.models import Release as ReleaseRow
from app.db.models_requests import InfoRequest, RequestAction
from app.documents import load_blob, update_metadata
from app.errors import PermissionDenied, ValidationFailed
from app.request_answers import AnswerInput, add_disclosure, draft_answer, export_package, publish_proactive
from app.reviewing import approve, decide, file_bytes, refuse, suggested_conclusion
from publish.answer_package import AnswerPackageError, read_answer_package
from publish.request_outcomes import ApplicantKind, Outcome
from publish.taxonomy import LegalBasis
from review.compose import compose_pdf
from review.samples import SAMPLE_ID, SAMPLE_MOBILE
from tests.conftest import submit_draft
from tests.run_day import TODAY

PASSPHRASE = "answer-machine-passphrase"
APPLICANT, CONTACT, CONTENT = "欧阳明轩", "测试市和平路12号", "和平街道2025年冬季供暖补贴发放明细"
TITLE = "和平街道2025年冬季供暖补贴发放情况"


def register(workspace, people) -> int:
    with workspace.db.write() as s:
        return info_requests.register(
            s,
            s.get_one(User, people.clerk),
            applicant_kind=ApplicantKind.PERSON,
            applicant_name=APPLICANT,
            applicant_contact=CONTACT,
            content=CONTENT,
            channel=info_requests.Channel.POST,
            received_on=TODAY - dt.timedelta(days=3),
        ).id


def disclose(workspace, people, request_id, tmp_path) -> int:
    """A file holding a third party's mobile number, disclosed with the number masked (Art. 37)."""
    path = tmp_path / "补贴发放情况.pdf"
    path.write_bytes(
        compose_pdf(
            ["和平街道共为1200户居民发放供暖补贴，合计36万元。", f"街道经办人联系电话：{SAMPLE_MOBILE}。"],
            TITLE,
        )
    )
    doc_id = add_disclosure(workspace.db, people.clerk, request_id, path, title=TITLE)
    with workspace.db.write() as s:
        update_metadata(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            None,
            doc_type="通知",
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2026, 3, 1),
        )
    return doc_id


def review(workspace, people, doc_id) -> None:
    """Submitted, checked, personal data masked for the third party, approved as the engine suggests."""
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        for finding in latest_run(s, doc_id).findings:
            if finding.rule_id.startswith("PII-"):
                decide(s, reviewer, finding.id, "mask", basis=LegalBasis.THIRD_PARTY_RIGHTS)
    with workspace.db.read() as s:
        conclusion = suggested_conclusion(s, doc_id)
    approve(workspace.db, people.reviewer, doc_id, None, conclusion, "同意", workspace.paths.cache_dir)


def pdf_text(data: bytes) -> str:
    with pymupdf.open("pdf", data) as doc:
        return "".join(page.get_text() for page in doc).replace("\n", "")


def test_answer_is_reviewed_refused_by_the_catalog_and_packaged_signed(workspace, people, tmp_path):
    request_id = register(workspace, people)
    disclosed = disclose(workspace, people, request_id, tmp_path)
    review(workspace, people, disclosed)
    answer = AnswerInput(Outcome.PARTLY, TODAY, {})
    answer_id = draft_answer(workspace.db, people.clerk, request_id, answer, workspace.paths.data_dir)

    with workspace.db.read() as s:
        document = s.get_one(Document, answer_id)
        letter = pdf_text(load_blob(s, document.current_original().blob_sha256))
        assert APPLICANT not in document.title and document.title.startswith("政府信息公开申请答复书（")
        assert json.loads(document.keywords) == []
    # The letter names its applicant (the reviewer sees whom it answers), not the address it goes to,
    # and states the masked part by kind, page and basis — never the number itself.
    assert f"{APPLICANT}：" in letter and CONTACT not in letter and SAMPLE_MOBILE not in letter
    assert f"《{TITLE}》第 1 页的" in letter and "（条例第十五条）" in letter
    assert "60日内依法申请行政复议；对行政复议决定不服的" in letter

    with pytest.raises(PermissionDenied, match="尚未经审查批准"):
        export_package(
            workspace.db, people.clerk, request_id, tmp_path / "x.zip", lambda: PASSPHRASE, tmp_path
        )
    review(workspace, people, answer_id)
    for doc_id in (answer_id, disclosed):
        with pytest.raises(PermissionDenied, match="只提供给申请人，不能发布到公开目录"):
            publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CatalogEntry)) == 0

    with workspace.db.write() as s:
        admin = s.get_one(User, people.admin)
        kid = signing_keys.generate(s, admin, PASSPHRASE, workspace.paths.keys_dir).key_id
    out = tmp_path / "out" / "答复材料.zip"
    summary = export_package(
        workspace.db, people.clerk, request_id, out, lambda: PASSPHRASE, workspace.paths.keys_dir
    )
    manifest = read_answer_package(out, kid)
    assert [(f["role"], f["name"]) for f in manifest["files"]] == [
        ("answer", f"{summary.files[0]}"),
        ("disclosed", f"01 {TITLE}.pdf"),
        ("guide", "说明.txt"),
    ]
    with zipfile.ZipFile(out) as z, workspace.db.read() as s:
        assert z.read(f"01 {TITLE}.pdf") == file_bytes(s, disclosed, "published")
        assert SAMPLE_MOBILE not in pdf_text(z.read(f"01 {TITLE}.pdf"))
        assert z.read(summary.files[0]) == file_bytes(s, answer_id, "published")
        guide = z.read("说明.txt").decode("utf-8-sig")
        entries = {n: z.read(n) for n in z.namelist()}
    assert f"01 {TITLE}.pdf  {manifest['files'][1]['sha256']}" in guide and kid in guide
    assert list(out.parent.iterdir()) == [out]  # written atomically: no temporary file left
    entries[f"01 {TITLE}.pdf"] += b"%"
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    with pytest.raises(AnswerPackageError, match="SHA-256 与清单不符"):
        read_answer_package(forged, kid)


def test_art44_makes_an_ordinary_draft_that_publishes_without_the_applicant(workspace, people, tmp_path):
    request_id = register(workspace, people)
    disclosed = disclose(workspace, people, request_id, tmp_path)
    review(workspace, people, disclosed)

    (new_id,) = publish_proactive(workspace.db, people.clerk, request_id)
    review(workspace, people, new_id)
    entry = publish_to_catalog(workspace.db, people.publisher, new_id, None)

    with workspace.db.read() as s:
        assert s.get_one(Document, new_id).disclosure == "proactive"
        actions = s.scalars(select(RequestAction).where(RequestAction.request_id == request_id))
        assert [(a.kind, a.document_id) for a in actions] == [("moved_to_proactive", new_id)]
        stored = s.get_one(CatalogEntry, entry.id)
        release = s.scalar(select(ReleaseRow.body).where(ReleaseRow.sha256 == stored.release_sha256))
        published = pdf_text(load_blob(s, stored.published_sha256))
        fields = json.dumps(
            {c.name: str(getattr(stored, c.key)) for c in CatalogEntry.__table__.columns}, ensure_ascii=False
        )
    assert stored.title == TITLE and "36万元" in published
    for secret in (APPLICANT, CONTACT, CONTENT, SAMPLE_MOBILE):
        assert secret not in fields and secret not in release and secret not in published


def test_answer_commands_on_the_command_line(workspace, people, capsys, monkeypatch, tmp_path):
    from app import cli
    from tests.conftest import PASSWORD, desk_args

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.run([*desk_args(workspace), "--user", "clerk", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    monkeypatch.setenv("DESK_PASSWORD", PASSWORD)
    request_id = str(register(workspace, people))
    code, _, err = run("request", "draft-answer", request_id, "--outcome", "not_exist")
    assert code == 2 and "缺少以下内容，不能生成：检索情况" in err
    number = f"{(TODAY - dt.timedelta(days=3)).year}-0001"
    code, _, err = run("request", "draft-answer", number, "--outcome", "complaint")
    assert code == 2 and "没有答复书模板" in err

    searched = ["--fact", "searched=以“供暖补贴”为关键词在公文系统中检索"]
    with workspace.db.write() as s:
        s.get_one(InfoRequest, int(request_id)).content = f"本人（身份证号 {SAMPLE_ID}）的供暖补贴领取记录"
    code, text, _ = run("request", "draft-answer", request_id, "--outcome", "not_exist", *searched, "--print")
    assert code == 0 and text.startswith("^政府信息公开申请答复书\n") and f"|{APPLICANT}：" in text
    # The applicant's own number, quoted from the request, is masked in the letter.
    assert SAMPLE_ID not in text and f"{SAMPLE_ID[:3]}{'*' * 11}{SAMPLE_ID[-4:]}" in text
    edited = tmp_path / "答复书.txt"
    edited.write_text(text.replace("特此告知。", "特此告知，感谢您的理解。"), encoding="utf-8")
    code, out, _ = run("request", "draft-answer", request_id, "--outcome", "not_exist", "--text", str(edited))
    assert code == 0 and "答复书草稿已保存为文件 #1" in out
    with workspace.db.read() as s:
        assert "感谢您的理解" in pdf_text(load_blob(s, s.get_one(Document, 1).current_original().blob_sha256))

    again = ["request", "draft-answer", request_id, "--outcome", "not_exist", *searched]
    code, out, _ = run(*again)
    assert code == 0 and "文件 #1" in out  # a draft not yet submitted gets the new letter as a revision
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), 1)
    code, _, err = run(*again)
    assert code == 2 and "当前为“待审查”，不能再修改" in err
    refuse(workspace.db, people.reviewer, 1, None, LegalBasis.PROCESS_INFORMATION, "措辞需重写")
    code, out, _ = run(*again)
    assert code == 0 and "文件 #2" in out  # a refused letter stays; the answer starts anew

    code, out, _ = run("request", "show", request_id)
    assert "答复书：#2 政府信息公开申请答复书（" in out and "（草稿）" in out

    code, _, err = run("request", "package", request_id, str(tmp_path / "a.zip"))
    assert code == 2 and "尚未经审查批准" in err and not (tmp_path / "a.zip").exists()

    today = TODAY
    until = (today + dt.timedelta(days=15)).isoformat()
    run(
        "request",
        "supplement",
        request_id,
        "--asked",
        today.isoformat(),
        "--until",
        until,
        "--note",
        "请写明年份",
    )
    notice = tmp_path / "补正.pdf"
    code, out, _ = run("request", "notice", request_id, "--kind", "supplement", str(notice))
    assert code == 0 and "已存入申请的发出文书" in out
    shown = pdf_text(notice.read_bytes())
    assert "政府信息公开申请补正告知书" in shown and "（一）请写明年份" in shown and "第三十条" in shown


def test_art44_refuses_a_file_that_names_the_applicant(workspace, people, tmp_path):
    request_id = register(workspace, people)
    path = tmp_path / "本人补贴记录.pdf"
    path.write_bytes(compose_pdf([f"{APPLICANT}户2025年冬季领取供暖补贴300元。"], "补贴领取记录"))
    doc_id = add_disclosure(workspace.db, people.clerk, request_id, path, title="补贴领取记录")
    review(workspace, people, doc_id)
    with pytest.raises(ValidationFailed, match="有申请人的姓名或联系方式，不能转为主动公开"):
        publish_proactive(workspace.db, people.clerk, request_id)
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1


def test_an_answer_is_not_approved_as_on_request_information(workspace, people, tmp_path):
    """依申请公开 as a conclusion means "given on request, not published": for a letter that only
    goes to its applicant it would approve nothing the package could carry."""
    from app.vocabulary import Conclusion

    request_id = register(workspace, people)
    answer_id = draft_answer(
        workspace.db,
        people.clerk,
        request_id,
        AnswerInput(Outcome.NOT_EXIST, TODAY, {"searched": "经检索本机关档案和公开目录"}),
        workspace.paths.data_dir,
    )
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), answer_id)
    check_document(workspace.db, None, answer_id, workspace.paths.cache_dir)
    with pytest.raises(ValidationFailed, match="结论应为“同意公开”"):
        approve(
            workspace.db,
            people.reviewer,
            answer_id,
            None,
            Conclusion.ON_REQUEST,
            "同意",
            workspace.paths.cache_dir,
        )
