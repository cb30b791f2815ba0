"""subject category tree

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 12:44:31.741865
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from publish.taxonomy import NATIONAL_CATEGORIES

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["categories.id"], name=op.f("fk_categories_parent_id_categories")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("parent_id", "name", name="uq_categories_parent_name"),
    )
    # Seeded with the national policy library's top level; regions add their sub-categories.
    categories = sa.table("categories", sa.column("name", sa.String), sa.column("code", sa.String))
    op.bulk_insert(
        categories, [{"name": name, "code": f"{n:02d}"} for n, name in enumerate(NATIONAL_CATEGORIES, 1)]
    )


def downgrade() -> None:
    op.drop_table("categories")
