"""Expected facts of the rule files against the claims of one document.

Each fact is supported, contradicted or not found, with the sentences that show it;
the check CC001 turns a contradicted fact into a finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, FactResult, Location, RoleMention, Sentence, Severity, Span, Verdict
from checker.rulelang.verify_values import Lemmatizer, date_result, mentioned, quantity_result, text_words, word_forms
from checker.text import tokenize

if TYPE_CHECKING:
    from checker.rulelang.ast import EntityFact, EventFact, RoleFact


def verify(
    document: Document,
    claims: ClaimSet,
    vocab: CompiledVocabulary,
    as_of: dt.date | None,
    lemmas: Lemmatizer | None = None,
) -> tuple[FactResult, ...]:
    """The verdict on each fact, leaving out a fact not found whose subject the document never
    mentions (another story's event, person or figure): a rule file shared by a newsroom holds
    facts for many articles, and an unrelated one is no 'not found'. A fact contradicted is kept
    whatever names it (the text may give the fact's role to someone else)."""
    results: list[FactResult] = []
    words = _Words(document, claims.sentences, vocab, lemmas)

    def keep(result: FactResult, mentioned) -> bool:
        return result.verdict is not Verdict.NOT_FOUND or mentioned()

    for event in vocab.ruleset.events:
        named = any(m.event_key == event.name.value for m in claims.events)
        for result in _event_results(document, claims, vocab, event):
            if keep(result, lambda named=named: named):
                results.append(_with_overrides(result, event.severity, event.message))
    for entity in vocab.ruleset.entities:
        for role in entity.roles:
            result = _role_result(document, claims, vocab, entity, role, as_of)
            # the subject is the person, or the role itself, which the text may give to no one by name
            names = (entity.name, *entity.aliases, role.title, *role.aliases)
            if keep(result, lambda names=names: any(words.has_phrase(t.value) for t in names)):
                results.append(_with_overrides(result, entity.severity, entity.message))
    for quantity in vocab.ruleset.quantities:
        result = quantity_result(document, claims, vocab, quantity, lemmas)
        if keep(result, lambda quantity=quantity: words.has_all(quantity.mentions)):
            results.append(_with_overrides(result, quantity.severity, quantity.message))
    for date in vocab.ruleset.dates:
        result = date_result(document, claims, vocab, date, lemmas)
        if keep(result, lambda date=date: words.has_all(date.mentions)):
            results.append(_with_overrides(result, date.severity, date.message))
    return tuple(results)


class _Words:
    """The document's words, read once and only when a fact asks whether its subject is named."""

    def __init__(
        self, document: Document, sentences: tuple[Sentence, ...], vocab: CompiledVocabulary, lemmas: Lemmatizer | None
    ) -> None:
        self._document, self._sentences, self._vocab, self._lemmas = document, sentences, vocab, lemmas
        self._tokens: list[str] | None = None
        self._sentence_lemmas: list[tuple[str, ...]] | None = None
        self._words: frozenset[str] | None = None

    def _texts(self) -> list[str]:
        prose = self._document.prose
        return [prose[s.span.start : s.span.end] for s in self._sentences]

    def _lower(self) -> list[str]:
        if self._tokens is None:
            self._tokens = [t.lower for t in tokenize(self._document.prose) if t.is_word]
        return self._tokens

    def has_phrase(self, phrase: str) -> bool:
        """Whether the phrase's words stand together, in order, somewhere in the document: as
        written, or by their lemmas in one sentence, as cue phrases match ('defence ministers'
        names the role 'defence minister')."""
        wanted = list(_words(phrase))
        tokens, n = self._lower(), len(wanted)
        if n > 0 and _contains(tuple(tokens), tuple(wanted)):
            return True
        if n == 0 or self._lemmas is None:
            return False
        (lemmas,) = self._lemmas([phrase])
        if self._sentence_lemmas is None:
            texts = [text for text in self._texts() if text.strip()]
            self._sentence_lemmas = self._lemmas(texts) if texts else []
        return bool(lemmas) and any(_contains(found, lemmas) for found in self._sentence_lemmas)

    def has_all(self, mentions) -> bool:
        """Whether every content word the fact is about appears somewhere in the document (as
        written or as a lemma, as claims are matched to the fact); a fact that names no words
        applies everywhere."""
        from checker.text import phrase_words

        stopwords = self._vocab.stopwords
        words = {word for text in mentions for word in phrase_words(text.value) if word not in stopwords}
        if not words:
            return True
        if self._words is None:
            self._words = text_words(self._texts(), self._lemmas)
        return mentioned([word_forms(word, self._vocab, self._lemmas) for word in words], self._words)


def _with_overrides(result: FactResult, severity: str | None, message: str | None) -> FactResult:
    return replace(result, severity=Severity(severity) if severity else None, message=message)


def _location(document: Document, span: Span) -> Location:
    return Location(span, document.quote(span))


def _event_results(
    document: Document, claims: ClaimSet, vocab: CompiledVocabulary, event: EventFact
) -> Iterator[FactResult]:
    name = event.name.value
    mentions = [m for m in claims.events if m.event_key == name]
    if event.status:
        expected = event.status.value
        current = [m for m in mentions if not m.as_then]  # 'were preparing for': so then, not now
        agree = [m for m in current if m.status and vocab.ruleset.vocabulary.compatible(m.status, expected)]
        disagree = [m for m in current if m.status and not vocab.ruleset.vocabulary.compatible(m.status, expected)]
        if disagree:
            verdict = Verdict.CONTRADICTED
            note = f"described as {disagree[0].status}"
        elif agree:
            verdict, note = Verdict.SUPPORTED, ""
        else:
            verdict = Verdict.NOT_FOUND
            note = "mentioned, but with no status" if mentions else "not mentioned"
        evidence = [_location(document, m.with_cue) for m in (*disagree, *agree)]
        yield FactResult(name, "event status", expected, verdict, str(event.status.origin), tuple(evidence), note)
    if event.place:
        place = event.place.value
        sentences = sorted({m.sentence for m in mentions})
        hits = [span for i in sentences for span in _phrase_spans(document, claims, i, place)]
        verdict = Verdict.SUPPORTED if hits else Verdict.NOT_FOUND
        note = "" if hits else ("place not named beside the event" if mentions else "event not mentioned")
        evidence = tuple(_location(document, span) for span in hits)
        yield FactResult(name, "event place", place, verdict, str(event.place.origin), evidence, note)


def _phrase_spans(document: Document, claims: ClaimSet, index: int, phrase: str) -> list[Span]:
    """Where `phrase` stands, word for word, in one sentence."""
    sentence = claims.sentences[index].span
    wanted = [t.lower for t in tokenize(phrase)]
    tokens = tokenize(document.prose, sentence.start, sentence.end)
    n = len(wanted)
    return [
        Span(tokens[i].start, tokens[i + n - 1].end)
        for i in range(len(tokens) - n + 1)
        if [t.lower for t in tokens[i : i + n]] == wanted
    ]


def _role_result(
    document: Document,
    claims: ClaimSet,
    vocab: CompiledVocabulary,
    entity: EntityFact,
    role: RoleFact,
    as_of: dt.date | None,
) -> FactResult:
    names = {_words(t.value) for t in (entity.name, *entity.aliases)}
    other_roles = [vocab.phrase_content(r.title.value) for r in entity.roles if r is not role]
    wanted = [vocab.phrase_content(t.value) for t in (role.title, *role.aliases)]
    expected = _describe_role(role)
    supporting: list[RoleMention] = []
    conflicting: list[RoleMention] = []
    for mention in claims.roles:
        if not any(words <= mention.role_words for words in wanted):
            # "led by the Secretary of ...": the holder is described by this role, and the
            # role given to them is another of the entity's, so the text links the two.
            if _holder_is_role(mention, wanted, vocab) and any(words <= mention.role_words for words in other_roles):
                supporting.append(mention)
            continue
        if _names_entity(mention, names, other_roles, vocab):
            supporting.append(mention)
        elif mention.named:
            conflicting.append(mention)
    origin = str(role.origin)
    subject = entity.name.value
    if supporting and as_of and not _valid_at(role, as_of):
        evidence = tuple(_location(document, m.span) for m in supporting)
        note = f"the role is not held on {as_of} ({_validity(role)})"
        return FactResult(subject, "role", expected, Verdict.CONTRADICTED, origin, evidence, note)
    if conflicting and (not as_of or _valid_at(role, as_of)):
        evidence = tuple(_location(document, m.span) for m in (*conflicting, *supporting))
        note = f"the text gives this role to {conflicting[0].holder}"
        return FactResult(subject, "role", expected, Verdict.CONTRADICTED, origin, evidence, note)
    if supporting:
        evidence = tuple(_location(document, m.span) for m in supporting)
        return FactResult(subject, "role", expected, Verdict.SUPPORTED, origin, evidence)
    return FactResult(subject, "role", expected, Verdict.NOT_FOUND, origin, (), "no sentence gives this role")


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.lower for t in tokenize(text) if t.is_word)


def _names_entity(mention: RoleMention, names: set[tuple[str, ...]], other_roles, vocab: CompiledVocabulary) -> bool:
    holder = _words(mention.holder)
    if any(_contains(holder, name) for name in names):
        return True
    holder_content = vocab.content_words(holder)
    return any(words and words <= holder_content for words in other_roles)


def _holder_is_role(mention: RoleMention, wanted, vocab: CompiledVocabulary) -> bool:
    holder_content = vocab.content_words(_words(mention.holder))
    return any(words <= holder_content for words in wanted)


def _contains(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return n > 0 and any(words[i : i + n] == name for i in range(len(words) - n + 1))


def _valid_at(role: RoleFact, day: dt.date) -> bool:
    return (role.since is None or role.since <= day) and (role.until is None or day <= role.until)


def _validity(role: RoleFact) -> str:
    parts = []
    if role.since:
        parts.append(f"from {role.since}")
    if role.until:
        parts.append(f"until {role.until}")
    return " ".join(parts) or "at any date"


def _describe_role(role: RoleFact) -> str:
    validity = _validity(role) if (role.since or role.until) else ""
    return f"{role.title.value} {validity}".strip()
