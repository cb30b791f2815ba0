"""PdfTextLocator.place_all gives, for any list of spans in any order, the places locate() gives."""

from __future__ import annotations

import random

import pymupdf

from review.extract.dispatch import extract_any
from review.extract.pdf import PdfTextLocator
from review.model import Channel, Location


def _pdf() -> bytes:
    """Three pages of several lines each, every line its own trace span."""
    with pymupdf.open() as doc:
        for p in range(3):
            page = doc.new_page()
            for n in range(6):
                page.insert_text(
                    (72 + 7 * n, 100 + 30 * n), f"第{p}页第{n}行甲乙丙丁戊己", fontname="china-s", fontsize=12
                )
        return bytes(doc.tobytes())


def test_place_all_gives_the_place_locate_gives_for_spans_in_any_order() -> None:
    (stream,) = [s for s in extract_any("x.pdf", _pdf()).streams if s.channel is Channel.VISIBLE]
    locator = stream.locator
    assert isinstance(locator, PdfTextLocator) and len(locator.spans) >= 18
    size = len(stream.text)
    rng = random.Random(5)
    spans = [(start, start + rng.randint(0, 6)) for start in range(size)]  # in text order, some empty
    spans += [(start, start + rng.randint(1, 40)) for start in rng.sample(range(size), 60)]  # across lines
    spans += [(0, size), (size - 1, size), (size, size)]
    rng.shuffle(spans[len(spans) // 2 :])  # the second half out of order
    places = locator.place_all(spans)
    made = [
        place if isinstance(place, Location) else place.place(start, end)
        for place, (start, end) in zip(places, spans, strict=True)
    ]
    assert made == [locator.locate(start, end) for start, end in spans]
    pending = [
        (p, start, end) for p, (start, end) in zip(places, spans, strict=True) if not isinstance(p, Location)
    ]
    assert len(pending) > size // 2  # nearly every short span is left pending
    # The key distinct_findings compares is the made place's page and first left edge.
    keys = [p.key("字", start) for p, start, _ in pending]
    assert keys == [("字", loc.page, loc.rects[0].x0) for loc in (p.place(s, e) for p, s, e in pending)]


def test_findings_made_in_a_batch_are_plain_frozen_findings() -> None:
    """Finding.placed_all stores fields on a plain object and then makes it a Finding: the result is
    frozen, equal and hashed like the constructor's, and its pending place and context are made
    on first use, for pickling, copying and dataclasses alike."""
    import copy
    import dataclasses
    import pickle

    import pytest

    from review.model import Finding, Severity

    (stream,) = [s for s in extract_any("x.pdf", _pdf()).streams if s.channel is Channel.VISIBLE]
    locator = stream.locator
    spans = [(3, 5), (40, 44)]
    rows = [("LEX", "类", Severity.WARNING, "词", "甲乙"), ("LEX", "类", Severity.INFO, "词", None)]
    batch = Finding.placed_all(Channel.VISIBLE, stream.text, rows, spans, locator.place_all(spans))
    built = [
        Finding(*row[:4], Channel.VISIBLE, locator.locate(*span), stream.text[span[0] : span[1]], "", row[4])
        for row, span in zip(rows, spans, strict=True)
    ]
    assert all(type(f) is Finding for f in batch) and "location" not in vars(batch[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        batch[0].text = "x"  # type: ignore[misc]
    copies = [pickle.loads(pickle.dumps(batch[0])), copy.deepcopy(batch[1])]
    assert [f.location for f in batch] == [f.location for f in built]
    assert [dataclasses.replace(f, context="") for f in batch] == built
    assert [hash(dataclasses.replace(f, context="")) for f in copies] == [hash(f) for f in built]
    assert copies == batch and not {"_place", "_start", "_source"} & set(vars(batch[0]))
    assert batch[0].context == stream.text[0:17].replace("\n", " ")
