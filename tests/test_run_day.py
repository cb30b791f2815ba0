"""A test run judges as one day, in its own processes and in every desk process it starts."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from app import desk_day
from tests.run_day import TODAY

ROOT = Path(__file__).resolve().parent.parent


def test_the_desk_started_by_a_test_judges_as_the_runs_day() -> None:
    assert desk_day.today() == TODAY
    # Another day than the clock's, so that only the pin can make the desk say it.
    pinned = dt.date(2031, 2, 28)
    out = subprocess.run(
        [sys.executable, "-c", "from app import desk_day; print(desk_day.today().isoformat())"],
        cwd=ROOT,
        env={**os.environ, "DESK_TEST_TODAY": pinned.isoformat()},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == pinned.isoformat()
