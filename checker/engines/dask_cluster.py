"""Documents in batches on a Dask cluster: an existing one (`--scheduler`) or a local one.

The rule set is scattered once to every worker, which compiles it once; documents are
read here and sent in batches, so workers need no access to this machine's files.
How long to wait for a scheduler is Dask's own setting (distributed.comm.timeouts.connect).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterable, Iterator

from checker.engines import batches, check_batch, in_order
from checker.errors import UsageError
from checker.interrupts import until_stopped
from checker.model import Document, DocumentReport
from checker.rulelang.ruleset import RuleSet

BATCH = 64
WINDOW_PER_WORKER = 3


def check_all(
    documents: Iterable[Document],
    ruleset: RuleSet,
    as_of: dt.date | None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    model: str | None = None,
) -> Iterator[DocumentReport]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("the dask engine needs Dask: pip install 'claim-checker[dask]'") from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler))
            except (OSError, TimeoutError) as error:
                raise UsageError(f"--scheduler: cannot reach the Dask scheduler at {scheduler} ({error})") from None
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    # the scheduler's HTTP endpoint on a free loopback port, not a fixed public one
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                )
            )
            client = stack.enter_context(Client(cluster))
        token = uuid.uuid4().hex
        shared = client.scatter(ruleset, broadcast=True)
        window = max(len(client.scheduler_info()["workers"]), 1) * WINDOW_PER_WORKER

        def submit(batch):  # dask swaps the scattered future for the worker's copy of the rules
            return client.submit(check_batch, batch, token=token, as_of=as_of, ruleset=shared, model=model, pure=False)

        yield from in_order(submit, until_stopped(batches(documents, BATCH)), window)
