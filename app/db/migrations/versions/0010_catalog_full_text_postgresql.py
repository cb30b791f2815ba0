"""catalog full-text search on PostgreSQL (tsvector, one token per Chinese character)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The same tokens as SQLite's FTS5 table (app.catalog_search.fts_text), searched as a phrase,
    # so a query finds the same entries on both databases.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE catalog_fts_pg ("
            " entry_id integer PRIMARY KEY REFERENCES catalog_entries (id),"
            " body tsvector NOT NULL)"
        )
        op.execute("CREATE INDEX ix_catalog_fts_pg_body ON catalog_fts_pg USING gin (body)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE catalog_fts_pg")
