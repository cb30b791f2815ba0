"""the extracted text kept for every release, and whole-catalog re-checks (issue 20)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29 18:00:00

The engine's text of each published file (normalised, with every character's place) is kept so a
re-check never re-reads the file; re-check runs are split into parts that workers claim, each
with a cursor committed with its hits, so a killed run continues where it stopped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "release_texts",
        sa.Column("published_sha256", sa.Text(), nullable=False),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column("engine_version", sa.Text(), nullable=False),
        sa.Column("characters", sa.Integer(), nullable=False),
        sa.Column("text", sa.LargeBinary(), nullable=False),
        sa.Column("places", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("backfilled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("published_sha256", name=op.f("pk_release_texts")),
    )
    op.create_table(
        "recheck_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=False),
        sa.Column("since_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("parts", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("basis", sa.LargeBinary(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["since_id"], ["recheck_runs.id"], name=op.f("fk_recheck_runs_since_id_recheck_runs")
        ),
        sa.ForeignKeyConstraint(["started_by"], ["users.id"], name=op.f("fk_recheck_runs_started_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recheck_runs")),
    )
    op.create_table(
        "recheck_parts",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.Column("backfilled", sa.Integer(), nullable=False),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("worker", sa.Text(), nullable=False),
        sa.Column("lease_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["recheck_runs.id"],
            name=op.f("fk_recheck_parts_run_id_recheck_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("run_id", "part", name=op.f("pk_recheck_parts")),
    )
    op.create_table(
        "recheck_hits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("catalog_entry_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("term", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["catalog_entry_id"],
            ["catalog_entries.id"],
            name=op.f("fk_recheck_hits_catalog_entry_id_catalog_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_recheck_hits_department_id_departments")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["recheck_runs.id"],
            name=op.f("fk_recheck_hits_run_id_recheck_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recheck_hits")),
    )
    op.create_index("ix_recheck_hits_run_id", "recheck_hits", ["run_id"], unique=False)
    op.create_index("ix_recheck_hits_catalog_entry_id", "recheck_hits", ["catalog_entry_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_recheck_hits_catalog_entry_id", table_name="recheck_hits")
    op.drop_index("ix_recheck_hits_run_id", table_name="recheck_hits")
    op.drop_table("recheck_hits")
    op.drop_table("recheck_parts")
    op.drop_table("recheck_runs")
    op.drop_table("release_texts")
