"""Where documents are checked: in this process, over local processes, or on a Dask cluster.

Every engine yields one DocumentReport per document, in the order the documents were
given, equal to what a serial run yields. Documents are read lazily and only a bounded
window of batches is in flight, so memory does not grow with the number of documents.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from checker.model import Document, DocumentReport
from checker.rulelang.ruleset import RuleSet

Batch = list[Document]


class Pending(Protocol):
    """A submitted batch: a concurrent.futures or dask.distributed future."""

    def result(self) -> list[DocumentReport]: ...


def batches(documents: Iterable[Document], size: int) -> Iterator[Batch]:
    batch: Batch = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def in_order(submit: Callable[[Batch], Pending], work: Iterable[Batch], window: int) -> Iterator[DocumentReport]:
    """Submit batches keeping at most `window` in flight; yield their reports in submission order."""
    pending: deque[Pending] = deque()
    for batch in work:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


# Worker side: each process compiles the rule set once per run, named by a token.
_prepared: dict[str, object] = {}


def install(token: str, ruleset: RuleSet) -> None:
    from checker.pipeline import Prepared

    if token not in _prepared:
        _prepared.clear()  # a long-lived worker keeps only the latest run's rules
        _prepared[token] = Prepared.of(ruleset)


def check_batch(
    documents: Batch, token: str, as_of: dt.date | None, ruleset: RuleSet | None = None, model: str | None = None
) -> list[DocumentReport]:
    """Check one batch with this process's compiled rules (installed first when `ruleset` is given)
    and its language pipeline (loaded once per process)."""
    from checker import analysis
    from checker.pipeline import check

    if ruleset is not None:
        install(token, ruleset)
    prepared = _prepared[token]
    analyzer = analysis.load(model)
    return [check(document, prepared, as_of, analyzer) for document in documents]  # type: ignore[arg-type]
