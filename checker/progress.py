"""A progress bar on standard error while an audit of many documents runs, on a terminal
only: a CI log or a file gets none. Drawn by tqdm, which spaCy already brings in; imported
only when a bar can be shown.

The bar waits `DELAY` seconds before it first appears, so a short run prints nothing, and
clears itself at the end, so the report that follows starts on a clean line.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from checker.model import DocumentReport

if TYPE_CHECKING:  # typing is not imported at run time (tests/test_startup.py)
    from typing import TextIO

DELAY = 2.0  # seconds; a run shorter than this shows no bar

Tick = Callable[[DocumentReport], None]


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a file
        return False


@contextlib.contextmanager
def bar(total: int, stream: TextIO | None = None, delay: float = DELAY, redraw: float = 0.1) -> Iterator[Tick]:
    """A function to call with each document's report as it is checked; it moves the bar,
    redrawn at most every `redraw` seconds."""
    stream = sys.stderr if stream is None else stream
    if total < 2 or not is_terminal(stream):
        yield lambda report: None
        return
    from tqdm import tqdm

    options = {"unit": "doc", "desc": "checking", "delay": delay, "mininterval": redraw, "leave": False}
    with tqdm(total=total, file=stream, **options) as shown:
        yield lambda report: shown.update()
