"""Fault points: named steps at which a test makes the process die, to prove crash consistency.

`point("export.after_write")` kills the process with SIGKILL — no `finally`, no `atexit`, no
buffered output flushed, exactly like a power cut as far as the process is concerned — when the
environment variable DESK_FAULT_AT names that step. Several steps may be named, separated by
commas; `name@N` dies on the N-th time the step is reached (`site.after_entry@2`).

Unarmed, a point costs one dict lookup: the variable is read once, when this module is imported.
The module imports only the standard library, so any layer of `app` may call it.
"""

from __future__ import annotations

import os
import signal

ENV = "DESK_FAULT_AT"

_armed: dict[str, int] = {}


def arm(spec: str) -> None:
    """Arms the steps of `spec` (the DESK_FAULT_AT syntax) in this process, replacing earlier ones."""
    _armed.clear()
    for part in spec.split(","):
        name, _, count = part.strip().partition("@")
        if name:
            _armed[name] = int(count) if count.strip().isdigit() and int(count) > 0 else 1


def point(name: str) -> None:
    """Dies here if DESK_FAULT_AT names this step (on its N-th pass for `name@N`)."""
    if name in _armed:
        _armed[name] -= 1
        if _armed[name] <= 0:
            die()


def die() -> None:
    """Ends the process at once, as kill -9 would (Windows has no SIGKILL: TerminateProcess)."""
    os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


arm(os.environ.get(ENV, ""))
