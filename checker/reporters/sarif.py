"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

Each result has its primary location with line/column and character offsets (columns and
offsets count Unicode code points: `columnKind` says so), the other sides of a tension as
related locations, linked from the message text (`[line 2, column 5](1)`: GitHub shows a
related location only when the message links to it), and a fingerprint of the finding's
identity (checker.identity: the check, the fact, what it is about; never a line or a path), so
a result keeps its identity when the text around it is edited, either side moves or the file
is renamed.

Paths are relative to the repository (the top of the git work tree the run is in, else the
current folder), named by `originalUriBaseIds["SRCROOT"]`; a document outside it keeps an
absolute file URI. Each rule carries its help, and links to its entry in the published
documentation (`helpUri`) when the installed distribution names where that is. Inputs that
were not checked are error notifications of the run's invocation.
"""

from __future__ import annotations

import json
import re

from checker._version import __version__
from checker.model import DocumentReport, Location, Report, Severity

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# The installed distribution's "Documentation" project URL names where docs/ is published; a
# SARIF consumer follows helpUri, so without a real address the rules carry their help as text only.
DOCS_URL_LABEL = "Documentation"
ROOT_ID = "SRCROOT"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
# Square brackets and backslashes are markup in SARIF message text (its embedded links).
_MESSAGE_MARKUP = re.compile(r"([\\\[\]])")


def docs_url() -> str | None:
    """Where docs/ is published, from the distribution's metadata, or None when it names none."""
    from importlib import metadata

    try:
        urls = metadata.metadata("claim-checker").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip() == DOCS_URL_LABEL and url.strip().startswith(("https://", "http://")):
            return url.strip().rstrip("/")
    return None


def help_uri(rule, docs: str) -> str:
    """The rule's entry in docs/checks.md: its heading "CODE name", as GitHub makes anchors."""
    return f"{docs}/checks.md#{rule.code.lower()}-{rule.name}"


def render(report: Report) -> str:
    from checker import worktree
    from checker.catalogue import checks

    base = worktree.root()
    docs = docs_url()
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
                        **({"informationUri": f"{docs}/checks.md"} if docs else {}),
                        "rules": [_rule(rule, docs) for rule in rules],
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


def _rule(rule, docs: str | None) -> dict:
    link = help_uri(rule, docs) if docs else None
    explain = f"`claim-checker explain {rule.code}` prints this with examples"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        **({"helpUri": link} if link else {}),
        "help": {
            "text": f"{rule.summary}\n\n{rule.description}\n\nclaim-checker explain {rule.code}"
            + (f"\n{link}" if link else ""),
            "markdown": f"{rule.summary}\n\n{rule.description}\n\n{explain}"
            + (f"; [documentation]({link})." if link else "."),
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
