"""What the commands that produce a report share: their flags, and the last steps
(apply the run's policy, render, write whole, choose the exit code)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from checker.model import Report, Severity
from checker.settings import Settings


def add_report_flags(parser: argparse.ArgumentParser) -> None:
    # Defaults are None so that a configuration file can fill in what the command line leaves out.
    parser.add_argument(
        "--format", help="table (default), line, json, sarif, github, junit, markdown or html; see docs/formats.md"
    )
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the reference date; wins over the rule files'")
    parser.add_argument(
        "--fail-on",
        metavar="LEVEL",
        help="exit 1 when a finding is at least this severe: error (default), warning, note or never",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (whole or not at all)")
    parser.add_argument("--select", metavar="PREFIXES", help="only checks whose code starts so (CC1,CC001)")
    parser.add_argument("--ignore", metavar="PREFIXES", help="leave out checks whose code starts so")
    parser.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")


def read_paths(report: Report, settings: Settings, ruleset=None, *more: str | None) -> list[str]:
    """The files a run read, which no report may overwrite: its articles (not standard input),
    its rule files, its configuration, and `more` (a baseline)."""
    read = [d.document.path for d in report.documents if d.document.path != settings.stdin_name]
    read.extend(r.path for r in report.refused)
    read.extend(settings.rules)
    if ruleset is not None:
        read.extend(ruleset.files)
    read.extend(path for path in (settings.config, *more) if path)
    return read


def finish(report: Report, settings: Settings, read: Sequence[str] = ()) -> int:
    """Render and write the report (never over a file in `read`); exit 5 when a check failed on
    some document (each is also one line on stderr), else 1 when a finding reaches --fail-on,
    else 0. A report written to a file is summed up in one line on stderr when that is a terminal."""
    import sys

    from checker import colour
    from checker.cli import PROG
    from checker.errors import ExitCode
    from checker.escape import terminal
    from checker.guard import internal_errors
    from checker.output import STDOUT, refuse_overwriting, write_report
    from checker.reporters import renderer

    refuse_unknown_codes(report)
    render = renderer(settings.format, colour=settings.output in (None, STDOUT) and colour.enabled(sys.stdout))
    refuse_overwriting([settings.output], read)
    write_report(render(report), settings.output)
    if settings.output not in (None, STDOUT) and _is_terminal(sys.stderr):
        print(
            terminal(f"{PROG}: {_summary(report)}; the {settings.format} report is in {settings.output}"),
            file=sys.stderr,
        )
    failed = [(d.document.path, f) for d in report.documents for f in internal_errors(d.findings)]
    for path, finding in failed:
        print(terminal(f"{PROG}: {path}: {finding.message}"), file=sys.stderr)
    if failed:
        return ExitCode.INTERNAL
    return ExitCode.FINDINGS if settings.fails(report.worst) else ExitCode.OK


def _summary(report: Report) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    counts = ", ".join(plural(report.count(s), s.value) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE))
    refused = f", {len(report.refused)} not checked" if report.refused else ""
    return f"{plural(len(report.documents), 'document')}: {counts}{refused}"


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def refuse_unknown_codes(report: Report) -> None:
    """A suppression naming a code of no check is a usage error of the run (exit 2), as the same
    code on the command line is: it would silently suppress nothing."""
    from checker.codes import suggestion
    from checker.errors import UsageError
    from checker.positions import LineIndex
    from checker.suppress import unknown_codes

    for document_report in report.documents:
        document = document_report.document
        for span, code in unknown_codes(document):
            line, column = LineIndex(document.text).line_col(span.start)
            raise UsageError(
                f"{document.path}:{line}:{column}: a suppression names {code!r}, the code of no check "
                f"({suggestion(code)})"
            )
