"""yearly report facts

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23 23:22:46.385381
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("legal_kind", sa.String(length=16), server_default="", nullable=False))
        batch_op.add_column(sa.Column("validity_changed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
        batch_op.create_index("ix_catalog_entries_legal_kind", ["legal_kind"], unique=False)

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rule", sa.Boolean(), server_default=sa.false(), nullable=False))

    # Entries published before: 行政规范性文件 from their documents; withdrawals dated by the audit
    # trail would need parsing, so they stay undated (counted as withdrawn before any period).
    op.execute(
        "UPDATE catalog_entries SET legal_kind = 'normative' "
        "WHERE document_id IN (SELECT id FROM documents WHERE normative)"
    )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("rule")

    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_catalog_entries_legal_kind")
        batch_op.drop_column("withdrawn_on")
        batch_op.drop_column("validity_changed_on")
        batch_op.drop_column("legal_kind")
