"""Claims from sentences: one module per claim kind, gathered here into a ClaimSet.

The sentences are parsed once (checker.analysis); events, roles, speakers and statements
are read from the parse. Dates and quantities read their values from the sentence's words
as checker.text cuts them, and their frames (what a number counts, the verb a value is said
with, its subject and scope) from the parse.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from checker.extract import dates, places, quantities
from checker.extract.clauses import Clauses, sentence_names
from checker.extract.events import alias_keys, event_mentions
from checker.extract.polarity import predicate_key, statements
from checker.extract.reference import referents
from checker.extract.roles import role_mentions
from checker.extract.speakers import paragraph_voices, speaker_of
from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, Sentence, Statement
from checker.text import tokenize

if TYPE_CHECKING:
    from checker.analysis import Analyzer, Parse

_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"\w+")
_SIGNATURE_WORDS = 8
_MIN_SHARED = 2  # content words a sentence shares with a denial to be parsed as its possible partner
_NO_FORMS: Mapping[str, str] = MappingProxyType({})


def worth_parsing(
    document: Document,
    sentences: tuple[Sentence, ...],
    vocab: CompiledVocabulary,
    once: tuple[tuple[frozenset[str], ...], ...] = (),
    contrary_forms: Mapping[str, str] = _NO_FORMS,
) -> tuple[tuple[Sentence, ...], set[int]]:
    """The sentences that can take part in a claim, and those of them whose entities are wanted:
    those that hold a value (a digit, a number, month or weekday word) or a word of a one-time
    event whose place is read (`once`: for each of the rules' `once-only-predicates`, the
    written forms of each of its words, see places.written_forms). Parsing is most of the work,
    and a sentence with none of the words any claim is built on yields no claim: no value, no
    event noun, no negation, no cue word of a role, no appositive, no copula beside a name, no
    one-time event, no two content words shared with a sentence that denies something, and no two
    shared with a sentence holding a predicate of the opposite class (`contrary_forms`: the
    written forms of the rules' opposite predicates, form -> predicate class; 'banning' in one,
    'endorsing' in the other)."""
    cue_words = vocab.parse_cue_words
    event_words = vocab.parse_event_words
    chosen: set[int] = set()
    valued: set[int] = set()
    denials: list[set[str]] = []
    contraries: list[tuple[int, set[str], set[str]]] = []
    others: list[tuple[int, set[str]]] = []
    skip = vocab.stopwords
    # negation words written inside another word ("n't" in "didn't"), which \w+ would cut apart
    bound = [word for word in vocab.negation if not word.replace(" ", "").isalnum()]
    for sentence in sentences:
        text = document.prose[sentence.span.start : sentence.span.end]
        lower = text.lower()
        words = set(_WORDS.findall(lower))
        index = sentence.index
        if _DIGIT.search(text) or not words.isdisjoint(vocab.number_words) or not words.isdisjoint(vocab.date_words):
            valued.add(index)
        elif any(all(not words.isdisjoint(forms) for forms in entry) for entry in once):
            valued.add(index)  # 'was born in Vienna': the place is an entity
        straight = lower.replace("’", "'")
        if any(word in straight for word in bound) or not words.isdisjoint(vocab.negation):
            denials.append(words - skip)
            chosen.add(index)
        elif (
            not words.isdisjoint(event_words)
            or not words.isdisjoint(cue_words)
            or _appositive(lower, vocab)
            or _copular_name(text, vocab)
            or _signed(text)
            or _title_before_name(text, vocab)
        ):
            chosen.add(index)
        else:
            others.append((index, words - skip))
        classes = {contrary_forms[w] for w in words if w in contrary_forms}
        if classes:
            contraries.append((index, words - skip, classes))
    chosen |= valued
    for index, words in others:
        if index not in chosen and any(len(words & denial) >= _MIN_SHARED for denial in denials):
            chosen.add(index)
    for i, (one, words, classes) in enumerate(contraries):
        for other, other_words, other_classes in contraries[i + 1 :]:
            opposite = any(vocab.opposite(a, b) for a in classes for b in other_classes)
            if opposite and len(words & other_words) >= _MIN_SHARED:
                chosen.update((one, other))
    return tuple(s for s in sentences if s.index in chosen), valued


def _signed(text: str) -> bool:
    """A line that may sign a comment or a letter ('Jane Doe, Leeds'): short, with a comma, and
    no sentence end (see checker.extract.speakers.signature)."""
    return "," in text and len(text.split()) <= _SIGNATURE_WORDS and text.rstrip()[-1:] not in ".!?"


def _title_before_name(text: str, vocab: CompiledVocabulary) -> bool:
    """A word that ends one of the rules' `titles` before a capitalised word ('editor Martin
    Hale', 'minister, Margit Wallin')."""
    heads = vocab.title_heads
    words = _WORDS.findall(text)
    return any(word.lower() in heads and following[:1].isupper() for word, following in itertools.pairwise(words))


def _appositive(lower: str, vocab: CompiledVocabulary) -> bool:
    """A comma followed by a word that opens an appositive ('Anna Berg, the defence minister')."""
    openers = vocab.word_list("appositive-openers")
    return any(part.split(None, 1)[:1] and part.split(None, 1)[0] in openers for part in lower.split(",")[1:])


def _copular_name(text: str, vocab: CompiledVocabulary) -> bool:
    """A copula of the rules' `role-copulas` beside a capitalised word, the shape of a role
    given by a copula ('The producer of The Lantern is Nina Maro', 'Nina Maro is the producer')."""
    copulas = vocab.word_list("role-copulas")
    words = text.split()
    # a sentence's first word is capitalised whatever it is ('He was ...'): no sign of a name
    return any(
        word.lower() in copulas and (words[k + 1][:1].isupper() or (k > 1 and words[k - 1][:1].isupper()))
        for k, word in enumerate(words[:-1])
    )


def extract(
    document: Document,
    sentences: tuple[Sentence, ...],
    vocab: CompiledVocabulary,
    analyzer: Analyzer,
    as_of: dt.date | None = None,
) -> ClaimSet:
    chosen, valued = worth_parsing(
        document, sentences, vocab, places.written_forms(vocab, analyzer), _contrary_forms(vocab, analyzer)
    )
    parses = analyzer.parse(document, chosen, vocab.parse_phrases, barred=vocab.negation, entities=valued)
    keys = _alias_keys(vocab, analyzer)
    voices = paragraph_voices(document, list(parses))
    pronouns = referents(parses)
    found: dict[str, list] = {kind: [] for kind in ("events", "roles", "quantities", "dates", "statements", "places")}
    for parse in parses:
        if not parse.tokens:
            continue
        sentence = parse.sentence
        index = sentence.index
        speaker = voices.get(index) or speaker_of(parse, vocab)
        names = sentence_names(parse, speaker.span if speaker else None)
        found["events"].extend(event_mentions(parse, speaker, vocab, keys))
        found["roles"].extend(role_mentions(parse, speaker, vocab))
        found["statements"].extend(statements(parse, speaker, vocab, names, pronouns.get(index, {})))
        if index in valued:
            found["places"].extend(places.place_claims(parse, speaker, vocab))
        _values(document, parse, speaker, names, vocab, as_of, found)
    found["statements"] = _comparable(found["statements"], vocab)
    return ClaimSet(sentences=sentences, **{kind: tuple(items) for kind, items in found.items()})


def _alias_keys(vocab: CompiledVocabulary, analyzer: Analyzer) -> dict[str, str]:
    """The rule files' ordinal aliases, read once per rule set and pipeline."""
    cache = vocab.derived
    key = ("alias-keys", analyzer.name)
    if key not in cache:
        cache[key] = alias_keys(vocab, analyzer.parse_text)
    return cache[key]


def _contrary_forms(vocab: CompiledVocabulary, analyzer: Analyzer) -> Mapping[str, str]:
    """The written forms of the predicates that have an opposite (the rules' `predicates ...
    opposite ...`), form -> predicate class, read once per rule set and pipeline from the
    lemmatizer's tables (Analyzer.forms). A phrase ('shut down') is looked for by its first word."""
    cache = vocab.derived
    key = ("contrary-forms", analyzer.name)
    if key not in cache:
        vocabulary = vocab.ruleset.vocabulary
        first = {lemma: lemma.split()[0] for lemma, cls in vocabulary.predicates.items() if cls in vocabulary.opposites}
        classes = {word: vocabulary.predicates[lemma] for lemma, word in first.items()}
        cache[key] = MappingProxyType({form: cls for word, cls in classes.items() for form in analyzer.forms([word])})
    return cache[key]


def _comparable(found: list[Statement], vocab: CompiledVocabulary) -> list[Statement]:
    """The statements the negation check may compare: those whose predicate is denied somewhere
    in the document, the denials themselves, and those whose predicate's opposite (the rules'
    `predicates ... opposite ...`) is affirmed somewhere. The rest need not be kept."""
    denied = {predicate_key(s.frame) for s in found if s.negated and s.frame}
    affirmed = {predicate_key(s.frame) for s in found if not s.negated and s.frame}
    contrary = {key for key in affirmed if any(vocab.opposite(key, other) for other in affirmed)}
    return [s for s in found if s.frame and predicate_key(s.frame) in denied | contrary]


def _values(
    document: Document,
    parse: Parse,
    speaker,
    names: frozenset[str],
    vocab: CompiledVocabulary,
    as_of: dt.date | None,
    found: dict[str, list],
) -> None:
    """Dates and quantities of one sentence."""
    sentence = parse.sentence
    index = sentence.index
    tokens = tokenize(document.prose, sentence.span.start, sentence.span.end)
    words = {t.lower for t in tokens}
    # Cheap tests first: most sentences hold no digit, month or number word.
    digits = _DIGIT.search(document.prose, sentence.span.start, sentence.span.end) is not None
    at = {(t.start, t.end): t for t in parse.tokens}
    parsed = [at.get((t.start, t.end)) for t in tokens]  # the parse's token where both cut a word alike
    may_date = digits or not words.isdisjoint(vocab.date_words)
    date_values = dates.find(tokens, vocab, dates.covering(tokens, parse)) if may_date else []
    occupied = {k for v in date_values for k in range(v.start, v.end)}
    may_count = digits or not words.isdisjoint(vocab.number_words)
    quantity_values = quantities.find(tokens, vocab, occupied, parsed) if may_count else []
    if not (date_values or quantity_values):
        return
    ranges = [(v.start, v.end) for v in date_values] + [v.number_range for v in quantity_values]
    clauses = Clauses(tokens, vocab, ranges, parsed)

    def anchors_of(start: int, end: int, own: tuple[int, int], tokens=tokens, date_values=date_values):
        """The other dates of a clause: 'rose 10% in 2003' is not 'rose 5% in 2004'."""
        return frozenset(
            " ".join(t.lower for t in tokens[v.start : v.end])
            for v in date_values
            if start <= v.start < end and (v.start, v.end) != own
        )

    found["dates"].extend(
        dates.to_claims(date_values, tokens, clauses, index, speaker, vocab, as_of, anchors_of, names, parse)
    )
    found["quantities"].extend(
        quantities.to_claims(quantity_values, tokens, clauses, index, speaker, vocab, anchors_of, names, parse)
    )
