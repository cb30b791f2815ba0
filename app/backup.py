"""Backup and restore of the embedded database: one SQLite file holding everything, blobs included.

The copy goes through SQLite's online backup API, so it is consistent while the desk (or several
desks) keep working on the file. A shared PostgreSQL database is backed up with the server's tools.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app import audit, pending_work
from app.db.database import Database
from app.db.models import AuditEvent, AuditHead, User
from app.errors import QT_TRANSLATE_NOOP, AuthenticationFailed, PermissionDenied, ValidationFailed
from app.passwords import verify_password
from app.roles import Role

log = logging.getLogger(__name__)


def copy_sqlite(source: Path, target: Path, data_dir: Path | None = None) -> None:
    """A consistent copy of `source` at `target`, written beside it and renamed into place.

    The half-written copy is a whole unredacted database: with `data_dir`, an intent names it
    (app.pending_work), so that a run killed before the rename has it removed at the next start."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    intent = pending_work.begin(data_dir, pending_work.COPY, path=str(partial)) if data_dir else None
    try:
        # Owner-only from the start: a backup holds every draft unredacted and every password hash.
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
        src, dst = sqlite3.connect(source), sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            src.close()
            dst.close()
        with partial.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        if intent is not None:
            intent.done()


def remove_partial_copies(data_dir: Path) -> list[str]:
    """The half-written copies of runs killed before their rename, removed; returns their paths."""
    removed = []
    for intent in pending_work.orphans(data_dir, pending_work.COPY):
        path = str(intent.data.get("path", ""))
        if path:
            Path(path).unlink(missing_ok=True)
            removed.append(path)
        intent.done()
    return removed


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    sha256: str
    revision: str


def _require_admin(user: User) -> None:
    if not user.has_role(Role.ADMIN):
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以备份或恢复数据库。"))


def backup(db: Database, user_id: int, out: Path) -> BackupInfo:
    """A copy of the whole database (every draft in it, unredacted): an administrator's act, audited."""
    if not db.is_sqlite or not db.url.database:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "共享数据库（PostgreSQL）请用数据库服务器的工具（如 pg_dump）备份。"
            )
        )
    with db.read() as session:
        _require_admin(session.get_one(User, user_id))
    database = Path(db.url.database)
    copy_sqlite(database, out, database.parent)
    revision = check_backup(out)
    with out.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    with db.write() as session:
        audit.record(session, session.get_one(User, user_id), "database.backup", path=str(out), sha256=digest)
    log.info("database backed up to %s (%s)", out, digest[:16])
    return BackupInfo(out, out.stat().st_size, digest, revision)


_DESK_TABLES = {"alembic_version", "users", "user_roles", "audit_events", "audit_head"}


def check_backup(path: Path) -> str:
    """The backup's schema revision, after checking it is a sound desk database."""
    from app.db.migrate import known_revisions

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity")
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables >= _DESK_TABLES:  # a file naming a known revision is not yet a desk
                raise sqlite3.DatabaseError("tables")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.close()
    except (sqlite3.DatabaseError, TypeError) as exc:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“{name}”不是完好的审发台数据库备份。"), name=path.name
        ) from exc
    if revision not in known_revisions():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "备份来自更新版本的审发台（数据库版本 {revision}），请先升级本机的审发台。"
            ),
            revision=revision,
        )
    return str(revision)


def _refuse_if_in_use(database: Path) -> None:
    conn = sqlite3.connect(database, timeout=0.5)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    except sqlite3.OperationalError as exc:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "数据库正被使用。请先关闭所有使用该数据目录的审发台，再恢复备份。")
        ) from exc
    finally:
        conn.close()


def _authorize_restore(source: Path, database: Path, login: str, password: str) -> None:
    """An administrator signs in: of the database being replaced, or of the backup on a desk that has none."""
    judged = database if database.exists() else source
    with sqlite3.connect(f"file:{judged}?mode=ro", uri=True) as conn:
        row = conn.execute(
            "SELECT u.password_hash, u.active, EXISTS(SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?) "
            "FROM users u WHERE u.login = ?",
            (Role.ADMIN.value, login.strip()),
        ).fetchone()
    conn.close()
    if row is None or not row[1] or not verify_password(password, row[0]):
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("DeskError", "登录名或密码不正确。"))
    if not row[2]:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以备份或恢复数据库。"))


def restore(
    source: Path, database: Path, backups_dir: Path, login: str, password: str, *, force: bool = False
) -> Path | None:
    """Puts a backup in place of `database`; an existing database is kept in `backups_dir` first.

    Only an administrator, signed in, may; the restored database records who restored it from what.
    Returns where the replaced database was kept. The desk must not be using `database`.

    The restore event is committed in a copy beside the database, which then takes its place, and
    only then does this machine's audit checkpoint follow. A run killed before the swap leaves the
    old database under its own checkpoint; one killed after it is finished by the next start
    (`finish_restores`): in neither does the trail look cut or rewritten.
    """
    check_backup(source)
    _authorize_restore(source, database, login, password)
    with source.open("rb") as f:
        source_sha = hashlib.file_digest(f, "sha256").hexdigest()
    kept = None
    if database.exists():
        if not force:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "数据目录中已有数据库。如确要用备份替换它，请确认覆盖（当前数据库会先另存一份）。",
                )
            )
        _refuse_if_in_use(database)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = backups_dir / f"desk-{stamp}-before-restore.sqlite3"
        copy_sqlite(database, kept, backups_dir.parent)
    # The data directory is the one whose backups folder the caller named (the desk's own layout).
    data_dir = backups_dir.parent
    staged = database.with_name(f".{database.name}.restoring")
    token = uuid.uuid4().hex
    intent = pending_work.begin(
        data_dir, pending_work.RESTORE, database=str(database), staged=str(staged), token=token
    )
    try:
        copy_sqlite(source, staged, data_dir)
        head = _record_restore(staged, database, login, source, source_sha, kept, data_dir, token)
        if database.exists():
            _empty_wal(database)  # no frame of the old file's WAL may be read as the new one's
        os.replace(staged, database)
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        pending_work.fsync_dir(database.parent)
        _follow_checkpoint(data_dir, database, head)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{staged}{suffix}").unlink(missing_ok=True)
        intent.done()
    log.info("database restored from %s", source)
    return kept


def _record_restore(
    staged: Path,
    database: Path,
    login: str,
    source: Path,
    sha: str,
    kept: Path | None,
    data_dir: Path,
    token: str,
) -> tuple[int, str]:
    """The restore event, sealed by this machine, committed in the staged copy; returns its head."""
    from app import audit_anchor
    from app.db.migrate import upgrade

    db = Database(f"sqlite:///{staged}")
    try:
        upgrade(db, None)
        # The backup's own trail must hold: restored, an edit made in the file would become the
        # desk's record, under a checkpoint that follows it.
        with db.read() as session:
            problems = audit.verify(session, anchor=None)[1]
        if problems:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "备份的审计链被改动过，拒绝恢复：{problem}"),
                problem=problems[0].describe(),
            )
        audit_anchor.attach(db, data_dir, identity=_identity(database))
        with db.write() as session:
            # The database goes back to the backup's chain on purpose: this machine's checkpoint
            # follows once the copy is in place.
            audit.replace_checkpoint(session, f"database.restore: {source}", later=True)
            actor = session.scalar(select(User).where(User.login == login.strip()))
            audit.record(
                session,
                actor,
                "database.restore",
                login=login.strip(),
                source=str(source),
                sha256=sha,
                kept=str(kept) if kept else None,
                restore=token,
            )
        with db.read() as session:
            head = session.get_one(AuditHead, 1)
            last = (head.last_id, head.last_hash)
    finally:
        db.dispose()
    _fold_journal(staged)
    return last


def _identity(database: Path) -> str:
    from sqlalchemy.engine import make_url

    from app.audit_anchor import database_identity

    return database_identity(make_url(f"sqlite:///{database}"))


def _empty_wal(database: Path) -> None:
    conn = sqlite3.connect(database)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _fold_journal(database: Path) -> None:
    """Writes the file's WAL into it and leaves it one self-contained, fsynced file."""
    conn = sqlite3.connect(database)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with database.open("rb+") as f:
        os.fsync(f.fileno())


def _follow_checkpoint(data_dir: Path, database: Path, head: tuple[int, str]) -> None:
    from app.audit_anchor import Anchor

    Anchor(data_dir, _identity(database)).rebase(*head, reason=f"database.restore: {database}")


@dataclass(frozen=True)
class RestoreOutcome:
    """What the next start found of a restore that was killed."""

    database: str
    finished: bool  # True: the backup was in place, the checkpoint now follows it; False: nothing changed


def finish_restores(db: Database, data_dir: Path) -> list[RestoreOutcome]:
    """Restores a killed run left: the staged copy removed if it never took the database's place,
    the checkpoint moved to the restored head if it did. Needs `db` to be the restored database."""
    outcomes = []
    for intent in pending_work.orphans(data_dir, pending_work.RESTORE):
        database = Path(str(intent.data.get("database", "")))
        staged = str(intent.data.get("staged", ""))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{staged}{suffix}").unlink(missing_ok=True)
        head = _restored_head(db, str(intent.data.get("token", "")))
        if head is not None and _identity(database) == _identity(Path(db.url.database or "")):
            _follow_checkpoint(data_dir, database, head)
        outcomes.append(RestoreOutcome(str(database), head is not None))
        intent.done()
    return outcomes


def _restored_head(db: Database, token: str) -> tuple[int, str] | None:
    """The head, if the database's last event is the restore that carried `token`."""
    if db.url.get_backend_name() != "sqlite" or not token:
        return None
    with db.read() as session:
        last = session.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
        if (
            last is None
            or last.action != "database.restore"
            or json.loads(last.detail).get("restore") != token
        ):
            return None
        return last.id, last.hash
