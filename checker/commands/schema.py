"""claim-checker schema: the JSON Schema of the JSON report."""

from __future__ import annotations

import argparse

from checker.errors import ExitCode


def configure(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    import json

    from checker.reporters._json_model import schema

    print(json.dumps(schema(), indent=2))
    return ExitCode.OK
