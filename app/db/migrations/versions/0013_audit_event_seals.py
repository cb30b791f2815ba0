"""audit event seals

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 10:00:00

Each audit event gets the seal of the machine that wrote it (an HMAC of its hash with a key kept
outside the database, app.audit_anchor). Events written before stay unsealed: `audit verify`
counts them as from before sealing; an unsealed event after a sealed one is tampering.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seal", sa.String(length=96), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("seal")
