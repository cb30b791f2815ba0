"""One lock for PyMuPDF, which is not thread-safe: every use in a process takes it; and where
MuPDF's messages go."""

from __future__ import annotations

import os
import sys
import threading

LOCK = threading.RLock()


def mupdf_messages_to_stderr() -> None:
    """PyMuPDF prints MuPDF's errors (and warnings, when they are on) to stdout, into the middle of
    `check --format json`: they are diagnostics, so they go to stderr — here and in the worker
    processes, which inherit the environment. A PYMUPDF_MESSAGE the user set is left alone."""
    for variable in ("PYMUPDF_MESSAGE", "PYMUPDF_LOG"):
        if variable in os.environ:
            continue
        os.environ[variable] = "fd:2"
        pymupdf = sys.modules.get("pymupdf")
        if pymupdf is not None and variable == "PYMUPDF_MESSAGE":
            pymupdf.set_messages(fd=2)
