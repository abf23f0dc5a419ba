"""Who a sentence is attributed to, read from its parse: the subject of a verb of saying
('Medinsky mentioned that ...', '..., said X', 'X told reporters'), the object of an
attribution ('according to X'), and the writer of a reader's comment or letter (a paragraph
signed 'Name, Place'). A sentence with none speaks for the author.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.model import Document, Speaker

if TYPE_CHECKING:
    from checker.analysis import Parse

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NAME_PARTS = frozenset({"compound", "flat", "amod", "nmod", "poss", "det", "appos", "case", "prep"})
_NAMES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_MAX_SIGNATURE = 8  # tokens of a 'Name, Place' line


def speaker_of(parse: Parse, vocab) -> Speaker | None:
    """The speaker the sentence's words of saying or attributions name, if any."""
    tokens = parse.tokens
    for cue in parse.found("attribution"):
        last = cue.end - 1
        objects = [k for k in parse.children[last] if tokens[k].dep == "pobj"] or [
            k for k in range(cue.end, min(cue.end + 1, len(tokens))) if tokens[k].pos in ("PROPN", "NOUN")
        ]
        if objects:
            return _speaker(parse, objects[0], vocab)
    for cue in parse.found("reporting"):
        verb = next((k for k in range(cue.start, cue.end) if tokens[k].pos in ("VERB", "AUX")), None)
        if verb is None or any(tokens[k].dep == "neg" for k in parse.children[verb]):
            continue  # 'the report does not say whether ...': it says nothing of what follows
        subject = next((k for k in parse.children[verb] if tokens[k].dep in _SUBJECTS), None)
        if subject is not None and tokens[subject].dep == "nsubjpass":
            # 'it was announced', 'he was told': the one who says it is the agent, if named
            agent = next((k for k in parse.children[verb] if tokens[k].dep == "agent"), None)
            subject = (
                next((k for k in parse.children[agent] if tokens[k].dep == "pobj"), None) if agent is not None else None
            )
        if subject is not None:
            return _speaker(parse, subject, vocab)
    return None


def _speaker(parse: Parse, head: int, vocab) -> Speaker:
    """The noun phrase headed by `head`, without its relative clauses and appositives' clauses;
    its key is the entity's last word ('councillor Maria Lopez' and 'Lopez' are one speaker),
    else the phrase's content lemmas."""
    tokens = parse.tokens
    start, end = _name_range(parse, head)
    entity = parse.entity_at(head)
    aliases = [cue for cue in parse.found("entity-aliases") if cue.start < end and start < cue.end]
    if aliases:
        key = str(aliases[0].label)
    elif entity is not None and entity.label in _NAMES:
        key = tokens[entity.end - 1].lower
    elif tokens[head].pos == "PROPN":
        key = tokens[head].lower
    else:
        words = [t.lemma for t in tokens[start:end] if t.is_word and t.lower not in vocab.stopwords]
        key = " ".join(sorted(set(words))) or tokens[head].lemma
    return Speaker(name=parse.text(start, end), key=key, span=parse.span(start, end))


def _name_range(parse: Parse, head: int) -> tuple[int, int]:
    """The head's own words: it and the modifiers next to it ('Russian presidential aide
    Vladimir Medinsky'), not a clause hanging on it."""
    tokens = parse.tokens
    start = end = head
    for k in sorted(parse.children[head]):
        child = tokens[k]
        if child.dep not in _NAME_PARTS:
            continue
        low, high = parse.subtree(k)
        if child.dep == "appos":
            # 'the Russian side, represented by Vladimir Medinsky': the name inside speaks
            entity = next((e for e in parse.entities if low <= e.start and e.end <= high and e.label == "PERSON"), None)
            if entity is not None:
                return entity.start, entity.end
            continue
        if k < head:
            start = min(start, low)
        else:
            end = max(end, high - 1)
    while start < head and (not tokens[start].is_word or tokens[start].dep == "det"):
        start += 1
    return start, end + 1


def signature(parse: Parse) -> Speaker | None:
    """A reader's signature: a short line with no verb naming a person (and a place), as under
    a comment or a letter ('Jane Doe, Leeds')."""
    tokens = parse.tokens
    if not tokens or len(tokens) > _MAX_SIGNATURE or any(t.pos in ("VERB", "AUX") for t in tokens):
        return None
    comma = next((t.i for t in tokens if t.text == ","), None)
    if comma is None or comma == 0 or not all(t.pos == "PROPN" or t.ent_type == "PERSON" for t in tokens[:comma]):
        return None
    place = [t for t in tokens[comma + 1 :] if t.is_word]
    if not place or not all(t.pos in ("PROPN", "NOUN") for t in place):
        return None
    return Speaker(name=parse.text(0, comma), key=tokens[comma - 1].lower, span=parse.span(0, comma))


def paragraph_voices(document: Document, parses: list[Parse]) -> dict[int, Speaker]:
    """Sentences that belong to a signed comment or letter: those of the paragraph above each
    signature line, back to the previous signature or the blank line before it."""
    voices: dict[int, Speaker] = {}
    for position, parse in enumerate(parses):
        signer = signature(parse)
        if signer is None:
            continue
        k = position - 1
        while k >= 0 and parses[k].index not in voices and signature(parses[k]) is None:
            voices[parses[k].index] = signer
            gap = document.prose[parses[k - 1].sentence.span.end : parses[k].sentence.span.start] if k else ""
            if "\n\n" in gap or "\u2029" in gap or not k:
                break
            k -= 1
    return voices
