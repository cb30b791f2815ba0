"""Speed and memory of the whole-catalog re-check (issue 20), against the full check measured in
the same run.

    .venv/bin/python benchmarks/recheck_speed.py [--releases 2000] [--terms 100000] [--sample 30]
        [--workers 2] [--backend both|sqlite|postgresql]

Builds, on SQLite and on a throwaway PostgreSQL server (tests/pg_server.py), a catalog of N
releases with their stored text (app/recheck.py, review/text_store.py): generated government
prose of about 5,000 characters, a fifth with planted personal data (an ID with its check digit,
a mobile number, a name), a few with lexicon terms and 错敏 wording, each laid out as a PDF's text
(every character its box). The department's lexicon has `--terms` terms. Then it times:
- the full re-check (markings, personal data, the lexicon, the 错敏 rule packs) in `--workers`
  processes claiming parts of the run, as `recheck` does;
- the re-check of one new lexicon term (`recheck --changed`: only texts whose pair signature
  may hold it are read);
- the baseline: `review.engine.check` of a sample of the same texts as text files (one process),
  extrapolated to N and to 10^6 releases over the same number of processes;
and the peak memory (VmHWM) of every worker process. Goals: 10^6 releases under 10 minutes full
and one new term under 1 minute on this 2-core machine, memory under 1 GB. N defaults small
enough for a few minutes; the figures for 10^6 are extrapolated linearly from N (and say so).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import multiprocessing
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORDS  # noqa: E402

GOAL_RELEASES = 1_000_000
CHARS = 5_000
LINE, LINES = 38, 40  # characters a line and lines a page of the generated layout
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
PLANTED = ["内部资料注意保管", "仅供内部参考使用"]  # lexicon terms a few texts contain
NEW_TERM = "临时安置补助名册"  # added after publishing: in 1 text of 500
WORDING = ["十三五规划纲要实施情况", "按照有关文件要求的规定"]


def _id_number(rng: random.Random) -> str:
    body = f"{rng.choice(['110105', '370202', '440106', '510104'])}{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def _sentence(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + rng.choice("，。；。")


def make_text(seed: int) -> str:
    """About CHARS characters of notice prose, in lines of LINE characters as typeset."""
    rng = random.Random(seed)
    parts = [
        f"关于做好{rng.choice(WORDS)}{rng.choice(WORDS)}工作的通知\n各区（市）人民政府，市政府各部门：\n"
    ]
    size = len(parts[0])
    while size < CHARS - 200:
        sentence = _sentence(rng)
        roll = rng.random()
        if roll < 0.01:
            sentence = f"联系人：{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}，身份证号{_id_number(rng)}，手机1{rng.choice('3589')}{rng.randint(0, 10**9 - 1):09d}。"
        elif roll < 0.012:
            sentence = rng.choice(PLANTED) + "，" + sentence
        elif roll < 0.014:
            sentence = rng.choice(WORDING) + "，" + sentence
        parts.append(sentence)
        size += len(sentence)
    if seed % 500 == 7:
        parts.append(f"附件：{NEW_TERM}。")
    parts.append(f"\n示例市{rng.choice(WORDS)}局\n2026年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
    flat = "".join(parts)
    return "\n".join(flat[i : i + LINE] for i in range(0, len(flat), LINE))


def template_places(length: int) -> bytes:
    """The places blob of a text of `length` characters typeset LINE a line, LINES a page."""
    from review import text_store
    from review.extract.base import TextStream
    from review.extract.pdf import PdfTextLocator
    from review.model import Channel

    text = "\n".join("字" * LINE for _ in range(length // (LINE + 1) + 1))[:length]
    locator = PdfTextLocator()
    line = 0
    start = 0
    while start < length:
        end = min(length, start + LINE)
        page, row = divmod(line, LINES)
        chars = [
            (0x5B57, 0, (0, 0), (72 + 12 * i, 80 + 18 * row, 84 + 12 * i, 94 + 18 * row))
            for i in range(end - start)
        ]
        locator.add(start, page, chars)
        start, line = end + 1, line + 1
    return text_store.pack([TextStream(Channel.VISIBLE, text, locator)]).places


_TEMPLATES: dict[int, bytes] = {}


def release(seed: int) -> tuple[str, bytes, bytes, bytes, int]:
    from review import text_store

    text = make_text(seed)
    if len(text) not in _TEMPLATES:
        _TEMPLATES[len(text)] = template_places(len(text))
    packed = text_store.pack_like(_TEMPLATES[len(text)], [text])
    sha = hashlib.sha256(f"release {seed}".encode()).hexdigest()
    return sha, packed.text, packed.places, packed.signature, packed.characters


def make_lexicon(terms: int) -> str:
    rng = random.Random(11)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 4000)]
    out = set(PLANTED)
    while len(out) < terms:
        out.add("".join(rng.choices(chars, k=rng.randint(3, 6))))
    return "\n".join(sorted(out)) + "\n"


def build(
    data_dir: Path, url: str | None, releases: int, terms: int, pool: Any
) -> tuple[Any, dict[str, float]]:
    from sqlalchemy import insert, text

    from app.checking import compile_sources
    from app.db.models import CatalogEntry, DepartmentLexicon
    from app.db.models_recheck import ReleaseText
    from app.workspace import Workspace
    from review import text_store
    from review.engine import ENGINE_VERSION
    from review.lexicon import DEFAULT_LEXICON, parse_bytes

    ws = Workspace.open(data_dir, url)
    moment = dt.datetime(2026, 1, 1)
    lexicon = parse_bytes("lexicon.txt", make_lexicon(terms).encode()).to_csv()
    with ws.db.write() as s:
        s.execute(
            text("INSERT INTO departments (id, name, code, created_at) VALUES (1, '示例市数据局', 'X', :m)"),
            {"m": moment},
        )
        s.add(DepartmentLexicon(department_id=1, csv=lexicon))
    # The compiled lexicon is cached like the desk's (a check compiles it once too).
    compile_sources(
        [(DEFAULT_LEXICON.name, DEFAULT_LEXICON.read_bytes()), ("department.csv", lexicon.encode())],
        ws.paths.cache_dir,
    )
    started = time.perf_counter()
    stored = 0
    for first in range(0, releases, 2000):
        seeds = list(range(first, min(releases, first + 2000)))
        made = pool.map(release, seeds, chunksize=50)
        with ws.db.write() as s:
            s.execute(
                insert(CatalogEntry),
                [
                    {
                        "index_no": f"X/2026-{seed:07d}",
                        "department_id": 1,
                        "title": f"第{seed}号通知",
                        "publisher": "示例市数据局",
                        "written_on": dt.date(2026, 1, 1),
                        "published_on": dt.date(2026, 1, 2),
                        "doc_number": "",
                        "category": "城乡建设、环境保护\\城市管理",
                        "doc_type": "通知",
                        "keywords": "[]",
                        "summary": "",
                        "disclosure": "proactive",
                        "scope": "面向社会",
                        "validity": "valid",
                        "published_sha256": sha,
                        "status": "published",
                        "status_reason": "",
                    }
                    for seed, (sha, *_rest) in zip(seeds, made, strict=True)
                ],
            )
            s.execute(
                insert(ReleaseText),
                [
                    {
                        "published_sha256": sha,
                        "format": text_store.FORMAT,
                        "engine_version": ENGINE_VERSION,
                        "characters": chars,
                        "text": blob,
                        "places": places,
                        "signature": sig,
                        "backfilled": False,
                    }
                    for sha, blob, places, sig, chars in made
                ],
            )
        stored += sum(len(m[1]) + len(m[2]) + len(m[3]) for m in made)
    return ws, {"build_s": time.perf_counter() - started, "bytes_per_release": stored / releases}


def _worker(
    data_dir: str, url: str, run_id: int, mode: str, server: Path | None
) -> tuple[float, float, float, int, float, float]:
    """A worker process: its start-up (the plan — compiled lexicon and rule packs — made once more
    after a first time loaded the modules), the CPU seconds of `work` beyond that start-up, the
    wall seconds of `work`, its peak memory (kB), and a PostgreSQL `server`'s CPU when `work`
    began and ended. CPU time, because this machine is shared: other processes slow wall time,
    not the work a release costs."""
    from app import recheck
    from app.workspace import Workspace

    ws = Workspace.open(data_dir, url)
    with ws.db.read() as session:
        recheck.plan(session, mode, ws.paths.cache_dir, with_basis=False)
        started = time.process_time()
        recheck.plan(session, mode, ws.paths.cache_dir, with_basis=False)
        start = time.process_time() - started
    served = server_cpu(server) if server is not None else 0.0
    began, wall = time.process_time(), time.perf_counter()
    recheck.work(ws.db, run_id, ws.paths.cache_dir)
    cpu, wall = time.process_time() - began, time.perf_counter() - wall
    ws.close()
    return start, max(0.0, cpu - start), wall, _vm_hwm_kb(), served, server_cpu(server) if server else 0.0


def _vm_hwm_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def server_cpu(folder: Path) -> float:
    """CPU seconds a PostgreSQL server has used so far: the postmaster's, its ended backends'
    (counted to it when reaped) and its live processes'. The re-check's work there is not in its
    workers' CPU, and shares the same two cores."""
    tick = os.sysconf("SC_CLK_TCK")
    postmaster = int((folder / "data" / "postmaster.pid").read_text().split()[0])
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == postmaster:
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        elif ppid == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


@dataclass
class Timed:
    start: float  # a worker's start-up, CPU seconds (the slowest worker's)
    cpu: float  # CPU seconds of all workers beyond their start-up, and of the database server
    wall: float  # wall seconds of the slowest worker's work
    peak_kb: int
    done: int
    read: int

    def at(self, releases: int, workers: int) -> float:
        """Seconds for `releases` over `workers` cores: the start-up once, the CPU per release."""
        return self.start + self.cpu / self.done * releases / workers


def timed_run(ws: Any, mode: str, workers: int, server: Path | None) -> Timed:
    """A run over `workers` processes; what each took and its peak memory; entries and texts
    read. With the folder of a PostgreSQL `server`, its CPU during the run is counted too."""
    from app import recheck

    run_id = recheck.start(ws.db, None, mode, ws.paths.cache_dir, workers)
    url = ws.db.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        results = pool.starmap(_worker, [(str(ws.paths.data_dir), url, run_id, mode, server)] * workers)
    # From the first worker's start of work to the last one's end (their connecting and loading
    # before it is start-up, as the workers' own).
    served = max(r[5] for r in results) - min(r[4] for r in results)
    figures = recheck.figures(ws.db, run_id)
    assert figures.status == recheck.DONE, figures
    if server is not None:
        print(f"  ({mode}: the database server's CPU {served:.1f} s, counted in the CPU a release below)")
    return Timed(
        max(r[0] for r in results),
        sum(r[1] for r in results) + served,
        max(r[2] for r in results),
        max(r[3] for r in results),
        figures.done,
        figures.read,
    )


def baseline(sample: int, folder: Path, terms: int) -> float:
    """Seconds per release of the full check (review.engine) of the same texts as text files."""
    from review.engine import CheckOptions, check
    from review.lexicon import DEFAULT_LEXICON, compile_sources

    lexicon, _ = compile_sources(
        [
            (DEFAULT_LEXICON.name, DEFAULT_LEXICON.read_bytes()),
            ("department.csv", make_lexicon(terms).encode()),
        ],
        folder,
    )
    paths = []
    for seed in range(sample):
        path = folder / f"r{seed}.txt"
        path.write_text(make_text(seed), encoding="utf-8")
        paths.append(path)
    check(paths[0], lexicon, CheckOptions())  # loads what a first check loads (jieba, the packs)
    started = time.process_time()
    for path in paths:
        check(path, lexicon, CheckOptions())
    return (time.process_time() - started) / sample


def add_new_term(ws: Any) -> None:
    from app.db.models import DepartmentLexicon
    from review.lexicon import Term, parse_csv
    from review.model import Severity

    with ws.db.write() as s:
        row = s.get_one(DepartmentLexicon, 1)
        lexicon = parse_csv(row.csv)
        lexicon.terms.append(Term(NEW_TERM, "个人信息", Severity.WARNING))
        row.csv = lexicon.to_csv()


def measure(
    name: str,
    url: str | None,
    args: argparse.Namespace,
    pool: Any,
    per_check: float,
    server: Path | None = None,
) -> None:
    with tempfile.TemporaryDirectory(prefix="recheck-bench-") as tmp:
        ws, built = build(Path(tmp) / "data", url, args.releases, args.terms, pool)
        try:
            n = args.releases
            full = timed_run(ws, "full", args.workers, server)
            add_new_term(ws)
            new = timed_run(ws, "changed", args.workers, server)
        finally:
            ws.close()
    w = args.workers
    kib = built["bytes_per_release"] / 1024
    print(f"\n== {name}: {n} releases, {kib:.1f} KiB stored each, built in {built['build_s']:.0f} s")
    print(
        f"full re-check:  {full.wall:7.1f} s wall over {w} processes; CPU: start-up {full.start:.1f} s, then "
        f"{full.cpu / full.done * 1e3:.2f} ms a release ({full.done} entries, {full.read} texts read)"
    )
    print(
        f"  baseline, engine.check of the same texts as files: {per_check * 1e3:.2f} ms CPU a release "
        f"-> the re-check costs {full.cpu / full.done / per_check:.2f} of it"
    )
    full_goal, base_goal = full.at(GOAL_RELEASES, w), per_check * GOAL_RELEASES / w
    print(
        f"  10^6 releases on {w} cores (extrapolated from {n}): {full_goal / 60:.1f} min "
        f"(goal < 10 min: {'met' if full_goal < 600 else 'NOT met'}); baseline {base_goal / 60:.0f} min"
    )
    new_goal = new.at(GOAL_RELEASES, w)
    print(
        f"one new term:   {new.wall:7.1f} s wall; CPU: start-up {new.start:.1f} s, then "
        f"{new.cpu / new.done * 1e3:.3f} ms a release ({new.read} of {new.done} texts read after the signature "
        f"filter); 10^6 extrapolated: {new_goal:.0f} s (goal < 60 s: {'met' if new_goal < 60 else 'NOT met'})"
    )
    peak = max(full.peak_kb, new.peak_kb) / 1024
    print(
        f"peak memory of a worker (VmHWM): {peak:.0f} MB (goal < 1024 MB: {'met' if peak < 1024 else 'NOT met'})"
    )
    # The extrapolations count the workers' CPU (a database server's own is not in it); wall time
    # stretches with whatever else runs on the cores.
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=2000)
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=30, help="texts the baseline checks")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backend", choices=["both", "sqlite", "postgresql"], default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="recheck-base-") as tmp:
        per_check = baseline(args.sample, Path(tmp), args.terms)
    print(
        f"baseline: engine.check of a {CHARS}-character text file: {per_check * 1e3:.1f} ms CPU ({args.sample} texts, one process)"
    )
    context = multiprocessing.get_context("spawn")
    with context.Pool(args.workers) as pool:
        if args.backend in ("both", "sqlite"):
            measure("SQLite", None, args, pool, per_check)
        if args.backend in ("both", "postgresql"):
            from tests.pg_server import PostgresServer

            server = PostgresServer().start()
            try:
                measure("PostgreSQL", server.create_database(), args, pool, per_check, server.folder)
            finally:
                server.close()


if __name__ == "__main__":
    main()
