"""解密/降密 records: a 密级 marking is kept (保留) or called a false alarm (误报) only on a record
of the decision that declassified it — 定密机关, date, 文号 or 审批单 — entered by the reviewer and
confirmed by a second person (an administrator, or another reviewer of the department).

The desk also works out from 成文日期 and the marked term (★1年, ★2027年3月1日, or the 保密法
defaults 绝密30年/机密20年/秘密10年) whether the term has run out. That is shown, not decisive:
a term that ran out does not declassify by itself, and an early 解密 is lawful with its record.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, desk_day, field_limits
from app.checking import latest_run
from app.db.models import Declassification, Document, FindingRow, User, utcnow
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.redaction import FALSE_ALARM, KEEP
from app.roles import Role
from app.workflow import Action, authors, get_document, refusal
from review import rules

MARKING_RULES = frozenset({rules.MARKING.id, rules.PARAGRAPH_MARKING.id})
# 保密法 第十五条: without a marked term, 绝密 30 years, 机密 20, 秘密 10.
DEFAULT_YEARS = {"绝密": 30, "机密": 20, "秘密": 10}

TERM_EXPIRED = QT_TRANSLATE_NOOP("Vocabulary", "保密期限已满")
TERM_RUNNING = QT_TRANSLATE_NOOP("Vocabulary", "保密期限未满（至 {date}）")
TERM_LONG = QT_TRANSLATE_NOOP("Vocabulary", "保密期限为长期")
TERM_NO_DATE = QT_TRANSLATE_NOOP("Vocabulary", "成文日期未填，无法判断保密期限是否已满")
TERM_UNKNOWN = QT_TRANSLATE_NOOP("Vocabulary", "标志未写明密级或期限，无法判断保密期限是否已满")
STATUS_NONE = QT_TRANSLATE_NOOP("Vocabulary", "尚无解密/降密记录")
STATUS_PENDING = QT_TRANSLATE_NOOP(
    "Vocabulary", "解密记录：{authority} {date} {reference}，{entered}录入，待第二人确认"
)
STATUS_CONFIRMED = QT_TRANSLATE_NOOP(
    "Vocabulary", "解密记录：{authority} {date} {reference}，{entered}录入，{confirmed}确认"
)


def _untranslated(context: str, text: str) -> str:
    return text


Translate = Callable[[str, str], str]


@dataclass(frozen=True)
class _Term:
    level: str | None
    years: int | None = None  # marked or default
    until: dt.date | None = None  # a marked 解密 date
    long: bool = False  # ★长期


def _parse(marking: str) -> _Term:
    text = unicodedata.normalize("NFKC", marking).replace("*", "★").replace(" ", "")
    level = next((lv for lv in DEFAULT_YEARS if lv in text), None)
    if "长期" in text:
        return _Term(level, long=True)
    if m := re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        try:
            return _Term(level, until=dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return _Term(level)
    if m := re.search(r"(\d{1,2})年", text):
        return _Term(level, years=int(m[1]))
    if "解密时间" in text or level is None:
        return _Term(level)  # a template left unfilled, or no level at all: nothing to compute
    return _Term(level, years=DEFAULT_YEARS[level])


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def expires_on(marking: str, written_on: dt.date | None) -> dt.date | None:
    """The day the marked term runs out, or None (长期, no 成文日期, or nothing to compute from)."""
    term = _parse(marking)
    if term.until is not None:
        return term.until
    if term.years is None or written_on is None:
        return None
    return _add_years(written_on, term.years)


def term_expired(marking: str, written_on: dt.date | None, today: dt.date | None = None) -> bool | None:
    """Whether the term has run out; None when the desk cannot tell."""
    if _parse(marking).long:
        return False
    end = expires_on(marking, written_on)
    return None if end is None else (today or desk_day.today()) >= end


def describe_term(
    marking: str,
    written_on: dt.date | None,
    today: dt.date | None = None,
    translate: Translate = _untranslated,
) -> str:
    term = _parse(marking)
    if term.long:
        return translate("Vocabulary", TERM_LONG)
    end = expires_on(marking, written_on)
    if end is None:
        needs_date = term.until is None and term.years is not None
        return translate("Vocabulary", TERM_NO_DATE if needs_date else TERM_UNKNOWN)
    if (today or desk_day.today()) >= end:
        return translate("Vocabulary", TERM_EXPIRED)
    return translate("Vocabulary", TERM_RUNNING).format(date=end.isoformat())


def required_for(finding: FindingRow) -> bool:
    """A 密级 marking: keeping it or calling it a false alarm needs a confirmed record."""
    return finding.rule_id in MARKING_RULES


def record_of(session: Session, finding_id: int) -> Declassification | None:
    return session.scalar(select(Declassification).where(Declassification.finding_id == finding_id))


def _finding_and_document(session: Session, finding_id: int) -> tuple[FindingRow, Document]:
    finding = session.get(FindingRow, finding_id)
    if finding is None or not required_for(finding):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "只有密级标志需要解密/降密记录。"))
    document = get_document(session, finding.check_run.document_id)
    run = latest_run(session, document.id)
    if run is None or run.id != finding.check_run_id:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该发现不属于文件的最新检查结果，请刷新。"))
    return finding, document


def enter(
    session: Session,
    user: User,
    finding_id: int,
    authority: str,
    decided_on: dt.date,
    reference: str,
) -> Declassification:
    """The reviewer records the 解密/降密 decision; it counts once a second person confirms it."""
    finding, document = _finding_and_document(session, finding_id)
    problem = refusal(document, user, Action.APPROVE, session)
    if problem is not None:
        raise problem
    authority, reference = authority.strip(), reference.strip()
    if not authority:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写定密机关（作出解密/降密决定的机关）。"))
    if not reference:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写解密/降密决定的文号或审批单编号。"))
    field_limits.check(Declassification.authority, authority)
    field_limits.check(Declassification.reference, reference)
    if decided_on > desk_day.today():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "解密/降密决定的日期不能晚于今天。"))
    row = record_of(session, finding_id)
    if row is not None and row.confirmed_by_id is not None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "该密级标志的解密记录已确认，不能再修改；如有错误请重新检查文件后重新录入。"
            )
        )
    before = None if row is None else {"authority": row.authority, "reference": row.reference}
    if row is None:
        row = Declassification(finding_id=finding_id)
        session.add(row)
    row.authority, row.decided_on, row.reference = authority, decided_on, reference
    row.term_expired = term_expired(finding.text, document.written_on)
    row.entered_by_id, row.entered_at = user.id, utcnow()
    session.flush()
    audit.record(
        session,
        user,
        "declassification.enter",
        document_id=document.id,
        finding=finding_id,
        before=before,
        after={
            "authority": authority,
            "decided_on": decided_on.isoformat(),
            "reference": reference,
            "term_expired": row.term_expired,
        },
    )
    return row


def confirm(session: Session, user: User, finding_id: int) -> Declassification:
    """A second person — an administrator or another reviewer of the department — confirms the record."""
    _, document = _finding_and_document(session, finding_id)
    row = record_of(session, finding_id)
    if row is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该密级标志还没有解密/降密记录，无需确认。"))
    if row.confirmed_by_id is not None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该解密记录已经确认过。"))
    if not (user.has_role(Role.ADMIN) or user.has_role(Role.REVIEWER)) or (
        user.department_id is not None and user.department_id != document.department_id
    ):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "解密记录须由本部门的系统管理员或另一名保密审查员确认。")
        )
    if user.id == row.entered_by_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "录入解密记录的人不能自己确认，须由另一名审查员或系统管理员确认。")
        )
    if user.login in authors(session, document.id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "{user}导入、修改或提交过文件“{title}”，不能确认其解密记录。"),
            user=user.display_name,
            title=document.title,
        )
    row.confirmed_by_id, row.confirmed_at = user.id, utcnow()
    session.flush()
    audit.record(
        session,
        user,
        "declassification.confirm",
        document_id=document.id,
        finding=finding_id,
        reference=row.reference,
        entered_by=row.entered_by_id,
    )
    return row


def check_decision(session: Session, finding: FindingRow, decision: str) -> None:
    """Refuses 保留/误报 on a marking without a record a second person confirmed."""
    if decision not in (KEEP, FALSE_ALARM) or not required_for(finding):
        return
    row = record_of(session, finding.id)
    document = session.get_one(Document, finding.check_run.document_id)
    term = describe_term(finding.text, document.written_on)
    if row is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "密级标志“{text}”不能由一人判为保留或误报：须先录入解密/降密记录（定密机关、日期、文号或审批单），"
                "并由另一名审查员或系统管理员确认。{term}。",
            ),
            text=finding.text,
            term=term,
        )
    if row.confirmed_by_id is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError", "密级标志“{text}”的解密记录尚待另一名审查员或系统管理员确认。{term}。"
            ),
            text=finding.text,
            term=term,
        )


def status_text(session: Session, finding_id: int, translate: Translate = _untranslated) -> str:
    """One line for the desk, the CLI and the review record: the record, who did what, the term."""
    finding = session.get_one(FindingRow, finding_id)
    document = session.get_one(Document, finding.check_run.document_id)
    term = describe_term(finding.text, document.written_on, translate=translate)
    row = record_of(session, finding_id)
    if row is None:
        return f"{translate('Vocabulary', STATUS_NONE)}；{term}"
    entered = session.get_one(User, row.entered_by_id).display_name
    values = {
        "authority": row.authority,
        "date": row.decided_on.isoformat(),
        "reference": row.reference,
        "entered": entered,
    }
    if row.confirmed_by_id is None:
        text = translate("Vocabulary", STATUS_PENDING).format(**values)
    else:
        confirmed = session.get_one(User, row.confirmed_by_id).display_name
        text = translate("Vocabulary", STATUS_CONFIRMED).format(**values, confirmed=confirmed)
    return f"{text}；{term}"
