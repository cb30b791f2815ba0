"""Speed and memory of the check engine, against baselines measured in the same run.

    .venv/bin/python benchmarks/check_speed.py [--pages 300] [--terms 100000]

Prints, for a generated Chinese PDF and lexicon:
- the full check (all rules, findings located on the page) as a ratio to PyMuPDF's plain text
  extraction of the same file (goal: <= 1.5x extraction + 0.3 s);
- the matching step as a ratio to `grep -F -f lexicon` over the same extracted text;
- loading the lexicon from its compiled cache (goal: < 0.5 s);
- peak memory of a full check in a fresh process (goal: < 300 MB);
- several files checked in parallel processes against one process.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORDS, median_time  # noqa: E402


def make_pdf(pages: int) -> bytes:
    from review.compose import compose_pdf
    from review.samples import SAMPLE_ID, SAMPLE_MOBILE

    rng = random.Random(7)
    paras = []
    for i in range(pages * 12):
        para = "".join(rng.choice(WORDS) for _ in range(rng.randint(20, 45))) + "。"
        if i % 97 == 0:
            para += f"联系人手机{SAMPLE_MOBILE}，身份证号{SAMPLE_ID}。"
        if i % 131 == 0:
            para = "机密★10年 " + para
        paras.append(para)
    return compose_pdf(paras, "性能测试文件")


def make_lexicon(terms: int, path: Path) -> None:
    rng = random.Random(11)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 4000)]
    out = {f"{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(WORDS)}" for _ in range(terms // 10)}
    while len(out) < terms:
        out.add("".join(rng.choices(chars, k=rng.randint(2, 6))))
    path.write_text("\n".join(sorted(out)), encoding="utf-8")


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
started = time.perf_counter()
from review.lexicon import load_compiled
lexicon, _ = load_compiled([Path({lexicon!r})], Path({cache!r}))
load = time.perf_counter() - started
from review.engine import check
result = check(Path({pdf!r}), lexicon)
print(json.dumps({{"load": load, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "findings": len(result.findings)}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--terms", type=int, default=100_000)
    args = parser.parse_args()

    import pymupdf

    from app.filecheck import check_files
    from review.engine import CheckOptions, check_bytes
    from review.lexicon import load_compiled
    from review.normalize import normalize

    work = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    try:
        pdf_path = work / "bench.pdf"
        pdf_path.write_bytes(make_pdf(args.pages))
        data = pdf_path.read_bytes()
        lexicon_path = work / "lexicon.txt"
        make_lexicon(args.terms, lexicon_path)
        cache = work / "cache"
        lexicon, _ = load_compiled([lexicon_path], cache)

        def extract() -> str:
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                return "\n".join(doc[i].get_text() for i in range(doc.page_count))

        text = extract()  # warm-up: fonts and caches, for both sides alike
        pages = pymupdf.open(stream=data, filetype="pdf").page_count
        t_extract = median_time(extract)
        options = CheckOptions(names_near_personal_data=False)
        check_bytes("bench.pdf", data, lexicon, options)
        t_check = median_time(lambda: check_bytes("bench.pdf", data, lexicon, options))
        result = check_bytes("bench.pdf", data, lexicon, options)

        norm = normalize(text).text
        t_match = median_time(lambda: lexicon.find(norm))
        text_path = work / "text.txt"
        text_path.write_text(norm, encoding="utf-8")
        grep = shutil.which("grep")
        t_grep = (
            median_time(
                lambda: subprocess.run(
                    [grep, "-F", "-o", "-f", str(lexicon_path), str(text_path)],
                    stdout=subprocess.DEVNULL,
                    check=False,
                )
            )
            if grep
            else float("nan")
        )

        child = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD.format(root=str(ROOT), lexicon=str(lexicon_path), cache=str(cache), pdf=str(pdf_path)),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        fresh = json.loads(child.stdout)

        copies = []
        for i in range(4):
            copy = work / f"copy{i}.pdf"
            copy.write_bytes(data)
            copies.append(copy)
        t_serial = median_time(lambda: check_files(copies, [lexicon_path], options, cache, jobs=1), repeat=1)
        t_parallel = median_time(
            lambda: check_files(copies, [lexicon_path], options, cache, jobs=2), repeat=1
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    budget = 1.5 * t_extract + 0.3
    print(f"document: {pages} pages, {len(text):,} characters; lexicon: {lexicon.size:,} terms")
    print(f"plain extraction (PyMuPDF get_text)     {t_extract * 1000:8.1f} ms   baseline")
    print(
        f"full check ({len(result.findings)} findings, located)      {t_check * 1000:8.1f} ms   "
        f"{t_check / t_extract:5.2f}x extraction; goal <= 1.5x + 0.3 s = {budget * 1000:.0f} ms "
        f"[{'met' if t_check <= budget else 'MISSED'}]"
    )
    print(
        f"matching step (Aho-Corasick)            {t_match * 1000:8.1f} ms   "
        f"{t_match / t_grep:5.2f}x grep -F -f ({t_grep * 1000:.1f} ms)"
    )
    print(
        f"lexicon load from compiled cache        {fresh['load'] * 1000:8.1f} ms   goal < 500 ms "
        f"[{'met' if fresh['load'] < 0.5 else 'MISSED'}]"
    )
    print(
        f"peak memory, fresh process, full check  {fresh['peak_mb']:8.1f} MB   goal < 300 MB "
        f"[{'met' if fresh['peak_mb'] < 300 else 'MISSED'}]"
    )
    print(
        f"4 files: 1 process {t_serial:.2f} s, 2 processes {t_parallel:.2f} s   "
        f"speed-up {t_serial / t_parallel:.2f}x on 2 cores"
    )


if __name__ == "__main__":
    main()
