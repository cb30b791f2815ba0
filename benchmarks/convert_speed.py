"""Conversion time per page of a 20-page Word draft (issue 18): the desk's warm LibreOffice
(review/convert.py, one process for the session, driven over UNO) against a cold
`soffice --headless --convert-to pdf` per file, in the same run on the same file.

    .venv/bin/python benchmarks/convert_speed.py [--pages 20] [--repeat 3]

The warm figure leaves out the process's first start (printed apart: paid once a session); the
cold one includes a process start per file, with a profile made before timing starts (as on a
machine where LibreOffice has run before).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from review.convert import Converter, soffice_path, unavailable_reason  # noqa: E402
from tests.word_drafts import official_document  # noqa: E402


def _pages(pdf: bytes) -> int:
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return doc.page_count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if unavailable_reason():
        print(f"LibreOffice cannot be used here: {unavailable_reason()}")
        return 1
    draft = official_document(extra_pages=args.pages - 2)

    converter = Converter()
    started = time.perf_counter()
    pages = _pages(converter.to_pdf("draft.docx", draft))
    first = time.perf_counter() - started
    warm = []
    for _ in range(args.repeat):
        converter.forget()
        started = time.perf_counter()
        converter.to_pdf("draft.docx", draft)
        warm.append(time.perf_counter() - started)
    converter.close()

    cold = []
    office = soffice_path()
    assert office is not None
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "draft.docx"
        source.write_bytes(draft)
        profile = f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}"
        command = [office, profile, "--headless", "--convert-to", "pdf", "--outdir", work, str(source)]
        subprocess.run(command, capture_output=True, check=True)  # makes the profile, untimed
        for _ in range(args.repeat):
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            cold.append(time.perf_counter() - started)
        cold_pages = _pages((Path(work) / "draft.pdf").read_bytes())

    w, c = statistics.median(warm), statistics.median(cold)
    print(f"draft: {pages} pages (cold output {cold_pages} pages), median of {args.repeat} runs")
    print(f"warm converter: first start and conversion {first:.2f} s (once a session)")
    print(f"warm converter: {w:.2f} s per file, {1000 * w / pages:.0f} ms per page")
    print(f"cold soffice --convert-to: {c:.2f} s per file, {1000 * c / pages:.0f} ms per page")
    print(f"warm is {c / w:.1f}x faster per file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
