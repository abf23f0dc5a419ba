"""claim-checker explain CODE: one check's documentation and its examples."""

from __future__ import annotations

import argparse

from checker.errors import ExitCode, UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="a check's code (CC101) or name (event-status-conflict)")


def run(args: argparse.Namespace) -> int:
    from checker.catalogue import checks, find

    detector = find(args.code)
    if detector is None:
        from checker.codes import nearest

        hint = nearest(args.code.strip().upper())
        known = ", ".join(d.code for d in checks())
        advice = f"did you mean {hint}?" if hint else f"expected one of {known}"
        raise UsageError(f"unknown check {args.code!r}; {advice}")
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
