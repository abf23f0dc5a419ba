"""Typed settings for one run, built from command-line flags; layers below never see argparse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.errors import UsageError
from checker.model import Severity

FAIL_ON_CHOICES = ("error", "warning", "note", "never")


@dataclass(frozen=True, slots=True)
class Settings:
    rules: tuple[str, ...] = ()
    default_rules: bool = True
    as_of: dt.date | None = None
    fail_on: Severity | None = Severity.ERROR  # None: never fail on findings
    format: str = "table"
    output: str | None = None
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    cache: bool | None = None  # None: on unless CLAIM_CHECKER_NO_CACHE is set

    def fails(self, worst: Severity | None) -> bool:
        return worst is not None and self.fail_on is not None and worst.rank >= self.fail_on.rank


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of: expected a date as YYYY-MM-DD, found {text!r}") from None


ENGINES = ("local", "dask")


def default_jobs() -> int:
    """The cores this process may run on."""
    import os

    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_jobs(text: str | None) -> int:
    if text is None:
        return default_jobs()
    if not text.isdigit() or int(text) < 1:
        raise UsageError(f"--jobs: expected a whole number of processes, 1 or more, found {text!r}")
    return int(text)


def parse_engine(engine: str, scheduler: str | None) -> str:
    if engine not in ENGINES:
        raise UsageError(f"--engine: expected one of {', '.join(ENGINES)}, found {engine!r}")
    if scheduler is not None:  # a scheduler means an existing Dask cluster
        if not scheduler.strip():
            raise UsageError("--scheduler: expected an address such as tcp://HOST:8786, found nothing")
        return "dask"
    return engine


def parse_fail_on(text: str) -> Severity | None:
    if text not in FAIL_ON_CHOICES:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON_CHOICES)}, found {text!r}")
    return None if text == "never" else Severity(text)
