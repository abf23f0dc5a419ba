"""The command line: parse arguments, run one command, map errors to exit codes.

Every user error becomes one clear message on stderr and its own exit code (see
checker.errors.ExitCode); never a traceback. Commands live in checker/commands/.
An interrupted run (SIGINT, SIGTERM) exits 130 or 143; what it was writing is removed
(checker.output writes through a temporary file), so no half report is left.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from checker._version import __version__
from checker.errors import CheckerError, ExitCode, UsageError

PROG = "claim-checker"


class Terminated(BaseException):
    """SIGTERM, raised where the run is so that `finally` blocks and temporary files are cleaned up.
    A BaseException, like KeyboardInterrupt, so no `except Exception` swallows it."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors share one path."""

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
    """The parser of the command line: one sub-parser per command, each filled in by its
    command's module only if that command is the one parsed."""
    from checker.commands import COMMANDS

    parser = _Parser(prog=PROG, description="Find where prose contradicts itself or the facts its editors expect.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    for name, (_, summary) in COMMANDS.items():
        sub.add_parser(name, help=summary, description=summary, command=name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from checker import interrupts

    arguments = sys.argv[1:] if argv is None else list(argv)
    previous = _on_signals(interrupts.handler(KeyboardInterrupt), interrupts.handler(Terminated))
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
        _on_signals(*previous)
        interrupts.forget()


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


def _on_signals(on_interrupt, on_terminate) -> tuple:
    """Install the handlers of SIGINT and SIGTERM (None: leave one alone) and return the ones they
    replace. Only the main thread may; elsewhere (an embedding application) signals are left alone.
    So is a handler an embedding application installed from C: Python cannot give it back
    (`signal.getsignal` says None), and a run must not leave its own handler behind."""
    replaced = []
    for signum, handler in ((signal.SIGINT, on_interrupt), (signal.SIGTERM, on_terminate)):
        if handler is None or signal.getsignal(signum) is None:
            replaced.append(None)
            continue
        try:
            replaced.append(signal.signal(signum, handler))
        except ValueError:  # not the main thread
            replaced.append(None)
    return tuple(replaced)
