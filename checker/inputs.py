"""What to check: command-line arguments expanded into a stable list of sources.

An argument is a file (checked whatever its suffix), a folder (every file under
it, recursively, whose suffix a reader knows; hidden files and folders skipped),
a glob pattern (`articles/**/*.md`; matches filtered like a folder's files), or
`-` for standard input. Sources keep the order of the arguments; the files of one
folder or pattern are sorted by path; a file named twice is checked once.

An argument that yields nothing (a missing file, an empty folder, a pattern that
matches no article) is a Refusal, reported beside the other inputs' results.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import InputError, UsageError
from checker.model import Refusal

STDIN = "-"
STDIN_NAME = "<stdin>"
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, or standard input when `path` is None. `name` is how reports call it."""

    name: str
    path: str | None = None

    def read(self, max_bytes: int) -> bytes:
        """The raw bytes, or InputError: missing, a folder, unreadable, or larger than `max_bytes`."""
        if self.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(self.name, f"is too large (more than {max_bytes:,} bytes, the limit)")
            return data
        try:
            if os.path.isdir(self.path):
                raise InputError(self.name, "is a folder, not an article")
            size = os.stat(self.path).st_size
            if size > max_bytes:
                raise InputError(self.name, f"is too large ({size:,} bytes; the limit is {max_bytes:,})")
            with open(self.path, "rb") as stream:
                return stream.read()
        except FileNotFoundError:
            raise InputError(self.name, "no such file") from None
        except PermissionError:
            raise InputError(self.name, "cannot be read: permission denied") from None
        except OSError as error:
            raise InputError(self.name, f"cannot be read: {error.strerror or error}") from None


@dataclass(frozen=True, slots=True)
class Expanded:
    sources: tuple[Source, ...] = ()
    refused: tuple[Refusal, ...] = field(default_factory=tuple)


def expand(
    arguments: Iterable[str | os.PathLike], *, suffixes: Iterable[str], stdin_name: str = STDIN_NAME
) -> Expanded:
    """Every source the arguments name, in a stable order, and the arguments that name none."""
    wanted = frozenset(s.lower() for s in suffixes)
    sources: list[Source] = []
    refused: list[Refusal] = []
    seen: set[str] = set()

    def add(source: Source) -> None:
        key = STDIN if source.path is None else os.path.realpath(source.path)
        if key not in seen:
            seen.add(key)
            sources.append(source)

    for argument in arguments:
        text = os.fspath(argument)
        if not text:
            raise UsageError("an empty argument names no file, folder or pattern")
        if text == STDIN:
            if STDIN in seen:
                raise UsageError("'-' (standard input) can be given only once")
            add(Source(stdin_name))
            continue
        if os.path.isdir(text):
            found = _articles_under(text, wanted)
            if not found:
                refused.append(Refusal(text, f"is a folder with no article in it (looked for {_listing(wanted)})"))
            for file in found:
                add(Source(file, file))
        elif os.path.exists(text) or not is_pattern(text):
            add(Source(text, text))  # a missing file is refused when read, with the reader's message
        else:
            found = _matches(text, wanted)
            if not found:
                refused.append(Refusal(text, f"matches no article (looked for {_listing(wanted)})"))
            for file in found:
                add(Source(file, file))
    return Expanded(tuple(sources), tuple(refused))


def is_pattern(text: str) -> bool:
    return any(c in _GLOB_CHARACTERS for c in text)


def _articles_under(folder: str, wanted: frozenset[str]) -> list[str]:
    """The folder's articles, named as pathlib names them ('a/./b/' -> 'a/b/...'), sorted by their parts."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        found.extend(str(Path(root, name)) for name in files if not name.startswith(".") and _wanted(name, wanted))
    return sorted(found, key=Path)


def _matches(pattern: str, wanted: frozenset[str]) -> list[str]:
    import glob  # only an argument with wildcards needs it

    found: list[str] = []
    for match in sorted(glob.glob(pattern, recursive=True), key=Path):
        if os.path.isdir(match):
            found.extend(_articles_under(match, wanted))
        elif _wanted(match, wanted):
            found.append(str(Path(match)))
    return found


def _wanted(name: str, wanted: frozenset[str]) -> bool:
    return Path(name).suffix.lower() in wanted


def _listing(wanted: frozenset[str]) -> str:
    return ", ".join(sorted(wanted))
