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
    print(explanation(detector), end="")
    return ExitCode.OK


def explanation(detector) -> str:
    """What `explain` prints for one check (the language server's hover shows the same)."""
    lines = [f"{detector.code} {detector.name} (default severity: {detector.severity.value})", ""]
    lines += [detector.summary, "", detector.description, ""]
    if detector.example_rules.strip():
        lines.append("Examples are checked with these rules:")
        lines += ["    " + line.strip() for line in detector.example_rules.strip().splitlines()]
        lines.append("")
    lines.append("Reports on:")
    lines += [f"  - {text}" for text in detector.fires]
    lines.append("Stays quiet on:")
    lines += [f"  - {text}" for text in detector.quiet]
    return "\n".join(lines) + "\n"
