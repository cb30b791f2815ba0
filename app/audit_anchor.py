"""The audit chain anchored outside the database: this machine's checkpoints and its sealing key.

Anyone who can write the database can recompute the whole hash chain, or cut its tail together
with `audit_head`, or append an event of their own. So each desk keeps, in the folder
`audit-anchor/` of its data directory (owner-only), a random key that never enters the database
(`anchor.key`) and, for each database it works on, a checkpoint of the highest chain head — event id
and hash — it has committed (`checkpoints.json`, MAC'd as a whole with the key). Every event the
desk writes is sealed with an HMAC-SHA256 of its hash under the key (`AuditEvent.seal`).

A checkpoint only moves forward and is written after the transaction commits: a crash in between
leaves it behind the database, which is fine. The database being behind a checkpoint (a truncated
tail), holding another hash at the checkpoint's id (a rewritten chain), or holding after it an
event without a seal or with a false one of this key, is tampering. On a shared PostgreSQL database
every machine keeps its own checkpoint and key: each checks the chain up to the highest head it
saw, and the seals of the events it wrote; events sealed elsewhere are counted per key.

Key and file are made together (a new folder renamed into place), so one without the other, an
edited file or a deleted checkpoint of one database are seen. Deleting the whole folder looks like
a machine that has never written to the database: `audit verify` says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import shutil
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool

from app.db.database import Database

log = logging.getLogger(__name__)

ANCHOR_DIR = "audit-anchor"  # in the data directory, owner-only
CHECKPOINT_FILE = "checkpoints.json"
KEY_FILE = "anchor.key"
FORMAT = 1
HISTORY_KEPT = 50  # superseded checkpoints (restores, accepted investigations) kept in the file


class AnchorError(Exception):
    """The checkpoint file or its key is not what this desk wrote (altered, or one of them deleted)."""

    def __init__(self, problem: str, path: Path) -> None:
        self.problem = problem  # "altered" | "missing" | "key_missing"
        self.path = path
        super().__init__(f"{problem}: {path}")


@dataclass(frozen=True)
class Checkpoint:
    last_id: int
    last_hash: str
    at: str


def database_identity(url: URL) -> str:
    """Which database a checkpoint is of: the SQLite file's full path, or the server and database
    (not the user, driver or password: the same database whoever connects to it)."""
    backend = url.get_backend_name()
    if backend == "sqlite":
        name = url.database or ""
        return f"sqlite:{Path(name).resolve() if name and name != ':memory:' else name}"
    return f"{backend}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


class Anchor:
    """This machine's checkpoints and sealing key for one database, in one data directory."""

    def __init__(self, data_dir: Path, identity: str) -> None:
        self.identity = identity
        self.folder = data_dir / ANCHOR_DIR
        self.path = self.folder / CHECKPOINT_FILE
        self.key_path = self.folder / KEY_FILE
        self._key: bytes | None = None

    # -- the key --------------------------------------------------------------------------------

    def _read_key(self) -> bytes | None:
        if self._key is None:
            try:
                self._key = bytes.fromhex(self.key_path.read_text(encoding="ascii").strip())
            except FileNotFoundError:
                return None
        return self._key

    def _create(self) -> None:
        """The key and an empty checkpoint file, made together in a new folder that is renamed into
        place: no moment has one without the other, and of two desks starting at once one wins."""
        parent = self.folder.parent
        parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        staging = Path(tempfile.mkdtemp(prefix=f".{ANCHOR_DIR}-", dir=parent))  # 0700
        try:
            key = secrets.token_bytes(32)
            _write_new(staging / KEY_FILE, (key.hex() + "\n").encode("ascii"))
            _write_new(staging / CHECKPOINT_FILE, _signed(key, {"databases": {}, "history": []}))
            try:
                os.rename(staging, self.folder)
            except OSError:
                if not self.folder.exists():
                    raise  # another desk's folder is the one; anything else is an error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._key = None

    @property
    def key_id(self) -> str | None:
        key = self._read_key()
        return hashlib.sha256(b"audit-anchor-key-id" + key).hexdigest()[:16] if key else None

    # -- seals of events ------------------------------------------------------------------------

    def seal(self, event_hash: str) -> str:
        """`key id:MAC` of an event's hash, with this machine's key (made on first use)."""
        key = self._read_key()
        if key is None:
            if self.folder.exists():
                raise AnchorError("key_missing", self.key_path)
            self._create()
            key = self._read_key()
            assert key is not None
        kid = hashlib.sha256(b"audit-anchor-key-id" + key).hexdigest()[:16]
        return f"{kid}:{hmac.new(key, event_hash.encode('ascii'), hashlib.sha256).hexdigest()}"

    def check_seal(self, event_hash: str, seal: str) -> bool | None:
        """True or False for a seal of this machine's key; None for another machine's (or no key)."""
        key = self._read_key()
        kid, _, mac = seal.partition(":")
        if key is None or kid != self.key_id:
            return None
        return hmac.compare_digest(mac, hmac.new(key, event_hash.encode("ascii"), hashlib.sha256).hexdigest())

    # -- the checkpoint file --------------------------------------------------------------------

    def _load(self) -> dict[str, Any] | None:
        """The whole file, its MAC checked; None when neither file nor key exists (never anchored here)."""
        key = self._read_key()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            if key is not None or self.folder.exists():
                raise AnchorError("missing", self.path) from None
            return None
        if key is None:
            raise AnchorError("key_missing", self.key_path)
        try:
            data = json.loads(raw)
            mac = data.pop("mac")
            ok = data.get("format") == FORMAT and isinstance(data.get("databases"), dict)
        except (ValueError, KeyError, AttributeError):
            raise AnchorError("altered", self.path) from None
        if not ok or not hmac.compare_digest(
            str(mac), hmac.new(key, _canonical(data), hashlib.sha256).hexdigest()
        ):
            raise AnchorError("altered", self.path)
        return data

    def _write(self, data: dict[str, Any]) -> None:
        key = self._read_key()
        assert key is not None
        _replace(self.path, _signed(key, data))

    def read(self) -> Checkpoint | None:
        """This database's checkpoint here, or None if this machine never anchored it.
        Raises AnchorError when the file or the key is not what the desk wrote."""
        data = self._load()
        entry = (data or {}).get("databases", {}).get(self.identity)
        if entry is None:
            return None
        return Checkpoint(int(entry["last_id"]), str(entry["last_hash"]), str(entry["at"]))

    def history(self) -> list[dict[str, Any]]:
        data = self._load() or {}
        return [h for h in data.get("history", []) if h.get("database") == self.identity]

    def advance(self, last_id: int, last_hash: str) -> None:
        """Moves the checkpoint to a head just committed; never back (a later one may be written already)."""
        with _LOCK:
            data = self._load() or {"databases": {}, "history": []}
            current = data["databases"].get(self.identity)
            if current is not None and int(current["last_id"]) >= last_id:
                return
            data["databases"][self.identity] = self._entry(last_id, last_hash)
            self._write(data)

    def prepare_rebase(self) -> None:
        """Before a rebase is committed: a damaged or half-deleted checkpoint file and key, which the
        administrator accepts, are put aside (renamed, never deleted) and a new key is made."""
        with _LOCK:
            try:
                self._load()
            except AnchorError as exc:
                log.warning("audit checkpoint put aside after %s", exc)
                if self.folder.exists():
                    self.folder.rename(self.folder.with_name(f"{ANCHOR_DIR}.replaced-{_stamp()}"))
                self._key = None
            if self._read_key() is None:
                self._create()

    def rebase(self, last_id: int, last_hash: str, reason: str) -> None:
        """Puts the checkpoint at this head whatever it was (a restored backup, an accepted
        investigation); the one it replaces is kept in the file's history."""
        with _LOCK:
            data = self._load() or {"databases": {}, "history": []}
            old = data["databases"].get(self.identity)
            if old is not None:
                data["history"].append(
                    {"database": self.identity, **old, "replaced_at": _now(), "reason": reason}
                )
            data["databases"][self.identity] = self._entry(last_id, last_hash)
            self._write(data)

    @staticmethod
    def _entry(last_id: int, last_hash: str) -> dict[str, Any]:
        return {"last_id": last_id, "last_hash": last_hash, "at": _now()}


def _signed(key: bytes, data: dict[str, Any]) -> bytes:
    body = {"format": FORMAT, "databases": data["databases"], "history": data["history"][-HISTORY_KEPT:]}
    body["mac"] = hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _replace(path: Path, data: bytes) -> None:
    """Owner-only, atomic (a reader sees the old file or the new one) — and not fsynced, unlike
    app.atomic: a checkpoint must never be more durable than the commit it follows (SQLite in WAL
    mode with synchronous=NORMAL does not sync each commit), or after a power cut it would stand
    ahead of the database and look like a truncated tail. Lost, it merely lags behind."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


_LOCK = threading.Lock()  # one writer of checkpoint files at a time in this process
# The anchor of each attached database, by its connection pool (which its sessions share).
_ANCHORS: weakref.WeakKeyDictionary[Pool, Anchor] = weakref.WeakKeyDictionary()


def attach(db: Database, data_dir: Path, identity: str | None = None) -> Anchor:
    """From now on, writes through `db` are sealed and checkpointed in `data_dir` — as the database
    `identity` names where `db` is a copy that will take its place (a staged restore)."""
    anchor = Anchor(data_dir, identity or database_identity(db.url))
    _ANCHORS[db.engine.pool] = anchor
    return anchor


def for_database(db: Database) -> Anchor | None:
    return _ANCHORS.get(db.engine.pool)


def for_session(session: Session) -> Anchor | None:
    pool = getattr(session.get_bind(), "pool", None)
    return _ANCHORS.get(pool) if pool is not None else None
