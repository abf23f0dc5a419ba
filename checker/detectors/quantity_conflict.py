"""CC102 quantity-conflict: one counted thing given two incompatible values."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._common import value_conflicts
from checker.extract.clauses import same_subjects, same_topic, stem
from checker.model import Finding, QuantityClaim, Severity


def comparable(a: QuantityClaim, b: QuantityClaim, measures: frozenset[str]) -> bool:
    """Same unit or measure ('a capacity of 20,000' and 'a capacity of 25,000 people'), rate and
    modality, the same surrounding words, and no other date between them."""
    counted = _counted(a, measures) and _counted(b, measures)
    return (
        a.unit is not None
        and b.unit is not None
        and bool({a.unit, a.measure} & {b.unit, b.measure} - {None})
        and a.per == b.per
        and a.modality == b.modality
        and not a.negated
        and not b.negated
        and a.anchors == b.anchors
        and same_subjects(a.names, b.names)
        and same_topic(_words(a, measures), _words(b, measures), loose=counted)
    )


def _words(claim: QuantityClaim, measures: frozenset[str]) -> frozenset[str]:
    """The context, less a symbol unit: 'it took $18m' says little beyond '$'."""
    return claim.context if _counted(claim, measures) else claim.context - {claim.unit}


def _counted(claim: QuantityClaim, measures: frozenset[str]) -> bool:
    """A counted noun ('teams', 'spectators') ties two claims more than '%', '$' or 'points'
    (the rules' measure-units) do."""
    return bool(claim.unit) and claim.unit.isalpha() and claim.unit not in measures


def disjoint(a: QuantityClaim, b: QuantityClaim) -> bool:
    return a.high < b.low or b.high < a.low


def run(context: Context) -> Iterator[Finding]:
    measures = frozenset(stem(word) for word in context.vocab.word_list("measure-units"))
    claims = [q for q in context.claims.quantities if q.unit is not None]
    yield from value_conflicts(
        context,
        DETECTOR,
        claims,
        lambda a, b: comparable(a, b, measures) and disjoint(a, b),
        lambda one, other: f"'{one}' here but '{other}' later, said of the same thing",
    )


DETECTOR = Detector(
    code="CC102",
    name="quantity-conflict",
    severity=Severity.ERROR,
    summary="One counted thing is given two values that cannot both be true (250 prisoners, then 300).",
    description=(
        "Quantities are read with their bounds ('at least', 'up to', 'about'), ranges ('24-48 hours', "
        "'between 10 and 12'), exchange pairs ('250 for 250'), units and rates ('per side'). Two "
        "quantities are compared when they have the same unit and rate, the same modality (a proposal "
        "is not compared with what happened), the same words around them in their clauses, and no "
        "other date that sets them apart; they conflict when their value intervals do not overlap, so "
        "'at least 1,200' does not conflict with '1,500'."
    ),
    fires=(
        "Officials said 250 prisoners were exchanged on Friday. The exchange of 300 prisoners was "
        "supervised by the Red Cross, and 300 prisoners were exchanged on Friday.",
        "The league consisted of 10 teams in its first season. The league consisted of eight teams in its "
        "first season.",
        "The stadium has a seating capacity of 20,000 spectators. The stadium has a seating capacity of "
        "25,000 spectators.",
    ),
    quiet=(
        "Moscow proposed exchanging at least 1,200 prisoners. Kyiv said 1,500 prisoners were exchanged.",
        "At least 1,200 prisoners were exchanged in June. In total 1,500 prisoners were exchanged in June.",
        "Sales rose 10% in 2003. Sales rose 5% in 2004.",
        "The first ward has 20 beds. The hospital has 300 beds in total.",
        "Ceasefires of 24-48 hours are being considered. A ceasefire of 36 hours is being considered.",
    ),
    run=run,
)
