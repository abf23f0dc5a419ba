"""The folder report paths are relative to: the top of the git work tree the run is in (where
CI checks the repository out, and what GitHub resolves annotation and SARIF paths against),
else the current folder.

Found by looking for `.git` (a folder, or a file in linked work trees and submodules) from the
current folder upwards, as git itself does, so no git process is started.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath


def root(start: str | os.PathLike | None = None) -> Path:
    here = Path(os.path.abspath(start if start is not None else os.getcwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative(path: str, base: Path) -> PurePosixPath | None:
    """`path` (relative to the current folder, or absolute) as a path under `base`, or None when
    it lies outside. Lexical, like the paths a user typed: links are not followed."""
    absolute = Path(os.path.abspath(path))
    try:
        return PurePosixPath(absolute.relative_to(base).as_posix())
    except ValueError:
        return None
