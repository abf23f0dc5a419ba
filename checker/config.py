"""The configuration file: `[tool.claim-checker]` in pyproject.toml, or `.claim-checker.toml`.

Found from the current folder upwards; in one folder `.claim-checker.toml` wins over
pyproject.toml. Paths in it (rule files, globs) are relative to the file's folder. Every
key and value is checked, and a bad one is one clear error naming the file and the key.

    [tool.claim-checker]
    rules = ["rules/talks.rules"]
    default-rules = true
    select = ["CC"]                  # code prefixes; the longest matching prefix wins
    ignore = ["CC9"]
    severity = { CC101 = "warning" }
    fail-on = "warning"
    format = "github"
    as-of = "2025-07-24"
    model = "en_core_web_md"         # the spaCy pipeline (default: en_core_web_sm)

    exclude = ["drafts/**", "vendor/"]  # globs (checker.globs) of files no folder scan checks

    [tool.claim-checker.per-glob."drafts/*"]
    ignore = ["CC001"]

    [[tool.claim-checker.rules]]      # rules for some articles only (checker.scoped); a plain
    paths = ["politics/**"]           # `rules = [...]` of file names applies to every article,
    files = ["rules/politics.rules"]  # and the two kinds of entry may be mixed in one list
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.globs import Globs
from checker.model import Severity
from checker.scoped import ScopedRules

OWN_FILE = ".claim-checker.toml"
PYPROJECT = "pyproject.toml"
_TOP_KEYS = (
    "rules",
    "default-rules",
    "select",
    "ignore",
    "severity",
    "fail-on",
    "format",
    "as-of",
    "per-glob",
    "exclude",
    "model",
)
_SCOPED_KEYS = ("paths", "files")
_GLOB_KEYS = ("select", "ignore", "severity")


FAIL_ON_CHOICES = ("error", "warning", "note", "never")


@dataclass(frozen=True, slots=True)
class CodePolicy:
    """Which checks run and at what severity, by code prefix (longest prefix wins)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.select or self.ignore or self.severity)


@dataclass(frozen=True, slots=True)
class GlobPolicy:
    pattern: str  # matched against a document's path relative to `base`, in / form
    base: str  # the configuration file's folder ('' for the current one)
    policy: CodePolicy


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None
    rules: tuple[str, ...] = ()
    default_rules: bool = True
    policy: CodePolicy = field(default_factory=CodePolicy)
    fail_on: Severity | None = Severity.ERROR
    format: str = "table"
    as_of: dt.date | None = None
    per_glob: tuple[GlobPolicy, ...] = ()
    exclude: Globs | None = None
    scoped_rules: tuple[ScopedRules, ...] = ()
    model: str | None = None


MAX_CONFIG_BYTES = 1_000_000


def _read(path: str) -> str:
    from checker.inputs import TooLarge, read_bounded

    try:
        return read_bounded(path, MAX_CONFIG_BYTES).decode("utf-8")
    except TooLarge as error:
        raise UsageError(f"{path}: the configuration {error}") from None


def _has_section(pyproject: str) -> bool:
    try:
        return "[tool.claim-checker" in _read(pyproject)
    except (OSError, UnicodeDecodeError):
        return False


def find_config(start: str) -> str | None:
    """The configuration file that governs the folder `start`: its own or its nearest parent's."""
    folder = os.path.realpath(start)
    while True:
        own = os.path.join(folder, OWN_FILE)
        if os.path.isfile(own):
            return own
        pyproject = os.path.join(folder, PYPROJECT)
        if os.path.isfile(pyproject) and _has_section(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


class _Reader:
    """Typed access to one table of the file, with errors that name the key."""

    def __init__(self, path: str, prefix: str, table: dict[str, Any], allowed: tuple[str, ...]) -> None:
        self.path, self.prefix, self.table = path, prefix, table
        for key in table:
            if key not in allowed:
                self.fail(key, f"unknown key (expected one of {', '.join(allowed)})")

    def fail(self, key: str, problem: str):
        raise UsageError(f"{self.path}: {self.prefix}{key}: {problem}")

    def text(self, key: str, choices: tuple[str, ...] | None = None) -> str | None:
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(key, f"expected a string, found {value!r}")
        if choices and value not in choices:
            self.fail(key, f"expected one of {', '.join(choices)}, found {value!r}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, f"expected a list of strings, found {value!r}")
        return tuple(value)

    def prefixes(self, key: str) -> tuple[str, ...]:
        from checker.codes import checked

        return checked(self.strings(key), f"{self.path}: {self.prefix}{key}")

    def policy(self) -> CodePolicy:
        severities = self.table.get("severity", {})
        if not isinstance(severities, dict):
            self.fail("severity", f"expected a table of code = level, found {severities!r}")
        levels = tuple(s.value for s in Severity)
        pairs = []
        from checker.codes import checked

        for code, level in severities.items():
            checked([code], f"{self.path}: {self.prefix}severity.{code}")
            if level not in levels:
                self.fail(f"severity.{code}", f"expected one of {', '.join(levels)}, found {level!r}")
            pairs.append((code.upper(), Severity(level)))
        return CodePolicy(select=self.prefixes("select"), ignore=self.prefixes("ignore"), severity=tuple(pairs))


def load_config(path: str) -> Config:
    import tomllib

    try:
        data = tomllib.loads(_read(path))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the configuration: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None
    if os.path.basename(path) == PYPROJECT:
        table = data.get("tool", {}).get("claim-checker", {})
        prefix = "tool.claim-checker."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise UsageError(f"{path}: {prefix.rstrip('.')}: expected a table")
    reader = _Reader(path, prefix, table, _TOP_KEYS)
    base = os.path.dirname(path)
    from checker.reporters import formats

    default_rules = table.get("default-rules", True)
    if not isinstance(default_rules, bool):
        reader.fail("default-rules", f"expected true or false, found {default_rules!r}")
    fail_on = reader.text("fail-on", FAIL_ON_CHOICES)
    as_of = table.get("as-of")
    if isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime):
        day = as_of
    elif isinstance(as_of, str):
        day = parse_date(as_of, f"{path}: {prefix}as-of")
    elif as_of is None:
        day = None
    else:
        reader.fail("as-of", f"expected a date (YYYY-MM-DD), found {as_of!r}")
    globs = table.get("per-glob", {})
    if not isinstance(globs, dict):
        reader.fail("per-glob", 'expected tables keyed by glob, like [per-glob."drafts/*"]')
    per_glob = []
    for pattern, settings in globs.items():
        where = f'{prefix}per-glob."{pattern}".'
        if not isinstance(settings, dict):
            raise UsageError(f"{path}: {where.rstrip('.')}: expected a table")
        per_glob.append(GlobPolicy(pattern, base, _Reader(path, where, settings, _GLOB_KEYS).policy()))
    rules, scoped = _rules(reader, base)
    return Config(
        path=path,
        rules=rules,
        exclude=_exclude(reader, base),
        scoped_rules=scoped,
        default_rules=default_rules,
        policy=reader.policy(),
        fail_on=parse_fail_on(fail_on) if fail_on else Severity.ERROR,
        format=reader.text("format", tuple(formats())) or "table",
        as_of=day,
        per_glob=tuple(per_glob),
        model=reader.text("model"),
    )


def parse_date(text: str, what: str = "--as-of") -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what}: expected a date as YYYY-MM-DD, found {text!r}") from None


def parse_fail_on(text: str, what: str = "--fail-on") -> Severity | None:
    if text not in FAIL_ON_CHOICES:
        raise UsageError(f"{what}: expected one of {', '.join(FAIL_ON_CHOICES)}, found {text!r}")
    return None if text == "never" else Severity(text)


def _exclude(reader: _Reader, base: str) -> Globs | None:
    patterns = reader.strings("exclude")
    if not patterns:
        return None
    from checker.globs import check

    return Globs(check(patterns, f"{reader.path}: {reader.prefix}exclude"), base)


def _rules(reader: _Reader, base: str) -> tuple[tuple[str, ...], tuple[ScopedRules, ...]]:
    """The rule files every article gets, and those for the articles some globs match."""
    entries = reader.table.get("rules", [])
    if not isinstance(entries, list):
        reader.fail("rules", f"expected a list of rule files or of {{paths, files}} tables, found {entries!r}")
    everywhere: list[str] = []
    scoped: list[ScopedRules] = []
    for number, entry in enumerate(entries):
        if isinstance(entry, str):
            everywhere.append(str(Path(base, entry)))
            continue
        from checker.globs import check

        if not isinstance(entry, dict):
            reader.fail(f"rules[{number}]", f"expected a rule file or a {{paths, files}} table, found {entry!r}")
        table = _Reader(reader.path, f"{reader.prefix}rules[{number}].", entry, _SCOPED_KEYS)
        globs, files = table.strings("paths"), table.strings("files")
        if not globs or not files:
            table.fail("paths" if not globs else "files", "expected a non-empty list of strings")
        globs = check(globs, f"{reader.path}: {table.prefix}paths")
        scoped.append(ScopedRules(Globs(globs, base), tuple(str(Path(base, f)) for f in files)))
    return tuple(everywhere), tuple(scoped)
