"""A readable terminal report: a header per document with findings, its findings table and
facts table, the inputs not checked, and a one-line total. Severities and verdicts are
coloured when the command line asks for colour (checker.colour); the tables fit the terminal.

`draw` is also how the listing commands (`claims`, `detectors`) draw their tables, so
every terminal table is tabulate's and fits the terminal the same way.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from checker.escape import lines as visible
from checker.model import DocumentReport, Report, Severity
from checker.reporters._locate import Locator

# The narrowest a wrapped column becomes, however narrow the terminal: below this a message
# is a column of single words, and a table wider than the terminal reads better.
_MIN_WRAPPED = 16
# Space a layout adds around n columns: "│ a │ b │" for the boxed grid, "a  b" for the plain one.
_FRAME = {"simple_grid": lambda n: 3 * n + 1, "simple": lambda n: 2 * (n - 1)}
# tabulate makes a column at least its header plus this (its MIN_PADDING).
_HEADER_MARGIN = 2
_COLOUR_CODE = re.compile(r"\x1b\[[0-9;]*m")


def _visible_len(text: str) -> int:
    """Columns the text takes on a terminal: colour codes take none (tabulate skips them too)."""
    return len(_COLOUR_CODE.sub("", text)) if "\x1b" in text else len(text)


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
        max([len(header) + _HEADER_MARGIN, *(_visible_len(line) for row in rows for line in row[i].splitlines())])
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


class _PathWrapper(textwrap.TextWrapper):
    """Breaks a line at spaces and, in a word too long for the column, after a '/', so a
    'path/to/file.rules:3:10' is split between folders rather than inside a name."""

    wordsep_re = re.compile(r"(\s+)|(?<=/)(?=[^\s/])")


def _wrap(cell: str, limit: int | None) -> str:
    """The cell's lines each wrapped at the limit, blank lines dropped. tabulate's own
    `maxcolwidths` would do this, but in tabulate 0.10 it ignores disable_numparse and
    raises on a cell such as '7,000' (python-tabulate issue 428)."""
    if limit is None:
        return cell
    wrapper = _PathWrapper(limit)
    return "\n".join(wrapped for line in cell.splitlines() if line.strip() for wrapped in wrapper.wrap(line))


COLOURED = True  # takes colour=: see checker.reporters
_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.NOTE)


def _plain(text: str, style: str) -> str:
    return text


def render(report: Report, *, colour: bool = False) -> str:
    """Per document with findings, its tables; then the inputs not checked and a total line.
    With several documents, those without findings are only counted; a single clean file is
    one line (and its expected facts, if rules stated any)."""
    if colour:
        from checker.colour import paint
    else:
        paint = _plain
    documents = report.documents
    if len(documents) == 1 and not documents[0].findings:
        parts = [_clean(documents[0], paint)]
        if not report.refused:
            return parts[0]
    else:
        several = len(documents) > 1
        parts = [_document(d, paint) for d in documents if d.findings or not several]
    if report.refused:
        listed = "".join(f"  {visible(r.path)}: {visible(r.problem)}\n" for r in report.refused)
        parts.append(f"{paint('Not checked:', 'heading')}\n{listed}")
    parts.append(_total(report, paint) + "\n")
    return "\n".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(source, paint) -> str:
    return ", ".join(paint(_plural(source.count(s), s.value), s.value if source.count(s) else "") for s in _COUNTED)


def _total(report: Report, paint) -> str:
    documents = len(report.documents)
    flagged = sum(1 for d in report.documents if d.findings)
    which = f" ({flagged or 'none'} with findings)" if documents > 1 else ""
    refused = f"; {len(report.refused)} not checked" if report.refused else ""
    return f"Total: {_plural(documents, 'document')}{which}, {_counts(report, paint)}{refused}"


def _clean(document_report: DocumentReport, paint) -> str:
    line = f"{paint(visible(document_report.document.path), 'heading')}: no findings"
    if not document_report.facts:
        return line + "\n"
    return f"{line}\n{_facts(document_report, Locator(document_report), paint)}\n"


def _document(document_report: DocumentReport, paint) -> str:
    locator = Locator(document_report)
    document = document_report.document
    as_of = document_report.as_of.isoformat() if document_report.as_of else "none"
    lines = [
        f"{paint(visible(document.path), 'heading')}  (reference date: {as_of})  {_counts(document_report, paint)}"
    ]
    if document_report.findings:
        rows = []
        for finding in document_report.findings:
            placed = [locator.place(loc) for loc in finding.locations]
            evidence = "\n".join(f"{p.where} “{visible(p.text)}”" for p in placed)
            severity = paint(finding.severity.value, finding.severity.value)
            rows.append((finding.code, severity, placed[0].where, visible(finding.message), evidence))
        lines.append(draw(("code", "severity", "line:col", "message", "evidence"), rows, wrapped=(3, 4)))
    if document_report.facts:
        lines.append(_facts(document_report, locator, paint))
    return "\n".join(lines) + "\n"


def _facts(document_report: DocumentReport, locator: Locator, paint) -> str:
    rows = []
    for fact in document_report.facts:
        placed = [locator.place(loc) for loc in fact.evidence]
        evidence = "\n".join(f"{p.where} “{visible(p.text)}”" for p in placed) or visible(fact.note)
        verdict = paint(fact.verdict.value, fact.verdict.value)
        rows.append((verdict, visible(f"{fact.subject}: {fact.kind} {fact.expected}"), visible(fact.origin), evidence))
    return "Expected facts:\n" + draw(("verdict", "fact", "rule", "evidence"), rows, wrapped=(1, 2, 3))
