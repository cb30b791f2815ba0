"""The review workflow as one state machine: which action moves a document where, and who may do it.

草稿 → 待审查 → 已批准 → 已发布 → 已撤回, with 退回 (back to 草稿, with a reason) and 不予公开
(with its legal basis). The UI asks `available_actions`; every change goes through `perform`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.db.models import AuditEvent, Document, Interpretation, User
from app.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from app.roles import Role, Status
from app.submission import refuse_incomplete
from publish.taxonomy import LegalBasis


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REFUSE = "refuse"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return TRANSITIONS[self].label


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status
    role: Role
    label: str
    needs_reason: bool = False
    needs_basis: bool = False
    # 先审查、后公开 with separation of duties: whoever submitted or edited may not decide.
    independent: bool = False


TRANSITIONS: dict[Action, Transition] = {
    Action.SUBMIT: Transition(
        frozenset({Status.DRAFT}),
        Status.PENDING_REVIEW,
        Role.CLERK,
        QT_TRANSLATE_NOOP("Vocabulary", "提交审查"),
    ),
    Action.APPROVE: Transition(
        frozenset({Status.PENDING_REVIEW}),
        Status.APPROVED,
        Role.REVIEWER,
        QT_TRANSLATE_NOOP("Vocabulary", "批准"),
        independent=True,
    ),
    Action.RETURN: Transition(
        frozenset({Status.PENDING_REVIEW, Status.APPROVED}),
        Status.DRAFT,
        Role.REVIEWER,
        QT_TRANSLATE_NOOP("Vocabulary", "退回"),
        needs_reason=True,
    ),
    Action.REFUSE: Transition(
        frozenset({Status.PENDING_REVIEW}),
        Status.REFUSED,
        Role.REVIEWER,
        QT_TRANSLATE_NOOP("Vocabulary", "不予公开"),
        needs_basis=True,
        independent=True,
    ),
    Action.PUBLISH: Transition(
        frozenset({Status.APPROVED}),
        Status.PUBLISHED,
        Role.PUBLISHER,
        QT_TRANSLATE_NOOP("Vocabulary", "发布"),
    ),
    Action.WITHDRAW: Transition(
        frozenset({Status.PUBLISHED}),
        Status.WITHDRAWN,
        Role.PUBLISHER,
        QT_TRANSLATE_NOOP("Vocabulary", "撤回"),
        needs_reason=True,
    ),
}

# Audit actions that make a user an author of a document, and so not its independent reviewer.
AUTHORING_ACTIONS = ("document.import", "document.edit", "document.revise", "document.submit")


def authors(session: Session, document_id: int) -> set[str]:
    """Logins of everyone who imported, edited or submitted the document (from the audit trail)."""
    rows = session.scalars(
        select(AuditEvent.actor_login)
        .where(AuditEvent.document_id == document_id, AuditEvent.action.in_(AUTHORING_ACTIONS))
        .distinct()
    )
    return set(rows)


def refusal(
    document: Document, user: User, action: Action, session: Session
) -> InvalidTransition | PermissionDenied | None:
    """Why `user` may not do `action` on `document` now, or None if they may."""
    transition = TRANSITIONS[action]
    status = document.status_enum
    if status not in transition.sources:
        return InvalidTransition(
            QT_TRANSLATE_NOOP("DeskError", "文件“{title}”当前状态为“{status}”，不能执行“{action}”。"),
            title=document.title,
            status=status.label,
            action=transition.label,
        )
    if not user.has_role(transition.role):
        return PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{action}”需要{role}角色，{user}没有该角色。"),
            action=transition.label,
            role=transition.role.label,
            user=user.display_name,
        )
    if user.department_id is not None and user.department_id != document.department_id:
        return PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "文件“{title}”不属于{user}所在的部门。"),
            title=document.title,
            user=user.display_name,
        )
    if transition.independent and user.login in authors(session, document.id):
        return PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError", "{user}导入、修改或提交过文件“{title}”，按审查分离原则不能对其“{action}”。"
            ),
            user=user.display_name,
            title=document.title,
            action=transition.label,
        )
    return None


REVIEWS_MADE = "reviews_made"  # session.info key: reviews written in this unit of work


def _reviewed_now(session: Session, document_id: int, review_id: int | None) -> bool:
    from app.db.models import Review

    if review_id is None or review_id not in session.info.get(REVIEWS_MADE, ()):
        return False
    review = session.get(Review, review_id)
    return review is not None and review.document_id == document_id


def available_actions(session: Session, document: Document, user: User) -> list[Action]:
    return [a for a in Action if refusal(document, user, a, session) is None]


def get_document(session: Session, document_id: int, *, lock: bool = False) -> Document:
    """The document; with `lock`, its row locked for the rest of the transaction (PostgreSQL)."""
    document = (
        session.get(Document, document_id, with_for_update={"of": Document}, populate_existing=True)
        if lock
        else session.get(Document, document_id)
    )
    if document is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "文件 #{id} 不存在。"), id=document_id)
    return document


def load_for_update(session: Session, document_id: int, expected_version: int | None) -> Document:
    """The document as the user last saw it; a newer version means someone else got there first.

    The row is locked for the rest of the transaction (on PostgreSQL; SQLite writers are serialised
    anyway), so a second person acting at the same moment waits, then sees the newer version.
    """
    document = get_document(session, document_id, lock=True)
    if expected_version is not None and document.version != expected_version:
        raise ConflictError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "文件“{title}”在您打开后已被他人修改（版本 {seen} → {now}），您的操作没有执行。请刷新后重试。",
            ),
            title=document.title,
            seen=expected_version,
            now=document.version,
        )
    return document


def perform(
    session: Session,
    user: User,
    document_id: int,
    action: Action,
    *,
    expected_version: int | None,
    reason: str = "",
    basis: LegalBasis | None = None,
    review_id: int | None = None,
) -> Document:
    """Moves the document, or raises without changing anything. Audited in the same transaction.

    Approval needs `review_id`: the review (conclusion, verified published file, record) that
    app.reviewing.approve made in this transaction — there is no other way to approve.
    """
    document = load_for_update(session, document_id, expected_version)
    problem = refusal(document, user, action, session)
    if problem is not None:
        raise problem
    transition = TRANSITIONS[action]
    if action is Action.APPROVE and not _reviewed_now(session, document.id, review_id):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "批准须经保密审查：处理全部阻断级发现并生成发布版本后才能批准。")
        )
    if action is Action.SUBMIT:
        refuse_incomplete(session, document)
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“{action}”必须填写理由。"), action=transition.label
        )
    if transition.needs_basis and basis is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“{action}”必须选择法律依据（条例第十四、十五或十六条）。"),
            action=transition.label,
        )
    before = document.status
    document.status = transition.target
    document.status_reason = basis.value if basis is not None else reason
    session.flush()
    audit.record(
        session,
        user,
        f"document.{action.value}",
        document_id=document.id,
        before={"status": before},
        after={"status": document.status},
        reason=reason or None,
        basis=basis.value if basis else None,
    )
    if action in CASCADING:
        _cascade(session, user, document, before, action, reason, basis)
    return document


# Interpretations travel with their document: submitted, returned and refused together.
# (Approval and publishing take them along in app.reviewing and app.catalog.)
CASCADING = (Action.SUBMIT, Action.RETURN, Action.REFUSE)


def _cascade(
    session: Session,
    user: User,
    document: Document,
    before: str,
    action: Action,
    reason: str,
    basis: LegalBasis | None,
) -> None:
    companions = session.scalars(
        select(Interpretation.document_id)
        .join(Document, Document.id == Interpretation.document_id)
        .where(Interpretation.interprets_id == document.id, Document.status == before)
    )
    for companion_id in list(companions):
        perform(session, user, companion_id, action, expected_version=None, reason=reason, basis=basis)
