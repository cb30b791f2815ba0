"""Re-checking everything published (issue 20): kept text, full and changed runs, places, resume
after a kill, partitions."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import struct
import subprocess
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from sqlalchemy import delete, func, select

from app import recheck
from app.checking import desk_lexicon, save_department_lexicon
from app.db.models import CatalogEntry, User
from app.db.models_recheck import RecheckHit, RecheckPart, ReleaseText
from app.documents import load_blob, store_blob
from review import text_store
from review.engine import ENGINE_VERSION, CheckOptions, check_bytes
from review.extract.base import TextStream
from review.extract.dispatch import extract_any
from review.model import Channel, Finding, Location, Rect, Severity
from review.normalize import normalize
from review.samples import SAMPLE_BANK_CARD, SAMPLE_ID, SAMPLE_MOBILE
from tests.conftest import PASSWORD, desk_args
from tests.planted import FONT, pdf_bytes, pdf_with_every_hiding_place
from tests.test_published_audit import _redacted_entry

ROOT = Path(__file__).resolve().parents[1]
NEW_TERM = "缴费标准的通知"  # in the marked notice's title line, page 1
REMOVED_ID = "110105198503071230"  # the reviewer removed it from the marked notice


@pytest.fixture
def catalog(workspace, people, tmp_path) -> list[str]:
    """The marked notice with its ID removed, published, and two more entries of the same file
    (as a catalog holds many: one approval is what a test can afford)."""
    first = _redacted_entry(workspace, people, tmp_path)
    with workspace.db.write() as s:
        entry = s.scalars(select(CatalogEntry).where(CatalogEntry.index_no == first)).one()
        fields = {c.key: getattr(entry, c.key) for c in CatalogEntry.__table__.columns if c.key != "id"}
        copies = [f"{first}-{n}" for n in (1, 2)]
        # Entries of no document of this desk, as from a transfer package: the document's own
        # catalog state (which its audit events seal) stays as the desk made it.
        copy = fields | {"document_id": None, "review_id": None, "source_package": "recheck-test"}
        s.add_all(CatalogEntry(**(copy | {"index_no": index_no})) for index_no in copies)
    return [first, *copies]


def _add_terms(workspace, people, *terms: str) -> None:
    with workspace.db.write() as s:
        save_department_lexicon(s, s.get_one(User, people.reviewer), "\n".join(terms).encode(), "新词.txt")


def _run(workspace, mode: str, **kw) -> int:
    run_id = recheck.start(workspace.db, None, mode, workspace.paths.cache_dir)
    assert recheck.work(workspace.db, run_id, workspace.paths.cache_dir, **kw)
    return run_id


def _entry(workspace, index_no: str) -> CatalogEntry:
    with workspace.db.read() as s:
        return s.scalars(select(CatalogEntry).where(CatalogEntry.index_no == index_no)).one()


def test_a_new_term_is_found_at_its_place_and_a_removed_one_is_not(workspace, people, catalog):
    with workspace.db.read() as s:
        kept = s.scalars(select(ReleaseText)).all()
        assert len(kept) == 1 and not kept[0].backfilled
    first = _run(workspace, recheck.FULL)
    assert NEW_TERM not in {r.term for r in _hits(workspace, first)}
    _add_terms(workspace, people, NEW_TERM, REMOVED_ID)

    changed = _run(workspace, recheck.CHANGED)
    mode, changes = recheck.run_changes(workspace.db, changed)
    assert mode == recheck.CHANGED and sorted(changes["terms"][str(_dept(workspace, people))]) == sorted(
        [NEW_TERM, REMOVED_ID]
    )
    rows = recheck.grouped(workspace.db, changed)
    # Only the new term, in every entry; the removed ID is not in the published text.
    assert [(r.index_no, r.rule_id, r.terms) for r in rows] == [
        (i, "LEX", (NEW_TERM,)) for i in sorted(catalog)
    ]
    assert rows[0].department == "测试市数据局"
    found = recheck.entry_hits(workspace.db, changed, rows[0].entry_id)
    # On the page where it is drawn (and in the PDF's title, its metadata: no place on a page).
    assert {f.channel for f in found} == {Channel.VISIBLE, Channel.METADATA}
    (visible,) = [f for f in found if f.channel is Channel.VISIBLE]
    assert visible.location.page == 0 and visible.text == NEW_TERM
    entry = _entry(workspace, rows[0].index_no)
    with workspace.db.read() as s, pymupdf.open(stream=load_blob(s, entry.published_sha256)) as pdf:
        drawn = pdf[0].search_for(NEW_TERM)
    x0, y0, x1, y1, *_ = visible.location.rects[0]
    # The glyphs' boxes: MuPDF's search gives the whole line's height around them.
    assert any(
        abs(x0 - w.x0) < 1 and abs(x1 - w.x1) < 1 and w.y0 - 1 <= y0 < y1 <= w.y1 + 1 for w in drawn
    ), (drawn, visible.location.rects)

    full = _run(workspace, recheck.FULL)
    terms = {r.term for r in _hits(workspace, full)}
    assert NEW_TERM in terms and REMOVED_ID not in terms
    # Nothing new since the last run: a changed run reads no text at all.
    nothing = _run(workspace, recheck.CHANGED)
    assert recheck.grouped(workspace.db, nothing) == [] and recheck.figures(workspace.db, nothing).read == 0

    # A hit is kept as its span and placed when opened: where a package has since brought a new
    # version of the entry, the span would point into another text, and no place is given.
    other = rows[1]
    assert [f.location.page for f in recheck.entry_hits(workspace.db, changed, other.entry_id)] == [0, None]
    with workspace.db.write() as s:
        texts = [TextStream(Channel.VISIBLE, "另一份通知的正文" * 40, _Nowhere())]
        texts.append(TextStream(Channel.METADATA, "标题", _Nowhere()))
        recheck.keep_text(s, "f" * 64, text_store.pack(texts))
        s.get_one(CatalogEntry, other.entry_id).published_sha256 = "f" * 64
    moved = recheck.entry_hits(workspace.db, changed, other.entry_id)
    assert [(f.text, f.location) for f in moved] == [(NEW_TERM, Location())] * 2


def _dept(workspace, people) -> int:
    with workspace.db.read() as s:
        return s.get_one(User, people.reviewer).department_id


def _hits(workspace, run_id: int) -> list[RecheckHit]:
    with workspace.db.read() as s:
        return list(s.scalars(select(RecheckHit).where(RecheckHit.run_id == run_id)))


def _cli(
    workspace, *args: str, fault: str = "", user: str = "publisher", command: str = "recheck"
) -> subprocess.CompletedProcess[str]:
    env = {"DESK_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"}
    if fault:
        env["DESK_FAULT_AT"] = fault
    return subprocess.run(
        [sys.executable, "main.py", *desk_args(workspace), "--user", user, command, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_a_killed_run_resumes_where_it_stopped_and_backfills_old_releases(workspace, people, catalog):
    _add_terms(workspace, people, NEW_TERM)
    with workspace.db.write() as s:  # as if published before texts were kept
        s.execute(delete(ReleaseText))
    killed = _cli(workspace, "--batch", "1", "--workers", "1", fault="recheck.after_batch")
    assert killed.returncode == -9, killed.stdout + killed.stderr
    run_id = recheck.unfinished(workspace.db)
    with workspace.db.read() as s:
        (part,) = s.scalars(select(RecheckPart).where(RecheckPart.run_id == run_id)).all()
        first = s.scalar(select(func.min(CatalogEntry.id)))
        assert (part.cursor, part.done, part.finished) == (first, 1, False)
        assert s.scalar(select(func.count()).select_from(ReleaseText)) == 1  # the file's, once
    done = _cli(workspace, "--resume", "--workers", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"继续第 {run_id} 次复查" in done.stdout and "已从发布文件重新提取并保存" in done.stdout
    assert "[LEX] 词库：" in done.stdout and "· 测试市数据局" in done.stdout
    assert all(i in done.stdout for i in catalog) and NEW_TERM in done.stdout
    resumed = sorted((h.catalog_entry_id, h.rule_id, h.text, h.location) for h in _hits(workspace, run_id))
    again = _run(workspace, recheck.FULL)
    assert resumed == sorted(
        (h.catalog_entry_id, h.rule_id, h.text, h.location) for h in _hits(workspace, again)
    )
    listed = _cli(workspace, "--list")
    assert listed.returncode == 1 and catalog[0] in listed.stdout
    # 更正 from the command line: a clerk's new draft of the entry's document.
    refused = _cli(workspace, catalog[0], command="correct")
    assert refused.returncode == 2 and "经办人" in refused.stderr
    corrected = _cli(workspace, catalog[0], user="clerk", command="correct")
    assert corrected.returncode == 0 and "已新建更正草稿" in corrected.stdout, corrected.stderr


def test_partitions_cover_every_entry_once_and_two_workers_finish_the_run(workspace, people, catalog):
    with workspace.db.read() as s:
        every = sorted(s.scalars(select(CatalogEntry.id)))
    for parts in (1, 2, 3):
        seen = [e for k in range(parts) for e in recheck.partition_entries(workspace.db, k, parts)]
        assert sorted(seen) == every
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "main.py",
                *desk_args(workspace),
                "--user",
                "publisher",
                "recheck",
                "--partition",
                p,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={"DESK_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
        )
        for p in ("0/2", "1/2")
    ]
    outputs = [w.communicate(timeout=300) for w in workers]
    assert all(w.returncode in (0, 1) for w in workers), outputs
    run_id = recheck.latest_run(workspace.db)
    figures = recheck.figures(workspace.db, run_id)
    assert (figures.status, figures.done, figures.total) == (recheck.DONE, len(every), len(every))
    with workspace.db.read() as s:
        parts = s.scalars(select(RecheckPart).where(RecheckPart.run_id == run_id)).all()
        assert sorted(p.part for p in parts) == [0, 1] and all(p.finished for p in parts)
    assert os.environ.get("DESK_FAULT_AT") is None


def test_a_rule_the_department_adds_to_its_own_pack_is_rechecked_alone(workspace, people, catalog):
    """The department's rule packs (app.rulepacks) are part of what a re-check runs, and a row it
    adds is a change a `--changed` run looks for."""
    from app import rulepacks

    _run(workspace, recheck.FULL)
    local = "错误写法,应为,类别,级别,例外,来源\n个人缴费标准,个人缴费基准,规范表述,警告,,本部门规范用语表\n"
    with workspace.db.write() as s:
        rulepacks.save_rulepack(s, s.get_one(User, people.reviewer), "本部门用语.csv", local.encode())

    changed = _run(workspace, recheck.CHANGED)
    assert recheck.run_changes(workspace.db, changed)[1]["pack_rows"] == 1
    rows = recheck.grouped(workspace.db, changed)
    assert {(r.index_no, r.rule_id) for r in rows} == {(i, "WORD-WRONG") for i in catalog}
    assert recheck.grouped(workspace.db, _run(workspace, recheck.CHANGED)) == []  # nothing new since


# Every kind of rule a re-check runs, each hitting: markings alone on their line and in prose, a 附注
# against the 公开方式, personal data, lexicon terms (one across a line, a marking-like one in
# prose, the law's list), and each 错敏 rule of the packs (the form rules are 提示, never listed).
EVERY_KIND = [
    "秘密★1年",
    "关于示例工作的通知",
    "此件不予公开",
    f"联系人身份证号{SAMPLE_ID}，手机{SAMPLE_MOBILE}，",
    f"银行卡号{SAMPLE_BANK_CARD}，邮箱wang@example.com。",
    "本页写有内部资料字样，涉及国家秘密、商",
    "业秘密、个人隐私的不予公开。临时安置补",
    "助名册另行下发。",
    "内部资料",
    "中华人民共合国成立以来，国务院总理李克强",
    "主持会议，国务院总理李墙出席。李强、习近",
    "平、赵乐际出席。当前正处于“十三五”时期，",
    "要再接再励，不得称台湾总统。示政办发[2019]8号",
]


def _every_kind_pdf() -> bytes:
    """Every kind on a page, and personal data again far right on a page wider than 4,096 pt (its
    places no longer fit 16 bits)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for row, line in enumerate(EVERY_KIND):
        page.insert_text((72, 80 + 22 * row), line, fontname=FONT, fontsize=12)
    wide = doc.new_page(width=5000, height=842)
    wide.insert_text((4600, 100), f"身份证号{SAMPLE_ID}", fontname=FONT, fontsize=12)
    return pdf_bytes(doc)


def _published_entry(index_no: str, department_id: int, title: str, sha: str, day: dt.date) -> CatalogEntry:
    """A current catalog entry of a published file whose text is kept (no document of this desk)."""
    return CatalogEntry(
        index_no=index_no,
        department_id=department_id,
        title=title,
        publisher="测试市数据局",
        written_on=day,
        published_on=day,
        doc_number="",
        category="",
        doc_type="通知",
        keywords="[]",
        summary="",
        validity="valid",
        status_reason="",
        disclosure="proactive",
        scope="面向社会",
        published_sha256=sha,
        status="published",
    )


def test_a_full_recheck_of_stored_text_finds_what_the_check_finds(workspace, people):
    """The re-check reads stored text, places and rules its own way (no form rules, 16- or 32-bit
    places, allow-list windows, Core inserts): what it lists must be exactly what a check of the
    same files finds above 提示, at the same places — for text with boxes and for every hiding place."""
    _add_terms(workspace, people, "临时安置补助名册")
    dept = _dept(workspace, people)
    files = {"every-kind.pdf": _every_kind_pdf(), "hiding-places.pdf": pdf_with_every_hiding_place()[0]}
    day = dt.date(2026, 3, 2)
    with workspace.db.write() as s:
        for n, (name, data) in enumerate(files.items()):
            sha = hashlib.sha256(data).hexdigest()
            recheck.keep_text(s, sha, text_store.pack(extract_any(name, data).streams))
            s.add(_published_entry(f"TEST00001/2026-{n:05d}", dept, name, sha, day))
        lexicon = desk_lexicon(s, dept, workspace.paths.cache_dir)
    run_id = _run(workspace, recheck.FULL)

    def row(f: Finding) -> tuple[object, ...]:
        # Places are kept to 1/8 pt (text_store): the check's rectangles on the same grid.
        rects = tuple(Rect(*(round(v * 8) / 8 for v in r[:4]), r.page) for r in f.location.rects)
        location = recheck._location_text(replace(f.location, rects=rects))
        return (f.rule_id, f.severity.value, f.channel.value, location, f.text, f.context, f.term)

    for n, (name, data) in enumerate(files.items()):
        extracted = extract_any(name, data).findings
        checked = check_bytes(name, data, lexicon, CheckOptions(document_date=day)).findings
        expected = [row(f) for f in checked if f.severity is not Severity.INFO and f not in extracted]
        entry = _entry(workspace, f"TEST00001/2026-{n:05d}")
        found = [row(f) for f in recheck.entry_hits(workspace.db, run_id, entry.id)]
        assert found == expected, name
        if name == "every-kind.pdf":
            kinds = {r[0] for r in found}
            assert {
                "MARK-LEVEL",
                "NOTE-CONFLICT",
                "PII-ID",
                "PII-MOBILE",
                "PII-BANKCARD",
                "PII-EMAIL",
            } <= kinds
            assert {"WORD-FIXED", "WORD-LEADER-POST", "WORD-LEADER-NAME", "WORD-LEADER-ORDER"} <= kinds
            assert {"WORD-OUTDATED", "WORD-WRONG", "LEX"} <= kinds
            across = [r for r in found if r[6] == "临时安置补助名册"]
            assert len(across) == 1 and len(json.loads(across[0][3])["rects"]) == 2  # one on each line
            wide = [json.loads(r[3]) for r in found if r[0] == "PII-ID" and '"page": 1' in r[3]]
            assert len(wide) == 1 and wide[0]["rects"][0][0] > 4096


def test_a_damaged_stored_text_is_read_again_from_the_published_file(workspace, people):
    """What is stored is a copy of what the engine read: a blob damaged on disk or by hand must
    neither stop the run at its batch (again at every resume) nor hide what the file holds."""
    data = _every_kind_pdf()
    sha = hashlib.sha256(data).hexdigest()
    day = dt.date(2026, 3, 2)
    with workspace.db.write() as s:
        assert store_blob(s, data) == sha
        recheck.keep_text(s, sha, text_store.pack(extract_any("every-kind.pdf", data).streams))
        s.add(_published_entry("TEST00001/2026-00009", _dept(workspace, people), "每种内容", sha, day))
    entry = _entry(workspace, "TEST00001/2026-00009")

    def found(run_id: int) -> list[tuple[str, str, Location]]:
        return [(f.rule_id, f.text, f.location) for f in recheck.entry_hits(workspace.db, run_id, entry.id)]

    first = _run(workspace, recheck.FULL)
    clean = found(first)
    assert {"PII-ID", "MARK-LEVEL"} <= {rule for rule, _, _ in clean}
    with workspace.db.write() as s:
        kept = s.get_one(ReleaseText, sha)
        kept.text = kept.text[:9] + bytes(b ^ 0x5A for b in kept.text[9:60]) + kept.text[60:]
    # Opened meanwhile: the hits are listed, without the places the damaged text would give.
    assert found(first) == [(rule, text, Location()) for rule, text, _ in clean]
    again = _run(workspace, recheck.FULL)
    assert found(again) == clean and recheck.figures(workspace.db, again).backfilled == 1
    with workspace.db.read() as s:  # kept again, readable
        assert text_store.read_text(s.get_one(ReleaseText, sha).text)[0].original

    # A text an older engine read (here: another text, as if it had missed what the file holds)
    # is read again from the file by a full run, as the engine reads it now.
    other = text_store.pack([TextStream(Channel.VISIBLE, "另一份通知的正文" * 40, _Nowhere())])
    with workspace.db.write() as s:
        kept = s.get_one(ReleaseText, sha)
        kept.text, kept.places, kept.engine_version = other.text, other.places, "2"
    reread = _run(workspace, recheck.FULL)
    assert found(reread) == clean and recheck.figures(workspace.db, reread).backfilled == 1
    with workspace.db.read() as s:
        assert s.get_one(ReleaseText, sha).engine_version == ENGINE_VERSION


def _format_1(streams: list[TextStream]) -> tuple[bytes, bytes]:
    """Text and places blobs as format 1 wrote them (texts inside the JSON; boxes as 32-bit
    differences, a row a character): kept in databases filled before format 2."""
    texts, headers, arrays = [], [], []
    for stream in streams:
        norm = normalize(stream.text)
        texts.append([stream.channel.value, norm.text, list(norm._norm_starts), list(norm._shifts)])
        runs, pages, boxes = text_store._places(stream.text, stream.locator)
        headers.append({"text": stream.text, "runs": runs, "boxes": pages is not None})
        if pages is not None and boxes is not None:
            arrays += [
                pages.astype("<i4").tobytes(),
                np.diff(boxes, axis=0, prepend=0).astype("<i4").tobytes(),
            ]
    head = json.dumps({"format": 1, "streams": headers}, ensure_ascii=False).encode()
    return (
        zlib.compress(json.dumps([1, texts], ensure_ascii=False).encode()),
        zlib.compress(struct.pack("<I", len(head)) + head + b"".join(arrays)),
    )


def _format_2(streams: list[TextStream]) -> tuple[bytes, bytes]:
    """Text and places blobs as format 2 wrote them (zlib; the text blob's map in its JSON head,
    texts as UTF-8 after the heads; boxes in five columns, 16-bit where they fit): kept in
    databases filled before format 3."""
    heads, texts, headers, originals, arrays = [], [], [], [], []
    for stream in streams:
        norm = normalize(stream.text)
        texts.append(norm.text.encode())
        heads.append([stream.channel.value, len(texts[-1]), list(norm._norm_starts), list(norm._shifts)])
        runs, pages, boxes = text_store._places(stream.text, stream.locator)
        originals.append(stream.text.encode())
        header = {"runs": runs, "boxes": pages is not None, "bytes": len(originals[-1])}
        if pages is not None and boxes is not None:
            columns = np.vstack([pages, boxes.T])
            header["width"] = width = 2 if columns.min() >= -(1 << 15) and columns.max() < 1 << 15 else 4
            arrays.append(columns.astype(f"<i{width}").tobytes())
        headers.append(header)

    def headed(head: dict, *parts: bytes) -> bytes:
        data = json.dumps(head, ensure_ascii=False).encode()
        return b"".join([struct.pack("<I", len(data)), data, *parts])

    return (
        zlib.compress(b"TS2\0" + headed({"format": 2, "streams": heads}, *texts)),
        zlib.compress(headed({"format": 2, "streams": headers}, *originals, *arrays)),
    )


def _format_3(streams: list[TextStream]) -> tuple[bytes, bytes]:
    """Text and places blobs as format 3 wrote them (a byte 3, then raw deflate: the text blob's
    maps as 32-bit integers and its texts as UTF-16; the original texts in the places blob, the
    boxes after them in the same stream): kept in databases filled before format 4."""
    heads, parts, headers, originals, arrays = [], [], [], [], []
    for stream in streams:
        norm = normalize(stream.text)
        encoded = norm.text.encode("utf-16-le")
        heads.append([stream.channel.value, len(norm._norm_starts), 2, len(encoded)])
        parts += [
            np.asarray(norm._norm_starts, "<i4").tobytes(),
            np.asarray(norm._shifts, "<i4").tobytes(),
            encoded,
        ]
        runs, pages, boxes = text_store._places(stream.text, stream.locator)
        originals.append(stream.text.encode("utf-16-le"))
        header = {"runs": runs, "boxes": pages is not None, "unit": 2, "bytes": len(originals[-1])}
        if pages is not None and boxes is not None:
            columns = np.vstack([pages, boxes.T])
            header["width"] = width = 2 if columns.min() >= -(1 << 15) and columns.max() < 1 << 15 else 4
            arrays.append(columns.astype(f"<i{width}").tobytes())
        headers.append(header)

    def deflated(head: dict, *more: bytes) -> bytes:
        data = json.dumps(head, ensure_ascii=False).encode()
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return (
            b"\x03" + packer.compress(b"".join([struct.pack("<I", len(data)), data, *more])) + packer.flush()
        )

    return (
        deflated({"format": 3, "streams": heads}, *parts),
        deflated({"format": 3, "streams": headers}, *originals, *arrays),
    )


def test_texts_kept_in_formats_1_to_3_read_as_format_4_ones():
    streams = extract_any("every-kind.pdf", _every_kind_pdf()).streams
    packed = text_store.pack(streams)
    assert packed.text[:1] == packed.places[:1] == b"\x04"
    new = text_store.read_places(packed.places, text_store.read_text(packed.text))
    assert [text for text, _ in new] == [s.text for s in streams]
    for old_text, old_places in (_format_1(streams), _format_2(streams), _format_3(streams)):
        assert [(s.channel, s.norm) for s in text_store.read_text(packed.text)] == [
            (s.channel, s.norm) for s in text_store.read_text(old_text)
        ]
        old = text_store.read_places(old_places, text_store.read_text(old_text))
        assert [text for text, _ in old] == [s.text for s in streams]
        for (text, a), (_, b) in zip(new, old, strict=True):
            spans = [(i, i + n) for i in range(0, len(text), 7) for n in (1, 5, 40)]
            assert [a.locate(*s) for s in spans] == [b.locate(*s) for s in spans]


class _Nowhere:
    def locate(self, start: int, end: int) -> Location:
        return Location(detail="元数据")


def test_text_with_lone_surrogates_and_characters_beyond_the_bmp_reads_back_as_it_was():
    """A PDF's glyph without a real code point comes as a lone surrogate; beside another, UTF-16
    would read the two back as one character and shift every place after them."""
    texts = ["字\ud83d\ude00字 机密★10年", "\U00020000𠀀 身份证号", "\udc00"]
    streams = [TextStream(Channel.VISIBLE, t, _Nowhere()) for t in texts]
    packed = text_store.pack(streams)
    assert [s.norm.text for s in text_store.read_text(packed.text)] == [
        normalize(s.text).text for s in streams
    ]
    stored = text_store.read_text(packed.text)
    assert [s.original for s in stored] == [s.text for s in streams]
    assert [text for text, _ in text_store.read_places(packed.places, stored)] == [s.text for s in streams]
