"""JUnit XML for CI test views: one test case per document (its internal consistency) and
one per expected fact (supported passes, contradicted fails, not found is skipped).

A document's case fails on findings at warning or above that are not facts' (facts have
their own cases); notes go to its system-out.
"""

from __future__ import annotations

from checker.escape import terminal, xml
from checker.model import DocumentReport, Report, Severity, Verdict
from checker.reporters._locate import Locator

_FACT_CODE = "CC001"


def _clean(text: str) -> str:
    return xml(text)


def render(report: Report) -> str:
    import xml.etree.ElementTree as ET

    suites = ET.Element("testsuites", name="claim-checker")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for document_report in report.documents:
        suite = _suite(ET, document_report)
        suites.append(suite)
        for name in totals:
            totals[name] += int(suite.get(name, "0"))
    for name, value in totals.items():
        suites.set(name, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _suite(ET, document_report: DocumentReport):
    locator = Locator(document_report)
    path = _clean(terminal(document_report.document.path))
    suite = ET.Element("testsuite", name=path, errors="0")
    failures = skipped = 0

    def describe(finding) -> str:
        lines = [f"{finding.code} {finding.name} ({finding.severity.value}): {finding.message}"]
        for location in finding.locations:
            placed = locator.place(location)
            lines.append(f"  {path}:{placed.line}:{placed.column} “{location.text}”")
        return _clean("\n".join(lines))

    own = [f for f in document_report.findings if f.code != _FACT_CODE]
    case = ET.SubElement(suite, "testcase", classname="claim-checker.document", name=f"{path}: consistency")
    failing = [f for f in own if f.severity.rank >= Severity.WARNING.rank]
    if failing:
        failures += 1
        failure = ET.SubElement(case, "failure", type=failing[0].code, message=_clean(failing[0].message))
        failure.text = "\n\n".join(describe(f) for f in failing)
    notes = [f for f in own if f.severity is Severity.NOTE]
    if notes:
        ET.SubElement(case, "system-out").text = "\n\n".join(describe(f) for f in notes)

    for fact in document_report.facts:
        name = _clean(f"{fact.subject}: {fact.kind} {fact.expected}")
        case = ET.SubElement(suite, "testcase", classname="claim-checker.fact", name=name)
        evidence = "\n".join(
            f"  {path}:{locator.place(loc).line}:{locator.place(loc).column} “{loc.text}”" for loc in fact.evidence
        )
        note = f"; {fact.note}" if fact.note else ""
        detail = _clean(f"{fact.origin}: expected {fact.kind} {fact.expected}{note}\n{evidence}".rstrip())
        if fact.verdict is Verdict.CONTRADICTED:
            failures += 1
            failure = ET.SubElement(case, "failure", type=_FACT_CODE, message=_clean(fact.message or fact.note))
            failure.text = detail
        elif fact.verdict is Verdict.NOT_FOUND:
            skipped += 1
            ET.SubElement(case, "skipped", message=_clean(fact.note or "not found"))
        else:
            ET.SubElement(case, "system-out").text = detail
    suite.set("tests", str(1 + len(document_report.facts)))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    return suite
