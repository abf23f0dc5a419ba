"""A document's report moved from prose offsets to the exact characters of its source file.

The analysis reads `document.prose`; editors open `document.text`. Every Span in a
report (sentences, claims, findings, fact evidence) is translated here, once, at
the end of the pipeline, and every Location's text becomes the source text it now
points at. The walk is generic over the frozen records of checker.model, so a
new claim kind needs no change here.
"""

from __future__ import annotations

import functools
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

from checker.model import Document, DocumentReport, Location, Span

T = TypeVar("T")


def to_source(report: DocumentReport) -> DocumentReport:
    document = report.document
    return replace(
        report,
        findings=_moved(report.findings, document),
        facts=_moved(report.facts, document),
        # without an offset map prose offsets are source offsets: the claims (many) stay as they are
        claims=report.claims if document.offsets is None else _moved(report.claims, document),
    )


def _moved(value: T, document: Document) -> T:
    if isinstance(value, Span):
        return document.to_source(value)  # type: ignore[return-value]
    if isinstance(value, Location):
        span = document.to_source(value.span)
        return Location(span, document.text[span.start : span.end])  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_moved(item, document) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type | Document):
        changes = {}
        for name in _field_names(type(value)):
            old = getattr(value, name)
            new = _moved(old, document)
            if new is not old:
                changes[name] = new
        return replace(value, **changes) if changes else value
    return value


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
