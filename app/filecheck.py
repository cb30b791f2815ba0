"""Checking files named on the command line (`main.py check`, redact, verify) and batches of them
in parallel processes. No database: the desk's stored documents are `app.checking`'s; this module
stays light so a one-file check starts fast and workers load only the engine."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from review import nlp
from review.engine import CheckOptions, check
from review.errors import TranslatableError
from review.formats import SUPPORTED_SUFFIXES
from review.lexicon import DEFAULT_LEXICON, CompiledLexicon, LexiconIssue, load_compiled
from review.model import CheckResult


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    result: CheckResult | None = None
    error: str | None = None


def lexicon_files(extra: list[Path]) -> list[Path]:
    return [DEFAULT_LEXICON, *extra]


def load_lexicon(extra: list[Path], cache_dir: Path | None) -> tuple[CompiledLexicon, list[LexiconIssue]]:
    return load_compiled(lexicon_files(extra), cache_dir)


def collect(paths: list[Path]) -> Iterator[Path]:
    """Files to check: the files named, and every supported file under the folders named."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield path


# One lexicon per worker process, loaded by the initializer from the shared cache.
_worker: dict[str, object] = {}


def _init_worker(extra: list[Path], cache_dir: Path | None) -> None:
    nlp.configure(cache_dir)
    _worker["lexicon"] = load_lexicon(extra, cache_dir)[0]


def _check_in_worker(path: Path, options: CheckOptions) -> FileOutcome:
    lexicon = _worker["lexicon"]
    assert isinstance(lexicon, CompiledLexicon)
    return _check_one(path, lexicon, options)


def _check_one(
    path: Path, lexicon: CompiledLexicon, options: CheckOptions, cancel: threading.Event | None = None
) -> FileOutcome:
    try:
        return FileOutcome(path, check(path, lexicon, options, cancel=cancel))
    except TranslatableError as exc:
        return FileOutcome(path, error=exc.message)
    except OSError as exc:
        return FileOutcome(path, error=f"“{path.name}”：{exc.strerror or exc}")


def check_files(
    files: list[Path],
    extra_lexicons: list[Path],
    options: CheckOptions,
    cache_dir: Path | None,
    jobs: int | None = None,
    on_done: Callable[[int, int, FileOutcome], None] | None = None,
) -> list[FileOutcome]:
    """Checks every file; with several files, in parallel processes (PyMuPDF is not thread-safe)."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    outcomes: list[FileOutcome] = []
    if jobs == 1:
        nlp.configure(cache_dir)
        lexicon = load_lexicon(extra_lexicons, cache_dir)[0]
        for path in files:
            outcomes.append(_check_one(path, lexicon, options))
            if on_done:
                on_done(len(outcomes), len(files), outcomes[-1])
        return outcomes
    # Build the cache once here so the workers only read it.
    load_lexicon(extra_lexicons, cache_dir)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(extra_lexicons, cache_dir)) as pool:
        futures = {pool.submit(_check_in_worker, path, options): path for path in files}
        for future in as_completed(futures):
            outcomes.append(future.result())
            if on_done:
                on_done(len(outcomes), len(files), outcomes[-1])
    order = {path: i for i, path in enumerate(files)}
    return sorted(outcomes, key=lambda o: order[o.path])
