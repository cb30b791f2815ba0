"""Runs work off the UI thread and hands the result back on it (Picard's run_task, with Qt signals)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task(QRunnable):
    def __init__(self, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.relay = _Relay()
        self.cancelled = threading.Event()
        self._work = work

    def report(self, done: int, total: int, text: str = "") -> None:
        self.relay.progress.emit(done, total, text)

    def run(self) -> None:
        try:
            result = self._work(self)
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class TaskRunner(QObject):
    """One worker thread: PyMuPDF is not thread-safe, and one at a time keeps writes ordered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[Task] = set()

    def start(
        self,
        work: Callable[[Task], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        task = Task(work)
        task.setAutoDelete(False)
        task.relay.finished.connect(on_done)
        task.relay.failed.connect(on_error)
        if on_progress is not None:
            task.relay.progress.connect(on_progress)
        task.relay.finished.connect(lambda _: self._running.discard(task))
        task.relay.failed.connect(lambda _: self._running.discard(task))
        self._running.add(task)
        self.pool.start(task)
        return task

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
