"""decisions, manual areas, reviews

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:02:23.562371
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "manual_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_file_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("x0", sa.Double(), nullable=False),
        sa.Column("y0", sa.Double(), nullable=False),
        sa.Column("x1", sa.Double(), nullable=False),
        sa.Column("y1", sa.Double(), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_manual_areas_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["document_file_id"],
            ["document_files.id"],
            name=op.f("fk_manual_areas_document_file_id_document_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_areas")),
    )
    with op.batch_alter_table("manual_areas", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_manual_areas_document_file_id"), ["document_file_id"], unique=False
        )

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("check_run_id", sa.Integer(), nullable=True),
        sa.Column("conclusion", sa.String(length=24), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("published_sha256", sa.String(length=64), nullable=True),
        sa.Column("record_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_run_id"], ["check_runs.id"], name=op.f("fk_reviews_check_run_id_check_runs")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_reviews_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], name=op.f("fk_reviews_reviewer_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_document_id"), ["document_id"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("basis", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_decisions_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["findings.id"], name=op.f("fk_decisions_finding_id_findings"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
        sa.UniqueConstraint("finding_id", name=op.f("uq_decisions_finding_id")),
    )


def downgrade() -> None:
    op.drop_table("decisions")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_document_id"))

    op.drop_table("reviews")
    with op.batch_alter_table("manual_areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manual_areas_document_file_id"))

    op.drop_table("manual_areas")
