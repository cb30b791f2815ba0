"""Words of the workflow that need no database: the document queues, review conclusions and
decisions on findings. They live apart so the CLI can offer them as choices without loading the
database layer (`check` and every `--help` stay fast)."""

from __future__ import annotations

from enum import StrEnum

from review.errors import QT_TRANSLATE_NOOP


class Queue(StrEnum):
    MY_DRAFTS = "my_drafts"
    TO_REVIEW = "to_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    ALL = "all"

    @property
    def label(self) -> str:
        return _QUEUE_LABELS[self]


_QUEUE_LABELS = {
    Queue.MY_DRAFTS: QT_TRANSLATE_NOOP("Vocabulary", "我的草稿"),
    Queue.TO_REVIEW: QT_TRANSLATE_NOOP("Vocabulary", "待我审查"),
    Queue.APPROVED: QT_TRANSLATE_NOOP("Vocabulary", "已批准待发布"),
    Queue.PUBLISHED: QT_TRANSLATE_NOOP("Vocabulary", "已发布"),
    Queue.ALL: QT_TRANSLATE_NOOP("Vocabulary", "全部文件"),
}


class Conclusion(StrEnum):
    DISCLOSE = "disclose"  # 同意公开
    DISCLOSE_REDACTED = "disclose_redacted"  # 删减后公开
    ON_REQUEST = "on_request"  # 依申请公开

    @property
    def label(self) -> str:
        return _CONCLUSION_LABELS[self]


_CONCLUSION_LABELS = {
    Conclusion.DISCLOSE: QT_TRANSLATE_NOOP("Vocabulary", "同意公开"),
    Conclusion.DISCLOSE_REDACTED: QT_TRANSLATE_NOOP("Vocabulary", "删减后公开"),
    Conclusion.ON_REQUEST: QT_TRANSLATE_NOOP("Vocabulary", "依申请公开"),
}

REMOVE, MASK, KEEP, FALSE_ALARM = "remove", "mask", "keep", "false_alarm"
DECISIONS = (REMOVE, MASK, KEEP, FALSE_ALARM)
