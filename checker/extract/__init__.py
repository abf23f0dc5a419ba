"""Claims from sentences: one module per claim kind, gathered here into a ClaimSet."""

from __future__ import annotations

import datetime as dt
import re

from checker.analysis import Analyzer
from checker.extract import dates, quantities
from checker.extract.clauses import Clauses, sentence_names, stem
from checker.extract.events import alias_keys, event_mentions
from checker.extract.polarity import statements
from checker.extract.roles import role_mentions
from checker.extract.speakers import speaker_of
from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, Sentence
from checker.text import tokenize

_DIGIT = re.compile(r"\d")


def extract(
    document: Document,
    sentences: tuple[Sentence, ...],
    vocab: CompiledVocabulary,
    analyzer: Analyzer,
    as_of: dt.date | None = None,
) -> ClaimSet:
    parses = analyzer.parse(document, sentences)
    keys = alias_keys(vocab)
    found: dict[str, list] = {"events": [], "roles": [], "quantities": [], "dates": [], "statements": []}
    tokenized = [(s, tokenize(document.prose, s.span.start, s.span.end)) for s in sentences]
    parsed = {parse.index: parse for parse in parses}
    lowers = [{t.lower for t in tokens} for _, tokens in tokenized]
    needs_statements = _statement_sentences(lowers, vocab)
    for (sentence, tokens), words in zip(tokenized, lowers, strict=True):
        if not tokens:
            continue
        index = sentence.index
        speaker = speaker_of(tokens, vocab)
        found["events"].extend(event_mentions(tokens, index, speaker, vocab, keys))
        found["roles"].extend(role_mentions(tokens, index, speaker, vocab))

        # Cheap tests first: most sentences hold no digit, month or number word.
        digits = _DIGIT.search(document.prose, sentence.span.start, sentence.span.end) is not None
        date_values = dates.find(tokens, vocab) if digits or not words.isdisjoint(vocab.date_words) else []
        occupied = {k for v in date_values for k in range(v.start, v.end)}
        may_count = digits or not words.isdisjoint(vocab.number_words)
        quantity_values = quantities.find(tokens, vocab, occupied) if may_count else []
        negated = sentence.index in needs_statements
        if not (date_values or quantity_values or negated):
            continue
        ranges = [(v.start, v.end) for v in date_values] + [v.number_range for v in quantity_values]
        clauses = Clauses(tokens, vocab, ranges)
        names = sentence_names(parsed[index])

        def anchors_of(start: int, end: int, own: tuple[int, int], tokens=tokens, date_values=date_values):
            """The other dates of a clause: 'rose 10% in 2003' is not 'rose 5% in 2004'."""
            return frozenset(
                " ".join(t.lower for t in tokens[v.start : v.end])
                for v in date_values
                if start <= v.start < end and (v.start, v.end) != own
            )

        found["dates"].extend(
            dates.to_claims(
                date_values, tokens, clauses, index, speaker, vocab, as_of, anchors_of, names, parsed[index]
            )
        )
        found["quantities"].extend(
            quantities.to_claims(
                quantity_values, tokens, clauses, index, speaker, vocab, anchors_of, names, parsed[index]
            )
        )
        if negated:
            found["statements"].extend(statements(tokens, clauses, index, speaker, vocab, names))
    return ClaimSet(sentences=sentences, **{kind: tuple(items) for kind, items in found.items()})


def _statement_sentences(lowers: list[set[str]], vocab: CompiledVocabulary) -> set[int]:
    """Sentences whose clauses the negation check may compare: those with a negation word,
    and those sharing at least three stems with one of them. The rest need no statements."""
    negative = [i for i, words in enumerate(lowers) if not words.isdisjoint(vocab.negation)]
    if not negative:
        return set()
    skip = vocab.stopwords | vocab.negation
    stems = [{stem(w) for w in words - skip if w[0].isalpha()} for words in lowers]
    chosen = set(negative)
    for i, own in enumerate(stems):
        if i not in chosen and any(len(own & stems[k]) >= 3 for k in negative):
            chosen.add(i)
    return chosen
