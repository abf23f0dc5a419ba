"""Frozen statements of a rule file, each remembering where it was written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Origin:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Text:
    """A quoted string and where it stands."""

    value: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Name:
    value: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Include:
    target: Text
    origin: Origin


@dataclass(frozen=True, slots=True)
class AsOf:
    date: dt.date
    origin: Origin


@dataclass(frozen=True, slots=True)
class StatusDef:
    name: Name
    compatible: tuple[Name, ...]
    before: tuple[Text, ...]
    after: tuple[Text, ...]
    origin: Origin
    time: Name | None = None


@dataclass(frozen=True, slots=True)
class EventNouns:
    nouns: tuple[Text, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class ValueDef:
    """Words with a value: an ordinal, a number, a month or a weekday."""

    kind: str
    value: int
    words: tuple[Text, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class WordList:
    name: Name
    words: tuple[Text, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class RoleCue:
    cues: tuple[Text, ...]
    means: Text
    origin: Origin


@dataclass(frozen=True, slots=True)
class Synonyms:
    words: tuple[Text, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Predicates:
    words: tuple[Text, ...]
    origin: Origin
    opposite: tuple[Text, ...] = ()  # the lemmas of the class that says the contrary


@dataclass(frozen=True, slots=True)
class RoleFact:
    title: Text
    aliases: tuple[Text, ...]
    since: dt.date | None
    until: dt.date | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class EntityFact:
    name: Text
    aliases: tuple[Text, ...]
    roles: tuple[RoleFact, ...]
    severity: str | None
    message: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class EventFact:
    name: Text
    aliases: tuple[Text, ...]
    place: Text | None
    status: Name | None
    severity: str | None
    message: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a stated quantity must compare: equal, at least, at most, or between."""

    op: str
    low: float
    high: float

    def describe(self) -> str:
        def show(x: float) -> str:
            return f"{x:,.0f}" if x == int(x) else f"{x:,}"

        if self.op == "between":
            return f"between {show(self.low)} and {show(self.high)}"
        if self.op == "at least":
            return f"at least {show(self.low)}"
        if self.op == "at most":
            return f"at most {show(self.high)}"
        return show(self.low)


@dataclass(frozen=True, slots=True)
class QuantityFact:
    name: Text
    mentions: tuple[Text, ...]
    comparison: Comparison | None
    unit: Text | None
    per: Text | None
    severity: str | None
    message: str | None
    origin: Origin
    value_origin: Origin | None


@dataclass(frozen=True, slots=True)
class DateFact:
    name: Text
    mentions: tuple[Text, ...]
    relation: str | None  # on, before, after, by, between
    start: dt.date | None
    end: dt.date | None
    severity: str | None
    message: str | None
    origin: Origin
    value_origin: Origin | None


Statement = (
    Include
    | AsOf
    | StatusDef
    | EventNouns
    | ValueDef
    | WordList
    | RoleCue
    | Synonyms
    | Predicates
    | EntityFact
    | EventFact
    | QuantityFact
    | DateFact
)


@dataclass(frozen=True, slots=True)
class RuleFile:
    path: str
    statements: tuple[Statement, ...]
