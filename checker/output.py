"""Writing a report: to standard output, or to a file written whole or not at all.

A file is written through a temporary file beside it, then renamed over it, so a reader
never sees half a report. The file gets the mode a plain `open` would give it (0666 less
the umask), or keeps the mode it had; a symbolic link is written through, to the file it
names, and stays a link; a device or FIFO (/dev/null, /dev/stdout) is written in place.
Temporary files carry the writer's process id, so one left by a killed run is removed by
the next write beside it. A path that is the same file as something the run reads (an
article, a rule file, the configuration, a baseline) is refused before anything is written.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from checker.errors import UsageError

STDOUT = "-"
_NAME_BYTES = 100  # of the target's name kept in the temporary's: with the rest, well under NAME_MAX (255)


def write_report(text: str, output: str | None) -> None:
    """To standard output (`output` None or '-'), or to a file written whole."""
    from checker.interrupts import raise_if_pending

    raise_if_pending()  # a stopped run writes nothing, even if its signal was swallowed
    if output is None or output == STDOUT:
        to_stdout(text)
        return
    write_whole(output, text)


def to_stdout(text: str) -> None:
    """Write and flush, or a usage error naming why (a full disk, a closed pipe): exit 2, one line."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as error:
        discard_stdout()
        reason = getattr(error, "strerror", None) or str(error)
        raise UsageError(f"cannot write the report to standard output: {reason}") from None


def discard_stdout() -> None:
    """Send what is still buffered to /dev/null, so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture): nothing to flush
        pass


def refuse_overwriting(outputs: Iterable[str | None], read: Iterable[str]) -> None:
    """A usage error if an output path is the same file (by device and inode, through symbolic
    links) as a file the run reads, or as another output; nothing has been written yet."""
    taken: dict[tuple[int, int], str] = {}
    for path in read:
        key = _identity(path)
        if key is not None:
            taken.setdefault(key, path)
    written: dict[str, str] = {}
    for output in outputs:
        if output is None or output == STDOUT:
            continue
        where = os.path.realpath(output)
        if where in written:
            raise UsageError(f"{output}: is also {written[where]}, another file this run writes; nothing was written")
        written[where] = output
        key = _identity(output)
        if key in taken:
            raise UsageError(f"{output}: is the same file as {taken[key]}, which this run reads; nothing was written")


def _identity(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def write_whole(path: str, text: str) -> None:
    target = os.path.realpath(path) if os.path.islink(path) else str(Path(path))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise UsageError(f"{path}: cannot write the report: {error.strerror}") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise UsageError(f"{path}: cannot write the report: it is a folder")
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(path, target, text)  # a device or a FIFO: there is no file to replace
        return
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask()
    _replace(path, target, text, mode)


def _replace(path: str, target: str, text: str, mode: int) -> None:
    import tempfile  # only a report written to a file needs one

    folder, name = os.path.split(target)
    folder = folder or "."
    short = os.fsdecode(os.fsencode(name)[:_NAME_BYTES])
    _remove_abandoned(folder, short)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{short}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UsageError(f"{path}: cannot write the report: {error.strerror}") from None
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise UsageError(f"{path}: cannot write the report: {error.strerror}") from None
        raise


def _write_in_place(path: str, target: str, text: str) -> None:
    try:
        handle = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise UsageError(f"{path}: cannot write the report: {error.strerror}") from None


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it: set it straight back
    os.umask(mask)
    return mask


def _remove_abandoned(folder: str, short: str) -> None:
    """Remove this target's temporary files whose writer is no longer running (a killed run)."""
    prefix = f".{short}."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for found in names:
        rest = found[len(prefix) :]
        pid = rest.split(".", 1)[0]
        if rest.count(".") == 2 and pid.isdigit() and not _running(int(pid)):
            Path(folder, found).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process: leave its file alone
    return True
