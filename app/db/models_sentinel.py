"""The site sentinel's tables: its runs, what each found, and the outside links it has seen.

Text columns throughout: URLs and places are as long as the web makes them, and nothing here is
typed by a person, so no column needs a length a form would check (app/field_limits.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, utcnow


class SentinelRun(Base):
    """One `sentinel run` over the online site: when, over what, and the figures it found."""

    __tablename__ = "sentinel_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    outcome: Mapped[str] = mapped_column(Text, default="running")  # running / clean / problems / failed
    site: Mapped[str] = mapped_column(Text, default="")  # the folder, and the site's address if given
    figures: Mapped[str] = mapped_column(Text, default="{}")  # JSON: counts and the thresholds applied
    error: Mapped[str] = mapped_column(Text, default="")


class SentinelFinding(Base):
    """One problem a run found: a published-content difference, a dead or changed link, a stale 栏目."""

    __tablename__ = "sentinel_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("sentinel_runs.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(Text)  # published / dead_link / changed_link / stale_section
    place: Mapped[str] = mapped_column(Text)  # a URL, a site path or a 栏目
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class SentinelLink(Base):
    """An outside link of a published page or file, as the sentinel last found it: a later run that
    gets other content reports it changed."""

    __tablename__ = "sentinel_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    url_sha256: Mapped[str] = mapped_column(Text, unique=True)
    url: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(Text, default="")  # '' until it answered once
    first_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_checked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_status: Mapped[str] = mapped_column(Text, default="")  # '200', '404', 'timeout', 'dns' …
