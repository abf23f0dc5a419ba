"""One line per finding, `path:line:col: CODE message`: flake8's and Vale's line output, which
editors read into a quickfix list (Vim's default errorformat, Emacs' compilation mode) and grep
can filter. Inputs that were not checked get a line too, at 1:1, so nothing is lost silently.
"""

from __future__ import annotations

from checker.escape import terminal
from checker.model import Report
from checker.reporters._locate import Locator

REFUSED = "not-checked"  # what stands in the code's place on a refused input's line


def one_line(text: str) -> str:
    """Whitespace runs, line breaks included, as one space: a finding must stay on its line;
    then made safe for a terminal or a CI log (checker.escape.terminal)."""
    return terminal(" ".join(text.split()))


def render(report: Report) -> str:
    lines = []
    for document_report in report.documents:
        locator = Locator(document_report)
        path = one_line(document_report.document.path)
        for finding in document_report.findings:
            placed = locator.place(finding.primary)
            lines.append(f"{path}:{placed.line}:{placed.column}: {finding.code} {one_line(finding.message)}")
    lines.extend(f"{one_line(r.path)}:1:1: {REFUSED} {one_line(r.problem)}" for r in report.refused)
    return "".join(line + "\n" for line in lines)
