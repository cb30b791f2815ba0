"""The sample workspace: a department, a clerk and a reviewer, and generated drafts to work on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import desk_day, interpretations, users
from app.checking import check_document
from app.db.database import Database
from app.db.models import Department, Document, User
from app.documents import Draft, import_draft
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed
from app.roles import Role
from app.workflow import Action, perform
from publish.taxonomy import InterpretationForm
from review.formats import probe
from review.samples import demo_documents

DEMO_DEPARTMENT = "示例市政务服务和数据管理局"
DEMO_DEPARTMENT_CODE = "MB1234567"
DEMO_PASSWORD = "demo-2026"
DEMO_CATEGORY = "综合政务\\政务公开"


@dataclass(frozen=True)
class DemoAccount:
    login: str
    display_name: str
    roles: tuple[Role, ...]


DEMO_ACCOUNTS = (
    DemoAccount("admin", "系统管理员", (Role.ADMIN,)),
    DemoAccount("clerk", "王经办", (Role.CLERK,)),
    DemoAccount("reviewer", "李审查", (Role.REVIEWER,)),
    DemoAccount("publisher", "赵发布", (Role.PUBLISHER,)),
)


DEMO_INTERPRETATION = (
    "<h1>一、为什么出台本文件？</h1><p>为规范相关工作流程，明确各方职责，制定本文件。</p>"
    "<h1>二、主要内容有哪些？</h1><ol><li>明确适用范围；</li><li>细化办理时限；</li><li>公开咨询渠道。</li></ol>"
    '<table border="1" cellpadding="3" cellspacing="0"><tr><th>事项</th><th>时限</th></tr><tr><td>受理</td><td>1 个工作日</td></tr>'
    "<tr><td>办结</td><td>5 个工作日</td></tr></table>"
)


def create_demo_workspace(
    db: Database, admin_id: int | None = None, cache_dir: Path | None = None
) -> list[DemoAccount]:
    """Adds the sample department, accounts and documents; returns the accounts created.

    On an empty database the demo makes its own administrator; otherwise an existing administrator
    (`admin_id`) adds the sample accounts, which keeps the rule that only administrators add users.
    """
    samples = [(s.title, Draft(s.name, s.data, probe(s.name, s.data))) for s in demo_documents()]
    created: list[DemoAccount] = []
    imported: list[int] = []
    with db.write() as session:
        if users.has_users(session) and admin_id is None:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError", "数据库中已有用户。请以管理员身份创建示例，或用 --data-dir 指定一个新目录。"
                )
            )
        if session.scalar(select(Department).where(Department.name == DEMO_DEPARTMENT)):
            raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "示例工作区已经存在。"))
        admin = session.get(User, admin_id) if admin_id is not None else None
        department = users.create_department(session, admin, DEMO_DEPARTMENT, DEMO_DEPARTMENT_CODE)
        accounts: dict[str, User] = {}
        for account in DEMO_ACCOUNTS:
            if admin is not None and account.roles == (Role.ADMIN,):
                continue
            user = users.create_user(
                session,
                admin,
                login=_free_login(session, account.login),
                display_name=account.display_name,
                password=DEMO_PASSWORD,
                roles=account.roles,
                department=department,
            )
            admin = admin or user
            accounts[account.login] = user
            created.append(DemoAccount(user.login, account.display_name, account.roles))
        clerk = accounts["clerk"]
        for index, (title, draft) in enumerate(samples):
            document = import_draft(session, clerk, draft, title=title)
            # What the clerk's 文件信息 would say, so that every sample can go on to 发布.
            document.written_on = desk_day.today() - dt.timedelta(days=2)
            document.category = DEMO_CATEGORY
            imported.append(document.id)
            # Two drafts go straight to review so that the reviewer's queue is not empty.
            if index in (0, 1):
                perform(session, clerk, document.id, Action.SUBMIT, expected_version=None)
        # The last draft is a 规范性文件 with its interpretation, written in the desk.
        document = session.get_one(Document, imported[-1])
        document.normative = True
        interpretation = interpretations.attach(
            session,
            clerk,
            document.id,
            form=InterpretationForm.QA,
            title=f"《{document.title}》政策问答",
            drafting_department=DEMO_DEPARTMENT,
            rich_text=DEMO_INTERPRETATION,
        )
        imported.append(interpretation.id)
        clerk_id = clerk.id
    # Checked as on any import, so that the reviewer finds the findings waiting.
    for document_id in imported:
        check_document(db, clerk_id, document_id, cache_dir)
    return created


def _free_login(session: Session, wanted: str) -> str:
    login, n = wanted, 1
    while session.scalar(select(User.id).where(User.login == login)) is not None:
        n += 1
        login = f"{wanted}{n}"
    return login
