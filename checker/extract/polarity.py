"""Statements and their polarity: each clause's content words, and whether it is negated.

'All agreements ... have been fulfilled' and 'the agreement ... has not been fulfilled'
become two statements with largely the same words and opposite polarity.
"""

from __future__ import annotations

from checker.extract.clauses import Clauses
from checker.extract.vocab import CompiledVocabulary
from checker.model import Span, Speaker, Statement
from checker.text import Token

_MIN_WORDS = 3


def statements(
    tokens: list[Token],
    clauses: Clauses,
    sentence: int,
    speaker: Speaker | None,
    vocab: CompiledVocabulary,
    names: frozenset[str] = frozenset(),
) -> list[Statement]:
    found = []
    for start, end in clauses.bounds:
        words = clauses.content(start, end)
        if len(words) < _MIN_WORDS:
            continue
        negation = next(
            (tokens[k] for k in range(start, end) if tokens[k].lower in vocab.negation and not clauses.is_value(k)),
            None,
        )
        found.append(
            Statement(
                span=Span(tokens[start].start, tokens[end - 1].end),
                sentence=sentence,
                words=words,
                negated=negation is not None,
                negation=Span(negation.start, negation.end) if negation else None,
                names=names,
                speaker=speaker,
            )
        )
    return found
