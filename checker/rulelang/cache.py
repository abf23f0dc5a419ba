"""A cache of resolved rule sets, so a second run neither imports Lark nor re-parses.

An entry's name hashes what the rule set is built from besides file contents: the
rule paths as given and as resolved, the tool version, and the bytes of the rule
language's own code and grammar. The entry stores, beside the pickled RuleSet, the
SHA-256 of every file read (includes too); it is used only while every one of those
files still has that hash. An entry that cannot be read, is stale or is not ours is
ignored and rewritten. Entries are written whole (temporary file, then rename) and
unpickled only from our own cache folder, only when owned by us and writable by
no one else.

CLAIM_CHECKER_CACHE_DIR moves the folder (default: $XDG_CACHE_HOME/claim-checker,
else ~/.cache/claim-checker); CLAIM_CHECKER_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from checker import __version__
from checker.rulelang.ruleset import RuleSet

CACHE_DIR_ENV = "CLAIM_CHECKER_CACHE_DIR"
NO_CACHE_ENV = "CLAIM_CHECKER_NO_CACHE"
_FORMAT = 1  # bump when the entry's layout changes
_CODE_DIR = Path(__file__).resolve().parent


def enabled(requested: bool | None = None) -> bool:
    """The caller's choice if it made one, else on unless CLAIM_CHECKER_NO_CACHE is set."""
    if requested is not None:
        return requested
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in ("", "0", "false", "no")


def cache_dir() -> Path:
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claim-checker"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entry_path(rule_paths: Sequence[Path], defaults: bool) -> Path:
    """Where the rule set built from these files (as named, in this order) is kept."""
    key = hashlib.sha256()
    for part in (str(_FORMAT), __version__, sys.version, repr(defaults), _code_fingerprint()):
        key.update(part.encode() + b"\0")
    for path in rule_paths:
        key.update(f"{path}\0{path.resolve()}\0".encode())
    return cache_dir() / f"rules-{key.hexdigest()[:32]}.pickle"


def _code_fingerprint() -> str:
    """The rule language's own code: a parser or record changed in a checkout invalidates entries."""
    code = hashlib.sha256()
    for path in sorted(_CODE_DIR.iterdir()):
        if path.suffix in (".py", ".lark"):
            code.update(path.name.encode() + b"\0" + path.read_bytes())
    return code.hexdigest()


def get(entry: Path) -> RuleSet | None:
    """The cached rule set if the entry is ours, readable, and every file it was built from is unchanged."""
    try:
        if not _trusted(entry):
            return None
        with entry.open("rb") as stream:
            stored = pickle.load(stream)
        manifest, ruleset = stored["files"], stored["ruleset"]
        if stored.get("format") != _FORMAT or not isinstance(ruleset, RuleSet):
            return None
        for name, expected in manifest.items():
            if digest(Path(name).read_bytes()) != expected:
                return None
        return ruleset
    except Exception:  # a damaged or foreign entry is a miss, never an error
        return None


def put(entry: Path, files: Mapping[str, str], ruleset: RuleSet) -> None:
    """Store the rule set with the hash of every file read; a cache that cannot be written is skipped."""
    import tempfile  # only a miss writes

    temporary = None
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=entry.parent)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump({"format": _FORMAT, "files": dict(files), "ruleset": ruleset}, stream, pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)


def _trusted(entry: Path) -> bool:
    """Unpickle only a file in our folder that we own and no one else can write."""
    if entry.parent != cache_dir():
        return False
    status = entry.stat()
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return False
    return not status.st_mode & 0o022
