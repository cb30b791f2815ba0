"""The tables of 依申请公开: requests for information, the actions on their clocks, and answers."""

from __future__ import annotations
