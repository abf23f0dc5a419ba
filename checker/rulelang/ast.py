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


@dataclass(frozen=True, slots=True)
class EventNouns:
    nouns: tuple[Text, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class OrdinalDef:
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


Statement = (
    Include | AsOf | StatusDef | EventNouns | OrdinalDef | WordList | RoleCue | Synonyms | EntityFact | EventFact
)


@dataclass(frozen=True, slots=True)
class RuleFile:
    path: str
    statements: tuple[Statement, ...]
