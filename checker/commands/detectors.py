"""claim-checker detectors: the catalogue of checks, read from their metadata."""

from __future__ import annotations

import argparse

from checker.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from tabulate import tabulate

    from checker.catalogue import checks

    rows = [(d.code, d.name, d.severity.value, d.summary) for d in checks()]
    headers = ("code", "name", "severity", "summary")
    print(tabulate(rows, headers=headers, tablefmt="simple", maxcolwidths=[None, None, None, 70]))
    return ExitCode.OK
