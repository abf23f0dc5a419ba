"""CC103 date-conflict: one event given two different dates, or a range running backwards."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._alignment import same_parties, same_predicate, same_scope
from checker.detectors._common import quote, value_conflicts
from checker.model import DateClaim, Finding, QuantityClaim, Severity, Span

_COMPARABLE = frozenset({"day", "month", "year"})


def comparable(a: DateClaim, b: DateClaim) -> bool:
    """Two dates of one event: the same verb, said of the same subject (both named) and
    object, in the same scope; neither a range nor negated."""
    return (
        a.granularity in _COMPARABLE
        and b.granularity in _COMPARABLE
        and a.year_known == b.year_known
        and one_event(a, b)
    )


def other_part_of_day(a: DateClaim, b: DateClaim, reporting: frozenset[str], once: frozenset[str]) -> bool:
    """One day, two parts of it ('surrendered himself to police on Thursday afternoon' /
    'surrendered himself on Thursday morning'; the rules' `day-morning`, `day-afternoon`,
    `day-evening` lists): the same weekday no reference date placed, or the same day, for one
    event as other_weekday reads it, of a verb that happens once (the rules'
    `once-only-predicates`): one day leaves time to meet or hear a case twice ('met the prime
    minister on Monday morning' / 'again on Monday evening')."""
    if a.day_part is None or b.day_part is None or a.day_part == b.day_part:
        return False
    if a.day_of_week is not None or b.day_of_week is not None:
        same_day = a.day_of_week == b.day_of_week
    else:
        same_day = a.granularity == b.granularity == "day" and a.start == a.end == b.start == b.end is not None
    happens_once = (
        a.anchor is not None and b.anchor is not None and bool(a.anchor.predicates & b.anchor.predicates & once)
    )
    return same_day and happens_once and _one_occasion(a, b, reporting, once)


def other_weekday(a: DateClaim, b: DateClaim, reporting: frozenset[str], once: frozenset[str]) -> bool:
    """Two weekdays no reference date placed ('surrendered himself to police on Friday' /
    'surrendered himself on Thursday morning'), both in past clauses of one event: different
    days. A verb names one event only of one particular subject (a name, a pronoun, 'the
    accomplice') and either one particular object ('himself', 'the camp') or a verb of the
    rules' `once-only-predicates` ('died'): 'stocks fell on Monday' / 'on Thursday' and 'the
    team won on Saturday' / 'on Wednesday' happen again. Saying is done on many days ('said on
    Monday' / 'said on Tuesday'), so a verb of the rules' `reporting` list takes no part."""
    if a.day_of_week is None or b.day_of_week is None or a.day_of_week == b.day_of_week:
        return False
    return _one_occasion(a, b, reporting, once)


def _one_occasion(a: DateClaim, b: DateClaim, reporting: frozenset[str], once: frozenset[str]) -> bool:
    """Two past clauses of one event that happens once (see other_weekday)."""
    fa, fb = a.anchor, b.anchor
    if a.tense != "past" or b.tense != "past" or fa is None or fb is None:
        return False
    if (fa.predicates | fb.predicates) & reporting or not (fa.subject_definite and fb.subject_definite):
        return False
    particular = (fa.object_definite and fb.object_definite) or bool(fa.predicates & fb.predicates & once)
    return particular and one_event(a, b)


def one_event(a: DateClaim, b: DateClaim) -> bool:
    fa, fb = a.anchor, b.anchor
    return (
        fa is not None
        and fb is not None
        and a.range_end is None
        and b.range_end is None
        and not (a.negated or b.negated or fa.negated or fb.negated)
        and same_predicate(fa, fb)
        and fa.direct
        and fb.direct
        and not (_state(fa) or _state(fb))
        and same_parties(fa, fb, subject_needed=True, lenient=not (fa.copula or fb.copula))
        and same_scope(fa, fb, dated=True)
    )


def _state(anchor) -> bool:
    """'By 1979 he was the biggest attraction': a copula says what someone or something was
    at a time, a state that may hold at many dates, not an event with one date. 'The vote was
    on Monday' (a noun's copula) still dates one thing."""
    return anchor.copula and anchor.subject_kind in ("pronoun", "name")


def _one_of_several(claim: DateClaim, claims: list[DateClaim]) -> bool:
    """'The cancer returned in 2005 and again in 2014': a verb its own sentence dates twice
    happened more than once, so no one date of it contradicts another."""
    anchor = claim.anchor
    return anchor is not None and any(
        other is not claim
        and other.sentence == claim.sentence
        and other.anchor is not None
        and other.anchor.predicates == anchor.predicates
        and other.anchor.subject == anchor.subject
        for other in claims
    )


# how a figure stands to its verb when it is what the verb measures ('totaled $1.3 billion',
# 'fell 1.7%', '30 goals were scored'), not a circumstance ('built at a cost of', 'died at the age of')
_MEASURED = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "npadvmod", ""})


def _figures(
    date: DateClaim, quantities: list[QuantityClaim], once: frozenset[str]
) -> frozenset[tuple[float, float, str | None]]:
    """The figures the date's own verb measures in its clause ('exports totaled $1.3 billion in
    2019'): a dated measure says what it was in that period. A verb of the rules'
    `once-only-predicates` ('died ... at the age of 75') measures nothing that recurs."""
    anchor, clause = date.anchor, date.clause or date.span
    if anchor is None or anchor.predicates & once:
        return frozenset()
    return frozenset(
        (q.low, q.high, q.unit)
        for q in quantities
        if q.sentence == date.sentence
        and q.anchor is not None
        and q.anchor.role in _MEASURED
        and q.anchor.predicates & anchor.predicates
        and clause.start <= q.span.start < clause.end
    )


def _other_counts(a: DateClaim, b: DateClaim, figures: dict[int, frozenset]) -> bool:
    """Both dated clauses count something and no figure is the same: 'totaled $1.3 billion in
    2019' and 'totaled $1.5 billion in 2020', 'scored 30 goals in 2001' and '25 goals in 2003'
    are two periods of a recurring measure, not one event given two dates."""
    first, second = figures[id(a)], figures[id(b)]
    return bool(first) and bool(second) and first.isdisjoint(second)


def run(context: Context) -> Iterator[Finding]:
    claims = [d for d in context.claims.dates if d.start is not None and d.end is not None]
    once = context.vocab.word_list("once-only-predicates")
    figures = {id(d): _figures(d, context.claims.quantities, once) for d in claims}
    for claim in claims:
        if claim.range_end is not None and claim.end < claim.start:
            yield DETECTOR.finding(
                f"the range '{context.document.quote(claim.span)}' ends before it starts",
                quote(context, claim.span),
            )
    yield from value_conflicts(
        context,
        DETECTOR,
        _single(claims),
        lambda a, b: comparable(a, b) and (a.end < b.start or b.end < a.start) and not _other_counts(a, b, figures),
        _dated,
    )
    reporting = context.vocab.word_list("reporting")
    weekdays = [d for d in context.claims.dates if d.day_of_week is not None]
    yield from value_conflicts(
        context, DETECTOR, _single(weekdays), lambda a, b: other_weekday(a, b, reporting, once), _dated
    )
    parts = [d for d in context.claims.dates if d.day_part is not None]
    yield from value_conflicts(
        context,
        DETECTOR,
        _single(parts),
        lambda a, b: other_part_of_day(a, b, reporting, once),
        _dated,
        written=lambda claim: Span(claim.span.start, claim.day_part_span.end),
    )


def _single(claims: list[DateClaim]) -> list[DateClaim]:
    """The claims whose verb their sentence does not date twice (see _one_of_several)."""
    return [d for d in claims if not _one_of_several(d, claims)]


def _dated(one: str, other: str) -> str:
    return f"dated '{one}' here but '{other}' later, for the same event"


DETECTOR = Detector(
    code="CC103",
    name="date-conflict",
    severity=Severity.ERROR,
    summary="One event is given two different dates, or a date range runs backwards.",
    description=(
        "Dates are read as intervals of days: '14 August 1819' is one day, 'August 1819' a month, '1819' "
        "a year, 'the end of August' its last third; a weekday without a date ('on Monday') is the day "
        "the tense and the reference date give it. Each date is tied by the parse to the verb it dates "
        "and to that verb's subject ('Completed in 1931, the tower ...': the tower's completion; 'the "
        "tower, which was completed in 1929': the same). Two dates conflict when they date the same verb "
        "of the same subject and object in the same scope and their intervals do not meet, so '1992' and "
        "'March 1992' agree. When both dated clauses measure something with that verb (its object or "
        "subject, not a circumstance such as 'at a cost of'), the verb is not one that happens once, and "
        "no figure is the same ('totaled $1.3 billion in 2019', '$1.5 billion in 2020'), they are two "
        "periods of a measure, not one event. Dates without a year are compared only with each other. "
        "Without a reference date, two weekdays of one event in past clauses ('surrendered himself on "
        "Friday' / 'on Thursday') are two days, unless the verb is one of saying; one event needs a "
        "definite or named subject, and a definite object or a verb that happens once (the rules' `once-"
        "only-predicates`: 'died'), so 'stocks fell on Monday' / 'on Thursday' is two falls. Two parts of"
        " one day (the rules' `day-morning`, `day-afternoon` and `day-evening` lists, said right after "
        "the day) of one such event of a verb that happens once are two times: 'surrendered on Thursday "
        "afternoon' / 'on Thursday morning' (a meeting or a hearing may be held twice in a day). A range "
        "whose end comes before its start is reported on its own."
    ),
    fires=(
        "The stadium was built in 1992 and renovated in 2010. The stadium was built in 1993 for the games.",
        "He was born on August 14, 1819, in Boston. He was born on April 14, 1819, in Boston.",
        "She served as chief executive of the bank from 2011 to 2003.",
        "Completed in 1931, the tower was for decades the tallest in the city. The tower, which was "
        "completed in 1929, still dominates the skyline.",
        "The accomplice surrendered himself to police on Friday. The accomplice surrendered himself on "
        "Thursday morning.",
        "The singer died on Friday. The singer died on Tuesday.",
        "The bridge was built in 1932 at a cost of $5 million. The bridge was built in 1935 at a cost of $6 million.",
        "The accomplice surrendered himself to police on Thursday afternoon. The accomplice surrendered himself "
        "on Thursday morning.",
    ),
    quiet=(
        "Exports to Angola totaled $1.3 billion in 2019. Exports to Angola totaled $1.5 billion in 2020.",
        "The striker scored 30 goals in 2001. The striker scored 25 goals in 2003.",
        "The president met the prime minister on Monday morning. The president met the prime minister again "
        "on Monday evening.",
        "The stadium was built in 1992. The stadium was renovated in 2010.",
        "The museum opened in March 1992. The museum opened in 1992 after years of delays.",
        "Profits rose sharply in 2003. Profits fell sharply in 2004.",
        "She served as chief executive from 2003 to 2011.",
        "The tower was completed in 1931. The bridge was completed in 1929.",
        "The minister said on Monday that talks had failed. The minister said on Tuesday that talks would go on.",
        "The accomplice surrendered on Friday. The gunman surrendered on Thursday.",
        "Stocks fell on Monday as investors worried about rates. Stocks fell on Thursday after the jobs report.",
        "The team won on Saturday against Leeds. The team won on Wednesday in the cup.",
        "A man died on Friday. A man died on Tuesday.",
        "The accomplice surrendered on Friday evening. The accomplice surrendered on Friday night.",
        "Stocks fell on Monday morning. Stocks fell again on Monday afternoon.",
    ),
    run=run,
)
