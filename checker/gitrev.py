"""Articles as they were at a git revision, following renames: for `audit --since REV` and baselines.

Only reads: `git rev-parse`, `git diff --name-status -M` and `git show`. A file renamed
since the revision (`git mv drafts/a.txt published/a.txt`, committed or staged) is found
under its old name there, by git's own rename detection (similar content, not only the
same content). A file the revision did not have yet comes back as None (everything in
it is new).
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

from checker.errors import UsageError


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is needed here, and is not installed") from None


def toplevel(folder: str | Path) -> Path | None:
    """The work tree that holds `folder`, or None outside one (or without git)."""
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, check=False
        )
    except FileNotFoundError:
        return None
    return Path(top.stdout.decode().strip()).resolve() if top.returncode == 0 else None


def head(folder: str | Path) -> str | None:
    """The commit checked out in the work tree holding `folder`, or None (no git, no commit yet)."""
    if toplevel(folder) is None:
        return None
    shown = _git(Path(folder), "rev-parse", "--verify", "--quiet", "HEAD")
    return shown.stdout.decode().strip() if shown.returncode == 0 else None


@functools.cache
def renames(top: Path, revision: str) -> dict[str, str]:
    """Files renamed between `revision` and the work tree (index included): new path -> old path,
    both relative to `top` in / form."""
    listed = _git(top, "diff", "--name-status", "-M", "-z", "--diff-filter=R", revision, "--")
    if listed.returncode != 0:
        return {}
    fields = listed.stdout.decode("utf-8", "surrogateescape").split("\0")
    found: dict[str, str] = {}
    i = 0
    while i + 2 < len(fields):  # -z: status, old path, new path, each ended by NUL
        if fields[i].startswith("R"):
            found[fields[i + 2]] = fields[i + 1]
        i += 3
    return found


def path_at(revision: str, path: str | Path) -> tuple[Path, str] | None:
    """The work tree's top and the path (relative to it) the file had at `revision`, following a
    rename; None outside a work tree."""
    file = Path(path).resolve()
    top = toplevel(file.parent)
    if top is None:
        return None
    inside = file.relative_to(top).as_posix()
    return top, renames(top, revision).get(inside, inside)


def text_at(revision: str, path: str | Path) -> tuple[str, str] | None:
    """The file's text at `revision` and the name it had there (renames followed), or None if it
    did not exist there."""
    from checker.readers import decode

    file = Path(path).resolve()
    found = path_at(revision, file)
    if found is None:
        raise UsageError(f"--since: {path} is not inside a git repository")
    top, old = found
    if _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        raise UsageError(f"--since: unknown revision {revision!r}")
    shown = _git(top, "show", f"{revision}:{old}")
    if shown.returncode != 0:
        return None
    return decode(shown.stdout, f"{path} at {revision}"), old
