"""Documents spread over local processes; each process loads the rule set once.

A worker that dies (killed, out of memory) breaks the whole pool, and every batch in flight
with it. The batches it broke are then checked again one document at a time in a new pool,
so only the document that kills its worker is lost: it gets a CC900 finding, and the run
goes on. Each worker watches its parent and exits when the parent is gone, so killing the
main process (even with SIGKILL, which it cannot clean up after) leaves no worker waiting.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from checker.engines import batches, check_batch, install
from checker.interrupts import until_stopped
from checker.model import Document, DocumentReport
from checker.rulelang.ruleset import RuleSet

BATCH = 16  # documents per task: large enough to hide the hand-over, small enough to balance
WINDOW_PER_JOB = 4  # batches in flight per process
_PARENT_POLL = 1.0  # seconds between a worker's looks at its parent


def _start_worker(token: str, ruleset: RuleSet, parent: int, model: str | None = None) -> None:
    """Ctrl-C reaches the whole process group: only the parent acts on it (it cancels the
    pending batches and exits 130), so workers ignore it rather than each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="parent-watch").start()
    install(token, ruleset)
    from checker import analysis

    analysis.load(model)  # once per worker, before its first batch


def _exit_with(parent: int) -> None:
    """End this worker when its parent is gone: re-parented, it would wait for work forever."""
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL)
    os._exit(1)


class _Pool:
    """A process pool that is made again when a worker's death breaks it."""

    def __init__(self, ruleset: RuleSet, token: str, jobs: int, model: str | None = None) -> None:
        self._arguments = (ruleset, token, jobs, model)
        self._pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        ruleset, token, jobs, model = self._arguments
        return ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(token, ruleset, os.getpid(), model)
        )

    def submit(self, run, batch) -> Future:
        try:
            return self._pool.submit(run, batch)
        except BrokenProcessPool:
            self.renew()
            return self._pool.submit(run, batch)

    def renew(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new()

    def shutdown(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def check_all(
    documents: Iterable[Document], ruleset: RuleSet, as_of: dt.date | None, jobs: int, model: str | None = None
) -> Iterator[DocumentReport]:
    token = uuid.uuid4().hex
    run = functools.partial(check_batch, token=token, as_of=as_of, model=model)
    pool = _Pool(ruleset, token, jobs, model)

    def day(document: Document) -> dt.date | None:
        from checker.pipeline import reference_date

        return reference_date(document, ruleset, as_of)

    pending: deque[tuple[list[Document], Future]] = deque()
    try:
        for batch in until_stopped(batches(documents, BATCH)):
            pending.append((batch, pool.submit(run, batch)))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from _collect(pool, run, day, *pending.popleft())
        while pending:
            yield from _collect(pool, run, day, *pending.popleft())
    except BaseException:
        pool.shutdown(cancel=True)
        raise
    pool.shutdown()


def _collect(pool: _Pool, run, day, batch: list[Document], future: Future):
    """The batch's reports; if its worker died, each document checked again on its own."""
    try:
        return future.result()
    except BrokenProcessPool:
        pool.renew()
    reports = []
    for document in batch:
        try:
            reports.extend(pool.submit(run, [document]).result())
        except BrokenProcessPool:
            pool.renew()
            reports.append(_died(document, day(document)))
    return reports


def _died(document: Document, day: dt.date | None) -> DocumentReport:
    from checker.guard import internal_error

    failure = internal_error(
        document, "the worker process checking this document", "died (killed, or out of memory)", bug=False
    )
    return DocumentReport(document=document, as_of=day, findings=(failure,))
