"""A stated span of time against a date range of the same frame: 'served as director for over
30 years' and 'served as director from 1930 to 1952' (21 to 23 years) cannot both be true.

The duration's unit is given its length in days by the rules' `duration-*` lists; the range
may last from the end of its first unit to the start of its last up to the whole of both, each
end taken at the granularity it is written to ('from March 1990 to 2012': a month, a year).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from checker.detectors import Context, Detector
from checker.detectors._alignment import same_parties, same_predicate, same_scope
from checker.detectors._common import value_conflicts
from checker.extract.vocab import CompiledVocabulary
from checker.model import DateClaim, Finding, QuantityClaim

# The rules' lists of units of time, by the days each lasts (a year of 365.25, a month of 30.44).
DURATION_UNITS = {
    "duration-days": 1.0,
    "duration-weeks": 7.0,
    "duration-months": 30.44,
    "duration-years": 365.25,
    "duration-decades": 3652.5,
}
# How long, in days, the first or last unit of a range written to this granularity may last.
_GRAIN_DAYS = {"day": 1, "month": 31, "year": 366}


def duration_units(vocab: CompiledVocabulary) -> dict[str, float]:
    """Each unit of time the rules list (a lemma: 'year'), by the days it lasts."""
    return {unit: days for name, days in DURATION_UNITS.items() for unit in vocab.word_list(name)}


def _end_granularity(period: DateClaim) -> str:
    return period.end_granularity or period.granularity


def range_days(period: DateClaim) -> tuple[float, float]:
    """The fewest and most days a date range may span: 'from 1930 to 1952' is 21 to 23 years,
    as it may run from the end of 1930 or the start of it to the start or the end of 1952; each
    end by its own granularity ('from March 1990 to 2012' is 21.8 to 22.8 years)."""
    most = (period.end - period.start).days + 1
    least = most - _GRAIN_DAYS[period.granularity] - _GRAIN_DAYS[_end_granularity(period)]
    return max(0.0, float(least)), float(most)


def duration_days(claim: QuantityClaim, units: dict[str, float]) -> tuple[float, float] | None:
    """A stated span of time in days ('for over 30 years': 10,957 and more), if its unit is one."""
    unit = claim.anchor.counted if claim.anchor else None
    length = units.get(unit or claim.unit or "")
    return None if length is None else (claim.low * length, claim.high * length)


def span_comparable(duration: QuantityClaim, period: DateClaim) -> bool:
    """A stated duration ('served as director for over 30 years') and a date range of the same
    frame ('served as director from 1930 to 1952'): the same verb, of the same named subject
    and object, in the same scope, neither negated nor planned. A range that ends before it
    starts ('from 2011 to 2003') spans no time: CC103 says so, and no duration is held to it."""
    fq, fd = duration.anchor, period.anchor
    return (
        fq is not None
        and fd is not None
        and duration.kind == "duration"
        and duration.per is None
        and duration.modality == "stated"
        and period.range_end is not None
        and period.start is not None
        and period.end is not None
        and period.start <= period.end
        and period.granularity in _GRAIN_DAYS
        and _end_granularity(period) in _GRAIN_DAYS
        and period.year_known
        and not (duration.negated or period.negated or fq.negated or fd.negated)
        and same_predicate(fq, fd)
        and same_parties(fq, fd, subject_needed=True)
        and same_scope(fq, fd)
    )


def span_conflict(
    units: dict[str, float],
) -> Callable[[QuantityClaim | DateClaim, QuantityClaim | DateClaim], bool]:
    """Whether a duration and a date range (in either order) of one frame cannot both hold."""

    def conflict(a: QuantityClaim | DateClaim, b: QuantityClaim | DateClaim) -> bool:
        if isinstance(a, DateClaim) == isinstance(b, DateClaim):
            return False
        duration, period = (b, a) if isinstance(a, DateClaim) else (a, b)
        if not span_comparable(duration, period):
            return False
        stated = duration_days(duration, units)
        if stated is None:
            return False
        low, high = range_days(period)
        return stated[1] < low or high < stated[0]

    return conflict


def span_conflicts(context: Context, detector: Detector, quantities: Sequence[QuantityClaim]) -> Iterator[Finding]:
    """Each stated duration at odds with a date range of the same frame."""
    periods = [d for d in context.claims.dates if d.range_end is not None and d.start is not None and d.end is not None]
    durations = [q for q in quantities if q.kind == "duration"]
    if not (periods and durations):
        return
    spans = sorted([*durations, *periods], key=lambda claim: claim.span.start)
    yield from value_conflicts(
        context,
        detector,
        spans,
        span_conflict(duration_units(context.vocab)),
        lambda one, other: f"'{one}' here but '{other}' later, said of the same span of time",
    )
