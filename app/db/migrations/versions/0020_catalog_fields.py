"""catalog fields: 发布机构 per document, 施行日期/有效期, 已修改 details, 主题分类 second level, site footer

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-29 21:30:00

A draft may name the body that issues it (empty: the department). 规章 and 规范性文件 carry 施行日期
and an optional 有效期; an entry marked 已修改 records when and by which document. The 主题分类 tree
gets the national policy library's second level under every top level nobody has divided yet, and
民政、扶贫、救灾 is renamed 民政、乡村振兴、救灾. Only the tree changes: documents and catalog entries
keep the category they carry (entries are published with it, and it is in their audit digests and
frozen releases). A department's static site gets a configurable footer.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from publish.taxonomy import NATIONAL_TREE, RENAMED_CATEGORIES

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_CATEGORIES = sa.table(
    "categories",
    sa.column("id", sa.Integer),
    sa.column("parent_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("code", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("publisher", sa.String(length=255), server_default="", nullable=False))
        batch_op.add_column(sa.Column("effective_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("valid_until", sa.Date(), nullable=True))
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amended_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("amended_by", sa.String(length=500), nullable=True))
    op.create_table(
        "site_footers",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("sponsor", sa.String(length=255), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("icp", sa.String(length=100), nullable=False),
        sa.Column("police", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_site_footers_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("department_id", name=op.f("pk_site_footers")),
    )
    _seed_second_level(op.get_bind())


def _seed_second_level(conn: sa.Connection) -> None:
    """The rename and the second level: only the tree, never an entry or a document."""
    top = {
        name: (node_id, code)
        for node_id, name, code in conn.execute(
            sa.select(_CATEGORIES.c.id, _CATEGORIES.c.name, _CATEGORIES.c.code).where(
                _CATEGORIES.c.parent_id.is_(None)
            )
        )
    }
    for old, new in RENAMED_CATEGORIES.items():
        if old in top and new not in top:
            conn.execute(sa.update(_CATEGORIES).where(_CATEGORIES.c.id == top[old][0]).values(name=new))
            top[new] = top.pop(old)
    divided = set(conn.scalars(sa.select(_CATEGORIES.c.parent_id).where(_CATEGORIES.c.parent_id.isnot(None))))
    rows = [
        {"parent_id": top[name][0], "name": child, "code": f"{top[name][1]}{n:02d}" if top[name][1] else ""}
        for name, children in NATIONAL_TREE
        if name in top and top[name][0] not in divided
        for n, child in enumerate(children, 1)
    ]
    if rows:
        conn.execute(sa.insert(_CATEGORIES), rows)


def downgrade() -> None:
    # The added sub-categories stay: entries published under them would lose their leaf otherwise.
    op.drop_table("site_footers")
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.drop_column("amended_by")
        batch_op.drop_column("amended_on")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("valid_until")
        batch_op.drop_column("effective_on")
        batch_op.drop_column("publisher")
