"""What the 保密审查单 says about a document beyond its findings: 审查编号, how, where and by when it is
to be disclosed, 密级核定, the rules applied by name, and the sign-off chain with the names the desk
knows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import desk_day, sign_off
from app.db.models import CheckRun, Document, Review
from publish.catalog import PROACTIVE_DEADLINE_WORKING_DAYS
from publish.taxonomy import DisclosureMode
from publish.workdays import add_working_days
from review.rules import MARKING, MARKING_LIKE_CATEGORIES

_CARRIERS = {
    DisclosureMode.PROACTIVE: "政府门户网站政府信息公开专栏（政府信息公开目录）",
    DisclosureMode.ON_REQUEST: "向申请人提供（不在网站公开）",
}
# A 密级标志 found by the rules, or a lexicon term of the marking kind (内部资料 …).
_MARKINGS = MARKING_LIKE_CATEGORIES | {MARKING.category}


def record_facts(
    session: Session,
    document: Document,
    run: CheckRun | None,
    reviewer: str,
    *,
    refused_on: str = "",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The ReviewRecord fields for `document` (keyword arguments). `refused_on`: the legal basis of
    a refusal, which the 密级核定 line then states."""
    today = today or desk_day.today()
    earlier = session.scalar(
        select(func.count()).select_from(Review).where(Review.document_id == document.id)
    )
    try:
        mode: DisclosureMode | None = DisclosureMode(document.disclosure)
    except ValueError:
        mode = None
    markings = sum(1 for row in run.findings if row.category in _MARKINGS) if run is not None else 0
    return {
        "review_number": review_number(document.department.name, today.year, document.id, (earlier or 0) + 1),
        "written_on": document.written_on.isoformat() if document.written_on else "",
        "disclosure": mode.label if mode is not None else "",
        "carrier": _CARRIERS.get(mode, "") if mode is not None else "",
        "planned_on": _planned_on(document, mode),
        "classification": _classification(markings, refused_on),
        "rules_applied": _rules_applied(document, run),
        # The department's chain as it stands now: a record once made keeps the chain it printed.
        "sign_off": sign_off.signed(
            sign_off.chain(session, document.department_id),
            reviewer,
            today.isoformat(),
            clerk=document.created_by.display_name,
        ),
    }


def review_number(department: str, year: int, document_id: int, ordinal: int) -> str:
    """The 审查编号: unique per review of a document, and stable: the document's number and which of
    its reviews this is (`ordinal`, from 1)."""
    return f"{department}保审〔{year}〕{document_id}-{ordinal}号"


def _planned_on(document: Document, mode: DisclosureMode | None) -> str:
    if mode is not DisclosureMode.PROACTIVE:
        return ""
    if document.written_on is None:
        return "批准后发布"
    due, _ = add_working_days(document.written_on, PROACTIVE_DEADLINE_WORKING_DAYS)
    return f"{due.isoformat()} 前（成文后 {PROACTIVE_DEADLINE_WORKING_DAYS} 个工作日内）"


def _classification(markings: int, refused_on: str) -> str:
    if refused_on:
        return f"不予公开（{refused_on}）"
    line = "经审查，拟公开内容不涉及国家秘密和工作秘密"
    if markings:
        line += f"；原件有 {markings} 处密级或内部标志，处理见第二部分"
    return line


def _rules_applied(document: Document, run: CheckRun | None) -> tuple[tuple[str, str], ...]:
    if run is None:
        return ()
    applied = [
        ("保密检查规则（密级标志、个人信息、隐藏内容、附件、图像文字识别）", f"引擎 {run.engine_version}"),
        (f"{document.department.name}敏感词库", run.lexicon_version),
    ]
    if run.rulepack_version:
        applied.append(("错敏/表述规则包（领导人职务、规范表述、过时提法、格式）", run.rulepack_version))
    return tuple(applied)
