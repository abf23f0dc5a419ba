"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

Each result has its primary location with line/column and character offsets (columns and
offsets count Unicode code points: `columnKind` says so), the other sides of a tension as
related locations, linked from the message text (`[line 2, column 5](1)`: GitHub shows a
related location only when the message links to it), and a fingerprint built from the check
and the quoted texts, so a result keeps its identity when lines above it are edited.

Paths are relative to the repository (the top of the git work tree the run is in, else the
current folder), named by `originalUriBaseIds["SRCROOT"]`; a document outside it keeps an
absolute file URI. Each rule links to its entry in the documentation (`helpUri`). Inputs that
were not checked are error notifications of the run's invocation.
"""

from __future__ import annotations

import json
import re

from checker._version import __version__
from checker.model import DocumentReport, Location, Report, Severity

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Where the documentation of the checks is published: docs/checks.md of the project's repository.
CHECKS_DOCS_URI = "https://github.com/OWNER/claim-checker/blob/main/docs/checks.md"
ROOT_ID = "SRCROOT"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
# Square brackets and backslashes are markup in SARIF message text (its embedded links).
_MESSAGE_MARKUP = re.compile(r"([\\\[\]])")


def help_uri(rule) -> str:
    """The rule's entry in docs/checks.md: its heading "CODE name", as GitHub makes anchors."""
    return f"{CHECKS_DOCS_URI}#{rule.code.lower()}-{rule.name}"


def render(report: Report) -> str:
    from checker import worktree
    from checker.catalogue import checks

    base = worktree.root()
    rules = checks()
    index = {rule.code: i for i, rule in enumerate(rules)}

    def artifact(path: str) -> dict:
        inside = worktree.relative(path, base)
        if inside is None:
            return {"uri": _uri(path)}
        return {"uri": _uri(str(inside)), "uriBaseId": ROOT_ID}

    artifacts = [{"location": artifact(d.document.path), "length": len(d.document.text)} for d in report.documents]
    results = [
        result
        for number, document in enumerate(report.documents)
        for result in _results(document, artifact(document.document.path), number, index)
    ]
    invocation = {
        "executionSuccessful": not report.refused,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": f"not checked: {refusal.problem}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(refusal.path)}}],
            }
            for refusal in report.refused
        ],
    }
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
                        "informationUri": CHECKS_DOCS_URI,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                "originalUriBaseIds": {ROOT_ID: {"uri": base.as_uri().rstrip("/") + "/"}},
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
    link = help_uri(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "helpUri": link,
        "help": {
            "text": f"{rule.summary}\n\n{rule.description}\n\nclaim-checker explain {rule.code}\n{link}",
            "markdown": f"{rule.summary}\n\n{rule.description}\n\n"
            f"`claim-checker explain {rule.code}` prints this with examples; [documentation]({link}).",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def message_text(text: str) -> str:
    """Plain text as SARIF message text: its brackets and backslashes escaped, so that only the
    links this reporter writes read as links."""
    return _MESSAGE_MARKUP.sub(r"\\\1", text)


def _results(document_report: DocumentReport, location_of_file: dict, artifact: int, index: dict[str, int]):
    from checker.identity import FINGERPRINT_NAME, fingerprint, keyed
    from checker.positions import LineIndex

    lines = LineIndex(document_report.document.text)

    def physical(location: Location) -> dict:
        line, column = lines.line_col(location.span.start)
        end_line, end_column = lines.line_col(location.span.end)
        return {
            "artifactLocation": {**location_of_file, "index": artifact},
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
        text = message_text(finding.message)
        if finding.related:
            places = enumerate((lines.line_col(loc.span.start) for loc in finding.related), start=1)
            links = ", ".join(f"[line {line}, column {column}]({i})" for i, (line, column) in places)
            text += f" (also at {links})"
        result = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": physical(finding.primary)}],
            "partialFingerprints": {FINGERPRINT_NAME: fingerprint(key, occurrence)},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if finding.related:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": physical(loc), "message": {"text": f"“{loc.text}”"}}
                for i, loc in enumerate(finding.related, start=1)
            ]
        if finding.origin:
            result["properties"] = {"origin": finding.origin}
        yield result
