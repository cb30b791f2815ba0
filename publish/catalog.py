"""The disclosure catalog entry (政府信息公开目录) and the lint run on it before publishing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from publish.taxonomy import NATIONAL_CATEGORIES
from publish.workdays import working_days_between
from review.errors import QT_TRANSLATE_NOOP

PROACTIVE_DEADLINE_WORKING_DAYS = 20  # 条例 Art. 26


class Validity(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REPEALED = "repealed"
    AMENDED = "amended"

    @property
    def label(self) -> str:
        return _VALIDITY_LABELS[self]


_VALIDITY_LABELS = {
    Validity.VALID: QT_TRANSLATE_NOOP("Vocabulary", "有效"),
    Validity.EXPIRED: QT_TRANSLATE_NOOP("Vocabulary", "失效"),
    Validity.REPEALED: QT_TRANSLATE_NOOP("Vocabulary", "废止"),
    Validity.AMENDED: QT_TRANSLATE_NOOP("Vocabulary", "已修改"),
}


@dataclass(frozen=True)
class CatalogFields:
    """What an entry says about the item (the 索引号 is allocated on publishing)."""

    title: str  # 信息名称
    publisher: str  # 发布机构 (full name)
    written_on: dt.date | None  # 成文日期
    published_on: dt.date  # 发布日期
    doc_number: str  # 发文字号
    category: str  # 主题分类 (a leaf, shown 大类\\子类)
    doc_type: str  # 公文种类
    keywords: tuple[str, ...]  # 主题词
    summary: str  # 内容概述
    disclosure: str  # 公开方式 (DisclosureMode)
    scope: str = "面向社会"  # 公开范围
    validity: Validity = Validity.VALID
    effective_on: dt.date | None = None  # 施行日期 (规章/规范性文件)
    valid_until: dt.date | None = None  # 有效期至 (规章/规范性文件, optional)


@dataclass(frozen=True)
class LintIssue:
    field: str
    blocking: bool  # True: must be fixed before publishing; False: a warning to read
    template: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params))


_DOC_NUMBER = re.compile(r"^\S+〔\d{4}〕\d+号$")
_WRONG_BRACKETS = re.compile(r"[\[［(（【{]\s*(\d{4})\s*[\]］)）】}]")


def lint(
    fields: CatalogFields,
    summary_max: int = 300,
    today: dt.date | None = None,
    leaves: set[str] | None = None,
) -> list[LintIssue]:
    """Problems of an entry. `leaves`: the 主题分类 tree's leaves (default: the national top level)."""
    today = today or dt.date.today()
    issues: list[LintIssue] = []
    title = fields.title.strip()
    if len(title) < 6 or re.search(r"\.(pdf|docx?|ofd|txt)$", title, re.I):
        issues.append(
            LintIssue(
                "title",
                True,
                QT_TRANSLATE_NOOP("DeskError", "信息名称应为文件全称，而不是“{title}”。"),
                (("title", title),),
            )
        )
    number = fields.doc_number.strip()
    if number and not _DOC_NUMBER.match(number):
        fixed = _WRONG_BRACKETS.sub(r"〔\1〕", number)
        issues.append(
            LintIssue(
                "doc_number",
                True,
                QT_TRANSLATE_NOOP(
                    "DeskError", "发文字号“{number}”格式不对：年份须用六角括号〔〕，如“{fixed}”。"
                ),
                (("number", number), ("fixed", fixed if fixed != number else "国发〔2018〕43号")),
            )
        )
    if fields.written_on is not None:
        if fields.written_on > fields.published_on:
            issues.append(
                LintIssue("written_on", True, QT_TRANSLATE_NOOP("DeskError", "成文日期晚于发布日期。"))
            )
        elif fields.written_on > today:
            issues.append(
                LintIssue("written_on", True, QT_TRANSLATE_NOOP("DeskError", "成文日期在今天之后。"))
            )
        else:
            elapsed, exact = working_days_between(fields.written_on, fields.published_on)
            if fields.disclosure == "proactive" and elapsed > PROACTIVE_DEADLINE_WORKING_DAYS:
                issues.append(
                    LintIssue(
                        "published_on",
                        False,
                        QT_TRANSLATE_NOOP(
                            "DeskError",
                            "发布日期距成文日期已 {days} 个工作日，超过条例第二十六条的 20 个工作日{note}。",
                        ),
                        (
                            ("days", str(elapsed)),
                            ("note", "" if exact else "（该年节假日安排未知，仅按周末计算）"),
                        ),
                    )
                )
    else:
        issues.append(LintIssue("written_on", True, QT_TRANSLATE_NOOP("DeskError", "缺少成文日期。")))
    known = leaves if leaves is not None else set(NATIONAL_CATEGORIES)
    if not fields.category.strip():
        issues.append(LintIssue("category", True, QT_TRANSLATE_NOOP("DeskError", "缺少主题分类。")))
    elif children := [k for k in sorted(known) if k.startswith(fields.category + "\\")]:
        issues.append(
            LintIssue(
                "category",
                True,
                QT_TRANSLATE_NOOP(
                    "DeskError", "主题分类“{category}”下设子类，请选择其中一个，如“{example}”。"
                ),
                (("category", fields.category), ("example", children[0])),
            )
        )
    elif fields.category not in known and (leaves is not None or fields.category.split("\\")[0] not in known):
        issues.append(
            LintIssue(
                "category",
                True,
                QT_TRANSLATE_NOOP("DeskError", "主题分类“{category}”不是分类表中的末级分类。"),
                (("category", fields.category),),
            )
        )
    if fields.effective_on and fields.valid_until and fields.valid_until < fields.effective_on:
        issues.append(
            LintIssue("valid_until", True, QT_TRANSLATE_NOOP("DeskError", "有效期截止日期早于施行日期。"))
        )
    if not fields.summary.strip():
        issues.append(LintIssue("summary", False, QT_TRANSLATE_NOOP("DeskError", "内容概述为空。")))
    elif len(fields.summary) > summary_max:
        issues.append(
            LintIssue(
                "summary",
                True,
                QT_TRANSLATE_NOOP("DeskError", "内容概述有 {length} 字，超过 {limit} 字。"),
                (("length", str(len(fields.summary))), ("limit", str(summary_max))),
            )
        )
    if not fields.doc_type:
        issues.append(LintIssue("doc_type", False, QT_TRANSLATE_NOOP("DeskError", "未选公文种类。")))
    return issues


def shown_validity(legal_kind: str, validity: str) -> str:
    """有效性 as a catalog shows it: only 规章 and 规范性文件 have one; empty for everything else
    (news, notices, every other kind), whatever the entry row holds."""
    return Validity(validity).label if legal_kind else ""


def validity_issue(validity: Validity, amended_on: dt.date | None, amended_by: str) -> LintIssue | None:
    """已修改 says when and by which document: refused without either."""
    if validity is not Validity.AMENDED or (amended_on is not None and amended_by.strip()):
        return None
    if amended_on is None and not amended_by.strip():
        template = QT_TRANSLATE_NOOP("DeskError", "标为“已修改”须写明修改日期和修改文件（发文字号或标题）。")
    elif amended_on is None:
        template = QT_TRANSLATE_NOOP("DeskError", "标为“已修改”须写明修改日期。")
    else:
        template = QT_TRANSLATE_NOOP("DeskError", "标为“已修改”须写明修改文件（发文字号或标题）。")
    return LintIssue("amended", True, template)
