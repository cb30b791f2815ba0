"""check runs record their rule packs' version

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 16:40:00

Each check run records the version of the 错敏/表述 rule packs it ran (review.wording), as it
records the lexicon's: the review record names both. Runs from before have none ('').
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("check_runs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rulepack_version", sa.String(length=32), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("check_runs", schema=None) as batch_op:
        batch_op.drop_column("rulepack_version")
