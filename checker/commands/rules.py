"""claim-checker rules check FILE...: validate rule files and report every error."""

from __future__ import annotations

import argparse

from checker.errors import ExitCode, UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="rules_command", metavar="SUBCOMMAND", parser_class=type(parser))
    check = sub.add_parser("check", help="validate rule files and report every error")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--no-default-rules", action="store_true", help="check the files without the bundled vocabularies"
    )


def run(args: argparse.Namespace) -> int:
    if args.rules_command != "check":
        raise UsageError("expected a subcommand: claim-checker rules check FILE...")
    from checker.escape import terminal
    from checker.rulelang.load import load_rules

    ruleset = load_rules(args.files, defaults=not args.no_default_rules)
    facts = (
        sum(len(e.roles) for e in ruleset.entities) + len(ruleset.events) + len(ruleset.quantities) + len(ruleset.dates)
    )
    counts = ", ".join(
        _counted(n, word)
        for n, word in ((len(ruleset.entities), "entity"), (len(ruleset.events), "event"), (facts, "fact"))
    )
    print(terminal(f"{', '.join(args.files)}: ok ({counts})"))
    return ExitCode.OK


def _counted(n: int, noun: str) -> str:
    plural = "entities" if noun == "entity" else f"{noun}s"
    return f"{n} {noun if n == 1 else plural}"
