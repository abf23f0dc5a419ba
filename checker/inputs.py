"""What to check: command-line arguments expanded into a stable list of sources.

An argument is a file (checked whatever its suffix), a folder (every file under
it, recursively, whose suffix a reader knows; hidden files and folders skipped),
a glob pattern (`articles/**/*.md`; matches filtered like a folder's files), or
`-` for standard input. Sources keep the order of the arguments; the files of one
folder or pattern are sorted by path; a file named twice is checked once.

Inside a git work tree, a folder or pattern yields only the files git does not ignore
(asked of git itself: `git ls-files --cached --others --exclude-standard`, so .gitignore,
.git/info/exclude and the global excludes all count, and a tracked file is never
ignored); outside one, no ignore file is read. Files matching an `exclude` glob
(checker.globs) are left out, from folders and patterns and when named one by one.

An argument that yields nothing (a missing file, an empty folder, a pattern that
matches no article) is a Refusal, reported beside the other inputs' results.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import InputError, UsageError
from checker.model import Refusal

if TYPE_CHECKING:
    from checker.globs import Globs

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
            return read_bounded(self.path, max_bytes)
        except TooLarge as error:
            raise InputError(self.name, str(error)) from None
        except IsADirectoryError:
            raise InputError(self.name, "is a folder, not an article") from None
        except FileNotFoundError:
            raise InputError(self.name, "no such file") from None
        except PermissionError:
            raise InputError(self.name, "cannot be read: permission denied") from None
        except OSError as error:
            raise InputError(self.name, f"cannot be read: {error.strerror or error}") from None


class TooLarge(ValueError):
    """A file over the size limit: its message says by how much, as far as is known."""


SILENT_SECONDS = 10.0  # how long a FIFO or device may send nothing before it is given up


def read_bounded(path: str, max_bytes: int) -> bytes:
    """The file's bytes, never more than `max_bytes` read (TooLarge past that), whatever the
    file: the limit holds on the read itself, so a file that grows while it is read, a device
    (/dev/zero) or a FIFO cannot outgrow it. A FIFO or device is read without blocking: one
    with no writer reads as empty, one silent for SILENT_SECONDS is given up (TimeoutError).
    OSError (IsADirectoryError for a folder) when it cannot be read."""
    import stat

    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO with no writer opens at once
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(path)
        if stat.S_ISREG(status.st_mode):
            if status.st_size > max_bytes:
                raise TooLarge(f"is too large ({status.st_size:,} bytes; the limit is {max_bytes:,})")
            os.set_blocking(handle, True)
            data = _read_upto(handle, max_bytes + 1)
        else:
            data = _read_stream(handle, max_bytes + 1)
    finally:
        os.close(handle)
    if len(data) > max_bytes:
        raise TooLarge(f"is too large (more than {max_bytes:,} bytes, the limit)")
    return data


def _read_upto(handle: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(handle, min(limit - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_stream(handle: int, limit: int) -> bytes:
    """A FIFO's or device's bytes, up to `limit`, waiting at most SILENT_SECONDS for each."""
    import select

    chunks: list[bytes] = []
    size = 0
    waited = False  # a FIFO no writer has opened yet reads as its end: wait once for one to come
    while size < limit:
        try:
            chunk = os.read(handle, min(limit - size, 1 << 16))
        except BlockingIOError:
            chunk = None
        if chunk:
            chunks.append(chunk)
            size += len(chunk)
            waited = True
            continue
        if chunk == b"" and (chunks or waited):
            break
        ready, _, _ = select.select([handle], [], [], SILENT_SECONDS)
        if not ready:
            raise TimeoutError(0, f"sent nothing for {SILENT_SECONDS:g} s") from None
        waited = True
    return b"".join(chunks)


@dataclass(frozen=True, slots=True)
class Expanded:
    sources: tuple[Source, ...] = ()
    refused: tuple[Refusal, ...] = field(default_factory=tuple)


def expand(
    arguments: Iterable[str | os.PathLike],
    *,
    suffixes: Iterable[str],
    stdin_name: str = STDIN_NAME,
    exclude: Sequence[Globs] = (),
    gitignore: bool = True,
) -> Expanded:
    """Every source the arguments name, in a stable order, and the arguments that name none."""
    wanted = _Wanted(frozenset(s.lower() for s in suffixes), tuple(g for g in exclude if g), gitignore)
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
            found = _articles_under(text, wanted, wanted.git_view(text))
            if not found:
                refused.append(Refusal(text, _nothing_found("is a folder with no article in it", wanted, text)))
            for file in found:
                add(Source(file, file))
        elif os.path.exists(text) or not is_pattern(text):
            if not wanted.excluded(text):
                add(Source(text, text))  # a missing file is refused when read, with the reader's message
        else:
            found = _matches(text, wanted)
            if not found:
                refused.append(Refusal(text, _nothing_found("matches no article", wanted, text)))
            for file in found:
                add(Source(file, file))
    return Expanded(tuple(sources), tuple(refused))


@dataclass(frozen=True, slots=True)
class _GitView:
    """The files git does not ignore under one folder of a work tree."""

    folder: str  # absolute
    listed: frozenset[str]  # absolute paths

    def ignores(self, path: str) -> bool:
        absolute = os.path.abspath(path)
        return absolute.startswith(self.folder + os.sep) and absolute not in self.listed


def _git_view(folder: str) -> _GitView | None:
    """What git lists under `folder`, or None outside a work tree (or without git)."""
    import subprocess

    command = ["git", "-C", folder, "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."]
    try:
        listed = subprocess.run(command, capture_output=True, check=False)
    except OSError:
        return None
    if listed.returncode != 0:
        return None
    absolute = os.path.abspath(folder)
    names = listed.stdout.decode("utf-8", "surrogateescape").split("\0")
    return _GitView(absolute, frozenset(os.path.join(absolute, name) for name in names if name))


@dataclass(frozen=True, slots=True)
class _Wanted:
    suffixes: frozenset[str]
    exclude: tuple[Globs, ...] = ()
    gitignore: bool = True

    def git_view(self, folder: str) -> _GitView | None:
        return _git_view(folder) if self.gitignore else None

    def listing(self) -> str:
        return ", ".join(sorted(self.suffixes))

    def excluded(self, path: str) -> bool:
        if not self.exclude:
            return False
        from checker.globs import matches_any  # only a run with globs needs them

        return matches_any(self.exclude, path)

    def keeps(self, path: str, view: _GitView | None) -> bool:
        return (
            Path(path).suffix.lower() in self.suffixes
            and not (view is not None and view.ignores(path))
            and not self.excluded(path)
        )


def _nothing_found(problem: str, wanted: _Wanted, argument: str) -> str:
    """Why an argument yields no article: none there, or every one ignored by git or excluded."""
    everything = _Wanted(wanted.suffixes, gitignore=False)
    found = _articles_under(argument, everything, None) if os.path.isdir(argument) else _matches(argument, everything)
    if found:
        return f"{problem} that git does not ignore and `exclude` does not leave out"
    return f"{problem} (looked for {wanted.listing()})"


def is_pattern(text: str) -> bool:
    return any(c in _GLOB_CHARACTERS for c in text)


def _articles_under(folder: str, wanted: _Wanted, view: _GitView | None) -> list[str]:
    """The folder's articles, named as pathlib names them ('a/./b/' -> 'a/b/...'), sorted by their parts."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".") and not wanted.excluded(os.path.join(root, f))]
        found.extend(
            str(Path(path))
            for name in files
            if not name.startswith(".") and wanted.keeps(path := os.path.join(root, name), view)
        )
    return sorted(found, key=Path)


def _matches(pattern: str, wanted: _Wanted) -> list[str]:
    import glob  # only an argument with wildcards needs it

    view = wanted.git_view(_fixed_prefix(pattern)) if wanted.gitignore else None
    found: list[str] = []
    for match in sorted(glob.glob(pattern, recursive=True), key=Path):
        if os.path.isdir(match):
            if not wanted.excluded(match):
                found.extend(_articles_under(match, wanted, view))
        elif wanted.keeps(match, view):
            found.append(str(Path(match)))
    return found


def _fixed_prefix(pattern: str) -> str:
    """The folder a pattern's matches all lie in: its segments before the first with a wildcard."""
    fixed = []
    for part in pattern.replace(os.sep, "/").split("/")[:-1]:
        if is_pattern(part):
            break
        fixed.append(part)
    return "/".join(fixed) or (os.sep if pattern.startswith(("/", os.sep)) else os.curdir)
