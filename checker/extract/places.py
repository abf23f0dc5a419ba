"""Where a one-time event happened: 'Hallberg died on September 7, 1987, in Graz, Austria'.

An event that happens once to its participant (the rules' `once-only-predicates`: 'die', 'bear'
for 'was born', 'bury', 'death') has one place. The place is read from the parse: a phrase
opened by one of the rules' `place-prepositions` ('in', 'at') that hangs on the event's verb
or noun ('died in Vienna', 'his death in Vienna'), and the places (GPE, LOC and FAC entities)
it names. The phrase's first place is what it is about; the others are named together with it
('Graz, Austria'; 'at his home in London') and may hold it, so the check counts them as
compatible with it. The participant is the verb's subject as the values' anchors read it
(checker.extract.attachment: a relative pronoun stands for its noun, a clause leaning on another
borrows its subject), or the noun's possessor ('his death', "Hallberg's death").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.attachment import attach, definite, party_name
from checker.extract.frames import frame_at, verb_of
from checker.extract.vocab import CompiledVocabulary
from checker.model import Anchor, PlaceClaim, Speaker

if TYPE_CHECKING:
    from checker.analysis import Analyzer, Parse

_PLACES = frozenset({"GPE", "LOC", "FAC"})
_VERBS = frozenset({"VERB", "AUX"})
ONCE = "once-only-predicates"
PREPOSITIONS = "place-prepositions"


def written_forms(vocab: CompiledVocabulary, analyzer: Analyzer) -> tuple[tuple[frozenset[str], ...], ...]:
    """For each entry of the rules' `once-only-predicates`, the written forms of each of its
    words ('died', 'dying' of 'die'; 'passed' and 'away' of 'pass away'), read once per rule set
    and pipeline: a sentence holding none of them tells of no such event."""
    cache = vocab.derived
    key = ("once-only-forms", analyzer.name)
    if key not in cache:
        cache[key] = tuple(
            tuple(analyzer.forms([word]) for word in entry.split()) for entry in sorted(vocab.word_list(ONCE))
        )
    return cache[key]


def place_claims(parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary) -> list[PlaceClaim]:
    """The place of each of the sentence's one-time events. An event placed by two phrases
    ('born in the town of Gokasho, now part of Higashiomi, in Shiga Prefecture') is placed by
    the first, and every place the two name is named together with it."""
    once = vocab.word_list(ONCE)
    prepositions = vocab.word_list(PREPOSITIONS)
    if not once or not prepositions or not any(e.label in _PLACES for e in parse.entities):
        return []
    tokens = parse.tokens
    phrases: dict[int, list[tuple[int, list[str]]]] = {}  # event token -> its place phrases
    for token in tokens:
        if token.dep != "prep" or token.lower not in prepositions or token.head == token.i:
            continue
        event = tokens[token.head]
        if (event.pos not in _VERBS and event.pos != "NOUN") or _predicate(parse, event.i) not in once:
            continue
        names = _place_names(parse, token.i)
        if names:
            phrases.setdefault(event.i, []).append((token.i, names))
    found = []
    for event, placed in phrases.items():
        first, names = placed[0]
        if tokens[event].pos in _VERBS:
            attached = attach(parse, [first], counts=False)
            anchor = attached.anchor(parse, vocab)
            frame = attached.frame(parse, vocab, speaker, names[0])
        else:
            anchor = _noun_anchor(parse, event, vocab)
            verb = verb_of(parse, event)
            frame = frame_at(parse, verb, vocab, speaker, names[0]) if verb is not None else None
        low, high = parse.subtree(first)
        # the phrase ends with its last place: 'in Graz, Austria, the son of a baker' is 'in Graz, Austria'
        high = max(
            (e.end for e in parse.entities if e.label in _PLACES and low <= e.start and e.end <= high), default=high
        )
        predicate = _predicate(parse, event)
        found.append(
            PlaceClaim(
                span=parse.span(low, high),
                sentence=parse.index,
                place=names[0],
                names=frozenset(name for _, more in placed for name in more),
                predicate=predicate,
                predicate_class=vocab.predicate_class(predicate) or predicate,
                clause=frame.span if frame is not None else parse.span(low, high),
                speaker=speaker,
                anchor=anchor,
                frame=frame,
            )
        )
    return found


def _predicate(parse: Parse, k: int) -> str:
    """The event's lemma, with a verb's particle ('pass away'; the parser may call the particle
    an adverb, tagged as an adposition)."""
    token = parse.tokens[k]
    particle = next((parse.tokens[c] for c in parse.children[k] if _particle(parse.tokens[c])), None)
    return token.lemma if particle is None or token.pos not in _VERBS else f"{token.lemma} {particle.lemma}"


def _particle(token) -> bool:
    return token.dep == "prt" or (token.dep == "advmod" and token.pos == "ADP")


def _place_names(parse: Parse, preposition: int) -> list[str]:
    """The places the phrase opened by `preposition` names, in order, lower-cased, each once."""
    low, high = parse.subtree(preposition)
    names: list[str] = []
    for entity in parse.entities:
        if entity.label in _PLACES and low <= entity.start and entity.end <= high:
            start = entity.start + (parse.tokens[entity.start].pos == "DET" and entity.end - entity.start > 1)
            name = parse.text(start, entity.end).lower()
            if name not in names:
                names.append(name)
    return names


def _noun_anchor(parse: Parse, noun: int, vocab: CompiledVocabulary) -> Anchor:
    """Whose event a noun names: its possessor ('his death', "Hallberg's death"), read as the
    anchors read a subject; a noun without one ('a death in Vienna') names no one's."""
    tokens = parse.tokens
    owner = next((c for c in parse.children[noun] if tokens[c].dep == "poss"), None)
    lemma = tokens[noun].lemma
    predicates = frozenset({lemma} | ({vocab.predicate_class(lemma)} - {None}))
    if owner is None:
        return Anchor(counted=None, predicates=predicates)
    subject, kind, described = party_name(parse, owner, noun)
    return Anchor(
        counted=None,
        predicates=predicates,
        subject=subject,
        subject_kind=kind,
        subject_head=tokens[described].lemma,
        subject_number=tokens[described].morph.number,
        subject_definite=kind in ("name", "pronoun") or definite(parse, described),
    )
