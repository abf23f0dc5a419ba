"""File paths as strings, spelled as pathlib spells them.

What a run reads and writes goes through os.path, not pathlib: importing pathlib (and the
urllib.parse and ipaddress it imports) was 8% of a one-article audit. These helpers keep
what reports show as it was with Path objects: 'a//b/./c/' is shown 'a/b/c', folders sort
part by part. POSIX paths; os.path does the rest.
"""

from __future__ import annotations

import contextlib
import os


def _root_and_parts(path: str) -> tuple[str, list[str]]:
    # As PurePosixPath: exactly two leading slashes are kept (POSIX leaves their meaning to
    # the system), one or three and more are one.
    root = "//" if path.startswith("//") and not path.startswith("///") else "/" if path.startswith("/") else ""
    return root, [part for part in path.split("/") if part not in ("", ".")]


def tidy(path: str | os.PathLike) -> str:
    """The path as str(PurePosixPath(path)): no empty or '.' parts, no trailing slash, '.' for none."""
    root, parts = _root_and_parts(os.fspath(path))
    return root + "/".join(parts) if root or parts else "."


def parts(path: str) -> tuple[str, ...]:
    """Its parts, as PurePosixPath.parts: ('/', 'a', 'b') for '/a/b'. Files sorted by their
    parts list a folder's files in the order pathlib sorted them."""
    root, names = _root_and_parts(path)
    return (root, *names) if root else tuple(names)


def suffix(path: str) -> str:
    """The last part's extension, as PurePosixPath.suffix: '.md' for 'a/b.md', '' for '.profile'."""
    names = _root_and_parts(path)[1]
    name = names[-1] if names else ""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def remove(path: str) -> None:
    """Delete a file if it is there (Path.unlink(missing_ok=True))."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
