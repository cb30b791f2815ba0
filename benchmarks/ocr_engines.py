"""OCR engines on generated 300-dpi scans of a typeset 通知: characters right, IDs read, pages/s.

    .venv/bin/python benchmarks/ocr_engines.py [--pages 3] [--dpi 300]

Candidates, both offline (models from installed packages):
- RapidOCR (PP-OCRv4 det/rec ONNX models inside the rapidocr_onnxruntime wheel, onnxruntime);
- Tesseract 5 with chi_sim from Debian (tesseract-ocr, tesseract-ocr-chi-sim), if installed;
- the desk's own `review.ocr.ocr_image` (whatever engine it chose), so the goal is measured on
  what the desk really runs.

Accuracy is 1 - (edit distance / reference length) over the page's characters without whitespace,
lines in reading order (table rows cell by cell). Goal: >= 97% on 300-dpi scans.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scans import Scan, government_scans  # noqa: E402

ID = re.compile(r"\d{17}[\dX]")
_SPACE = re.compile(r"\s+")


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def in_reading_order(boxes: list[tuple[float, float, float, float, str]]) -> str:
    """Lines top to bottom, boxes on one line left to right (a table row's cells come as boxes)."""
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for box in sorted(boxes, key=lambda b: (b[1] + b[3]) / 2):
        middle = (box[1] + box[3]) / 2
        if lines and abs(middle - (lines[-1][0][1] + lines[-1][0][3]) / 2) < 0.5 * (box[3] - box[1]):
            lines[-1].append(box)
        else:
            lines.append([box])
    return "\n".join("".join(b[4] for b in sorted(line)) for line in lines)


def rapidocr_engine() -> Callable[[bytes], str]:
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()

    def run(png: bytes) -> str:
        result, _ = engine(png)
        boxes = []
        for points, text, _score in result or []:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes.append((min(xs), min(ys), max(xs), max(ys), text))
        return in_reading_order(boxes)

    return run


def tesseract_engine(psm: int) -> Callable[[bytes], str] | None:
    if not shutil.which("tesseract"):
        return None
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    if "chi_sim" not in langs.split():
        return None

    def run(png: bytes) -> str:
        with tempfile.NamedTemporaryFile(suffix=".png") as f:
            f.write(png)
            f.flush()
            out = subprocess.run(
                ["tesseract", f.name, "-", "-l", "chi_sim", "--psm", str(psm)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "OMP_THREAD_LIMIT": "2"},
            )
        return out.stdout

    return run


def desk_engine() -> Callable[[bytes], str]:
    from review.ocr import ocr_image

    def run(png: bytes) -> str:
        return in_reading_order([(*line.bbox, line.text) for line in ocr_image(png)])

    return run


def measure(name: str, make: Callable[[], Callable[[bytes], str] | None], pages: list[Scan]) -> list[str]:
    started = time.perf_counter()
    try:
        engine = make()
    except ImportError as exc:
        return [name, f"not installed ({exc.name})", "", "", "", ""]
    if engine is None:
        return [name, "not installed", "", "", "", ""]
    load = time.perf_counter() - started
    right = total = ids_right = ids = 0
    elapsed = 0.0
    for page in pages:
        started = time.perf_counter()
        text = engine(page.png)
        elapsed += time.perf_counter() - started
        reference = _SPACE.sub("", "".join(page.lines))
        got = _SPACE.sub("", text)
        total += len(reference)
        right += len(reference) - edit_distance(reference, got)
        for number in ID.findall(reference):
            ids += 1
            ids_right += number in got
    return [
        name,
        f"{right / total:.2%}",
        f"{ids_right}/{ids}",
        f"{len(pages) / elapsed:.2f}",
        f"{load:.2f}",
        f"{total}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args()
    pages = government_scans(args.pages, args.dpi)
    rows = [["engine", "characters right", "IDs read", "pages/s", "load s", "characters"]]
    rows.append(measure("RapidOCR PP-OCRv4 (onnxruntime)", rapidocr_engine, pages))
    rows.append(measure("Tesseract 5 chi_sim --psm 3", lambda: tesseract_engine(3), pages))
    rows.append(measure("Tesseract 5 chi_sim --psm 6", lambda: tesseract_engine(6), pages))
    rows.append(measure("desk: review.ocr.ocr_image", desk_engine, pages))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print(f"{len(pages)} pages at {args.dpi} dpi, {os.cpu_count()} cores")
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
