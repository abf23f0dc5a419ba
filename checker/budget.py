"""A per-document time budget, so one crafted document cannot hold up a run for minutes.

Reading a document and checking it each get BASE_SECONDS plus SECONDS_PER_100K for every
100,000 characters of its text: 10 s for a short article, 60 s for 500 kB,
about 8 minutes for the 5 MB the default --max-size allows. A typical article needs a few
milliseconds of each, so only a pathological input (one the standard HTML parser reads in
quadratic time, say) ever reaches it. A document whose reading runs over is refused (exit 3);
one whose checks run over gets a CC900 finding in place of its findings (exit 5). Either way
the other documents are still read and checked.

The budget counts the process's CPU time, not the clock's, so a loaded machine (a shared CI
runner, a `nice`d job) does not make a plain article run over. It is a timer signal
(SIGPROF), so it holds in a process's main thread: the CLI, and each --jobs worker. Where
there is no such signal or thread (Windows, a Dask worker's thread, an application calling
from a thread of its own) documents run without one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

BASE_SECONDS = 10.0
SECONDS_PER_100K = 10.0


class OverBudget(BaseException):
    """Raised where the document's work stands when its time is up. A BaseException, so that
    no `except Exception` around one check swallows it and lets the next run unbounded."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than its time budget ({seconds:g} s for its size)")
        self.seconds = seconds


def seconds_for(size: int) -> float:
    return BASE_SECONDS + SECONDS_PER_100K * size / 100_000


@contextlib.contextmanager
def budget(size: int) -> Iterator[float]:
    """Run the block with the time budget of a document of `size` characters."""
    seconds = seconds_for(size)
    # _signal, not signal: the enums the signal module builds cost start-up, and this needs none.
    import _signal

    def expire(signum, frame):
        raise OverBudget(seconds)

    try:
        previous = _signal.signal(_signal.SIGPROF, expire)
    except (AttributeError, ValueError):  # no SIGPROF here, or not the main thread: no budget
        yield seconds
        return
    # Again every second after the first: a signal that lands in a finalizer (__del__) is
    # reported and swallowed by Python, and the document must not then run unbounded.
    _signal.setitimer(_signal.ITIMER_PROF, seconds, 1.0)
    try:
        yield seconds
    finally:
        _signal.setitimer(_signal.ITIMER_PROF, 0)
        _signal.signal(_signal.SIGPROF, previous)
