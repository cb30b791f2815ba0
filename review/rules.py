"""Pattern rules: classification markings, 附注 against the proposed 公开方式, personal data.

Every rule runs on normalised text (full-width folded, stars unified, ASCII lower-cased, breaks
between CJK characters removed). Personal data is validated, not just pattern-shaped: check digits
through python-stdnum.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from review.errors import QT_TRANSLATE_NOOP
from review.model import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    message: str


@dataclass(frozen=True)
class RuleHit:
    start: int
    end: int
    rule: Rule


MARKING = Rule(
    "MARK-LEVEL",
    QT_TRANSLATE_NOOP("Rules", "密级标志"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "密级标志：标有密级的文件不得公开"),
)
PARAGRAPH_MARKING = Rule(
    "MARK-PARAGRAPH",
    QT_TRANSLATE_NOOP("Rules", "密级标志"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "段落密级标志：该段内容属于国家秘密"),
)
NOTE_CONFLICT = Rule(
    "NOTE-CONFLICT",
    QT_TRANSLATE_NOOP("Rules", "附注"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "附注与拟公开方式矛盾"),
)
NOTE_INFO = Rule(
    "NOTE-PRESENT", QT_TRANSLATE_NOOP("Rules", "附注"), Severity.INFO, QT_TRANSLATE_NOOP("Rules", "文件附注")
)
ID_NUMBER = Rule(
    "PII-ID",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "居民身份证号（校验位有效），公开前须删除或按规定遮盖"),
)
ID_NUMBER_BAD_CHECK = Rule(
    "PII-ID-SUSPECT",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.INFO,
    QT_TRANSLATE_NOOP("Rules", "疑似身份证号（出生日期有效但校验位不符）"),
)
ID_NUMBER_OLD = Rule(
    "PII-ID15",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.WARNING,
    QT_TRANSLATE_NOOP("Rules", "15位旧版身份证号"),
)
MOBILE = Rule(
    "PII-MOBILE",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.WARNING,
    QT_TRANSLATE_NOOP("Rules", "手机号码（个人号码须遮盖为 138****1234）"),
)
LANDLINE = Rule(
    "PII-PHONE",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.INFO,
    QT_TRANSLATE_NOOP("Rules", "固定电话号码"),
)
BANK_CARD = Rule(
    "PII-BANKCARD",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "银行卡号（Luhn 校验有效）"),
)
CREDIT_CODE = Rule(
    "ORG-USCC",
    QT_TRANSLATE_NOOP("Rules", "单位信息"),
    Severity.INFO,
    QT_TRANSLATE_NOOP("Rules", "统一社会信用代码（校验有效）"),
)
EMAIL = Rule(
    "PII-EMAIL",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.WARNING,
    QT_TRANSLATE_NOOP("Rules", "电子邮箱地址"),
)
NAME_NEAR_PII = Rule(
    "PII-NAME",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.INFO,
    QT_TRANSLATE_NOOP("Rules", "个人信息旁的人名或地名"),
)

_LEVEL = r"(?:绝密|机密|秘密)"
_MARKING_RE = re.compile(
    rf"{_LEVEL}\s*[★*]\s*(?:\d{{1,2}}\s*年|长期|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日(?:解密)?)?"
    rf"|★\s*解密时间|{_LEVEL}\s*(?=\d{{1,2}}\s*年\b)"
)
_PARAGRAPH_RE = re.compile(rf"\(\s*{_LEVEL}\s*\)")
_NOTE_RE = re.compile(r"此件(不予?公开|依申请公开|删减后公开|公开发布)")

_ID18_RE = re.compile(
    r"(?<![0-9a-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9x](?![0-9a-z])"
)
_ID15_RE = re.compile(r"(?<![0-9a-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9a-z])")
_MOBILE_RE = re.compile(r"(?<![0-9a-z])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![0-9a-z])")
_LANDLINE_RE = re.compile(r"(?<![0-9a-z])(?:\(0\d{2,3}\)|0\d{2,3}-?)\s?[2-9]\d{6,7}(?![0-9a-z])")
_CARD_RE = re.compile(r"(?<![0-9a-z])(?:\d{4}[\s-]?){3}\d{4}(?:[\s-]?\d{1,3})?(?![0-9a-z])")
_USCC_RE = re.compile(r"(?<![0-9a-z])[0-9a-hj-np-rtuwxy]{2}\d{6}[0-9a-hj-np-rtuwxy]{10}(?![0-9a-z])")
_EMAIL_RE = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_CARD_PREFIXES = ("62", "4", "5", "3", "9", "6")


def marking_hits(text: str) -> Iterator[RuleHit]:
    for m in _MARKING_RE.finditer(text):
        yield RuleHit(m.start(), m.end(), MARKING)
    for m in _PARAGRAPH_RE.finditer(text):
        yield RuleHit(m.start(), m.end(), PARAGRAPH_MARKING)


def note_hits(text: str, disclosure: str | None) -> Iterator[RuleHit]:
    """The document's own 附注 contradicting the proposed 公开方式 is blocking; otherwise a note."""
    for m in _NOTE_RE.finditer(text):
        said = m.group(1)
        conflict = (
            (disclosure == "proactive" and said in ("不公开", "不予公开", "依申请公开"))
            or (disclosure == "on_request" and said in ("不公开", "不予公开", "公开发布"))
            or (disclosure == "not_disclosed" and said in ("公开发布", "删减后公开", "依申请公开"))
        )
        yield RuleHit(m.start(), m.end(), NOTE_CONFLICT if conflict else NOTE_INFO)


# Every number-like pattern below needs seven or more characters of this class in a row: the
# patterns run only inside such runs, which are few in Chinese prose (the whole text is scanned once).
_NUMBER_RUN = re.compile(r"[0-9a-z+(][0-9a-z\s()+-]{6,}")
_EMAIL_WINDOW = 80


def personal_data_hits(text: str) -> Iterator[RuleHit]:
    for run in _NUMBER_RUN.finditer(text):
        for hit in _number_hits(run.group()):
            yield RuleHit(run.start() + hit.start, run.start() + hit.end, hit.rule)
    at = text.find("@")
    while at != -1:
        lo = max(0, at - _EMAIL_WINDOW)
        m = _EMAIL_RE.search(text, lo, at + _EMAIL_WINDOW)
        if m and m.start() <= at < m.end():
            yield RuleHit(m.start(), m.end(), EMAIL)
        at = text.find("@", max(at + 1, m.end() if m else at + 1))


def _number_hits(text: str) -> Iterator[RuleHit]:
    from stdnum import luhn
    from stdnum.cn import ric, uscc

    ids: list[tuple[int, int]] = []
    for m in _ID18_RE.finditer(text):
        ids.append((m.start(), m.end()))
        yield RuleHit(
            m.start(), m.end(), ID_NUMBER if ric.is_valid(m.group().upper()) else ID_NUMBER_BAD_CHECK
        )
    for m in _ID15_RE.finditer(text):
        if _valid_date("19" + m.group()[6:12]):
            ids.append((m.start(), m.end()))
            yield RuleHit(m.start(), m.end(), ID_NUMBER_OLD)
    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if (
            16 <= len(digits) <= 19
            and digits.startswith(_CARD_PREFIXES)
            and luhn.is_valid(digits)
            and not _overlaps(m.start(), m.end(), ids)
        ):
            yield RuleHit(m.start(), m.end(), BANK_CARD)
    for m in _MOBILE_RE.finditer(text):
        if not _overlaps(m.start(), m.end(), ids):
            yield RuleHit(m.start(), m.end(), MOBILE)
    for m in _LANDLINE_RE.finditer(text):
        yield RuleHit(m.start(), m.end(), LANDLINE)
    for m in _USCC_RE.finditer(text):
        if uscc.is_valid(m.group().upper()):
            yield RuleHit(m.start(), m.end(), CREDIT_CODE)


def _valid_date(yyyymmdd: str) -> bool:
    try:
        dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return True


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def mask(text: str, rule_id: str) -> str:
    """The official masked form: 138****1234 for phones, 35*************123 for ID numbers."""
    digits = re.sub(r"[\s-]", "", text)
    if rule_id in ("PII-ID", "PII-ID-SUSPECT", "PII-ID15"):
        return digits[:2] + "*" * (len(digits) - 5) + digits[-3:]
    if rule_id == "PII-MOBILE":
        return digits[:-8] + "****" + digits[-4:]
    if rule_id == "PII-BANKCARD":
        return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
    return "*" * len(text)
