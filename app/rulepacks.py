"""A department's own 错敏/表述 rule packs: CSV files stored beside its lexicon and merged over the
shipped packs (review.wording.packs) in every check of the department's documents."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, field_limits, imported_csv
from app.db.models import DepartmentRulePack, User
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.roles import Role
from review.wording import packs
from review.wording.packs import PackIssue, RulePack


@dataclass(frozen=True)
class StoredPack:
    name: str
    rows: int
    switched_off: int  # rows with 级别 停用: shipped rules this department turned off
    updated_at: str


def _rows(session: Session, department_id: int | None) -> list[DepartmentRulePack]:
    if department_id is None:
        return []
    return list(
        session.scalars(
            select(DepartmentRulePack)
            .where(DepartmentRulePack.department_id == department_id)
            .order_by(DepartmentRulePack.name)
        )
    )


def department_sources(session: Session, department_id: int | None) -> tuple[tuple[str, bytes], ...]:
    """The department's files as (name, content), in name order: what CheckOptions.rulepacks takes."""
    return tuple((r.name, r.csv.encode("utf-8")) for r in _rows(session, department_id))


def stored_packs(session: Session, department_id: int | None) -> list[StoredPack]:
    out = []
    for row in _rows(session, department_id):
        pack = packs.parse_bytes(row.name, row.csv.encode("utf-8"))
        out.append(
            StoredPack(row.name, _count(pack), _switched_off(pack), row.updated_at.strftime("%Y-%m-%d %H:%M"))
        )
    return out


def merged_version(session: Session, department_id: int | None) -> str:
    """The version a check of the department's documents records (shipped packs plus its own)."""
    return packs.load([*packs.shipped_sources(), *department_sources(session, department_id)]).version


def save_rulepack(session: Session, user: User, name: str, content: bytes) -> list[PackIssue]:
    """Stores one file of the user's department (replacing the one of the same name); returns the
    problems of rows that were skipped. A file nothing can be read from is refused.

    Reviewers add rules; turning shipped rules off (级别 停用) or replacing a file so that rules go
    takes them out of every later check, so only an administrator may."""
    department_id = _editor(user)
    name = PurePath(name.replace("\\", "/")).name.strip()
    if not name.lower().endswith(".csv"):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "规则包须为 CSV 文件（.csv）：{name}"), name=name
        )
    field_limits.check(DepartmentRulePack.name, name, item=name)
    imported_csv.check_size(name, content)
    with contextlib.suppress(UnicodeDecodeError):  # parse_bytes names it
        # The file is stored as it came and exported so again: every cell is checked, not only rules.
        imported_csv.refuse_unsafe(imported_csv.cells(name, content.decode("utf-8-sig")))
    pack = packs.parse_bytes(name, content)
    if _count(pack) == 0:
        reasons = "；".join(f"第 {i.line} 行：{i.message}" for i in pack.issues) or "文件中没有规则"
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "规则包“{name}”中没有可用的规则，未导入：{reasons}"),
            name=name,
            reasons=reasons,
        )
    row = session.scalars(
        select(DepartmentRulePack).where(
            DepartmentRulePack.department_id == department_id, DepartmentRulePack.name == name
        )
    ).one_or_none()
    before = packs.parse_bytes(name, row.csv.encode("utf-8")) if row is not None else RulePack()
    if not user.has_role(Role.ADMIN) and (_switched_off(pack) or _keys(before) - _keys(pack)):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "停用规则或删去已有规则须由系统管理员进行（规则包“{name}”），未导入。",
            ),
            name=name,
        )
    version_before = merged_version(session, department_id)
    text = content.decode("utf-8-sig")
    if row is None:
        session.add(
            DepartmentRulePack(department_id=department_id, name=name, csv=text, updated_by_id=user.id)
        )
    else:
        row.csv, row.updated_by_id = text, user.id
    session.flush()
    audit.record(
        session,
        user,
        "rulepack.update",
        department_id=department_id,
        name=name,
        rows=_count(pack),
        switched_off=_switched_off(pack),
        removed=sorted(_keys(before) - _keys(pack)),
        before={"version": version_before},
        after={"version": merged_version(session, department_id)},
    )
    return pack.issues


def remove_rulepack(session: Session, user: User, name: str) -> None:
    """Takes one of the department's files out of every later check (administrators only)."""
    department_id = _editor(user)
    if not user.has_role(Role.ADMIN):
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以删除部门规则包。"))
    row = session.scalars(
        select(DepartmentRulePack).where(
            DepartmentRulePack.department_id == department_id, DepartmentRulePack.name == name
        )
    ).one_or_none()
    if row is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "本部门没有规则包“{name}”。"), name=name)
    version_before = merged_version(session, department_id)
    session.delete(row)
    session.flush()
    audit.record(
        session,
        user,
        "rulepack.remove",
        department_id=department_id,
        name=name,
        before={"version": version_before},
        after={"version": merged_version(session, department_id)},
    )


def _editor(user: User) -> int:
    if not (user.has_role(Role.ADMIN) or user.has_role(Role.REVIEWER)) or user.department_id is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有本部门的保密审查员或系统管理员可以修改部门规则包。")
        )
    return user.department_id


def _count(pack: RulePack) -> int:
    return len(_keys(pack))


def _keys(pack: RulePack) -> set[str]:
    """Every row of the pack by its kind and key (what a later file's row replaces)."""
    parts: list[tuple[str, Mapping[Any, Any]]] = [
        ("posts", pack.posts),
        ("tenures", pack.tenures),
        ("precedence", pack.precedence),
        ("expressions", pack.expressions),
        ("wrong_forms", pack.wrong_forms),
        ("outdated", pack.outdated),
        ("allowed", pack.allowed),
    ]
    return {f"{kind}:{key}" for kind, rows in parts for key in rows}


def _switched_off(pack: RulePack) -> int:
    severities = [
        *(r.severity for r in pack.expressions.values()),
        *(r.severity for r in pack.wrong_forms.values()),
        *(r.severity for r in pack.outdated.values()),
    ]
    return severities.count(None)
