"""Work promised but not yet finished, kept in the data directory so that a crash is repaired.

Before a change commits whose follow-up happens outside the database — the static site rebuilt
after a publish or a withdrawal, a transfer package renamed into place after its export committed
— the command records an *intent* in `<data dir>/pending/` and holds an OS lock on it while it
runs. When the follow-up is done the intent is deleted; when it fails the intent is left for later.
An intent whose lock nobody holds belongs to a process that ended without finishing (kill -9, a
power cut, a failed follow-up): `orphans` hands it to the next start, which finishes or undoes the
work (`app.publishing.resume`). The lock goes with the process, so there is no stale-PID guessing.

Standard library only: `app.cli` checks for pending work on every start without loading the desk.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER = "pending"
SITE, EXPORT, COPY, RESTORE = "site", "export", "copy", "restore"  # the kinds of intent

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int, blocking: bool) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _lock(fd: int, blocking: bool) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        return True


def fsync_dir(folder: Path) -> None:
    """Makes a rename or unlink in `folder` durable (POSIX; Windows has no directory handles)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class Intent:
    """One piece of unfinished work, locked by this process while it holds the object."""

    path: Path
    kind: str
    data: dict[str, Any]
    _fd: int | None = field(default=None, repr=False)

    def done(self) -> None:
        """The work is finished (or undone): the intent goes."""
        if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed there
            self._close()
            self.path.unlink(missing_ok=True)
            return
        self.path.unlink(missing_ok=True)
        fsync_dir(self.path.parent)
        self._close()

    def release(self) -> None:
        """The work is still owed: the intent stays for the next start (or `site rebuild`)."""
        self._close()

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def folder_of(data_dir: Path) -> Path:
    return data_dir / FOLDER


def begin(data_dir: Path, kind: str, **data: Any) -> Intent:
    """Records an intent durably (written, fsynced, renamed into place) and locks it."""
    folder = folder_of(data_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{kind}-{uuid.uuid4().hex}.json"
    body = json.dumps({"kind": kind, **data}, ensure_ascii=False).encode("utf-8")
    if sys.platform == "win32":  # pragma: no cover - the open file cannot be renamed there; locked at once
        fd = os.open(folder / name, os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o600)
        _lock(fd, blocking=True)
        os.write(fd, body)
        os.fsync(fd)
        return Intent(folder / name, kind, data, fd)
    # Written under a dot name and renamed: a start that looks meanwhile sees a whole, locked intent.
    tmp = folder / f".{name}.tmp"
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    try:
        _lock(fd, blocking=True)
        os.write(fd, body)
        os.fsync(fd)
        os.replace(tmp, folder / name)
        fsync_dir(folder)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    return Intent(folder / name, kind, data, fd)


def waiting(data_dir: Path) -> bool:
    """Whether any intent is on disk (a directory listing, nothing opened): the cheap test at start."""
    with (
        contextlib.suppress(FileNotFoundError, NotADirectoryError),
        os.scandir(folder_of(data_dir)) as entries,
    ):
        return any(e.name.endswith(".json") for e in entries)
    return False


def orphans(data_dir: Path, kind: str | None = None) -> list[Intent]:
    """The intents no running process holds, now locked by this one: finish each with `done()`, or
    `release()` it to leave it for later. Intents of processes still at work are skipped."""
    folder = folder_of(data_dir)
    found: list[Intent] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            _remove_if_unlocked(path)  # an intent that died before it was renamed into place
            continue
        if not path.name.endswith(".json") or (kind is not None and not path.name.startswith(f"{kind}-")):
            continue
        intent = _claim(path)
        if intent is not None:
            found.append(intent)
    return found


def _claim(path: Path) -> Intent | None:
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    if not _lock(fd, blocking=False):
        os.close(fd)
        return None
    if sys.platform != "win32" and os.fstat(fd).st_nlink == 0:  # finished and removed while we opened it
        os.close(fd)
        return None
    try:
        with os.fdopen(os.dup(fd), "rb") as f:
            data = json.loads(f.read().decode("utf-8"))
        kind = str(data.pop("kind"))
    except (ValueError, KeyError, AttributeError):
        os.close(fd)
        path.unlink(missing_ok=True)  # not an intent this desk wrote: begin() writes whole files only
        return None
    return Intent(path, kind, data, fd)


def _remove_if_unlocked(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return
    try:
        if _lock(fd, blocking=False):
            path.unlink(missing_ok=True)
    finally:
        os.close(fd)


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Holds an OS lock on the folder itself while the block runs, so that two processes of the
    desk never write (or sweep) the same folder at once. The folder must exist. POSIX only; on
    Windows, where a directory cannot be locked, the block runs unlocked."""
    if sys.platform == "win32":  # pragma: no cover
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        _lock(fd, blocking=True)
        yield
    finally:
        os.close(fd)
