"""JUnit XML for CI test views, valid against the common junit-10 schema (Jenkins' xunit
plugin; tests/data/junit-10.xsd holds its constraints): one test suite per document, and in it
one test case per finding and one per expected fact.

A finding's case fails at warning or above and passes at note (its text in system-out); a
document with no findings of its own has one passing case, so it shows as checked. A fact's
case fails when the fact is contradicted, is skipped when it is not found, and passes when it
is supported; the fact's CC001 finding is reported by the fact's case, not twice. An input
that was not checked is a suite with one errored case.
"""

from __future__ import annotations

from checker.escape import terminal, xml
from checker.model import DocumentReport, Finding, Report, Severity, Verdict
from checker.reporters._locate import Locator

_FACT_CODE = "CC001"
_COUNTS = ("tests", "failures", "errors", "skipped")


def _clean(text: str) -> str:
    return xml(text)


def render(report: Report) -> str:
    import xml.etree.ElementTree as ET

    suites = ET.Element("testsuites", name="claim-checker")
    built = [_suite(ET, d) for d in report.documents] + [_refused(ET, r.path, r.problem) for r in report.refused]
    suites.extend(built)
    # The schema allows tests, failures and errors on <testsuites>, and no `skipped`.
    for name in ("tests", "failures", "errors"):
        suites.set(name, str(sum(int(suite.get(name)) for suite in built)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _suite(ET, document_report: DocumentReport):
    locator = Locator(document_report)
    path = _clean(terminal(document_report.document.path))
    suite = ET.Element("testsuite", name=path, file=path)
    counts = dict.fromkeys(_COUNTS, 0)

    def case(name: str):
        counts["tests"] += 1
        return ET.SubElement(suite, "testcase", classname=path, name=_clean(name))

    def where(location) -> str:
        placed = locator.place(location)
        return f"{path}:{placed.line}:{placed.column}"

    own = [f for f in document_report.findings if f.code != _FACT_CODE]
    for finding in own:
        test = case(f"{finding.code} {finding.name} at {where(finding.primary)}")
        detail = _describe(finding, where)
        if finding.severity.rank >= Severity.WARNING.rank:
            counts["failures"] += 1
            failure = ET.SubElement(test, "failure", type=finding.code, message=_clean(finding.message))
            failure.text = detail
        else:
            ET.SubElement(test, "system-out").text = detail
    if not own:
        case("internal consistency")

    for fact in document_report.facts:
        test = case(f"{fact.subject}: {fact.kind} {fact.expected}")
        evidence = "\n".join(f"  {where(loc)} “{loc.text}”" for loc in fact.evidence)
        note = f"; {fact.note}" if fact.note else ""
        detail = _clean(f"{fact.origin}: expected {fact.kind} {fact.expected}{note}\n{evidence}".rstrip())
        if fact.verdict is Verdict.CONTRADICTED:
            counts["failures"] += 1
            failure = ET.SubElement(test, "failure", type=_FACT_CODE, message=_clean(fact.message or fact.note))
            failure.text = detail
        elif fact.verdict is Verdict.NOT_FOUND:
            counts["skipped"] += 1
            ET.SubElement(test, "skipped", message=_clean(fact.note or "not found"))
        else:
            ET.SubElement(test, "system-out").text = detail
    for name, value in counts.items():
        suite.set(name, str(value))
    return suite


def _describe(finding: Finding, where) -> str:
    lines = [f"{finding.code} {finding.name} ({finding.severity.value}): {finding.message}"]
    lines.extend(f"  {where(location)} “{location.text}”" for location in finding.locations)
    if finding.origin:
        lines.append(f"  rule: {finding.origin}")
    return _clean("\n".join(lines))


def _refused(ET, path: str, problem: str):
    shown = _clean(terminal(path))
    suite = ET.Element("testsuite", name=shown, file=shown, tests="1", failures="0", errors="1", skipped="0")
    test = ET.SubElement(suite, "testcase", classname=shown, name="read the input")
    ET.SubElement(test, "error", type="not-checked", message=_clean(problem)).text = _clean(
        terminal(f"{path}: {problem}")
    )
    return suite
