"""Typed settings for one run: command-line flags over the configuration file over defaults.

Layers below never see argparse or TOML; they get a frozen Settings. The configuration file
(checker.config) knows nothing of flags: this module reads it, never the other way round.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from checker.config import CodePolicy, Config, GlobPolicy, find_config, load_config, parse_date, parse_fail_on
from checker.errors import UsageError
from checker.globs import Globs
from checker.model import Severity
from checker.scoped import ScopedRules


@dataclass(frozen=True, slots=True)
class Settings:
    rules: tuple[str, ...] = ()
    default_rules: bool = True
    as_of: dt.date | None = None
    fail_on: Severity | None = Severity.ERROR  # None: never fail on findings
    format: str = "table"
    output: str | None = None
    policy: CodePolicy = field(default_factory=CodePolicy)
    per_glob: tuple[GlobPolicy, ...] = ()
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    cache: bool | None = None  # None: on unless CLAIM_CHECKER_NO_CACHE is set
    max_bytes: int = 5_000_000
    encoding: str | None = None  # for files with no BOM that are not valid UTF-8
    stdin_name: str = "<stdin>"
    exclude: tuple[Globs, ...] = ()  # the configuration's, then --exclude's (relative to the current folder)
    scoped_rules: tuple[ScopedRules, ...] = ()
    gitignore: bool = True  # folder scans in a git work tree skip what git ignores
    config: str | None = None  # the configuration file read, if any
    model: str | None = None  # the spaCy pipeline; None: checker.analysis picks the default

    def fails(self, worst: Severity | None) -> bool:
        return worst is not None and self.fail_on is not None and worst.rank >= self.fail_on.rank


ENGINES = ("local", "dask")


def default_jobs() -> int:
    """The cores this process may run on."""
    import os

    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


MAX_JOBS = 1024  # a process pool starts its workers at once: a typo like -j 80000 must not fork that many


def parse_jobs(text: str | None) -> int:
    if text is None:
        return default_jobs()
    if not text.isdigit() or len(text.lstrip("0")) > 4 or not 1 <= int(text) <= MAX_JOBS:  # 4,300 digits raise
        raise UsageError(f"--jobs: expected a whole number of processes from 1 to {MAX_JOBS}, found {text[:20]!r}")
    return int(text)


def parse_engine(engine: str, scheduler: str | None) -> str:
    if engine not in ENGINES:
        raise UsageError(f"--engine: expected one of {', '.join(ENGINES)}, found {engine!r}")
    if scheduler is not None:  # a scheduler means an existing Dask cluster
        check_scheduler(scheduler)
        return "dask"
    return engine


SCHEDULER_SCHEMES = ("tcp", "tls", "ucx", "ws", "wss")  # the transports of a Dask scheduler's address


def check_scheduler(address: str) -> str:
    """A Dask scheduler address (tcp://HOST:PORT, or HOST:PORT, which Dask reads as tcp), or a usage error."""
    from urllib.parse import urlsplit

    expected = "--scheduler: expected a Dask scheduler address such as tcp://HOST:8786"
    if not address.strip():
        raise UsageError(f"{expected}, found nothing")
    try:
        parts = urlsplit(address if "://" in address else f"tcp://{address}")
    except ValueError:  # an unclosed IPv6 bracket: tcp://[::1:8786
        raise UsageError(f"{expected} (a host and a port number), found {address!r}") from None
    if parts.scheme not in SCHEDULER_SCHEMES:
        raise UsageError(f"{expected} (transport {', '.join(SCHEDULER_SCHEMES)}), found {address!r}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if not parts.hostname or port is None or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise UsageError(f"{expected} (a host and a port number), found {address!r}")
    return address


def _prefixes(text: str | None, flag: str) -> tuple[str, ...] | None:
    if text is None:
        return None
    from checker.codes import checked

    found = checked(text.split(","), flag)
    if not found:
        raise UsageError(f"{flag}: expected check codes or prefixes such as CC1,CC001, found {text!r}")
    return found


# flags whose empty value would otherwise be read as "not given", silently
_NOT_EMPTY = ("config", "baseline", "write_baseline", "stdin_filename", "max_size", "since", "rules", "exclude")


def _refuse_empty(args: argparse.Namespace) -> None:
    for name in _NOT_EMPTY:
        value = getattr(args, name, None)
        for given in value if isinstance(value, list) else [value]:
            if given is not None and not given.strip():
                raise UsageError(f"--{name.replace('_', '-')}: expected a value, found {given!r}")


def settings_for(args: argparse.Namespace, paths: Sequence[str]) -> Settings:
    """The run's settings: the flags in `args` win over the configuration file found for it."""
    _refuse_empty(args)
    config = Config()
    if not getattr(args, "no_config", False):
        found = args.config if getattr(args, "config", None) else find_config(".")
        if found is not None:
            config = load_config(found)
    select = _prefixes(getattr(args, "select", None), "--select")
    ignore = _prefixes(getattr(args, "ignore", None), "--ignore")
    policy = CodePolicy(
        select=config.policy.select if select is None else select,
        ignore=config.policy.ignore if ignore is None else ignore,
        severity=config.policy.severity,
    )
    return Settings(
        rules=(*config.rules, *args.rules),
        default_rules=config.default_rules and not args.no_default_rules,
        as_of=parse_date(args.as_of) if args.as_of is not None else config.as_of,
        fail_on=parse_fail_on(args.fail_on) if args.fail_on is not None else config.fail_on,
        format=args.format if args.format is not None else config.format,  # checked by checker.reporters
        output=args.output,
        policy=policy,
        per_glob=config.per_glob,
        jobs=parse_jobs(getattr(args, "jobs", None)),
        engine=parse_engine(getattr(args, "engine", "local"), getattr(args, "scheduler", None)),
        scheduler=getattr(args, "scheduler", None),
        cache=False if getattr(args, "no_cache", False) else None,
        max_bytes=_max_bytes(getattr(args, "max_size", None)),
        encoding=_encoding(getattr(args, "encoding", None)),
        stdin_name=getattr(args, "stdin_filename", None) or "<stdin>",
        exclude=_excludes(config.exclude, getattr(args, "exclude", None) or ()),
        scoped_rules=config.scoped_rules,
        gitignore=not getattr(args, "no_gitignore", False),
        config=config.path,
        model=getattr(args, "model", None) or config.model,
    )


def _excludes(configured: Globs | None, flags: Sequence[str]) -> tuple[Globs, ...]:
    from checker.globs import check

    given = Globs(check(flags, "--exclude"))
    return tuple(g for g in (configured, given) if g)


def _encoding(name: str | None) -> str | None:
    if name is None:
        return None
    from checker.readers import check_encoding

    return check_encoding(name)


MAX_SIZE = 4 * 1000**3
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3}


def _max_bytes(flag: str | None) -> int:
    from checker.readers import MAX_BYTES  # the readers' own limit (5MB) when no --max-size is given

    return parse_size(flag) if flag else MAX_BYTES


def parse_size(text: str, flag: str = "--max-size") -> int:
    """'5MB', '500kB', '1000000' -> bytes (decimal units, as disk sizes are shown)."""
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else None
    if not match or unit not in _UNITS or float(match.group(1)) * _UNITS[unit] < 1:
        raise UsageError(f"{flag}: expected a size such as 5MB, 500kB or 100000 (bytes), found {text!r}")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size > MAX_SIZE:
        raise UsageError(f"{flag}: expected at most {MAX_SIZE // 1000**3}GB (a file read whole), found {text!r}")
    return size
