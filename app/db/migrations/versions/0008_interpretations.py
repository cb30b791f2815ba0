"""interpretations

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 22:18:31.903640
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "interpretations",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("interprets_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("drafting_department", sa.String(length=200), nullable=False),
        sa.Column("source_html", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_interpretations_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["interprets_id"], ["documents.id"], name=op.f("fk_interpretations_interprets_id_documents")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_interpretations")),
    )
    with op.batch_alter_table("interpretations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interpretations_interprets_id"), ["interprets_id"], unique=False)

    op.create_table(
        "interpretation_media",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interpretation_id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_sha256"], ["blobs.sha256"], name=op.f("fk_interpretation_media_blob_sha256_blobs")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_interpretation_media_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["interpretation_id"],
            ["interpretations.document_id"],
            name=op.f("fk_interpretation_media_interpretation_id_interpretations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interpretation_media")),
    )
    with op.batch_alter_table("interpretation_media", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interpretation_media_interpretation_id"), ["interpretation_id"], unique=False
        )

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("normative", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(
            sa.Column("needs_interpretation", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.add_column(sa.Column("no_interpretation_reason", sa.Text(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_column("no_interpretation_reason")

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("needs_interpretation")
        batch_op.drop_column("normative")

    with op.batch_alter_table("interpretation_media", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interpretation_media_interpretation_id"))

    op.drop_table("interpretation_media")
    with op.batch_alter_table("interpretations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interpretations_interprets_id"))

    op.drop_table("interpretations")
