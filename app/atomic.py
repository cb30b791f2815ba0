"""Atomic file writes for the desk (the one implementation lives in publish.files)."""

from __future__ import annotations

from publish.files import write_atomic as write_bytes_atomic

__all__ = ["write_bytes_atomic"]
