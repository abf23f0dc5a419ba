"""Writing a report file whole or not at all: a temporary file beside it, then a rename."""

from __future__ import annotations

import os
from pathlib import Path

from checker.errors import UsageError


def write_report(text: str, output: str | None) -> None:
    """To standard output, or to a file written whole."""
    if output is None:
        import sys

        sys.stdout.write(text)
        return
    write_whole(output, text)


def write_whole(path: str, text: str) -> None:
    import tempfile  # only a report written to a file needs one

    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UsageError(f"{path}: cannot write the report: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise UsageError(f"{path}: cannot write the report: {error.strerror}") from None
        raise
