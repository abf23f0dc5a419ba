"""claim-checker lsp: a language server on standard input and output (checker.langserver)."""

from __future__ import annotations

import argparse

from checker.errors import UsageError

EXTRA_MISSING = "lsp needs its extra: pip install 'claim-checker[lsp]' (pygls)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "A language server on standard input and output: point an editor's LSP client at 'claim-checker lsp'. "
        "The workspace's configuration chooses the rules."
    )


def run(args: argparse.Namespace) -> int:
    try:
        from checker.langserver import build_server
    except ImportError:
        raise UsageError(EXTRA_MISSING) from None
    from checker.errors import ExitCode

    build_server().start_io()
    return ExitCode.OK
