"""One lock for PyMuPDF, which is not thread-safe: every use in a process takes it."""

from __future__ import annotations

import threading

LOCK = threading.RLock()
