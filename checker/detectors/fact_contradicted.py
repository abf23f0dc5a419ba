"""CC001 fact-contradicted: the text disagrees with an expected fact of a rule file."""

from __future__ import annotations

from collections.abc import Iterator

from checker.detectors import Context, Detector
from checker.model import Finding, Severity, Verdict


def run(context: Context) -> Iterator[Finding]:
    for fact in context.facts:
        if fact.verdict is not Verdict.CONTRADICTED or not fact.evidence:
            continue
        yield DETECTOR.finding(
            fact.message or f"expected {fact.kind} of '{fact.subject}': {fact.expected}; {fact.note}",
            fact.evidence[0],
            fact.evidence[1:],
            severity=fact.severity,
            origin=fact.origin,
            # the fact and how the text contradicts it: a sentence that agrees, added or moved, is no new finding
            about=f"{fact.subject}: {fact.kind}: {fact.note}",
        )


DETECTOR = Detector(
    code="CC001",
    name="fact-contradicted",
    severity=Severity.ERROR,
    summary="The text contradicts an expected fact stated in a rule file (a status, a role).",
    description=(
        "Every expected fact of the rule files is verified against the document: supported, "
        "contradicted or not found, with the sentences that show it (the facts table of the "
        "report). A contradicted fact is also a finding, at the severity and with the message the "
        "fact declares, or as an error."
    ),
    fires=(
        "The third round of talks was cancelled on Friday.",
        "The delegation, led by Andriy Yermak, arrived in Istanbul.",
    ),
    quiet=(
        "The third round of talks has concluded in Istanbul.",
        "The delegation, led by Rustem Umerov, arrived in Istanbul.",
        "The weather in Istanbul was mild.",
    ),
    run=run,
    example_rules="""
        event "third round" { alias "third round of talks" status concluded }
        entity "Rustem Umerov" { alias "Umerov" role "head of the delegation" }
    """,
)
