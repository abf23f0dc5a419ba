"""Event mentions ("the third round of diplomatic talks") and the status each clause
gives them ("has officially concluded", "preparing for")."""

from __future__ import annotations

from dataclasses import dataclass

from checker.extract.vocab import CompiledVocabulary, StatusCue
from checker.model import EventMention, Span, Speaker
from checker.text import Match, Token, tokenize

_MAX_MODIFIERS = 2  # words allowed between an ordinal and its noun: "third formal round"
_MAX_QUALIFIER = 4  # words of an "of ..." qualifier kept: "of diplomatic talks"
_MAX_BEFORE_GAP = 3  # words between a before-cue and the event: "ahead of the planned"
_MAX_AFTER_GAP = 12  # words between the event and an after-cue
_CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "(", ")"})


@dataclass(slots=True)
class _Found:
    start: int  # token indices
    end: int
    noun: str
    noun_class: str
    ordinal: int | None
    qualifier: str | None
    key: str | None
    name_end: int
    status: str | None = None
    cue: Span | None = None
    cue_distance: int = 1 << 30


def alias_keys(vocab: CompiledVocabulary) -> dict[str, str]:
    """Rule-file events whose aliases are ordinal phrases claim that ordinal:
    an alias "third round" makes every "third meeting" that event too."""
    keys: dict[str, str] = {}
    for event in vocab.ruleset.events:
        for text in (event.name, *event.aliases):
            for found in _ordinal_mentions(tokenize(text.value), vocab):
                keys.setdefault(_ordinal_key(found.noun_class, found.ordinal), event.name.value)
    return keys


def event_mentions(
    tokens: list[Token],
    sentence: int,
    speaker: Speaker | None,
    vocab: CompiledVocabulary,
    keys: dict[str, str],
) -> list[EventMention]:
    found = _ordinal_mentions(tokens, vocab)
    for mention in found:
        ordinal_key = _ordinal_key(mention.noun_class, mention.ordinal)
        mention.key = keys.get(ordinal_key, ordinal_key)
    found = _merge_aliases(found, tokens, vocab)
    if not found:
        return []
    _assign_statuses(found, tokens, vocab)
    return [
        EventMention(
            span=Span(tokens[m.start].start, tokens[m.end - 1].end),
            sentence=sentence,
            name=" ".join(t.text for t in tokens[m.start : m.name_end]),
            noun=m.noun,
            noun_class=m.noun_class,
            ordinal=m.ordinal,
            qualifier=m.qualifier,
            event_key=m.key,
            status=m.status,
            status_cue=m.cue,
            speaker=speaker,
        )
        for m in found
    ]


def _ordinal_key(noun_class: str, ordinal: int | None) -> str:
    return f"{ordinal}:{noun_class}"


def _ordinal_mentions(tokens: list[Token], vocab: CompiledVocabulary) -> list[_Found]:
    found: list[_Found] = []
    ordinals = vocab.ruleset.vocabulary.ordinals
    for i, token in enumerate(tokens):
        lower = token.lower
        if lower not in ordinals and not lower[0].isdigit():
            continue  # most words: no call at all
        ordinal = vocab.ordinal(token)
        if ordinal is None:
            continue
        for j in range(i + 1, min(i + 2 + _MAX_MODIFIERS, len(tokens))):
            noun_class = vocab.event_class(tokens[j])
            if noun_class:
                qualifier, end = _qualifier(tokens, j + 1, vocab)
                found.append(_Found(i, end, tokens[j].lower, noun_class, ordinal, qualifier, None, j + 1))
                break
            if not _is_modifier(tokens[j], vocab):
                break
    return found


def _is_modifier(token: Token, vocab: CompiledVocabulary) -> bool:
    return (
        token.is_word and token.text.islower() and token.lower not in vocab.stopwords and vocab.ordinal(token) is None
    )


def _qualifier(tokens: list[Token], at: int, vocab: CompiledVocabulary) -> tuple[str | None, int]:
    """'of diplomatic talks' after the noun: the words that tell one round from another."""
    if at >= len(tokens) or tokens[at].lower != "of":
        return None, at
    i = at + 1
    while i < len(tokens) and tokens[i].lower in vocab.stopwords:
        i += 1
    end = i
    while (
        end < len(tokens)
        and end - i < _MAX_QUALIFIER
        and tokens[end].is_word
        and tokens[end].lower not in vocab.stopwords
    ):
        end += 1
    if end == i:
        return None, at
    return " ".join(t.lower for t in tokens[i:end]), end


def _merge_aliases(found: list[_Found], tokens: list[Token], vocab: CompiledVocabulary) -> list[_Found]:
    """Add mentions of rule-file event aliases; an alias over an ordinal mention names it."""
    for match in vocab.scan(tokens)["event-aliases"]:
        overlapping = [m for m in found if m.start < match.end and match.start < m.end]
        if overlapping:
            for m in overlapping:
                m.key = str(match.label)
            continue
        last = tokens[match.end - 1]
        found.append(
            _Found(
                match.start,
                match.end,
                last.lower,
                vocab.event_class(last) or last.lower,
                None,
                None,
                str(match.label),
                match.end,
            )
        )
    found.sort(key=lambda m: m.start)
    return found


def _assign_statuses(found: list[_Found], tokens: list[Token], vocab: CompiledVocabulary) -> None:
    cues = vocab.scan(tokens)["status"]
    for cue_match in cues:
        for mention in found:
            if mention.name_end <= cue_match.start < mention.end:
                _cut_qualifier(mention, cue_match.start, tokens, vocab)
    for cue_match in cues:
        cue: StatusCue = cue_match.label
        if _negated(tokens, cue_match, vocab):
            continue
        if cue.side == "before":
            if _in_past(tokens, cue_match, vocab):
                continue
            target, distance = _event_after(found, tokens, cue_match)
        else:
            target, distance = _event_before(found, tokens, cue_match)
        if target is not None and distance < target.cue_distance:
            target.status = cue.status
            target.cue = Span(tokens[cue_match.start].start, tokens[cue_match.end - 1].end)
            target.cue_distance = distance


def _cut_qualifier(mention: _Found, at: int, tokens: list[Token], vocab: CompiledVocabulary) -> None:
    """A cue inside the qualifier ('third round of talks concluded') ends the mention there."""
    words = [t.lower for t in tokens[mention.name_end + 1 : at] if t.lower not in vocab.stopwords]
    mention.qualifier = " ".join(words) or None
    mention.end = at if words else mention.name_end


def _negated(tokens: list[Token], match: Match, vocab: CompiledVocabulary) -> bool:
    window = tokens[max(0, match.start - 2) : match.end]
    return any(t.lower in vocab.negation for t in window)


def _in_past(tokens: list[Token], match: Match, vocab: CompiledVocabulary) -> bool:
    """'were preparing for the third round': upcoming then, not necessarily now."""
    return any(t.lower in vocab.past for t in tokens[max(0, match.start - 2) : match.start])


def _event_after(found: list[_Found], tokens: list[Token], cue: Match) -> tuple[_Found | None, int]:
    for mention in found:
        gap = mention.start - cue.end
        if 0 <= gap <= _MAX_BEFORE_GAP and all(t.is_word for t in tokens[cue.end : mention.start]):
            return mention, gap
    return None, 0


def _event_before(found: list[_Found], tokens: list[Token], cue: Match) -> tuple[_Found | None, int]:
    previous = [m for m in found if m.end <= cue.start]
    if not previous:
        return None, 0
    mention = previous[-1]
    gap = cue.start - mention.end
    between = tokens[mention.end : cue.start]
    if gap > _MAX_AFTER_GAP or any(t.lower in _CLAUSE_BREAKS for t in between):
        return None, 0
    return mention, gap


def same_event(a: EventMention, b: EventMention, vocab: CompiledVocabulary) -> bool:
    """One event, unless both mentions carry 'of ...' qualifiers and neither includes the
    other ('third round of the FA Cup' is not 'third round of the league cup', while
    'third round of diplomatic talks' is 'third round of negotiations')."""
    if a.event_key != b.event_key:
        return False
    if not (a.qualifier and b.qualifier):
        return True
    first, second = _qualifier_words(a.qualifier, vocab), _qualifier_words(b.qualifier, vocab)
    return first <= second or second <= first


def _qualifier_words(qualifier: str, vocab: CompiledVocabulary) -> frozenset[str]:
    nouns = vocab.ruleset.vocabulary.event_nouns
    return frozenset(nouns.get(word, word) for word in vocab.content_words(qualifier.split()))
