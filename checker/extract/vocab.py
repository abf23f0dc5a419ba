"""A RuleSet's vocabularies compiled once into matchers, shared by every document."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.rulelang.ruleset import RuleSet
from checker.text import Match, PhraseMatcher, Token, phrase_words

if TYPE_CHECKING:
    from checker.analysis import Phrase
    from checker.analysis import Token as ParseToken

_SCANNED = ("numbers", "future", "relative-dates")


PERIOD_LISTS = (("period-start", "start"), ("period-middle", "middle"), ("period-end", "end"))


@dataclass(frozen=True, slots=True)
class StatusCue:
    status: str
    side: str  # "before" or "after" the event's name


@dataclass(frozen=True, eq=False)
class CompiledVocabulary:
    ruleset: RuleSet
    negation: frozenset[str]
    past: frozenset[str]
    stopwords: frozenset[str]
    abbreviations: frozenset[str]
    _ordinal_number: re.Pattern
    _lists: dict = field(default_factory=dict)  # word lists compiled on first use
    _last_scan: list = field(default_factory=list, repr=False)  # [tokens, their matches] of the last scan
    derived: dict = field(default_factory=dict, repr=False)  # values read with the language pipeline, per process

    @classmethod
    def build(cls, ruleset: RuleSet) -> CompiledVocabulary:
        vocab = ruleset.vocabulary
        negation = vocab.word_list("negation")
        suffixes = sorted(vocab.word_list("ordinal-suffixes"), key=len, reverse=True)
        alternatives = "|".join(map(re.escape, suffixes)) or "(?!)"
        ordinal_number = re.compile(rf"(\d{{1,3}})(?:{alternatives})")
        return cls(
            ruleset=ruleset,
            negation=_single_words(negation),
            past=_single_words(vocab.word_list("past")),
            stopwords=_single_words(vocab.word_list("stopwords")),
            abbreviations=vocab.word_list("abbreviations"),
            _ordinal_number=ordinal_number,
        )

    def scan(self, tokens: list[Token]) -> dict[str, list[Match]]:
        """The word-for-word phrases of a sentence in one pass, grouped by kind: number words,
        future and relative-date phrases (the values' extractors read the words as checker.text
        cuts them; every other phrase is found in the parse, by lemma, see parse_phrases). The
        last sentence's scan is kept, as its extractors ask in turn."""
        last = self._last_scan
        if last and last[0] is tokens:
            return last[1]
        grouped: dict[str, list[Match]] = {kind: [] for kind in _SCANNED}
        for match in self._combined.find(tokens):
            kind, label = match.label
            grouped[kind].append(Match(match.start, match.end, label))
        last[:] = (tokens, grouped)
        return grouped

    @functools.cached_property
    def _combined(self) -> PhraseMatcher:
        sources = {
            "numbers": self.valued("numbers"),
            "future": self.phrases("future"),
            "relative-dates": self.phrases("relative-dates"),
        }
        return PhraseMatcher(
            ((phrase, (kind, label)) for kind, matcher in sources.items() for phrase, label in matcher.phrases),
            barred=self.negation,
        )

    def joins_only_when_opened(self, word: str, parsed: ParseToken | None) -> bool:
        """Whether a range joiner between two values joins them only after a range opener:
        'between 10 and 12', 'between 1 May and 3 June', but '10 and 12 people' and '1 May and
        3 June' are two values. The rules' `opened-range-joiners` name such joiners ('and');
        a rule set without that list leaves it to the parse: a coordinating conjunction."""
        listed = self.word_list("opened-range-joiners")
        if listed:
            return word in listed
        return parsed is not None and parsed.pos == "CCONJ"

    def word_list(self, name: str) -> frozenset[str]:
        found = self._lists.get(("words", name))
        if found is None:
            found = self._lists[("words", name)] = self.ruleset.vocabulary.word_list(name)
        return found

    @functools.cached_property
    def parse_phrases(self) -> tuple[Phrase, ...]:
        """The phrases checker.analysis finds in each parsed sentence: status and role cues,
        verbs of saying, attributions and future phrases by lemma; rule-file names as written."""
        from checker.analysis import Phrase

        vocab = self.ruleset.vocabulary
        found = [
            Phrase("status", phrase, StatusCue(status.name, side))
            for status in vocab.statuses.values()
            for side, phrases in (("before", status.before), ("after", status.after))
            for phrase in phrases
        ]
        found += [Phrase("role-cues", cue, means) for cue, means in vocab.role_cues.items()]
        for kind in ("reporting", "attribution", "future"):
            found += [Phrase(kind, phrase, kind) for phrase in sorted(self.word_list(kind))]
        found += [
            Phrase("event-aliases", text.value, event.name.value, exact=True)
            for event in self.ruleset.events
            for text in (event.name, *event.aliases)
        ]
        found += [
            Phrase("entity-aliases", text.value, entity.name.value, exact=True)
            for entity in self.ruleset.entities
            for text in (entity.name, *entity.aliases)
        ]
        return tuple(found)

    @functools.cached_property
    def parse_cue_words(self) -> frozenset[str]:
        """The content words of the role cues and attributions as the rules write them ('led' of
        'led by'), and of the rule files' names: a sentence with none of them needs no parse for
        these phrases."""
        kinds = ("role-cues", "attribution", "event-aliases", "entity-aliases")
        words = {w for p in self.parse_phrases if p.kind in kinds for w in phrase_words(p.text)}
        return frozenset(words - self.stopwords - {"*"})

    @functools.cached_property
    def titles(self) -> tuple[tuple[str, ...], ...]:
        """The rules' `titles`, each as its words ('chief', 'executive'), longest first."""
        found = {phrase_words(title.lower()) for title in self.word_list("titles")}
        return tuple(sorted(found, key=len, reverse=True))

    @functools.cached_property
    def title_heads(self) -> frozenset[str]:
        """The last words of the rules' `titles` ('executive' of 'chief executive')."""
        return frozenset(title[-1] for title in self.titles)

    @functools.cached_property
    def parse_event_words(self) -> frozenset[str]:
        """The event nouns as the rules write them."""
        return frozenset(self.ruleset.vocabulary.event_nouns)

    @functools.cached_property
    def future_modals(self) -> frozenset[str]:
        """The one-word future markers ('will', 'shall'): a modal among them makes a verb future."""
        return _single_words(self.word_list("future"))

    def predicate_class(self, lemma: str | None) -> str | None:
        """The predicate class a lemma belongs to (the rules' `predicates` lines), if any."""
        if lemma is None:
            return None
        return self.ruleset.vocabulary.predicates.get(lemma)

    def opposite(self, one: str | None, other: str | None) -> bool:
        """Whether two predicate classes say the contrary of each other (the rules' `predicates
        ... opposite ...` lines: 'ban' and 'allow')."""
        return one is not None and other in self.ruleset.vocabulary.opposites.get(one, ())

    @functools.cached_property
    def date_words(self) -> frozenset[str]:
        """Words without which (and without a digit) a sentence holds no date."""
        vocabulary = self.ruleset.vocabulary
        words = set(vocabulary.months) | set(vocabulary.weekdays)
        words |= {w for phrase in self.word_list("relative-dates") for w in phrase_words(phrase)}
        return frozenset(words - self.stopwords)

    @functools.cached_property
    def number_words(self) -> frozenset[str]:
        """Words without which (and without a digit) a sentence holds no quantity."""
        words = {w for phrase in self.ruleset.vocabulary.numbers for w in phrase_words(phrase)}
        return frozenset(words - self.stopwords)

    @functools.cached_property
    def date_starters(self) -> frozenset[str]:
        """Words a written date can begin with, to skip most tokens at once."""
        vocabulary = self.ruleset.vocabulary
        return frozenset(vocabulary.months.keys() | vocabulary.weekdays.keys())

    @functools.cached_property
    def period_prefixes(self) -> dict[str, str]:
        """One-word period phrases that may prefix a year with a hyphen ('mid-2025'), and their period."""
        return {
            phrase: period
            for name, period in PERIOD_LISTS
            for phrase in self.word_list(name)
            if len(phrase_words(phrase)) == 1
        }

    def phrases(self, name: str) -> PhraseMatcher:
        """The word list `name` as a matcher, compiled once."""
        matcher = self._lists.get(name)
        if matcher is None:
            matcher = PhraseMatcher((phrase, name) for phrase in self.word_list(name))
            self._lists[name] = matcher
        return matcher

    def phrase_ending_at(self, name: str, tokens: list[Token], at: int, width: int = 4) -> int | None:
        """Where a phrase of the word list `name` starts, if one ends right before token `at`
        ('no less than' before '1,200', 'the end of' before 'August'); the longest wins."""
        window = tokens[max(0, at - width) : at]
        for match in self.phrases(name).find(window):
            if match.end == len(window):
                return at - len(window) + match.start
        return None

    def valued(self, kind: str) -> PhraseMatcher:
        """Number, month or weekday words as a matcher labelled with their values."""
        key = f"value:{kind}"
        matcher = self._lists.get(key)
        if matcher is None:
            table = getattr(self.ruleset.vocabulary, kind)
            matcher = PhraseMatcher(table.items())
            self._lists[key] = matcher
        return matcher

    def ordinal(self, token: Token) -> int | None:
        value = self.ruleset.vocabulary.ordinals.get(token.lower)
        if value is not None or not token.lower[0].isdigit():
            return value
        match = self._ordinal_number.fullmatch(token.lower)
        return int(match.group(1)) if match else None

    def event_class(self, token: Token) -> str | None:
        return self.ruleset.vocabulary.event_nouns.get(token.lower)

    def content_words(self, words) -> frozenset[str]:
        """Words that carry meaning, each replaced by its declared synonym."""
        synonyms = self.ruleset.vocabulary.synonyms
        return frozenset(synonyms.get(w, w) for w in words if w not in self.stopwords and w[0].isalnum())

    def phrase_content(self, phrase: str) -> frozenset[str]:
        return self.content_words(_joined_synonyms(phrase_words(phrase), self.ruleset.vocabulary.synonyms))


def _single_words(phrases) -> frozenset[str]:
    """The one-word entries of a list ('not', 'never'); longer phrases need a matcher."""
    return frozenset(words[0] for words in map(phrase_words, phrases) if len(words) == 1)


def _joined_synonyms(words: tuple[str, ...], synonyms: dict[str, str]) -> tuple[str, ...]:
    """Replace multi-word synonyms ("negotiating team") by their canonical word."""
    multi = [tuple(k.split()) for k in synonyms if " " in k]
    if not multi:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        for key in multi:
            if words[i : i + len(key)] == key:
                out.append(synonyms[" ".join(key)])
                i += len(key)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)
