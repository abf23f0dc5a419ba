"""A cache of what is built from rule files, so a second run neither imports Lark nor re-parses.

An entry holds one pickled value of a kind: the resolved RuleSet ("rules"), or that rule
set with its vocabularies compiled into matchers ("prepared", see checker.pipeline). It
is used only while everything it was built from is byte for byte what this run has:

- its key: the kind, the entry layout, the tool's and Python's versions, whether the
  bundled vocabularies were loaded, and the rule paths as given and as resolved;
- the bytes of the rule language's own code and grammar, and of the modules whose
  classes the value holds (a parser or value class changed in a checkout invalidates entries);
- every rule file read for it, includes too: its bytes, and the file its path led to
  (a symbolic link pointed elsewhere since is a change).

Comparing the bytes themselves, rather than their SHA-256 as before, is exact (no
collision can pass a stale entry) and spares importing hashlib, whose OpenSSL binding
cost more start-up than reading and comparing these files (about 80 kB). The entry's
file name is a CRC of its key; two keys that share a name only take turns in one
file (a miss, never a wrong hit).

An entry that cannot be read, is stale or is not ours is ignored and rewritten.
Entries are written whole (temporary file, then rename) and unpickled only from our
own cache folder, only when owned by us and writable by no one else. The folder stays
bounded: a write keeps the MAX_ENTRIES most recently written entries and removes
entries of earlier layouts and the temporary files of writes that never finished; it
removes nothing else, whatever else the folder holds.

CLAIM_CHECKER_CACHE_DIR moves the folder (default: $XDG_CACHE_HOME/claim-checker,
else ~/.cache/claim-checker); CLAIM_CHECKER_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from pickle import load as _unpickle

from checker import __version__

MAX_ENTRIES = 64
_ABANDONED_AFTER = 3600.0  # seconds: a temporary file this old is a write that never finished
CACHE_DIR_ENV = "CLAIM_CHECKER_CACHE_DIR"
NO_CACHE_ENV = "CLAIM_CHECKER_NO_CACHE"
_FORMAT = 4  # bump when the entry's layout changes
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
    """The cache entry for the value of `kind` built from these rule files (as named, in this
    order); `code` names the modules, beyond the rule language's, whose classes it holds."""

    __slots__ = ("code", "key", "kind", "path")

    def __init__(
        self, rule_paths: Sequence[str | os.PathLike], defaults: bool, kind: type, code: Sequence[str] = ()
    ) -> None:
        named = tuple((os.fspath(path), os.path.realpath(path)) for path in rule_paths)
        self.kind = kind
        self.code = tuple(code)
        self.key = (_FORMAT, kind.__module__, kind.__qualname__, __version__, sys.version, defaults, named)
        self.path = os.path.join(cache_dir(), f"rules-{zlib.crc32(repr(self.key).encode()):08x}.pickle")

    def get(self) -> object | None:
        """The cached value if the entry is ours, readable, and built from exactly what is here now."""
        try:
            if not _trusted(self.path):
                return None
            with open(self.path, "rb") as stream:
                stored = _unpickle(stream)
            value = stored["value"]
            if stored["key"] != self.key or not isinstance(value, self.kind) or stored["code"] != _code(self.code):
                return None
            for name, (resolved, expected) in stored["files"].items():
                if os.path.realpath(name) != resolved or _bytes(name) != expected:
                    return None
            return value
        except Exception:  # a damaged, stale-format or foreign entry is a miss, never an error
            return None

    def put(self, files: Mapping[str, tuple[str, bytes]], value: object) -> None:
        """Store the value with every file read (path as opened -> its resolved path and bytes);
        a cache that cannot be written is skipped."""
        import pickle  # only a miss writes
        import tempfile

        stored = {"key": self.key, "code": _code(self.code), "files": dict(files), "value": value}
        temporary = None
        try:
            folder = os.path.dirname(self.path)
            os.makedirs(folder, mode=0o700, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=folder)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(stored, stream, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
            return
        _prune(folder, keep=self.path)


def _prune(folder: str, keep: str) -> None:
    """Remove, of our own files only, all but the MAX_ENTRIES most recently written entries,
    entries named by an earlier layout (a 32-digit hash), and abandoned temporary files."""
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
            written = os.stat(path).st_mtime
        except OSError:
            continue
        digits = _entry_digits(name)
        abandoned = name.startswith(".rules-") and name.endswith(".tmp") and now - written > _ABANDONED_AFTER
        if digits == 8:
            entries.append((written, path))
        elif digits == 32 or abandoned:
            Path(path).unlink(missing_ok=True)
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        if path != keep:
            Path(path).unlink(missing_ok=True)


def _entry_digits(name: str) -> int:
    """How many hexadecimal digits name the entry (8 now; 32 before layout 4), 0 if not an entry."""
    digits = name.removeprefix("rules-").removesuffix(".pickle")
    if len(digits) + len("rules-.pickle") != len(name) or not digits:
        return 0
    return len(digits) if all(c in "0123456789abcdef" for c in digits) else 0


def _bytes(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _code(extra: Sequence[str] = ()) -> dict[str, bytes]:
    """The rule language's own code and grammar, and the `extra` modules: path -> bytes."""
    names = sorted(name for name in os.listdir(_CODE_DIR) if name.endswith((".py", ".lark")))
    return {path: _bytes(path) for path in (*(os.path.join(_CODE_DIR, name) for name in names), *extra)}


def _trusted(entry: str) -> bool:
    """Unpickle only a file in our folder that we own and no one else can write."""
    if os.path.dirname(entry) != cache_dir():
        return False
    status = os.stat(entry)
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return False
    return not status.st_mode & 0o022
