"""The 主题分类 tree: a leaf is what a catalog entry may carry, shown as 大类\\子类."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, field_limits
from app.db.models import CatalogEntry, Category, Document, User
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.roles import Role

SEPARATOR = "\\"


def paths(session: Session) -> dict[str, bool]:
    """Every node's path and whether it is a leaf, in tree order."""
    nodes = list(session.scalars(select(Category).order_by(Category.id)))
    children: dict[int | None, list[Category]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    out: dict[str, bool] = {}

    def walk(parent: int | None, prefix: str) -> None:
        for node in children.get(parent, []):
            path = f"{prefix}{SEPARATOR}{node.name}" if prefix else node.name
            out[path] = node.id not in children
            walk(node.id, path)

    walk(None, "")
    return out


def suggested_codes(session: Session) -> dict[str, str]:
    """Codes recorded with the categories (the national list's, or given on adding one): a
    department's 索引号 scheme starts from them when it puts category codes into its numbers."""
    by_id = {node.id: node for node in session.scalars(select(Category))}
    out: dict[str, str] = {}
    for node in by_id.values():
        if node.code:
            names: list[str] = []
            current: Category | None = node
            while current is not None:
                names.append(current.name)
                current = by_id.get(current.parent_id) if current.parent_id is not None else None
            out[SEPARATOR.join(reversed(names))] = node.code
    return out


def leaves(session: Session) -> set[str]:
    return {path for path, leaf in paths(session).items() if leaf}


def _node(session: Session, path: str) -> Category | None:
    parent: int | None = None
    node = None
    for name in path.split(SEPARATOR):
        node = session.scalar(
            select(Category).where(
                Category.parent_id.is_(None) if parent is None else Category.parent_id == parent,
                Category.name == name,
            )
        )
        if node is None:
            return None
        parent = node.id
    return node


def add(session: Session, user: User, parent_path: str, name: str, code: str = "") -> str:
    """Adds a sub-category (or a top-level one when `parent_path` is empty); returns its path."""
    if not user.has_role(Role.ADMIN):
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以修改主题分类。"))
    name = name.strip()
    if not name or SEPARATOR in name:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "分类名称不能为空，也不能含有“\\”。"))
    parent = _node(session, parent_path) if parent_path else None
    if parent_path and parent is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "上级分类“{path}”不存在。"), path=parent_path)
    path = f"{parent_path}{SEPARATOR}{name}" if parent_path else name
    field_limits.check(Category.name, name)
    field_limits.check(Category.code, code.strip())
    # A document and its catalog entry store the whole path.
    field_limits.check(Document.category, path, name="主题分类（含上级分类的完整路径）")
    if _node(session, path) is not None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "分类“{path}”已存在。"), path=path)
    if parent_path and session.scalar(
        select(CatalogEntry.id).where(CatalogEntry.category == parent_path).limit(1)
    ):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "目录中已有条目使用“{path}”，它必须保持为末级分类。"),
            path=parent_path,
        )
    session.add(Category(parent_id=parent.id if parent else None, name=name, code=code.strip()))
    session.flush()
    audit.record(session, user, "category.add", path=path, code=code or None)
    return path
