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
    max_bytes: int = 5_000_000
    encoding: str | None = None  # for files with no BOM that are not valid UTF-8
    stdin_name: str = "<stdin>"

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


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3}


def parse_size(text: str) -> int:
    """'5MB', '500kB', '1000000' -> bytes (decimal units, as disk sizes are shown)."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else None
    if not match or unit not in _UNITS or float(match.group(1)) * _UNITS[unit] < 1:
        raise UsageError(f"--max-size: expected a size such as 5MB, 500kB or 100000 (bytes), found {text!r}")
    return int(float(match.group(1)) * _UNITS[unit])
