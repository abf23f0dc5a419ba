"""claim-checker detectors: the catalogue of checks, read from their metadata."""

from __future__ import annotations

import argparse

from checker.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from checker.catalogue import checks
    from checker.reporters.table import draw

    rows = [(d.code, d.name, d.severity.value, d.summary) for d in checks()]
    headers = ("code", "name", "severity", "summary")
    print(draw(headers, rows, wrapped=(3,), tablefmt="simple"))
    return ExitCode.OK
