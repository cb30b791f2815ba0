"""Chinese working days: weekends and 法定节假日 off, 调休 make-up days on (chinese-calendar).

For a year the calendar does not know yet, weekends only — and the answer says it is not exact.
"""

from __future__ import annotations

import datetime as dt


def is_workday(day: dt.date) -> tuple[bool, bool]:
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_working_days(start: dt.date, days: int) -> tuple[dt.date, bool]:
    """The date `days` working days after `start` (start itself not counted), and whether the
    calendar knew every day on the way (False: weekends only for an unknown year)."""
    day, exact, left = start, True, days
    while left > 0:
        day += dt.timedelta(days=1)
        work, known = is_workday(day)
        exact = exact and known
        left -= work
    return day, exact


def working_days_between(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """Working days after `start` up to and including `end` (0 if end is not later), and whether exact."""
    count, exact, day = 0, True, start
    while day < end:
        day += dt.timedelta(days=1)
        work, known = is_workday(day)
        exact = exact and known
        count += work
    return count, exact
