"""One module per subcommand, found by scanning this package.

A command module defines NAME, HELP, `configure(parser)` and `run(args) -> int`,
and keeps its heavy imports inside `run` so that start-up stays light.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from types import ModuleType


def all_commands() -> list[ModuleType]:
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 50), m.NAME))


def add_rule_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE_OR_DIR",
        help="rule file or folder of *.rules, added to the bundled vocabularies (repeatable)",
    )
    parser.add_argument("--no-default-rules", action="store_true", help="do not load the bundled vocabularies")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse the rule files even if a cached parse of the same files exists (or set CLAIM_CHECKER_NO_CACHE=1)",
    )
