"""Departments and users: creation, roles, sign-in."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, field_limits
from app.db.models import Department, User, UserRole
from app.errors import QT_TRANSLATE_NOOP, AuthenticationFailed, PermissionDenied, ValidationFailed
from app.passwords import hash_password, verify_password
from app.roles import Role

MIN_PASSWORD_LENGTH = 8


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count(User.id))))


def create_department(session: Session, actor: User | None, name: str, code: str) -> Department:
    name, code = name.strip(), code.strip()
    if not name or not code:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "部门全称和机构代码都不能为空。"))
    field_limits.check(Department.name, name)
    field_limits.check(Department.code, code)
    if session.scalar(select(Department).where(Department.name == name)):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "部门“{name}”已存在。"), name=name)
    department = Department(name=name, code=code)
    session.add(department)
    session.flush()
    audit.record(session, actor, "department.create", department_id=department.id, name=name, code=code)
    return department


def create_user(
    session: Session,
    actor: User | None,
    *,
    login: str,
    display_name: str,
    password: str,
    roles: Iterable[Role],
    department: Department | None,
) -> User:
    """Creates a user. Only a system administrator may, except for the very first user."""
    if has_users(session):
        if actor is None or not actor.has_role(Role.ADMIN):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以添加用户。"))
    elif Role.ADMIN not in set(roles):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "第一个用户必须是系统管理员。"))
    login = login.strip()
    if not login or not display_name.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "登录名和姓名都不能为空。"))
    field_limits.check(User.login, login)
    field_limits.check(User.display_name, display_name.strip())
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "密码至少需要 {length} 个字符。"), length=MIN_PASSWORD_LENGTH
        )
    role_set = sorted(set(roles))
    if not role_set:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "用户至少需要一个角色。"))
    if session.scalar(select(User).where(User.login == login)):
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "登录名“{login}”已被使用。"), login=login)
    user = User(
        login=login,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        department=department,
        role_rows=[UserRole(role=r.value) for r in role_set],
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor or user,
        "user.create",
        user=login,
        roles=[r.value for r in role_set],
        department=department.name if department else None,
    )
    return user


def authenticate(session: Session, login: str, password: str) -> User:
    user = session.scalar(select(User).where(User.login == login.strip()))
    # Same message for an unknown login and a wrong password: do not tell which logins exist.
    if user is None or not user.active or not verify_password(password, user.password_hash):
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("DeskError", "登录名或密码不正确。"))
    return user


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("DeskError", "用户不存在。"))
    return user
