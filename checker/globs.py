"""Path globs, one meaning everywhere: `exclude`, per-glob settings, scoped `rules` and --exclude.

A glob is matched against a path relative to a base folder (the configuration file's
folder, or the current folder for a flag), in / form, with .gitignore's rules (pathspec's
implementation of git's wildmatch):

    *            any characters within one path segment (never a /)
    **           any number of segments: `politics/**` is everything under politics/,
                 `**/drafts` a drafts folder at any depth, `a/**/b` a/b, a/x/b, a/x/y/b
    ?  [abc]     one character; one of a set
    name         no / (or only a trailing one): a file or folder of that name at any depth
    dir/name     a / inside: anchored at the base folder
    dir/         a folder: everything under it

A glob that matches a folder matches every file under it. A path outside the base folder
matches nothing.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass


@functools.cache
def _spec(patterns: tuple[str, ...]):
    import pathspec  # only a run with globs needs it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def check(patterns: Iterable[str], where: str) -> tuple[str, ...]:
    """The patterns, each usable as a glob, or a UsageError naming `where` they were given."""
    from checker.errors import UsageError

    found = tuple(patterns)
    for pattern in found:
        if not pattern.strip():
            raise UsageError(f"{where}: expected a glob such as 'drafts/**', found {pattern!r}")
        try:
            _spec((pattern,))
        except (ValueError, TypeError) as error:
            raise UsageError(f"{where}: {pattern!r} is not a glob: {error}") from None
    return found


@dataclass(frozen=True, slots=True)
class Globs:
    patterns: tuple[str, ...]
    base: str = ""  # the folder the patterns are relative to; '' is the current folder

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def matches(self, path: str | os.PathLike) -> bool:
        if not self.patterns:
            return False
        inside = os.path.relpath(os.path.realpath(path), os.path.realpath(self.base or os.curdir))
        if inside == os.pardir or inside.startswith(os.pardir + os.sep):
            return False  # not under the base folder
        return _spec(self.patterns).match_file(inside.replace(os.sep, "/"))


def matches_any(globs: Iterable[Globs], path: str | os.PathLike) -> bool:
    return any(g.matches(path) for g in globs)
