"""A readable terminal report: a header per document, a findings table, a facts table.

`draw` is also how the listing commands (`claims`, `detectors`) draw their tables, so
every terminal table is tabulate's and fits the terminal the same way.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from checker.model import DocumentReport, Report, Severity
from checker.reporters._locate import Locator

# The narrowest a wrapped column becomes, however narrow the terminal: below this a message
# is a column of single words, and a table wider than the terminal reads better.
_MIN_WRAPPED = 16
# Space a layout adds around n columns: "│ a │ b │" for the boxed grid, "a  b" for the plain one.
_FRAME = {"simple_grid": lambda n: 3 * n + 1, "simple": lambda n: 2 * (n - 1)}
# tabulate makes a column at least its header plus this (its MIN_PADDING).
_HEADER_MARGIN = 2


def terminal_width() -> int:
    """COLUMNS if set, else the width of the terminal standard output is, else 80."""
    return shutil.get_terminal_size(fallback=(80, 24)).columns


def draw(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    wrapped: Sequence[int] = (),
    tablefmt: str = "simple_grid",
    width: int | None = None,
) -> str:
    """The table, its `wrapped` columns (by index) wrapped so that it fits `width` (the
    terminal's by default). Every cell is text: '7,000' stays as written, left-aligned."""
    width = terminal_width() if width is None else width
    limits = _column_limits(headers, rows, wrapped, _FRAME[tablefmt](len(headers)), width)
    cells = [[_wrap(cell, limit) for cell, limit in zip(row, limits, strict=True)] for row in rows]
    return tabulate(cells, headers=list(headers), tablefmt=tablefmt, disable_numparse=True)


def _column_limits(
    headers: Sequence[str], rows: Sequence[Sequence[str]], wrapped: Sequence[int], frame: int, width: int
) -> list[int | None]:
    """The width each wrapped column may take (None: as wide as its text). The columns not
    wrapped keep their width; what is left is shared evenly among the wrapped ones, a
    column that needs less than its share giving the rest to the others."""
    natural = [
        max([len(header) + _HEADER_MARGIN, *(len(line) for row in rows for line in row[i].splitlines())])
        for i, header in enumerate(headers)
    ]
    left = width - frame - sum(w for i, w in enumerate(natural) if i not in wrapped)
    limits: list[int | None] = [None] * len(headers)
    waiting = sorted(wrapped, key=lambda i: natural[i])
    while waiting:
        share = left // len(waiting)
        column = waiting.pop(0)
        if natural[column] <= share:
            left -= natural[column]
        else:
            limits[column] = max(share, _MIN_WRAPPED, len(headers[column]) + _HEADER_MARGIN)
            left -= limits[column]
    return limits


def _wrap(cell: str, limit: int | None) -> str:
    """The cell's lines each wrapped at the limit, blank lines dropped. tabulate's own
    `maxcolwidths` would do this, but in tabulate 0.10 it ignores disable_numparse and
    raises on a cell such as '7,000' (python-tabulate issue 428)."""
    if limit is None:
        return cell
    return "\n".join(wrapped for line in cell.splitlines() if line.strip() for wrapped in textwrap.wrap(line, limit))


def render(report: Report) -> str:
    parts = [_document(d) for d in report.documents]
    if report.refused:
        listed = "".join(f"  {r.path}: {r.problem}\n" for r in report.refused)
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
    lines = [f"{document.path}  (reference date: {as_of})  {counts}"]
    if document_report.findings:
        rows = []
        for finding in document_report.findings:
            placed = [locator.place(loc) for loc in finding.locations]
            evidence = "\n".join(f"{p.where} “{p.text}”" for p in placed)
            rows.append((finding.code, finding.severity.value, placed[0].where, finding.message, evidence))
        lines.append(draw(("code", "severity", "line:col", "message", "evidence"), rows, wrapped=(3, 4)))
    else:
        lines.append("No findings.")
    if document_report.facts:
        rows = []
        for fact in document_report.facts:
            placed = [locator.place(loc) for loc in fact.evidence]
            evidence = "\n".join(f"{p.where} “{p.text}”" for p in placed) or fact.note
            rows.append((fact.verdict.value, f"{fact.subject}: {fact.kind} {fact.expected}", fact.origin, evidence))
        lines.append("Expected facts:")
        lines.append(draw(("verdict", "fact", "rule", "evidence"), rows, wrapped=(1, 2, 3)))
    return "\n".join(lines) + "\n"
