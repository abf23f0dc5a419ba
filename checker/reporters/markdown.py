"""A Markdown summary for a pull-request comment: counts, then each finding with its
quoted evidence, then the expected facts. Every piece of source text is escaped, so an
article cannot inject markup, links or HTML into the comment."""

from __future__ import annotations

from checker import escape as safe
from checker.model import DocumentReport, Report, Severity, Verdict
from checker.reporters._locate import Locator

_ICON = {Severity.ERROR: "🛑", Severity.WARNING: "⚠️", Severity.NOTE: "ℹ️"}
_VERDICT = {
    Verdict.SUPPORTED: "✅ supported",
    Verdict.CONTRADICTED: "❌ contradicted",
    Verdict.NOT_FOUND: "❔ not found",
}


escape = safe.markdown


def _counts(report_or_document) -> str:
    return ", ".join(
        f"{report_or_document.count(s)} {s.value}{'' if report_or_document.count(s) == 1 else 's'}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)
    )


def render(report: Report) -> str:
    verdict = "no findings" if not any(d.findings for d in report.documents) else _counts(report)
    lines = [f"## claim-checker: {verdict}", ""]
    for document_report in report.documents:
        lines.extend(_document(document_report))
    return "\n".join(lines).rstrip("\n") + "\n"


def _document(document_report: DocumentReport) -> list[str]:
    locator = Locator(document_report)
    path = document_report.document.path
    lines = [f"### {escape(path)}", "", _counts(document_report), ""]
    for finding in document_report.findings:
        where = locator.place(finding.primary)
        lines.append(
            f"- {_ICON[finding.severity]} **{finding.code}** {escape(finding.name)} "
            f"(line {where.line}, column {where.column}): {escape(finding.message)}"
        )
        for location in finding.locations:
            placed = locator.place(location)
            lines.append(f"  > line {placed.line}: “{escape(location.text)}”")
            lines.append("  >")
        lines.pop()
    if document_report.findings:
        lines.append("")
    if document_report.facts:
        lines.extend(["| verdict | expected fact | rule | evidence |", "|---|---|---|---|"])
        for fact in document_report.facts:
            evidence = "; ".join(
                f"line {locator.place(loc).line}: “{escape(loc.text)}”" for loc in fact.evidence
            ) or escape(fact.note)
            lines.append(
                f"| {_VERDICT[fact.verdict]} | {escape(f'{fact.subject}: {fact.kind} {fact.expected}')} "
                f"| {escape(fact.origin)} | {evidence} |"
            )
        lines.append("")
    return lines
