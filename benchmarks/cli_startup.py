"""How long the command line takes from a fresh process (issue 14: `check --help` under 0.5 s,
one short file checked under 1 s, jieba's dictionary loaded only when a rule needs it).

    .venv/bin/python benchmarks/cli_startup.py [--runs 5]

Prints the median wall time of `main.py check --help`, of `main.py check` on a short notice no
rule needs jieba for, and on one with a mobile number (personal data: the names-near-it rule tags
words with jieba, whose dictionary then loads), against `python -c pass` measured in the same run
(the interpreter's own start-up).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICE = "关于开展安全生产检查的通知\n各单位要按照要求做好检查工作，及时报送情况。\n"
WITH_MOBILE = NOTICE + "联系人：王伟，手机13812345678。\n"


def _median_run(args: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):  # 1: something was found
            raise SystemExit(done.stderr.decode(errors="replace"))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cli-startup-") as tmp:
        # The desk's own data folder, made once (its jieba cache too) as on a machine in use.
        env = {**os.environ, "XDG_DATA_HOME": tmp, "XDG_CACHE_HOME": tmp}
        plain, mobile = Path(tmp) / "通知.txt", Path(tmp) / "名单.txt"
        plain.write_text(NOTICE, encoding="utf-8")
        mobile.write_text(WITH_MOBILE, encoding="utf-8")
        _median_run(["main.py", "check", str(mobile)], 1, env)
        python = _median_run(["-c", "pass"], args.runs, env)
        rows = [
            ("check --help", ["main.py", "check", "--help"], 0.5),
            ("check, a short notice", ["main.py", "check", str(plain)], 1.0),
            ("check, with personal data (jieba)", ["main.py", "check", str(mobile)], None),
        ]
        print(f"python -c pass                        {python:6.2f} s")
        for name, command, goal in rows:
            took = _median_run(command, args.runs, env)
            verdict = "" if goal is None else f"goal < {goal} s: {'met' if took < goal else 'MISSED'}"
            print(f"{name:36s} {took:6.2f} s  ({took / python:4.1f}x python)  {verdict}")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
