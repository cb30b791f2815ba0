"""The check engine on generated documents: every planted secret found, at the right place."""

from __future__ import annotations

import threading

import pymupdf
import pytest

from review.engine import Cancelled, CheckOptions, check_bytes
from review.errors import DocumentRejected
from review.lexicon import CompiledLexicon, load_default, merge, parse_text
from review.model import Channel, CheckResult, Severity
from review.normalize import normalize
from review.samples import SAMPLE_BANK_CARD, SAMPLE_ID, SAMPLE_MOBILE, clean_notice
from tests import planted


def _lexicon(*extra: str) -> CompiledLexicon:
    return CompiledLexicon.build(merge([load_default(), parse_text("\n".join(extra))]))


def _by_text(result: CheckResult, text: str, rule_id: str = "LEX"):
    found = [f for f in result.findings if f.text == text and f.rule_id == rule_id]
    assert found, f"{text!r} not found; findings: {[(f.rule_id, f.text) for f in result.findings]}"
    return found[0]


def _inside(rect, point_x: float, point_y: float) -> bool:
    return rect.x0 - 1 <= point_x <= rect.x1 + 1 and rect.y0 - 1 <= point_y <= rect.y1 + 1


PDF_PLACES = {
    "visible": (Channel.VISIBLE, None),
    "white": (Channel.HIDDEN_TEXT, "白色文字"),
    "tiny": (Channel.HIDDEN_TEXT, "极小字号"),
    "invisible": (Channel.HIDDEN_TEXT, "不可见渲染"),
    "covered": (Channel.HIDDEN_TEXT, "遮盖"),
    "offpage": (Channel.HIDDEN_TEXT, "可见区域之外"),
    "layer": (Channel.HIDDEN_TEXT, "关闭的图层"),
    "annotation": (Channel.ANNOTATION, None),
    "form": (Channel.FORM_FIELD, "备注"),
    "metadata": (Channel.METADATA, "subject"),
    "xmp": (Channel.METADATA, "XMP"),
    "bookmark": (Channel.BOOKMARK, None),
    "embedded": (Channel.EMBEDDED_FILE, "附件.txt"),
    "javascript": (Channel.JAVASCRIPT, None),
    "link": (Channel.LINK, None),
}


@pytest.fixture(scope="module")
def pdf_result():
    data, places = planted.pdf_with_every_hiding_place()
    return check_bytes("藏匿.pdf", data, _lexicon(*places.values())), places


@pytest.mark.parametrize("place", list(PDF_PLACES))
def test_pdf_secret_found_in_each_hiding_place(pdf_result, place):
    result, places = pdf_result
    channel, detail = PDF_PLACES[place]
    finding = _by_text(result, places[place])
    assert finding.channel is channel
    if detail:
        assert detail in (finding.location.detail or "")


@pytest.mark.parametrize(("place", "y"), [("visible", 96), ("white", 136), ("covered", 256), ("layer", 296)])
def test_pdf_findings_carry_their_rectangle_on_the_page(pdf_result, place, y):
    result, places = pdf_result
    finding = _by_text(result, places[place])
    assert finding.location.page == 0
    assert any(_inside(r, r.x0 + 1, y) for r in finding.location.rects)


def test_pdf_hidden_places_are_inventoried_even_without_a_term(pdf_result):
    result, _ = pdf_result
    rules = {f.rule_id for f in result.findings}
    assert {"HID-TEXT", "HID-LAYER", "HID-ANNOT", "HID-FORM", "HID-EMBED", "HID-JS", "HID-META"} <= rules


def test_term_split_across_a_line_break_and_a_page_break():
    result = check_bytes("跨行.pdf", planted.pdf_with_term_across_line_and_page(), _lexicon())
    across_line = _by_text(result, "内部\n资料")
    assert len(across_line.location.rects) == 2  # one rectangle on each line
    across_page = _by_text(result, "不得\n外传")
    assert (across_page.location.page, across_page.location.end_page) == (0, 1)
    assert [r.page for r in across_page.location.rects] == [None, 1]


def test_earlier_revision_keeps_what_was_removed():
    result = check_bytes("增量.pdf", planted.pdf_with_earlier_revision(), _lexicon())
    assert "HID-REVISION" in {f.rule_id for f in result.findings}
    finding = _by_text(result, SAMPLE_ID, "PII-ID")
    assert finding.channel is Channel.EARLIER_REVISION


def test_page_without_text_layer_is_never_clean():
    result = check_bytes("扫描.pdf", planted.scanned_pdf(), _lexicon())
    assert [f.rule_id for f in result.findings] == ["SCAN-PAGE"]
    assert result.worst() is Severity.BLOCKING and result.unreadable


def test_image_file_is_never_clean():
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 30, 30), False)
    # A new pixmap's samples are whatever memory held: OCR now and then read "text" in them.
    pix.clear_with(255)
    result = check_bytes("扫描件.png", pix.tobytes("png"), _lexicon())
    assert result.worst() is Severity.BLOCKING and result.findings[0].rule_id == "SCAN-PAGE"


def test_clean_document_has_no_blocking_finding():
    doc = clean_notice()
    result = check_bytes(doc.name, doc.data, _lexicon())
    assert result.count_at_least(Severity.WARNING) == 0


DOCX_PLACES = {
    "body": Channel.VISIBLE,
    "header": Channel.HEADER_FOOTER,
    "footer": Channel.HEADER_FOOTER,
    "comment": Channel.COMMENT,
    "inserted": Channel.VISIBLE,
    "deleted": Channel.TRACKED_CHANGE,
    "vanish": Channel.HIDDEN_TEXT,
    "textbox": Channel.TEXT_BOX,
    "field": Channel.FIELD_CODE,
    "alt": Channel.ALT_TEXT,
    "core": Channel.METADATA,
    "custom": Channel.METADATA,
    "customxml": Channel.CUSTOM_XML,
    "docvar": Channel.METADATA,
    "footnote": Channel.NOTE,
    "embedded": Channel.EMBEDDED_FILE,
}


@pytest.fixture(scope="module")
def docx_result():
    data, places = planted.docx_with_every_hiding_place()
    return check_bytes("藏匿.docx", data, _lexicon(*places.values())), places


@pytest.mark.parametrize("place", list(DOCX_PLACES))
def test_docx_secret_found_in_each_part(docx_result, place):
    result, places = docx_result
    assert _by_text(result, places[place]).channel is DOCX_PLACES[place]


def test_docx_location_is_part_paragraph_and_offset(docx_result):
    result, places = docx_result
    loc = _by_text(result, places["body"]).location
    assert (loc.part, loc.paragraph, loc.offset) == ("word/document.xml", 1, 5)
    assert _by_text(result, places["header"]).location.part.startswith("word/header")
    rules = {f.rule_id for f in result.findings}
    assert {"HID-COMMENTS", "HID-REVISIONS", "HID-VANISH", "HID-DOCVAR", "HID-EMBED", "HID-TEXTBOX"} <= rules


def test_ofd_text_metadata_annotations_attachments_and_invisible_text():
    data, places = planted.ofd_with_hidden_places()
    result = check_bytes("公文.ofd", data, _lexicon(*places.values()))
    body = _by_text(result, places["body"])
    assert body.channel is Channel.VISIBLE and body.location.page == 1
    assert _by_text(result, places["invisible"]).channel is Channel.HIDDEN_TEXT
    assert _by_text(result, places["docinfo"]).channel is Channel.METADATA
    assert _by_text(result, places["annotation"]).channel is Channel.ANNOTATION
    assert _by_text(result, places["attachment"]).channel is Channel.EMBEDDED_FILE
    assert result.page_count == 2


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_text_files_in_every_office_encoding_with_line_and_column(encoding):
    text = "第一行\n第二行有机\n密二字跨行，另有内部资料。\n"
    result = check_bytes("通知.txt", text.encode(encoding), _lexicon())
    finding = _by_text(result, "内部资料")
    assert (finding.location.line, finding.location.column) == (3, 9)
    assert _by_text(result, "机\n密").location.line == 2


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("机 密★１０年", "机 密★１０年"),
        ("機密★10年", "機密★10年"),
        ("机\u200b密☆", "机\u200b密☆"),
        ("绝密★长期", "绝密★长期"),
        ("秘密★", "秘密★"),
        ("★解密时间", "★解密时间"),
    ],
)
def test_markings_are_found_through_spacing_traditional_and_lookalike_stars(written, found):
    result = check_bytes("x.txt", f"正文{written}正文".encode(), _lexicon())
    finding = _by_text(result, found, "MARK-LEVEL")
    assert finding.severity is Severity.BLOCKING


@pytest.mark.parametrize("beyond_bmp", [False, True], ids=["bmp", "beyond-bmp"])
def test_a_long_text_is_matched_through_traditional_and_full_width_forms(beyond_bmp):
    """A long text is normalised through another form of the character table (review.normalize),
    one for text within the BMP and one for text with characters beyond it (some traditional)."""
    prose = "本机关依法公开政府信息。" * 500
    extra = "编号𠁞号" if beyond_bmp else ""
    result = check_bytes("x.txt", f"{prose}{extra}機密★１０年{prose}".encode(), _lexicon("编号𠀾号"))
    assert _by_text(result, "機密★１０年", "MARK-LEVEL").severity is Severity.BLOCKING
    if beyond_bmp:
        assert _by_text(result, "编号𠁞号").term == "编号𠀾号"


def test_paragraph_marking_and_note_against_disclosure():
    text = "（秘密）本段涉密。\n此件不公开".encode()
    proactive = check_bytes("x.txt", text, _lexicon(), CheckOptions(disclosure="proactive"))
    assert _by_text(proactive, "（秘密）", "MARK-PARAGRAPH").severity is Severity.BLOCKING
    assert _by_text(proactive, "此件不公开", "NOTE-CONFLICT").severity is Severity.BLOCKING
    withheld = check_bytes("x.txt", text, _lexicon(), CheckOptions(disclosure="not_disclosed"))
    assert _by_text(withheld, "此件不公开", "NOTE-PRESENT").severity is Severity.INFO


def _id_with_wrong_check(valid: str) -> str:
    wrong = "0" if valid[-1] != "0" else "1"
    return valid[:-1] + wrong


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        (SAMPLE_ID, "PII-ID"),
        (_id_with_wrong_check(SAMPLE_ID), "PII-ID-SUSPECT"),
        ("110105850307123", "PII-ID15"),
        (SAMPLE_MOBILE, "PII-MOBILE"),
        ("139 1234 5678", "PII-MOBILE"),
        (SAMPLE_BANK_CARD, "PII-BANKCARD"),
        ("6217 0012 3456 7890 122", "PII-BANKCARD"),
        ("0531-87654321", "PII-PHONE"),
        ("91110000600037341L", "ORG-USCC"),
        ("zhang.san@example.cn", "PII-EMAIL"),
    ],
)
def test_personal_data_is_validated(number, rule):
    result = check_bytes(
        "x.txt", f"材料：{number}。".encode(), _lexicon(), CheckOptions(names_near_personal_data=False)
    )
    assert [f.rule_id for f in result.findings] == [rule]
    assert result.findings[0].text == number


@pytest.mark.parametrize(
    "number",
    [
        "110105198513071230",  # month 13: not a birth date
        "6217001234567890123",  # Luhn fails
        "1391234567",  # ten digits
        "91110000600037341X",
    ],  # wrong credit-code check character
)
def test_pattern_shaped_numbers_that_fail_validation_are_not_personal_data(number):
    result = check_bytes(
        "x.txt", f"编号{number}。".encode(), _lexicon(), CheckOptions(names_near_personal_data=False)
    )
    assert result.findings == []


def test_whole_word_term_does_not_fire_inside_a_longer_word(tmp_path):
    lexicon = _lexicon()  # 指纹 is a whole-word term in the default lexicon
    inside = check_bytes("x.txt", "大门装了指纹锁。".encode(), lexicon)
    alone = check_bytes("x.txt", "采集指纹信息。".encode(), lexicon)
    assert inside.findings == [] and _by_text(alone, "指纹")


def test_allow_list_suppresses_a_known_false_alarm():
    result = check_bytes("x.txt", "阅读《秘密花园》。".encode(), _lexicon())
    assert result.findings == [] and result.suppressed == 1


def test_names_next_to_personal_data_are_hints():
    text = f"请联系张三丰核实，身份证号{SAMPLE_ID}。"
    result = check_bytes("x.txt", text.encode(), _lexicon())
    name = _by_text(result, "张三丰", "PII-NAME")
    assert name.severity is Severity.INFO


def test_keywords_are_suggested_without_numbers():
    doc = clean_notice()
    result = check_bytes(doc.name, doc.data, _lexicon(), CheckOptions(keywords=True))
    assert "供暖" in result.keywords and not any(k.isdigit() for k in result.keywords)


def test_suggested_keywords_never_name_a_person():
    from review.engine import suggest_keywords

    text = "关于李明同志违纪问题的处理决定。李明违反廉洁纪律，给予李明警告处分。张伟、王小红负责供暖保障，供暖工作"
    keywords = suggest_keywords(text)
    assert "供暖" in keywords
    assert not {"李明", "张伟", "王小红"} & set(keywords)


def test_encrypted_pdf_needs_its_password():
    doc = pymupdf.open("pdf", clean_notice().data)
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="口令".encode().hex(), owner_pw="o")
    with pytest.raises(DocumentRejected, match="需要密码"):
        check_bytes("加密.pdf", data, _lexicon())
    with pytest.raises(DocumentRejected, match="密码不正确"):
        check_bytes("加密.pdf", data, _lexicon(), CheckOptions(password="wrong"))
    result = check_bytes("加密.pdf", data, _lexicon(), CheckOptions(password="口令".encode().hex()))
    assert result.page_count == 1 and "NOTE-PRESENT" in {f.rule_id for f in result.findings}


def test_damaged_pdf_is_checked_as_far_as_readable_and_never_clean():
    data = clean_notice().data
    damaged = data.replace(b"startxref", b"startxrex").replace(b"xref", b"xrex")
    result = check_bytes("损坏.pdf", damaged, _lexicon())
    assert result.unreadable
    assert "HID-REPAIRED" in {f.rule_id for f in result.findings}


def test_progress_and_cancel():
    doc = pymupdf.open()
    for i in range(5):
        doc.new_page().insert_text((72, 72), f"第{i}页", fontname="china-s")
    data = doc.tobytes()
    seen: list[tuple[int, int]] = []
    check_bytes("五页.pdf", data, _lexicon(), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 5) for i in range(1, 6)]
    cancel = threading.Event()

    def stop_after_two(done: int, total: int) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(Cancelled):
        check_bytes("五页.pdf", data, _lexicon(), progress=stop_after_two, cancel=cancel)


def test_ten_thousand_pages():
    doc = pymupdf.open()
    for i in range(10_000):
        page = doc.new_page(width=200, height=200)
        if i == 9_999:
            page.insert_text((20, 50), "内部资料", fontname="china-s")
    result = check_bytes("万页.pdf", doc.tobytes(), _lexicon())
    finding = _by_text(result, "内部资料")
    assert result.page_count == 10_000 and finding.location.page == 9_999


def test_result_json_round_trip(pdf_result):
    result, _ = pdf_result
    data = result.to_json()
    assert data["format_version"] == 1
    assert CheckResult.from_json(data).to_json() == data
    assert CheckResult.from_json(data).findings[0].rule_id == result.findings[0].rule_id


# -- places made on demand (issue 14, speed) ------------------------------------------------------


def _page_pdf(lines: list[tuple[float, float, str]]) -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page()
        for x, y, text in lines:
            page.insert_text((x, y), text, fontname="china-s", fontsize=12)
        return bytes(doc.tobytes())


def test_a_pending_place_is_the_place_the_locator_gives():
    import re

    from review.extract.dispatch import extract_any

    data = _page_pdf([(72, 100, "甲乙丙丁绝密文件戊己绝"), (72, 130, "密庚辛绝密")])
    result = check_bytes("x.pdf", data, _lexicon("绝密文件", "绝密", "戊"))
    (stream,) = [s for s in extract_any("x.pdf", data).streams if s.channel is Channel.VISIBLE]
    found = sorted((f.text, repr(f.location)) for f in result.findings if f.rule_id == "LEX")
    expected = sorted(
        (m.group(), repr(stream.locator.locate(m.start(), m.end())))
        for text in ("绝密文件", "绝密", "绝\n密", "戊")
        for m in re.finditer(text, stream.text)
    )
    assert found == expected and len(found) == 5
    assert len(next(f for f in result.findings if f.text == "绝\n密").location.rects) == 2


def test_findings_with_pending_places_pickle_compare_and_hash_as_made_ones():
    import dataclasses
    import pickle

    data = _page_pdf([(72, 100, "甲乙绝密丙丁")])
    pending = _by_text(check_bytes("x.pdf", data, _lexicon("绝密")), "绝密")
    made = _by_text(check_bytes("x.pdf", data, _lexicon("绝密")), "绝密")
    assert "location" not in vars(pending)
    copy = pickle.loads(pickle.dumps(pending))  # made before pickling: no locator data goes along
    assert not {"_place", "_start", "_source"} & (vars(pending).keys() | vars(copy).keys())
    assert copy == pending == made and hash(copy) == hash(made)
    assert dataclasses.replace(made, severity=Severity.INFO).location == made.location


def test_the_same_text_drawn_twice_in_one_place_is_one_finding():
    """Text drawn over itself (a fake bold) gives two hits with one place: reported once, as before
    places were made on demand; the same text on the next line, at the same left edge, is its own
    finding."""
    data = _page_pdf([(72, 100, "甲乙绝密丙丁"), (72, 100, "甲乙绝密丙丁"), (72, 140, "戊己绝密")])
    found = [f for f in check_bytes("x.pdf", data, _lexicon("绝密")).findings if f.rule_id == "LEX"]
    assert len(found) == 2
    assert {f.location.rects[0].y0 < 120 for f in found} == {True, False}


def test_offsets_map_back_alike_one_at_a_time_and_in_a_dense_batch():
    # A batch with a span per few characters reads shifts from a table (Normalized.original_spans);
    # it must give what the bisecting path gives, at deletions, at the ends and for empty spans.
    text = "机 密\u200b文 件  ab  c\u200b\u200b终 " * 40
    norm = normalize(text)
    length = len(norm.text)
    spans = [
        (start, start + size) for start in range(length + 1) for size in (0, 1, 3) if start + size <= length
    ]
    assert len(spans) * 32 >= length  # the table path
    assert norm.original_spans(spans) == [norm.original_span(start, end) for start, end in spans]
    assert norm.original_spans(spans[:3]) == [norm.original_span(start, end) for start, end in spans[:3]]
