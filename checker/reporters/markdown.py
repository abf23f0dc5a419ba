"""A Markdown summary for a pull-request comment: counts, the inputs not checked, then each
finding with its quoted evidence, then the expected facts. Every piece of source text is
escaped, so an article cannot inject markup, links or HTML into the comment.

GitHub refuses a comment longer than 65,536 characters, so the summary is cut to fit: the
documents with findings come first, and what did not fit is counted in a closing note.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker import escape as safe
from checker.model import DocumentReport, Report, Severity, Verdict
from checker.reporters._locate import Locator

COMMENT_LIMIT = 65_536  # characters in a GitHub issue or pull-request comment
_ICON = {Severity.ERROR: "🛑", Severity.WARNING: "⚠️", Severity.NOTE: "ℹ️"}
_VERDICT = {
    Verdict.SUPPORTED: "✅ supported",
    Verdict.CONTRADICTED: "❌ contradicted",
    Verdict.NOT_FOUND: "❔ not found",
}
_NOTE_ROOM = 400  # kept free for the note that says what was cut


@dataclass(frozen=True, slots=True)
class _Piece:
    """Lines that are shown whole or not at all, and what they show (for the note on a cut)."""

    text: str
    document: int | None = None  # index of the document it belongs to
    findings: int = 0
    facts: int = 0
    refusals: int = 0


escape = safe.markdown


def _code(path: str) -> str:
    """A file name as inline code, where nothing opens a link, an image or a mention: on one
    line, control characters shown (checker.escape.terminal), no backtick to close it early."""
    return f"`{safe.terminal(path).replace('`', '')}`"


def _counts(report_or_document) -> str:
    return ", ".join(
        f"{report_or_document.count(s)} {s.value}{'' if report_or_document.count(s) == 1 else 's'}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)
    )


def _size(text: str) -> int:
    """Length as GitHub may count it: UTF-16 code units, never fewer than code points."""
    return len(text.encode("utf-16-le")) // 2


def render(report: Report, limit: int = COMMENT_LIMIT) -> str:
    verdict = "no findings" if not any(d.findings for d in report.documents) else _counts(report)
    head = f"## claim-checker: {verdict}\n\n"
    # Documents with findings first: they are what the comment is for, and the last to be cut.
    order = sorted(range(len(report.documents)), key=lambda i: not report.documents[i].findings)
    pieces = _refused(report) + [p for i in order for p in _document(i, report.documents[i])]
    budget = limit - _size(head) - _NOTE_ROOM
    shown = []
    for number, piece in enumerate(pieces):
        cost = _size(piece.text) + 1
        if cost > budget:
            return _joined(head, shown) + _cut_note(pieces[number:], limit)
        shown.append(piece)
        budget -= cost
    return _joined(head, shown)


def _joined(head: str, pieces: list[_Piece]) -> str:
    return (head + "\n".join(p.text for p in pieces)).rstrip("\n") + "\n"


def _cut_note(left: list[_Piece], limit: int) -> str:
    findings = sum(p.findings for p in left)
    facts = sum(p.facts for p in left)
    refusals = sum(p.refusals for p in left)
    documents = len({p.document for p in left if p.document is not None})
    missing = [
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in (
            (findings, "finding"),
            (facts, "expected fact"),
            (refusals, "input not checked"),
        )
        if n
    ]
    what = ", ".join(missing) or "some lines"
    where = f" of {documents} document{'' if documents == 1 else 's'}" if documents else ""
    return (
        f"\n---\n_Cut to fit GitHub's comment limit ({limit:,} characters): {what}{where} not shown here. "
        "The JSON, SARIF or HTML report lists everything._\n"
    )


def _refused(report: Report) -> list[_Piece]:
    if not report.refused:
        return []
    head = _Piece("### Not checked\n")
    listed = [_Piece(f"- {_code(r.path)}: {escape(r.problem)}", refusals=1) for r in report.refused]
    return [head, *listed, _Piece("")]


def _document(number: int, document_report: DocumentReport) -> list[_Piece]:
    locator = Locator(document_report)
    path = document_report.document.path
    pieces = [_Piece(f"### {_code(path)}\n\n{_counts(document_report)}\n", number)]
    for finding in document_report.findings:
        where = locator.place(finding.primary)
        lines = [
            f"- {_ICON[finding.severity]} **{finding.code}** {escape(finding.name)} "
            f"(line {where.line}, column {where.column}): {escape(finding.message)}"
        ]
        for location in finding.locations:
            placed = locator.place(location)
            lines.append(f"  > line {placed.line}: “{escape(location.text)}”")
            lines.append("  >")
        lines.pop()
        pieces.append(_Piece("\n".join(lines), number, findings=1))
    if document_report.findings:
        pieces.append(_Piece("", number))
    if document_report.facts:
        pieces.append(_Piece("| verdict | expected fact | rule | evidence |\n|---|---|---|---|", number))
        for fact in document_report.facts:
            evidence = "; ".join(
                f"line {locator.place(loc).line}: “{escape(loc.text)}”" for loc in fact.evidence
            ) or escape(fact.note)
            row = (
                f"| {_VERDICT[fact.verdict]} | {escape(f'{fact.subject}: {fact.kind} {fact.expected}')} "
                f"| {escape(fact.origin)} | {evidence} |"
            )
            pieces.append(_Piece(row, number, facts=1))
        pieces.append(_Piece("", number))
    return pieces
