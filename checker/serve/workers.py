"""The processes that check texts for the service.

Each worker is a process with its own warm Session, answering one request at a time over a
pipe, so requests checked at once never share a vocabulary or a model. A check that runs
past the time limit cannot be interrupted inside Python, so its worker is killed and a new
one started in its place: the limit bounds the work, not only the wait.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
from dataclasses import dataclass

from checker.settings import Settings

START_TIMEOUT = 300.0  # seconds a new worker may take to load its rules and model


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: str  # JSON


class TimeLimit(Exception):
    """The check took longer than the limit; its worker was killed."""


class WorkerFailed(Exception):
    """A worker could not start (its rules are bad) or died while checking."""


def answer(session, request: dict) -> Reply:
    """The reply to one request (`kind` audit or claims), as the CLI would write it."""
    from checker.errors import CheckerError, RuleErrors
    from checker.session import OwnRulesBroken

    try:
        report = session.check(
            request["text"],
            format=request["format"],
            name=request["name"],
            as_of=request["as_of"],
            rule_texts=request["rules"],
        )
    except OwnRulesBroken as error:
        return _problem(500, f"the server's rule files cannot be used: {_first_line(error)}")
    except RuleErrors as error:
        located = [{"source": e.path, "line": e.line, "column": e.column, "problem": e.problem} for e in error.errors]
        return _problem(422, _first_line(error), located)
    except CheckerError as error:
        return _problem(422, str(error))
    if request["kind"] == "claims":
        from checker.claimlist import claims_data, rows

        data = claims_data([(d, rows(d)) for d in report.documents])
        return Reply(200, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    from checker.reporters.json import render

    return Reply(200, render(report))


def _first_line(error) -> str:
    errors = getattr(error, "errors", [])
    more = len(errors) - 1
    return str(errors[0]) + (f" (and {more} more)" if more > 0 else "") if errors else str(error)


def _problem(status: int, message: str, rule_errors: list | None = None) -> Reply:
    return Reply(status, json.dumps({"error": message, "rule_errors": rule_errors or []}, ensure_ascii=False))


def _work(connection, settings: Settings) -> None:
    """A worker's life: load the session once, then answer each request sent down the pipe."""
    from checker.errors import CheckerError
    from checker.session import WARM_UP, Session

    try:
        session = Session(settings)
        for kind in ("audit", "claims"):  # the first answer also loads each reply's writer
            answer(
                session,
                {"kind": kind, "text": WARM_UP, "format": "text", "name": "<warm-up>", "as_of": None, "rules": []},
            )
    except CheckerError as error:
        connection.send(("failed", error.render()))
        return
    connection.send(("ready", None))
    while True:
        try:
            request = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            connection.send(("reply", answer(session, request)))
        except Exception as error:  # a bug answers this request with a 500, and the worker goes on
            connection.send(("reply", _problem(500, f"internal error: {type(error).__name__}: {error}")))


class Worker:
    """One checking process, started at once; `call` is blocking (run it in a thread)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._start()

    def _start(self) -> None:
        self._connection, child = self._context.Pipe()
        self._process = self._context.Process(target=_work, args=(child, self._settings), daemon=True)
        self._process.start()
        child.close()
        if not self._connection.poll(START_TIMEOUT):
            self.stop()
            raise WorkerFailed(f"a worker did not start within {START_TIMEOUT:.0f} s")
        kind, message = self._receive()
        if kind != "ready":
            self.stop()
            raise WorkerFailed(message)

    def _receive(self):
        try:
            return self._connection.recv()
        except (EOFError, OSError):
            return ("failed", f"the worker process ended (exit code {self._process.exitcode})")

    def call(self, request: dict, time_limit: float) -> Reply:
        """The worker's reply; on TimeLimit or WorkerFailed the worker is stopped (see `start_again`)."""
        self._connection.send(request)
        if not self._connection.poll(time_limit):
            self.stop()
            raise TimeLimit
        kind, reply = self._receive()
        if kind != "reply":
            self.stop()
            raise WorkerFailed(reply)
        return reply

    def start_again(self) -> None:
        self.stop()
        self._start()

    def stop(self) -> None:
        self._process.kill()
        self._process.join()
        self._connection.close()


class Pool:
    """`size` workers; a request waits for a free one."""

    def __init__(self, settings: Settings, size: int, time_limit: float) -> None:
        self.settings, self.size, self.time_limit = settings, size, time_limit
        self._free: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: list[Worker] = []

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        started = await asyncio.gather(
            *(loop.run_in_executor(None, Worker, self.settings) for _ in range(self.size)), return_exceptions=True
        )
        for worker in started:
            if isinstance(worker, Worker):
                self._all.append(worker)
                self._free.put_nowait(worker)
        failed = [error for error in started if isinstance(error, BaseException)]
        if failed:
            self.stop()
            raise failed[0]

    @property
    def ready(self) -> int:
        return self._free.qsize()

    async def run(self, request: dict) -> Reply:
        """The reply of the first free worker. A worker that timed out or died is started
        again in the background, and is free again once it is ready."""
        worker = await self._free.get()
        loop = asyncio.get_running_loop()
        try:
            reply = await loop.run_in_executor(None, worker.call, request, self.time_limit)
        except (TimeLimit, WorkerFailed):
            loop.run_in_executor(None, self._revive, worker, loop)
            raise
        except BaseException:
            self._free.put_nowait(worker)
            raise
        self._free.put_nowait(worker)
        return reply

    def _revive(self, worker: Worker, loop: asyncio.AbstractEventLoop) -> None:
        try:
            worker.start_again()
        except WorkerFailed as error:  # e.g. the rule files were edited into an error meanwhile
            import sys

            print(f"claim-checker serve: a worker could not start again: {error}", file=sys.stderr)
            return
        loop.call_soon_threadsafe(self._free.put_nowait, worker)

    def stop(self) -> None:
        for worker in self._all:
            worker.stop()
        self._all.clear()
