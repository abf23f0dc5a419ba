"""One module per subcommand, listed in COMMANDS.

A command module defines `configure(parser)` and `run(args) -> int`, and keeps its
heavy imports inside `run`. Its name and one-line help are in COMMANDS, so that
`claim-checker --help` lists every command without importing any, and a run
imports only the command it runs (tests/test_startup.py checks both, and that
COMMANDS names every module in this folder).
"""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType

# command name -> (module in this package, one-line help), in the order --help lists them
COMMANDS: dict[str, tuple[str, str]] = {
    "audit": ("audit", "check articles and print a verification report"),
    "diff": ("diff", "report the findings an edit introduced (OLD -> NEW) and the claims it changed"),
    "claims": ("claims", "list every claim extracted from articles, with its place"),
    "rules": ("rules", "work with rule files (rules check FILE...)"),
    "detectors": ("detectors", "list the checks: code, name, severity, summary"),
    "explain": ("explain", "document one check, with its examples"),
    "schema": ("schema", "print the JSON Schema of the JSON report"),
    "serve": ("serve", "check stories over HTTP, with a page for editors (needs the serve extra)"),
    "lsp": ("lsp", "a language server on standard input and output, for editors (needs the lsp extra)"),
}


def command_module(name: str) -> ModuleType:
    """The module that configures and runs command `name` (a key of COMMANDS)."""
    return importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")


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
        "--model",
        metavar="NAME",
        help="the installed spaCy English pipeline to read the text with (default: en_core_web_sm)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse the rule files even if a cached parse of the same files exists (or set CLAIM_CHECKER_NO_CACHE=1)",
    )
