"""CC101 event-status-conflict: one event described as both finished and to come."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.extract.events import same_event
from checker.model import EventMention, Finding, Location, Severity, Span


def _side(context: Context, mention: EventMention) -> Location:
    """The mention together with the cue that gave it its status."""
    cue = mention.status_cue or mention.span
    span = Span(min(mention.span.start, cue.start), max(mention.span.end, cue.end))
    return Location(span, context.document.quote(span))


def _speaker_name(mention: EventMention) -> str:
    return mention.speaker.name if mention.speaker else "the author"


def run(context: Context) -> Iterator[Finding]:
    by_event: dict[str, list[EventMention]] = defaultdict(list)
    for mention in context.claims.events:
        if mention.event_key and mention.status:
            by_event[mention.event_key].append(mention)
    vocabulary = context.vocab.ruleset.vocabulary
    for mentions in by_event.values():
        reported: set[frozenset[str]] = set()
        for i, first in enumerate(mentions):
            for second in mentions[i + 1 :]:
                pair = frozenset((first.status, second.status))
                if pair in reported or vocabulary.compatible(first.status, second.status):
                    continue
                if not same_event(first, second, context.vocab):
                    continue
                reported.add(pair)
                yield _finding(context, first, second)


def _finding(context: Context, first: EventMention, second: EventMention) -> Finding:
    quote = context.document.quote
    message = (
        f"'{first.name}' is {first.status} here ('{quote(first.status_cue)}') "
        f"but {second.status} later ('{quote(second.status_cue)}')"
    )
    severity = DETECTOR.severity
    first_key = first.speaker.key if first.speaker else None
    second_key = second.speaker.key if second.speaker else None
    if first_key != second_key:
        severity = Severity.WARNING
        message += f"; the two statements come from different sources ({_speaker_name(first)}, {_speaker_name(second)})"
    return Finding(
        code=DETECTOR.code,
        name=DETECTOR.name,
        severity=severity,
        message=message,
        primary=_side(context, first),
        related=(_side(context, second),),
    )


DETECTOR = Detector(
    code="CC101",
    name="event-status-conflict",
    severity=Severity.ERROR,
    summary="One event is described with two statuses that cannot both be true (concluded and upcoming).",
    description=(
        "Event mentions are resolved to one event by ordinal and synonym class ('third round' and "
        "'3rd meeting'), or by the aliases of rule files. Each takes a status from a cue in its own "
        "clause ('has concluded', 'preparing for', 'was cancelled'); negated cues and cues put in the "
        "past ('were preparing for') are ignored. Two statuses of one event conflict unless the rule "
        "files declare them compatible. When the two statements are attributed to different sources, "
        "the finding is a warning, not an error."
    ),
    fires=(
        "The 3rd round has concluded. Delegates arrived ahead of the third round, which begins Monday.",
        "The third round of talks has officially concluded. The delegation is in Istanbul preparing for "
        "the third meeting.",
        "The second session was cancelled on Friday. Officials said the second session will begin on Monday.",
    ),
    quiet=(
        "The third round of the FA Cup has concluded. Fans are preparing for the third round of the league cup.",
        "The second round has concluded. The delegations are preparing for the third round.",
        "The talks ended on Friday and will resume next month.",
        "The third round has not concluded. Delegates are preparing for the third round.",
        "The third round concluded on Friday. A week earlier, delegates were preparing for the third round.",
        "The first round was postponed. The first round will begin on Monday.",
    ),
    run=run,
)
