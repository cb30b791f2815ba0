from __future__ import annotations

import datetime as dt

import pytest

from publish.index_number import IndexScheme, IndexSchemeError

DAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("scheme", "serial", "expected"),
    [
        (IndexScheme("000014349"), 222, "000014349/2026-00222"),
        (
            IndexScheme("11341702486344515H", date_format="YYYYMM", reset="monthly"),
            13,
            "11341702486344515H/202611-00013",
        ),
        (IndexScheme("01527918X", prefix_separator="-", serial_digits=6), 153077, "01527918X-2026-153077"),
        (IndexScheme("MB1", category_codes={"综合政务": "A01"}), 7, "MB1/A01-2026-00007"),
    ],
)
def test_regional_formats(scheme, serial, expected):
    assert scheme.format(serial, DAY, "综合政务") == expected
    assert scheme.pattern().fullmatch(expected)


def test_counters_by_period_and_scope():
    yearly = IndexScheme("X")
    monthly = IndexScheme("X", date_format="YYYYMM", reset="monthly")
    assert yearly.period(DAY) == "2026" and monthly.period(DAY) == "202611"
    by_category = IndexScheme("X", serial_scope="category", category_codes={"综合政务": "A", "其他": "Z"})
    assert by_category.scope("综合政务") == "A" and yearly.scope("任意") == ""
    with pytest.raises(IndexSchemeError, match="没有设定索引号代码"):
        by_category.scope("国防")


def test_exhausted_serial_and_bad_schemes_say_why():
    with pytest.raises(IndexSchemeError, match="已用尽"):
        IndexScheme("X", serial_digits=3).format(1000, DAY)
    with pytest.raises(IndexSchemeError, match="按月重置须使用 YYYYMM") as caught:
        IndexScheme("X", reset="monthly", serial_digits=9)
    assert "3 到 8" in caught.value.message
    with pytest.raises(IndexSchemeError, match="无法读取"):
        IndexScheme.from_json("{not json")


def test_json_round_trip():
    scheme = IndexScheme("X", category_codes={"综合政务": "A01"}, serial_digits=4)
    assert IndexScheme.from_json(scheme.to_json()) == scheme
