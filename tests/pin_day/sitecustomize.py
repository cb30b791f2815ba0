"""Run by Python at start-up in every process a test starts (tests/conftest.py puts this folder on
PYTHONPATH): holds the desk's day to the run's, DESK_TEST_TODAY (see tests/run_day.py)."""

from __future__ import annotations

import datetime as dt
import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import ModuleType

_DAY = os.environ.get("DESK_TEST_TODAY")


class _PinnedDay(importlib.abc.MetaPathFinder):
    """Loads app.desk_day as usual, then replaces its today() with the run's day."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "app.desk_day":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def pinned(module: ModuleType) -> None:
            load(module)
            day = dt.date.fromisoformat(str(_DAY))
            module.today = lambda: day  # type: ignore[attr-defined]

        spec.loader.exec_module = pinned  # type: ignore[method-assign]
        return spec


if _DAY:
    sys.meta_path.insert(0, _PinnedDay())
