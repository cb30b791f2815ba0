"""Issue 14: the glyphs a redaction keeps stay where they were.

MuPDF's text redaction, removing glyphs inside a string, dropped the advance of the first removed
glyph: every kept glyph after it moved one glyph to the left, partly under the black box.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf
import pytest

from review.compose import compose_pdf
from review.model import Rect
from review.redact import Area, redact_pdf

TOLERANCE_PT = 0.5
CID_LINE = "经查，李明王五（身份证号）"
LATIN_LINES = ("Name: John Smith, ID 12345", "ID 12345 of John Smith again")


@dataclass(frozen=True)
class Glyph:
    char: str
    x: float
    y: float
    box: pymupdf.Rect


def glyphs(pdf: bytes, page: int = 0) -> list[Glyph]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [
            Glyph(chr(c[0]), c[2][0], c[2][1], pymupdf.Rect(c[3]))
            for span in doc[page].get_texttrace()
            for c in span["chars"]
        ]


def area_over(run: list[Glyph], page: int = 0) -> Area:
    """An area inside the boxes of `run` (one line), touching none of its neighbours."""
    box = pymupdf.Rect(run[0].box)
    for g in run[1:]:
        box |= g.box
    inset_x = min(1.0, run[0].box.width / 4, run[-1].box.width / 4)
    inset_y = box.height / 5
    return Area(page, Rect(box.x0 + inset_x, box.y0 + inset_y, box.x1 - inset_x, box.y1 - inset_y))


def assert_kept_in_place(original: bytes, areas: list[Area]) -> None:
    published = redact_pdf(original, areas).pdf
    rects = [pymupdf.Rect(a.rect.x0, a.rect.y0, a.rect.x1, a.rect.y1) for a in areas]
    kept = [g for g in glyphs(original) if not any(g.box.intersects(r) for r in rects)]
    after = glyphs(published)
    assert "".join(g.char for g in after) == "".join(g.char for g in kept)
    moved = [
        (b.char, round(a.x - b.x, 2), round(a.y - b.y, 2))
        for b, a in zip(kept, after, strict=True)
        if abs(a.x - b.x) > TOLERANCE_PT or abs(a.y - b.y) > TOLERANCE_PT
    ]
    assert not moved, moved


def run_of(found: list[Glyph], text: str, occurrence: int = 0) -> list[Glyph]:
    chars = "".join(g.char for g in found)
    start = -1
    for _ in range(occurrence + 1):
        start = chars.index(text, start + 1)
    return found[start : start + len(text)]


def latin_pdf(fontname: str = "helv") -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 100), "\n".join(LATIN_LINES), fontname=fontname, fontsize=12)
        return bytes(doc.tobytes())


@pytest.mark.parametrize(
    "removed",
    ["经查", "李明", "王", "李明王五", "号）", "，李明王五（"],
    ids=["start", "middle", "one-glyph", "middle-long", "end", "punctuation-around"],
)
def test_cid_font_glyphs_after_a_removal_stay_in_place(removed):
    pdf = compose_pdf([CID_LINE])
    assert_kept_in_place(pdf, [area_over(run_of(glyphs(pdf), removed))])


def test_cid_font_two_removals_in_one_string():
    pdf = compose_pdf([CID_LINE])
    found = glyphs(pdf)
    assert_kept_in_place(pdf, [area_over(run_of(found, "李明")), area_over(run_of(found, "身份"))])


def test_cid_font_removal_across_two_lines():
    pdf = compose_pdf(["经查，" + "本机关依法公开的信息" * 3 + "李明王五赵六" + "其余内容保持不变" * 6])
    found = glyphs(pdf)
    line_two = next(i for i, g in enumerate(found) if abs(g.y - found[0].y) > 1)
    assert line_two > 4
    first, second = found[line_two - 3 : line_two], found[line_two : line_two + 3]
    assert_kept_in_place(pdf, [area_over(first), area_over(second)])


def test_cid_font_removal_inside_the_second_line():
    pdf = compose_pdf(["经查，" + "本机关依法公开的信息" * 4 + "李明王五赵六" + "其余内容保持不变" * 6])
    found = glyphs(pdf)
    line_two = next(i for i, g in enumerate(found) if abs(g.y - found[0].y) > 1)
    assert_kept_in_place(pdf, [area_over(found[line_two + 4 : line_two + 7])])


@pytest.mark.parametrize("fontname", ["helv", "tiro", "cour"])
@pytest.mark.parametrize(
    ("removed", "occurrence"),
    [("Name", 0), ("John", 0), ("S", 0), ("12345", 0), ("again", 0), ("John", 1), ("ID", 1)],
    ids=["start", "middle", "one-glyph", "end-of-line", "end", "second-line", "second-line-start"],
)
def test_simple_font_glyphs_after_a_removal_stay_in_place(fontname, removed, occurrence):
    pdf = latin_pdf(fontname)
    assert_kept_in_place(pdf, [area_over(run_of(glyphs(pdf), removed, occurrence))])


def test_simple_font_removal_across_two_lines():
    pdf = latin_pdf()
    found = glyphs(pdf)
    assert_kept_in_place(pdf, [area_over(run_of(found, "12345")), area_over(run_of(found, "ID 12", 1))])


def _with_content(extra: bytes) -> bytes:
    """A page with the base-14 Helvetica as /helv and `extra` as its content."""
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 60), "x", fontname="helv", fontsize=12)
        doc.update_stream(page.get_contents()[0], extra)
        return bytes(doc.tobytes())


@pytest.mark.parametrize(
    "content",
    [
        # kerning numbers inside the array, character and word spacing
        b"BT /helv 12 Tf 1.5 Tc 3 Tw 72 700 Td [(Na) -120 (me: John) 80 ( Smith, ID 1) 40 (2345)] TJ ET",
        # horizontal scaling of 100 said out loud
        b"BT /helv 12 Tf 100 Tz 72 700 Td [(Na) -120 (me: John) 80 ( Smith, ID 1) 40 (2345)] TJ ET",
        # Tj, ' and " (the last two move to the next line and set spacing)
        b"BT /helv 12 Tf 14 TL 72 700 Td (Name: John Smith) Tj (ID 12345 of John) ' 2 1 (John Smith again) \" ET",
        # escapes and an octal code in a literal string, a hex string with spaces
        b"BT /helv 12 Tf 72 700 Td [(N\\141me: \\(John\\) Smith)] TJ 0 -14 Td <4a 6f 68 6e 20 53 6d 69 74 68> Tj ET",
        # TD sets the leading the quote operators move down by
        b"BT /helv 12 Tf 72 700 Td 14 TL (Name: Smith) Tj 5 -12 TD (ID John 12345) ' (John again) ' ET",
        # a rotated, scaled text matrix and a text rise
        b"q 1 0 0 1 10 20 cm BT /helv 10 Tf 0.9 0.2 -0.2 0.9 72 700 Tm 2 Ts (Name: John Smith, ID) Tj ET Q",
    ],
    ids=["tj-array-spacing", "tz-100", "quote-operators", "escapes-and-hex", "td-then-quote", "rotated"],
)
def test_text_operators_keep_their_glyphs_in_place(content):
    pdf = _with_content(content)
    found = glyphs(pdf)
    assert_kept_in_place(pdf, [area_over(run_of(found, "John"))])


# MuPDF 1.28.5, rewriting a page under Tz != 100, writes every TJ number times (Tz/100)^2; the
# scaling is folded into the text matrix first (split_text.fold_horizontal_scaling).
SCALED = {
    "tz-90": [b"BT /helv 12 Tf 90 Tz 72 700 Td [(Na) -120 (me: John) 80 ( Smith)] TJ ET"],
    "tz-changed-mid-block": [
        b"BT /helv 12 Tf 14 TL 90 Tz 72 700 Td [(Name: John) 80 ( Smith)] TJ 0 -20 Td 120 Tz "
        b"(Smith and John again) Tj T* 80 Tz [(Third John) -200 (line)] TJ ET"
    ],
    "tz-inside-q": [
        b"q 70 Tz BT /helv 12 Tf 72 700 Td [(Scaled John) 50 ( here)] TJ ET Q "
        b"BT /helv 12 Tf 72 680 Td (Plain John here) Tj ET 130 Tz "
        b"BT /helv 12 Tf 1 0 0 1 72 660 Tm [(Wide John) -90 ( here)] TJ ET"
    ],
    "tc-tw-with-tz": [b"BT /helv 12 Tf 2 Tc 5 Tw 85 Tz 72 700 Td [(Name: John) -300 ( Smith again)] TJ ET"],
    "quotes-rise": [
        b"BT /helv 10 Tf 75 Tz 72 700 Td 2 Ts 14 TL (Name: John Smith) Tj 5 -12 TD (Next John line) ' "
        b'3 1 (Once more John, now) " ET'
    ],
    "rotated": [
        b"q 1 0 0 1 10 20 cm BT /helv 10 Tf 75 Tz 0.9 0.2 -0.2 0.9 72 700 Tm (Name: John Smith) Tj ET Q"
    ],
    "form-under-tz": [
        b"BT /helv 12 Tf 72 700 Td (Page text) Tj ET q 80 Tz /Fm1 Do Q BT /helv 12 Tf 72 720 Td (After the form) Tj ET"
    ],
    "cid-font": [b"BT /F1 12 Tf 80 Tz 72 700 Td [<4e2d6587> -300 <5b57>] TJ <4e2d6587> Tj ET"],
    "two-streams": [
        b"q 60 Tz BT /helv 12 Tf 72 700 Td (First John stream) Tj ET",
        b"BT /helv 12 Tf 72 650 Td (still sixty John) Tj ET Q BT /helv 12 Tf 72 630 Td (back John) Tj ET",
    ],
}


@pytest.mark.parametrize("streams", SCALED.values(), ids=SCALED.keys())
def test_horizontal_scaling_keeps_glyphs_in_place(streams):
    pdf = _page_with_streams(*streams)
    found = glyphs(pdf)
    text = "".join(g.char for g in found)
    # The last John (the most scaled text before it); in the CID font, whose codes are glyph ids
    # read as no real character, its second glyph.
    run = run_of(found, "John", text.count("John") - 1) if "John" in text else found[1:2]
    assert_kept_in_place(pdf, [area_over(run)])


@pytest.mark.parametrize("streams", SCALED.values(), ids=SCALED.keys())
def test_folding_the_scaling_moves_nothing(streams):
    from review.split_text import fold_horizontal_scaling

    pdf = _page_with_streams(*streams)
    with pymupdf.open("pdf", pdf) as before, pymupdf.open("pdf", pdf) as after:
        assert fold_horizontal_scaling(after, after[0]) > 0
        moved = [
            (b, a)
            for b, a in zip(_placed(before), _placed(after), strict=True)
            if b[0] != a[0] or abs(b[1] - a[1]) > 0.005 or abs(b[2] - a[2]) > 0.005
        ]
        assert not moved
        assert after[0].get_pixmap(dpi=72).samples == before[0].get_pixmap(dpi=72).samples
        assert b"Tz" not in b"".join(
            after.xref_stream(x) for x in range(1, after.xref_length()) if after.xref_is_stream(x)
        )


@pytest.mark.parametrize(
    "streams",
    [
        # the text matrix after shown text depends on glyph widths
        [b"BT /helv 12 Tf 72 700 Td (Name: John) Tj 80 Tz ( Smith) Tj ET"],
        # no scale to fold into
        [b"BT /helv 12 Tf 0 Tz 72 700 Td (Name: John) Tj ET"],
    ],
    ids=["tz-after-shown-text", "tz-0"],
)
def test_scaling_that_cannot_be_folded_is_left_as_it_is(streams):
    from review.split_text import fold_horizontal_scaling

    pdf = _page_with_streams(*streams)
    with pymupdf.open("pdf", pdf) as doc:
        contents = doc[0].read_contents()
        assert fold_horizontal_scaling(doc, doc[0]) == 0
        assert doc[0].read_contents() == contents


def test_a_form_painted_on_another_page_is_not_folded():
    """Folded in place, the form would be drawn scaled twice where the other page paints it."""
    from review.split_text import fold_horizontal_scaling

    pdf = _page_with_streams(SCALED["form-under-tz"][0])
    with pymupdf.open("pdf", pdf) as doc:
        doc.fullcopy_page(0)
        form = next(x[0] for x in doc.get_page_xobjects(0))
        stream = doc.xref_stream(form)
        assert fold_horizontal_scaling(doc, doc[0]) == 0
        assert doc.xref_stream(form) == stream


def test_text_in_a_form_xobject_keeps_its_glyphs_in_place():
    with pymupdf.open() as src, pymupdf.open() as doc:
        src.new_page().insert_text((72, 100), LATIN_LINES[0], fontname="helv", fontsize=12)
        src = pymupdf.open("pdf", src.tobytes())
        page = doc.new_page()
        page.insert_text((72, 60), "Above the form, John stays", fontname="helv", fontsize=12)
        page.show_pdf_page(pymupdf.Rect(0, 100, 595, 942), src, 0)
        pdf = bytes(doc.tobytes())
        src.close()
    found = glyphs(pdf)
    assert "".join(g.char for g in found).count("John") == 2
    assert_kept_in_place(pdf, [area_over(run_of(found, "John", 1))])


# -- the splitting itself (review/split_text.py) --------------------------------------------------


def _placed(doc: pymupdf.Document) -> list[tuple[str, float, float]]:
    return [
        (chr(c[0]), round(c[2][0], 3), round(c[2][1], 3))
        for page in doc.pages()
        for span in page.get_texttrace()
        for c in span["chars"]
    ]


def _page_with_streams(*streams: bytes) -> bytes:
    """A page whose content is `streams` (q/Q may pair across them), /helv and /F1 (Helvetica and
    an Identity-H CJK font), and a form /Fm1 that shows text in its own resources."""
    with pymupdf.open() as form_src:
        form_src.new_page().insert_text(
            (72, 400), "Inside the form: John Smith", fontname="helv", fontsize=11
        )
        form_doc = pymupdf.open("pdf", form_src.tobytes())
    with pymupdf.open() as doc:
        page = doc.new_page()
        for i in range(len(streams)):
            page.insert_text((72, 60 + 20 * i), "x", fontname="helv", fontsize=12)
        page.insert_font(fontname="F1", fontbuffer=pymupdf.Font("china-s").buffer)
        page.show_pdf_page(pymupdf.Rect(0, 0, 595, 842), form_doc, 0, overlay=True)
        form_name = next(x[1] for x in page.get_xobjects() if x[2] == 0)
        contents = page.get_contents()
        assert len(contents) >= len(streams)
        for xref in contents:
            doc.update_stream(xref, b"")
        for xref, stream in zip(contents, streams, strict=False):
            doc.update_stream(xref, stream.replace(b"/Fm1 Do", b"/" + form_name.encode() + b" Do"))
        form_doc.close()
        return bytes(doc.tobytes())


_INLINE_IMAGE = b"q 20 0 0 20 300 300 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00(\xff) EI Q"
SPLIT_CASES = {
    "literal-escapes": [b"BT /helv 12 Tf 72 700 Td (Nested (paren) \\(esc\\) oct\\141l \\\nJoined) Tj ET"],
    "hex-and-arrays": [b"BT /helv 12 Tf 72 700 Td [<4a6f 686e> -200 (Smith) 30.5 <2>] TJ ET"],
    "quote-operators": [b"BT /helv 12 Tf 14 TL 72 700 Td (one) Tj (two) ' 3 -0.5 (three four) \" ET"],
    "comments-marked-content": [
        b"% a comment with ( and [\n/Span <</ActualText (x) /MCID 3>> BDC BT /helv 12 Tf 72 700 Td (Marked text) Tj ET EMC"
    ],
    "inline-image-between": [
        b"BT /helv 12 Tf 72 700 Td (Before) Tj ET "
        + _INLINE_IMAGE
        + b" BT /helv 12 Tf 72 680 Td (After) Tj ET"
    ],
    "q-across-streams": [
        b"q BT /helv 12 Tf 72 700 Td (First stream) Tj ET q /F1 10 Tf",
        b"Q BT 72 650 Td (Font from the first stream) Tj ET Q",
    ],
    "cid-font": [b"BT /F1 12 Tf 72 700 Td <4e2d6587> Tj [<5b57> -500 <5b57>] TJ ET"],
    "clip-text-then-text": [
        b"q BT /helv 30 Tf 7 Tr 72 600 Td (CLIP) Tj ET 0 0 1 rg 0 0 595 842 re f Q BT /helv 12 Tf 72 700 Td (Shown) Tj ET"
    ],
    "form": [
        b"BT /helv 12 Tf 72 700 Td (Page text) Tj ET q /Fm1 Do Q BT /helv 12 Tf 72 720 Td (After the form) Tj ET"
    ],
}


@pytest.mark.parametrize("streams", SPLIT_CASES.values(), ids=SPLIT_CASES.keys())
def test_splitting_every_string_moves_nothing(streams):
    from review.split_text import _Walk, _walk_page, split_text_under

    pdf = _page_with_streams(*streams)
    with pymupdf.open("pdf", pdf) as before, pymupdf.open("pdf", pdf) as after:
        page = after[0]
        assert split_text_under(after, page, [page.rect]) > 0
        assert _placed(after) == _placed(before)
        assert after[0].get_pixmap(dpi=72).samples == before[0].get_pixmap(dpi=72).samples
        # every string of the page and its forms is one glyph now, and a second time changes nothing
        walk = _Walk(after)
        _walk_page(walk, after[0])
        assert walk.complete and walk.shows
        for show in walk.shows:
            assert show.codes is not None
            assert all(len(show.codes.cut(text) or "no") <= 1 for text in show.strings()), show
        assert split_text_under(after, after[0], [after[0].rect]) == 0


def test_only_the_string_under_a_redaction_is_split():
    from review.split_text import split_text_under

    pdf = compose_pdf([CID_LINE, "第二段文字保持原样"])
    with pymupdf.open("pdf", pdf) as doc:
        untouched = doc[0].read_contents().split(b"\n")
        box = area_over(run_of(glyphs(pdf), "李明")).rect
        assert split_text_under(doc, doc[0], [pymupdf.Rect(box.x0, box.y0, box.x1, box.y1)]) == 1
        lines = doc[0].read_contents().split(b"\n")
        assert [line for line in lines if line not in untouched] == [
            b"[<374D> <2063> <844B> <1FCC> <1E8C> <2C09> <0712> <8447> <4729> <077B> <443F> <0C75> <8448>] TJ"
        ]


def test_clip_only_text_does_not_throw_the_count_off():
    from review.split_text import split_text_under

    pdf = _page_with_streams(
        b"q BT /helv 30 Tf 7 Tr 72 600 Td (CLIP) Tj ET Q "
        b"BT /helv 12 Tf 72 700 Td (Far away) Tj 0 -600 Td (John Smith) Tj ET"
    )
    with pymupdf.open("pdf", pdf) as doc:
        (john,) = doc[0].search_for("John")
        assert split_text_under(doc, doc[0], [john]) == 2  # the clip text (where it is, unknown) and John's
        assert b"(Far away) Tj" in doc[0].read_contents()


def test_when_the_trace_and_the_walk_disagree_every_string_is_split():
    from review.split_text import split_text_under

    class ExtraGlyph:
        """A page whose text trace shows one glyph more than its content streams."""

        def __init__(self, page: pymupdf.Page) -> None:
            self.page = page

        def __getattr__(self, name: str):
            return getattr(self.page, name)

        def get_texttrace(self):
            trace = self.page.get_texttrace()
            return [*trace, {**trace[-1], "chars": trace[-1]["chars"][:1]}]

    pdf = compose_pdf([CID_LINE, "第二段文字保持原样"])
    with pymupdf.open("pdf", pdf) as doc:
        assert split_text_under(doc, ExtraGlyph(doc[0]), [pymupdf.Rect(150, 90, 155, 95)]) == 2


def test_codes_of_an_embedded_cmap_with_mixed_lengths():
    from review.split_text import _codespace

    codes = _codespace(b"1 begincodespacerange\n<00> <80>\n<8140> <FEFE>\nendcodespacerange")
    assert codes is not None
    assert codes.cut(b"A\x81\x40B") == [b"A", b"\x81\x40", b"B"]
    assert codes.cut(b"\x81") is None  # a code cut short: the string is left as it is
    assert _codespace(b"/Foo usecmap 1 begincodespacerange <00> <FF> endcodespacerange") is None
    two = _codespace(b"begincodespacerange <0000> <FFFF> endcodespacerange")
    assert two is not None and two.cut(b"\x00\x41\x00\x42") == [b"\x00\x41", b"\x00\x42"]


def test_the_render_comparison_finds_nothing_lost_around_removals_inside_strings():
    """What LOST_INK_SHARE was loosened for: each removal inside a string drew the next glyph
    under the box, which the render comparison counted as lost ink."""
    from review.ocr import lost_ink
    from review.redact import areas_for_texts

    pdf = compose_pdf(
        [
            "经查，李明、王五、赵六于本年度申请公开的信息，已由本机关依法处理完毕。",
            "联系人张三，联系电话另行告知；李明、王五的申请材料存档备查，赵六的申请已办结。",
        ]
    )
    areas = areas_for_texts(pdf, {"李明": None, "王五": None, "赵六": None, "张三": None})
    assert len(areas) == 7
    assert lost_ink(pdf, redact_pdf(pdf, areas).pdf, areas) == []


def test_a_page_the_splitting_cannot_follow_is_still_redacted(monkeypatch, caplog):
    import review.redact

    def fails(doc, page, rects):
        raise ValueError("an odd content stream")

    monkeypatch.setattr(review.redact, "split_text_under", fails)
    pdf = compose_pdf([CID_LINE])
    published = redact_pdf(pdf, [area_over(run_of(glyphs(pdf), "李明"))]).pdf
    assert "李明" not in "".join(g.char for g in glyphs(published))
    assert "not split on page 1" in caplog.text
