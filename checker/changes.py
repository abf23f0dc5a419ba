"""What an edit changed: the findings it introduced, and the claims it changed.

Findings are matched by identity (checker.identity: check, quoted texts, fact), never by
line, so moving a paragraph introduces nothing. Claims are compared kind by kind over the
fields of the ClaimSet: each claim is reduced to a subject (what it is about) and a value
(what it says), and positions are left out. A kind without a view of its own here gets a
generic one, so new claim kinds are compared without editing this module.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace

from checker.claimlist import date_value
from checker.detectors import Detector
from checker.model import ClaimSet, Document, DocumentReport, Finding, Location, Severity, Span


@dataclass(frozen=True, slots=True)
class Claim:
    kind: str  # the ClaimSet field it comes from: events, roles, ...
    subject: str  # what the claim is about, as matched
    value: str
    location: Location
    shown: str = ""  # the subject as the text names it


@dataclass(frozen=True, slots=True)
class ClaimChange:
    kind: str
    subject: str
    old: Claim | None  # None: a claim the edit added
    new: Claim | None  # None: a claim the edit removed


@dataclass(frozen=True, slots=True)
class ClaimView:
    """How to read one kind of claim: its label, subject, value and the span to show."""

    label: str
    subject: Callable[[object], str | None]
    value: Callable[[object], str | None]  # None: the mention claims nothing (an event with no status)
    span: Callable[[object], Span] = lambda claim: claim.span
    shown: Callable[[object], str] | None = None  # the subject for people, if not the matched one


VIEWS: dict[str, ClaimView] = {
    "events": ClaimView(
        label="status",
        subject=lambda m: m.event_key or m.name,
        value=lambda m: m.status,
        span=lambda m: m.with_cue,
        shown=lambda m: m.name,
    ),
    "roles": ClaimView(label="role", subject=lambda m: m.holder, value=lambda m: m.role),
    "quantities": ClaimView(
        label="quantity",
        subject=lambda q: " ".join(sorted(q.context)) or q.unit,
        value=lambda q: _quantity_value(q),
    ),
    "dates": ClaimView(
        label="date",
        subject=lambda d: " ".join(sorted(d.context)) or None,
        value=date_value,
    ),
    "places": ClaimView(
        label="place",
        subject=lambda p: f"{p.predicate_class} of {p.anchor.subject}" if p.anchor and p.anchor.subject else None,
        value=lambda p: p.place,
    ),
    # Clauses and their polarity serve the negation check; they are no claim an editor reads.
    "statements": ClaimView(label="statement", subject=lambda s: None, value=lambda s: None),
}


def _number(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0")


def _quantity_value(q) -> str:
    if q.low == q.high:
        amount = _number(q.low)
    elif q.high == float("inf"):
        amount = f"at least {_number(q.low)}"
    elif q.low in (float("-inf"), 0.0) and q.bound == "upper-bound":
        amount = f"at most {_number(q.high)}"
    else:
        amount = f"{_number(q.low)} to {_number(q.high)}"
    unit = f" {q.unit}" if q.unit else ""
    per = f" per {q.per}" if q.per else ""
    return amount + unit + per


_SUBJECT_FIELDS = ("subject", "key", "event_key", "name", "holder", "unit")
_POSITIONAL = ("sentence", "index")


def _plain(value: object) -> object:
    """A claim's field with positions removed, comparable across versions."""
    if isinstance(value, Span):
        return None
    if is_dataclass(value):
        if hasattr(value, "key"):
            return value.key  # a speaker is who, not where
        return tuple((f.name, _plain(getattr(value, f.name))) for f in fields(value))
    if isinstance(value, frozenset | set):
        return tuple(sorted(map(str, value)))
    return value


def generic_view(kind: str) -> ClaimView:
    def subject(claim) -> str | None:
        for name in _SUBJECT_FIELDS:
            value = getattr(claim, name, None)
            if isinstance(value, str) and value:
                return value
        return None

    def value(claim) -> str:
        parts = [
            f"{f.name}={_plain(getattr(claim, f.name))}"
            for f in fields(claim)
            if f.name not in _POSITIONAL and _plain(getattr(claim, f.name)) is not None
        ]
        return ", ".join(parts)

    return ClaimView(label=kind.rstrip("s"), subject=lambda c: subject(c) or value(c), value=value)


def claims_of(document: Document, claims: ClaimSet) -> list[Claim]:
    found = []
    for field in fields(claims):
        items = getattr(claims, field.name)
        if field.name == "sentences" or not isinstance(items, tuple):
            continue
        view = VIEWS.get(field.name) or generic_view(field.name)
        for item in items:
            subject, value = view.subject(item), view.value(item)
            if subject is None or value is None:
                continue
            span = view.span(item)
            shown = view.shown(item) if view.shown else subject
            found.append(Claim(field.name, subject, value, Location(span, document.quote(span)), shown))
    return found


def changed_claims(old: DocumentReport, new: DocumentReport) -> tuple[ClaimChange, ...]:
    """Claims said differently, newly said, or no longer said; moved claims are not changes."""
    before = claims_of(old.document, old.claims) if old.claims else []
    after = claims_of(new.document, new.claims) if new.claims else []
    remaining = Counter((c.kind, c.subject, c.value) for c in before)
    added = []
    for claim in after:
        key = (claim.kind, claim.subject, claim.value)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            added.append(claim)
    removed = []
    for claim in before:
        key = (claim.kind, claim.subject, claim.value)
        if remaining[key] > 0:
            remaining[key] -= 1
            removed.append(claim)
    changes = []
    for claim in added:
        partner = next((r for r in removed if (r.kind, r.subject) == (claim.kind, claim.subject)), None)
        if partner is not None:
            removed.remove(partner)
        changes.append(ClaimChange(claim.kind, claim.subject, partner, claim))
    changes.extend(ClaimChange(r.kind, r.subject, r, None) for r in removed)
    return tuple(changes)


def introduced(old: DocumentReport, new: DocumentReport) -> tuple[Finding, ...]:
    from checker.identity import counted, not_in

    return not_in(new.findings, counted(old.findings))


def change_note(change: ClaimChange) -> Finding | None:
    """A claim the edit added or changed, as a note at its new place; removals have no place."""
    if change.new is None:
        return None
    label = (VIEWS.get(change.kind) or generic_view(change.kind)).label
    if change.old is None:
        message = f"new {label} claim: '{change.new.shown}' is {change.new.value}"
    else:
        message = (
            f"{label} of '{change.new.shown}' changed from {change.old.value} to {change.new.value} "
            f"(was “{' '.join(change.old.location.text.split())}”)"
        )
    return Finding(
        code=CLAIM_CHANGED.code,
        name=CLAIM_CHANGED.name,
        severity=CLAIM_CHANGED.severity,
        message=message,
        primary=change.new.location,
    )


def compare(old: DocumentReport, new: DocumentReport) -> DocumentReport:
    """The new version's report, keeping only the findings the edit introduced, plus its claim changes."""
    notes = [note for note in map(change_note, changed_claims(old, new)) if note is not None]
    findings = sorted((*introduced(old, new), *notes), key=lambda f: (f.primary.span.start, f.code))
    return replace(new, findings=tuple(findings))


def _never(context) -> tuple[Finding, ...]:
    return ()  # this check compares two versions; `compare` reports it


CLAIM_CHANGED = Detector(
    code="CC902",
    name="claim-changed",
    severity=Severity.NOTE,
    summary="An edit changed or added a claim (a status, a role), shown even when it is consistent.",
    description=(
        "Reported only when two versions are compared (`diff OLD NEW`, `audit --since REV`). Claims "
        "are compared by subject and value, never by position: a claim that moved is unchanged. A "
        "claim whose subject was already claimed with another value is 'changed', with the old "
        "wording quoted; a claim about a new subject is 'new'."
    ),
    fires=(
        "The third round has concluded. ⟶ The third round will begin on Monday.",
        "The delegation, led by Rustem Umerov, arrived. ⟶ The delegation, led by Andriy Yermak, arrived.",
    ),
    quiet=(
        "The third round has concluded. The weather was mild. ⟶ The weather was mild. The third round has concluded.",
        "The third round has concluded. ⟶ The third round has concluded, officials said on Friday.",
    ),
    run=_never,
)
