"""The command line: parse arguments, run one command, map errors to exit codes.

Every user error becomes one clear message on stderr and its own exit code (see
checker.errors.ExitCode); never a traceback. Commands live in checker/commands/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from checker import __version__
from checker.errors import CheckerError, ExitCode, UsageError

PROG = "claim-checker"


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors share one path."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{PROG} --help')")


def _build_parser() -> tuple[argparse.ArgumentParser, dict]:
    from checker.commands import all_commands

    parser = _Parser(prog=PROG, description="Find where prose contradicts itself or the facts its editors expect.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    runners = {}
    for command in all_commands():
        command.configure(sub.add_parser(command.NAME, help=command.HELP, description=command.HELP))
        runners[command.NAME] = command.run
    return parser, runners


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        if arguments in (["--version"], ["-V"]):  # answered before any command is loaded
            print(f"{PROG} {__version__}")
            return ExitCode.OK
        parser, runners = _build_parser()
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.print_help()
            return ExitCode.USAGE
        return runners[args.command](args)
    except CheckerError as error:
        print(f"{PROG}: {error.render()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return ExitCode.OK
