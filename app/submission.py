"""What a draft must say before it goes to review: the catalog fields publishing cannot do without.

Refused at submission, so that a clerk fills them before review: a reviewed document missing a field
only its clerk can fill is stuck before 发布 (the reviewer would have to return it and review it
again). 成文日期 and 信息名称 are the document's own, and the check judges as of 成文日期, so they are
the clerk's; 主题分类 is asked here too, and the publisher may still change it at publishing.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import desk_day
from app.categories import leaves
from app.db.models import Document
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from publish.catalog import LintIssue, lint

# Fields publishing refuses without, and that the clerk's 文件信息 sets.
REQUIRED_AT_SUBMISSION = ("title", "written_on", "category")

_LABELS = {
    "title": QT_TRANSLATE_NOOP("Vocabulary", "信息名称"),
    "written_on": QT_TRANSLATE_NOOP("Vocabulary", "成文日期"),
    "category": QT_TRANSLATE_NOOP("Vocabulary", "主题分类"),
    "publisher": QT_TRANSLATE_NOOP("Vocabulary", "发布机构"),
}


class IncompleteSubmission(ValidationFailed):
    """A draft sent to review without the catalog fields publishing needs: the desk offers 文件信息."""


def missing_for_submission(session: Session, document_id: int) -> list[LintIssue]:
    """The blocking catalog problems of the fields a clerk must fill.

    A request's answer or disclosed copy never enters the catalog (app.request_answers), so it needs
    none of them. An interpretation is filed under its document's 主题分类 (proposed_fields)."""
    # Imported here: the workflow and the catalog import this module, and these import them.
    from app.catalog import proposed_fields
    from app.request_answers import request_of_document

    if request_of_document(session, document_id) is not None:
        return []
    fields = proposed_fields(session, document_id, desk_day.today())
    return [
        issue
        for issue in lint(fields, today=desk_day.today(), leaves=leaves(session))
        if issue.blocking and issue.field in REQUIRED_AT_SUBMISSION
    ]


def issues_sentence(issues: list[LintIssue]) -> str:
    """The issues as one clause: empty fields first ("缺少成文日期、主题分类"), then the others, joined
    by "；" without their own full stops (the caller's template ends the sentence)."""
    empty = [i.field for i in issues if i.template.startswith("缺少")]
    parts = ["缺少" + "、".join(_LABELS.get(f, f) for f in empty)] if empty else []
    parts += [i.message.rstrip("。") for i in issues if i.field not in empty]
    return "；".join(parts)


def refuse_incomplete(session: Session, document: Document) -> None:
    """Refuses to submit a draft whose catalog fields are not complete, naming every one."""
    issues = missing_for_submission(session, document.id)
    if issues:
        raise IncompleteSubmission(
            QT_TRANSLATE_NOOP(
                "DeskError", "“{title}”还不能提交审查：{problems}。请在“文件信息”中补全后再提交。"
            ),
            title=document.title,
            problems=issues_sentence(issues),
        )
