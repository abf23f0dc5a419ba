"""Rule files for some articles only: the configuration's scoped `rules` entries.

    [[tool.claim-checker.rules]]
    paths = ["politics/**"]             # globs (checker.globs), relative to the configuration file
    files = ["rules/politics.rules"]    # added, for those articles, to the rules every article gets

A newsroom's fact files are about particular stories: the politics desk's facts would
otherwise be checked against every sports report. Each document is checked with the rules
every article gets plus the files of each entry whose globs match it; documents that get
the same files share one loaded rule set.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from checker.globs import Globs
from checker.model import Document, DocumentReport


@dataclass(frozen=True, slots=True)
class ScopedRules:
    globs: Globs
    files: tuple[str, ...]


def files_for(path: str, scoped: Sequence[ScopedRules]) -> tuple[str, ...]:
    """The scoped rule files that apply to the document at `path`, in the configuration's order."""
    found: list[str] = []
    for entry in scoped:
        if entry.globs.matches(path):
            found.extend(f for f in entry.files if f not in found)
    return tuple(found)


def check_scoped(
    documents: list[Document],
    rules,
    scoped: Sequence[ScopedRules],
    *,
    default_rules: bool = True,
    **where,
) -> tuple[DocumentReport, ...]:
    """Each document checked with the common rules plus its scoped files; reports in document order."""
    from checker.api import check_each
    from checker.pipeline import load_prepared

    if rules is not None and (
        isinstance(rules, str | os.PathLike) or not all(isinstance(r, str | os.PathLike) for r in rules)
    ):
        raise TypeError("with scoped rules, `rules` must be a list of rule file paths")
    common = list(rules or ())
    groups: dict[tuple[str, ...], list[int]] = {}
    for index, document in enumerate(documents):
        groups.setdefault(files_for(document.path, scoped), []).append(index)
    used = {file for extra in groups for file in extra}
    for entry in scoped:
        if not used.issuperset(entry.files):
            # A mistake in a file no article of this run matches is still a mistake: the run
            # that finally matches it (a PR on that desk's articles) must not be the first to say.
            load_prepared([*common, *entry.files], defaults=default_rules)
    reports: list[DocumentReport | None] = [None] * len(documents)
    for extra, indices in groups.items():
        prepared = load_prepared([*common, *extra], defaults=default_rules)
        for index, report in zip(
            indices, check_each([documents[i] for i in indices], rules=prepared, **where), strict=True
        ):
            reports[index] = report
    return tuple(r for r in reports if r is not None)
