"""The audit trail: every import, state change, decision and publish, as a SHA-256 hash chain.

Each event's hash covers its id, time, actor, action, document and detail plus the previous hash, so
a changed, inserted or deleted row breaks the chain at a place `verify` names. The head row makes
a truncated tail visible too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent, AuditHead, User
from app.errors import QT_TRANSLATE_NOOP

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(
    event_id: int,
    at: str,
    actor_login: str,
    action: str,
    document_id: int | None,
    detail: str,
    prev_hash: str,
) -> str:
    payload = canonical_json([event_id, at, actor_login, action, document_id, detail, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: User | None,
    action: str,
    *,
    document_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    """Appends an event in the caller's transaction: it commits or rolls back with the action itself."""
    head = session.scalars(select(AuditHead).where(AuditHead.id == 1).with_for_update()).one_or_none()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS_HASH)
        session.add(head)
    event_id = head.last_id + 1
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    login = actor.login if actor is not None else "system"
    detail_json = canonical_json(detail)
    digest = event_hash(event_id, at, login, action, document_id, detail_json, head.last_hash)
    event = AuditEvent(
        id=event_id,
        at=at,
        actor_login=login,
        action=action,
        document_id=document_id,
        detail=detail_json,
        prev_hash=head.last_hash,
        hash=digest,
    )
    session.add(event)
    head.last_id, head.last_hash = event_id, digest
    session.flush()
    return event


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    problem: str  # "modified" | "missing" | "relinked" | "truncated"

    @property
    def template(self) -> str:
        return _PROBLEM_TEMPLATES[self.problem]

    def describe(self) -> str:
        return self.template.format(event_id=self.event_id)


_PROBLEM_TEMPLATES = {
    "modified": QT_TRANSLATE_NOOP("DeskError", "审计事件 #{event_id} 的内容与其哈希不符（被修改）"),
    "missing": QT_TRANSLATE_NOOP("DeskError", "审计事件 #{event_id} 缺失（被删除）"),
    "relinked": QT_TRANSLATE_NOOP(
        "DeskError", "审计事件 #{event_id} 的前序哈希不符（其前有事件被插入、删除或修改）"
    ),
    "truncated": QT_TRANSLATE_NOOP("DeskError", "链尾缺失：最后的事件应为 #{event_id}（末尾事件被删除）"),
}


def verify(session: Session) -> tuple[int, list[ChainProblem]]:
    """Walks the whole chain; returns the number of events read and every problem found."""
    problems: list[ChainProblem] = []
    expected_id, prev, count = 1, GENESIS_HASH, 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=1000))
    for event in rows.scalars():
        count += 1
        problems.extend(ChainProblem(i, "missing") for i in range(expected_id, event.id))
        if event.prev_hash != prev:
            problems.append(ChainProblem(event.id, "relinked"))
        recomputed = event_hash(
            event.id,
            event.at,
            event.actor_login,
            event.action,
            event.document_id,
            event.detail,
            event.prev_hash,
        )
        if recomputed != event.hash:
            problems.append(ChainProblem(event.id, "modified"))
        expected_id, prev = event.id + 1, event.hash
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_id != expected_id - 1 or head.last_hash != prev):
        if head.last_id >= expected_id:
            problems.append(ChainProblem(head.last_id, "truncated"))
        else:
            problems.append(ChainProblem(expected_id - 1, "modified"))
    return count, problems
