"""Event mentions ("the third round of diplomatic talks", "the annual meeting") and the
status each clause gives them ("has officially concluded", "will hold", "preparing for").

A mention is an event noun of the rules (by lemma) that names one event: with an ordinal
("the third round"), or definite ("the summit in Brussels", "its annual meeting"). A status
cue gives it a status only when the parse ties the two: the noun is the cue verb's subject
or object, the cue governs it ("preparing for the meeting"), modifies it ("the upcoming
summit"), or heads a relative clause on it ("the round, which begins Monday"). The tense and
aspect of the cue's verb then decide the status (see rules/statuses.rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract.frames import frame_at, tense_aspect, verb_of
from checker.extract.vocab import CompiledVocabulary, StatusCue
from checker.model import EventMention, Frame, Span, Speaker

if TYPE_CHECKING:
    from checker.analysis import Cue, Parse, Token

_VERBAL = frozenset({"VERB", "AUX"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod"})
_TIMES = frozenset({"DATE", "TIME"})


@dataclass(slots=True)
class _Found:
    noun: int  # token indices in the parse
    start: int
    end: int
    noun_class: str
    ordinal: int | None
    qualifier: str | None
    key: str | None
    name_end: int
    status: str | None = None
    cue: Span | None = None
    as_then: bool = False
    frame: Frame | None = None
    rank: tuple = (1, 1 << 30)


def alias_keys(vocab: CompiledVocabulary, parse_text) -> dict[str, str]:
    """Rule-file events whose aliases are ordinal phrases claim that ordinal:
    an alias "third round" makes every "third meeting" that event too."""
    keys: dict[str, str] = {}
    for event in vocab.ruleset.events:
        for text in (event.name, *event.aliases):
            for found in _mentions(parse_text(text.value), vocab, definite_only=False):
                if found.ordinal is not None:
                    keys.setdefault(_ordinal_key(found.noun_class, found.ordinal), event.name.value)
    return keys


def event_mentions(
    parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary, keys: dict[str, str]
) -> list[EventMention]:
    found = _mentions(parse, vocab)
    for mention in found:
        if mention.ordinal is not None:
            ordinal_key = _ordinal_key(mention.noun_class, mention.ordinal)
            mention.key = keys.get(ordinal_key, ordinal_key)
    found = _merge_aliases(found, parse, vocab)
    if not found:
        return []
    _assign_statuses(found, parse, vocab, speaker)
    tokens = parse.tokens
    return [
        EventMention(
            span=parse.span(m.start, m.end),
            sentence=parse.index,
            name=" ".join(t.text for t in tokens[m.start : m.name_end]),
            noun=tokens[m.noun].lower,
            noun_class=m.noun_class,
            ordinal=m.ordinal,
            qualifier=m.qualifier,
            event_key=m.key,
            status=m.status,
            status_cue=m.cue,
            speaker=speaker,
            as_then=m.as_then,
            frame=m.frame,
        )
        for m in found
    ]


def _ordinal_key(noun_class: str, ordinal: int | None) -> str:
    return f"{ordinal}:{noun_class}"


def event_class(token: Token, vocab: CompiledVocabulary) -> str | None:
    """The event class of a noun: by its form ('talks'), else by its lemma when singular
    ('meeting' for 'meeting'; 'meetings' are several events, not one)."""
    nouns = vocab.ruleset.vocabulary.event_nouns
    if token.pos not in ("NOUN", "PROPN"):
        return None
    found = nouns.get(token.lower)
    if found is None and token.morph.number != "plur":
        found = nouns.get(token.lemma)
    return found


def _mentions(parse: Parse, vocab: CompiledVocabulary, definite_only: bool = True) -> list[_Found]:
    found: list[_Found] = []
    tokens = parse.tokens
    for token in tokens:
        noun_class = event_class(token, vocab)
        if noun_class is None:
            continue
        children = [tokens[k] for k in parse.children[token.i]]
        ordinal_token = next((c for c in children if c.i < token.i and vocab.ordinal(c) is not None), None)
        definite = any(c.morph.definite == "def" or c.morph.possessive or c.dep == "poss" for c in children)
        if ordinal_token is None and definite_only and not definite:
            continue  # 'a meeting', 'talks': no one event
        if ordinal_token is None and any(c.dep in ("nummod", "conj") for c in children):
            continue  # 'the two summits', 'the summit and the conference'
        modifiers = [c for c in children if c.dep in _MODIFIERS and c.i < token.i and c is not ordinal_token]
        start = min([token.i, *(m.i for m in modifiers), *([ordinal_token.i] if ordinal_token else [])])
        qualifier_words, end = _qualifier(parse, token, vocab)
        if ordinal_token is None:
            qualifier_words = [*(m.lemma for m in modifiers if m.is_word), *qualifier_words]
        found.append(
            _Found(
                noun=token.i,
                start=start,
                end=end,
                noun_class=noun_class,
                ordinal=vocab.ordinal(ordinal_token) if ordinal_token else None,
                qualifier=" ".join(qualifier_words) or None,
                key=None if ordinal_token else f"the:{noun_class}",
                name_end=token.i + 1,
            )
        )
    return found


def _qualifier(parse: Parse, noun: Token, vocab: CompiledVocabulary) -> tuple[list[str], int]:
    """'of diplomatic talks' after the noun (a preposition of the rules' `event-qualifiers`):
    the words that tell one round from another, and where the mention ends."""
    words: list[str] = []
    end = noun.i + 1
    qualifying = vocab.word_list("event-qualifiers")
    nouns = vocab.ruleset.vocabulary.event_nouns
    for k in parse.children[noun.i]:
        prep = parse.tokens[k]
        if prep.dep != "prep" or k < noun.i or prep.lower not in qualifying:
            continue
        objects = [parse.tokens[j] for j in parse.children[k] if parse.tokens[j].dep == "pobj"]
        if not objects:
            continue
        target = objects[0]
        entity = parse.entity_at(target.i)
        if entity is not None and entity.label in _TIMES:
            continue  # 'the talks on Friday': when, not which
        low = parse.subtree(target.i)[0]
        high = target.i + 1  # the object's own words: 'of diplomatic talks', not what follows them
        content = [
            t.lower if t.lower in nouns else t.lemma
            for t in parse.tokens[low:high]
            if t.is_word and t.pos in ("NOUN", "PROPN", "ADJ") and t.lower not in vocab.stopwords
        ]
        if not content:
            continue
        words.extend(content[-4:])
        end = max(end, high)
        break  # the first prepositional phrase names it; the rest tell what happened
    return words, end


def _merge_aliases(found: list[_Found], parse: Parse, vocab: CompiledVocabulary) -> list[_Found]:
    """Add mentions of rule-file event aliases; an alias over a mention names it."""
    for cue in parse.found("event-aliases"):
        overlapping = [m for m in found if m.start < cue.end and cue.start < m.end]
        if overlapping:
            for m in overlapping:
                m.key = str(cue.label)
            continue
        last = parse.tokens[cue.end - 1]
        found.append(
            _Found(
                noun=cue.end - 1,
                start=cue.start,
                end=cue.end,
                noun_class=event_class(last, vocab) or last.lower,
                ordinal=None,
                qualifier=None,
                key=str(cue.label),
                name_end=cue.end,
            )
        )
    found.sort(key=lambda m: m.start)
    return found


def _assign_statuses(found: list[_Found], parse: Parse, vocab: CompiledVocabulary, speaker: Speaker | None) -> None:
    vocabulary = vocab.ruleset.vocabulary
    for cue in parse.found("status"):
        label: StatusCue = cue.label
        for mention in found:
            if cue.start <= mention.noun < cue.end:
                continue  # the cue is the event's own name ('the planned summit' is read once)
            link = _link(parse, mention, cue)
            if link is None:
                continue
            verb, distance = link
            status, as_then = label.status, False
            frame = None
            if verb is not None:
                tense, aspect = tense_aspect(parse, verb, vocab)
                frame = frame_at(parse, verb, vocab, speaker)
                if frame.negated:
                    continue  # 'has not concluded' says nothing of the status
                read = read_status(vocabulary, label.status, tense, aspect)
                if read is None:
                    continue
                status, as_then = read
            rank = (1 if as_then else 0, distance)
            if rank < mention.rank:
                mention.status, mention.as_then, mention.frame, mention.rank = status, as_then, frame, rank
                mention.cue = parse.span(_group_start(parse, cue, verb), cue.end)


def _group_start(parse: Parse, cue: Cue, verb: int | None) -> int:
    """Where the cue's verb group starts: its auxiliaries and adverbs ('has officially concluded')."""
    if verb is None or not cue.start <= verb < cue.end:
        return cue.start
    start = cue.start
    for k in sorted(parse.children[verb], reverse=True):
        if k < start and start - k <= 2 and parse.tokens[k].dep in ("aux", "auxpass", "advmod"):
            start = k
    return start


def read_status(vocabulary, status: str, tense: str | None, aspect: str | None) -> tuple[str, bool] | None:
    """The status a cue of `status` gives when its verb is in `tense` and `aspect`, and whether
    it held then rather than now; None when the cue says nothing in that tense ('is held every
    year' is habit, 'will be cancelled' not yet so)."""
    words = vocabulary.statuses.get(status)
    time = words.time if words else None
    if tense is None:
        return None  # a verb the text puts at no time ('could take place')
    if tense == "future":
        if time == "future":
            return status, False
        future = vocabulary.status_at("future")
        return (future, False) if future and time is not None else None
    if aspect == "progressive" and time == "past":
        present = vocabulary.status_at("present")
        return (present, tense == "past") if present else None
    done = tense == "past" or aspect == "perfect"
    if done:
        # 'were preparing for', 'has begun': what was to come or going on then
        return status, time in ("present", "future")
    if time == "past":
        return None  # 'is held every year': a habit, not this event's status
    return status, False


def _link(parse: Parse, mention: _Found, cue: Cue) -> tuple[int | None, int] | None:
    """How the parse ties an event noun to a cue: the verb whose tense reads the cue (None
    for a nominal cue such as 'the upcoming', 'in the wake of'), and how far apart they are."""
    tokens = parse.tokens
    noun = tokens[mention.noun]
    inside = range(cue.start, cue.end)
    distance = abs(cue.start - mention.noun)
    cue_verbs = [k for k in inside if tokens[k].pos in _VERBAL]
    verbal = bool(cue_verbs)
    # the noun is the subject or object of a cue word, or a cue word's prepositional object
    if noun.head in inside or (noun.dep == "pobj" and tokens[noun.head].head in inside):
        return (verb_of(parse, noun.head) if verbal else None), distance
    # a cue word modifies the noun ('the upcoming summit', 'the summit held in Brussels')
    if any(tokens[k].head == noun.i for k in inside):
        return (verb_of(parse, cue_verbs[0]) if verbal else None), distance
    # a relative clause on the noun holds the cue ('the round, which begins Monday')
    for k in parse.children[noun.i]:
        if tokens[k].dep in ("relcl", "acl") and (k in inside or any(tokens[j].head == k for j in inside)):
            return verb_of(parse, k), distance
    # the noun is the subject of a verb whose complement holds the cue ('is expected to begin')
    if noun.dep in ("nsubj", "nsubjpass") and verbal:
        head = noun.head
        for k in cue_verbs:
            if tokens[k].head == head and tokens[k].dep in ("xcomp", "ccomp", "acomp") and k > head:
                return verb_of(parse, k), distance
    return None


def same_event(a: EventMention, b: EventMention, vocab: CompiledVocabulary) -> bool:
    """One event, unless both mentions carry qualifiers and neither includes the other
    ('third round of the FA Cup' is not 'third round of the league cup', while 'third round
    of diplomatic talks' is 'third round of negotiations'; 'the climate summit' is not 'the
    trade summit', and 'the summit' may be either)."""
    if a.event_key != b.event_key:
        return False
    if not (a.qualifier and b.qualifier):
        return True
    first, second = _qualifier_words(a.qualifier, vocab), _qualifier_words(b.qualifier, vocab)
    return first <= second or second <= first


def _qualifier_words(qualifier: str, vocab: CompiledVocabulary) -> frozenset[str]:
    nouns = vocab.ruleset.vocabulary.event_nouns
    return frozenset(nouns.get(word, word) for word in vocab.content_words(qualifier.split()))
