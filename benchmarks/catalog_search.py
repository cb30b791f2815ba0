"""Catalog search and paging at scale, against a LIKE scan measured in the same run.

    .venv/bin/python benchmarks/catalog_search.py [--entries 1000000] [--postgresql [URL]]

Builds a catalog of generated entries in a fresh database made by the desk's own migrations —
SQLite, or with --postgresql a throwaway PostgreSQL server started here (or the empty database at
URL) — then reports median latencies (goal: under 100 ms for a two-character query, a
four-character query and any page of results) beside a LIKE scan measured in the same run.
Run it once each way to put the two databases side by side.
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

from common import WORDS, database, median_time  # noqa: E402

CATEGORIES = [
    "综合政务\\政务公开",
    "城乡建设、环境保护\\城市管理",
    "卫生、体育\\医疗保障",
    "财政、金融、审计\\预算",
]


def median_ms(fn, repeat: int = 7) -> float:
    return median_time(fn, repeat) * 1000


def _rows(count: int):
    """The generated entries, and the words each is indexed under."""
    from app.catalog_search import fts_text

    rng = random.Random(3)
    start = dt.date(2016, 1, 1)
    for n in range(1, count + 1):
        title = "关于" + "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 8))) + "的通知"
        summary = "".join(rng.choice(WORDS) for _ in range(50))
        day = start + dt.timedelta(days=n * 3650 // count)
        entry = (
            n, f"X/{day.year}-{n:07d}", 1, 1, 1, title, "示例局", day, day, f"示政〔{day.year}〕{n}号",
            rng.choice(CATEGORIES), "通知", "[]", summary, "proactive", "面向社会", "valid", "0" * 64,
            "published", "", dt.datetime(2026, 1, 1), "",
        )  # fmt: skip
        yield entry, fts_text(title + " " + summary)


COLUMNS = (
    "id, index_no, document_id, department_id, review_id, title, publisher, written_on, published_on, "
    "doc_number, category, doc_type, keywords, summary, disclosure, scope, validity, published_sha256, "
    "status, status_reason, created_at, interpretation_form"
)


def build(db_dir: Path, count: int, url: str | None):
    from sqlalchemy import text

    from app.workspace import Workspace

    ws = Workspace.open(db_dir, url)
    moment = dt.datetime(2026, 1, 1)
    with ws.db.write() as s:
        s.execute(
            text("INSERT INTO departments (id, name, code, created_at) VALUES (1, '示例局', 'X', :m)"),
            {"m": moment},
        )
        s.execute(
            text(
                "INSERT INTO users (id, login, display_name, password_hash, department_id, active, created_at) "
                "VALUES (1, 'u', 'u', 'x', 1, :t, :m)"
            ),
            {"t": True, "m": moment},
        )
        s.execute(
            text(
                "INSERT INTO documents (id, title, doc_number, doc_type, category, department_id, disclosure, "
                "status, status_reason, version, created_by_id, created_at, updated_at, normative, "
                "needs_interpretation) VALUES "
                "(1, 't', '', '', '', 1, 'proactive', 'published', '', 1, 1, :m, :m, :f, :f)"
            ),
            {"m": moment, "f": False},
        )
        s.execute(
            text(
                "INSERT INTO reviews (id, document_id, check_run_id, conclusion, opinion, reviewer_id, "
                "reviewed_at, record_sha256) VALUES (1, 1, NULL, 'disclose', 'x', 1, :m, 'x')"
            ),
            {"m": moment},
        )
    if ws.db.is_sqlite:
        _fill_sqlite(ws, count)
    else:
        _fill_postgresql(ws, count)
    return ws


def _fill_sqlite(ws, count: int) -> None:
    raw = ws.db.engine.raw_connection()
    cursor = raw.cursor()
    cursor.execute("BEGIN")
    entries, words = [], []
    for n, (entry, fts) in enumerate(_rows(count), start=1):
        entries.append(tuple(v.isoformat() if isinstance(v, dt.date) else v for v in entry))
        words.append((n, fts))
        if len(entries) == 20_000 or n == count:
            cursor.executemany(
                f"INSERT INTO catalog_entries ({COLUMNS}) VALUES ({','.join('?' * 22)})", entries
            )
            cursor.executemany("INSERT INTO catalog_fts (rowid, body) VALUES (?, ?)", words)
            entries, words = [], []
    cursor.execute("COMMIT")
    raw.close()


def _fill_postgresql(ws, count: int) -> None:
    """COPY in, then the tsvectors computed by the server and the GIN index built once at the end."""
    raw = ws.db.engine.raw_connection()
    cursor = raw.cursor()
    cursor.execute("DROP INDEX ix_catalog_fts_pg_body")
    cursor.execute("CREATE TEMPORARY TABLE words (entry_id integer, body text)")
    # One COPY at a time: two passes over the same generated rows.
    with cursor.copy(f"COPY catalog_entries ({COLUMNS}) FROM STDIN") as entries:
        for entry, _fts in _rows(count):
            entries.write_row(entry)
    with cursor.copy("COPY words (entry_id, body) FROM STDIN") as words:
        for n, (_entry, fts) in enumerate(_rows(count), start=1):
            words.write_row((n, fts))
    cursor.execute("INSERT INTO catalog_fts_pg SELECT entry_id, to_tsvector('simple', body) FROM words")
    cursor.execute("CREATE INDEX ix_catalog_fts_pg_body ON catalog_fts_pg USING gin (body)")
    cursor.execute("ANALYZE")
    raw.commit()
    raw.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument(
        "--postgresql",
        nargs="?",
        const="",
        metavar="URL",
        help="on PostgreSQL: a server started here, or URL",
    )
    args = parser.parse_args()
    with database(args.postgresql) as url:
        run(args.entries, url)


def run(count: int, url: str | None) -> None:
    from sqlalchemy import text

    from app.catalog_search import CatalogFilter, fts_text, search

    with tempfile.TemporaryDirectory(prefix="desk-catalog-") as tmp:
        started = time.perf_counter()
        ws = build(Path(tmp), count, url)
        print(
            f"{ws.db.engine.dialect.name}: built {count:,} entries with their full-text index "
            f"in {time.perf_counter() - started:.1f} s"
        )
        with ws.db.read() as s:
            cases = {
                "two-character query (供暖), page 1": lambda: search(s, CatalogFilter(query="供暖")),
                "four-character query (医疗保险), page 1": lambda: search(s, CatalogFilter(query="医疗保险")),
                "no query, page 1": lambda: search(s, CatalogFilter()),
                "category filter, page 1": lambda: search(s, CatalogFilter(category=CATEGORIES[2])),
            }
            deep = search(s, CatalogFilter(), after_id=count // 2, limit=1)[0].id
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
            counting = (
                "SELECT count(*) FROM catalog_fts WHERE catalog_fts MATCH '\"供 暖\"'"
                if ws.db.is_sqlite
                else "SELECT count(*) FROM catalog_fts_pg WHERE body @@ phraseto_tsquery('simple', :q)"
            )
            count_ms = median_ms(
                lambda: s.execute(text(counting), {"q": fts_text("供暖")}).scalar(), repeat=3
            )
            print(f"baseline: LIKE scan of a term with no hits     {baseline:8.1f} ms")
            print(f"count of 供暖 hits (full-text index)           {count_ms:8.1f} ms")
            for name, fn in cases.items():
                ms = median_ms(fn)
                print(
                    f"{name:<45} {ms:8.1f} ms  {baseline / ms:6.1f}x faster than LIKE  "
                    f"[{'met' if ms < 100 else 'MISSED'} < 100 ms]"
                )
        ws.close()


if __name__ == "__main__":
    main()
