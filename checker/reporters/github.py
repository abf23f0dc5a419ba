"""GitHub Actions workflow commands: one annotation per finding on the changed file, and an
error annotation per input that was not checked. Paths are relative to the repository's top
(the git work tree the run is in), which is what GitHub resolves them against.

`::error file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message`. The message escapes
`%`, CR and LF; properties also escape `:` and `,`, which would end them early.
"""

from __future__ import annotations

from checker import escape
from checker.model import Location, Report, Severity, Span
from checker.reporters._locate import Locator

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


escape_data = escape.workflow_data
escape_property = escape.workflow_property


def render(report: Report) -> str:
    from checker import worktree

    base = worktree.root()

    def shown(path: str) -> str:
        """GitHub places an annotation by its path from the repository's top."""
        inside = worktree.relative(path, base)
        return str(inside) if inside is not None else path

    lines = []
    for document_report in report.documents:
        locator = Locator(document_report)
        path = shown(document_report.document.path)
        for finding in document_report.findings:
            start = locator.place(finding.primary)
            end_line, end_column = _last_character(locator, finding.primary)
            message = finding.message
            for other in finding.related:
                placed = locator.place(other)
                message += f"\nalso at line {placed.line} column {placed.column}: “{other.text}”"
            properties = {
                "file": path,
                "line": start.line,
                "col": start.column,
                "endLine": end_line,
                "endColumn": end_column,
                "title": f"{finding.code} {finding.name}",
            }
            rendered = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
            lines.append(f"::{_COMMAND[finding.severity]} {rendered}::{escape_data(message)}")
    for refusal in report.refused:
        where = f"file={escape_property(shown(refusal.path))},title={escape_property('not checked')}"
        lines.append(f"::error {where}::{escape_data(f'{refusal.path}: not checked: {refusal.problem}')}")
    counts = ", ".join(f"{report.count(s)} {s.value}(s)" for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE))
    refused = f", {len(report.refused)} not checked" if report.refused else ""
    lines.append(f"claim-checker: {len(report.documents)} document(s), {counts}{refused}")
    return "\n".join(lines) + "\n"


def _last_character(locator: Locator, location: Location) -> tuple[int, int]:
    """Line and column of the span's last character: GitHub's endColumn is inclusive, ours is not."""
    span = location.span
    last = Span(max(span.start, span.end - 1), max(span.start, span.end - 1))
    placed = locator.place(Location(last, ""))
    return placed.line, placed.column
