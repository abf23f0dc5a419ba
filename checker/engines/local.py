"""Documents spread over local processes; each process loads the rule set once."""

from __future__ import annotations

import datetime as dt
import functools
import signal
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from checker.engines import batches, check_batch, in_order, install
from checker.model import Document, DocumentReport
from checker.rulelang.ruleset import RuleSet

BATCH = 16  # documents per task: large enough to hide the hand-over, small enough to balance
WINDOW_PER_JOB = 4  # batches in flight per process


def _start_worker(token: str, ruleset: RuleSet, model: str | None) -> None:
    """Ctrl-C reaches the whole process group: only the parent acts on it (it cancels the
    pending batches and exits 130), so workers ignore it rather than each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    install(token, ruleset)
    from checker import analysis

    analysis.load(model)  # once per worker, before its first batch


def check_all(
    documents: Iterable[Document], ruleset: RuleSet, as_of: dt.date | None, jobs: int, model: str | None = None
) -> Iterator[DocumentReport]:
    token = uuid.uuid4().hex
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(token, ruleset, model)) as pool:
        run = functools.partial(check_batch, token=token, as_of=as_of, model=model)
        try:
            yield from in_order(lambda batch: pool.submit(run, batch), batches(documents, BATCH), jobs * WINDOW_PER_JOB)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
