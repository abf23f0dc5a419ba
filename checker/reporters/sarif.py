"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

Each result has its primary location with line/column and character offsets (columns and
offsets count Unicode code points: `columnKind` says so), the other sides of a tension as
related locations, and a fingerprint built from the check and the quoted texts, so a result
keeps its identity when lines above it are edited.
"""

from __future__ import annotations

import json

from checker._version import __version__
from checker.model import DocumentReport, Location, Report, Severity

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}


def render(report: Report) -> str:
    from checker.catalogue import checks

    rules = checks()
    index = {rule.code: i for i, rule in enumerate(rules)}
    artifacts = [{"location": {"uri": _uri(d.document.path)}, "length": len(d.document.text)} for d in report.documents]
    results = [
        result for number, document in enumerate(report.documents) for result in _results(document, number, index)
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claim-checker",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _uri(path: str) -> str:
    from checker.reporters._uri import uri

    return uri(path)


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.summary}\n\n{rule.description}\n\nclaim-checker explain {rule.code}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _results(document_report: DocumentReport, artifact: int, index: dict[str, int]):
    from checker.identity import FINGERPRINT_NAME, fingerprint, keyed
    from checker.positions import LineIndex

    lines = LineIndex(document_report.document.text)
    path = document_report.document.path

    def physical(location: Location) -> dict:
        line, column = lines.line_col(location.span.start)
        end_line, end_column = lines.line_col(location.span.end)
        return {
            "artifactLocation": {"uri": _uri(path), "index": artifact},
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "charOffset": location.span.start,
                "charLength": location.span.end - location.span.start,
                "snippet": {"text": location.text},
            },
        }

    for key, occurrence, finding in keyed(document_report.findings):
        result = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": physical(finding.primary)}],
            "partialFingerprints": {FINGERPRINT_NAME: fingerprint(key, occurrence)},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.related:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": physical(loc), "message": {"text": "the other side, or more evidence"}}
                for i, loc in enumerate(finding.related, start=1)
            ]
        if finding.origin:
            result["properties"] = {"origin": finding.origin}
        yield result
