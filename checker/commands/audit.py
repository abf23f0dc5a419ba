"""claim-checker audit ARTICLE...: check articles and print a verification report."""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.errors import ExitCode

NAME = "audit"
HELP = "check articles and print a verification report"
ORDER = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files or folders of them to check")
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
        "--jobs",
        "-j",
        metavar="N",
        help="check documents in N processes (default: the number of cores); the report is the same",
    )
    parser.add_argument(
        "--engine", default="local", metavar="NAME", help="local (default) or dask: a local Dask cluster of N workers"
    )
    parser.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on the existing Dask cluster at this scheduler address"
    )


def run(args: argparse.Namespace) -> int:
    import itertools

    from checker import readers
    from checker.api import audit
    from checker.output import write_report
    from checker.reporters import renderer
    from checker.rulelang.load import load_rules
    from checker.settings import Settings, parse_date, parse_engine, parse_fail_on, parse_jobs

    settings = Settings(
        rules=tuple(args.rules),
        default_rules=not args.no_default_rules,
        as_of=parse_date(args.as_of) if args.as_of else None,
        fail_on=parse_fail_on(args.fail_on),
        format=args.format,
        output=args.output,
        jobs=parse_jobs(args.jobs),
        engine=parse_engine(args.engine, args.scheduler),
        scheduler=args.scheduler,
        cache=False if args.no_cache else None,
    )
    render = renderer(settings.format)
    ruleset = load_rules(settings.rules, defaults=settings.default_rules, cache=settings.cache)
    report = audit(
        itertools.chain.from_iterable(readers.articles(article) for article in args.articles),
        rules=ruleset,
        as_of=settings.as_of,
        jobs=settings.jobs,
        engine=settings.engine,
        scheduler=settings.scheduler,
    )
    write_report(render(report), settings.output)
    return ExitCode.FINDINGS if settings.fails(report.worst) else ExitCode.OK
