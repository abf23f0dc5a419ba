"""CC101 event-status-conflict: one event described as both finished and to come."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator

from checker.detectors import Context, Detector
from checker.extract.events import same_event
from checker.model import EventMention, Finding, Location, Severity


def _side(context: Context, mention: EventMention) -> Location:
    """The mention together with the cue that gave it its status."""
    return Location(mention.with_cue, context.document.quote(mention.with_cue))


def _speaker_name(mention: EventMention) -> str:
    return mention.speaker.name if mention.speaker else "the author"


def run(context: Context) -> Iterator[Finding]:
    by_event: dict[str, list[EventMention]] = defaultdict(list)
    for mention in context.claims.events:
        if mention.event_key and mention.status and not mention.as_then:
            by_event[mention.event_key].append(mention)
    vocabulary = context.vocab.ruleset.vocabulary
    for mentions in by_event.values():
        for first, second in _conflicting_pairs(mentions, vocabulary.compatible, context):
            yield _finding(context, first, second)


def _conflicting_pairs(
    mentions: list[EventMention], compatible: Callable[[str, str], bool], context: Context
) -> Iterator[tuple[EventMention, EventMention]]:
    """For each pair of incompatible statuses, the earliest pair of mentions of one event that
    gives it (earliest first mention, then earliest second), in the order a scan of every pair
    would find them.

    Mentions with the same status and qualifier behave alike, so only the first of each such
    class can open a pair, and its partner in a class is that class's first mention after it:
    the work grows with the square of the classes, not of the mentions, which keeps a document
    that repeats one event thousands of times linear.
    """
    classes: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        classes[(mention.status, mention.qualifier)].append(index)
    openers = sorted(indices[0] for indices in classes.values())
    reported: set[frozenset[str]] = set()
    for i in openers:
        first = mentions[i]
        partners: list[tuple[int, frozenset[str]]] = []
        for (status, _), indices in classes.items():
            pair = frozenset((first.status, status))
            if pair in reported or compatible(first.status, status):
                continue
            after = bisect.bisect_right(indices, i)
            if after < len(indices) and same_event(first, mentions[indices[after]], context.vocab):
                partners.append((indices[after], pair))
        for j, pair in sorted(partners, key=lambda p: p[0]):
            if pair not in reported:
                reported.add(pair)
                yield first, mentions[j]


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
    return DETECTOR.finding(
        message,
        _side(context, first),
        (_side(context, second),),
        severity=severity,
        # the event and its two statuses: which mention names it, and where, do not matter
        about=f"{first.event_key}: {' / '.join(sorted((first.status, second.status)))}",
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
