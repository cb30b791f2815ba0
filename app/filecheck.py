"""Checking files named on the command line (`main.py check`, redact, verify) and batches of them
in parallel processes. No database: the desk's stored documents are `app.checking`'s; this module
stays light so a one-file check starts fast and workers load only the engine.

A bad file is that file's error, never the batch's: whatever goes wrong while checking it (a
refusal, a MuPDF exception, memory running out, a worker process dying) is reported against it and
the others are checked."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from review import nlp
from review.engine import CheckOptions, check_bytes
from review.errors import QT_TRANSLATE_NOOP, DocumentRejected, TranslatableError
from review.extract.pdf import Cancelled
from review.formats import SUPPORTED_SUFFIXES, check_size, display_name
from review.lexicon import DEFAULT_LEXICON, CompiledLexicon, LexiconIssue, load_compiled
from review.model import CheckResult


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    result: CheckResult | None = None
    error: str | None = None

    @property
    def shown(self) -> str:
        """The path as printed and written to JSON (a name in GBK bytes made readable)."""
        return display_name(str(self.path))


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
    """One file's result or its error. The error is a string: it crosses back from a worker process
    (a MuPDF exception carries a SWIG object that cannot be pickled, which used to abort the batch)."""
    name = display_name(path.name)
    try:
        check_size(name, path.stat().st_size)
        return FileOutcome(path, check_bytes(name, path.read_bytes(), lexicon, options, cancel=cancel))
    except Cancelled:
        raise
    except TranslatableError as exc:
        return FileOutcome(path, error=exc.message)
    except OSError as exc:
        return FileOutcome(path, error=f"“{name}”：{exc.strerror or exc}")
    except MemoryError:
        return FileOutcome(
            path,
            error=_failed(
                name, QT_TRANSLATE_NOOP("DeskError", "“{name}”太大或太复杂，检查时内存不足，已跳过。")
            ),
        )
    except Exception as exc:  # a library's own exception on a malformed file
        return FileOutcome(
            path,
            error=_failed(
                name,
                QT_TRANSLATE_NOOP("DeskError", "“{name}”无法检查（文件可能已损坏）：{reason}"),
                reason=f"{type(exc).__name__}: {exc}"[:300],
            ),
        )


def _failed(name: str, template: str, **params: object) -> str:
    return DocumentRejected(name, template, **params).message


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

    def done(outcome: FileOutcome) -> None:
        outcomes.append(outcome)
        if on_done:
            on_done(len(outcomes), len(files), outcome)

    if jobs == 1:
        nlp.configure(cache_dir)
        lexicon = load_lexicon(extra_lexicons, cache_dir)[0]
        for path in files:
            done(_check_one(path, lexicon, options))
        return outcomes
    # Build the cache once here so the workers only read it.
    load_lexicon(extra_lexicons, cache_dir)
    pending = list(files)
    while pending:
        # A worker that dies (a crash in native code, the kernel's OOM killer) breaks the pool and
        # every file still in it; those are checked again, one at a time in a pool of their own,
        # so the file that kills its worker is found and reported, and only that one.
        pending = _run_pool(pending, jobs, extra_lexicons, options, cache_dir, done)
        jobs = 1
    order = {path: i for i, path in enumerate(files)}
    return sorted(outcomes, key=lambda o: order[o.path])


def _run_pool(
    files: list[Path],
    jobs: int,
    extra_lexicons: list[Path],
    options: CheckOptions,
    cache_dir: Path | None,
    done: Callable[[FileOutcome], None],
) -> list[Path]:
    """Checks `files` in a pool of `jobs` workers; returns those left unchecked when it broke."""
    reported: set[Future[FileOutcome]] = set()
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(extra_lexicons, cache_dir)) as pool:
        futures = {pool.submit(_check_in_worker, path, options): path for path in files}
        for future in as_completed(futures):
            if isinstance(future.exception(), BrokenProcessPool):
                break
            done(_settled(future, futures[future]))
            reported.add(future)
        else:
            return []
    # The pool has shut down, so every future is settled: results that came in are kept.
    left = []
    for future, path in futures.items():
        if future in reported:
            continue
        if isinstance(future.exception(), BrokenProcessPool):
            left.append(path)
        else:
            done(_settled(future, path))
    if jobs > 1:
        return left
    # One worker, files in order: the first one unfinished is the one that killed it.
    culprit = left[0]
    reason = QT_TRANSLATE_NOOP(
        "DeskError", "“{name}”使检查进程意外终止（可能内存不足或文件已损坏），已跳过。"
    )
    done(FileOutcome(culprit, error=_failed(display_name(culprit.name), reason)))
    return left[1:]


def _settled(future: Future[FileOutcome], path: Path) -> FileOutcome:
    """A finished future's outcome; an exception that still came back from a worker is the file's error."""
    problem = future.exception()
    if problem is None:
        return future.result()
    reason = f"{type(problem).__name__}: {problem}"[:300]
    return FileOutcome(
        path,
        error=_failed(
            display_name(path.name),
            QT_TRANSLATE_NOOP("DeskError", "“{name}”无法检查（文件可能已损坏）：{reason}"),
            reason=reason,
        ),
    )
