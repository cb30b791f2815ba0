"""公示期 on catalog entries and the site sentinel's runs (issue 20)

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
