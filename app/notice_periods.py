"""公示期: a 名单公示 (a list with personal data: 低保, subsidies, hiring) stays online only for its
public-notice period. The publisher sets the last day at publishing or later (`set_notice`); after
it the desk withdraws the entry by itself (`expire`) through the ordinary withdrawal path, then
checks that the static site and the portal no longer serve any of its bytes and records that proof.

`expire` runs at desk start, on a timer in the desk and headless (`notice expire`, for cron). It is
idempotent: the due entries are locked (`FOR UPDATE` on PostgreSQL; SQLite serialises writers) and
re-read, so of two desks running it at once the second finds them withdrawn and does nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, desk_day, pending_work
from app.catalog import (
    PACKAGE,
    PORTAL,
    check_notice_until,
    entry_by_index,
    entry_file_hashes,
    interpretation_entries,
    rebuild_site,
    site_entry,
    site_key,
    withdraw_with_interpretations,
)
from app.db.database import Database
from app.db.models import CatalogAttachment, CatalogEntry, PublishJob, User, UserRole, utcnow
from app.db.models_sentinel import NoticeRemoval
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, TranslatableError
from app.roles import Role
from publish.release import ReleaseError
from publish.static_site import WITHDRAWN_MARK, entry_file_names, page_name

log = logging.getLogger(__name__)

SYSTEM_LOGIN = "system"  # how the audit trail names the desk acting by itself (app.audit.record)
REASON = QT_TRANSLATE_NOOP("DeskError", "公示期已于{day}届满，系统按公示期自动撤回。")
HTTP_TIMEOUT = 10.0


def set_notice(db: Database, user_id: int, index_no: str, until: dt.date | None) -> CatalogEntry:
    """Sets (or, with None, clears) the last day of an entry's 公示期; a publisher of its department."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        entry = entry_by_index(session, index_no)
        if entry is None or entry.status != "published":
            raise NotFound(
                QT_TRANSLATE_NOOP("DeskError", "目录中没有已发布的索引号“{index_no}”。"), index_no=index_no
            )
        if not user.has_role(Role.PUBLISHER) or user.department_id != entry.department_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError", "只有本部门的发布管理员可以设定目录条目“{index_no}”的公示期。"
                ),
                index_no=index_no,
            )
        check_notice_until(until, desk_day.today())
        before, entry.notice_until = entry.notice_until, until
        session.flush()
        audit.record(
            session,
            user,
            "catalog.notice",
            document_id=entry.document_id,
            index_no=index_no,
            before=before.isoformat() if before else None,
            after=until.isoformat() if until else None,
        )
        return entry


@dataclass(frozen=True)
class ServedFile:
    """A file an entry put online: its path on the static site and its SHA-256 (the portal's name)."""

    path: str
    sha256: str


@dataclass
class Removal:
    """An entry withdrawn at the end of its 公示期, and what the check after it found."""

    index_no: str
    title: str
    until: dt.date
    page: str  # the entry's page on the static site, now a 已撤回 page
    files: tuple[ServedFile, ...]
    document_id: int | None = None
    removal_id: int = 0  # its NoticeRemoval row
    shared: list[str] = field(default_factory=list)  # files a live entry also publishes: they stay
    checked: list[str] = field(default_factory=list)  # where the absence was checked
    still_served: list[str] = field(default_factory=list)  # where any of it is still served
    unchecked: list[str] = field(default_factory=list)  # targets holding it that could not be checked

    @property
    def proven(self) -> bool:
        return not self.still_served and not self.unchecked

    def proof_line(self) -> str:
        """The proof-of-removal line: which files went, their SHA-256, and what the check found."""
        files = "；".join(f"{f.path}（SHA-256 {f.sha256}）" for f in self.files) or "无文件"
        parts = [f"公示期届满撤回 {self.index_no}（公示期至 {self.until.isoformat()}）：删除 {files}"]
        if self.shared:
            parts.append("仍由其他在线条目使用而保留：" + "、".join(self.shared))
        if self.checked:
            parts.append("已核实不再提供：" + "、".join(self.checked))
        if self.still_served:
            parts.append("仍在提供：" + "、".join(self.still_served))
        if self.unchecked:
            parts.append("未能核实：" + "、".join(self.unchecked))
        return "；".join(parts) + "。"


def due(session: Session, today: dt.date) -> list[CatalogEntry]:
    """Live entries whose 公示期 ended before `today`, locked for this transaction."""
    return list(
        session.scalars(
            select(CatalogEntry).where(*_due_now(today)).order_by(CatalogEntry.id).with_for_update()
        )
    )


def _due_now(today: dt.date) -> tuple[Any, ...]:
    return CatalogEntry.status == "published", CatalogEntry.notice_until < today


def expire(
    db: Database,
    data_dir: Path,
    *,
    today: dt.date | None = None,
    site: Path | None = None,
    site_url: str = "",
    portal: Any = None,  # publish.portal.PortalClient
) -> list[Removal]:
    """Withdraws every entry whose 公示期 has ended, updates the site in `site` and pushes the portal
    queue to `portal`, then checks each target no longer serves the entries' bytes (over HTTP at
    `site_url` too, when given) and records the proof in the audit trail and the log. Removals an
    earlier run could not prove (killed, a target unreachable) are checked again; the list returned
    is every removal checked in this run."""
    today = today or desk_day.today()
    with db.read() as session:  # most runs find nothing: no write transaction, no site lock for them
        due_now = session.scalar(select(CatalogEntry.id).where(*_due_now(today)).limit(1)) is not None
        owed = session.scalar(select(NoticeRemoval.id).where(NoticeRemoval.proven_at.is_(None)).limit(1))
    if not due_now and owed is None:
        return []
    if due_now:
        intent = pending_work.begin(data_dir, pending_work.SITE, folder=site_key(site)) if site else None
        try:
            _withdraw_due(db, today)
        except BaseException:
            if intent is not None:
                intent.release()
            raise
        if intent is not None:
            intent.release()  # rebuild_site below takes it, with any other owed to the folder
    if site is not None and due_now:  # an earlier run's site work is finished by resume at start
        try:
            rebuild_site(db, data_dir, site)
        except (TranslatableError, OSError) as exc:
            log.warning("公示期撤回后静态目录网站未能更新：%s", exc)  # the intent stays for the next start
    if portal is not None:
        from app.publishing import run_queue  # app.publishing imports app.catalog too

        run_queue(db, portal)
    removals = _unproven(db)
    for removal in removals:
        _prove(db, removal, site, site_url, portal)
    return removals


def system_principal(department_id: int) -> User:
    """The desk itself, carrying out the publisher's standing order (the 公示期): the publisher role
    of the entry's department for this withdrawal only. Never stored; the audit trail names it
    "system"."""
    return User(
        login=SYSTEM_LOGIN,
        display_name=SYSTEM_LOGIN,
        department_id=department_id,
        role_rows=[UserRole(role=Role.PUBLISHER.value)],
    )


def _withdraw_due(db: Database, today: dt.date) -> None:
    with db.write() as session:
        for entry in due(session, today):
            assert entry.notice_until is not None
            until = entry.notice_until
            reason = REASON.format(day=until.isoformat())
            # What each entry serves is read before the withdrawal hides its release from the site plan.
            served = {
                e.id: _served(session, e) for e in [entry, *interpretation_entries(session, entry.index_no)]
            }
            withdrawn = withdraw_with_interpretations(
                session, system_principal(entry.department_id), entry, reason
            )
            for one in withdrawn:
                files = [{"path": f.path, "sha256": f.sha256} for f in served.get(one.id, ())]
                session.add(
                    NoticeRemoval(catalog_entry_id=one.id, notice_until=until, files=json.dumps(files))
                )


def _unproven(db: Database) -> list[Removal]:
    with db.read() as session:
        rows = session.execute(
            select(NoticeRemoval, CatalogEntry)
            .join(CatalogEntry, CatalogEntry.id == NoticeRemoval.catalog_entry_id)
            .where(NoticeRemoval.proven_at.is_(None))
            .order_by(NoticeRemoval.id)
        )
        return [
            Removal(
                entry.index_no,
                entry.title,
                row.notice_until,
                f"entries/{page_name(entry.index_no)}",
                tuple(ServedFile(f["path"], f["sha256"]) for f in json.loads(row.files)),
                entry.document_id,
                row.id,
            )
            for row, entry in rows
        ]


def _served(session: Session, entry: CatalogEntry) -> tuple[ServedFile, ...]:
    try:
        names = entry_file_names(site_entry(session, entry))
    except ReleaseError:
        names = []  # a tampered release: its files are still known by hash
    by_sha = {name.split(".", 1)[0]: name for name in names}
    return tuple(
        ServedFile(f"files/{by_sha.get(sha, sha)}", sha) for sha in entry_file_hashes(session, entry)
    )


def _prove(db: Database, removal: Removal, site: Path | None, site_url: str, portal: Any) -> None:
    with db.read() as session:
        removal.shared = sorted(_still_live(session, [f.sha256 for f in removal.files]))
        entry_id = session.scalar(
            select(NoticeRemoval.catalog_entry_id).where(NoticeRemoval.id == removal.removal_id)
        )
        jobs = session.execute(
            select(PublishJob.target, PublishJob.action, PublishJob.status).where(
                PublishJob.catalog_entry_id == entry_id
            )
        )
        targets, package_left = set(), False
        for target, action, status in jobs:
            targets.add(target)
            package_left |= (target, action, status) in (
                (PACKAGE, "withdraw", "done"),
                (PACKAGE, "withdraw", "superseded"),
            )
    gone = [f for f in removal.files if f.sha256 not in removal.shared]
    if site is not None:
        _check_folder(removal, site, gone)
    if site_url:
        _check_http(removal, site_url.rstrip("/"), gone)
    if PORTAL in targets:
        if portal is None:
            removal.unchecked.append("门户（撤回已排入发布队列）")
        else:
            _check_portal(removal, portal, gone)
    if PACKAGE in targets:
        # From the air-gapped machine the withdrawal leaves in a transfer package: done once exported
        # (or never needed, the entry having never left); the online machine proves its own site.
        if package_left:
            removal.checked.append("传输包（撤回已导出）")
        else:
            removal.unchecked.append("传输包（撤回待导出）")
    line = removal.proof_line()
    (log.info if removal.proven else log.warning)("%s", line)
    with db.write() as session:
        row = session.get_one(NoticeRemoval, removal.removal_id, with_for_update=True)
        if row.proven_at is not None or row.last_check == line:
            return  # proven meanwhile by another desk, or nothing new to record
        row.last_check = line
        if removal.proven:
            row.proven_at = utcnow()
        audit.record(
            session,
            None,
            "catalog.notice_proof",
            document_id=removal.document_id,
            index_no=removal.index_no,
            files=[{"path": f.path, "sha256": f.sha256} for f in removal.files],
            shared=removal.shared or None,
            checked=removal.checked,
            still_served=removal.still_served or None,
            unchecked=removal.unchecked or None,
        )


def _still_live(session: Session, shas: list[str]) -> set[str]:
    """Those of `shas` a live entry publishes too: a content-addressed file stays for it."""
    live = CatalogEntry.status == "published"
    own = session.scalars(
        select(CatalogEntry.published_sha256).where(live, CatalogEntry.published_sha256.in_(shas))
    )
    attached = session.scalars(
        select(CatalogAttachment.blob_sha256)
        .join(CatalogEntry, CatalogEntry.id == CatalogAttachment.catalog_entry_id)
        .where(live, CatalogAttachment.blob_sha256.in_(shas))
    )
    return {*own, *attached}


def _check_folder(removal: Removal, site: Path, gone: list[ServedFile]) -> None:
    files = site / "files"
    left = [p.name for f in gone for p in files.glob(f"{f.sha256}*")] if files.is_dir() else []
    page = site / removal.page
    withdrawn_page = page.is_file() and WITHDRAWN_MARK in page.read_text(encoding="utf-8", errors="replace")
    if left:
        removal.still_served += [f"网站文件夹 files/{name}" for name in left]
    if page.exists() and not withdrawn_page:
        removal.still_served.append(f"网站文件夹 {removal.page}（不是已撤回页面）")
    if not left and (withdrawn_page or not page.exists()):
        removal.checked.append(f"网站文件夹 {site}")


def _check_http(removal: Removal, base: str, gone: list[ServedFile]) -> None:
    served = [f"{base}/{f.path}" for f in gone if _http_status(f"{base}/{f.path}")[0] not in (404, 410)]
    status, body = _http_status(f"{base}/{removal.page}")
    if status == 200 and WITHDRAWN_MARK not in body.decode("utf-8", "replace"):
        served.append(f"{base}/{removal.page}（不是已撤回页面）")
    if status is None:
        removal.unchecked.append(f"网站 {base}（无法访问）")
    elif served:
        removal.still_served += served
    else:
        removal.checked.append(f"网站 {base}")


def _http_status(url: str) -> tuple[int | None, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except (urllib.error.URLError, OSError):
        return None, b""


def _check_portal(removal: Removal, portal: Any, gone: list[ServedFile]) -> None:
    from publish.portal import PortalError

    try:
        status = portal.status(removal.index_no)
        served = [f"门户 /api/v1/files/{f.sha256}" for f in gone if portal.file(f.sha256) is not None]
    except PortalError as exc:
        removal.unchecked.append(f"门户（{exc.message}）")
        return
    if status is not None and status.get("status") != "withdrawn":
        served.append(f"门户 条目 {removal.index_no}")
    if served:
        removal.still_served += served
    else:
        removal.checked.append("门户")
