"""CC102 quantity-conflict: one counted thing given two incompatible values."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._alignment import same_parties, same_predicate, same_scope
from checker.detectors._common import value_conflicts
from checker.detectors._spans import span_conflicts
from checker.extract.clauses import same_subjects
from checker.extract.quantities import AGE, CAPACITIES, PERCENT
from checker.model import Finding, QuantityClaim, Severity


def comparable(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Two values of one counted thing said with one predicate, of the same parties, in the
    same scope, rate, modality (a proposal is not compared with what happened) and time, and of
    the same kind: a span of time ('for the past 18 months') is never compared with a count, nor
    a capacity ('can hold up to 500 guests') with how many were there ('held 350 guests').
    Sentences that name wholly different people or things ('the UK economy ... with growth
    falling', 'the Chinese economy ... with growth falling') speak of different ones, whose
    bare nouns the frames cannot tell apart."""
    fa, fb = a.anchor, b.anchor
    if fa is None or fb is None:
        return False
    if AGE in (a.kind, b.kind):
        return _same_age(a, b)
    return (
        bool(_things(a) & _things(b))
        and a.kind == b.kind
        and a.kind != "label"
        and (CAPACITIES in fa.predicates) == (CAPACITIES in fb.predicates)
        and _same_role(a, b)
        and (_anchored(a) and _anchored(b))
        and a.per == b.per
        and a.modality == b.modality
        and not (a.negated or b.negated or fa.negated or fb.negated)
        and _same_time(a, b)
        and same_subjects(a.names, b.names)
        and same_predicate(fa, fb)
        and same_parties(fa, fb)
        and same_scope(fa, fb)
    )


def _same_age(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Two ages of one person named in full ('Samuel Lindqvist, 26,', 'Samuel Lindqvist, 25,'): an
    age said beside a name is the person's age when the text is written, whatever the tense,
    unless the clauses are dated otherwise ('Anna Berg, 34, was jailed in 2019' / 'Anna Berg, 38,
    was released on Tuesday': years apart)."""
    return (
        a.kind == b.kind == AGE
        and a.anchor.subject == b.anchor.subject
        and a.modality == b.modality
        and a.anchors == b.anchors
    )


def _same_time(a: QuantityClaim, b: QuantityClaim) -> bool:
    """'In 2003 the figure was 29%', 'Now the figure is 14%': what was and what is now are two
    states, not two values of one. A present perfect ('have killed 14') tells what happened."""
    times = {_time(a), _time(b)}
    return None in times or len(times) == 1


def _time(claim: QuantityClaim) -> str | None:
    frame = claim.frame
    if frame is None or frame.tense not in ("past", "present"):
        return None
    return "past" if frame.aspect == "perfect" else frame.tense


# A passive's subject is what the active verb acts on: '14 people were killed', 'killed 14 people'.
_ACTIVE = {"nsubjpass": "dobj"}
_CORE = frozenset({"nsubj", "dobj"})


def _same_role(a: QuantityClaim, b: QuantityClaim) -> bool:
    """The counted things play the same part: both what the verb acts on, both who acts. Two
    verbs of one class may put them differently ('the floods killed 14 people', '19 people
    died'), so subject and object meet when the verbs differ."""
    roles = {_ACTIVE.get(a.anchor.role, a.anchor.role), _ACTIVE.get(b.anchor.role, b.anchor.role)}
    if len(roles) == 1:
        return True
    if "" in roles and len(roles - {""} - _CORE) == 0:
        return True  # 'reported, with 458 deaths' and '457 deaths have been reported'

    verbs = {claim.frame.predicate if claim.frame else None for claim in (a, b)}
    return roles == {"nsubj", "dobj"} and len(verbs) == 2 and None not in verbs


def _anchored(claim: QuantityClaim) -> bool:
    """A frame that says whose count it is: the counted things are the subject ('31 miners
    were trapped'), or a subject is named ('the floods killed 14 people'). 'Scoring 18
    goals' and 'with seven minutes remaining' say too little to be compared."""
    anchor = claim.anchor
    if anchor.subject is not None:
        return True
    return claim.kind == "count" and anchor.role in ("nsubj", "nsubjpass") and anchor.counted is not None


def _things(claim: QuantityClaim) -> set[str]:
    """What a value counts or measures: the noun it counts ('miner'), its symbol ('%', '$'),
    the measure named before it ('a seating capacity of ...')."""
    counted = claim.anchor.counted if claim.anchor else None
    if claim.unit == PERCENT:
        counted = None  # '44 per cent': the parse's noun is the phrase's 'cent', the unit is '%'
    return {w for w in (counted or claim.unit, claim.measure) if w}


def disjoint(a: QuantityClaim, b: QuantityClaim) -> bool:
    return a.high < b.low or b.high < a.low


def other_bounds(a: QuantityClaim, b: QuantityClaim) -> bool:
    """'over 250 appearances' and 'over 200 appearances': each is a floor the writer puts at a
    round figure just under the count, so two floors (or two ceilings) of one count at
    different figures disagree on it, though both may hold."""
    if a.bound != b.bound or a.bound not in ("lower-bound", "upper-bound"):
        return False
    return a.low != b.low if a.bound == "lower-bound" else a.high != b.high


def run(context: Context) -> Iterator[Finding]:
    claims = [q for q in context.claims.quantities if q.anchor is not None]
    yield from value_conflicts(
        context,
        DETECTOR,
        claims,
        lambda a, b: comparable(a, b) and disjoint(a, b),
        lambda one, other: f"'{one}' here but '{other}' later, said of the same thing",
        tension=lambda a, b: other_bounds(a, b) and comparable(a, b),
    )
    yield from span_conflicts(context, DETECTOR, claims)


DETECTOR = Detector(
    code="CC102",
    name="quantity-conflict",
    severity=Severity.ERROR,
    summary="One counted thing is given two values that cannot both be true (250 prisoners, then 300).",
    description=(
        "Quantities are read with their bounds ('at least', 'up to', 'about'), ranges ('24-48 hours', "
        "'between 10 and 12'), exchange pairs ('250 for 250') and rates ('per side'), and placed in the "
        "sentence's parse: the noun a number counts, the verb it is said with (and participles that "
        "describe the counted noun: 'trapped miners'), that verb's subject and object, and the phrases "
        "that scope it ('in the northern group', 'in total', a place, a time). Two quantities are "
        "compared when they count the same thing with the same verb, of the same subject and object, "
        "in the same scope, rate, modality (a proposal is not compared with what happened) and time "
        "(what was is not what is now), in sentences that do not name wholly different things; a span "
        "of time ('for the past 18 months') is never compared with a count. Light verbs that only say whose "
        "a count is ('had', 'posted', 'scored': the rules' light-predicates) count as one predicate, and a "
        "noun that only frames a figure ('a total of $2.3 billion') lets the figure stand in its place. "
        "They conflict when their value intervals do not overlap, so 'at least 1,200' does not conflict "
        "with '1,500'; two floors (or two ceilings) of one count at different figures ('over 250 "
        "appearances', 'over 200 appearances') may both hold but disagree on the count: a warning. "
        "A capacity is one figure however it is said: a measure noun of the rules' `capacities` ('a "
        "seating capacity of 20,000') or a verb of it after a modal of ability ('can hold up to 25,000'), "
        "where 'up to' (the rules' `maximum`) states the capacity itself; it is compared only with "
        "a capacity, never with how many a thing held ('held 350 guests'). A stated duration ('served "
        "as director for over 30 years') is compared with a date range of the same frame ('from 1930 "
        "to 1952', 21 to 23 years long), its unit's length taken from the rules' `duration-*` lists. "
        "A person's age, between commas after the full name or after a word of the rules' `ages` "
        "('Samuel Lindqvist, 26,', 'Anna Berg, aged 40,'), is compared with the age given to the same "
        "full name, in any tense."
    ),
    fires=(
        "Officials said 250 prisoners were exchanged on Friday. The exchange of 300 prisoners was "
        "supervised by the Red Cross, and 300 prisoners were exchanged on Friday.",
        "The league consisted of 10 teams in its first season. The league consisted of eight teams in its "
        "first season.",
        "The stadium has a seating capacity of 20,000 spectators. The stadium has a seating capacity of "
        "25,000 spectators.",
        "Rescuers said 31 miners were trapped underground. All 27 trapped miners were brought to the surface.",
        "The goaltender had a 2.68 goals against average. The goaltender posted a 2.89 goals against average.",
        "Trade reached $3.5 billion in 2019. Trade reached a total of $2.3 billion in 2019.",
        "He made over 250 appearances for the club. He made over 200 appearances for the club.",
        "The stadium has a seating capacity of 20,000 spectators. The stadium can hold up to 25,000 spectators.",
        "She served as chief executive of the bank from 1990 to 2002. She served as chief executive of the "
        "bank for over 30 years.",
        "Samuel Lindqvist, 26, was on holiday. The officers, Samuel Lindqvist, 25, and Eric Holmgren, 28, stepped in.",
    ),
    quiet=(
        "Moscow proposed exchanging at least 1,200 prisoners. Kyiv said 1,500 prisoners were exchanged.",
        "At least 1,200 prisoners were exchanged in June. In total 1,500 prisoners were exchanged in June.",
        "Sales rose 10% in 2003. Sales rose 5% in 2004.",
        "The first ward has 20 beds. The hospital has 300 beds in total.",
        "Ceasefires of 24-48 hours are being considered. A ceasefire of 36 hours is being considered.",
        "Nine teams will play in the northern group. Seven teams will play in the southern group.",
        "Prices have risen for the past 18 months. Prices rose in 12 months of the last 20.",
        "Lala had 84 points in 36 games. Lala lost 80 points in 36 games.",
        "He made over 250 appearances for the club. He made under 300 appearances for the club.",
        "The stadium has a seating capacity of 25,000 spectators. The stadium can hold up to 25,000 spectators.",
        "The hall can hold up to 500 guests. The hall held 350 guests for the gala.",
        "She served as chief executive of the bank from 1990 to 2002. She served as chief executive of the "
        "bank for 12 years.",
        "Lizzi Crawford, 32, lost weight. Her mother, Mary Crawford, 57, was proud of her.",
        "Anna Berg, 34, was jailed in 2019. Anna Berg, 38, was released on Tuesday.",
    ),
    run=run,
)
