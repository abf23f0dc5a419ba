"""Quantity and date facts against the document's quantity and date claims.

A fact names its claim by the words the claim's clause mentions (`mentions "summit"`);
when no clause has them all, the sentence may. The claim's value interval is then
compared with the fact's: inside it, the fact is supported; apart from it, the fact is
contradicted; overlapping only in part, the text neither confirms nor denies it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, FactResult, Location, QuantityClaim, Verdict
from checker.text import phrase_words

if TYPE_CHECKING:
    from checker.rulelang.ast import DateFact, QuantityFact, Text


# The pipeline's lemmatizer (checker.analysis.Analyzer.lemmas): each phrase's lemmas.
Lemmatizer = Callable[[Sequence[str]], list[tuple[str, ...]]]


def word_forms(word: str, vocab: CompiledVocabulary, lemmas: Lemmatizer | None) -> frozenset[str]:
    """A rule file's word as written and as the pipeline lemmatizes it ('prisoners',
    'prisoner'), either of which a claim's lemmas may hold."""
    if lemmas is None:
        return frozenset({word})
    key = ("word-lemma", word)
    if key not in vocab.derived:
        found = lemmas([word])[0]
        vocab.derived[key] = found[-1] if found else word
    return frozenset({word, vocab.derived[key]})


def text_words(texts: Sequence[str], lemmas: Lemmatizer | None) -> frozenset[str]:
    """The words of some texts (the document's sentences) as written (lower case) and their
    lemmas in context."""
    written = {word for text in texts for word in phrase_words(text)}
    texts = [text for text in texts if text.strip()]
    if lemmas is not None and texts:
        for found in lemmas(texts):
            written.update(found)
    return frozenset(written)


def _wanted(mentions: tuple[Text, ...], vocab: CompiledVocabulary, lemmas: Lemmatizer | None) -> list[frozenset[str]]:
    """The content words a fact mentions, each as the forms that may stand for it."""
    words = {word for text in mentions for word in phrase_words(text.value) if word not in vocab.stopwords}
    return [word_forms(word, vocab, lemmas) for word in sorted(words)]


def mentioned(wanted: list[frozenset[str]], words: frozenset[str] | set[str]) -> bool:
    """Every wanted word has a form among `words`."""
    return all(not forms.isdisjoint(words) for forms in wanted)


def _head_lemma(text: Text, vocab: CompiledVocabulary, lemmas: Lemmatizer | None) -> frozenset[str]:
    """A unit's last word and its lemma ('prisoners', 'prisoner'), as claims name units."""
    return word_forms(phrase_words(text.value)[-1], vocab, lemmas)


def quantity_result(
    document: Document,
    claims: ClaimSet,
    vocab: CompiledVocabulary,
    fact: QuantityFact,
    lemmas: Lemmatizer | None = None,
) -> FactResult:
    comparison = fact.comparison
    unit = _head_lemma(fact.unit, vocab, lemmas) if fact.unit else None
    per = _head_lemma(fact.per, vocab, lemmas) if fact.per else None

    def fits(claim: QuantityClaim) -> bool:
        if unit and unit.isdisjoint({claim.unit, claim.measure}) and unit.isdisjoint(claim.context):
            return False
        return per is None or claim.per in per

    candidates = [q for q in _named(document, claims, vocab, claims.quantities, fact.mentions, lemmas) if fits(q)]
    expected = comparison.describe()
    expected += (f" {fact.unit.value}" if fact.unit else "") + (f" per {fact.per.value}" if fact.per else "")

    def relation(claim: QuantityClaim) -> bool | None:
        if comparison.low <= claim.low and claim.high <= comparison.high:
            return True
        if claim.high < comparison.low or comparison.high < claim.low:
            return False
        return None

    agreeing = {q.modality for q in candidates if relation(q) is True}
    if agreeing:
        # 'Moscow proposed exchanging 1,200' does not deny that 250 were exchanged: a value
        # of another modality than the ones that agree is about something else.
        candidates = [q for q in candidates if q.modality in agreeing or relation(q) is not False]
    return _judge(document, fact.name.value, "quantity", expected, fact, candidates, relation)


def date_result(
    document: Document, claims: ClaimSet, vocab: CompiledVocabulary, fact: DateFact, lemmas: Lemmatizer | None = None
) -> FactResult:
    dated = [d for d in claims.dates if d.start is not None and d.end is not None and d.year_known]
    candidates = _named(document, claims, vocab, dated, fact.mentions, lemmas)
    relation_of = _DATE_RELATIONS[fact.relation]
    expected = f"{fact.relation} {fact.start}" + (f" and {fact.end}" if fact.end else "")
    return _judge(
        document, fact.name.value, "date", expected, fact, candidates, lambda d: relation_of(d.start, d.end, fact)
    )


def _on(start: dt.date, end: dt.date, fact: DateFact) -> bool | None:
    if start <= fact.start <= end:
        return True if start == end else None
    return False


def _before(start: dt.date, end: dt.date, fact: DateFact) -> bool | None:
    return True if end < fact.start else (False if start >= fact.start else None)


def _after(start: dt.date, end: dt.date, fact: DateFact) -> bool | None:
    return True if start > fact.start else (False if end <= fact.start else None)


def _by(start: dt.date, end: dt.date, fact: DateFact) -> bool | None:
    return True if end <= fact.start else (False if start > fact.start else None)


def _between(start: dt.date, end: dt.date, fact: DateFact) -> bool | None:
    if fact.start <= start and end <= fact.end:
        return True
    return False if end < fact.start or start > fact.end else None


_DATE_RELATIONS: dict[str, Callable[[dt.date, dt.date, DateFact], bool | None]] = {
    "on": _on,
    "before": _before,
    "after": _after,
    "by": _by,
    "between": _between,
}


def _named(
    document: Document,
    claims: ClaimSet,
    vocab: CompiledVocabulary,
    found: Sequence,
    mentions: tuple[Text, ...],
    lemmas: Lemmatizer | None = None,
):
    """Claims whose clause mentions every word of the fact; else those whose sentence does."""
    wanted = _wanted(mentions, vocab, lemmas)
    in_clause = [c for c in found if mentioned(wanted, c.context | {getattr(c, "unit", None)})]
    if in_clause:
        return in_clause
    sentence_words: dict[int, frozenset[str]] = {}
    for claim in found:
        if claim.sentence not in sentence_words:
            span = claims.sentences[claim.sentence].span
            sentence_words[claim.sentence] = text_words([document.prose[span.start : span.end]], lemmas)
    return [c for c in found if mentioned(wanted, sentence_words[c.sentence])]


def _judge(document, subject, kind, expected, fact, candidates, relation) -> FactResult:
    agree, disagree, partial = [], [], []
    for claim in candidates:
        outcome = relation(claim)
        (agree if outcome is True else disagree if outcome is False else partial).append(claim)
    origin = str(fact.value_origin or fact.origin)
    quote = document.quote

    def where(claim) -> Location:
        span = claim.clause or claim.span
        return Location(span, quote(span))

    if disagree:
        values = ", ".join(f"'{quote(c.span)}'" for c in disagree[:3])
        evidence = tuple(where(c) for c in (*disagree, *agree))
        return FactResult(subject, kind, expected, Verdict.CONTRADICTED, origin, evidence, f"the text says {values}")
    if agree:
        return FactResult(subject, kind, expected, Verdict.SUPPORTED, origin, tuple(where(c) for c in agree))
    if partial:
        values = ", ".join(f"'{quote(c.span)}'" for c in partial[:3])
        note = f"the text says {values}, which neither confirms nor denies it"
        return FactResult(subject, kind, expected, Verdict.NOT_FOUND, origin, tuple(where(c) for c in partial), note)
    return FactResult(subject, kind, expected, Verdict.NOT_FOUND, origin, (), "no claim mentions it")
