"""How long a text draft takes to lay out as the PDF that is published (review.compose), and its memory.

    .venv/bin/python benchmarks/text_layout.py [--sizes 1,5,20] [--one-story 1,4]

Generates Chinese text of each size in MB (UTF-8; paragraphs of 40 to 400 characters, and one
paragraph of 200,000 characters without a break), lays it out the way approval does, and reports
seconds, pages, characters per second and the peak resident memory of a fresh process per size.
`--one-story` measures the same sizes laid out as one Story (the layout before issue 15): its
time grows faster than the text (6.4 MB took 45 s, 20 MB over 16 minutes), so keep those small.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import WORDS  # noqa: E402

_ONE = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from review import compose
if sys.argv[3] == "one-story":
    compose.PIECE_CHARS = 10**12
paragraphs = json.load(open(sys.argv[2], encoding="utf-8"))
started = time.perf_counter()
pdf = compose.compose_pdf(paragraphs, title="长文本排版")
seconds = time.perf_counter() - started
import pymupdf
with pymupdf.open("pdf", pdf) as doc:
    pages = doc.page_count
print(json.dumps({"seconds": seconds, "pages": pages, "bytes": len(pdf),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def paragraphs(megabytes: float, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    target = int(megabytes * 1024 * 1024)
    while size < target:
        if len(out) == 100:
            para = "长" * 200_000  # one paragraph longer than any piece
        else:
            words = [rng.choice(WORDS) for _ in range(rng.randint(20, 200))]
            para = "，".join("".join(words[i : i + 4]) for i in range(0, len(words), 4)) + "。"
        out.append(para)
        size += len(para.encode()) + 1
    return out


def measure(megabytes: float, mode: str, folder: Path) -> dict[str, float]:
    text = paragraphs(megabytes)
    source = folder / f"{megabytes}.json"
    source.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _ONE, str(ROOT), str(source), mode], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["characters"] = sum(map(len, text))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20", help="MB of text, comma-separated")
    parser.add_argument("--one-story", default="", help="sizes to lay out as one Story too (slow)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        runs = [(float(s), "pieces") for s in args.sizes.split(",") if s]
        runs += [(float(s), "one-story") for s in args.one_story.split(",") if s]
        print(
            f"{'MB':>6} {'layout':<10} {'chars':>11} {'pages':>6} {'seconds':>8} {'kchar/s':>8} {'peak MB':>8}"
        )
        for megabytes, mode in runs:
            r = measure(megabytes, mode, Path(tmp))
            print(
                f"{megabytes:>6g} {mode:<10} {int(r['characters']):>11,} {int(r['pages']):>6} "
                f"{r['seconds']:>8.1f} {r['characters'] / r['seconds'] / 1000:>8.0f} {int(r['peak_mb']):>8}"
            )


if __name__ == "__main__":
    main()
