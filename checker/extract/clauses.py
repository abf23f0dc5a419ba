"""Clauses and their words: what a value is said about.

A claim's *context* is the set of content words of the clause it stands in (the parse's
lemmas, without the values themselves), so two claims are about the same thing when their
contexts largely agree: 'the stadium was built in 1992' and 'the stadium was built
in 1993' share {stadium, build}. Clauses end at punctuation and at the declared
clause-break words; a clause too short to say anything borrows its neighbour's words
('In 2013, Molla left Kadima').
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from checker.extract.vocab import CompiledVocabulary
from checker.model import Span
from checker.text import Token

if TYPE_CHECKING:
    from checker.analysis import Parse
    from checker.analysis import Token as ParseToken

_BREAK_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–", "?", "!"})
_MIN_WORDS = 2


class Clauses:
    """The clauses of one sentence's tokens, with the values' token ranges kept whole."""

    def __init__(
        self,
        tokens: list[Token],
        vocab: CompiledVocabulary,
        protected: Iterable[tuple[int, int]],
        parsed: Sequence[ParseToken | None] = (),
    ) -> None:
        self.tokens = tokens
        self._parsed = parsed  # the parse's token at each of `tokens`, whose lemma is the word
        self._vocab = vocab
        inside = set()
        for start, end in protected:
            inside.update(range(start, end))
        self._inside = inside
        self._bounds = self._split()
        self._widened: dict[int, tuple[int, int]] = {}  # clause position -> its widened clause

    def _split(self) -> list[tuple[int, int]]:
        breaks = self._vocab.word_list("clause-breaks")
        bounds: list[tuple[int, int]] = []
        start = 0
        for i, token in enumerate(self.tokens):
            if i in self._inside:
                continue
            if token.lower in _BREAK_MARKS or token.lower in breaks:
                if i > start:
                    bounds.append((start, i))
                start = i + 1
        if start < len(self.tokens):
            bounds.append((start, len(self.tokens)))
        return bounds or [(0, len(self.tokens))]

    def is_value(self, index: int) -> bool:
        return index in self._inside

    def span(self, start: int, end: int) -> Span:
        return Span(self.tokens[start].start, self.tokens[end - 1].end)

    @property
    def bounds(self) -> list[tuple[int, int]]:
        return list(self._bounds)

    def own_clause(self, index: int) -> tuple[int, int]:
        """The clause holding token `index`, as written, never widened."""
        for start, end in self._bounds:
            if start <= index < end:
                return start, end
        return index, index + 1

    def clause_of(self, index: int) -> tuple[int, int]:
        """The clause holding token `index`, widened while it has too few content words."""
        position = next((k for k, (s, e) in enumerate(self._bounds) if s <= index < e), None)
        if position is None:
            return index, index + 1
        widened = self._widened.get(position)
        if widened is None:
            widened = self._widened[position] = self._widen(position)
        return widened

    @functools.cached_property
    def _too_few_words(self) -> bool:
        return len(self.content(self._bounds[0][0], self._bounds[-1][1])) < _MIN_WORDS

    def _widen(self, position: int) -> tuple[int, int]:
        start, end = self._bounds[position]
        if self._too_few_words:
            return self._bounds[0][0], self._bounds[-1][1]  # widening would take every clause: take them at once
        before, after = position - 1, position + 1
        words = set(self.content(start, end))  # grown with each clause taken, never counted again
        # Too short to say anything ('In 2013,', 'by the end of August —'): take both neighbours.
        while len(words) < _MIN_WORDS and (before >= 0 or after < len(self._bounds)):
            if after < len(self._bounds):
                words |= self.content(*self._bounds[after])
                end = self._bounds[after][1]
                after += 1
            if before >= 0:
                words |= self.content(*self._bounds[before])
                start = self._bounds[before][0]
                before -= 1
        return start, end

    def content(self, start: int, end: int, skip: Iterable[int] = ()) -> frozenset[str]:
        """Content words (lemmas) of tokens [start, end), leaving out values and `skip`."""
        words = self._words
        skipped = set(skip)
        return frozenset(words[i] for i in range(start, end) if words[i] is not None and i not in skipped)

    @functools.cached_property
    def _words(self) -> list[str | None]:
        """Each token's content word (its lemma, or a synonym's class), or None for values,
        function words and verbs of saying."""
        vocab = self._vocab
        reporting = vocab.word_list("reporting")
        synonyms = vocab.ruleset.vocabulary.synonyms
        skip = vocab.stopwords | vocab.negation | reporting
        words: list[str | None] = []
        for i, token in enumerate(self.tokens):
            lower = token.lower
            if i in self._inside or not token.is_word or lower in skip or lower.isdigit():
                words.append(None)  # 'officials said': who says it is not what is said
            else:
                parsed = self._parsed[i] if i < len(self._parsed) else None
                lemma = parsed.lemma if parsed is not None else lower
                words.append(synonyms.get(lower) or synonyms.get(lemma) or lemma)
        return words


# Entity labels that name a value (a date, a number), not who or what a sentence is about.
VALUE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def sentence_names(parse: Parse, speaker: Span | None = None) -> frozenset[str]:
    """The words of the named entities and proper nouns of a sentence: the people, places and
    things it is about (values such as dates and numbers are not names). Who says it is not what
    it is about: 'Moscow said 250 prisoners were exchanged' and 'Kyiv said 300 prisoners were
    exchanged' speak of one exchange, so the `speaker`'s words are left out."""
    return frozenset(
        token.lower
        for token in parse.tokens
        if (token.ent_type and token.ent_type not in VALUE_ENTITIES) or (token.pos == "PROPN" and not token.ent_type)
        if token.is_word and token.text[:1].isalpha()
        if speaker is None or not speaker.start <= token.start < speaker.end
    )


def same_subjects(a: frozenset[str], b: frozenset[str]) -> bool:
    """Sentences naming wholly different people or things speak of different events."""
    return not a or not b or bool(a & b)


def same_topic(a: frozenset[str], b: frozenset[str], *, loose: bool = False) -> bool:
    """Whether two contexts speak of the same thing: they share at least two words, and
    one holds the other's words, or nearly all of them. 'profits rose sharply' and
    'profits fell sharply' each have a word the other lacks: two different events.
    `loose` asks only that the shared words make most of the shorter context, for
    claims already tied by a strong key such as the same unit."""
    shared = len(a & b)
    if shared < _MIN_WORDS:
        return False
    if loose:
        return shared >= 0.6 * min(len(a), len(b))
    return a <= b or b <= a or shared >= 0.8 * max(len(a), len(b))
