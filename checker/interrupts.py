"""Signals that stop a run, remembered so that none is lost.

Python raises an interrupt where the main thread happens to be. When that is a finalizer
(`__del__`) or a callback whose errors are ignored, the exception is printed as "Exception
ignored" and swallowed, and the run would go on to write its report as if nothing had
happened. The CLI's handlers therefore also record the signal; the run asks again before it
checks the next document and before it writes anything, so a swallowed signal still stops
it there with the signal's exit code and no report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_pending: type[BaseException] | None = None


def handler(exception: type[BaseException]):
    """A signal handler that records `exception` and raises it where the run is."""

    def stop(signum, frame) -> None:
        global _pending
        _pending = exception
        raise exception

    return stop


def raise_if_pending() -> None:
    """Raise the exception of a signal received earlier, if one was (and possibly swallowed)."""
    if _pending is not None:
        raise _pending


def until_stopped(items: Iterable[T]) -> Iterator[T]:
    """`items`, asking before each whether a signal stopped the run."""
    for item in items:
        raise_if_pending()
        yield item


def forget() -> None:
    """The run is over (an embedding application may start another)."""
    global _pending
    _pending = None
