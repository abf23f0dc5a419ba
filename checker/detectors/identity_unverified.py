"""CC108 identity-unverified: a role's holder named two ways that no rule file links."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.detectors._common import pairs_across_sentences, quote
from checker.model import Finding, RoleMention, Severity


def _entity_for_name(context: Context, holder: str):
    lowered = holder.lower()
    for entity in context.vocab.ruleset.entities:
        names = [entity.name.value.lower(), *(a.value.lower() for a in entity.aliases)]
        if any(name in lowered for name in names):
            return entity
    return None


def _entities_for_description(context: Context, description: RoleMention) -> list:
    """Entities with a role whose words the description carries ('the Secretary of the NSDC')."""
    words = context.vocab.content_words(description.holder.lower().split())
    return [
        entity
        for entity in context.vocab.ruleset.entities
        for role in entity.roles
        if (role_words := context.vocab.phrase_content(role.title.value)) and role_words <= words
    ]


def run(context: Context) -> Iterator[Finding]:
    mentions = [m for m in context.claims.roles if m.unique and not m.former and m.role_words]
    for first, second in pairs_across_sentences(mentions):
        if first.role_words != second.role_words:
            continue
        named = [m for m in (first, second) if m.named]
        described = [m for m in (first, second) if not m.named]
        if len(named) != 1 or len(described) != 1:
            continue
        person, description = named[0], described[0]
        entity = _entity_for_name(context, person.holder)
        linked = _entities_for_description(context, description)
        if entity is not None and entity in linked:
            continue  # the rule files say who holds the described role: verified, not a finding
        if linked and entity is not None:
            severity = Severity.ERROR
            message = (
                f"'{first.role}' is held by {person.holder} and by {description.holder}, which the rule "
                f"files give to {linked[0].name.value}"
            )
        else:
            severity = DETECTOR.severity
            message = (
                f"'{first.role}' is held by {person.holder} and by {description.holder}: no rule file says "
                "they are the same person"
            )
        yield DETECTOR.finding(
            message,
            quote(context, first.span),
            (quote(context, second.span),),
            severity=severity,
        )


DETECTOR = Detector(
    code="CC108",
    name="identity-unverified",
    severity=Severity.NOTE,
    summary="One role's holder is named in two ways (a name, a description) that no rule file links.",
    description=(
        "'Ukrainian representatives, led by Rustem Umerov' and 'the Ukrainian delegation, led by the "
        "Secretary of the National Security and Defense Council' give one role two holders. If a rule "
        "file gives the entity both roles, the identity is verified and nothing is reported; if it gives "
        "the described role to someone else, the finding is an error; otherwise it is a note asking for "
        "the link."
    ),
    fires=(
        "The delegation, led by Rustem Umerov, arrived. Later the delegation, led by the secretary of the "
        "security council, met the mediators.",
    ),
    quiet=(
        "The delegation, led by Rustem Umerov, arrived. Later the delegation, led by Rustem Umerov, met the mediators.",
        "The delegation, led by Rustem Umerov, arrived. The other delegation, led by the secretary of the "
        "security council, met the mediators.",
    ),
    run=run,
)
