"""Catalog search and paging at scale, against a LIKE scan measured in the same run.

    .venv/bin/python benchmarks/catalog_search.py [--entries 1000000]

Builds a catalog of generated entries in a fresh SQLite database made by the desk's own
migrations, then reports median latencies (goal: under 100 ms for a two-character query, a
four-character query and any page of results).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORDS, median_time  # noqa: E402

CATEGORIES = [
    "综合政务\\政务公开",
    "城乡建设、环境保护\\城市管理",
    "卫生、体育\\医疗保障",
    "财政、金融、审计\\预算",
]


def median_ms(fn, repeat: int = 7) -> float:
    return median_time(fn, repeat) * 1000


def build(db_dir: Path, count: int):
    from sqlalchemy import text

    from app.catalog_search import fts_text
    from app.workspace import Workspace

    ws = Workspace.open(db_dir)
    rng = random.Random(3)
    with ws.db.write() as s:
        s.execute(
            text(
                "INSERT INTO departments (id, name, code, created_at) VALUES (1, '示例局', 'X', '2026-01-01')"
            )
        )
        s.execute(
            text(
                "INSERT INTO users (id, login, display_name, password_hash, department_id, active, created_at) "
                "VALUES (1, 'u', 'u', 'x', 1, 1, '2026-01-01')"
            )
        )
        s.execute(
            text(
                "INSERT INTO documents (id, title, doc_number, doc_type, category, department_id, disclosure, "
                "status, status_reason, version, created_by_id, created_at, updated_at) VALUES "
                "(1, 't', '', '', '', 1, 'proactive', 'published', '', 1, 1, '2026-01-01', '2026-01-01')"
            )
        )
        s.execute(
            text(
                "INSERT INTO reviews (id, document_id, check_run_id, conclusion, opinion, reviewer_id, "
                "reviewed_at, record_sha256) VALUES (1, 1, NULL, 'disclose', 'x', 1, '2026-01-01', 'x')"
            )
        )
    raw = ws.db.engine.raw_connection()
    cursor = raw.cursor()
    cursor.execute("BEGIN")
    start = dt.date(2016, 1, 1)
    batch_entries, batch_fts = [], []
    for n in range(1, count + 1):
        title = "关于" + "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 8))) + "的通知"
        summary = "".join(rng.choice(WORDS) for _ in range(50))
        day = start + dt.timedelta(days=n * 3650 // count)
        batch_entries.append(
            (
                n,
                f"X/{day.year}-{n:07d}",
                1,
                1,
                1,
                title,
                "示例局",
                day.isoformat(),
                day.isoformat(),
                f"示政〔{day.year}〕{n}号",
                rng.choice(CATEGORIES),
                "通知",
                "[]",
                summary,
                "proactive",
                "面向社会",
                "valid",
                "0" * 64,
                "published",
                "",
                "2026-01-01",
            )
        )
        batch_fts.append((n, fts_text(title + " " + summary)))
        if len(batch_entries) == 20_000 or n == count:
            cursor.executemany(
                "INSERT INTO catalog_entries (id, index_no, document_id, department_id, review_id, title, publisher, "
                "written_on, published_on, doc_number, category, doc_type, keywords, summary, disclosure, scope, "
                "validity, published_sha256, status, status_reason, created_at) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                batch_entries,
            )
            cursor.executemany("INSERT INTO catalog_fts (rowid, body) VALUES (?, ?)", batch_fts)
            batch_entries, batch_fts = [], []
    cursor.execute("COMMIT")
    raw.close()
    return ws


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()

    from sqlalchemy import text

    from app.catalog_search import CatalogFilter, search

    with tempfile.TemporaryDirectory(prefix="desk-catalog-") as tmp:
        started = time.perf_counter()
        ws = build(Path(tmp), args.entries)
        print(
            f"built {args.entries:,} entries with their full-text index in {time.perf_counter() - started:.1f} s"
        )
        with ws.db.read() as s:
            cases = {
                "two-character query (供暖), page 1": lambda: search(s, CatalogFilter(query="供暖")),
                "four-character query (医疗保险), page 1": lambda: search(s, CatalogFilter(query="医疗保险")),
                "no query, page 1": lambda: search(s, CatalogFilter()),
                "category filter, page 1": lambda: search(s, CatalogFilter(category=CATEGORIES[2])),
            }
            deep = search(s, CatalogFilter(), after_id=args.entries // 2, limit=1)[0].id
            cases["a page in the middle (keyset)"] = lambda: search(s, CatalogFilter(), after_id=deep)
            cases["last page of 供暖 (keyset)"] = lambda: search(s, CatalogFilter(query="供暖"), after_id=50)
            cases["rare term, no hits"] = lambda: search(s, CatalogFilter(query="禁止外传"))
            cases["供暖 within one category"] = lambda: search(
                s, CatalogFilter(query="供暖", category=CATEGORIES[3])
            )
            # The baseline without an index: LIKE has to read every row when few or none match.
            baseline = median_ms(
                lambda: s.execute(
                    text(
                        "SELECT id FROM catalog_entries WHERE title LIKE '%禁止外传%' OR summary LIKE '%禁止外传%' "
                        "ORDER BY id DESC LIMIT 100"
                    )
                ).all(),
                repeat=3,
            )
            count_ms = median_ms(
                lambda: s.execute(
                    text("SELECT count(*) FROM catalog_fts WHERE catalog_fts MATCH '\"供 暖\"'")
                ).scalar(),
                repeat=3,
            )
            print(f"baseline: LIKE scan of a term with no hits     {baseline:8.1f} ms")
            print(f"count of 供暖 hits (FTS5)                      {count_ms:8.1f} ms")
            for name, fn in cases.items():
                ms = median_ms(fn)
                print(
                    f"{name:<45} {ms:8.1f} ms  {baseline / ms:6.1f}x faster than LIKE  "
                    f"[{'met' if ms < 100 else 'MISSED'} < 100 ms]"
                )
        ws.close()


if __name__ == "__main__":
    main()
