"""department rule packs; the date a check judged leaders and formulations as of

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-29 18:30:00

A department's own 错敏/表述 rule-pack files are stored beside its lexicon and merged over the
shipped packs. Each check run records the date it judged leaders and outdated formulations as of,
so that a 成文日期 changed after the check is caught before approval.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department_rulepacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("csv", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name="fk_department_rulepacks_department_id_departments"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name="fk_department_rulepacks_updated_by_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_department_rulepacks"),
        sa.UniqueConstraint("department_id", "name", name="uq_department_rulepacks_name"),
    )
    op.create_index(
        "ix_department_rulepacks_department_id", "department_rulepacks", ["department_id"], unique=False
    )
    with op.batch_alter_table("check_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("check_runs", schema=None) as batch_op:
        batch_op.drop_column("document_date")
    op.drop_index("ix_department_rulepacks_department_id", table_name="department_rulepacks")
    op.drop_table("department_rulepacks")
