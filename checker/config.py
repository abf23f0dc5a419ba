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

    [tool.claim-checker.per-glob."drafts/*"]
    ignore = ["CC001"]
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.model import Severity

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
    "model",
)
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
    model: str | None = None


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as stream:
        return stream.read()


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
        from checker.catalogue import checks

        codes = [check.code for check in checks()]
        found = tuple(p.strip().upper() for p in self.strings(key))
        for prefix in found:
            if not any(code.startswith(prefix) for code in codes):
                self.fail(key, f"{prefix!r} is the prefix of no check (known: {', '.join(codes)})")
        return found

    def policy(self) -> CodePolicy:
        severities = self.table.get("severity", {})
        if not isinstance(severities, dict):
            self.fail("severity", f"expected a table of code = level, found {severities!r}")
        levels = tuple(s.value for s in Severity)
        pairs = []
        for code, level in severities.items():
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
    return Config(
        path=path,
        rules=tuple(str(Path(base, rule)) for rule in reader.strings("rules")),
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
