"""An interpretation's audio/video files: identified by their bytes, checked when the engine can read
them, and approved only on the reviewer's per-file 人工审查 when it cannot."""

from __future__ import annotations

import io
import json
import struct
import wave

import pymupdf
import pytest
from sqlalchemy import select

from app import interpretations
from app.checking import check_document, latest_run
from app.db.models import AuditEvent, InterpretationMedia, User
from app.demo import DEMO_CATEGORY
from app.errors import DocumentRejected, PermissionDenied, ValidationFailed
from app.reviewing import file_bytes
from app.roles import Status
from app.workflow import Action, perform
from publish.taxonomy import LegalBasis
from review.formats import identify_content, sniff_media
from review.samples import SAMPLE_ID
from tests.test_interpretations import approve_doc, attach, decide, draft, status, submit_and_check

LEAK = f"本录音整理稿为内部资料，受访者身份证号 {SAMPLE_ID}，请勿外传。\n"


def tiny_wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


def tiny_mp4() -> bytes:
    ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isommp41"
    mdat = struct.pack(">I", 8 + 64) + b"mdat" + bytes(range(64))
    return ftyp + mdat


def media_file(tmp_path, name: str, data: bytes) -> interpretations.MediaDraft:
    path = tmp_path / name
    path.write_bytes(data)
    return interpretations.read_media(path)


def media_rows(workspace, interp_id: int) -> list[InterpretationMedia]:
    with workspace.db.read() as s:
        return interpretations.media_of(s, interp_id)


def attest(workspace, user_id: int, media_id: int, note: str) -> None:
    with workspace.db.write() as s:
        interpretations.attest_media(s, s.get_one(User, user_id), media_id, note)


def record_text(workspace, document_id: int) -> str:
    with workspace.db.read() as s:
        record = file_bytes(s, document_id, "record")
    with pymupdf.open("pdf", record) as pdf:
        return "".join(p.get_text() for p in pdf).replace("\n", "")  # table cells wrap


@pytest.mark.parametrize(
    ("data", "family", "media_type"),
    [
        (tiny_mp4(), "iso-media", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + bytes(32), "iso-media", "video/quicktime"),
        (tiny_wav(), "wave", "audio/wav"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(64), "mpeg-audio", "audio/mpeg"),
        (b"\xff\xfb\x90\x64" + bytes(64), "mpeg-audio", "audio/mpeg"),
        (b"\xff\xf1\x50\x80\x02\x1f\xfc" + bytes(64), "adts", "audio/aac"),
        (b"OggS\x00\x02" + bytes(22) + b"\x01vorbis" + bytes(32), "ogg", "audio/ogg"),
        (b"fLaC\x00\x00\x00\x22" + bytes(34), "flac", "audio/flac"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(16), "matroska", "video/webm"),
        (b"RIFF\x24\x00\x00\x00AVI LIST" + bytes(32), "avi", "video/x-msvideo"),
        (b"FLV\x01\x05\x00\x00\x00\x09" + bytes(16), "flv", "video/x-flv"),
        (bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c") + bytes(32), "asf", "video/x-ms-asf"),
    ],
)
def test_audio_and_video_are_recognised_by_their_bytes(data, family, media_type):
    sniffed = sniff_media(data)
    assert sniffed is not None and (sniffed.family, sniffed.media_type) == (family, media_type)
    content = identify_content("whatever.bin", data)
    assert content is not None and not content.readable and content.media_type == media_type


def test_what_the_engine_reads_is_a_document_whatever_its_name_or_first_bytes():
    text = identify_content("访谈录音.mp4", LEAK.encode("utf-8"))
    assert text is not None and text.readable and text.checkable_name == "访谈录音.txt"
    # Text that starts like a FLAC stream is still text: documents are tried first.
    disguised = identify_content("x.flac", ("fLaC" + LEAK).encode("utf-8"))
    assert disguised is not None and disguised.readable
    assert identify_content("x.mp4", bytes(range(1, 256)) * 4) is None  # no known kind at all


def test_upload_refuses_what_is_neither_media_nor_a_document(tmp_path):
    with pytest.raises(DocumentRejected, match="既不是可识别的音视频格式"):
        media_file(tmp_path, "访谈.mp4", bytes(range(1, 256)) * 8)
    with pytest.raises(DocumentRejected, match="不是支持的音视频文件"):
        media_file(tmp_path, "访谈.exe", tiny_mp4())
    # Typed by content: the stored media type is what the bytes are.
    assert media_file(tmp_path, "访谈录音.mp4", LEAK.encode("utf-8")).media_type == "text/plain"
    assert media_file(tmp_path, "访谈录音.wav", tiny_wav()).media_type == "audio/wav"


def test_a_text_file_named_mp4_is_checked_and_blocks_approval_until_decided(
    workspace, people, sample_files, tmp_path
):
    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    fake = media_file(tmp_path, "访谈录音.mp4", LEAK.encode("utf-8"))
    interp_id = attach(workspace, people, doc_id, media=[fake])
    submit_and_check(workspace, people, doc_id, interp_id)
    with workspace.db.read() as s:
        run = latest_run(s, interp_id)
        assert run is not None
        placed = [
            f for f in run.findings if json.loads(f.location).get("part", "").startswith("附件 访谈录音.mp4")
        ]
        blocking = {f.id: f.text for f in placed if f.severity == "blocking"}
        mismatch = [f for f in placed if f.rule_id == "MEDIA-MISMATCH"]
        assert not [f for f in placed if f.page is not None]  # not drawn on the interpretation's pages
        assert interpretations.unattested_media(s, interp_id) == []  # read by the engine: nothing to attest
    assert "内部资料" in blocking.values() and SAMPLE_ID in blocking.values()
    assert mismatch and mismatch[0].severity == "warning" and "纯文本" in mismatch[0].context

    with pytest.raises(PermissionDenied, match=r"政策解读.*阻断级"):
        approve_doc(workspace, people, doc_id)

    # 删除 cannot be carried out on a file published as it is: the clerk must remove or replace it.
    marking_id = next(i for i, text in blocking.items() if text == "内部资料")
    id_number_id = next(i for i, text in blocking.items() if text == SAMPLE_ID)
    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        decide(s, reviewer, marking_id, "remove", basis=LegalBasis.STATE_SECRET)
        decide(s, reviewer, id_number_id, "remove", basis=LegalBasis.THIRD_PARTY_RIGHTS)
    with pytest.raises(PermissionDenied, match=r"附件“访谈录音.mp4”.*删除或替换"):
        approve_doc(workspace, people, doc_id)
    assert status(workspace, interp_id) is Status.PENDING_REVIEW

    with workspace.db.write() as s:
        reviewer = s.get_one(User, people.reviewer)
        decide(s, reviewer, marking_id, "keep", reason="经核实为公开的访谈整理稿，标注系误留")
        decide(s, reviewer, id_number_id, "false_alarm", reason="示例号码，非真实个人信息")
    approve_doc(workspace, people, doc_id)
    assert status(workspace, interp_id) is Status.APPROVED
    with workspace.db.read() as s:
        (line,) = interpretations.media_record_lines(s, interp_id)
    assert (line.text, line.decision) == ("访谈录音.mp4", "已由检查引擎按实际内容检查")
    assert "附件 访谈录音.mp4，第1行" in record_text(workspace, interp_id)  # each finding names its place


def test_real_media_is_approved_only_after_the_reviewers_attestation(
    workspace, people, sample_files, tmp_path
):
    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    media = [
        media_file(tmp_path, "访谈录音.wav", tiny_wav()),
        media_file(tmp_path, "解读视频.mp4", tiny_mp4()),
    ]
    interp_id = attach(workspace, people, doc_id, media=media)
    submit_and_check(workspace, people, doc_id, interp_id)
    with workspace.db.read() as s:
        run = latest_run(s, interp_id)
        assert run is not None
        assert any("附件 访谈录音.wav" in part for part in json.loads(run.unreadable))
        unread = [f for f in run.findings if f.rule_id == "MEDIA-UNREAD"]
        assert len(unread) == 2 and {f.severity for f in unread} == {"warning"}
        assert not [f for f in run.findings if f.rule_id == "MEDIA-MISMATCH"]  # names and content agree
        states = interpretations.media_states(s, interp_id)
    assert [(m.detected, m.readable, m.needs_attestation) for m in states] == [
        ("WAV 音频", False, True),
        ("MP4/MOV 音视频", False, True),
    ]
    with pytest.raises(PermissionDenied, match="人工审查"):
        approve_doc(workspace, people, doc_id)

    wav_id, mp4_id = (m.id for m in media_rows(workspace, interp_id))
    with pytest.raises(PermissionDenied):
        attest(workspace, people.clerk, wav_id, "我听过了")  # the clerk is no reviewer
    with pytest.raises(ValidationFailed, match="人工审查说明"):
        attest(workspace, people.reviewer, wav_id, "  ")
    attest(workspace, people.reviewer, wav_id, "已完整试听录音，均为政策要点讲解")
    with workspace.db.read() as s:
        assert [m.id for m in interpretations.unattested_media(s, interp_id)] == [mp4_id]
    with pytest.raises(PermissionDenied, match=r"解读视频\.mp4"):
        approve_doc(workspace, people, doc_id)
    attest(workspace, people.reviewer, mp4_id, "已完整观看视频，无敏感内容")
    approve_doc(workspace, people, doc_id)
    assert status(workspace, interp_id) is Status.APPROVED

    with workspace.db.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "media.attest")).all()
        lines = interpretations.media_record_lines(s, interp_id)
    assert len(events) == 2 and "已完整试听录音" in events[0].detail
    assert [(line.text, line.decision) for line in lines] == [
        ("访谈录音.wav", "人工审查"),
        ("解读视频.mp4", "人工审查"),
    ]
    assert "审查丙" in lines[0].reason and "已完整观看视频" in lines[1].reason
    text = record_text(workspace, interp_id)
    assert "人工审查" in text and "已完整试听录音" in text


def test_attestation_needs_the_review_and_a_new_revision_clears_it(workspace, people, sample_files, tmp_path):
    doc_id = draft(workspace, people, sample_files["clean"])
    interp_id = attach(workspace, people, doc_id, media=[media_file(tmp_path, "访谈录音.wav", tiny_wav())])
    (wav_id,) = (m.id for m in media_rows(workspace, interp_id))
    with pytest.raises(PermissionDenied, match="草稿"):
        attest(workspace, people.reviewer, wav_id, "提前确认")  # not in review yet
    with workspace.db.read() as s:
        assert interpretations.media_record_lines(s, interp_id)[0].decision == "未审查"
    submit_and_check(workspace, people, interp_id)
    attest(workspace, people.reviewer, wav_id, "已试听")
    with workspace.db.write() as s:
        perform(
            s,
            s.get_one(User, people.reviewer),
            interp_id,
            Action.RETURN,
            expected_version=None,
            reason="请补充",
        )
    with workspace.db.write() as s:
        interpretations.revise(
            s, s.get_one(User, people.clerk), interp_id, None, rich_text="<p>补充后的解读</p>"
        )
    with workspace.db.read() as s:
        media = s.get_one(InterpretationMedia, wav_id)
        assert media.attested_at is None and media.attest_note == ""
        assert [m.id for m in interpretations.unattested_media(s, interp_id)] == [wav_id]


def test_a_wav_named_mp3_is_a_warning(workspace, people, sample_files, tmp_path):
    doc_id = draft(workspace, people, sample_files["clean"])
    interp_id = attach(workspace, people, doc_id, media=[media_file(tmp_path, "录音.mp3", tiny_wav())])
    check_document(workspace.db, None, interp_id, workspace.paths.cache_dir)
    with workspace.db.read() as s:
        run = latest_run(s, interp_id)
        assert run is not None
        (mismatch,) = [f for f in run.findings if f.rule_id == "MEDIA-MISMATCH"]
    assert mismatch.severity == "warning" and "WAV" in mismatch.context


def test_headless_list_shows_what_each_media_file_is_and_the_reviewer_attests_it(
    tmp_path, sample_files, migrated_sqlite
):
    from tests.test_cli import demo_desk, desk, desk_here

    data = demo_desk(tmp_path / "d", migrated_sqlite)

    def run(user, *args):
        return desk_here(data, "--user", user, *args, password="demo-2026")

    r = run("clerk", "import", str(sample_files["clean"]), "--title", "关于做好冬季供暖保障工作的通知")
    doc_id = r.stdout.split("#")[1].split("：")[0]
    edit = ("edit", doc_id, "--written-on", "2026-11-10", "--doc-type", "通知", "--category", DEMO_CATEGORY)
    assert run("clerk", *edit).returncode == 0
    wav, fake = tmp_path / "访谈录音.wav", tmp_path / "答问.mp4"
    wav.write_bytes(tiny_wav())
    fake.write_text("政策问答：供暖时间为11月15日至次年3月15日。", encoding="utf-8")
    r = run(
        "clerk",
        "interpret",
        "add",
        doc_id,
        "--form",
        "audio_video",
        "--title",
        "供暖政策音频解读",
        "--department",
        "市住建局",
        "--media",
        str(wav),
        str(fake),
    )
    assert r.returncode == 0, r.stderr
    assert run("clerk", "submit", doc_id).returncode == 0
    # A real process: its listing, as the reviewer reads it; the other steps run in-process.
    listing = desk(data, "--user", "reviewer", "interpret", "list", doc_id, password="demo-2026").stdout
    assert "访谈录音.wav  实际类型：WAV 音频  待人工审查" in listing, listing
    assert "答问.mp4  实际类型：纯文本  已按实际内容进行保密检查" in listing
    media_id = listing.split("附件 ")[1].split("：")[0]

    r = run("reviewer", "approve", doc_id, "--conclusion", "disclose", "--opinion", "同意")
    assert r.returncode != 0 and "人工审查" in r.stderr
    r = run("reviewer", "interpret", "attest", media_id, "--note", "已完整试听，无敏感内容")
    assert r.returncode == 0 and "访谈录音.wav" in r.stdout, r.stderr
    listing = run("reviewer", "interpret", "list", doc_id).stdout
    assert "已人工审查（" in listing and "已完整试听，无敏感内容" in listing
    r = run("reviewer", "approve", doc_id, "--conclusion", "disclose", "--opinion", "同意")
    assert r.returncode == 0, r.stderr


def test_reviewer_attests_a_media_file_in_the_desk(
    qtbot, desk_app, workspace, people, sample_files, tmp_path, monkeypatch
):
    from app.ui.interpretation_dialog import MediaAttestDialog
    from tests.test_gui import _window

    doc_id = draft(workspace, people, sample_files["clean"])
    interp_id = attach(workspace, people, doc_id, media=[media_file(tmp_path, "访谈录音.wav", tiny_wav())])
    submit_and_check(workspace, people, doc_id, interp_id)
    window = _window(qtbot, desk_app, workspace, people.reviewer)
    window.open_document(doc_id)
    panel = window.interpretations_panel
    assert "1 个待人工审查" in panel.items.item(0).text()
    window.open_document(interp_id)
    assert panel.media.isVisible() and panel.attest_button.isEnabled()
    assert panel.media.item(0).text() == "附件 访谈录音.wav · WAV 音频 · 待人工审查"

    shots = tmp_path / "shots"
    shots.mkdir()

    def note_and_accept(dialog: MediaAttestDialog) -> int:
        dialog.grab().save(str(shots / "attest_dialog.png"))
        dialog.accept()
        assert "人工审查说明" in dialog.error.text()  # a note is required
        dialog.note.setPlainText("已完整试听录音，为政策要点讲解，无敏感内容")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MediaAttestDialog, "exec", note_and_accept)
    with qtbot.waitSignal(panel.attest_requested, timeout=1000):
        panel.attest_button.click()
    text = panel.media.item(0).text()
    assert text.startswith("附件 访谈录音.wav · WAV 音频 · 已人工审查（审查丙，"), text
    assert panel.media.item(0).toolTip() == "已完整试听录音，为政策要点讲解，无敏感内容"
    window.grab().save(str(shots / "main_window.png"))
    with workspace.db.read() as s:
        assert interpretations.unattested_media(s, interp_id) == []
