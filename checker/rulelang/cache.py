"""A cache of resolved rule sets, so a second run neither imports Lark nor re-parses.

An entry holds one RuleSet as JSON data (checker.rulelang.stored): decoding it builds
only the rule language's records, so an entry can never run code. It is used only while
everything it was built from is byte for byte what this run has:

- its key: the entry layout, the tool's and Python's versions, whether the bundled
  vocabularies were loaded, and the rule paths as given and as resolved;
- the bytes of the rule language's own code and grammar (a parser or value class changed
  in a checkout invalidates entries);
- every rule file read for it, includes too: its bytes, and the file its path led to
  (a symbolic link pointed elsewhere since is a change).

Comparing the bytes themselves, rather than a hash, is exact (no collision can pass a
stale entry) and spares importing hashlib. The entry's file name is a CRC of its key; two
keys that share a name only take turns in one file (a miss, never a wrong hit).

Who wrote an entry matters even though it holds data: a planted entry could hand back a
rule set that checks nothing. So the cache is used only in a folder that we own and no
one else can write, and an entry only when it is a regular file (opened without following
a symbolic link, checked on the open descriptor, not the path) that we own and no one else
can write, no larger than MAX_ENTRY_BYTES. Anything else is ignored: a miss, never an
error. Entries are written whole (temporary file, then rename). The folder stays bounded:
a write keeps the MAX_ENTRIES most recently written entries and removes entries of earlier
layouts (pickles among them) and the temporary files of writes that never finished; it
removes nothing else, whatever else the folder holds.

CLAIM_CHECKER_CACHE_DIR moves the folder (default: $XDG_CACHE_HOME/claim-checker,
else ~/.cache/claim-checker); CLAIM_CHECKER_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from checker import __version__

MAX_ENTRIES = 64
MAX_ENTRY_BYTES = 64_000_000
_ABANDONED_AFTER = 3600.0  # seconds: a temporary file this old is a write that never finished
CACHE_DIR_ENV = "CLAIM_CHECKER_CACHE_DIR"
NO_CACHE_ENV = "CLAIM_CHECKER_NO_CACHE"
_FORMAT = 5  # bump when the entry's layout changes
_SUFFIX = ".json"
_EARLIER_SUFFIXES = (".pickle",)  # entries of earlier layouts, removed when seen
_CODE_DIR = os.path.dirname(os.path.realpath(__file__))


def enabled(requested: bool | None = None) -> bool:
    """The caller's choice if it made one, else on unless CLAIM_CHECKER_NO_CACHE is set."""
    if requested is not None:
        return requested
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in ("", "0", "false", "no")


def cache_dir() -> str:
    if os.environ.get(CACHE_DIR_ENV):
        return str(Path(os.environ[CACHE_DIR_ENV]))
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return str(Path(base, "claim-checker"))


class Entry:
    """The cache entry for the rule set built from these rule files (as named, in this order)."""

    __slots__ = ("key", "path")

    def __init__(self, rule_paths: Sequence[str | os.PathLike], defaults: bool) -> None:
        named = tuple((os.fspath(path), os.path.realpath(path)) for path in rule_paths)
        self.key = repr((_FORMAT, __version__, sys.version, defaults, named))
        self.path = os.path.join(cache_dir(), f"rules-{zlib.crc32(self.key.encode()):08x}{_SUFFIX}")

    def get(self) -> object | None:
        """The cached rule set if the entry is ours, readable, and built from exactly what is here now."""
        try:
            data = _read_trusted(self.path)
            if data is None:
                return None
            import json

            stored = json.loads(data)
            if stored["key"] != self.key or stored["code"] != _text_of(_code()):
                return None
            for name, (resolved, expected) in stored["files"].items():
                if os.path.realpath(name) != resolved or _bytes(name).decode("latin-1") != expected:
                    return None
            from checker.rulelang.ruleset import RuleSet
            from checker.rulelang.stored import decode

            value = decode(stored["value"])
            return value if isinstance(value, RuleSet) else None
        except Exception:  # a damaged, stale-format or foreign entry is a miss, never an error
            return None

    def put(self, files: Mapping[str, tuple[str, bytes]], value: object) -> None:
        """Store the rule set with every file read (path as opened -> its resolved path and bytes);
        a cache that cannot be written (or is not ours alone) is skipped."""
        import json
        import tempfile  # only a miss writes

        from checker.rulelang.stored import encode

        stored = {
            "key": self.key,
            "code": _text_of(_code()),
            "files": {name: [resolved, data.decode("latin-1")] for name, (resolved, data) in files.items()},
            "value": encode(value),
        }
        temporary = None
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            if not _trusted_folder(folder):
                return
            handle, temporary = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(stored, stream, separators=(",", ":"))
            os.replace(temporary, self.path)
        except (OSError, ValueError, TypeError):
            if temporary:
                Path(temporary).unlink(missing_ok=True)
            return
        _prune(folder, keep=self.path)


def _read_trusted(entry: str) -> bytes | None:
    """The entry's bytes if it is a regular file in our own folder that we own and no one else
    can write; else None. The checks are made on the open descriptor, so the file checked is
    the file read (a link swapped in between is never followed)."""
    folder = os.path.dirname(entry)
    if folder != cache_dir() or not _trusted_folder(folder):
        return None
    try:
        handle = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or not _ours_alone(status) or status.st_size > MAX_ENTRY_BYTES:
            return None
        return stream.read(MAX_ENTRY_BYTES + 1)


def _trusted_folder(folder: str) -> bool:
    try:
        status = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and _ours_alone(status)


def _ours_alone(status: os.stat_result) -> bool:
    """Owned by this user, writable by no group and no one else."""
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return False
    return not status.st_mode & 0o022


def _prune(folder: str, keep: str) -> None:
    """Remove, of our own files only, all but the MAX_ENTRIES most recently written entries,
    entries of an earlier layout, and abandoned temporary files."""
    import time

    now = time.time()
    entries: list[tuple[float, str]] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            written = os.lstat(path).st_mtime
        except OSError:
            continue
        abandoned = name.startswith(".rules-") and name.endswith(".tmp") and now - written > _ABANDONED_AFTER
        if _entry_digits(name, _SUFFIX) == 8:
            entries.append((written, path))
        elif abandoned or any(_entry_digits(name, suffix) in (8, 32) for suffix in _EARLIER_SUFFIXES):
            Path(path).unlink(missing_ok=True)
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        if path != keep:
            Path(path).unlink(missing_ok=True)


def _entry_digits(name: str, suffix: str) -> int:
    """How many hexadecimal digits name the entry (8 now; 32 in early layouts), 0 if not an entry."""
    digits = name.removeprefix("rules-").removesuffix(suffix)
    if len(digits) + len("rules-") + len(suffix) != len(name) or not digits:
        return 0
    return len(digits) if all(c in "0123456789abcdef" for c in digits) else 0


def _bytes(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _text_of(files: Mapping[str, bytes]) -> dict[str, str]:
    return {path: data.decode("latin-1") for path, data in files.items()}


def _code() -> dict[str, bytes]:
    """The rule language's own code and grammar (its value classes among them): path -> bytes."""
    names = sorted(name for name in os.listdir(_CODE_DIR) if name.endswith((".py", ".lark")))
    return {path: _bytes(path) for path in (os.path.join(_CODE_DIR, name) for name in names)}
