"""The command line: parse arguments into Settings, run, write, exit.

The only module that prints. Every user error becomes one clear message on stderr
and its own exit code (see checker.errors.ExitCode); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from checker import __version__
from checker.errors import CheckerError, ExitCode, UsageError

PROG = "claim-checker"


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors share one path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{PROG} --help')")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Find where prose contradicts itself or the facts its editors expect.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    audit = commands.add_parser("audit", help="check articles and print a verification report")
    audit.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files to check")
    _add_rule_flags(audit)
    audit.add_argument("--format", default="table", help="table (default) or json")
    audit.add_argument("--as-of", metavar="YYYY-MM-DD", help="the reference date; wins over the rule files'")
    audit.add_argument(
        "--fail-on",
        default="error",
        metavar="LEVEL",
        help="exit 1 when a finding is at least this severe: error (default), warning, note or never",
    )
    audit.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (whole or not at all)")

    rules = commands.add_parser("rules", help="work with rule files")
    rule_commands = rules.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", parser_class=_Parser)
    check = rule_commands.add_parser("check", help="validate rule files and report every error")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--no-default-rules", action="store_true", help="check the files without the bundled vocabularies"
    )

    commands.add_parser("detectors", help="list the checks: code, name, severity, summary")
    explain = commands.add_parser("explain", help="document one check, with its examples")
    explain.add_argument("code", metavar="CODE")
    commands.add_parser("schema", help="print the JSON Schema of the JSON report")
    return parser


def _add_rule_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE_OR_DIR",
        help="rule file or folder of *.rules, added to the bundled vocabularies (repeatable)",
    )
    parser.add_argument("--no-default-rules", action="store_true", help="do not load the bundled vocabularies")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _build_parser().parse_args(argv)
        if args.command is None:
            _build_parser().print_help()
            return ExitCode.USAGE
        return _COMMANDS[args.command](args)
    except CheckerError as error:
        print(f"{PROG}: {error.render()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return ExitCode.OK


def _audit(args: argparse.Namespace) -> int:
    from pathlib import Path

    from checker.api import audit
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
    _write(render(report), settings.output)
    return ExitCode.FINDINGS if settings.fails(report.worst) else ExitCode.OK


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from checker.output import write_whole

    write_whole(output, text)


def _rules(args: argparse.Namespace) -> int:
    if args.rules_command != "check":
        raise UsageError(f"expected a subcommand: {PROG} rules check FILE...")
    from checker.rulelang.load import load_rules

    ruleset = load_rules(args.files, defaults=not args.no_default_rules)
    facts = sum(len(e.roles) for e in ruleset.entities) + len(ruleset.events)
    names = ", ".join(args.files)
    print(f"{names}: ok ({len(ruleset.entities)} entities, {len(ruleset.events)} events, {facts} facts)")
    return ExitCode.OK


def _detectors(args: argparse.Namespace) -> int:
    from tabulate import tabulate

    from checker.detectors import all_detectors

    rows = [(d.code, d.name, d.severity.value, d.summary) for d in all_detectors()]
    print(
        tabulate(
            rows,
            headers=("code", "name", "severity", "summary"),
            tablefmt="simple",
            maxcolwidths=[None, None, None, 70],
        )
    )
    return ExitCode.OK


def _explain(args: argparse.Namespace) -> int:
    from checker.detectors import all_detectors, find

    detector = find(args.code)
    if detector is None:
        known = ", ".join(d.code for d in all_detectors())
        raise UsageError(f"unknown check {args.code!r}; expected one of {known}")
    print(f"{detector.code} {detector.name} (default severity: {detector.severity.value})\n")
    print(detector.summary + "\n")
    print(detector.description + "\n")
    if detector.example_rules.strip():
        print("Examples are checked with these rules:")
        print("\n".join("    " + line.strip() for line in detector.example_rules.strip().splitlines()) + "\n")
    print("Reports on:")
    for text in detector.fires:
        print(f"  - {text}")
    print("Stays quiet on:")
    for text in detector.quiet:
        print(f"  - {text}")
    return ExitCode.OK


def _schema(args: argparse.Namespace) -> int:
    import json

    from checker.reporters._json_model import schema

    print(json.dumps(schema(), indent=2))
    return ExitCode.OK


_COMMANDS = {"audit": _audit, "rules": _rules, "detectors": _detectors, "explain": _explain, "schema": _schema}
