"""publish queue

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:32:40.665433
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publish_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalog_entry_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["catalog_entry_id"],
            ["catalog_entries.id"],
            name=op.f("fk_publish_jobs_catalog_entry_id_catalog_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publish_jobs")),
    )
    with op.batch_alter_table("publish_jobs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_publish_jobs_catalog_entry_id"), ["catalog_entry_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_publish_jobs_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("publish_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publish_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_publish_jobs_catalog_entry_id"))

    op.drop_table("publish_jobs")
