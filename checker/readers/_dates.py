"""An article's own date, from the values newsroom formats store it in."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][^\n]{0,40})?\s*")
_YAML_ZONE = re.compile(r"\s+([+-]\d{1,2}(?::?\d{2})?|Z)$")  # YAML allows a space before the zone


def iso_date(text: str) -> dt.date | None:
    """The date of an ISO 8601 date or date-time ('2025-07-24', '2025-07-24T09:30:00+03:00').

    The date is the one written, in the writer's own time zone: an article stamped
    late on the 24th in New York was published on the 24th.
    """
    match = _ISO.fullmatch(text)
    if not match:
        return None
    try:
        day = dt.date.fromisoformat(match.group(1))
        if text.strip() != match.group(1):  # a time too: it must be a real one (no hour 25, no +99:00)
            dt.datetime.fromisoformat(_YAML_ZONE.sub(r"\1", text.strip()))
    except ValueError:
        return None
    return day


def as_date(value: object) -> dt.date | None:
    """A front-matter value as a date: YAML and TOML give dates and date-times, or a string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return iso_date(value)
    return None
