"""Internal-tension checks: one module each, found by scanning this package.

A module becomes a check by defining `DETECTOR`; nothing else needs editing.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker.extract.vocab import CompiledVocabulary
from checker.model import ClaimSet, Document, FactResult, Finding, Location, Severity


@dataclass(frozen=True, slots=True)
class Context:
    """What every check may read: the document, its claims, the vocabularies, its date."""

    document: Document
    claims: ClaimSet
    vocab: CompiledVocabulary
    as_of: dt.date | None
    facts: tuple[FactResult, ...] = ()


@dataclass(frozen=True, slots=True)
class Detector:
    code: str
    name: str
    severity: Severity
    summary: str
    description: str
    fires: tuple[str, ...]  # texts on which the check must report
    quiet: tuple[str, ...]  # texts on which it must stay silent
    run: Callable[[Context], Iterable[Finding]]
    example_rules: str = ""  # rule text the examples are checked with, beside the defaults

    def finding(
        self,
        message: str,
        primary: Location,
        related: tuple[Location, ...] = (),
        *,
        severity: Severity | None = None,
        origin: str | None = None,
        about: str = "",
    ) -> Finding:
        """A finding of this check, at its own severity unless one is given. `about` names what it
        is about independently of wording and place, when the check knows (see checker.identity)."""
        return Finding(self.code, self.name, severity or self.severity, message, primary, related, origin, about)


@functools.cache
def all_detectors() -> tuple[Detector, ...]:
    """The checks run on each document, by code: every module here that defines DETECTOR.
    checker.catalogue.checks() adds the checks made around them, for the listings."""
    found = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        detector = getattr(module, "DETECTOR", None)
        if isinstance(detector, Detector):
            found.append(detector)
    return tuple(sorted(found, key=lambda d: d.code))
