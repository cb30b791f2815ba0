"""The sign-off chain of a department's 保密审查单: the steps its record is signed in, set by the
department's administrator; a department that set none uses review.record.DEFAULT_SIGN_OFF.

Records are stored PDFs: a changed chain is printed on records made from then on, never on one
already made."""

from __future__ import annotations

import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit, field_limits
from app.db.models import User
from app.db.models_settings import SignOffStep
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.roles import Role
from review.record import DEFAULT_SIGN_OFF, SignOff, default_sign_off

MAX_STEPS = 8  # a record's sign-off table on one page


def chain(session: Session, department_id: int | None) -> tuple[str, ...]:
    """The department's steps in order."""
    if department_id is None:
        return DEFAULT_SIGN_OFF
    steps = session.scalars(
        select(SignOffStep.role)
        .where(SignOffStep.department_id == department_id)
        .order_by(SignOffStep.position)
    ).all()
    return tuple(steps) or DEFAULT_SIGN_OFF


def is_default(session: Session, department_id: int | None) -> bool:
    return (
        department_id is None
        or session.scalar(
            select(SignOffStep.position).where(SignOffStep.department_id == department_id).limit(1)
        )
        is None
    )


def split_steps(text: str) -> list[str]:
    """Steps as a person types them in one line: separated by arrows, commas, 、 or spaces."""
    return [s for s in re.split(r"[→>\-、,，;；\s]+", text) if s]


def signed(steps: tuple[str, ...], reviewer: str, reviewed_on: str, clerk: str) -> tuple[SignOff, ...]:
    """The chain with the names the desk knows: the clerk's at 经办人, the reviewer's (and the date) at
    保密审查员; other steps are left for a pen."""
    return default_sign_off(reviewer, reviewed_on, clerk, steps)


def set_chain(session: Session, user: User, steps: list[str]) -> tuple[str, ...]:
    """Replaces the user's department's chain (its administrator only), audited with before and after.
    Steps equal to the default chain store nothing: the department follows the default again."""
    if not user.has_role(Role.ADMIN) or user.department_id is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有本部门的系统管理员可以设置保密审查单的签批环节。")
        )
    steps = [s.strip() for s in steps if s.strip()]
    if not steps:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请至少填写一个签批环节。"))
    if len(steps) > MAX_STEPS:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "签批环节最多 {most} 个，填写了 {count} 个。"),
            most=MAX_STEPS,
            count=len(steps),
        )
    repeated = sorted({s for s in steps if steps.count(s) > 1})
    if repeated:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "签批环节重复：{steps}。"), steps="、".join(repeated)
        )
    for step in steps:
        field_limits.check(SignOffStep.role, step, item=step)
    before = chain(session, user.department_id)
    session.execute(delete(SignOffStep).where(SignOffStep.department_id == user.department_id))
    if tuple(steps) != DEFAULT_SIGN_OFF:
        session.add_all(
            SignOffStep(department_id=user.department_id, position=i, role=role, updated_by_id=user.id)
            for i, role in enumerate(steps)
        )
    session.flush()
    audit.record(
        session,
        user,
        "sign_off.update",
        department_id=user.department_id,
        before={"steps": list(before)},
        after={"steps": steps},
    )
    return tuple(steps)
