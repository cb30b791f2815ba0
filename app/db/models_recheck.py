"""The tables of whole-catalog re-checks: the extracted text kept per release, re-check runs and
their hits, and the site sentinel's runs."""

from __future__ import annotations
