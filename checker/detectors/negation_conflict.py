"""CC107 negation-conflict: a statement and its negation about the same subject and predicate."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._common import pair_severity, pairs_across_sentences, quote
from checker.extract.clauses import same_subjects
from checker.model import Finding, Severity, Statement

_MIN_SHARED = 3
_SHARE = 0.6


def opposed(a: Statement, b: Statement) -> bool:
    if a.negated == b.negated or not same_subjects(a.names, b.names):
        return False
    shared = len(a.words & b.words)
    return shared >= _MIN_SHARED and shared >= _SHARE * max(len(a.words), len(b.words))


def run(context: Context) -> Iterator[Finding]:
    statements = context.claims.statements
    denials = [s for s in statements if s.negated]
    if not denials:
        return
    reported: set[int] = set()
    for first, second in pairs_across_sentences(statements):
        if first.negated == second.negated or first.sentence in reported or not opposed(first, second):
            continue
        reported.add(first.sentence)
        severity, note = pair_severity(DETECTOR.severity, first.speaker, second.speaker)
        negated = first if first.negated else second
        yield DETECTOR.finding(
            f"the same statement is made and denied ('{context.document.quote(negated.negation)}'){note}",
            quote(context, first.span),
            (quote(context, second.span),),
            severity=severity,
        )


DETECTOR = Detector(
    code="CC107",
    name="negation-conflict",
    severity=Severity.WARNING,
    summary="A statement and its negation are both made about the same subject and predicate.",
    description=(
        "Each clause is reduced to its content words and its polarity (negated by 'not', 'never', 'no', "
        "and the other negation words of the rules). Two clauses in different sentences that share at "
        "least three words, and most of the words of the longer one, with opposite polarity are "
        "reported: 'all agreements on "
        "humanitarian issues have been fulfilled' against 'the agreement on humanitarian issues has not "
        "been fulfilled'."
    ),
    fires=(
        "All agreements on humanitarian issues have been fulfilled. Yet the agreement on humanitarian "
        "issues has not been fulfilled, aid groups say.",
        "The museum accepted the donated painting in 2010. The museum never accepted the donated painting.",
    ),
    quiet=(
        "The museum accepted the donated painting. The gallery did not accept any sculptures.",
        "The agreement on prisoners has been fulfilled. The agreement on grain exports has not been signed.",
    ),
    run=run,
)
