"""Frozen statements of a rule file, each remembering where it was written."""

from __future__ import annotations

import datetime as dt

from checker.record import record


@record
class Origin:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@record
class Text:
    """A quoted string and where it stands."""

    value: str
    origin: Origin


@record
class Name:
    value: str
    origin: Origin


@record
class Include:
    target: Text
    origin: Origin


@record
class AsOf:
    date: dt.date
    origin: Origin


@record
class StatusDef:
    name: Name
    compatible: tuple[Name, ...]
    before: tuple[Text, ...]
    after: tuple[Text, ...]
    origin: Origin
    time: Name | None = None


@record
class EventNouns:
    nouns: tuple[Text, ...]
    origin: Origin


@record
class ValueDef:
    """Words with a value: an ordinal, a number, a month or a weekday."""

    kind: str
    value: int
    words: tuple[Text, ...]
    origin: Origin


@record
class WordList:
    name: Name
    words: tuple[Text, ...]
    origin: Origin


@record
class RoleCue:
    cues: tuple[Text, ...]
    means: Text
    origin: Origin


@record
class Synonyms:
    words: tuple[Text, ...]
    origin: Origin


@record
class Predicates:
    words: tuple[Text, ...]
    origin: Origin


@record
class RoleFact:
    title: Text
    aliases: tuple[Text, ...]
    since: dt.date | None
    until: dt.date | None
    origin: Origin


@record
class EntityFact:
    name: Text
    aliases: tuple[Text, ...]
    roles: tuple[RoleFact, ...]
    severity: str | None
    message: str | None
    origin: Origin


@record
class EventFact:
    name: Text
    aliases: tuple[Text, ...]
    place: Text | None
    status: Name | None
    severity: str | None
    message: str | None
    origin: Origin


@record
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


@record
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


@record
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


@record
class RuleFile:
    path: str
    statements: tuple[Statement, ...]
