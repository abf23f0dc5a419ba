"""CC109 place-conflict: a one-time event of one participant said to happen at two places."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._alignment import same_parties
from checker.detectors._common import pair_severity, pairs_across_sentences, quote
from checker.model import Finding, Modality, PlaceClaim, Severity

_WORDS = re.compile(r"\w+")


def one_event(a: PlaceClaim, b: PlaceClaim) -> bool:
    """The same one-time event of the same participant: one predicate class ('died' and 'his
    death'), said of one particular, singular subject, the same on both sides (a name or its
    part, the same pronoun, 'the singer'; not 'a man', not 'the victims'), and neither denied, supposed ('if he
    died in Vienna') nor a plan set against what happened."""
    fa, fb = a.anchor, b.anchor
    if fa is None or fb is None or a.predicate_class != b.predicate_class:
        return False
    if not (fa.subject_definite and fb.subject_definite) or "plur" in (fa.subject_number, fb.subject_number):
        return False
    if fa.negated or fb.negated or _modality(a) is None or _modality(a) != _modality(b):
        return False
    # a pronoun is not let stand for any other participant: biographies name several people
    # born or dead somewhere ("She was born in Leeds" / "her mother was born in Dublin")
    return same_parties(fa, fb, subject_needed=True, lenient=False)


def _modality(claim: PlaceClaim) -> str | None:
    """What happened (stated, or reported by a source) or what is planned; None when it is
    denied or only supposed."""
    frame = claim.frame
    if frame is None:
        return "stated"
    if frame.negated or frame.modality is Modality.HYPOTHETICAL:
        return None
    return "planned" if frame.modality is Modality.PLANNED else "stated"


def compatible(a: PlaceClaim, b: PlaceClaim) -> bool:
    """Places that may be one: a place named (or named together with another) on the other
    side, by its words ('Vienna' and 'Vienna, Austria'; 'Essen' and 'Essen-Werden'; 'Germany'
    and 'West Germany'): without a gazetteer, a place named with another may lie within it."""
    return _among(a.place, b.names) or _among(b.place, a.names)


def _among(place: str, names: frozenset[str]) -> bool:
    words = set(_WORDS.findall(place))
    return any(words <= (other := set(_WORDS.findall(name))) or other <= words for name in names)


def certain(a: PlaceClaim, b: PlaceClaim) -> bool:
    """Both places said down to a place within a broader one ('Graz, Austria', 'Vienna,
    Austria'): neither is a region holding the other. A bare place ('died in Austria', 'died
    in Vienna') may hold the other side's, which only a gazetteer would tell."""
    return len(a.names) > 1 and len(b.names) > 1


def run(context: Context) -> Iterator[Finding]:
    claims = context.claims.places
    if len(claims) < 2:
        return
    quote_text = context.document.quote
    reported: set[int] = set()
    for first, second in pairs_across_sentences(claims):
        if id(second) in reported or not one_event(first, second) or compatible(first, second):
            continue
        reported.add(id(second))
        default = DETECTOR.severity if certain(first, second) else Severity.NOTE
        severity, note = pair_severity(default, first.speaker, second.speaker)
        hedge = "" if default is DETECTOR.severity else "; unless one place lies within the other"
        yield DETECTOR.finding(
            f"placed '{quote_text(first.span)}' here but '{quote_text(second.span)}' later, for the same "
            f"one-time event{hedge}{note}",
            quote(context, first.clause or first.span),
            (quote(context, second.clause or second.span),),
            severity=severity,
        )


DETECTOR = Detector(
    code="CC109",
    name="place-conflict",
    severity=Severity.WARNING,
    summary="An event that happens once to one participant (a death, a birth) is placed at two places.",
    description=(
        "A verb or noun of the rules' `once-only-predicates` ('died', 'was born', 'was buried', 'his "
        "death') has one place: the places (GPE, LOC and FAC entities) of a phrase of the rules' "
        "`place-prepositions` that hangs on it ('died in Graz, Austria'; 'died at his home in London' is "
        "in London). Two places of one such event of the same participant conflict: one predicate class "
        "('died', 'passed away' and 'his death' are one), one particular subject, the same on both sides "
        "(a name or part of it, the same pronoun, 'the singer'; a pronoun never stands for another "
        "participant, as articles name several; never 'a man' or a plural), neither denied, supposed ('if') nor "
        "a plan set against what happened. A place named on the other side, or named together with "
        "another place there, may be the same place or lie within it and is no conflict ('Vienna' and "
        "'Vienna, Austria'; 'Graz, Austria' and 'Austria'); names that share their words are one ('Essen' "
        "and 'Essen-Werden'). Without a gazetteer a bare place may hold the other ('died in Austria' / "
        "'died in Vienna'): such a pair is a note, and a warning only when both sides name their place "
        "within a broader one ('Graz, Austria' / 'Vienna, Austria'). Two sources lower it (a warning to a "
        "note), unless one side is the author's own. Verbs of what happens again ('played in London', 'played "
        "in Paris') are not compared."
    ),
    fires=(
        "Hallberg died on September 7, 1987, in Graz, Austria, at the age of 75. Hallberg died on September 7, "
        "1987, in Vienna, Austria.",
        "Israel Hollander was born in Vienna, Austria. Israel Hollander was born in Winnipeg, Canada.",
        "The painter died in Paris, France, in 1901. The painter's death in Montreal, Quebec, shocked the city.",
        "Hallberg passed away in Salzburg, Austria. Hallberg died in Meersburg, West Germany.",
    ),
    quiet=(
        "Hallberg died in Vienna, Austria. Hallberg died in Vienna.",
        "She was born in Graz, Austria. She was born in Austria.",
        "He died at his home in London. He died in London, aged 80.",
        "The band played in London, England. The band played in Paris, France.",
        "Anna Berg was born in Graz, Austria. Her brother was born in Vienna, Austria.",
        "Mary Smith was born in Leeds, England. She met John Brown at university. He was born in Cork, Ireland.",
        "A man died in Leeds, England. A man died in York, England.",
        "If Hallberg died in Graz, Austria, the records are wrong. Hallberg died in Vienna, Austria.",
        "Hallberg was not born in Graz, Austria. Hallberg was born in Vienna, Austria.",
        "Jakob Kaiser was born in Essen-Werden, Germany. Jakob Kaiser was born in Essen, Germany.",
    ),
    run=run,
)
