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

    def fails(self, worst: Severity | None) -> bool:
        return worst is not None and self.fail_on is not None and worst.rank >= self.fail_on.rank


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of: expected a date as YYYY-MM-DD, found {text!r}") from None


def parse_fail_on(text: str) -> Severity | None:
    if text not in FAIL_ON_CHOICES:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON_CHOICES)}, found {text!r}")
    return None if text == "never" else Severity(text)
