"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

OWNER_ONLY, PUBLIC = 0o600, 0o644  # the desk's own files; what a web server must read


@contextmanager
def atomic_file(path: Path, mode: int = OWNER_ONLY) -> Iterator[BinaryIO]:
    """A file to write `path`'s new content into; it replaces `path` only if the block succeeds.

    The file gets `mode` whatever the umask: owner-only unless it is meant to be served."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o755 if mode & 0o044 else 0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, mode)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, mode: int = OWNER_ONLY) -> None:
    with atomic_file(path, mode) as f:
        f.write(data)
