"""What schema comparison leaves out: tables made by hand in a migration, not from the models."""

from __future__ import annotations


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """SQLite's FTS5 table and its shadow tables (migration 0006), PostgreSQL's catalog_fts_pg (0010)."""
    return not (type_ == "table" and (name or "").startswith("catalog_fts"))
