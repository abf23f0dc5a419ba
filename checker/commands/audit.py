"""claim-checker audit ARTICLE...: check articles and print a verification report."""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.errors import ExitCode

NAME = "audit"
HELP = "check articles and print a verification report"
ORDER = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files to check")
    add_rule_flags(parser)
    parser.add_argument(
        "--format", default="table", help="table (default), json, sarif, github, junit, markdown or html"
    )
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the reference date; wins over the rule files'")
    parser.add_argument(
        "--fail-on",
        default="error",
        metavar="LEVEL",
        help="exit 1 when a finding is at least this severe: error (default), warning, note or never",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (whole or not at all)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from checker.api import audit
    from checker.output import write_report
    from checker.reporters import renderer
    from checker.settings import Settings, parse_date, parse_fail_on

    settings = Settings(
        rules=tuple(args.rules),
        default_rules=not args.no_default_rules,
        as_of=parse_date(args.as_of) if args.as_of else None,
        fail_on=parse_fail_on(args.fail_on),
        format=args.format,
        output=args.output,
    )
    render = renderer(settings.format)
    report = audit(
        [Path(article) for article in args.articles],
        rules=settings.rules,
        as_of=settings.as_of,
        default_rules=settings.default_rules,
    )
    write_report(render(report), settings.output)
    return ExitCode.FINDINGS if settings.fails(report.worst) else ExitCode.OK
