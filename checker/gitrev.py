"""An article as it was at a git revision, for `audit --since REV`.

Only reads: `git rev-parse` and `git show`. A file the revision did not have yet comes
back as None (everything in it is new).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from checker.errors import UsageError


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--since needs git, which is not installed") from None


def text_at(revision: str, path: str | Path) -> str | None:
    """The file's text at `revision`, or None if it did not exist there."""
    from checker.readers import decode

    file = Path(path).resolve()
    folder = file.parent
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UsageError(f"--since: {path} is not inside a git repository")
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        raise UsageError(f"--since: unknown revision {revision!r}")
    inside = file.relative_to(Path(top.stdout.decode().strip()).resolve()).as_posix()
    shown = _git(folder, "show", f"{revision}:{inside}")
    if shown.returncode != 0:
        return None
    return decode(shown.stdout, f"{path} at {revision}")
