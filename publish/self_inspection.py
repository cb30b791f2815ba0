"""The 网站自查报告: a sentinel run's figures laid out as a government website self-inspection
report — basic information, time and scope, the 单项否决 and 扣分 items found, and a list of the
problems with an empty 整改 column for the office to fill in. Pure: figures in, PDF bytes out.

The items and thresholds are those of 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

INDICATORS = "《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）"
STALE_RULE = (
    "监测时间点前2周内的动态、要闻类栏目，以及前6个月内的通知公告、政策文件类栏目，"
    "累计超过（含）5个未更新，即单项否决"
)
STALE_VETO = 5
_FILL_IN = "\u00a0" * 28


@dataclass(frozen=True)
class Item:
    """One problem: where it is and what it is."""

    where: str
    what: str


@dataclass(frozen=True)
class Recheck:
    """The last whole-catalog re-check: hits per category (category, hits, entries)."""

    finished: dt.datetime
    mode: str
    by_category: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Inspection:
    site_name: str
    organiser: str
    address: str
    started: dt.datetime
    finished: dt.datetime
    pages: int
    files: int
    links: int
    links_checked: int
    links_private: int
    sections: int
    stale_days: int
    published: tuple[Item, ...]
    dead_links: tuple[Item, ...]
    changed_links: tuple[Item, ...]
    stale_sections: tuple[Item, ...]
    recheck: Recheck | None = None  # None: no re-check has run yet


def _cells(values: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{html.escape(v)}</{tag}>" for v in values) + "</tr>"


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%Y年%m月%d日 %H:%M")


def _found(count: int) -> str:
    return f"发现 {count} 处（见问题清单）" if count else "未发现"


def _verdict(count: int, veto_at: int = 1) -> str:
    if not count:
        return _found(count)
    return f"{_found(count)}，{'单项否决' if count >= veto_at else '未达否决线'}"


def _recheck_rows(recheck: Recheck | None) -> tuple[str, int]:
    if recheck is None:
        return "尚未开展全面复查（目录 → 全面复查，或 main.py recheck），本项未检查", 0
    found = sum(hits for _, hits, _ in recheck.by_category)
    parts = "；".join(f"{c} {h} 处（{e} 条目录）" for c, h, e in recheck.by_category) or "未发现问题"
    return f"{_when(recheck.finished)} 全面复查：{parts}", found


def report_html(x: Inspection) -> str:
    """The report's body (rich text for review.compose)."""
    recheck_text, recheck_found = _recheck_rows(x.recheck)
    basic = "".join(
        _cells([k, v])
        for k, v in (
            ("网站名称", x.site_name),
            ("主办单位", x.organiser or "—"),
            ("网站地址（文件夹）", x.address or "—"),
            ("检查方式", "政务公开审发台网站巡检（自动检查，结果经人工复核后上报）"),
        )
    )
    scope = (
        f"<p>检查时间：{_when(x.started)} 至 {_when(x.finished)}。</p>"
        f"<p>检查范围：目录页面 {x.pages} 个，正文及附件文件 {x.files} 个；页面和文件中的外部链接 {x.links} 个，"
        f"实际访问 {x.links_checked} 个（指向内部网络地址的 {x.links_private} 个按规定不访问）；"
        f"栏目（主题分类）{x.sections} 个，更新阈值 {x.stale_days} 天。检查依据：{INDICATORS}。</p>"
    )
    veto = (
        _cells(["指标", "检查标准", "检查情况"], "th")
        + _cells(
            [
                "安全、泄密等严重问题",
                "线上内容须与审查通过的发布内容一致；已撤回内容不得仍在提供；审查时删除的内容不得出现",
                _verdict(len(x.published)),
            ]
        )
        + _cells(["栏目不更新", STALE_RULE, _verdict(len(x.stale_sections), STALE_VETO)])
        + _cells(
            [
                "严重错误（错敏信息、个人信息）",
                "网站不得存在严重错别字、过时表述，不得公开应删除的个人信息",
                recheck_text if not recheck_found else f"{recheck_text}，须逐条核查",
            ]
        )
    )
    deduct = (
        _cells(["指标", "检查标准", "检查情况"], "th")
        + _cells(["链接可用性", "首页及其他页面不能正常访问的链接数量", _found(len(x.dead_links))])
        + _cells(
            [
                "外部链接内容变化",
                "外部链接所指内容与上次检查时不同，须核对是否仍指向原内容",
                _found(len(x.changed_links)),
            ]
        )
    )
    problems = [
        *(("内容核对", i) for i in x.published),
        *(("栏目不更新", i) for i in x.stale_sections),
        *(("链接不可用", i) for i in x.dead_links),
        *(("链接内容变化", i) for i in x.changed_links),
    ]
    # Chinese breaks anywhere, so MuPDF would squeeze an empty column to nothing: the 整改 column
    # is held open by no-break spaces, and the category leads the problem's own cell.
    listing = _cells(["序号", "位置", "问题", "整改措施及完成时间"], "th") + "".join(
        _cells([str(n), item.where, f"【{kind}】{item.what}", _FILL_IN])
        for n, (kind, item) in enumerate(problems, start=1)
    )
    if not problems and not recheck_found:
        conclusion = "本次自查未发现问题。"
    else:
        conclusion = f"本次自查发现问题 {len(problems)} 处，已列入问题清单，逐项整改并填写整改情况。"
        if recheck_found:
            conclusion += (
                f"全面复查发现的 {recheck_found} 处错敏、个人信息问题，在审发台中逐条处理（更正或撤回）。"
            )
    return (
        "<h3>一、网站基本信息</h3><table>" + basic + "</table>"
        "<h3>二、检查时间与范围</h3>" + scope + "<h3>三、单项否决指标检查情况</h3><table>" + veto + "</table>"
        "<h3>四、扣分指标检查情况</h3><table>" + deduct + "</table>"
        "<h3>五、问题清单及整改情况</h3>"
        + (f"<table>{listing}</table>" if problems else "<p>无。</p>")
        + f"<h3>六、自查结论</h3><p>{conclusion}</p>"
        "<p>检查人：＿＿＿＿　审核人：＿＿＿＿　日期：　　年　月　日</p>"
    )


def report_pdf(x: Inspection) -> bytes:
    from review.compose import compose_rich_pdf

    return compose_rich_pdf(report_html(x), f"{x.site_name}自查报告")
