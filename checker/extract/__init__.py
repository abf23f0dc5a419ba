"""Claims from sentences: one module per claim kind, gathered here into a ClaimSet."""

from __future__ import annotations

import datetime as dt

from checker.extract import dates, quantities
from checker.extract.clauses import Clauses, sentence_names
from checker.extract.events import alias_keys, event_mentions
from checker.extract.polarity import statements
from checker.extract.roles import role_mentions
from checker.extract.speakers import speaker_of
from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, Sentence
from checker.text import tokenize


def extract(
    document: Document, sentences: tuple[Sentence, ...], vocab: CompiledVocabulary, as_of: dt.date | None = None
) -> ClaimSet:
    keys = alias_keys(vocab)
    found: dict[str, list] = {"events": [], "roles": [], "quantities": [], "dates": [], "statements": []}
    for sentence in sentences:
        tokens = tokenize(document.prose, sentence.span.start, sentence.span.end)
        if not tokens:
            continue
        index = sentence.index
        speaker = speaker_of(tokens, vocab)
        found["events"].extend(event_mentions(tokens, index, speaker, vocab, keys))
        found["roles"].extend(role_mentions(tokens, index, speaker, vocab))

        text = document.prose[sentence.span.start : sentence.span.end]
        date_values = dates.find(tokens, vocab) if vocab.may_hold_date.search(text) else []
        occupied = {k for v in date_values for k in range(v.start, v.end)}
        quantity_values = quantities.find(tokens, vocab, occupied) if vocab.may_hold_number.search(text) else []
        ranges = [(v.start, v.end) for v in date_values] + [v.number_range for v in quantity_values]
        clauses = Clauses(tokens, vocab, ranges)
        names = sentence_names(tokens, vocab)

        def anchors_of(start: int, end: int, own: tuple[int, int], tokens=tokens, date_values=date_values):
            """The other dates of a clause: 'rose 10% in 2003' is not 'rose 5% in 2004'."""
            return frozenset(
                " ".join(t.lower for t in tokens[v.start : v.end])
                for v in date_values
                if start <= v.start < end and (v.start, v.end) != own
            )

        found["dates"].extend(
            dates.to_claims(date_values, tokens, clauses, index, speaker, vocab, as_of, anchors_of, names)
        )
        found["quantities"].extend(
            quantities.to_claims(quantity_values, tokens, clauses, index, speaker, vocab, anchors_of, names)
        )
        found["statements"].extend(statements(tokens, clauses, index, speaker, vocab, names))
    return ClaimSet(sentences=sentences, **{kind: tuple(items) for kind, items in found.items()})
