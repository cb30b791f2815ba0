"""Speed and memory of the check engine, against baselines measured in the same run.

    .venv/bin/python benchmarks/check_speed.py [--pages 300] [--terms 100000] [--quick]
        [--save FINDINGS.json | --compare FINDINGS.json]

Prints, for generated Chinese PDFs and lexicons:
- the full check (all rules, findings located on the page) as a ratio to PyMuPDF's plain text
  extraction of the same file (goal: <= 1.5x extraction + 0.3 s), for four cases: a file whose
  pages share one font and one that embeds a font copy in every page, each with a sparse lexicon
  (~15 hits a page) and a dense one (~100 more a page from common word pairs), each check timed
  in turn with the extraction it is compared with. Times are medians of CPU time (the check is
  single-threaded, so a busy machine inflates wall time far more than CPU time), with the spread
  of the runs printed as the noise;
- with --save, every finding of the four cases (exact rects) written to a file; with --compare,
  the run fails unless its findings equal that file's (an optimisation must change no result).
  On a shared machine the medians of two runs differ by 10-20% for the same code: judge a change
  by the ratios of one run, or by checks of the old and new tree taken in turn, not by the
  milliseconds of runs made at different times;
- the matching step as a ratio to `grep -F -f lexicon` over the same extracted text;
- loading the lexicon from its compiled cache (goal: < 0.5 s);
- peak memory of a fresh process that loads the (sparse) lexicon from its cache and checks the
  file (goal: < 300 MB), read from the process's own VmHWM;
- several files checked in parallel processes against one process;
- what the 错敏/表述 rules (review/wording) add to a full check (goal: <= 10%), on the benchmark
  file and on generated government prose dense in what they look at (leaders and posts, fixed
  expressions, five-year plans, 文号, full-width punctuation, links), each checked with and
  without them in the same run.
(--quick: only the four cases and the 错敏 cost.)
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORDS, median_time  # noqa: E402


def make_pdf(pages: int) -> bytes:
    """One shared (subset) font for every page, as a typesetter writes it."""
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


# Sentences of the kind the 错敏/表述 rules look at, all correct: every one anchors matches.
PROSE = [
    "习近平总书记强调，要坚持以人民为中心的发展思想，推动高质量发展。",
    "国务院总理李强主持召开国务院常务会议，研究部署“十五五”规划编制工作。",
    "依据《中华人民共和国政府信息公开条例》，印发《示例市政务公开工作要点》（示政办发〔2026〕8号）。",
    "“十四五”时期，我市全面建设社会主义现代化国家，中华民族伟大复兴取得新进展。",
    "市住房和城乡建设局、市人力资源和社会保障局按照职责分工负责，详见www.example.gov.cn。",
    "全国人大常委会委员长赵乐际、全国政协主席王沪宁出席会议，国家发展和改革委员会作说明。",
]


def make_prose_pdf(pages: int) -> bytes:
    """Government prose: every paragraph two or three of PROSE among generated words."""
    from review.compose import compose_pdf

    rng = random.Random(17)
    paras = []
    for _ in range(pages * 8):
        words = "".join(rng.choice(WORDS) for _ in range(rng.randint(10, 20)))
        paras.append(words + "，" + "".join(rng.sample(PROSE, rng.randint(2, 3))))
    return compose_pdf(paras, "性能测试文件（政务文稿）")


def font_per_page(data: bytes) -> bytes:
    """The same pages, each embedding its own subset of the font (as files joined page by page
    from separate exports do): every page then loads and parses a font of its own."""
    import pymupdf

    out = pymupdf.open()
    with pymupdf.open(stream=data, filetype="pdf") as src:
        for i in range(src.page_count):
            with pymupdf.open() as one:
                one.insert_pdf(src, from_page=i, to_page=i)
                one.subset_fonts()
                with pymupdf.open(stream=one.tobytes(garbage=3), filetype="pdf") as clean:
                    out.insert_pdf(clean)
    return bytes(out.tobytes(garbage=3, deflate=True))


def make_lexicon(terms: int, path: Path, dense: bool = False) -> None:
    """Sparse: a tenth word triples (a few hits a page), the rest random characters (almost none).
    Dense: a quarter of all word pairs as well, about a hundred more hits a page."""
    rng = random.Random(11)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 4000)]
    out = {f"{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.choice(WORDS)}" for _ in range(terms // 10)}
    if dense:
        pairs = sorted(f"{a}{b}" for a in WORDS for b in WORDS if a != b)
        out.update(random.Random(13).sample(pairs, len(pairs) // 4))
    while len(out) < terms:
        out.add("".join(rng.choices(chars, k=rng.randint(2, 6))))
    path.write_text("\n".join(sorted(out)), encoding="utf-8")


def cpu_times(fn: Callable[[], object], repeat: int) -> list[float]:
    """CPU seconds of each of `repeat` calls: the work is single-threaded, so another job on the
    machine stretches wall time but hardly CPU time."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return times


def spread(times: list[float]) -> str:
    median = statistics.median(times)
    return f"±{(max(times) - min(times)) / median * 50:.0f}%" if median else ""


def fingerprint(result: Any) -> list[Any]:
    """Every finding exactly (rects unrounded), for comparing runs before and after a change."""
    return [json.loads(json.dumps(dataclasses.asdict(f), default=str)) for f in result.findings]


# The child's own peak is VmHWM, its address space's high-water mark. Not ru_maxrss: Linux keeps
# that across exec, so a child of this process (forked at ~850 MB, with both test files and
# lexicons built) reported the parent's peak instead of its own ~290 MB.
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
try:
    with open("/proc/self/status", encoding="ascii") as status:
        peak_mb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"load": load, "peak_mb": peak_mb, "findings": len(result.findings)}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (median taken)")
    parser.add_argument("--quick", action="store_true", help="only the four check cases")
    parser.add_argument("--save", type=Path, help="write every finding of the four cases here")
    parser.add_argument("--compare", type=Path, help="fail unless the findings equal this file's")
    args = parser.parse_args()

    import pymupdf

    from app.filecheck import check_files
    from review import engine, wording
    from review.engine import CheckOptions, check_bytes
    from review.extract.dispatch import extract_any
    from review.lexicon import load_compiled
    from review.normalize import normalize

    work = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    try:
        pdf_path = work / "bench.pdf"
        pdf_path.write_bytes(make_pdf(args.pages))
        data = pdf_path.read_bytes()
        files = {"one shared font": data, "a font per page": font_per_page(data)}
        lexicon_path = work / "lexicon.txt"
        make_lexicon(args.terms, lexicon_path)
        dense_path = work / "dense.txt"
        make_lexicon(args.terms, dense_path, dense=True)
        cache = work / "cache"
        lexicon, _ = load_compiled([lexicon_path], cache)
        lexicons = {"sparse": lexicon, "dense": load_compiled([dense_path], cache)[0]}
        options = CheckOptions(names_near_personal_data=False)

        def extract(pdf: bytes) -> str:
            with pymupdf.open(stream=pdf, filetype="pdf") as doc:
                return "\n".join(doc[i].get_text() for i in range(doc.page_count))

        text = extract(data)
        pages = pymupdf.open(stream=data, filetype="pdf").page_count
        cases = []
        found: dict[str, list[Any]] = {}
        for file_name, pdf in files.items():
            extract(pdf)  # warm-up: fonts and caches, for both sides alike
            for lexicon_name, compiled in lexicons.items():
                result = check_bytes("bench.pdf", pdf, compiled, options)
                # Extraction and check in turn, so that a change in the machine's load falls on
                # both sides of the ratio alike (timed apart, a busy minute made a case miss).
                t_extract: list[float] = []
                t_check: list[float] = []
                for _ in range(args.repeat):
                    t_extract += cpu_times(lambda pdf=pdf: extract(pdf), 1)
                    t_check += cpu_times(
                        lambda pdf=pdf, compiled=compiled: check_bytes("bench.pdf", pdf, compiled, options), 1
                    )
                case = f"{file_name}, {lexicon_name} lexicon"
                found[case] = fingerprint(result)
                cases.append((case, len(result.findings), t_extract, t_check))
        t_extract_shared = statistics.median(cases[0][2])

        # The 错敏/表述 rules' share of a full check: with and without them, same run, same file.
        without = dataclasses.replace(options, wording=False)
        wording_cost = []
        for file_name, pdf in (("benchmark file", data), ("government prose", make_prose_pdf(args.pages))):
            check_bytes("bench.pdf", pdf, lexicon, options)
            # With and without in turn, so that a change in the machine's load falls on both alike.
            t_with: list[float] = []
            t_without: list[float] = []
            for _ in range(args.repeat):
                t_with += cpu_times(lambda pdf=pdf: check_bytes("bench.pdf", pdf, lexicon, options), 1)
                t_without += cpu_times(lambda pdf=pdf: check_bytes("bench.pdf", pdf, lexicon, without), 1)
            words = [
                f
                for f in check_bytes("bench.pdf", pdf, lexicon, options).findings
                if f.rule_id.startswith("WORD-")
            ]
            # The rules' own time, measured alone: matching each stream read as text and making
            # the findings (what the engine adds), free of the noise of two whole checks.
            streams = [
                (stream, normalize(stream.text))
                for stream in extract_any("bench.pdf", pdf).streams
                if stream.channel in wording.CHANNELS
            ]
            packs, today = wording.compiled(), datetime.date.today()

            # With the collector paused, as a check runs them (engine.check_bytes): with it
            # running, a full collection of this process's heap (lexicons, earlier results) now
            # and then fell inside the rules' time, which a check never pays.
            def rules_alone(streams=streams, packs=packs, today=today) -> list[list[Any]]:
                with engine._collector_paused():
                    return [
                        engine._wording_findings(s, n, packs.find(n, s.text, today, s.channel))
                        for s, n in streams
                    ]

            t_rules = cpu_times(rules_alone, args.repeat)
            wording_cost.append((file_name, len(words), t_with, t_without, t_rules))

        if not args.quick:
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
                    CHILD.format(
                        root=str(ROOT), lexicon=str(lexicon_path), cache=str(cache), pdf=str(pdf_path)
                    ),
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
            t_serial = median_time(
                lambda: check_files(copies, [lexicon_path], options, cache, jobs=1), repeat=1
            )
            t_parallel = median_time(
                lambda: check_files(copies, [lexicon_path], options, cache, jobs=2), repeat=1
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"document: {pages} pages, {len(text):,} characters; lexicon: {lexicon.size:,} terms")
    print(f"plain extraction, one shared font     {t_extract_shared * 1000:8.1f} ms CPU   baseline")
    for case, count, t_extract, t_check in cases:
        extract_s, check_s = statistics.median(t_extract), statistics.median(t_check)
        budget = 1.5 * extract_s + 0.3
        print(
            f"{case:<32} {count:6d} findings: check {check_s * 1000:7.1f} ms ({spread(t_check)}), "
            f"extraction {extract_s * 1000:6.1f} ms ({spread(t_extract)})  "
            f"{check_s / extract_s:5.2f}x; goal <= 1.5x + 0.3 s = {budget * 1000:.0f} ms "
            f"[{'met' if check_s <= budget else 'MISSED'}]"
        )
    print(f"(CPU-time medians of {args.repeat} runs; ± is half the range of the runs around the median)")
    for file_name, count, t_with, t_without, t_rules in wording_cost:
        with_s, without_s = statistics.median(t_with), statistics.median(t_without)
        rules_s = statistics.median(t_rules)
        share = rules_s / without_s
        print(
            f"错敏/表述 rules, {file_name:<17} {count:6d} findings: the rules alone {rules_s * 1000:6.1f} ms "
            f"({spread(t_rules)}) = {share * 100:4.1f}% of a check without them; goal <= 10% "
            f"[{'met' if share <= 0.10 else 'MISSED'}]  (whole checks: with {with_s * 1000:7.1f} ms "
            f"({spread(t_with)}), without {without_s * 1000:7.1f} ms ({spread(t_without)}), "
            f"{(with_s - without_s) / without_s * 100:+.1f}%)"
        )
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"findings written to {args.save}")
    if args.compare:
        reference = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = [case for case in found if found[case] != reference.get(case)]
        print(f"findings against {args.compare}: " + ("identical" if not differ else f"DIFFER in {differ}"))
        if differ:
            sys.exit(1)
    if args.quick:
        return
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
