"""Form: 文号 brackets, half-width and doubled punctuation, unpaired quotes and brackets, links.

All are 提示 (info): they are what a careful editor fixes, not what fails an inspection, and the
domain's own reports are full of them (scraped pages with ASCII commas, 酒政办发[2016]157号).
A stream with many of one kind lists the first few and says how many more there are.

Normalisation folds full-width punctuation to ASCII (，→ ,), so half-width punctuation is confirmed
on the original character behind each normalised one.
"""

from __future__ import annotations

import re

from review.model import Severity
from review.normalize import Normalized
from review.wording.base import (
    DOC_NUMBER,
    DOUBLED,
    HALF_WIDTH,
    LINK,
    MSG_DOC_NUMBER,
    MSG_DOUBLED,
    MSG_HALF_WIDTH,
    MSG_LINK,
    MSG_MORE,
    MSG_UNPAIRED_CLOSE,
    MSG_UNPAIRED_OPEN,
    UNPAIRED,
    WORDING,
    WordingHit,
    is_cjk,
)

MAX_LISTED = 10  # findings of one kind listed one by one per stream; the last says how many more

_HAN = r"\u4e00-\u9fff"
# 文号: an issuer's abbreviation, the year in other brackets, the number and 号. Normalised text:
# （） and ［］ are already ( ) and [ ]; 〔〕 (the right ones) and 【】 are kept as they are.
# Each pattern starts with a character class and nothing before it, which the regex engine scans
# for at C speed; what must precede a match is checked on the few matches.
_DOC_NUMBER = re.compile(r"([\[(【{<〈「『]) ?((?:19|20)\d{2}) ?([\])】}>〉」』]) ?(第? ?\d{1,5} ?号)")
_HALF = re.compile(rf"[,;:!?.](?= ?[{_HAN}“”《])")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"}
_DOUBLED = re.compile(r"([。,、;:])[。,、;:]+")
_AFTER_TEXT = re.compile(rf"[{_HAN}”’)]")
_PAIRS = {"“": "”", "《": "》", "(": ")", "【": "】", "〔": "〕", "‘": "’"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_CLOSED_PAIR = re.compile(r"“”|《》|\(\)|【】|〔〕|‘’")
_MARKS = re.compile("[“”《》()【】〔〕‘’]")
_REACH = {"“": 500, "‘": 300, "《": 80, "(": 300, "【": 80, "〔": 20}
# "1)" "二)" numbering a list has no opening bracket.
_NUMBERING = re.compile(r"(?:^|[\s。;:,、])[0-9a-z一二三四五六七八九十]{1,2}$")
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[a-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|(?<![a-z0-9@.\-])(?:[a-z0-9\-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|edu\.cn|cn|com|net|org|gov)"
    r"(?:/[a-z0-9\-._~/?#&=%]*)?(?![a-z0-9.@])"
)
_URL_TAIL = ".,;:!?)]'"
_URL_CHARS = r"a-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
_URL_SET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
_URL_AFTER = re.compile(rf"[{_URL_CHARS}]*")


def _capped(hits: list[WordingHit]) -> list[WordingHit]:
    return _more(hits[:MAX_LISTED], len(hits))


def _more(listed: list[WordingHit], total: int) -> list[WordingHit]:
    """The first hits of a kind; the last listed says how many more there are."""
    if total <= len(listed) or not listed:
        return listed
    last = listed[-1]
    return [*listed[:-1], last._replace(message=last.message + MSG_MORE.format(count=total - len(listed)))]


def _hit(start: int, end: int, rule_id: str, message: str, term: str) -> WordingHit:
    return WordingHit(start, end, rule_id, WORDING, Severity.INFO, message, term)


def doc_numbers(text: str) -> list[WordingHit]:
    out: list[WordingHit] = []
    if "号" not in text:
        return out
    for m in _DOC_NUMBER.finditer(text):
        if not (m.start() and is_cjk(text[m.start() - 1])):
            continue
        number = m.group(4).replace(" ", "")
        right = f"〔{m.group(2)}〕{number}"
        out.append(_hit(m.start(), m.end(), DOC_NUMBER, MSG_DOC_NUMBER.format(suggestion=right), right))
    return _capped(out)


def half_width(norm: Normalized, original: str) -> list[WordingHit]:
    """ASCII , ; : ! ? . between Chinese characters. Read on the original text (normalisation made
    every full-width comma ASCII), then placed in the normalised one."""
    found = [m.start() for m in _HALF.finditer(original) if m.start() and is_cjk(original[m.start() - 1])]
    out: list[WordingHit] = []
    for at in found[:MAX_LISTED]:
        start = _normalised_offset(norm, at)
        mark = original[at]
        text = norm.text
        right = text[start - 1 : start] + _FULL[mark] + text[start + 1 : start + 2]
        out.append(_hit(start, start + 1, HALF_WIDTH, MSG_HALF_WIDTH.format(suggestion=_FULL[mark]), right))
    return _more(out, len(found))


def _normalised_offset(norm: Normalized, original: int) -> int:
    """The normalised offset of a character normalisation kept (binary search of the map back)."""
    lo, hi = 0, len(norm.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if norm.original(mid) < original:
            lo = mid + 1
        else:
            hi = mid
    return lo


def doubled(text: str) -> list[WordingHit]:
    out: list[WordingHit] = []
    for m in _DOUBLED.finditer(text):
        if not (m.start() and _AFTER_TEXT.match(text, m.start() - 1)):
            continue
        first = m.group(1)
        right = _FULL.get(first, first)
        out.append(_hit(m.start(), m.end(), DOUBLED, MSG_DOUBLED.format(suggestion=right), m.group()))
    return _capped(out)


def unpaired(text: str) -> list[WordingHit]:
    """Quotes and brackets without their other half: an opener not closed within its reach (or
    before the next opener of a kind that does not nest), a closer with nothing open."""
    marks, size = "".join(_MARKS.findall(text)), -1
    while marks and len(marks) != size:  # take out closed pairs, innermost first, at C speed
        size = len(marks)
        marks = _CLOSED_PAIR.sub("", marks)
    if not marks:
        return []  # every quote and bracket closed: the common case
    open_at: dict[str, list[int]] = {k: [] for k in _PAIRS}
    bad: list[tuple[int, str]] = []
    for m in _MARKS.finditer(text):
        mark, at = m.group(), m.start()
        if mark in _PAIRS:
            stack = open_at[mark]
            if stack and (mark != "(" or at - stack[-1] > _REACH[mark]):
                bad.extend((i, mark) for i in stack)
                stack.clear()
            stack.append(at)
            continue
        opener = _CLOSERS[mark]
        stack = open_at[opener]
        while stack and at - stack[-1] > _REACH[opener]:
            bad.append((stack.pop(), opener))
        if stack:
            stack.pop()
        elif not (mark == ")" and _NUMBERING.search(text, max(0, at - 4), at)):
            bad.append((at, mark))
    for opener, stack in open_at.items():
        bad.extend((i, opener) for i in stack)
    out: list[WordingHit] = []
    for at, mark in sorted(bad):
        template = MSG_UNPAIRED_OPEN if mark in _PAIRS else MSG_UNPAIRED_CLOSE
        shown = {"(": "（", ")": "）"}.get(mark, mark)
        out.append(_hit(at, at + 1, UNPAIRED, template.format(mark=shown), shown))
    return _capped(out)


def links(text: str) -> list[WordingHit]:
    """Addresses written in the text (http://…, www.…, a bare …gov.cn), each a 提示 with its place:
    a dead or moved link is an inspection item, and the review path never goes on the network.
    Every address has a dot: the runs of address characters around each dot are all that is read."""
    out: list[WordingHit] = []
    dot = text.find(".")
    while dot != -1:
        start, floor = dot, max(0, dot - 200)
        while start > floor and text[start - 1] in _URL_SET:
            start -= 1
        end = dot + 1
        after = _URL_AFTER.match(text, end)
        for m in _URL.finditer(text, start, after.end() if after else end):
            url = m.group().rstrip(_URL_TAIL)
            if len(url) >= 4 and "." in url:
                out.append(_hit(m.start(), m.start() + len(url), LINK, MSG_LINK, url))
            end = max(end, m.end())
        dot = text.find(".", end)
    return out
