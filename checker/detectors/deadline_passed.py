"""CC105 deadline-passed: a plan or deadline dated before the article's reference date,
or something reported as done on a date after it."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._common import quote
from checker.model import Finding, Severity

_DATED = frozenset({"day", "month", "year"})


def run(context: Context) -> Iterator[Finding]:
    as_of = context.as_of
    if as_of is None:
        return
    for claim in context.claims.dates:
        if claim.granularity not in _DATED or not claim.year_known or claim.start is None or claim.negated:
            continue
        if claim.range_end is not None:
            continue
        where = quote(context, claim.span)
        if claim.tense == "future" and claim.end < as_of:
            kind = "deadline" if claim.deadline else "plan"
            message = f"a {kind} for '{where.text}' ({claim.end.isoformat()}) already lies before {as_of.isoformat()}"
        elif claim.tense == "past" and claim.start > as_of:
            message = f"reported as past, but '{where.text}' ({claim.start.isoformat()}) is after {as_of.isoformat()}"
        else:
            continue
        yield DETECTOR.finding(
            message,
            where,
        )


DETECTOR = Detector(
    code="CC105",
    name="deadline-passed",
    severity=Severity.WARNING,
    summary="A future deadline or plan lies before the article's date, or a past event is dated after it.",
    description=(
        "Needs a reference date (--as-of, a rule file's 'as of', or the document's own date). A date in "
        "a clause put in the future ('will be held on 3 June', 'by the end of August') that ends before "
        "the reference date is stale copy; so is a date in a clause put in the past ('was held on ...') "
        "that starts after it. Dates without a year take the year nearest the reference date."
    ),
    fires=(
        "The summit will be held on 3 June 2025, officials said.",
        "Leaders agreed to meet by the end of March 2025.",
        "The final round was held on 3 September 2025.",
    ),
    quiet=(
        "The summit will be held on 3 September 2025, officials said.",
        "The final round was held on 3 June 2025.",
        "Leaders agreed to meet by the end of August.",
    ),
    run=run,
    example_rules="as of 2025-07-24",
)
