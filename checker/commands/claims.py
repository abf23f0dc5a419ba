"""claim-checker claims ARTICLE...: every extracted claim with its place, to see why a
check fired or did not."""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.errors import ExitCode, UsageError

FORMATS = ("table", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files, folders or glob patterns")
    add_rule_flags(parser)
    parser.add_argument("--format", default="table", help="table (default) or json")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the reference date that resolves relative dates")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the list to FILE (whole or not at all)")


def run(args: argparse.Namespace) -> int:
    from checker.api import audit_paths
    from checker.claimlist import rows
    from checker.config import parse_date
    from checker.output import refuse_overwriting, write_report
    from checker.rulelang.load import load_rules

    if args.format not in FORMATS:
        raise UsageError(f"--format: expected one of {', '.join(FORMATS)}, found {args.format!r}")
    ruleset = load_rules(args.rules, defaults=not args.no_default_rules, cache=False if args.no_cache else None)
    as_of = parse_date(args.as_of) if args.as_of is not None else None
    report = audit_paths(args.articles, rules=ruleset, as_of=as_of, model=args.model)
    listed = [(d, rows(d)) for d in report.documents]
    refuse_overwriting([args.output], [d.document.path for d in report.documents] + list(ruleset.files))
    write_report(_json(listed) if args.format == "json" else _table(listed), args.output)
    return ExitCode.OK


def _json(listed) -> str:
    import json

    from checker.claimlist import claims_data

    return json.dumps(claims_data(listed), indent=2, ensure_ascii=False) + "\n"


def _table(listed) -> str:
    from checker.escape import lines
    from checker.reporters.table import draw

    parts = []
    for d, found in listed:
        as_of = d.as_of.isoformat() if d.as_of else "none"
        parts.append(lines(f"{d.document.path}  (reference date: {as_of})  {len(found)} claims"))
        claims = [
            (row.kind, f"{row.line}:{row.column}", lines(row.text), lines(_details(row.details))) for row in found
        ]
        parts.append(draw(("kind", "line:col", "text", "details"), claims, wrapped=(2, 3)) if claims else "No claims.")
    return "\n".join(parts) + "\n"


def _details(details: dict[str, object]) -> str:
    shown = []
    for key, value in details.items():
        if value in (None, False, [], ""):
            continue
        if isinstance(value, list):
            value = ", ".join(map(str, value))
        shown.append(f"{key}: {value}" if value is not True else key)
    return "; ".join(shown)
