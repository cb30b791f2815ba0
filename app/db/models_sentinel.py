"""The site sentinel's tables — its runs, what each found, the outside links it has seen — and the
公示期 removals waiting for their proof.

Text columns throughout: URLs and places are as long as the web makes them, and nothing here is
typed by a person, so no column needs a length a form would check (app/field_limits.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Text
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


class NoticeRemoval(Base):
    """An entry the desk withdrew at the end of its 公示期, written in the withdrawal's transaction
    with the files it served, until a check proves none of them is served any more: a run killed
    after the withdrawal, or a target that could not be checked, is proven by the next run."""

    __tablename__ = "notice_removals"

    id: Mapped[int] = mapped_column(primary_key=True)
    catalog_entry_id: Mapped[int] = mapped_column(ForeignKey("catalog_entries.id"), index=True)
    notice_until: Mapped[dt.date] = mapped_column(Date)
    files: Mapped[str] = mapped_column(Text)  # JSON: [{"path": "files/….pdf", "sha256": …}]
    withdrawn_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    proven_at: Mapped[dt.datetime | None]
    last_check: Mapped[str] = mapped_column(Text, default="")  # the last proof line (audited when it changes)
