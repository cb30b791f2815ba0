"""Roles a user can hold, and document states, with their Chinese labels."""

from __future__ import annotations

from enum import StrEnum

from review.errors import QT_TRANSLATE_NOOP


class Role(StrEnum):
    CLERK = "clerk"
    REVIEWER = "reviewer"
    PUBLISHER = "publisher"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.CLERK: QT_TRANSLATE_NOOP("Vocabulary", "经办人"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Vocabulary", "保密审查员"),
    Role.PUBLISHER: QT_TRANSLATE_NOOP("Vocabulary", "发布管理员"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Vocabulary", "系统管理员"),
}


class Status(StrEnum):
    DRAFT = "draft"
    PENDING_REVIEW = "pending_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.DRAFT: QT_TRANSLATE_NOOP("Vocabulary", "草稿"),
    Status.PENDING_REVIEW: QT_TRANSLATE_NOOP("Vocabulary", "待审查"),
    Status.APPROVED: QT_TRANSLATE_NOOP("Vocabulary", "已批准"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("Vocabulary", "已发布"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "已撤回"),
    Status.REFUSED: QT_TRANSLATE_NOOP("Vocabulary", "不予公开"),
}
