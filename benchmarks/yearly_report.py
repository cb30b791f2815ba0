"""The full yearly report at scale, against fetching the rows and counting (part of it) in Python.

    .venv/bin/python benchmarks/yearly_report.py [--entries 1000000] [--postgresql [URL]]

Builds the same generated catalog as benchmarks/catalog_search.py (a tenth of it marked 规章 or
行政规范性文件, some repealed), then times app.statistics.figures for one year.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalog_search import build  # noqa: E402
from common import database, median_time  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--postgresql", nargs="?", const="", metavar="URL")
    args = parser.parse_args()
    with database(args.postgresql) as url:
        run(args.entries, url)


def run(count: int, url: str | None) -> None:
    from sqlalchemy import select, text

    from app.db.models import CatalogEntry
    from app.statistics import figures

    with tempfile.TemporaryDirectory(prefix="desk-report-") as tmp:
        started = time.perf_counter()
        ws = build(Path(tmp), count, url)
        with ws.db.write() as s:
            s.execute(text("UPDATE catalog_entries SET legal_kind = 'normative' WHERE id % 10 = 1"))
            s.execute(text("UPDATE catalog_entries SET legal_kind = 'rule' WHERE id % 50 = 2"))
            s.execute(
                text(
                    "UPDATE catalog_entries SET validity = 'repealed', validity_changed_on = published_on "
                    "WHERE id % 70 = 1"
                )
            )
        print(
            f"{ws.db.engine.dialect.name}: built {count:,} entries in {time.perf_counter() - started:.1f} s"
        )
        year = 2021
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        with ws.db.read() as s:

            def naive() -> Counter[object]:
                """The report's published and 规章/规范性文件 figures, counted in Python from the rows."""
                counts: Counter[object] = Counter()
                rows = s.execute(
                    select(
                        CatalogEntry.category,
                        CatalogEntry.doc_type,
                        CatalogEntry.published_on,
                        CatalogEntry.legal_kind,
                        CatalogEntry.validity,
                        CatalogEntry.validity_changed_on,
                    ).where(CatalogEntry.published_on <= end)
                )
                for category, doc_type, published_on, kind, validity, changed in rows:
                    if published_on >= start:
                        counts[category] += 1
                        counts[doc_type] += 1
                        counts[published_on.month] += 1
                        counts[(kind, "issued")] += 1
                    if kind and not (validity == "repealed" and changed <= end):
                        counts[(kind, "in force")] += 1
                return counts

            baseline = median_time(naive, 3) * 1000
            report = median_time(lambda: figures(s, start, end), 3) * 1000
            result = figures(s, start, end)
        print(f"{result.published:,} items published in {year}")
        print(f"baseline: fetch the rows, count part of the report in Python   {baseline:9.1f} ms")
        print(
            f"the full yearly report (every figure, in the database)        {report:9.1f} ms  "
            f"{baseline / report:5.2f}x the baseline's speed"
        )
        ws.close()


if __name__ == "__main__":
    main()
