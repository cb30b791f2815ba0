"""Searching and paging the catalog: Chinese full text and filters, newest first, keyset paging.

Both databases index the same tokens — one per Chinese character — and search them as a phrase,
which is exact for terms of any length, where a trigram index misses two-character terms and a
word-segmented one misses a third to two thirds of them (MEASURED.md). SQLite: FTS5; entries get
ids in publishing order, so "newest first" is FTS5's own rowid order and a page never sorts all
hits. PostgreSQL: a tsvector with a GIN index, queried with phraseto_tsquery.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import column, extract, select, table, text
from sqlalchemy.orm import Session

from app.db.models import CatalogEntry
from review.normalize import normalize

# The PostgreSQL index table (migration 0010), outside the ORM models like SQLite's catalog_fts.
FTS_PG = table("catalog_fts_pg", column("entry_id"), column("body"))
_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
PAGE_SIZE = 100


# Everything but letters and digits separates tokens — as SQLite's unicode61 tokenizer does, and
# before PostgreSQL's parser can read "TEST01/2026-00003" as one file-path token.
_SEPARATORS = re.compile(r"[\W_]+")


def fts_text(value: str) -> str:
    """Normalised, every Chinese character a token of its own, runs of letters and digits the others."""
    return _CJK.sub(r" \1 ", _SEPARATORS.sub(" ", normalize(value).text))


def fts_phrase(query: str) -> str:
    tokens = fts_text(query).split()
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"' if tokens else ""


def index_entry(session: Session, entry: CatalogEntry, body: str) -> None:
    """Puts the entry's words (title, 文号, 主题词, summary, published text) in the full-text index."""
    words = " ".join([entry.title, entry.doc_number, entry.keywords, entry.summary, entry.index_no, body])
    params = {"id": entry.id, "body": fts_text(words)}
    if _dialect(session) == "postgresql":
        session.execute(
            text(
                "INSERT INTO catalog_fts_pg (entry_id, body) VALUES (:id, to_tsvector('simple', :body)) "
                "ON CONFLICT (entry_id) DO UPDATE SET body = excluded.body"
            ),
            params,
        )
        return
    # An entry that comes again (a transfer package re-sending it) replaces its words.
    session.execute(text("DELETE FROM catalog_fts WHERE rowid = :id"), {"id": entry.id})
    session.execute(text("INSERT INTO catalog_fts (rowid, body) VALUES (:id, :body)"), params)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


@dataclass(frozen=True)
class CatalogFilter:
    query: str = ""
    department_id: int | None = None
    category: str = ""
    year: int | None = None
    validity: str = ""
    include_withdrawn: bool = False


@dataclass(frozen=True)
class CatalogRow:
    id: int
    index_no: str
    title: str
    doc_number: str
    category: str
    published_on: dt.date
    validity: str
    status: str


def search(
    session: Session, where: CatalogFilter, after_id: int | None = None, limit: int = PAGE_SIZE
) -> list[CatalogRow]:
    """One page, newest first; pass the last row's id as `after_id` for the next page."""
    phrase = fts_phrase(where.query) if where.query.strip() else ""
    if phrase and _dialect(session) == "sqlite":
        return _search_fts(session, where, phrase, after_id, limit)
    query = _filtered(where)
    if phrase:
        # PostgreSQL: the planner walks newest first and tests each row, or collects the rare hits.
        matching = text("catalog_fts_pg.body @@ phraseto_tsquery('simple', :tokens)").bindparams(
            tokens=fts_text(where.query)
        )
        query = query.join(FTS_PG, FTS_PG.c.entry_id == CatalogEntry.id).where(matching)
    if after_id is not None:
        query = query.where(CatalogEntry.id < after_id)
    return [CatalogRow(*row) for row in session.execute(query.order_by(CatalogEntry.id.desc()).limit(limit))]


def _filtered(where: CatalogFilter) -> Any:  # a Select of CatalogRow's columns
    query = select(
        CatalogEntry.id,
        CatalogEntry.index_no,
        CatalogEntry.title,
        CatalogEntry.doc_number,
        CatalogEntry.category,
        CatalogEntry.published_on,
        CatalogEntry.validity,
        CatalogEntry.status,
    )
    if where.department_id is not None:
        query = query.where(CatalogEntry.department_id == where.department_id)
    if where.category:
        query = query.where(CatalogEntry.category == where.category)
    if where.year is not None:
        query = query.where(extract("year", CatalogEntry.published_on) == where.year)
    if where.validity:
        query = query.where(CatalogEntry.validity == where.validity)
    if not where.include_withdrawn:
        query = query.where(CatalogEntry.status == "published")
    return query


def _search_fts(
    session: Session, where: CatalogFilter, phrase: str, after_id: int | None, limit: int
) -> list[CatalogRow]:
    """Walks the full-text hits newest first in FTS5's own rowid order, a batch at a time, applying
    the other filters to each batch: no page ever collects or sorts all hits of a common term."""
    found: list[CatalogRow] = []
    cursor = after_id
    batch_size = max(limit * 4, 200)
    while len(found) < limit:
        bound = "AND rowid < :cursor " if cursor is not None else ""
        ids = [
            row[0]
            for row in session.execute(
                text(
                    f"SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH :phrase {bound}ORDER BY rowid DESC LIMIT :n"
                ),
                {"phrase": phrase, "cursor": cursor, "n": batch_size},
            )
        ]
        if not ids:
            break
        rows = session.execute(
            _filtered(where).where(CatalogEntry.id.in_(ids)).order_by(CatalogEntry.id.desc())
        )
        found.extend(CatalogRow(*row) for row in rows)
        cursor = ids[-1]
        if len(ids) < batch_size:
            break
    return found[:limit]
