"""department sign-off chain of the 保密审查单

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-29 19:00:00

A department's administrator sets the steps its 保密审查单 is signed off in (经办人 → 科室负责人 →
保密审查员 → 分管领导 by default); records made from then on print them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department_sign_off",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name="fk_department_sign_off_department_id_departments"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name="fk_department_sign_off_updated_by_id_users"
        ),
        sa.PrimaryKeyConstraint("department_id", "position", name="pk_department_sign_off"),
    )


def downgrade() -> None:
    op.drop_table("department_sign_off")
