"""CC104 weekday-mismatch: a weekday written beside a date that falls on another day."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._common import quote
from checker.model import Finding, Severity


def run(context: Context) -> Iterator[Finding]:
    for claim in context.claims.dates:
        if claim.weekday is None or claim.granularity != "day" or not claim.year_known or claim.start is None:
            continue
        actual = claim.start.isoweekday()
        if actual != claim.weekday:
            import calendar  # for the weekday's name, only when the check fires

            written = context.document.quote(claim.weekday_span) if claim.weekday_span else "the weekday"
            yield DETECTOR.finding(
                f"{claim.start.isoformat()} is a {calendar.day_name[actual - 1]}, not a {written}",
                quote(context, claim.span),
            )


DETECTOR = Detector(
    code="CC104",
    name="weekday-mismatch",
    severity=Severity.ERROR,
    summary="A weekday is written beside a date that falls on a different weekday.",
    description=(
        "'Tuesday, 23 July 2025' is checked against the calendar: 23 July 2025 is a Wednesday. A date "
        "written without its year takes the year nearest the reference date (--as-of or the rule "
        "files' 'as of'); with no reference date such dates are not checked."
    ),
    fires=(
        "The summit opens on Tuesday, 23 July 2025, in Vilnius.",
        "The vote was held on Friday, March 14, 2024.",
    ),
    quiet=(
        "The summit opens on Wednesday, 23 July 2025, in Vilnius.",
        "The vote was held on Thursday, March 14, 2024.",
        "The summit opens on Tuesday, 23 July, in Vilnius.",
    ),
    run=run,
)
