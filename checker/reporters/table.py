"""A readable terminal report: a header per document, a findings table, a facts table."""

from __future__ import annotations

from checker.escape import lines as visible
from checker.grid import table
from checker.model import DocumentReport, Report, Severity
from checker.reporters._locate import Locator

_WRAP = {"message": 48, "evidence": 56}


def render(report: Report) -> str:
    parts = [_document(d) for d in report.documents]
    if report.refused:
        listed = "".join(f"  {visible(r.path)}: {visible(r.problem)}\n" for r in report.refused)
        parts.append(f"Not checked:\n{listed}")
    total = _counts(report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.NOTE))
    if len(report.documents) != 1 or report.refused:
        documents = f"{len(report.documents)} document{'' if len(report.documents) == 1 else 's'}"
        refused = f"; {len(report.refused)} not checked" if report.refused else ""
        parts.append(f"Total: {documents}, {total}{refused}\n")
    return "\n".join(parts)


def _counts(errors: int, warnings: int, notes: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return ", ".join((plural(errors, "error"), plural(warnings, "warning"), plural(notes, "note")))


def _document(document_report: DocumentReport) -> str:
    locator = Locator(document_report)
    document = document_report.document
    as_of = document_report.as_of.isoformat() if document_report.as_of else "none"
    counts = _counts(*(document_report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)))
    lines = [f"{visible(document.path)}  (reference date: {as_of})  {counts}"]
    if document_report.findings:
        rows = []
        for finding in document_report.findings:
            placed = [locator.place(loc) for loc in finding.locations]
            evidence = "\n".join(f"{p.where} “{visible(p.text)}”" for p in placed)
            rows.append((finding.code, finding.severity.value, placed[0].where, visible(finding.message), evidence))
        lines.append(
            table(
                ("code", "severity", "line:col", "message", "evidence"),
                rows,
                max_widths=(None, None, None, _WRAP["message"], _WRAP["evidence"]),
            )
        )
    else:
        lines.append("No findings.")
    if document_report.facts:
        rows = []
        for fact in document_report.facts:
            placed = [locator.place(loc) for loc in fact.evidence]
            evidence = "\n".join(f"{p.where} “{visible(p.text)}”" for p in placed) or visible(fact.note)
            fact_text = visible(f"{fact.subject}: {fact.kind} {fact.expected}")
            rows.append((fact.verdict.value, fact_text, visible(fact.origin), evidence))
        lines.append("Expected facts:")
        lines.append(
            table(("verdict", "fact", "rule", "evidence"), rows, max_widths=(None, 40, None, _WRAP["evidence"]))
        )
    return "\n".join(lines) + "\n"
