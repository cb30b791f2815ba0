"""Pattern rules: classification markings, 附注 against the proposed 公开方式, personal data.

Every rule runs on normalised text (full-width folded, stars unified, ASCII lower-cased, breaks
between CJK characters removed). Personal data is validated, not just pattern-shaped: check digits
through python-stdnum.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import mul

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
DISTRIBUTION_MARKING = Rule(
    "MARK-LIMIT",
    QT_TRANSLATE_NOOP("Rules", "密级标志"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "知悉范围标志（仅限…阅、用后收回等）：标有此类标志的文件不得公开"),
)
MARKING_MENTION = Rule(
    "MARK-MENTION",
    QT_TRANSLATE_NOOP("Rules", "密级标志"),
    Severity.INFO,
    QT_TRANSLATE_NOOP("Rules", "正文行文中提及密级或知悉范围字样，不是标注在文件上的标志，核实即可"),
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
ID_NUMBER_ODD = Rule(
    "PII-ID",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP(
        "Rules",
        "居民身份证号（校验位有效；地区码或出生日期与常见不符，仍按个人信息处理），公开前须删除或按规定遮盖",
    ),
)
ID_NUMBER_BY_WORD = Rule(
    "PII-ID",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP(
        "Rules", "居民身份证号（紧随“身份证”等字样，校验位不符也按个人信息处理），公开前须删除或按规定遮盖"
    ),
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
BANK_CARD_BY_WORD = Rule(
    "PII-BANKCARD",
    QT_TRANSLATE_NOOP("Rules", "个人信息"),
    Severity.BLOCKING,
    QT_TRANSLATE_NOOP("Rules", "银行卡号（紧随“银行卡”“卡号”“账号”等字样，Luhn 校验不符也按个人信息处理）"),
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

_LEVELS = ("绝密", "机密", "秘密")
_LEVEL = f"(?:{'|'.join(_LEVELS)})"


def _each_level(rest: str) -> str:
    """`(?:绝密|机密|秘密)rest` as three alternatives, each starting with its characters: a regex
    whose every alternative starts with a plain character skips ahead to those characters, where
    one starting with a group tries every position of the text (10 ms on 300 pages; the same
    holds for the alternatives of _PLACED_LIMIT_RE)."""
    return "|".join(level + rest for level in _LEVELS)


# Markings in their printed forms (★, or a 密级 label): blocking wherever they stand.
_MARKING_RE = re.compile(
    _each_level(r"\s*[★*]\s*(?:\d{1,2}\s*年|长期|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:解密)?)?")
    + r"|★\s*解密时间|"
    + _each_level(r"\s*(?=\d{1,2}\s*年\b)")
    + rf"|密级\s*[:：]?\s*{_LEVEL}(?:\s*(?:保密期限|期限)\s*[:：]?\s*(?:\d{{1,2}}\s*(?:年|个月)|长期))?"
)
# Words that are a marking when they stand alone (a line of their own, the top of page 1, a header)
# and an ordinary phrase in running prose ("确定秘密级事项", "用后收回的文件要登记").
_PLACED_LEVEL_RE = re.compile(_each_level("级"))
_PLACED_LIMIT_RE = re.compile(
    r"仅限[^\s,，.。;；:：、!！?？]{1,20}?(?:阅读|阅|传达|使用|参阅|知悉)|用后(?:收回|退回)|阅后(?:收回|退回)"
    r"|注意保存|不得翻印"
)
_PARAGRAPH_RE = re.compile(rf"\(\s*{_LEVEL}\s*\)")
_NOTE_RE = re.compile(r"此件(不予?公开|依申请公开|删减后公开|公开发布)")

_ID15_RE = re.compile(r"(?<![0-9a-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9a-z])")
_LANDLINE_RE = re.compile(r"(?<![0-9a-z])(?:\(0\d{2,3}\)|0\d{2,3}-?)\s?[2-9]\d{6,7}(?![0-9a-z])")
_USCC_RE = re.compile(r"(?<![0-9a-z])[0-9a-hj-np-rtuwxy]{2}\d{6}[0-9a-hj-np-rtuwxy]{10}(?![0-9a-z])")
_EMAIL_RE = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_CARD_PREFIXES = ("62", "4", "5", "3", "9", "6")


@dataclass(frozen=True)
class PlacedHit(RuleHit):
    """A marking whose severity depends on where it stands (see Layout); `mention` replaces it in prose."""

    mention: Rule = MARKING_MENTION


# The words a _PLACED_LIMIT_RE match starts with.
_LIMIT_STARTS = ("仅限", "用后", "阅后", "注意保存", "不得翻印")


def marking_hits(text: str) -> Iterator[RuleHit]:
    # A pattern led by a set of CJK characters tests every character of the text (35 µs for
    # 5,000), where str.find skips to a character at C speed: each pattern runs from the first
    # place a match can start — every marking holds 密 (a level one character before it, or a ★
    # of 解密时间 anywhere before), every distribution marking starts with one of its words.
    secret = text.find("密")
    if secret != -1:
        level = max(0, secret - 1)
        star = text.find("★", 0, level)
        for m in _MARKING_RE.finditer(text, star if star != -1 else level):
            yield RuleHit(m.start(), m.end(), MARKING)
        for m in _PLACED_LEVEL_RE.finditer(text, level):
            yield PlacedHit(m.start(), m.end(), MARKING)
    limits = [at for word in _LIMIT_STARTS if (at := text.find(word)) != -1]
    if limits:
        for m in _PLACED_LIMIT_RE.finditer(text, min(limits)):
            yield PlacedHit(m.start(), m.end(), DISTRIBUTION_MARKING)
    for m in _PARAGRAPH_RE.finditer(text):
        yield RuleHit(m.start(), m.end(), PARAGRAPH_MARKING)


# Lexicon categories whose terms are markings when they stand alone (内部资料, 涉密 …) and
# ordinary words in running prose; their hits are judged by where they stand.
MARKING_LIKE_CATEGORIES = frozenset({"内部标识", "保密"})
LEX_IN_PROSE = QT_TRANSLATE_NOOP("Rules", "正文行文中出现的标识性词语（不是单独标注的标志），核实即可")
LEX_LEGAL_LIST = QT_TRANSLATE_NOOP(
    "Rules", "列举法定不予公开情形的行文（如“国家秘密、商业秘密、个人隐私”），核实即可"
)
# The categories the law names (条例第十四、十五条): listed together they quote the law, not the file.
_LEGAL_NAMES = "国家秘密|商业秘密|工作秘密|个人隐私|个人信息"
LEGAL_TERMS = frozenset(_LEGAL_NAMES.split("|"))
_LEGAL_BEFORE = re.compile(rf"(?:{_LEGAL_NAMES})[、,，和及与或/]$")
_LEGAL_AFTER = re.compile(rf"[、,，和及与或/](?:{_LEGAL_NAMES})")


def in_legal_list(text: str, start: int, end: int) -> bool:
    """Whether normalised text[start:end] is one of the law's categories listed with another."""
    return bool(_LEGAL_BEFORE.search(text, max(0, start - 6), start) or _LEGAL_AFTER.match(text, end))


# Where a marking stands, judged on the original text (the normalised text has lost its line breaks).
_TOP_LINES = 5
_TOP_CHARS = 600
# Longer than any line of markings (密级、保密期限、份号 and a 仅限…阅 together).
_LINE_CHARS = 60
# A marking is set off from what surrounds it by a line edge, spaces, brackets or a star.
_SET_OFF = set(" \t\u3000\u00a0()（）[]【】〔〕<>《》★☆*|/")
_PROSE_PUNCTUATION = re.compile(r"[，,。；;、！!？?]")
_SENTENCE_END = re.compile(r"[。；;！!？?]")
# What may share a line with a marking without making the line prose: other markings, the 密级
# and 保密期限 labels, a term, copy numbers, punctuation.
_MARKING_COMPANIONS = re.compile(
    r"密级|保密期限|期限|长期|解密时间|份号|编号|第|号|年|个月|绝密|机密|秘密|级|内部资料|内部文件|内部明电"
    r"|内部使用|仅供内部参考|不得外传|严禁外传|注意保存|不得翻印|[用阅]后(?:收回|退回)"
    r"|仅限[^\s,，.。;；:：、!！?？]{1,20}?(?:阅读|阅|传达|使用|参阅|知悉)"
    r"|[\s\d:：,，.。;；、★☆*()（）\[\]【】〔〕<>《》|/-]"
)

# Every character _MARKING_COMPANIONS can remove (but for 仅限…阅, which spans any characters).
_COMPANION_CHARS = str.maketrans(
    dict.fromkeys(
        "密级保期限长解时间份号编第年个月绝机秘内部资料文件明电使用仅供参考不得外传严禁注意存翻印用阅后收回退"
        " \t\u3000\u00a00123456789:：,，.。;；、★☆*()（）[]【】〔〕<>《》|/-"
    )
)


# A sentence in which the document (or this part of it) declares its own marking.
_SELF_DECLARED = re.compile(r"(?:本|此|该)[^\s，,。；;：:]{0,8}?(?:属于|列为|为|属|系|是)$")


class Layout:
    """Lines of one stream's original text: whether a span stands alone or sits in running prose."""

    def __init__(
        self, text: str, margin: bool = False, own_line: Callable[[int, int], bool] | None = None
    ) -> None:
        self.text = text
        self.margin = margin  # a header/footer channel: everything in it stands alone
        # Whether a span is alone on its line as drawn (PDF): extracted text may run lines together.
        self.own_line = own_line

    def stands_alone(self, start: int, end: int) -> bool:
        """A marking on a line of its own, in the first lines of the first page, in a header or
        footer, or set off beside a heading-like line (no prose punctuation) stands alone."""
        if self.margin:
            return True
        text = self.text
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        line_end = min(
            (i for i in (text.find("\n", end), text.find("\r", end)) if i != -1), default=len(text)
        )
        before, after = text[line_start:start], text[end:line_end]
        if _SELF_DECLARED.search(before):
            return True  # "本文件为内部资料": prose, but the document marking itself
        # A sentence ending on the line makes it the tail of a wrapped paragraph, not a marking.
        rest = before + after
        # Most hits are in prose: more than one character no marking uses settles it at C speed.
        could_be_alone = len(rest) <= _LINE_CHARS and (
            "仅限" in rest or len(rest.translate(_COMPANION_CHARS)) <= 1
        )
        if could_be_alone and not _SENTENCE_END.search(rest) and len(_MARKING_COMPANIONS.sub("", rest)) <= 1:
            return True
        set_off = (not before or before[-1] in _SET_OFF) and (not after or after[0] in _SET_OFF)
        if not set_off:
            return self.own_line is not None and self.own_line(start, end)
        if not _PROSE_PUNCTUATION.search(before + after):
            return True  # beside a title or heading
        return (
            start < _TOP_CHARS
            and len([ln for ln in text[:line_start].splitlines() if ln.strip()]) < _TOP_LINES
        )


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

# A number as people write it: digit groups joined by single spaces or dashes (a line break is a
# space once normalised). Decimals and percentages are figures, not numbers of a person.
_GROUPS = re.compile(r"(?<![0-9a-z.])(?:\+86[ -]?)?\d+(?:[ -]\d+)*x?(?![0-9a-z%]|\.\d)")
_SEPARATOR = re.compile(r"[ -]")
# Where people put the separators: 110101 19000101 1236 or 110101 1900 0101 1236; 138 0013 8000;
# card numbers in fours. A number grouped any other way is a row of figures, not one number.
_ID_GROUPINGS = (frozenset({6, 14}), frozenset({6, 10, 14}))
_MOBILE_GROUPINGS = (frozenset({3, 7}),)
_ID_WORD = re.compile(r"(?:身份证|身份号码|证件号)[^0-9。;；!！?？]{0,5}$")
_CARD_WORD = re.compile(r"(?:银行卡|卡号|账号|账户)[^0-9。;；!！?？]{0,5}$")
_WORD_WINDOW = 16

IsBreak = Callable[[int], bool]


def personal_data_hits(text: str, is_break: IsBreak | None = None) -> Iterator[RuleHit]:
    """Personal data in normalised `text`. `is_break(i)`: whether the space at i was a line break in
    the original (a wrapped line may cut a number anywhere; a typed space only between groups)."""
    for run in _NUMBER_RUN.finditer(text):
        yield from _grouped_number_hits(text, run.start(), run.end(), is_break)
        for hit in _number_hits(run.group()):
            yield RuleHit(run.start() + hit.start, run.start() + hit.end, hit.rule)
    at = text.find("@")
    while at != -1:
        lo = max(0, at - _EMAIL_WINDOW)
        m = _EMAIL_RE.search(text, lo, at + _EMAIL_WINDOW)
        if m and m.start() <= at < m.end():
            yield RuleHit(m.start(), m.end(), EMAIL)
        at = text.find("@", max(at + 1, m.end() if m else at + 1))


def _grouped_number_hits(text: str, lo: int, hi: int, is_break: IsBreak | None) -> Iterator[RuleHit]:
    """18-digit IDs, mobile and card numbers, contiguous or written in groups."""
    for m in _GROUPS.finditer(text, lo, hi):
        raw = m.group()
        # The whole sequence first; if it is no number as grouped, each piece between typed
        # separators (a row "ID mobile" is two numbers).
        hit = _judge_sequence(text, m.start(), raw, is_break)
        if hit is not None:
            yield hit
            continue
        if not _SEPARATOR.search(raw):
            continue
        found = False
        for piece_start, piece in _pieces(text, m.start(), raw, is_break, at_breaks=False):
            hit = _judge_sequence(text, piece_start, piece, is_break)
            if hit is not None:
                found = True
                yield hit
        if found or is_break is None:
            continue
        # Table cells read line by line join a number to its neighbours ("110101…8515 1200" from
        # an ID beside an amount): then each line is judged on its own too.
        for piece_start, piece in _pieces(text, m.start(), raw, is_break, at_breaks=True):
            hit = _judge_sequence(text, piece_start, piece, is_break)
            if hit is not None:
                yield hit


def _pieces(
    text: str, start: int, raw: str, is_break: IsBreak | None, *, at_breaks: bool
) -> Iterator[tuple[int, str]]:
    """The pieces of a sequence between typed separators (and line breaks, with `at_breaks`) long
    enough to be a number of a person, with where each starts."""
    piece_start = start
    for i, ch in enumerate(raw + " "):
        at = start + i
        line_break = ch == " " and is_break is not None and i < len(raw) and is_break(at)
        if ch in " -" and (at_breaks or not line_break):
            piece = text[piece_start:at]
            if piece != raw and len(piece) >= 11:
                yield piece_start, piece
            piece_start = at + 1


def _judge_sequence(text: str, start: int, raw: str, is_break: IsBreak | None) -> RuleHit | None:
    prefix = 0
    if raw.startswith("+86"):
        prefix = 4 if raw[3:4] in (" ", "-") else 3
    body = raw[prefix:]
    typed: list[tuple[int, str]] = []  # (digits before it, separator) of each typed separator
    breaks: list[int] = []
    if " " in body or "-" in body:
        digits: list[str] = []
        for i, ch in enumerate(body):
            if ch in " -":
                if ch == " " and is_break is not None and is_break(start + prefix + i):
                    breaks.append(len(digits))
                else:
                    typed.append((len(digits), ch))
            else:
                digits.append(ch)
        number = "".join(digits)
        if len({sep for _, sep in typed}) > 1:
            return None  # a dash here and a space there: figures, not one number
    else:
        number = body  # most numbers are written without separators
    end = start + len(raw)
    cuts = frozenset(at for at, _ in typed)
    breaks_at = frozenset(breaks)

    mobile_shaped = len(number) == 11 and number.isdigit() and number[0] == "1" and number[1] in "3456789"
    if prefix:
        return (
            RuleHit(start, end, MOBILE)
            if mobile_shaped and _grouped(cuts, breaks_at, _MOBILE_GROUPINGS, False)
            else None
        )
    if len(number) == 18 and number[0] != "0" and number[:17].isdigit():
        on_grid = _grouped(cuts, breaks_at, _ID_GROUPINGS, False)
        wrapped = not on_grid and _grouped(cuts, breaks_at, _ID_GROUPINGS, True)
        if on_grid or wrapped:
            right = _id_check_digit(number[:17]) == number[17]
            plausible = _valid_date(number[6:14]) and number[6:8] in ("18", "19", "20")
            if right and (plausible or on_grid):
                return RuleHit(
                    start, end, ID_NUMBER if plausible and _known_region(number) else ID_NUMBER_ODD
                )
            if _ID_WORD.search(text, max(0, start - _WORD_WINDOW), start):
                return RuleHit(start, end, ID_NUMBER_BY_WORD)
            if plausible and not typed and not breaks:
                return RuleHit(start, end, ID_NUMBER_BAD_CHECK)
    if mobile_shaped and _grouped(cuts, breaks_at, _MOBILE_GROUPINGS, False):
        return RuleHit(start, end, MOBILE)
    if 16 <= len(number) <= 19 and number.isdigit():
        from stdnum import luhn

        card_grid = (frozenset(range(4, len(number), 4)),)
        if _grouped(cuts, breaks_at, card_grid, True):
            if number.startswith(_CARD_PREFIXES) and luhn.is_valid(number):
                return RuleHit(start, end, BANK_CARD)
            if _CARD_WORD.search(text, max(0, start - _WORD_WINDOW), start):
                return RuleHit(start, end, BANK_CARD_BY_WORD)
    return None


def _grouped(
    cuts: frozenset[int],
    breaks_at: frozenset[int],
    groupings: tuple[frozenset[int], ...],
    wrap_anywhere: bool,
) -> bool:
    """Separators (`cuts` typed, `breaks_at` line breaks, as digits before each) exactly where
    people group this kind of number; with `wrap_anywhere`, one line break may also fall inside
    a group (a wrapped line)."""
    if not cuts and not breaks_at:
        return True
    for grouping in groupings:
        if not cuts <= grouping:
            continue
        full = (cuts | (breaks_at & grouping)) == grouping
        stray = len(breaks_at - grouping)
        if full and (stray == 0 or (wrap_anywhere and stray == 1)):
            return True
    return wrap_anywhere and not cuts and len(breaks_at) == 1


def _number_hits(text: str) -> Iterator[RuleHit]:
    for m in _ID15_RE.finditer(text):
        if _valid_date("19" + m.group()[6:12]):
            yield RuleHit(m.start(), m.end(), ID_NUMBER_OLD)
    for m in _LANDLINE_RE.finditer(text):
        yield RuleHit(m.start(), m.end(), LANDLINE)
    for m in _USCC_RE.finditer(text):
        if _credit_code_valid(m.group()):
            yield RuleHit(m.start(), m.end(), CREDIT_CODE)


_USCC_ALPHABET = "0123456789abcdefghjklmnpqrtuwxy"
_USCC_VALUES = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _credit_code_valid(code: str) -> bool:
    """python-stdnum's cn.uscc.is_valid of a _USCC_RE match (18 characters, lower-case): its
    eight leading digits and GB 32100's check character. Computed here for ASCII codes: every
    ID number is a candidate too, and stdnum's cleaning took a tenth of a re-check's rules."""
    if not code.isascii():
        from stdnum.cn import uscc

        return bool(uscc.is_valid(code.upper()))
    if not code[:8].isdigit():
        return False
    total = sum(map(mul, map(_USCC_VALUES.__getitem__, code[:17]), _USCC_WEIGHTS))
    return code[17] == _USCC_ALPHABET[-total % 31]


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_check_digit(first17: str) -> str:
    """GB 11643's ISO 7064 MOD 11-2 check character (lower-case x, as in normalised text).
    Computed here: python-stdnum's cn.ric also checks the county code against the birth year and
    rejects real IDs of districts created after their holders were born."""
    total = sum(map(mul, map(int, first17), _ID_WEIGHTS))
    return "10x98765432"[total % 11]


# Province-level codes of GB/T 2260 (the first two digits of every 居民身份证号).
_PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52}
    | {53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
)


def _known_region(number: str) -> bool:
    return int(number[:2]) in _PROVINCES


def _valid_date(yyyymmdd: str) -> bool:
    try:
        dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return True


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
