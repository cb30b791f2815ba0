"""The letters of 依申请公开: the 答复书 for each outcome of 条例 Art. 36, the 补正告知书 (Art. 30) and
the 延期答复告知书 (Art. 33), filled from editable text templates and laid out as PDF.

Pure: facts in, text (and PDF bytes) out. A template names its facts as {name}; a fact the
template needs that is missing or blank refuses the letter with the Chinese names of what is
missing, so no letter ever goes out with a gap. The filled text keeps the templates' line
marks (see resources/templates/answers/README.txt): it is what a clerk edits before it is laid
out, and `letter_pdf` lays out any such text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from review.errors import QT_TRANSLATE_NOOP, TranslatableError
from review.record import paged_pdf

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "resources" / "templates" / "answers"

# Remedy sentences: 行政复议法 (2023) Art. 23(1)(4) puts 行政复议 before any lawsuit against a refusal
# to disclose; every other answer may go to 复议 (60 days, Art. 20) or to court (6 months, 行政诉讼法
# Art. 46).
REVIEW_FIRST, CHOICE = "remedy_review_first", "remedy_choice"


class LetterKind(StrEnum):
    ALREADY_PUBLIC = "already_public"  # Art. 36(1)
    DISCLOSED = "disclosed"  # Art. 36(2)
    PARTLY_DISCLOSED = "partly_disclosed"  # Art. 36(2)(3), Art. 37
    NOT_DISCLOSED = "not_disclosed"  # Art. 36(3)
    NOT_EXIST = "not_exist"  # Art. 36(4)
    NOT_OURS = "not_ours"  # Art. 36(5)
    REPEATED = "repeated"  # Art. 36(6)
    OTHER_LAW = "other_law"  # Art. 36(7)
    SUPPLEMENT = "supplement"  # Art. 30: 补正告知书
    EXTENSION = "extension"  # Art. 33: 延期答复告知书

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def remedy(self) -> str | None:
        """Which remedy sentence the letter carries (the two notices decide nothing and carry none)."""
        if self in (LetterKind.SUPPLEMENT, LetterKind.EXTENSION):
            return None
        return REVIEW_FIRST if self in (LetterKind.NOT_DISCLOSED, LetterKind.PARTLY_DISCLOSED) else CHOICE

    @property
    def is_answer(self) -> bool:
        return self.remedy is not None


KIND_LABELS = {
    LetterKind.ALREADY_PUBLIC: QT_TRANSLATE_NOOP("Vocabulary", "答复书（已主动公开）"),
    LetterKind.DISCLOSED: QT_TRANSLATE_NOOP("Vocabulary", "答复书（予以公开）"),
    LetterKind.PARTLY_DISCLOSED: QT_TRANSLATE_NOOP("Vocabulary", "答复书（部分公开）"),
    LetterKind.NOT_DISCLOSED: QT_TRANSLATE_NOOP("Vocabulary", "答复书（不予公开）"),
    LetterKind.NOT_EXIST: QT_TRANSLATE_NOOP("Vocabulary", "答复书（信息不存在）"),
    LetterKind.NOT_OURS: QT_TRANSLATE_NOOP("Vocabulary", "答复书（非本机关负责公开）"),
    LetterKind.REPEATED: QT_TRANSLATE_NOOP("Vocabulary", "答复书（重复申请）"),
    LetterKind.OTHER_LAW: QT_TRANSLATE_NOOP("Vocabulary", "答复书（其他法律法规另有规定）"),
    LetterKind.SUPPLEMENT: QT_TRANSLATE_NOOP("Vocabulary", "补正告知书"),
    LetterKind.EXTENSION: QT_TRANSLATE_NOOP("Vocabulary", "延期答复告知书"),
}

# The Chinese name of every fact a template may ask for: what a refusal names.
FACT_LABELS = {
    "agency": QT_TRANSLATE_NOOP("Vocabulary", "答复机关"),
    "letter_number": QT_TRANSLATE_NOOP("Vocabulary", "文书编号"),
    "applicant": QT_TRANSLATE_NOOP("Vocabulary", "申请人"),
    "received_on": QT_TRANSLATE_NOOP("Vocabulary", "收到申请日期"),
    "content": QT_TRANSLATE_NOOP("Vocabulary", "申请内容"),
    "issued_on": QT_TRANSLATE_NOOP("Vocabulary", "答复日期"),
    "remedy": QT_TRANSLATE_NOOP("Vocabulary", "救济途径"),
    "where_published": QT_TRANSLATE_NOOP("Vocabulary", "获取的方式、途径"),
    "provided": QT_TRANSLATE_NOOP("Vocabulary", "提供的信息"),
    "provided_count": QT_TRANSLATE_NOOP("Vocabulary", "提供的信息件数"),
    "withheld": QT_TRANSLATE_NOOP("Vocabulary", "不予公开的部分及其理由"),
    "basis": QT_TRANSLATE_NOOP("Vocabulary", "不予公开的依据"),
    "reason": QT_TRANSLATE_NOOP("Vocabulary", "不予公开的具体理由"),
    "searched": QT_TRANSLATE_NOOP("Vocabulary", "检索情况"),
    "not_ours_reason": QT_TRANSLATE_NOOP("Vocabulary", "不属于本机关负责公开的理由"),
    "right_agency": QT_TRANSLATE_NOOP("Vocabulary", "负责公开的行政机关"),
    "right_contact": QT_TRANSLATE_NOOP("Vocabulary", "负责公开的行政机关的联系方式"),
    "previous_answer": QT_TRANSLATE_NOOP("Vocabulary", "此前答复的日期及文号"),
    "other_law_subject": QT_TRANSLATE_NOOP("Vocabulary", "信息类别（如不动产登记资料）"),
    "other_law": QT_TRANSLATE_NOOP("Vocabulary", "有特别规定的法律、行政法规"),
    "other_procedure": QT_TRANSLATE_NOOP("Vocabulary", "办理途径"),
    "supplement_items": QT_TRANSLATE_NOOP("Vocabulary", "需要补正的事项"),
    "supplement_deadline": QT_TRANSLATE_NOOP("Vocabulary", "补正期限"),
    "extension_reason": QT_TRANSLATE_NOOP("Vocabulary", "延期理由"),
    "extended_until": QT_TRANSLATE_NOOP("Vocabulary", "延长后的答复期限"),
}

_FACT = re.compile(r"\{([a-z_]+)\}")
_MARKS = frozenset("^=|>")  # line marks of the layout; "?" and "#" are taken off before it
_NUMERALS = "一二三四五六七八九十"


class LetterRefused(TranslatableError):
    """A letter that cannot be made as asked (facts missing, a template broken); nothing was made."""


@dataclass(frozen=True)
class WithheldPart:
    """One part withheld under Art. 37: what it is, its legal basis (the label of a withholding
    basis) and, where the basis alone does not say it, why."""

    part: str
    basis: str
    reason: str = ""


@dataclass(frozen=True)
class LetterFacts:
    kind: LetterKind
    agency: str
    letter_number: str
    applicant: str
    received_on: dt.date | None
    content: str
    issued_on: dt.date | None
    # The facts of one outcome, by FACT_LABELS name (where_published, basis, searched …).
    details: Mapping[str, str] = field(default_factory=dict)
    provided: tuple[str, ...] = ()  # titles of the information provided (予以公开 / 部分公开)
    withheld: tuple[WithheldPart, ...] = ()
    # Lines of 补正 items, one a line (补正告知书).
    supplement_items: tuple[str, ...] = ()


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _numbered(lines: Sequence[str]) -> str:
    """（一）…（二）… one a line; past ten, plain numbers."""
    return "\n".join(
        f"（{_NUMERALS[i] if i < len(_NUMERALS) else i + 1}）{line}" for i, line in enumerate(lines)
    )


def _withheld_line(part: WithheldPart) -> str:
    reason = part.reason.strip().rstrip("。；")
    return f"{part.part.strip()}：{part.basis.strip()}" + (f"，{reason}" if reason else "") + "。"


def fact_values(facts: LetterFacts, remedy: str) -> dict[str, str]:
    """Every fact as the text that goes into the template; blank where the fact is missing."""
    values = {k: str(v).strip() for k, v in facts.details.items()}
    values.update(
        agency=facts.agency.strip(),
        letter_number=facts.letter_number.strip(),
        applicant=facts.applicant.strip(),
        received_on=chinese_date(facts.received_on) if facts.received_on else "",
        content=facts.content.strip(),
        issued_on=chinese_date(facts.issued_on) if facts.issued_on else "",
        remedy=remedy,
        provided=_numbered([t.strip() for t in facts.provided if t.strip()]),
        provided_count=str(len(facts.provided)) if facts.provided else "",
        withheld=_numbered([_withheld_line(p) for p in facts.withheld if p.part.strip() and p.basis.strip()]),
    )
    if facts.supplement_items:
        values["supplement_items"] = _numbered([t.strip() for t in facts.supplement_items if t.strip()])
    if incomplete := [p for p in facts.withheld if not (p.part.strip() and p.basis.strip())]:
        # A withheld part without its basis is no Art. 37 statement: refuse rather than drop it.
        raise LetterRefused(
            QT_TRANSLATE_NOOP("DeskError", "不予公开的部分“{part}”没有写明法律依据，不能生成答复书。"),
            part=incomplete[0].part.strip() or "（未写明）",
        )
    return values


def template_text(name: str, folders: Iterable[Path] = ()) -> str:
    """A template's text: from the first of `folders` holding it (a department's own), else shipped."""
    for folder in (*folders, TEMPLATE_DIR):
        path = folder / f"{name}.txt"
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise LetterRefused(
                    QT_TRANSLATE_NOOP("DeskError", "答复文书模板“{path}”无法读取：{reason}"),
                    path=str(path),
                    reason=str(exc),
                ) from exc
    raise LetterRefused(QT_TRANSLATE_NOOP("DeskError", "找不到答复文书模板“{name}.txt”。"), name=name)


def _fill(template: str, values: Mapping[str, str], *, name: str) -> tuple[str, list[str]]:
    """The template with its facts filled in, and the facts it needed and lacked."""
    missing: list[str] = []
    out: list[str] = []
    for line in template.splitlines():
        if line.startswith("#"):
            continue
        needed = _FACT.findall(line)
        unknown = [f for f in needed if f not in FACT_LABELS]
        if unknown:
            raise LetterRefused(
                QT_TRANSLATE_NOOP("DeskError", "答复文书模板“{name}”中的“{{{fact}}}”不是审发台认识的事实。"),
                name=name,
                fact=unknown[0],
            )
        lacking = [f for f in needed if not values.get(f)]
        if line.startswith("?"):
            if lacking:
                continue  # an optional line goes with its facts
            line = line[1:]
        missing += [f for f in lacking if f not in missing]
        filled = _FACT.sub(lambda m: values.get(m.group(1), ""), line)
        # A list fact on a line of its own (（一）… （二）…) becomes one paragraph per item.
        mark = filled[:1] if filled[:1] in _MARKS else ""
        out += [mark + part if i else part for i, part in enumerate(filled.split("\n"))]
    return "\n".join(out).strip("\n") + "\n", missing


# Facts the desk fills from the request itself; the others a clerk gives (template_facts).
KNOWN_FACTS = frozenset(
    {
        "agency",
        "letter_number",
        "applicant",
        "received_on",
        "content",
        "issued_on",
        "remedy",
        "provided",
        "provided_count",
        "withheld",
    }
)


def template_facts(kind: LetterKind, folders: Iterable[Path] = ()) -> list[str]:
    """The facts a clerk has to give for this letter, in the order its template names them
    (optional ones too: a form shows them all)."""
    lines = template_text(kind.value, tuple(folders)).splitlines()
    names = _FACT.findall("\n".join(line for line in lines if not line.startswith("#")))
    return [n for n in dict.fromkeys(names) if n not in KNOWN_FACTS and n in FACT_LABELS]


def letter_text(facts: LetterFacts, folders: Iterable[Path] = ()) -> str:
    """The letter filled from its template, with the template's line marks; refuses missing facts."""
    folders = tuple(folders)
    remedy = ""
    if facts.kind.remedy is not None:
        remedy, _ = _fill(template_text(facts.kind.remedy, folders), {}, name=facts.kind.remedy)
        remedy = " ".join(remedy.split("\n")).strip()
    text, missing = _fill(
        template_text(facts.kind.value, folders), fact_values(facts, remedy), name=facts.kind
    )
    if missing:
        raise LetterRefused(
            QT_TRANSLATE_NOOP("DeskError", "{kind}缺少以下内容，不能生成：{facts}。"),
            kind=facts.kind.label,
            facts="、".join(FACT_LABELS[f] for f in missing),
        )
    return text


def plain_text(text: str) -> str:
    """The letter as a reader sees it: the line marks taken off."""
    return "\n".join(line[1:] if line[:1] in _MARKS else line for line in text.splitlines())


def letter_title(text: str) -> str:
    """The letter's title: its first ^ line."""
    return next((line[1:].strip() for line in text.splitlines() if line.startswith("^")), "")


_CSS = (
    "body{font-size:14pt;line-height:1.75}"
    " h1{text-align:center;font-size:20pt;font-weight:bold;margin:0 0 6pt 0}"
    " p{margin:0} p.b{text-indent:2em} p.c{text-align:center;font-size:12pt;margin-bottom:14pt}"
    " p.r{text-align:right}"
)
_LINE_HTML = {
    "^": "<h1>{}</h1>",
    "=": '<p class="c">{}</p>',
    "|": "<p>{}</p>",
    ">": '<p class="r">{}</p>',
}


def letter_html(text: str) -> str:
    body = []
    for line in text.splitlines():
        mark = line[:1]
        if mark in _LINE_HTML:
            body.append(_LINE_HTML[mark].format(html.escape(line[1:].strip())))
        elif line.strip():
            body.append(f'<p class="b">{html.escape(line.strip())}</p>')
        else:
            body.append("<p>&nbsp;</p>")
    return "".join(body)


def letter_pdf(text: str) -> bytes:
    """A4 pages of the letter (marks laid out as the templates' README says), with the CJK font
    PyMuPDF carries embedded, and a page number under each page."""
    return paged_pdf(
        letter_html(text),
        letter_title(text) or "政府信息公开申请答复书",
        margins=(79, 72, 74, 80),  # about 公文's 28/26 mm margins
        css=_CSS,
        numbering=lambda number, _total: f"— {number} —",
        number_css="* {font-size:12pt; text-align:center}",
        number_at=(20, 44),
    )
