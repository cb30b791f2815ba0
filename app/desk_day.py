"""The desk's calendar day, asked in one place so that every rule judging a date agrees on it.

Rules compare dates the user or a file gives with this day (发布日期 is the day of publishing, a
公示期 ends today or later, legal clocks count to it). The tests hold it to one day for a whole run
(tests/run_day.py), so a run that crosses midnight judges as one day throughout.
"""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local calendar day."""
    return dt.date.today()
