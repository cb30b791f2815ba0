"""catalog entries and index numbers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 12:21:40.770213
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "index_counters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=6), nullable=False),
        sa.Column("last_serial", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_index_counters_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_index_counters")),
        sa.UniqueConstraint("department_id", "scope", "period", name="uq_index_counters_key"),
    )
    op.create_table(
        "index_schemes",
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_index_schemes_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("department_id", name=op.f("pk_index_schemes")),
    )
    op.create_table(
        "catalog_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("index_no", sa.String(length=80), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("publisher", sa.String(length=255), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("doc_number", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column("doc_type", sa.String(length=20), nullable=False),
        sa.Column("keywords", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("disclosure", sa.String(length=20), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("validity", sa.String(length=16), nullable=False),
        sa.Column("published_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_catalog_entries_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_catalog_entries_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name=op.f("fk_catalog_entries_review_id_reviews")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_entries")),
        sa.UniqueConstraint("index_no", name=op.f("uq_catalog_entries_index_no")),
    )
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalog_entries_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_catalog_entries_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_catalog_entries_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_catalog_entries_published_on"), ["published_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_entries_published_on"))
        batch_op.drop_index(batch_op.f("ix_catalog_entries_document_id"))
        batch_op.drop_index(batch_op.f("ix_catalog_entries_department_id"))
        batch_op.drop_index(batch_op.f("ix_catalog_entries_category"))

    op.drop_table("catalog_entries")
    op.drop_table("index_schemes")
    op.drop_table("index_counters")
