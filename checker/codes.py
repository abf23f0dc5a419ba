"""Check codes as users write them (flags, configuration, suppressions, baselines), validated.

A code given by a user is a prefix (`CC1` selects CC101, CC102...). A prefix of no check is
always a mistake (a typo like `CC1O1` would otherwise select nothing and turn the gate off),
so it is refused wherever it appears, naming the nearest known code.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from checker.errors import UsageError


@functools.cache
def known_codes() -> tuple[str, ...]:
    from checker.catalogue import checks

    return tuple(check.code for check in checks())


def is_known(prefix: str) -> bool:
    return any(code.startswith(prefix) for code in known_codes())


def nearest(prefix: str) -> str | None:
    """The known code closest to `prefix`, for a 'did you mean' hint: difflib's ratio, and on a
    tie the code that shares the longest start with it (a typo is more often near the end)."""
    import difflib
    import itertools

    def closeness(code: str) -> tuple[float, int]:
        shared = sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], zip(prefix, code, strict=False)))
        return difflib.SequenceMatcher(None, prefix, code).ratio(), shared

    best = max(known_codes(), key=closeness)
    return best if closeness(best)[0] >= 0.5 else None


def suggestion(prefix: str) -> str:
    """'did you mean CC101?', or the known codes when none is near."""
    hint = nearest(prefix)
    return f"did you mean {hint}?" if hint else f"known: {', '.join(known_codes())}"


def unknown_message(prefix: str) -> str:
    """'CC1O1' is the code (or code prefix) of no check (did you mean CC101?)."""
    return f"{prefix!r} is the code (or code prefix) of no check ({suggestion(prefix)})"


def checked(prefixes: Iterable[str], where: str) -> tuple[str, ...]:
    """The prefixes, upper-cased, or a UsageError naming the first unknown one and `where` it was given."""
    found = tuple(p.strip().upper() for p in prefixes if p.strip())
    for prefix in found:
        if not is_known(prefix):
            raise UsageError(f"{where}: {unknown_message(prefix)}")
    return found
