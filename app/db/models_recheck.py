"""The tables of whole-catalog re-checks: the extracted text kept per published file, re-check
runs (split into parts that workers claim), and what they found.

Text columns throughout, like the sentinel's: nothing here is typed by a person, so no column
needs a length a form would check (app/field_limits.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, utcnow


class ReleaseText(Base):
    """The engine's text of one published file (review/text_store.py), kept at approval or, for a
    file published before this table existed, extracted once by the first re-check (backfilled)."""

    __tablename__ = "release_texts"

    published_sha256: Mapped[str] = mapped_column(Text, primary_key=True)
    format: Mapped[int]
    engine_version: Mapped[str] = mapped_column(Text)
    characters: Mapped[int]
    text: Mapped[bytes] = mapped_column(LargeBinary)
    places: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    backfilled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RecheckRun(Base):
    """One re-check of the catalog: what it ran (every rule, or the rules changed since `since_id`)
    and on what (`basis`: the lexicon terms and rule-pack rows per department, compressed JSON)."""

    __tablename__ = "recheck_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(Text)  # full / changed
    since_id: Mapped[int | None] = mapped_column(ForeignKey("recheck_runs.id"))
    status: Mapped[str] = mapped_column(Text, default="running")  # running / done / cancelled
    parts: Mapped[int] = mapped_column(default=1)
    total: Mapped[int] = mapped_column(default=0)  # current entries when it started
    started_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    basis: Mapped[bytes] = mapped_column(LargeBinary)
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the terms and rows this run ran


class RecheckPart(Base):
    """The entries with id % parts == part: claimed by one worker at a time (host:pid and a lease
    refreshed at every batch), `cursor` the last entry id done, committed with that batch's hits."""

    __tablename__ = "recheck_parts"

    run_id: Mapped[int] = mapped_column(ForeignKey("recheck_runs.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[int] = mapped_column(primary_key=True)
    cursor: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)  # entries re-checked
    read: Mapped[int] = mapped_column(default=0)  # stored texts decompressed and matched
    backfilled: Mapped[int] = mapped_column(default=0)
    finished: Mapped[bool] = mapped_column(default=False)
    worker: Mapped[str] = mapped_column(Text, default="")
    lease_at: Mapped[dt.datetime | None]


class RecheckHit(Base):
    """A finding of a re-check in a current catalog entry's published text, with its place.

    Its run, entry and department are not foreign keys: checked row by row, they were half of
    PostgreSQL's work in a re-check of millions of hits (migration 0021)."""

    __tablename__ = "recheck_hits"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(index=True)  # recheck_runs.id
    catalog_entry_id: Mapped[int] = mapped_column(index=True)  # catalog_entries.id
    department_id: Mapped[int]  # departments.id
    rule_id: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(Text)
    # JSON: a Location as in a check result, or {"span": [stream, start, end]} in the stored text
    # (placed when the entry is opened: app.recheck.stored_hit)
    location: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    term: Mapped[str | None] = mapped_column(Text)
