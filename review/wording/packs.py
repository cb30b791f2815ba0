"""Rule packs of the 错敏/表述 check: the data files, their problems, merging and version.

A pack is a set of UTF-8 CSV files (shipped in resources/rulepacks/, and the department's own),
each recognised by its header's first column:

| file (shipped name) | header | one row is |
|---|---|---|
| posts.csv | 职务,别称,简称,简称专指,来源 | a post, its other full names and the short forms used after a name |
| leaders.csv | 姓名,职务,起,止,来源 | one person's term in one post (止 empty: in office) |
| leader_order.csv | 起,止,排序,来源 | the protocol order of a period, names joined by 、 |
| expressions.csv | 规范写法,类别,级别,来源 | a fixed expression matched with edit distance 1 |
| wrong_forms.csv | 错误写法,应为,类别,级别,例外,来源 | a wrong form (错别字, sensitive wording) matched exactly |
| outdated.csv | 表述,失效日期,应为,语境,级别,例外,来源 | a formulation outdated from a date |
| allow.csv | 短语,说明 | a phrase inside which nothing is reported |

Lines starting with `#` are comments. Later sources override earlier ones row by row (same key:
姓名+职务+起, 职务, 起, 规范写法, 错误写法, 表述+失效日期), so a department's file merges over the
shipped one; 级别 `停用` switches a shipped row off. Problems are reported with file and line and
the rest is loaded. `RulePack.version` is a hash of what the pack matches, stored with each result.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from review.errors import QT_TRANSLATE_NOOP
from review.model import Severity
from review.normalize import normalize_term

PACK_DIR = Path(__file__).resolve().parents[2] / "resources" / "rulepacks"
DISABLED = "停用"
_SEVERITIES = {
    "阻断": Severity.BLOCKING,
    "blocking": Severity.BLOCKING,
    "警告": Severity.WARNING,
    "warning": Severity.WARNING,
    "提示": Severity.INFO,
    "info": Severity.INFO,
}
_YES = {"是", "1", "true", "yes", "y"}
_NO = {"", "否", "0", "false", "no", "n"}
CURRENT_ONLY = "当前"


@dataclass(frozen=True)
class Post:
    name: str
    aliases: tuple[str, ...] = ()
    shorts: tuple[str, ...] = ()
    short_exclusive: bool = False  # the short form means this post only (总理), not also a local one (主席)
    source: str = ""


@dataclass(frozen=True)
class Tenure:
    name: str
    post: str
    start: dt.date
    end: dt.date | None
    source: str = ""

    def holds(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Precedence:
    start: dt.date
    end: dt.date | None
    names: tuple[str, ...]
    source: str = ""

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Expression:
    text: str
    category: str
    severity: Severity | None  # None: switched off
    source: str = ""


@dataclass(frozen=True)
class WrongForm:
    wrong: str
    right: str
    category: str
    severity: Severity | None
    exceptions: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Outdated:
    phrase: str
    since: dt.date
    suggestion: str
    current_only: bool  # reported only where the text speaks of it as current
    severity: Severity | None
    exceptions: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class PackIssue:
    """A problem in one line of a rule-pack file: a translatable template and its parameters."""

    file: str
    line: int
    template: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params))


@dataclass
class RulePack:
    posts: dict[str, Post] = field(default_factory=dict)
    tenures: dict[tuple[str, str, dt.date], Tenure] = field(default_factory=dict)
    precedence: dict[dt.date, Precedence] = field(default_factory=dict)
    expressions: dict[str, Expression] = field(default_factory=dict)
    wrong_forms: dict[str, WrongForm] = field(default_factory=dict)
    outdated: dict[tuple[str, dt.date], Outdated] = field(default_factory=dict)
    allowed: dict[str, str] = field(default_factory=dict)
    issues: list[PackIssue] = field(default_factory=list)

    def update(self, other: RulePack) -> None:
        """Rows of `other` over this pack's rows with the same key."""
        self.posts.update(other.posts)
        self.tenures.update(other.tenures)
        self.precedence.update(other.precedence)
        self.expressions.update(other.expressions)
        self.wrong_forms.update(other.wrong_forms)
        self.outdated.update(other.outdated)
        self.allowed.update(other.allowed)
        self.issues.extend(other.issues)

    @property
    def version(self) -> str:
        """A hash of everything the pack matches (sources excluded): stored with every result."""
        rows = [
            f"P\t{p.name}\t{'|'.join(p.aliases)}\t{'|'.join(p.shorts)}\t{p.short_exclusive}"
            for p in self.posts.values()
        ]
        rows += [f"L\t{t.name}\t{t.post}\t{t.start}\t{t.end}" for t in self.tenures.values()]
        rows += [f"O\t{o.start}\t{o.end}\t{'、'.join(o.names)}" for o in self.precedence.values()]
        rows += [f"E\t{e.text}\t{e.category}\t{e.severity}" for e in self.expressions.values()]
        rows += [
            f"W\t{w.wrong}\t{w.right}\t{w.category}\t{w.severity}\t{'|'.join(w.exceptions)}"
            for w in self.wrong_forms.values()
        ]
        rows += [
            f"D\t{o.phrase}\t{o.since}\t{o.suggestion}\t{o.current_only}\t{o.severity}\t{'|'.join(o.exceptions)}"
            for o in self.outdated.values()
        ]
        rows += [f"A\t{a}" for a in self.allowed]
        return hashlib.sha256("\n".join(sorted(rows)).encode("utf-8")).hexdigest()[:16]


def shipped_sources() -> list[tuple[str, bytes]]:
    """The packs shipped with the desk, as (name, content) in a fixed order."""
    return [(p.name, p.read_bytes()) for p in sorted(PACK_DIR.glob("*.csv"))]


def load(sources: Iterable[tuple[str, bytes]]) -> RulePack:
    """One pack from (name, content) sources, later ones over earlier ones."""
    pack = RulePack()
    for name, content in sources:
        pack.update(parse_bytes(name, content))
    return pack


def parse_bytes(name: str, raw: bytes) -> RulePack:
    pack = RulePack()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pack.issues.append(
            PackIssue(name, 0, QT_TRANSLATE_NOOP("DeskError", "规则包文件不是 UTF-8 编码，未读取"))
        )
        return pack
    rows = [
        (number, [c.strip() for c in row])
        for number, row in enumerate(csv.reader(io.StringIO(content)), start=1)
        if any(c.strip() for c in row) and not row[0].strip().startswith("#")
    ]
    if not rows:
        return pack
    (header_line, header), body = rows[0], rows[1:]
    reader = _READERS.get(header[0])
    if reader is None:
        pack.issues.append(
            PackIssue(
                name,
                header_line,
                QT_TRANSLATE_NOOP("DeskError", "无法识别的规则包表头“{header}”，未读取"),
                (("header", ",".join(header)),),
            )
        )
        return pack
    columns = len(_HEADERS[header[0]])
    for number, cells in body:
        cells = cells + [""] * (columns - len(cells))
        try:
            reader(pack, cells)
        except _RowError as exc:
            pack.issues.append(PackIssue(name, number, exc.template, exc.params))
    return pack


class _RowError(Exception):
    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template)
        self.template = template
        self.params = tuple(params.items())


def _text(value: str) -> str:
    if not normalize_term(value):
        raise _RowError(QT_TRANSLATE_NOOP("DeskError", "缺少必填的词语"))
    return value


def _date(value: str, empty_ok: bool = False) -> dt.date | None:
    if not value and empty_ok:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _RowError(
            QT_TRANSLATE_NOOP("DeskError", "日期“{value}”应写作 2023-03-11"), value=value
        ) from None


def _required_date(value: str) -> dt.date:
    when = _date(value)
    assert when is not None
    return when


def _severity(value: str) -> Severity | None:
    if value == DISABLED:
        return None
    severity = _SEVERITIES.get(value.lower() or "警告")
    if severity is None:
        raise _RowError(
            QT_TRANSLATE_NOOP("DeskError", "未知级别“{level}”（可用：阻断、警告、提示、停用）"), level=value
        )
    return severity


def _list(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split("|") if x.strip())


def _posts(pack: RulePack, c: list[str]) -> None:
    if c[3].lower() not in _YES | _NO:
        raise _RowError(
            QT_TRANSLATE_NOOP("DeskError", "“简称专指”应为“是”或“否”，而不是“{value}”"), value=c[3]
        )
    post = Post(_text(c[0]), _list(c[1]), _list(c[2]), c[3].lower() in _YES, c[4])
    pack.posts[post.name] = post


def _leaders(pack: RulePack, c: list[str]) -> None:
    start, end = _required_date(c[2]), _date(c[3], empty_ok=True)
    if end is not None and end < start:
        raise _RowError(QT_TRANSLATE_NOOP("DeskError", "任职止日早于起日"))
    tenure = Tenure(_text(c[0]), _text(c[1]), start, end, c[4])
    pack.tenures[(tenure.name, tenure.post, start)] = tenure


def _order(pack: RulePack, c: list[str]) -> None:
    names = tuple(n.strip() for n in c[2].replace(",", "、").replace("，", "、").split("、") if n.strip())
    if len(names) < 2:
        raise _RowError(QT_TRANSLATE_NOOP("DeskError", "排序至少需要两个姓名，以“、”分隔"))
    start = _required_date(c[0])
    pack.precedence[start] = Precedence(start, _date(c[1], empty_ok=True), names, c[3])


def _expressions(pack: RulePack, c: list[str]) -> None:
    text = _text(c[0])
    pack.expressions[normalize_term(text)] = Expression(text, c[1] or "表述", _severity(c[2]), c[3])


def _wrong_forms(pack: RulePack, c: list[str]) -> None:
    wrong = _text(c[0])
    form = WrongForm(wrong, _text(c[1]), c[2] or "错别字", _severity(c[3]), _list(c[4]), c[5])
    pack.wrong_forms[normalize_term(wrong)] = form


def _outdated(pack: RulePack, c: list[str]) -> None:
    phrase, since = _text(c[0]), _required_date(c[1])
    if c[3] not in ("", CURRENT_ONLY):
        raise _RowError(QT_TRANSLATE_NOOP("DeskError", "“语境”应为空或“当前”，而不是“{value}”"), value=c[3])
    row = Outdated(phrase, since, _text(c[2]), c[3] == CURRENT_ONLY, _severity(c[4]), _list(c[5]), c[6])
    pack.outdated[(normalize_term(phrase), since)] = row


def _allow(pack: RulePack, c: list[str]) -> None:
    phrase = _text(c[0])
    pack.allowed[normalize_term(phrase)] = c[1]


_HEADERS = {
    "职务": ("职务", "别称", "简称", "简称专指", "来源"),
    "姓名": ("姓名", "职务", "起", "止", "来源"),
    "起": ("起", "止", "排序", "来源"),
    "规范写法": ("规范写法", "类别", "级别", "来源"),
    "错误写法": ("错误写法", "应为", "类别", "级别", "例外", "来源"),
    "表述": ("表述", "失效日期", "应为", "语境", "级别", "例外", "来源"),
    "短语": ("短语", "说明"),
}
_READERS = {
    "职务": _posts,
    "姓名": _leaders,
    "起": _order,
    "规范写法": _expressions,
    "错误写法": _wrong_forms,
    "表述": _outdated,
    "短语": _allow,
}
