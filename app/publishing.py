"""The publish queue: catalog changes waiting to reach a target, pushed until they go through.

A job stays queued with its reason when the portal fails; it is retried later and, thanks to the
portal's idempotency keys, a retry after a half-done push neither duplicates nor leaves a gap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.catalog import PORTAL, entry_file_hashes, entry_files, site_entry
from app.db.database import Database
from app.db.models import CatalogEntry, PublishJob, utcnow
from publish.portal import PortalClient, PortalError
from publish.release import ReleaseError

UPSERT, WITHDRAW, VALIDITY = "upsert", "withdraw", "validity"


@dataclass(frozen=True)
class QueueOutcome:
    done: int
    waiting: int  # failed for a reason that may pass; stays queued
    refused: int  # refused by the portal; needs a person


def pending(session: Session, target: str = PORTAL) -> list[PublishJob]:
    return list(
        session.scalars(
            select(PublishJob)
            .where(PublishJob.target == target, PublishJob.status == "queued")
            .order_by(PublishJob.id)
        )
    )


def supersede_withdrawn(session: Session, target: str) -> None:
    """Queued changes to an entry withdrawn since are never sent: its upsert would put the withdrawn
    content out again. If the target never received the entry, its other jobs are dropped too."""
    for job in pending(session, target):
        entry = session.get_one(CatalogEntry, job.catalog_entry_id)
        if entry.status == "published":
            continue
        received = session.scalar(
            select(PublishJob.id).where(
                PublishJob.catalog_entry_id == entry.id,
                PublishJob.target == target,
                PublishJob.action == UPSERT,
                PublishJob.status == "done",
            )
        )
        if job.action == UPSERT or received is None:
            job.status, job.last_error = "superseded", "条目已撤回"


def run_queue(
    db: Database,
    client: PortalClient,
    *,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> QueueOutcome:
    with db.write() as session:
        supersede_withdrawn(session, PORTAL)
        job_ids = [job.id for job in pending(session)]
    done = waiting = refused = 0
    for number, job_id in enumerate(job_ids, start=1):
        if cancel is not None and cancel.is_set():
            break
        try:
            with db.read() as session:
                job = session.get_one(PublishJob, job_id)
                entry = session.get_one(CatalogEntry, job.catalog_entry_id)
                action, reason, index_no = job.action, entry.status_reason, entry.index_no
                # A withdrawal goes out whatever the entry holds now: taking content down needs no check.
                files = entry_file_hashes(session, entry) if action == WITHDRAW else []
                if action != WITHDRAW:
                    try:
                        item = site_entry(session, entry)
                    except ReleaseError as exc:
                        # Not the reviewed content: never sent, and not retried.
                        raise PortalError(exc.template, False, **exc.params) from exc
                pdf, media = entry_files(session, item) if action == UPSERT else (None, {})
            if action == UPSERT:
                receipt = client.publish(item, pdf, media)
            elif action == WITHDRAW:
                # Every byte of the entry leaves the portal too: it is told which files to delete.
                receipt = client.withdraw(index_no, reason, files)
            else:
                receipt = client.set_validity(item.index_no, item.validity)
        except PortalError as exc:
            with db.write() as session:
                job = session.get_one(PublishJob, job_id)
                job.attempts += 1
                job.last_error = exc.message
                if not exc.retryable:
                    job.status = "refused"
            refused += not exc.retryable
            waiting += exc.retryable
        else:
            with db.write() as session:
                job = session.get_one(PublishJob, job_id)
                job.attempts += 1
                job.status, job.receipt, job.done_at, job.last_error = "done", receipt.raw, utcnow(), ""
                audit.record(
                    session,
                    None,
                    f"portal.{action}",
                    document_id=entry.document_id,
                    index_no=index_no,
                    receipt=receipt.receipt_id,
                    sha256=receipt.file_sha256 or None,
                )
            done += 1
        if progress is not None:
            progress(number, len(job_ids))
    return QueueOutcome(done, waiting, refused)
