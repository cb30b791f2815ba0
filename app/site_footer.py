"""The footer of a department's static site: 主办单位, 网站标识码, ICP and 公安 filing numbers and
contact, set by the department's administrator (目录设置, `site footer`); what is left empty is left
out of the pages, and 主办单位 defaults to the department."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import audit, field_limits
from app.checking import desk_lexicon
from app.db.models import SiteFooter, User
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.releases import NOTHING_REVIEWED, text_problems
from app.roles import Role
from app.rulepacks import department_sources
from publish.static_site import SiteIdentity

PARTS = ("sponsor", "site_code", "icp", "police", "contact")
LABELS = {
    "sponsor": "主办单位",
    "site_code": "网站标识码",
    "icp": "ICP备案号",
    "police": "公安备案号",
    "contact": "联系方式",
}


def identity(session: Session, department_id: int, department: str) -> SiteIdentity:
    """The site's header and footer for the department's catalog."""
    row = session.get(SiteFooter, department_id)
    if row is None:
        return SiteIdentity(department=department)
    return SiteIdentity(department, **{part: getattr(row, part) for part in PARTS})


def set_footer(session: Session, user: User, **parts: str) -> SiteIdentity:
    """Replaces the given parts of the user's department's footer (its administrator only), audited."""
    if not user.has_role(Role.ADMIN) or user.department_id is None or user.department is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的系统管理员可以设置网站页脚。"))
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"not a footer part: {sorted(unknown)}")
    values = {k: v.strip() for k, v in parts.items()}
    field_limits.check_all((getattr(SiteFooter, k), v) for k, v in values.items())
    # Printed on every page of the site and never reviewed: checked like text written after review.
    problems = text_problems(
        [(LABELS[k], v) for k, v in values.items() if v],
        desk_lexicon(session, user.department_id, None),
        NOTHING_REVIEWED,
        unreviewed=True,
        rulepacks=department_sources(session, user.department_id),
    )
    if problems:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "网站页脚未通过保密检查：{problems}。请改写。"),
            problems="；".join(problems),
        )
    row = session.get(SiteFooter, user.department_id)
    if row is None:
        row = SiteFooter(department_id=user.department_id, **dict.fromkeys(PARTS, ""))
        session.add(row)
    before = {k: getattr(row, k) for k in PARTS}
    for key, value in values.items():
        setattr(row, key, value)
    session.flush()
    after = {k: getattr(row, k) for k in PARTS}
    if before != after:
        audit.record(
            session, user, "site.footer", department_id=user.department_id, before=before, after=after
        )
    return identity(session, user.department_id, user.department.name)
