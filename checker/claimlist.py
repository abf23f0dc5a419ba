"""Every extracted claim of a document as a plain row, so a user can see why a check
fired or did not: `claim-checker claims ARTICLE`."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from checker.model import (
    DateClaim,
    DocumentReport,
    EventMention,
    PlaceClaim,
    QuantityClaim,
    RoleMention,
    Span,
    Statement,
)
from checker.positions import LineIndex


@dataclass(frozen=True, slots=True)
class ClaimRow:
    kind: str
    span: Span
    line: int
    column: int
    text: str
    details: dict[str, object]


def rows(report: DocumentReport) -> list[ClaimRow]:
    claims = report.claims
    if claims is None:
        return []
    document = report.document
    index = LineIndex(document.text)
    found: list[ClaimRow] = []
    groups = (
        ("event", claims.events, _event),
        ("role", claims.roles, _role),
        ("quantity", claims.quantities, _quantity),
        ("date", claims.dates, _date),
        ("negation", [s for s in claims.statements if s.negated], _negation),
        ("place", claims.places, _place),
    )
    for kind, items, describe in groups:
        for item in items:
            line, column = index.line_col(item.span.start)
            text = document.text[item.span.start : item.span.end]
            found.append(ClaimRow(kind, item.span, line, column, text, describe(item, document.text)))
    found.sort(key=lambda row: (row.span.start, row.kind))
    return found


def _speaker(claim) -> str:
    return claim.speaker.name if claim.speaker else "author"


def _event(m: EventMention, text: str) -> dict[str, object]:
    cue = text[m.status_cue.start : m.status_cue.end] if m.status_cue else None
    return {"event": m.event_key, "status": m.status, "cue": cue, "qualifier": m.qualifier, "speaker": _speaker(m)}


def _role(m: RoleMention, text: str) -> dict[str, object]:
    return {"holder": m.holder, "role": m.role, "unique": m.unique, "former": m.former, "speaker": _speaker(m)}


def _number(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.0f}" if x == int(x) else f"{x:,.4g}"


def _quantity(q: QuantityClaim, text: str) -> dict[str, object]:
    return {
        "value": f"{_number(q.low)}" if q.low == q.high else f"{_number(q.low)} to {_number(q.high)}",
        "unit": q.unit,
        "per": q.per,
        "bound": q.bound,
        "modality": q.modality,
        "negated": q.negated,
        "about": sorted(q.context),
        "speaker": _speaker(q),
    }


def _day(day: dt.date, year_known: bool) -> str:
    """ISO 8601, or without a year where the text gave none ('--11-30', as ISO 8601:2000 wrote
    it): the year the extractor used in its place is no claim of the text."""
    return day.isoformat() if year_known else f"--{day:%m-%d}"


def date_value(d: DateClaim) -> str | None:
    """The day or the range a date claim says ('--08-31' when the text gave no year); None
    when it was not resolved to days."""
    if d.start is None or d.end is None:
        return None
    first, last = _day(d.start, d.year_known), _day(d.end, d.year_known)
    return first if first == last else f"{first} to {last}"


def _date(d: DateClaim, text: str) -> dict[str, object]:
    value = date_value(d)
    return {
        "value": "unresolved" if value is None and d.granularity == "relative" else value,
        "granularity": d.granularity,
        "year_known": d.year_known,
        "tense": d.tense,
        "deadline": d.deadline,
        "weekday": d.weekday,
        "about": sorted(d.context),
        "speaker": _speaker(d),
    }


def _negation(s: Statement, text: str) -> dict[str, object]:
    negation = text[s.negation.start : s.negation.end] if s.negation else None
    return {"negated by": negation, "about": sorted(s.words), "speaker": _speaker(s)}


def _place(p: PlaceClaim, text: str) -> dict[str, object]:
    return {
        "place": p.place,
        "named with": sorted(p.names - {p.place}),
        "event": p.predicate,
        "of": p.anchor.subject if p.anchor else None,
        "speaker": _speaker(p),
    }


def claims_data(listed: list[tuple[DocumentReport, list[ClaimRow]]]) -> dict:
    """The claims as `claim-checker claims --format json` writes them: each document with its rows."""
    from checker.escape import name

    documents = [
        {
            "path": name(d.document.path),
            "as_of": d.as_of.isoformat() if d.as_of else None,
            "claims": [
                {
                    "kind": row.kind,
                    "start": row.span.start,
                    "end": row.span.end,
                    "line": row.line,
                    "column": row.column,
                    "text": row.text,
                    "details": row.details,
                }
                for row in found
            ],
        }
        for d, found in listed
    ]
    return {"version": 1, "documents": documents}
