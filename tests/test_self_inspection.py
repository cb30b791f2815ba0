"""The 网站自查报告: figures in, a PDF a reader can read — its sections, verdicts and problem list."""

from __future__ import annotations

import datetime as dt

import pymupdf

from publish.self_inspection import Inspection, Item, Recheck, report_pdf

STALE = tuple(Item(f"栏目{n}", f"最后更新 2026-01-0{n}，已 300 天未更新（阈值 183 天）") for n in range(1, 6))


def _inspection(**changes: object) -> Inspection:
    base = Inspection(
        site_name="测试市数据局政府信息公开目录",
        organiser="测试市数据局",
        address="https://xxgk.example.gov.cn/",
        started=dt.datetime(2026, 11, 29, 2, 0),
        finished=dt.datetime(2026, 11, 29, 2, 7),
        pages=12,
        files=13,
        links=9,
        links_checked=7,
        links_private=2,
        sections=6,
        stale_days=183,
        published=(),
        dead_links=(),
        changed_links=(),
        stale_sections=(),
    )
    return base.__class__(**{**base.__dict__, **changes})


def _text(data: bytes) -> str:
    with pymupdf.open(stream=data) as doc:
        for page in doc:
            assert all(font[1] != "n/a" for font in page.get_fonts())  # every font embedded
        # Lines are joined without their breaks, and spaces dropped: a wrap may fall on one.
        return "".join(page.get_text() for page in doc).replace("\n", "").replace(" ", "")


def test_a_clean_run_says_so_and_names_what_was_not_checked() -> None:
    text = _text(report_pdf(_inspection()))
    for heading in (
        "一、网站基本信息",
        "二、检查时间与范围",
        "三、单项否决指标检查情况",
        "四、扣分指标检查情况",
    ):
        assert heading in text
    assert "测试市数据局政府信息公开目录自查报告" in text and "2026年11月29日02:00" in text
    assert "外部链接9个，实际访问7个（指向内部网络地址的2个按规定不访问）" in text
    assert "国办秘函〔2019〕19号" in text and "本次自查未发现问题" in text
    assert "尚未开展全面复查" in text  # the re-check hook: said, not silently left out


def test_problems_are_listed_with_a_column_for_the_fix_and_five_stale_sections_veto() -> None:
    recheck = Recheck(dt.datetime(2026, 11, 28, 22, 0), "full", (("个人信息", 3, 2),))
    x = _inspection(
        published=(Item("files/abc.pdf", "已撤回条目的文件仍在提供"),),
        dead_links=(Item("https://www.example.gov.cn/a.html", "HTTP 404（所在：files/abc.pdf）"),),
        stale_sections=STALE,
        recheck=recheck,
    )
    data = report_pdf(x)
    text = _text(data)
    assert (
        "整改措施及完成时间" in text and "【链接不可用】HTTP404" in text and "【内容核对】已撤回条目" in text
    )
    assert (
        "发现5处（见问题清单），单项否决" in text and "发现1处（见问题清单），单项否决" in text
    )  # stale 栏目; content
    assert "个人信息3处（2条目录）" in text and "本次自查发现问题7处" in text
    assert "未达否决线" in _text(report_pdf(_inspection(stale_sections=STALE[:4])))
    with pymupdf.open(stream=data) as doc:
        pix = doc[0].get_pixmap(dpi=40)
        assert len(set(pix.samples)) > 2  # the page is drawn, not blank
