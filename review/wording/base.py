"""What the 错敏/表述 rules report: hits in normalised offsets, rule ids, categories and messages."""

from __future__ import annotations

import re
from typing import NamedTuple

from review.errors import QT_TRANSLATE_NOOP
from review.model import Severity

# 错敏: wrong content (a leader's name or post, a country's or body's name, 错别字, sensitive wording).
# 表述: how it is said (outdated formulations, 文号 and punctuation form, links to check).
ERRORS = QT_TRANSLATE_NOOP("Rules", "错敏")
WORDING = QT_TRANSLATE_NOOP("Rules", "表述")

LEADER_POST = "WORD-LEADER-POST"
LEADER_NAME = "WORD-LEADER-NAME"
LEADER_ORDER = "WORD-LEADER-ORDER"
FIXED = "WORD-FIXED"
WRONG_FORM = "WORD-WRONG"
OUTDATED = "WORD-OUTDATED"
DOC_NUMBER = "WORD-DOCNO"
HALF_WIDTH = "WORD-PUNCT-HALF"
DOUBLED = "WORD-PUNCT-DOUBLE"
UNPAIRED = "WORD-PUNCT-PAIR"
LINK = "WORD-LINK"
# Every rule id of the family, for statistics and filters.
RULE_IDS = (
    LEADER_POST,
    LEADER_NAME,
    LEADER_ORDER,
    FIXED,
    WRONG_FORM,
    OUTDATED,
    DOC_NUMBER,
    HALF_WIDTH,
    DOUBLED,
    UNPAIRED,
    LINK,
)

# What each rule id is called where findings are counted (the yearly statistics).
KIND_LABELS = {
    LEADER_POST: QT_TRANSLATE_NOOP("Rules", "领导人职务与日期不符"),
    LEADER_NAME: QT_TRANSLATE_NOOP("Rules", "领导人姓名错字"),
    LEADER_ORDER: QT_TRANSLATE_NOOP("Rules", "领导人排序"),
    FIXED: QT_TRANSLATE_NOOP("Rules", "国名、机构、法规等固定表述写错"),
    WRONG_FORM: QT_TRANSLATE_NOOP("Rules", "错别字和不规范、敏感表述"),
    OUTDATED: QT_TRANSLATE_NOOP("Rules", "过时表述"),
    DOC_NUMBER: QT_TRANSLATE_NOOP("Rules", "发文字号括号"),
    HALF_WIDTH: QT_TRANSLATE_NOOP("Rules", "半角标点"),
    DOUBLED: QT_TRANSLATE_NOOP("Rules", "标点重复"),
    UNPAIRED: QT_TRANSLATE_NOOP("Rules", "标点不成对"),
    LINK: QT_TRANSLATE_NOOP("Rules", "文中链接"),
}

# Messages: a translatable template; the suggestion is filled in (the stored message is Chinese).
MSG_LEADER_POST = QT_TRANSLATE_NOOP(
    "Rules", "领导人职务与文件日期不符：{date}时任{post}的是{holders}，{name}{held}；应为“{suggestion}”"
)
MSG_LEADER_POST_PAST = QT_TRANSLATE_NOOP(
    "Rules", "领导人职务与文件日期不符：{name}{held}，{date}已不在任；如为回顾，应为“{suggestion}”"
)
MSG_LEADER_NAME = QT_TRANSLATE_NOOP("Rules", "领导人姓名疑有错字：应为“{suggestion}”")
MSG_LEADER_ORDER = QT_TRANSLATE_NOOP("Rules", "领导人排序有误：应为“{suggestion}”")
MSG_FIXED = QT_TRANSLATE_NOOP("Rules", "{kind}写法有误：应为“{suggestion}”")
MSG_WRONG_FORM = QT_TRANSLATE_NOOP("Rules", "{kind}：应为“{suggestion}”")
MSG_OUTDATED = QT_TRANSLATE_NOOP("Rules", "过时表述（{since}起不再适用）：应为“{suggestion}”")
MSG_OUTDATED_CURRENT = QT_TRANSLATE_NOOP(
    "Rules", "过时表述：{since}起“{phrase}”已不是当前时期，应为“{suggestion}”（回顾以往的不必改）"
)
MSG_DOC_NUMBER = QT_TRANSLATE_NOOP("Rules", "发文字号年份应使用六角括号：应为“{suggestion}”")
MSG_HALF_WIDTH = QT_TRANSLATE_NOOP("Rules", "中文中使用了半角标点：应为“{suggestion}”")
MSG_DOUBLED = QT_TRANSLATE_NOOP("Rules", "标点重复：应为“{suggestion}”")
MSG_UNPAIRED_OPEN = QT_TRANSLATE_NOOP("Rules", "“{mark}”没有对应的后半个标点")
MSG_UNPAIRED_CLOSE = QT_TRANSLATE_NOOP("Rules", "“{mark}”没有对应的前半个标点")
MSG_MORE = QT_TRANSLATE_NOOP("Rules", "（本处之后另有 {count} 处同类问题未逐一列出）")
MSG_LINK = QT_TRANSLATE_NOOP("Rules", "文中链接：发布前核对能否打开、是否指向正确（审查时不联网检查）")
HELD = QT_TRANSLATE_NOOP("Rules", "任该职为{terms}")
NOT_HELD = QT_TRANSLATE_NOOP("Rules", "未任该职")
TERM = QT_TRANSLATE_NOOP("Rules", "{start}至{end}")
TERM_OPEN = QT_TRANSLATE_NOOP("Rules", "{start}起")


class WordingHit(NamedTuple):
    start: int  # normalised offsets
    end: int
    rule_id: str
    category: str
    severity: Severity
    message: str
    term: str  # the pack entry the hit is about (the expression, the leader's name, the URL …)


CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


# Where a sentence ends, for looking at "the same sentence" around a hit.
SENTENCE_END = "。！？!?；;"
_YEAR = re.compile(r"((?:19|20)\d{2})(?:\s*[—–\-~～至到]\s*((?:19|20)\d{2}))?\s*年")


def sentence_around(text: str, start: int, end: int, before: int = 60, after: int = 40) -> tuple[int, int]:
    lo = max(0, start - before)
    cut = max(text.rfind(c, lo, start) for c in SENTENCE_END)
    lo = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + after)
    ends = [i for c in SENTENCE_END if (i := text.find(c, end, hi)) != -1]
    return lo, min(ends) if ends else hi


def years_in(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Years written in text[lo:hi] ("2019年", "2016—2020年") as (first, last) spans."""
    out = []
    for m in _YEAR.finditer(text, lo, hi):
        first = int(m.group(1))
        out.append((first, int(m.group(2)) if m.group(2) else first))
    return out
