"""The JSON report as plain data: what the json reporter writes.

Its shape is the pydantic model in _json_model (which `claim-checker schema` prints);
tests validate this data against that model, so the two cannot drift apart. The
reporter itself needs no pydantic, which keeps a JSON run's start-up light.
"""

from __future__ import annotations

from checker import __version__
from checker.escape import name
from checker.model import DocumentReport, Location, Report, Severity
from checker.reporters._locate import Locator

REPORT_FORMAT_VERSION = 1


def report_data(report: Report) -> dict:
    return {
        "version": REPORT_FORMAT_VERSION,
        "tool": "claim-checker",
        "tool_version": __version__,
        "documents": [_document(d) for d in report.documents],
        "refused": [{"path": name(r.path), "problem": name(r.problem)} for r in report.refused],
        "summary": {
            "error": report.count(Severity.ERROR),
            "warning": report.count(Severity.WARNING),
            "note": report.count(Severity.NOTE),
            "documents": len(report.documents),
            "refused": len(report.refused),
        },
    }


def _document(document_report: DocumentReport) -> dict:
    locator = Locator(document_report)

    def location(loc: Location) -> dict:
        placed = locator.place(loc)
        return {
            "start": placed.start,
            "end": placed.end,
            "line": placed.line,
            "column": placed.column,
            "end_line": placed.end_line,
            "end_column": placed.end_column,
            "text": placed.text,
        }

    return {
        "path": name(document_report.document.path),
        "format": document_report.document.format,
        "as_of": document_report.as_of.isoformat() if document_report.as_of else None,
        "findings": [
            {
                "code": f.code,
                "name": f.name,
                "severity": f.severity.value,
                "message": f.message,
                "origin": f.origin,
                "locations": [location(loc) for loc in f.locations],
            }
            for f in document_report.findings
        ],
        "facts": [
            {
                "subject": fact.subject,
                "kind": fact.kind,
                "expected": fact.expected,
                "verdict": fact.verdict.value,
                "origin": fact.origin,
                "note": fact.note,
                "evidence": [location(loc) for loc in fact.evidence],
            }
            for fact in document_report.facts
        ],
    }
