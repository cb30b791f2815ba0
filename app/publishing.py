"""The publish queue: catalog changes waiting to reach a target, pushed until they go through.

A job stays queued with its reason when the portal fails; it is retried later and, thanks to the
portal's idempotency keys, a retry after a half-done push neither duplicates nor leaves a gap.
Portal jobs are queued in the transaction of the change itself, so a crash loses none: `portal
push` picks up whatever is pending. The static site and transfer packages keep their unfinished
work as intents in the data directory (`app.pending_work`); `resume` finishes it at start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, pending_work
from app.catalog import PORTAL, entry_file_hashes, entry_files, rebuild_site, site_entry
from app.db.database import Database
from app.db.models import CatalogEntry, PublishJob, utcnow
from app.errors import QT_TRANSLATE_NOOP
from publish.portal import PortalClient, PortalError
from publish.release import ReleaseError
from review.errors import TranslatableError

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
                receipt = client.set_validity(item.index_no, item.validity, item.amended_on, item.amended_by)
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


@dataclass(frozen=True)
class Resumed:
    """Work a killed or failed run left, as the next start found and settled it."""

    kind: str  # pending_work.SITE, EXPORT, COPY or RESTORE
    target: str  # the site folder, the package's path, or the database
    # site: "rebuilt" / "failed"; export: transfer.ExportRecovery's outcomes, or "failed";
    # restore: "finished" (the backup is in place) / "undone" (the database is as it was)
    outcome: str
    sequence: int | None = None  # a package's
    changed: int = 0  # files of the site
    error: str = ""


_RESUMED = {
    (pending_work.COPY, "removed"): QT_TRANSLATE_NOOP(
        "DeskError", "上次中断的备份或恢复留下的半份数据库副本已删除：{target}。"
    ),
    (pending_work.RESTORE, "finished"): QT_TRANSLATE_NOOP(
        "DeskError", "上次中断的数据库恢复已完成：备份已在 {target} 就位，本机审计检查点已随之更新。"
    ),
    (pending_work.RESTORE, "undone"): QT_TRANSLATE_NOOP(
        "DeskError", "上次中断的数据库恢复未生效：{target} 保持原样。如仍需恢复，请重新恢复备份。"
    ),
    (pending_work.SITE, "rebuilt"): QT_TRANSLATE_NOOP(
        "DeskError", "上次未完成的静态目录网站更新已补做：{target}（{changed} 个文件变更）。"
    ),
    (pending_work.SITE, "failed"): QT_TRANSLATE_NOOP(
        "DeskError",
        "上次未完成的静态目录网站更新仍未能补做（{target}）：{error}。请修复后运行 main.py site rebuild。",
    ),
    (pending_work.EXPORT, "written"): QT_TRANSLATE_NOOP(
        "DeskError", "上次中断的传输包导出已完成：序号 {sequence}，{target}。"
    ),
    (pending_work.EXPORT, "missing"): QT_TRANSLATE_NOOP(
        "DeskError", "传输包（序号 {sequence}）已导出并记录，但文件已不在 {target}（已被取走？）。"
    ),
    (pending_work.EXPORT, "abandoned"): QT_TRANSLATE_NOOP(
        "DeskError", "上次中断的传输包导出已作废：序号 {sequence} 不再使用，其中的条目留待下次导出。"
    ),
    (pending_work.EXPORT, "kept"): QT_TRANSLATE_NOOP(
        "DeskError",
        "上次中断的传输包导出尚未收尾：{target} 所在的文件夹无法访问（移动存储未插入？），下次启动时再试。",
    ),
}
_EXPORT_FAILED = QT_TRANSLATE_NOOP("DeskError", "上次中断的传输包导出未能收尾：{error}")


def resumed_notice(r: Resumed) -> tuple[str, dict[str, object]] | None:
    """What the user is told of one piece of settled work: a translatable template and its values
    (None: nothing worth saying)."""
    if r.kind == pending_work.EXPORT and r.outcome == "abandoned" and r.sequence is None:
        return None  # nothing had been reserved
    template = _RESUMED.get((r.kind, r.outcome), _EXPORT_FAILED)
    return template, {"target": r.target, "changed": r.changed, "sequence": r.sequence, "error": r.error}


def resume(db: Database, data_dir: Path) -> list[Resumed]:
    """Finishes or undoes the work of every run that ended before its follow-up was done: a static
    site it owed an update is rebuilt from the database; a package export is completed (renamed
    into place) if its transaction committed, else its reservation is abandoned and its temporary
    file removed. Work a running process still holds is left to it."""
    from app.backup import finish_restores, remove_partial_copies
    from app.transfer import recover_exports  # app.transfer imports this module

    done = [
        Resumed(pending_work.RESTORE, r.database, "finished" if r.finished else "undone")
        for r in finish_restores(db, data_dir)
    ]
    done += [Resumed(pending_work.COPY, path, "removed") for path in remove_partial_copies(data_dir)]
    try:
        exports = recover_exports(db, data_dir)
    except TranslatableError as exc:
        done.append(Resumed(pending_work.EXPORT, "", "failed", error=exc.message))
    else:
        done += [Resumed(pending_work.EXPORT, r.path, r.outcome, r.sequence) for r in exports]
    folders = set()
    for intent in pending_work.orphans(data_dir, pending_work.SITE):
        folders.add(str(intent.data.get("folder", "")))
        intent.release()  # rebuild_site takes it again, with every other one for the folder
    for folder in sorted(f for f in folders if f):
        try:
            changed = rebuild_site(db, data_dir, Path(folder))
        except (TranslatableError, OSError) as exc:
            reason = exc.message if isinstance(exc, TranslatableError) else exc.strerror or str(exc)
            done.append(Resumed(pending_work.SITE, folder, "failed", error=reason))
        else:
            done.append(Resumed(pending_work.SITE, folder, "rebuilt", changed=changed))
    return done
