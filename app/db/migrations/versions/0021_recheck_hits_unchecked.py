"""recheck_hits without foreign keys

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30 03:40:00

A re-check writes a row for every finding in the catalog (millions over 10^6 entries), each row
naming its run, entry and department. Checking those three references row by row was half of
PostgreSQL's work in a re-check (each check looks the parent up and locks it): the server's CPU per
5,000-character release went from 0.22 ms to 0.11 ms without them. The rows are written only by
the re-check, from entries it has just read, and no run, entry or department is ever deleted.
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_KEYS = (
    ("fk_recheck_hits_run_id_recheck_runs", ["run_id"], "recheck_runs", "CASCADE"),
    ("fk_recheck_hits_catalog_entry_id_catalog_entries", ["catalog_entry_id"], "catalog_entries", None),
    ("fk_recheck_hits_department_id_departments", ["department_id"], "departments", None),
)


def upgrade() -> None:
    with op.batch_alter_table("recheck_hits", schema=None) as batch_op:
        for name, _, _, _ in _KEYS:
            batch_op.drop_constraint(name, type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("recheck_hits", schema=None) as batch_op:
        for name, columns, parent, ondelete in _KEYS:
            batch_op.create_foreign_key(name, parent, columns, ["id"], ondelete=ondelete)
