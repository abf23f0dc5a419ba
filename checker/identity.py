"""What makes two findings "the same" across edits: the check, what it is about, the fact.

What a finding is about is its `about` when the check names it (an event and its two
statuses: CC101), else the texts it quotes, as a set: the order of its two sides is left
out, so moving either side above the other does not change it. Line numbers, offsets and
the document's path are left out too, so moving a paragraph, editing the text above a
finding or renaming the file (checker.gitrev follows git's renames) does not change its
identity. Whitespace inside quotes is collapsed, so re-wrapping a line does not either.
The diff, the baseline and SARIF's fingerprints all use these keys, so they agree on what
is new.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.model import Finding

FINGERPRINT_NAME = "claimChecker/v2"


@dataclass(frozen=True, slots=True, order=True)
class FindingKey:
    code: str
    quotes: tuple[str, ...]  # the quoted texts, sorted; empty when `about` says what the finding is about
    origin: str  # the rule fact behind the finding (CC001), or ""
    about: str = ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def key_of(finding: Finding) -> FindingKey:
    if finding.about:
        return FindingKey(finding.code, (), finding.origin or "", finding.about)
    quotes = tuple(sorted(_squash(loc.text) for loc in finding.locations))
    return FindingKey(finding.code, quotes, finding.origin or "")


def keyed(findings: Iterable[Finding]) -> Iterator[tuple[FindingKey, int, Finding]]:
    """Each finding with its key and its occurrence number among findings of the same key."""
    seen: Counter[FindingKey] = Counter()
    for finding in findings:
        key = key_of(finding)
        yield key, seen[key], finding
        seen[key] += 1


def fingerprint(key: FindingKey, occurrence: int = 0) -> str:
    """A short stable hash of the key (SARIF partialFingerprints)."""
    text = "\x1f".join((key.code, key.origin, key.about, *key.quotes, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def not_in(findings: Iterable[Finding], known: Counter[FindingKey]) -> tuple[Finding, ...]:
    """The findings left once each known key has been matched as many times as it is counted.
    An internal error (CC900) is never known: a baseline or an older version cannot hide it."""
    from checker.guard import INTERNAL_ERROR

    remaining = Counter(known)
    fresh = []
    for finding in findings:
        key = key_of(finding)
        if remaining[key] > 0 and finding.code != INTERNAL_ERROR.code:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return tuple(fresh)


def counted(findings: Iterable[Finding]) -> Counter[FindingKey]:
    return Counter(key_of(f) for f in findings)
