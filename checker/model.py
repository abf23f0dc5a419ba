"""The typed spine: every value that flows from a loaded document to a report.

All records are frozen. A Span is `[start, end)` in code points of the decoded
source text; line and column are derived from it only when a reporter needs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from checker.offsets import OffsetMap


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.NOTE: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not found"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: `text` is the file as decoded, `prose` the words a reader reads.

    The analysis (sentences, claims) runs on `prose`, and its spans are prose offsets
    until checker.relocate moves a report's spans to `text`. Without `offsets` the two
    line up (markup blanked to spaces, same length), so a prose offset is a source
    offset; with it, `to_source` and `to_prose` translate (see checker.offsets).
    """

    path: str
    text: str
    prose: str
    format: str = "text"
    as_of: dt.date | None = None
    offsets: OffsetMap | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.offsets is None:
            if len(self.prose) != len(self.text):
                raise ValueError("prose view must keep the source's length, or come with an offset map")
        elif (self.offsets.prose_length, self.offsets.source_length) != (len(self.prose), len(self.text)):
            raise ValueError("the offset map does not match the document's texts")

    def quote(self, span: Span) -> str:
        """The words of a prose span as a reader reads them: markup gone, white space single."""
        return " ".join(self.prose[span.start : span.end].split())

    def to_source(self, span: Span) -> Span:
        """The source characters a prose span was read from."""
        if self.offsets is None:
            return span
        return Span(*self.offsets.to_source(span.start, span.end))

    def to_prose(self, span: Span) -> Span:
        """The prose read from a span of the source."""
        if self.offsets is None:
            return span
        return Span(*self.offsets.to_prose(span.start, span.end))


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a clause is attributed to; None on a claim means the author."""

    name: str
    key: str
    span: Span


class Modality(StrEnum):
    """How a clause presents what it says."""

    STATED = "stated"  # as a fact
    PLANNED = "planned"  # scheduled, intended, expected ('will hold', 'is due to')
    PROPOSED = "proposed"  # offered, suggested, demanded
    HYPOTHETICAL = "hypothetical"  # 'if', 'even if', 'would'
    REPORTED = "reported"  # attributed to someone other than the author


@dataclass(frozen=True, slots=True)
class Scope:
    """What limits a claim: its time, its place, and qualifiers ('in the northern group', 'so far')."""

    time: str | None = None
    place: str | None = None
    qualifiers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Frame:
    """What a clause claims, read from its parse: who (subject) did what (predicate) to what
    (object), with which value, in which scope, how (modality, polarity, tense, aspect), and
    on whose word (speaker: None is the author).

    `predicate` is a verb lemma, or the noun of a nominal predicate ('recall' in 'the recall
    of the model'); `predicate_class` is the vocabulary class it belongs to, when one is
    declared ('kill', 'die' and 'death' in one class). Subject and object are an entity's
    text or a head noun's lemma. Two claims are compared only when their frames align.
    """

    span: Span  # the clause
    sentence: int
    predicate: str | None
    subject: str | None = None
    object: str | None = None
    value: str | None = None  # the claim's value as written; the claim kind holds it typed
    scope: Scope = Scope()
    modality: Modality = Modality.STATED
    negated: bool = False
    tense: str | None = None  # past, present, future
    aspect: str | None = None  # perfect, progressive
    speaker: Speaker | None = None
    predicate_class: str | None = None
    negation: Span | None = None  # the word that negates it ('not', 'never')
    voice: str = "active"  # or "passive": 'the model was recalled' has the model as subject
    agent: str | None = None  # a passive clause's doer ('recalled by the company')

    @property
    def polarity(self) -> str:
        return "negative" if self.negated else "positive"


@dataclass(frozen=True, slots=True)
class EventMention:
    """A phrase naming one countable event, e.g. 'third round of diplomatic talks'."""

    span: Span
    sentence: int
    name: str
    noun: str
    noun_class: str
    ordinal: int | None
    qualifier: str | None
    event_key: str | None
    status: str | None = None
    status_cue: Span | None = None
    speaker: Speaker | None = None
    as_then: bool = False  # the status held at a past time the text speaks of ('were preparing for')
    frame: Frame | None = None  # the clause of the cue that gave the status

    @property
    def with_cue(self) -> Span:
        """The mention together with the cue that gave it its status."""
        cue = self.status_cue or self.span
        return Span(min(self.span.start, cue.start), max(self.span.end, cue.end))


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A person, or a description standing for one, presented as holding a role."""

    span: Span
    sentence: int
    holder: str
    holder_span: Span
    role: str
    role_words: frozenset[str]
    speaker: Speaker | None = None
    unique: bool = True  # 'the defence minister' names one holder; 'a spokesman' one of many
    former: bool = False  # 'the former minister': not a role held now
    named: bool = False  # the holder is a proper name, not a description ('the Secretary of ...')
    head: str | None = None  # the role's head noun ('minister' of 'defence minister', 'head' of 'head of')
    tense: str | None = None  # of a copula that gives the role ('is', 'was': pres, past); None otherwise


@dataclass(frozen=True, slots=True)
class Anchor:
    """What the parse ties a quantity or a date to: the claim's frame without its value.

    `counted` is the lemma of the noun a number counts ('miner' for '31 miners'); `predicates`
    the lemmas it is said with (its verb, and participles describing the counted noun:
    'trapped miners'); `subject` and `object` the verb's (an entity's text or a lemma);
    `qualifiers` the phrases that narrow it, each (preposition, noun, the noun's modifiers),
    with ('', noun, modifiers) for the counted noun's own; `place` the names (places,
    organisations, people) and `time` the times those phrases name; `scope_words` the rules'
    count-scope phrases ('in total', 'so far') said with it.
    """

    counted: str | None
    predicates: frozenset[str]
    subject: str | None = None
    subject_kind: str | None = None  # name, noun or pronoun
    subject_modifiers: frozenset[str] = frozenset()  # which one: 'the number of Europeans online'
    subject_head: str | None = None  # the lemma of the subject's head word: 'party' of 'the Ecologist Party'
    subject_number: str | None = None  # sing or plur, from the morphology
    object: str | None = None
    subject_definite: bool = False  # a name, a pronoun, or 'the' / a possessive noun: one particular subject
    object_definite: bool = False  # likewise of the object ('surrendered himself'); False without an object
    role: str = ""  # how the value stands to its verb: 'dobj', 'nsubj', a preposition ('from')
    direct: bool = True  # the value modifies the verb itself, not a noun on the way to it
    copula: bool = False  # the verb is a copula ('was'): the complement, not the verb, says what
    qualifiers: frozenset[tuple[str, str, frozenset[str]]] = frozenset()
    place: frozenset[tuple[str, str]] = frozenset()  # (preposition, name): ('in', 'vienna')
    time: frozenset[str] = frozenset()
    scope_words: frozenset[str] = frozenset()
    tense: str | None = None  # past, present, future
    negated: bool = False

    @property
    def predicate(self) -> str | None:
        return min(self.predicates) if self.predicates else None


@dataclass(frozen=True, slots=True)
class QuantityClaim:
    """A number said of something: 'no less than 1,200 prisoners from each side'.

    The value is the interval [low, high]: a bound opens one side ('at least'),
    a range or an approximation widens it.
    """

    span: Span
    sentence: int
    low: float
    high: float
    unit: str | None
    per: str | None
    bound: str | None
    measure: str | None
    context: frozenset[str]
    anchors: frozenset[str]
    modality: str  # "stated" or "planned" (proposed, expected, future)
    clause: Span | None = None
    names: frozenset[str] = frozenset()  # the sentence's proper names: who or what it is about
    negated: bool = False
    speaker: Speaker | None = None
    anchor: Anchor | None = None  # where the parse puts it: what it counts, said with what, of whom
    frame: Frame | None = None  # the clause it is said in: predicate, subject, modality, tense, speaker
    # "count", "duration" (a span of time, 'for the past 18 months', is no count of things) or
    # "label" (a number after its noun names one thing: 'number 14', 'Liga 3')
    kind: str = "count"


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A date or period the text gives, as the interval [start, end] of days.

    `year_known` is false when the text gives no year and no reference date supplies one;
    such dates are compared only with each other. A relative expression ('next week')
    has no interval unless a reference date resolves it.
    """

    span: Span
    sentence: int
    start: dt.date | None
    end: dt.date | None
    granularity: str  # day, month, year, relative
    year_known: bool
    context: frozenset[str]
    anchors: frozenset[str]
    tense: str | None  # future, past or None
    deadline: bool = False
    weekday: int | None = None  # 1 = Monday, as written beside the date
    weekday_span: Span | None = None
    range_end: Span | None = None  # for a range, where its end is written
    end_granularity: str | None = None  # for a range, its end's granularity when it differs ('March 1990 to 2012')
    # a weekday said without a date that no reference date placed ('on Thursday'), 1 = Monday
    day_of_week: int | None = None
    # the part of the day said right after it ('Thursday morning'): the rules' list naming it (day-morning)
    day_part: str | None = None
    day_part_span: Span | None = None
    clause: Span | None = None
    names: frozenset[str] = frozenset()
    negated: bool = False
    speaker: Speaker | None = None
    anchor: Anchor | None = None  # the verb it dates and that verb's subject
    frame: Frame | None = None  # the clause it is said in


@dataclass(frozen=True, slots=True)
class Statement:
    """A clause reduced to its content words and polarity, for spotting a statement and its negation."""

    span: Span
    sentence: int
    words: frozenset[str]
    negated: bool
    negation: Span | None = None
    names: frozenset[str] = frozenset()
    speaker: Speaker | None = None
    frame: Frame | None = None
    # Negated as said not to be known or not given ('it is not known whether ...', 'the author
    # is not named'): the negation then spans the words that say so ('not known').
    unknown: bool = False
    # What a pronoun subject stands for ('it' after 'Oman is opening its airspace'), as a term;
    # the frame keeps the subject the clause names (none for a pronoun).
    referent: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceClaim:
    """Where a one-time event of one participant happened ('died in Graz, Austria', 'his death
    in Vienna'): the event is a verb or noun of the rules' `once-only-predicates`, the place the
    places named in a phrase of one of its `place-prepositions`.

    `place` is the place the phrase is about (its first place name, lower-cased), `names` every
    place the phrase names with it ('graz', 'austria'), so a place named together with another
    may lie within it; `predicate` is the event's lemma ('die', 'pass away', 'death'),
    `predicate_class` its class in the rules' `predicates` lines, or the lemma ('die' and
    'death' are one).
    """

    span: Span  # the phrase ('in Graz, Austria')
    sentence: int
    place: str
    names: frozenset[str]
    predicate: str
    predicate_class: str
    clause: Span | None = None
    speaker: Speaker | None = None
    anchor: Anchor | None = None  # the event's participant: its subject, or the noun's possessor
    frame: Frame | None = None  # the clause it is said in: modality, polarity, tense


@dataclass(frozen=True, slots=True)
class ClaimSet:
    sentences: tuple[Sentence, ...]
    events: tuple[EventMention, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    quantities: tuple[QuantityClaim, ...] = ()
    dates: tuple[DateClaim, ...] = ()
    statements: tuple[Statement, ...] = ()
    places: tuple[PlaceClaim, ...] = ()


@dataclass(frozen=True, slots=True)
class Location:
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: flake8's Violation, with the other side of a tension attached."""

    code: str
    name: str
    severity: Severity
    message: str
    primary: Location
    related: tuple[Location, ...] = ()
    origin: str | None = None
    # What the finding is about, whatever words or places show it (an event and its two
    # statuses): its identity across edits when set (checker.identity), else the quoted texts.
    about: str = ""

    @property
    def locations(self) -> tuple[Location, ...]:
        return (self.primary, *self.related)


@dataclass(frozen=True, slots=True)
class FactResult:
    """The verdict on one expected fact of a rule file, with the sentences that show it."""

    subject: str
    kind: str
    expected: str
    verdict: Verdict
    origin: str
    evidence: tuple[Location, ...] = ()
    note: str = ""
    severity: Severity | None = None  # the fact's own override of its finding's severity
    message: str | None = None  # and of its message


@dataclass(frozen=True, slots=True)
class DocumentReport:
    document: Document
    as_of: dt.date | None
    findings: tuple[Finding, ...] = ()
    facts: tuple[FactResult, ...] = ()
    claims: ClaimSet | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass(frozen=True, slots=True)
class Refusal:
    """An input that was not checked, and why (missing, too large, binary, undecodable...)."""

    path: str
    problem: str


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[DocumentReport, ...] = field(default_factory=tuple)
    refused: tuple[Refusal, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(d.count(severity) for d in self.documents)

    @property
    def worst(self) -> Severity | None:
        found = [f.severity for d in self.documents for f in d.findings]
        return max(found, key=lambda s: s.rank) if found else None
