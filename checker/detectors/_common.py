"""Helpers the tension checks share: quoting a span, and the severity of a pair."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from checker.detectors import Context, Detector
from checker.model import Finding, Location, Severity, Span, Speaker

T = TypeVar("T")

# Claims of one kind a claim is compared with: those that follow it, up to this many. No news
# article comes near (the BBC corpus's most is 412 statements in one article), while a
# megabyte of hostile text would otherwise cost the square of its claims.
PAIR_WINDOW = 1000


def quote(context: Context, span: Span) -> Location:
    return Location(span, context.document.quote(span))


def pairs_across_sentences(claims: Sequence[T]) -> Iterator[tuple[T, T]]:
    """Every ordered pair of claims from different sentences, earlier first, at most PAIR_WINDOW apart."""
    for i, first in enumerate(claims):
        for second in claims[i + 1 : i + 1 + PAIR_WINDOW]:
            if second.sentence != first.sentence:
                yield first, second


def speaker_name(speaker: Speaker | None) -> str:
    return speaker.name if speaker else "the author"


def pair_severity(default: Severity, first: Speaker | None, second: Speaker | None) -> tuple[Severity, str]:
    """Two sources disagreeing is worth a look, not an error: lower the severity and say so. When
    one side is the author's own ('A mine collapse killed three people') and the other a source's
    ('killing two people, state media reported'), the text states as its own what its source
    does not say: a warning still, not a note."""
    first_key = first.key if first else None
    second_key = second.key if second else None
    if first_key == second_key:
        return default, ""
    if default is Severity.ERROR:
        lowered = Severity.WARNING
    else:
        lowered = default if first_key is None or second_key is None else Severity.NOTE
    return lowered, f"; the two come from different sources ({speaker_name(first)}, {speaker_name(second)})"


def value_conflicts(
    context: Context,
    detector: Detector,
    claims: Sequence,
    conflict: Callable[[object, object], bool],
    message: Callable[[str, str], str],
    tension: Callable[[object, object], bool] | None = None,
    written: Callable[[object], Span] | None = None,
) -> Iterator[Finding]:
    """One finding for each later quantity or date that conflicts with an earlier one, quoting
    both clauses; `message` gets the two values as written (the claims' spans, or what `written`
    gives). A pair in `tension` (both may hold, but they say different figures) is worth a
    warning, not an error, and is looked for only after every conflict, so that a tension never
    hides a conflict of the same claim."""
    where = written or (lambda claim: claim.span)
    reported: set[int] = set()
    quote_text = context.document.quote
    lowered = Severity.WARNING if detector.severity is Severity.ERROR else detector.severity
    for test, default in ((conflict, detector.severity), (tension, lowered)):
        if test is None:
            continue
        for first, second in pairs_across_sentences(claims):
            if id(second) in reported or not test(first, second):
                continue
            reported.add(id(second))
            severity, note = pair_severity(default, first.speaker, second.speaker)
            yield detector.finding(
                message(quote_text(where(first)), quote_text(where(second))) + note,
                quote(context, first.clause or first.span),
                (quote(context, second.clause or second.span),),
                severity=severity,
            )
