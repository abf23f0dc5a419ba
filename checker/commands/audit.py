"""claim-checker audit ARTICLE...: check articles and print a verification report.

ARTICLE is a file, a folder, a glob pattern or `-` (checker.inputs). Inputs that
cannot be read are refused with one line each on stderr and listed in the report;
the others are still checked, and the exit code is then 3.
"""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.errors import ExitCode

NAME = "audit"
HELP = "check articles and print a verification report"
ORDER = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="article files, folders (searched recursively), glob patterns, or - for standard input",
    )
    add_rule_flags(parser)
    parser.add_argument("--format", default="table", help="table (default) or json")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the reference date; wins over the rule files'")
    parser.add_argument(
        "--fail-on",
        default="error",
        metavar="LEVEL",
        help="exit 1 when a finding is at least this severe: error (default), warning, note or never",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (whole or not at all)")
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="the name of standard input in reports; its suffix picks the reader"
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="the encoding of files that have no BOM and are not valid UTF-8"
    )
    parser.add_argument(
        "--max-size", metavar="SIZE", default="5MB", help="refuse larger inputs: bytes, or with kB/MB (default 5MB)"
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from checker.api import audit
    from checker.cli import PROG
    from checker.inputs import STDIN_NAME
    from checker.output import write_report
    from checker.readers import check_encoding
    from checker.reporters import renderer
    from checker.settings import Settings, parse_date, parse_fail_on, parse_size

    settings = Settings(
        rules=tuple(args.rules),
        default_rules=not args.no_default_rules,
        as_of=parse_date(args.as_of) if args.as_of else None,
        fail_on=parse_fail_on(args.fail_on),
        format=args.format,
        output=args.output,
        max_bytes=parse_size(args.max_size),
        encoding=check_encoding(args.encoding) if args.encoding else None,
        stdin_name=args.stdin_filename or STDIN_NAME,
    )
    render = renderer(settings.format)
    report = audit(
        args.articles,
        rules=settings.rules,
        as_of=settings.as_of,
        default_rules=settings.default_rules,
        keep_going=True,
        max_bytes=settings.max_bytes,
        encoding=settings.encoding,
        stdin_name=settings.stdin_name,
    )
    write_report(render(report), settings.output)
    for refusal in report.refused:
        print(f"{PROG}: {refusal.path}: {refusal.problem}", file=sys.stderr)
    if report.refused:
        return ExitCode.INPUT
    return ExitCode.FINDINGS if settings.fails(report.worst) else ExitCode.OK
