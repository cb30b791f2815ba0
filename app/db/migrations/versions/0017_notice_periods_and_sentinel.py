"""公示期 on catalog entries and the site sentinel's runs (issue 20)

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29 18:00:00

A catalog entry may carry the last day of its public-notice period (名单公示 with personal data);
the desk withdraws it after that day and keeps the removal until a check proves it. The sentinel
keeps its runs, their findings and the outside
links it has seen (to tell a changed link from one it sees for the first time).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice_until", sa.Date(), nullable=True))
        batch_op.create_index("ix_catalog_entries_notice_until", ["notice_until"], unique=False)
    op.create_table(
        "sentinel_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("site", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sentinel_runs")),
    )
    op.create_table(
        "sentinel_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["sentinel_runs.id"],
            name=op.f("fk_sentinel_findings_run_id_sentinel_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sentinel_findings")),
    )
    op.create_index("ix_sentinel_findings_run_id", "sentinel_findings", ["run_id"], unique=False)
    op.create_table(
        "sentinel_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url_sha256", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.Text(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_checked_at", sa.DateTime(), nullable=False),
        sa.Column("last_status", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sentinel_links")),
        sa.UniqueConstraint("url_sha256", name=op.f("uq_sentinel_links_url_sha256")),
    )
    op.create_table(
        "notice_removals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalog_entry_id", sa.Integer(), nullable=False),
        sa.Column("notice_until", sa.Date(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=False),
        sa.Column("proven_at", sa.DateTime(), nullable=True),
        sa.Column("last_check", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["catalog_entry_id"],
            ["catalog_entries.id"],
            name=op.f("fk_notice_removals_catalog_entry_id_catalog_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_removals")),
    )
    op.create_index(
        "ix_notice_removals_catalog_entry_id", "notice_removals", ["catalog_entry_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_notice_removals_catalog_entry_id", table_name="notice_removals")
    op.drop_table("notice_removals")
    op.drop_table("sentinel_links")
    op.drop_index("ix_sentinel_findings_run_id", table_name="sentinel_findings")
    op.drop_table("sentinel_findings")
    op.drop_table("sentinel_runs")
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_catalog_entries_notice_until")
        batch_op.drop_column("notice_until")
