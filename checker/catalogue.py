"""Every check the tool can report, with its metadata: the detectors that run on one
document, and the checks made by passes around them (suppressions, edits, the guard).

SARIF's rules, `detectors`, `explain` and the configuration's code validation read this list.
"""

from __future__ import annotations

from checker.detectors import Detector, all_detectors


def checks() -> tuple[Detector, ...]:
    """Every check, by code: the one list the listings, `explain`, SARIF and the configuration read."""
    from checker.changes import CLAIM_CHANGED
    from checker.guard import INTERNAL_ERROR, TRUNCATED

    return tuple(sorted((*all_detectors(), CLAIM_CHANGED, INTERNAL_ERROR, TRUNCATED), key=lambda d: d.code))


def find(code: str) -> Detector | None:
    """The check with this code (any case) or name, if there is one."""
    wanted = code.strip()
    for check in checks():
        if check.code == wanted.upper() or check.name == wanted.lower():
            return check
    return None
