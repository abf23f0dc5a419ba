"""Who a sentence is attributed to: 'Medinsky mentioned that ...', '..., said X',
'according to X'. A sentence with no attribution speaks for the author."""

from __future__ import annotations

from checker.extract.vocab import CompiledVocabulary
from checker.model import Span, Speaker
from checker.text import Token

_MAX_NAME = 8


def speaker_of(tokens: list[Token], vocab: CompiledVocabulary) -> Speaker | None:
    for match in vocab.scan(tokens)["attribution"]:
        found = _phrase_after(tokens, match.end, vocab)
        if found:
            return found
    for match in vocab.scan(tokens)["reporting"]:
        found = _phrase_before(tokens, match.start, vocab) or _name_after(tokens, match.end, vocab)
        if found:
            return found
    return None


def _phrase_before(tokens: list[Token], verb: int, vocab: CompiledVocabulary) -> Speaker | None:
    """The subject before a reporting verb, skipping one appositive between commas."""
    end = verb
    if end > 0 and tokens[end - 1].lower == ",":
        # "the Russian side, represented by Vladimir Medinsky, announced": take the name inside.
        start = end - 1
        while start > 0 and tokens[start - 1].lower != "," and end - start < _MAX_NAME:
            start -= 1
        name = _capitalised_run_ending(tokens, end - 1, start)
        if name:
            return _speaker(tokens, *name, vocab)
        # "Lena Strand, the finance minister, told": the name before the appositive speaks.
        if start > 0 and tokens[start - 1].lower == ",":
            name = _capitalised_run_ending(tokens, start - 1, max(0, start - 1 - _MAX_NAME))
            if name:
                return _speaker(tokens, *name, vocab)
        end -= 1
    start = end
    while start > 0 and tokens[start - 1].is_word and end - start < _MAX_NAME:
        start -= 1
    while start < end and tokens[start].lower in vocab.stopwords:
        start += 1
    # A quotation ends just before the verb ('"...," said X'): nothing stands before it.
    if start >= end:
        return None
    return _speaker(tokens, start, end, vocab)


def _capitalised_run_ending(tokens: list[Token], end: int, floor: int) -> tuple[int, int] | None:
    start = end
    while start > floor and tokens[start - 1].is_word and tokens[start - 1].is_capitalised:
        start -= 1
    return (start, end) if start < end else None


def _name_after(tokens: list[Token], at: int, vocab: CompiledVocabulary) -> Speaker | None:
    end = at
    while end < len(tokens) and tokens[end].is_word and tokens[end].is_capitalised and end - at < _MAX_NAME:
        end += 1
    return _speaker(tokens, at, end, vocab) if end > at else None


def _phrase_after(tokens: list[Token], at: int, vocab: CompiledVocabulary) -> Speaker | None:
    end = at
    while end < len(tokens) and tokens[end].is_word and end - at < _MAX_NAME:
        end += 1
    start = at
    while start < end and tokens[start].lower in vocab.stopwords:
        start += 1
    return _speaker(tokens, start, end, vocab) if end > start else None


def _speaker(tokens: list[Token], start: int, end: int, vocab: CompiledVocabulary) -> Speaker:
    words = tokens[start:end]
    name = " ".join(t.text for t in words)
    entity = vocab.entity_aliases.find(words)
    if entity:
        key = str(entity[0].label)
    elif words[-1].is_capitalised:
        key = words[-1].lower  # "councillor Maria Lopez" and "Lopez" are one speaker
    else:
        key = " ".join(sorted(vocab.content_words(t.lower for t in words)))
    return Speaker(name=name, key=key, span=Span(words[0].start, words[-1].end))
