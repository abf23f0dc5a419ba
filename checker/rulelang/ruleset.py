"""The resolved rule set: vocabularies merged from every file, and the expected facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the facts' classes load with the facts (pickle imports them), not with every rule set
    from checker.rulelang.ast import DateFact, EntityFact, EventFact, Origin, QuantityFact

# The word lists a rule file may declare with `words NAME ...`, and what each is for.
WORD_LISTS: dict[str, str] = {
    "abbreviations": "words whose trailing dot does not end a sentence (Mr, Dr, U.S)",
    "negation": "words that negate the cue they stand before (not, never)",
    "negation-limiters": "words after a negation that limit it instead of denying the clause (only: 'not only')",
    "negation-intensifiers": "adverbs after a negation that strengthen it (even, yet: 'not even'); any other denies"
    " only itself ('did not immediately turn')",
    "past": "auxiliaries that put a cue in the past (was, were, had)",
    "reporting": "verbs that attribute a clause to a speaker (said, announced)",
    "once-only-predicates": "verbs and nouns, by lemma, of what happens once to one subject (die, be born,"
    " death): two weekdays of one are two dates, two places of one two places",
    "place-prepositions": "prepositions whose place is where an event happened (in, at: 'died in Vienna')",
    "attribution": "phrases that attribute a clause to the speaker after them (according to)",
    "stopwords": "function words ignored when comparing roles and qualifiers (the, of)",
    "ordinal-suffixes": "endings that make a number an ordinal (st, nd, rd, th)",
    "lower-bound": "phrases that make a number a minimum (at least, no less than, more than)",
    "upper-bound": "phrases that make a number a maximum (up to, at most, fewer than)",
    "approximate": "phrases that make a number approximate (about, around, nearly)",
    "range-joiners": "words joining the two ends of a range (to, and)",
    "range-openers": "words opening a range (between, from)",
    "date-range-joiners": "words that join two dates into a range, beside the range-joiners (until, till)",
    "opened-range-joiners": "range joiners that join a range only after an opener (and: 'between 10 and 12')",
    "number-joiners": "words inside a number written in words (and: 'two hundred and fifty')",
    "magnitude-suffixes": "suffixes of digits that multiply them by their number value (k, m, bn: '$16bn')",
    "pair-rate": "the noun an exchange pair is counted per (side: '250 for 250' is 250 per side)",
    "pair-joiners": "words joining the two sides of an exchange (for, to)",
    "per": "phrases that make a quantity a rate (per, each, a, from each)",
    "percent": "words meaning per cent (%, per cent, percent)",
    "future": "words that put a clause in the future (will, is due to, is scheduled)",
    "deadline": "words that make a date a deadline (by, no later than, before)",
    "period-start": "phrases for the start of a month or year (early, the start of, the beginning of)",
    "period-middle": "phrases for the middle of a month or year (mid, the middle of)",
    "period-end": "phrases for the end of a month or year (late, the end of)",
    "day-morning": "words for the morning of the day before them ('on Thursday morning')",
    "day-afternoon": "words for the afternoon of the day before them ('on Thursday afternoon')",
    "day-evening": "words for the evening or night of the day before them ('on Thursday evening')",
    "time-offsets": "words after a number of time units that make it a point in time (ago, later)",
    "denominators": "phrases after which a number is a whole, not a count (out of, of a possible)",
    "year-prepositions": "words before an old year that make it a year ('in 1279')",
    "former": "words that put a role in the past (former, outgoing)",
    "clause-breaks": "words that end a clause (and, but, which)",
    "relative-dates": "expressions dated from the reference date (next week, last year, yesterday)",
    "count-scopes": "phrases that make a count a total, a running count or a rate (in total, so far, a year)",
    "event-qualifiers": "prepositions whose object tells one event from another (of: 'third round of the cup')",
    "perfect-auxiliaries": "auxiliaries, by lemma, that make a verb perfect (have: 'has concluded')",
    "appositive-openers": "words after a comma that open an appositive role (the, a: 'Anna Berg, the minister')",
    "role-copulas": "copulas that give a role to a name beside them (is, was: 'The producer of X is Nina Maro')",
    "shared-roles": "roles many hold at once even when named with 'the' (son, member: 'the son of King Charles')",
    "title-deputies": "words before a title that make it one of several (vice: 'vice president')",
    "conditional": "words that make a clause hypothetical (if, even if, unless)",
    "question-words": "words that open an embedded yes-no question (whether, if: 'not known whether he resigned')",
    "unknown": "lemmas that, negated, say a clause or a value is not known or not given (know, clear, specify)",
    "light-predicates": "verbs, by lemma, that only say whose a count is (have, post, score: 'had 84 points')",
    "accompanying": "prepositions that add a count to a clause as its own (with: 'reported, with 458 deaths')",
    "accompanied-predicates": "verbs, by lemma, whose count added 'with' is their subject's own (finish, lead:"
    " 'finished second with 84 points')",
    "maximum": "upper bounds that, said of a capacity, state it (up to: 'can hold up to 25,000')",
    "capacities": "verbs and measure nouns, by lemma, of how many a thing holds (capacity, hold, seat)",
    "ability-modals": "modals that make a verb of `capacities` state a capacity (can: 'can hold 25,000')",
    "duration-days": "units of time a day long, by lemma (day), for a duration against a date range",
    "duration-weeks": "units of time a week long, by lemma (week)",
    "duration-months": "units of time a month long, by lemma (month)",
    "duration-years": "units of time a year long, by lemma (year: 'for over 30 years' / 'from 1930 to 1952')",
    "duration-decades": "units of time ten years long, by lemma (decade)",
    "measure-links": "words between a noun and the number that measures it (of: 'a capacity of 20,000')",
    "totals": "nouns that only frame the figure after them (total: 'a total of $2.3 billion')",
    "ages": "words between a name and a number that make it the person's age (aged: 'Anna Berg, aged 40,')",
    "titles": "roles one person holds at a time, by lemma, as a title before a name (editor, prime minister:"
    " 'Daily Courier editor Martin Hale')",
}
# Word lists the parse made unneeded (entities tell names and money apart, the morphology a
# plural noun): a rule file that still extends one loads, and the words are not read.
RETIRED_WORD_LISTS = frozenset({"measure-units", "name-joiners", "plural-endings"})
STATUS_TIMES = ("past", "present", "future")


@dataclass(frozen=True, slots=True)
class StatusWords:
    name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    compatible: frozenset[str]
    time: str | None = None  # past, present or future: the time the status speaks of


@dataclass(frozen=True, slots=True)
class Vocabulary:
    statuses: dict[str, StatusWords] = field(default_factory=dict)
    event_nouns: dict[str, str] = field(default_factory=dict)  # noun -> its synonym class
    ordinals: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    role_cues: dict[str, str] = field(default_factory=dict)  # cue -> what the holder is
    synonyms: dict[str, str] = field(default_factory=dict)  # word -> canonical word
    predicates: dict[str, str] = field(default_factory=dict)  # lemma -> its predicate class
    opposites: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> the classes saying its contrary

    def status_at(self, time: str) -> str | None:
        """The status that speaks of `time` (the rules' `time` line), if one does."""
        return next((s.name for s in self.statuses.values() if s.time == time), None)

    def word_list(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def compatible(self, a: str, b: str) -> bool:
        """Whether one event may truthfully be described with both statuses."""
        if a == b:
            return True
        sa, sb = self.statuses.get(a), self.statuses.get(b)
        return bool((sa and b in sa.compatible) or (sb and a in sb.compatible))


@dataclass(frozen=True, slots=True)
class RuleSet:
    vocabulary: Vocabulary
    entities: tuple[EntityFact, ...] = ()
    events: tuple[EventFact, ...] = ()
    quantities: tuple[QuantityFact, ...] = ()
    dates: tuple[DateFact, ...] = ()
    as_of: dt.date | None = None
    as_of_origin: Origin | None = None
    files: tuple[str, ...] = ()

    @property
    def has_facts(self) -> bool:
        return bool(self.entities or self.events or self.quantities or self.dates)
