"""Errors the checker reports to its user: one clear line each, and an exit code.

Every error carries where it happened (file, and line and column where they exist)
and what was expected, so the command line never needs a traceback to explain it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INPUT = 3
    RULES = 4
    INTERNAL = 5  # a check failed on some document (a CC900 finding); the others were checked
    INTERRUPTED = 130  # SIGINT (Ctrl-C), as a shell reports it
    TERMINATED = 143  # SIGTERM


class CheckerError(Exception):
    """Base of every error the user can cause."""

    exit_code: ExitCode = ExitCode.USAGE

    def render(self) -> str:
        return str(self)


class UsageError(CheckerError):
    exit_code = ExitCode.USAGE


class InputError(CheckerError):
    """An article that cannot be read: missing, undecodable, empty, too large."""

    exit_code = ExitCode.INPUT

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


MAX_PROBLEM = 300  # characters of a rule error's problem


class RuleError(CheckerError):
    """A rule file that cannot be used, located like a compiler's diagnostic."""

    exit_code = ExitCode.RULES

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        problem: str,
        source_line: str | None = None,
    ) -> None:
        where = f"{path}:{line}:{column}" if line else path
        if len(problem) > MAX_PROBLEM:  # it may quote the rule file: a 2 MB line is not echoed
            problem = problem[: MAX_PROBLEM - 1] + "…"
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
        self.source_line = source_line

    def render(self) -> str:
        """The one-line message, then (a short excerpt of) the offending line and a caret under the column."""
        head = str(self)
        if not self.source_line:
            return head
        # one column per character: tabs and other controls (a stray CR) shown as spaces, so the caret lines up
        line = "".join(c if c.isprintable() else " " for c in self.source_line.rstrip("\n"))
        from checker.escape import excerpt

        shown, at = excerpt(line, max(self.column, 1) - 1)
        return f"{head}\n    {shown}\n    {' ' * at}^"


class RuleErrors(CheckerError):
    """Several rule errors found in one pass (`rules check` reports them all)."""

    exit_code = ExitCode.RULES

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def render(self) -> str:
        return "\n".join(e.render() for e in self.errors)


def rule_lines(text: str) -> list[str]:
    """A rule file's lines as its parser counts them: split at line feeds only, so a lone
    carriage return or form feed does not shift the line a caret is drawn under."""
    return [line.removesuffix("\r") for line in text.split("\n")]
