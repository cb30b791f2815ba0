"""Transfer packages: the air-gapped machine's publishing target, and their import online.

On the review machine, publishing with the package target queues catalog changes (new entries,
withdrawals, validity changes) like the portal's; `export_package` writes everything queued into
one signed package. On the online machine, `import_package` verifies it (signature against a
registered key, every hash, no replay), then takes the changes into its catalog in one
transaction — all or nothing — from where the static site and the portal publish them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, faults, pending_work, releases, signing_keys
from app.catalog import (
    PACKAGE,
    PORTAL,
    department_scheme,
    entry_by_index,
    follow_on_targets,
    note_imported_numbers,
    resend_interpreted,
)
from app.catalog_search import index_entry
from app.checking import desk_lexicon
from app.db.database import Database
from app.db.models import (
    CatalogAttachment,
    CatalogEntry,
    Department,
    PackageExport,
    PackageImport,
    PublishJob,
    TrustedKey,
    User,
    utcnow,
)
from app.documents import load_blob, store_blob
from app.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    DatabaseUnavailable,
    PermissionDenied,
    TranslatableError,
    ValidationFailed,
)
from app.field_limits import check, check_all
from app.publishing import UPSERT, VALIDITY, WITHDRAW, pending, supersede_withdrawn
from app.roles import Role
from app.rulepacks import department_sources
from publish.catalog import Validity
from publish.index_number import IndexScheme
from publish.release import ON_REQUEST, Release, ReleaseError
from publish.transfer import TransferError, VerifiedPackage, read_package, write_package
from review.extract.dispatch import visible_text
from review.lexicon import CompiledLexicon

log = logging.getLogger(__name__)

# The catalog fields a package carries for an entry (CatalogEntry attribute names).
ENTRY_FIELDS = (
    "title",
    "publisher",
    "doc_number",
    "category",
    "doc_type",
    "summary",
    "disclosure",
    "scope",
    "validity",
    "interprets_index_no",
    "interpretation_form",
    "status_reason",
    "legal_kind",
)
# 公示期 (notice_until) travels too: the online machine withdraws the list on time by itself,
# whenever the package that withdraws it on the review machine is carried over.
DATE_FIELDS = (
    "written_on",
    "published_on",
    "validity_changed_on",
    "withdrawn_on",
    "notice_until",
    "amended_on",
)
# Text fields packages carry since migration 0020 (older packages lack them): 已修改's document.
LATER_FIELDS = ("amended_by",)


def _publisher(user: User) -> int:
    if not user.has_role(Role.PUBLISHER) or user.department_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有部门的发布管理员可以导出或导入传输包。"))
    return user.department_id


# -- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    sequence: int
    items: int
    sha256: str


def _file(role: str, name: str, sha: str, media_type: str, size: int) -> dict[str, Any]:
    return {"role": role, "name": name, "sha256": sha, "media_type": media_type, "size": size}


def _item(session: Session, job: PublishJob) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    entry = session.get_one(CatalogEntry, job.catalog_entry_id)
    item: dict[str, Any] = {"action": job.action, "index_no": entry.index_no}
    item["entry"] = {field: getattr(entry, field) for field in (*ENTRY_FIELDS, *LATER_FIELDS)}
    item["entry"].update(
        {field: _iso(getattr(entry, field)) for field in DATE_FIELDS}, keywords=json.loads(entry.keywords)
    )
    files: list[tuple[str, bytes]] = []
    item["files"] = []
    if job.action == UPSERT:
        # Only the frozen release leaves: an entry that differs from it is refused here.
        release = releases.entry_release(session, entry)
        item["release"] = release.canonical().decode("utf-8")
        item["release_sha256"] = release.sha256
        wanted = [(f.role, f.name, f.sha256, f.media_type) for f in release.files]
        if entry.record_sha256:
            wanted.append(
                ("record", f"{entry.title}（保密审查单）.pdf", entry.record_sha256, "application/pdf")
            )
        for role, name, sha, media_type in wanted:
            data = load_blob(session, sha)  # re-hashed: the bytes that were reviewed
            files.append((sha, data))
            item["files"].append(_file(role, name, sha, media_type, len(data)))
    return item, files


# PackageExport.sha256 holds the package's SHA-256 once it is written, else one of these.
RESERVED, ABANDONED = "reserved", "abandoned"


class ExportPending(TranslatableError):
    """The package is exported and recorded, but its file could not yet be put in place."""


def export_package(
    db: Database,
    user_id: int,
    passphrase: str,
    out: Path,
    keys_dir: Path,
    *,
    data_dir: Path | None = None,
) -> ExportResult:
    """Writes every queued package change into one signed package at `out`, crash-safely.

    1. The sequence number, the export row (sha256 "reserved") and a `package.reserve` event are
       committed first (an intent in the data directory, `app.pending_work`, says where the file goes).
    2. The package is written under a hidden temporary name beside `out` and fsynced.
    3. One short transaction marks the jobs done, records the package's SHA-256 and `package.export`.
    4. Only then is the file renamed to `out`.
    A crash before 3 leaves the jobs queued; the next start (or export) removes the temporary file
    and marks the reservation abandoned: its sequence number is never used again (the online
    machine accepts the gap). A crash after 3 is finished by renaming the file into place. So no
    valid package exists outside the desk's records, and none is recorded without its file.
    `data_dir` (default: the folder that holds `keys_dir`) keeps the intent.
    """
    data_dir = data_dir if data_dir is not None else keys_dir.parent
    recover_exports(db, data_dir)
    out = Path(os.path.abspath(out))
    with db.write() as session:
        _publisher(session.get_one(User, user_id))
        supersede_withdrawn(session, PACKAGE)
    with db.read() as session:
        user = session.get_one(User, user_id)
        department_id = _publisher(user)
        department = session.get_one(Department, department_id)
        jobs = [
            j
            for j in pending(session, PACKAGE)
            if session.get_one(CatalogEntry, j.catalog_entry_id).department_id == department_id
        ]
        if not jobs:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError", "没有待导出的条目。发布时选择“传输包”目标，条目才会进入传输包。"
                )
            )
        key_row = signing_keys.active(session, department_id)
        key = signing_keys.unlock(key_row, passphrase, keys_dir)  # a wrong passphrase reserves nothing
        key_id = key_row.key_id
        built = [_item(session, job) for job in jobs]
        job_ids = [job.id for job in jobs]
        scheme = department_scheme(session, department)
        header = {
            "department": {"name": department.name, "code": department.code},
            "exported_by": user.display_name,
            # The receiving machine refuses a package numbered in its own 号段 before any clash.
            "index_segment": {
                "prefix": scheme.prefix,
                "first": scheme.serial_first,
                "last": scheme.segment_last,
                "segmented": scheme.segmented,
            },
        }
    package_id = str(uuid.uuid4())
    tmp = out.with_name(f".{out.name}.{package_id}.partial")
    intent = pending_work.begin(
        data_dir, pending_work.EXPORT, package_id=package_id, path=str(out), tmp=str(tmp)
    )
    try:
        sequence = _reserve(db, user_id, department_id, package_id, key_id, job_ids, out)
    except TranslatableError as exc:
        if isinstance(exc, DatabaseUnavailable):
            intent.release()  # settled by the next start: the reservation may or may not have committed
        else:
            intent.done()  # refused before anything was committed
        raise
    except BaseException:
        intent.release()
        raise
    faults.point("export.after_reserve")
    manifest = {
        "package_id": package_id,
        "sequence": sequence,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **header,
        "items": [item for item, _ in built],
    }
    try:
        sha = write_package(tmp, manifest, _written([f for _, files in built for f in files]), key)
        faults.point("export.after_write")
        _record_export(db, user_id, package_id, job_ids, sha)
    except BaseException as exc:
        try:
            _settle_or_keep(db, intent)
        except Exception:  # the database is gone too: the next start settles it
            log.exception("export %s left for the next start", package_id)
        if isinstance(exc, OSError):
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "无法写入传输包“{name}”：{reason}。没有导出任何内容。"),
                name=out.name,
                reason=exc.strerror or str(exc),
            ) from exc
        raise
    faults.point("export.after_commit")
    try:
        _put_in_place(tmp, out)
    except OSError as exc:
        intent.release()
        raise ExportPending(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "传输包（序号 {sequence}）已导出并记录，但无法写到“{path}”：{reason}。"
                "下次启动审发台时会再次尝试。",
            ),
            sequence=sequence,
            path=str(out),
            reason=exc.strerror or str(exc),
        ) from exc
    faults.point("export.after_rename")
    intent.done()
    return ExportResult(package_id, sequence, len(job_ids), sha)


def _written(files: list[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    for sha, data in files:
        yield sha, data
        faults.point("export.during_write")  # a package half written


def _reserve(
    db: Database,
    user_id: int,
    department_id: int,
    package_id: str,
    key_id: str,
    job_ids: list[int],
    out: Path,
) -> int:
    """The first transaction: the next sequence number, taken for good."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        _publisher(user)
        # Two exports of one department reserve one after the other (SQLite serialises writers anyway).
        session.scalars(select(Department).where(Department.id == department_id).with_for_update()).one()
        if any(session.get_one(PublishJob, i).status != "queued" for i in job_ids):
            raise ConflictError(QT_TRANSLATE_NOOP("DeskError", "这些条目已由他人导出，本次导出已作废。"))
        sequence = (
            session.scalar(
                select(func.max(PackageExport.sequence)).where(PackageExport.department_id == department_id)
            )
            or 0
        ) + 1
        session.add(
            PackageExport(
                package_id=package_id,
                department_id=department_id,
                sequence=sequence,
                key_id=key_id,
                items=len(job_ids),
                sha256=RESERVED,
            )
        )
        audit.record(
            session,
            user,
            "package.reserve",
            package_id=package_id,
            sequence=sequence,
            items=len(job_ids),
            key_id=key_id,
            path=str(out),
        )
    return sequence


def _record_export(db: Database, user_id: int, package_id: str, job_ids: list[int], sha: str) -> None:
    """The second transaction: the package is written; its jobs are done."""
    with db.write() as session:
        user = session.get_one(User, user_id)
        row = session.get_one(PackageExport, package_id)
        jobs = [session.get_one(PublishJob, i) for i in job_ids]
        if row.sha256 != RESERVED or any(job.status != "queued" for job in jobs):
            raise ConflictError(QT_TRANSLATE_NOOP("DeskError", "这些条目已由他人导出，本次导出已作废。"))
        receipt = json.dumps({"package_id": package_id, "sequence": row.sequence, "sha256": sha})
        for job in jobs:
            job.status, job.receipt, job.done_at, job.attempts = "done", receipt, utcnow(), job.attempts + 1
        row.sha256 = sha
        audit.record(
            session,
            user,
            "package.export",
            package_id=package_id,
            sequence=row.sequence,
            items=len(jobs),
            sha256=sha,
            key_id=row.key_id,
        )


def _put_in_place(tmp: Path, out: Path) -> None:
    os.replace(tmp, out)
    pending_work.fsync_dir(out.parent)


@dataclass(frozen=True)
class ExportRecovery:
    """What the start did with an export a process left unfinished."""

    sequence: int | None
    path: str
    # "written": the package is in place; "missing": recorded as written, but its file is no longer
    # where it was written (carried off?); "abandoned": its sequence skipped; "kept": retry later.
    outcome: str


def recover_exports(db: Database, data_dir: Path) -> list[ExportRecovery]:
    """Finishes or undoes every export whose process died (see `export_package`)."""
    done = []
    for intent in pending_work.orphans(data_dir, pending_work.EXPORT):
        done.append(_settle_or_keep(db, intent))
    return done


def _settle_or_keep(db: Database, intent: pending_work.Intent) -> ExportRecovery:
    try:
        outcome = _settle(db, intent.data)
    except BaseException:
        intent.release()
        raise
    if outcome.outcome == "kept":
        intent.release()
    else:
        intent.done()
    return outcome


def _settle(db: Database, data: dict[str, Any]) -> ExportRecovery:
    """An export's end, from what the database recorded: a reservation only → abandoned and its
    temporary file removed; recorded as written → the temporary file renamed into place."""
    package_id, out, tmp = str(data["package_id"]), Path(data["path"]), Path(data["tmp"])
    with db.write() as session:
        row = session.get(PackageExport, package_id)
        sequence = row.sequence if row is not None else None
        if row is not None and row.sha256 == RESERVED:
            row.sha256 = ABANDONED
            audit.record(
                session, None, "package.abandon", package_id=package_id, sequence=row.sequence, path=str(out)
            )
        written = row.sha256 if row is not None and row.sha256 not in (RESERVED, ABANDONED) else None
    if not out.parent.is_dir():
        return ExportRecovery(sequence, str(out), "kept")  # a removable disk not plugged in: later
    if written is not None and _sha256_of(tmp) == written:
        _put_in_place(tmp, out)
    _remove_partial(tmp)
    if written is not None:
        # Renamed into place (now or before the crash). A package that was carried off before this
        # start is accounted for all the same: its jobs stay done, never exported twice.
        return ExportRecovery(sequence, str(out), "written" if out.exists() else "missing")
    return ExportRecovery(sequence, str(out), "abandoned")


def _remove_partial(tmp: Path) -> None:
    """The temporary package and publish.files' own temporary file of it."""
    tmp.unlink(missing_ok=True)
    for stray in tmp.parent.glob(f".{tmp.name}.*.tmp"):
        stray.unlink(missing_ok=True)
    pending_work.fsync_dir(tmp.parent)


def _sha256_of(path: Path) -> str | None:
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except FileNotFoundError:
        return None


# -- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clash:
    """An index number of the package that this machine's catalog already gives another entry."""

    index_no: str
    here: str  # the title of the entry that holds it here
    package: str  # the title the package gives it


@dataclass(frozen=True)
class PackageSummary:
    """What a verified package holds, for the user to see before taking it in."""

    package_id: str
    sequence: int
    department: str
    key_id: str
    created_at: str
    items: list[tuple[str, str, str]]  # (action, index_no, title)
    # Numbers this machine already gave entries of its own: the package is refused unless they are set aside.
    clashes: tuple[Clash, ...] = ()


def verify_package(db: Database, path: Path) -> tuple[VerifiedPackage, PackageSummary]:
    """Verifies a package against the registered keys and this catalog; changes nothing.

    A field longer than the catalog holds refuses it; index numbers this machine already uses are
    listed in the summary (`clashes`), and refused at import unless set aside."""
    with db.read() as session:
        package = read_package(path, lambda kid: signing_keys.trusted_public_key(session, kid))
        trusted = session.get_one(TrustedKey, package.manifest["key_id"])
        department = session.scalar(select(Department).where(Department.code == trusted.department_code))
        _check_lengths(package.manifest["items"])
        clashes = _clashes(session, department, package.manifest["items"]) if department else ()
        if department is not None:
            _refuse_overlapping_segment(department_scheme(session, department), package.manifest)
    manifest = package.manifest
    department = manifest.get("department", {})
    if department.get("code") != trusted.department_code:
        raise TransferError(
            QT_TRANSLATE_NOOP(
                "DeskError", "传输包声称来自“{claimed}”，但签名密钥登记为“{registered}”，拒绝导入。"
            ),
            claimed=str(department.get("name")),
            registered=trusted.department_name,
        )
    summary = PackageSummary(
        package_id=package.package_id,
        sequence=int(manifest["sequence"]),
        department=trusted.department_name,
        key_id=trusted.key_id,
        created_at=str(manifest.get("created_at", "")),
        items=[(i["action"], i["index_no"], i["entry"]["title"]) for i in manifest["items"]],
        clashes=clashes,
    )
    return package, summary


def _clashes(session: Session, department: Department, items: list[dict[str, Any]]) -> tuple[Clash, ...]:
    """Index numbers of the package that this catalog gives an entry that did not come from the
    department's packages: both machines numbered in the same range (see catalog._single_allocator)."""
    titles: dict[str, str] = {}
    for item in items:
        titles.setdefault(str(item["index_no"]), str(item["entry"]["title"]))
    numbers = list(titles)
    found: list[Clash] = []
    for start in range(0, len(numbers), 500):  # a package may carry many thousands of items
        chunk = numbers[start : start + 500]
        for entry in session.scalars(select(CatalogEntry).where(CatalogEntry.index_no.in_(chunk))):
            if _held_here(entry, department):
                found.append(Clash(entry.index_no, entry.title, titles[entry.index_no]))
    order = {n: i for i, n in enumerate(numbers)}
    return tuple(sorted(found, key=lambda c: order[c.index_no]))


def _refuse_overlapping_segment(here: IndexScheme, manifest: dict[str, Any]) -> None:
    """Both machines given overlapping 号段 for one department will clash sooner or later: refused
    at the first package, with both ranges, rather than at the first clash. A sender that numbers
    the whole range (no 号段 set there, or an older desk's package) is checked number by number."""
    theirs = manifest.get("index_segment")
    if not isinstance(theirs, dict) or not theirs.get("segmented") or not here.segmented:
        return
    if theirs.get("prefix") != here.prefix:
        return
    first, last = int(theirs.get("first", 1)), int(theirs.get("last", 0))
    if first <= here.segment_last and here.serial_first <= last:
        raise TransferError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "传输包来自的审查机使用流水号号段 {first}–{last}，与本机号段 {here_first}–{here_last} "
                "重叠：两台机器会给不同条目编出同一个索引号。未导入任何内容。请系统管理员在本机“目录设置”中"
                "把本部门的号段改为与审查机不重叠的范围，再导入本包。",
            ),
            first=first,
            last=last,
            here_first=here.serial_first,
            here_last=here.segment_last,
        )


def _held_here(entry: CatalogEntry, department: Department) -> bool:
    return entry.source_package is None or entry.department_id != department.id


def clash_error(clashes: tuple[Clash, ...]) -> TransferError:
    """What the user is told of a package whose numbers this machine already uses, and what to do."""
    return TransferError(
        QT_TRANSLATE_NOOP(
            "DeskError",
            "传输包中有 {count} 个索引号在本机已被其他条目使用，未导入任何内容：{clashes}。"
            "这是离线审查机和本机在同一范围内各自编号造成的重号。处理办法：1. 系统管理员在两台机器的"
            "“目录设置”中为本部门设定互不重叠的流水号号段，以免再次重号；2. 选择“跳过重号条目”"
            "（命令行 --skip-clashes）导入本包的其余内容；3. 重号的条目由离线审查机撤回，"
            "再作为新文件审查、发布，以取得新的索引号。",
        ),
        count=len(clashes),
        clashes="；".join(f"{c.index_no}（本机：“{c.here}”；传输包：“{c.package}”）" for c in clashes[:10])
        + ("；……" if len(clashes) > 10 else ""),
    )


def _check_lengths(items: list[dict[str, Any]]) -> None:
    """Every field an item would write is of its type and fits its column (a package from an older
    desk, from a SQLite desk that kept longer text, or signed with fields of another shape, is
    refused by name rather than failing in the database)."""
    for item in items:
        index_no, fields = str(item["index_no"]), item["entry"]
        where = f"传输包条目 {index_no[:80]}"
        for name in (*ENTRY_FIELDS, *LATER_FIELDS, *DATE_FIELDS):
            if not _of_its_type(name, fields.get(name)):
                raise TransferError(
                    QT_TRANSLATE_NOOP("DeskError", "{item}的字段 {field} 无法识别，拒绝导入。"),
                    item=where,
                    field=name,
                )
        check(CatalogEntry.index_no, index_no, item=where)
        check_all(
            (
                (getattr(CatalogEntry, name), value)
                for name in (*ENTRY_FIELDS, *LATER_FIELDS)
                if isinstance(value := fields.get(name), str)
            ),
            item=where,
        )
        for f in item.get("files", []):
            if f.get("role") == "attachment":
                check(CatalogAttachment.name, f.get("name"), item=where)
                check(CatalogAttachment.media_type, f.get("media_type"), item=where)


def _of_its_type(name: str, value: Any) -> bool:
    if value is None or value == "":
        return True
    if name not in DATE_FIELDS:
        return isinstance(value, str)
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class ImportResult:
    summary: PackageSummary
    published: int
    withdrawn: int
    changed: int
    set_aside: tuple[str, ...] = ()  # index numbers not taken in: this machine uses them already


def import_package(
    db: Database, user_id: int, path: Path, *, to_portal: bool = False, set_aside_clashes: bool = False
) -> ImportResult:
    """Takes a verified package into the catalog, all or nothing; refuses replays.

    A package whose index numbers this machine already gives entries of its own is refused before
    anything is written, naming them — or, with `set_aside_clashes`, taken in without those items."""
    package, summary = verify_package(db, path)
    counts = {UPSERT: 0, WITHDRAW: 0, VALIDITY: 0}
    with db.write() as session:
        user = session.get_one(User, user_id)
        _publisher(user)
        trusted = session.get_one(TrustedKey, summary.key_id)
        if session.get(PackageImport, summary.package_id) is not None:
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包 {package} 已经导入过，拒绝再次导入（重放）。"),
                package=summary.package_id[:8],
            )
        last = session.scalar(
            select(func.max(PackageImport.sequence)).where(
                PackageImport.department_code == trusted.department_code
            )
        )
        if last is not None and summary.sequence <= last:
            raise TransferError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "传输包序号 {sequence} 不大于已导入的 {last}：可能是重放的旧包，拒绝导入。"
                ),
                sequence=summary.sequence,
                last=last,
            )
        department = session.scalars(
            select(Department).where(Department.code == trusted.department_code)
        ).one()
        items = package.manifest["items"]
        # This machine's counters step past the numbers the air-gapped machine gave out; their rows
        # stay locked, so a publisher here waits instead of taking one of them meanwhile.
        note_imported_numbers(session, department, (item["index_no"] for item in items))
        clashes = _clashes(session, department, items)  # again: the catalog may have moved since
        if clashes and not set_aside_clashes:
            raise clash_error(clashes)
        set_aside = {c.index_no for c in clashes}
        arrival = _ArrivalCheck(session, department)
        for item in items:
            if item["index_no"] in set_aside:
                continue
            _apply(session, department, summary.package_id, item, package.files, to_portal, arrival)
            counts[item["action"]] += 1
        session.add(
            PackageImport(
                package_id=summary.package_id,
                department_code=trusted.department_code,
                sequence=summary.sequence,
                key_id=trusted.key_id,
                items=len(summary.items),
                sha256=package.sha256,
                imported_by_id=user.id,
            )
        )
        audit.record(
            session,
            user,
            "package.import",
            package_id=summary.package_id,
            sequence=summary.sequence,
            department=trusted.department_name,
            key_id=trusted.key_id,
            sha256=package.sha256,
            items=len(summary.items),
            set_aside=sorted(set_aside) or None,
        )
    return ImportResult(summary, counts[UPSERT], counts[WITHDRAW], counts[VALIDITY], tuple(sorted(set_aside)))


def _apply(
    session: Session,
    department: Department,
    package_id: str,
    item: dict[str, Any],
    files: dict[str, bytes],
    to_portal: bool,
    arrival: _ArrivalCheck,
) -> None:
    index_no, action, fields = item["index_no"], item["action"], item["entry"]
    entry = entry_by_index(session, index_no)
    if entry is not None and _held_here(entry, department):
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "索引号“{index_no}”已被本机目录中的其他条目使用，拒绝导入。"),
            index_no=index_no,
        )
    if action == UPSERT:
        _refuse_foreign_link(session, department, index_no, fields)
        release = _release_of(item)
        arrival.refuse_problems(
            index_no,
            release.text_fields(),
            dt.date.fromisoformat(release.written_on) if release.written_on else None,
        )
        by_role = {f["role"]: f for f in item["files"]}
        if "published" not in by_role and release.conclusion != ON_REQUEST:
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包条目“{index_no}”缺少发布文件。"), index_no=index_no
            )
        for f in item["files"]:
            store_blob(session, files[f["sha256"]])
        if entry is None:
            entry = CatalogEntry(index_no=index_no, department_id=department.id)
            session.add(entry)
        for field in ENTRY_FIELDS:
            setattr(entry, field, fields[field])
        entry.validity = Validity(fields["validity"]).value
        _set_dates(entry, fields)
        entry.keywords = json.dumps(list(fields["keywords"]), ensure_ascii=False)
        entry.published_sha256 = by_role["published"]["sha256"] if "published" in by_role else ""
        entry.record_sha256 = by_role["record"]["sha256"] if "record" in by_role else None
        entry.release_sha256 = releases.store(session, None, release, document_id=None, review_id=None).sha256
        entry.source_package, entry.status = package_id, "published"
        session.flush()
        for old in session.scalars(
            select(CatalogAttachment).where(CatalogAttachment.catalog_entry_id == entry.id)
        ):
            session.delete(old)
        for f in item["files"]:
            if f["role"] == "attachment":
                session.add(
                    CatalogAttachment(
                        catalog_entry_id=entry.id,
                        name=f["name"],
                        blob_sha256=f["sha256"],
                        media_type=f["media_type"],
                    )
                )
        session.flush()
        releases.entry_release(session, entry)  # what came in is what the review machine froze
        index_entry(
            session, entry, visible_text(files[entry.published_sha256]) if entry.published_sha256 else ""
        )
        follow_on_targets(session, entry, UPSERT, also=[PORTAL] if to_portal else [])
        resend_interpreted(session, entry)
        return
    if entry is None:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包要修改的条目“{index_no}”不在本机目录中。"),
            index_no=index_no,
        )
    if action == WITHDRAW:
        arrival.refuse_problems(index_no, [("撤回理由", str(fields["status_reason"] or ""))])
        entry.status, entry.status_reason = "withdrawn", fields["status_reason"]
        _set_dates(entry, fields)
        follow_on_targets(session, entry, WITHDRAW)
    elif action == VALIDITY:
        arrival.refuse_problems(index_no, [("修改文件", str(fields.get("amended_by") or ""))])
        entry.validity = Validity(fields["validity"]).value
        _set_dates(entry, fields)
        follow_on_targets(session, entry, VALIDITY)
    else:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包含有无法识别的操作“{action}”。"), action=action
        )
    session.flush()


class _ArrivalCheck:
    """What a package brings is checked here as `audit published` will check it: its text against
    this machine's lexicon and the department's rule packs, blocking findings refusing the package.
    The signature says which machine sent it, not that nobody holding its passphrase wrote in it."""

    def __init__(self, session: Session, department: Department) -> None:
        self._session, self._department_id = session, department.id
        self._rules: tuple[CompiledLexicon, tuple[tuple[str, bytes], ...]] | None = None

    def refuse_problems(
        self, index_no: str, fields: list[tuple[str, str]], document_date: dt.date | None = None
    ) -> None:
        fields = [(place, text) for place, text in fields if text.strip()]
        if not fields:
            return
        if self._rules is None:  # compiled once a package, when it carries text
            self._rules = (
                desk_lexicon(self._session, self._department_id, None),
                department_sources(self._session, self._department_id),
            )
        lexicon, packs = self._rules
        problems = releases.text_problems(
            fields, lexicon, releases.NOTHING_REVIEWED, document_date=document_date, rulepacks=packs
        )
        if problems:
            raise TransferError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "传输包条目“{index_no}”未通过本机的保密检查：{problems}。未导入任何内容。"
                ),
                index_no=index_no,
                problems="；".join(problems),
            )


def _refuse_foreign_link(
    session: Session, department: Department, index_no: str, fields: dict[str, Any]
) -> None:
    """A department's key signs for its own entries only: an interpretation it sends may not attach
    itself to another department's document (the catalog and the site would show it under that
    document as if its department had published it)."""
    target_no = fields.get("interprets_index_no")
    target = entry_by_index(session, str(target_no)) if target_no else None
    if target is not None and target.department_id != department.id:
        raise TransferError(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "传输包条目“{index_no}”是对索引号“{target}”的解读，但该文件属于其他部门（{owner}），"
                "本包的签名部门无权为其添加解读。未导入任何内容。",
            ),
            index_no=index_no,
            target=str(target_no),
            owner=session.get_one(Department, target.department_id).name,
        )


def _release_of(item: dict[str, Any]) -> Release:
    """The frozen release an item carries; a package without one (an older desk's) is refused."""
    body, sha = item.get("release"), item.get("release_sha256")
    if not isinstance(body, str) or not isinstance(sha, str):
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包条目“{index_no}”没有冻结的发布内容，拒绝导入。"),
            index_no=item["index_no"],
        )
    try:
        return Release.from_canonical(body.encode("utf-8"), sha)
    except ReleaseError as exc:
        raise TransferError(exc.template, **exc.params) from exc


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _set_dates(entry: CatalogEntry, fields: dict[str, Any]) -> None:
    """The entry's dates and later fields as the review machine recorded them (older packages lack
    the later ones)."""
    for field in DATE_FIELDS:
        value = fields.get(field)
        setattr(entry, field, dt.date.fromisoformat(value) if value else None)
    for field in LATER_FIELDS:
        setattr(entry, field, fields.get(field) or None)
