"""What a draft must say before it goes to review: the catalog fields publishing cannot do without.

Told at submission, so that a clerk fills them before review: a reviewed document missing a field
only its clerk can fill is stuck before 发布 (the reviewer would have to return it and review it
again)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.catalog import proposed_fields
from app.categories import leaves
from publish.catalog import lint

# Fields publishing refuses without, and that only the clerk's 文件信息 sets.
REQUIRED_AT_SUBMISSION = ("title", "written_on", "category")


def missing_for_submission(session: Session, document_id: int) -> list[str]:
    """The blocking catalog problems of the fields a clerk must fill, as messages."""
    fields = proposed_fields(session, document_id, dt.date.today())
    return [
        issue.message
        for issue in lint(fields, leaves=leaves(session))
        if issue.blocking and issue.field in REQUIRED_AT_SUBMISSION
    ]
