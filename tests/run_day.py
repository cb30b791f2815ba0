"""The day a whole test run judges as, fixed when the run starts.

The desk asks `app.desk_day.today()`; tests/conftest.py holds it to this day in the test processes and,
through tests/pin_day/sitecustomize.py, in every desk process a test starts. A run that crosses
midnight then judges as one day throughout, as a user's single action does.
"""

from __future__ import annotations

import datetime as dt
import os

TODAY = dt.date.fromisoformat(os.environ.get("DESK_TEST_TODAY") or dt.date.today().isoformat())
os.environ["DESK_TEST_TODAY"] = TODAY.isoformat()
