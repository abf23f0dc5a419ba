"""Claims from sentences: one module per claim kind, gathered here into a ClaimSet."""

from __future__ import annotations

from checker.extract.events import alias_keys, event_mentions
from checker.extract.roles import role_mentions
from checker.extract.speakers import speaker_of
from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, Sentence
from checker.text import tokenize


def extract(document: Document, sentences: tuple[Sentence, ...], vocab: CompiledVocabulary) -> ClaimSet:
    keys = alias_keys(vocab)
    events = []
    roles = []
    for sentence in sentences:
        tokens = tokenize(document.prose, sentence.span.start, sentence.span.end)
        speaker = speaker_of(tokens, vocab)
        events.extend(event_mentions(tokens, sentence.index, speaker, vocab, keys))
        roles.extend(role_mentions(tokens, sentence.index, speaker, vocab))
    return ClaimSet(sentences=sentences, events=tuple(events), roles=tuple(roles))
