"""Moving a department's desk from its SQLite file to a shared PostgreSQL database: everything is
copied (file contents, audit chain), then the copy is counted and its audit chain verified."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from app import audit, field_limits
from app.db import migrate
from app.db.database import Database
from app.db.models import Base, User
from app.errors import QT_TRANSLATE_NOOP, DatabaseUnavailable, ValidationFailed

log = logging.getLogger(__name__)
BATCH = 200


@dataclass(frozen=True)
class MoveReport:
    counts: dict[str, int]  # rows per table, equal on both sides
    audit_events: int


def move(
    source: Database, target: Database, progress: Callable[[str, int], None] | None = None
) -> MoveReport:
    """Copies `source` into the empty database `target` (migrated first) and checks the copy."""
    if source.url == target.url:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "目标数据库就是当前数据库。"))
    tables = Base.metadata.sorted_tables
    with source.engine.connect() as src:
        # SQLite kept text longer than its column; PostgreSQL would refuse it halfway through.
        too_long = field_limits.over_long_rows(src, tables)
    if too_long:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "当前数据库中有超过字段长度上限的内容，PostgreSQL 不能保存，未迁移：{rows}。"
                "请先修改这些内容（草稿可在文件信息中修改），再迁移。",
            ),
            rows="；".join(too_long),
        )
    migrate.upgrade(target, None)
    with target.read() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "目标数据库已有数据，拒绝覆盖。请使用一个空的数据库。")
            )
    counts: dict[str, int] = {}
    try:
        _copy(source, target, tables, counts, progress)
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("DeskError", "迁移失败，目标数据库没有任何改动：{reason}"),
            reason=str(getattr(exc, "orig", None) or exc),
        ) from exc
    return _check(source, target, counts)


def _copy(
    source: Database,
    target: Database,
    tables: list[Table],
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
) -> None:
    """One transaction on the target: all of it lands, or none."""
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in reversed(tables):
            dst.execute(delete(table))  # what the migrations seeded (the national category list)
        for table in tables:
            copied = 0
            rows = src.execution_options(yield_per=BATCH).execute(select(table))
            for batch in rows.partitions(BATCH):
                dst.execute(insert(table), [row._asdict() for row in batch])
                copied += len(batch)
            counts[table.name] = copied
            if progress is not None:
                progress(table.name, copied)
        _copy_search_index(src, dst, target)
        if target.engine.dialect.name == "postgresql":
            # Rows came with their ids: the sequences must continue after them.
            for table in tables:
                column = table.autoincrement_column
                if column is not None:
                    dst.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                            f"COALESCE((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"
                        )
                    )


def _copy_search_index(src: Connection, dst: Connection, target: Database) -> None:
    """The catalog's full-text words, already tokenised the same way for both databases."""
    if src.dialect.name != "sqlite":
        return
    rows = src.execute(text("SELECT rowid, body FROM catalog_fts")).all()
    if not rows:
        return
    if target.engine.dialect.name == "postgresql":
        statement = "INSERT INTO catalog_fts_pg (entry_id, body) VALUES (:id, to_tsvector('simple', :body))"
    else:
        statement = "INSERT INTO catalog_fts (rowid, body) VALUES (:id, :body)"
    dst.execute(text(statement), [{"id": r[0], "body": r[1]} for r in rows])


def _check(source: Database, target: Database, counts: dict[str, int]) -> MoveReport:
    with target.read() as session:
        for table in Base.metadata.sorted_tables:
            there = session.scalar(select(func.count()).select_from(table))
            if there != counts[table.name]:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("DeskError", "迁移后表 {table} 的行数不符（{copied} ≠ {found}）。"),
                    table=table.name,
                    copied=counts[table.name],
                    found=there,
                )
        events, problems = audit.verify(session)
    if problems:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "迁移后的审计链校验失败：{problem}"),
            problem=problems[0].describe(),
        )
    log.info("moved %s to %s: %s", source.display_name, target.display_name, counts)
    return MoveReport(counts, events)
