"""The command line: parse arguments, run one command, map errors to exit codes.

Every user error becomes one clear message on stderr and its own exit code (see
checker.errors.ExitCode); never a traceback. Commands live in checker/commands/.
An interrupted run (SIGINT, SIGTERM) exits 130 or 143; what it was writing is removed
(checker.output writes through a temporary file), so no half report is left.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
from collections.abc import Sequence

from checker import __version__
from checker.errors import CheckerError, ExitCode, UsageError

PROG = "claim-checker"
_YOUNG_COLLECTION = 100_000  # allocations between collections of the youngest generation


class Terminated(BaseException):
    """SIGTERM, raised where the run is so that `finally` blocks and temporary files are cleaned up.
    A BaseException, like KeyboardInterrupt, so no `except Exception` swallows it."""


def _terminate(signum, frame) -> None:
    raise Terminated


def _help_width() -> int:
    """The width argparse would ask shutil for (COLUMNS, else the terminal's, else 80), less its
    margin of 2; argparse imports shutil, and with it bz2 and lzma, only when not given one."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    return (columns if columns > 0 else _terminal_columns()) - 2


@functools.cache
def _terminal_columns() -> int:
    """Asked once: argparse makes a formatter for every option it adds."""
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _help_width() if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors share one path."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{PROG} --help')")


class _CommandParser(_Parser):
    """A command's parser, filled in by the command's module only when that command is parsed:
    the other commands' modules (and what they import) are never loaded."""

    def __init__(self, *args, command: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._unconfigured = command  # the command whose module still has to configure this parser

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        if self._unconfigured is not None:
            from checker.commands import command_module

            command_module(self._unconfigured).configure(self)
            self._unconfigured = None
        return super().parse_known_args(args, namespace)


def _build_parser(arguments: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for these arguments. When they start with a command's name, every later argument
    is that command's, so the other commands' parsers (needed only to list them in --help, or to
    name them when the command is unknown) are not built: each costs argparse about a millisecond."""
    from checker.commands import COMMANDS

    parser = _Parser(prog=PROG, description="Find where prose contradicts itself or the facts its editors expect.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    chosen = arguments[0] if arguments and arguments[0] in COMMANDS else None
    for name, (_, summary) in COMMANDS.items():
        if chosen in (None, name):
            sub.add_parser(name, help=summary, description=summary, command=name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    previous = _on_sigterm(_terminate)
    if argv is None:  # run as the program (not called by a test or another program): the process is ours
        # Start-up makes many long-lived objects (modules, records, the cached rules) and little
        # garbage: collecting the young generation every 700 allocations was 3% of a one-article
        # run. Raised, as mypy does, for the rest of the process.
        gc.set_threshold(_YOUNG_COLLECTION, *gc.get_threshold()[1:])
    try:
        return _run(arguments)
    except CheckerError as error:
        from checker.escape import lines

        print(lines(f"{PROG}: {error.render()}"), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; no report was written", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Terminated:
        print(f"{PROG}: terminated; no report was written", file=sys.stderr)
        return ExitCode.TERMINATED
    except BrokenPipeError:  # a command's own print() to a reader that went away (| head -1)
        from checker.output import discard_stdout

        discard_stdout()
        print(f"{PROG}: cannot write to standard output: Broken pipe", file=sys.stderr)
        return ExitCode.USAGE
    finally:
        if previous is not None:
            _on_sigterm(previous)
        if argv is None:
            # The process ends next. Every object it made lives until then, and the
            # interpreter's last collection would scan them all (8% of a one-article run);
            # frozen, they are skipped, and the memory goes back to the system at exit.
            gc.freeze()


def _run(arguments: list[str]) -> int:
    if arguments in (["--version"], ["-V"]):  # answered before any command is loaded
        print(f"{PROG} {__version__}")
        return ExitCode.OK
    from checker.commands import command_module

    parser = _build_parser(arguments)
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    return command_module(args.command).run(args)


def _on_sigterm(handler):
    """Install `handler` for SIGTERM and return the one it replaces (only the main thread may)."""
    # _signal is what the signal module wraps in enums; building those enums was 2% of a
    # one-article audit, and the handler needs none of them.
    import _signal

    try:
        return _signal.signal(_signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        return None
