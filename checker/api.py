"""The public API for tools that embed the checker (a CMS, a notebook, the CLI itself).

>>> import checker
>>> report = checker.audit("The 3rd round has concluded. Delegates are preparing for the third round.")
>>> [f.code for f in report.documents[0].findings]
['CC101']
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from checker import readers
from checker.errors import UsageError
from checker.model import Document, DocumentReport, Report
from checker.pipeline import Prepared, check
from checker.rulelang.load import load_rules
from checker.rulelang.ruleset import RuleSet

Source = str | os.PathLike
Rules = RuleSet | Iterable[str | os.PathLike] | None


def audit(
    source: Source | Sequence[os.PathLike],
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Report:
    """Check one text, one file, or several files, and return the report.

    `source` is a path (a `Path`, or a string naming an existing file) or the article's
    text itself. `rules` is a loaded RuleSet or rule file paths, added to the bundled
    vocabularies unless `default_rules` is false. `as_of` is the reference date, which
    wins over the rule files' `as of` and the document's own date. `jobs`, `engine` and
    `scheduler` choose where documents are checked (see `audit_each`); the report is
    the same whichever is chosen.

    Raises InputError for an unreadable document and RuleErrors for bad rule files.
    """
    reports = audit_each(
        source, rules=rules, as_of=as_of, default_rules=default_rules, jobs=jobs, engine=engine, scheduler=scheduler
    )
    return Report(documents=tuple(reports))


def audit_each(
    source: Source | Iterable[os.PathLike],
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[DocumentReport]:
    """Like `audit`, but yield each document's report in order as it is ready (for archives).

    Documents are read as they are needed. With `jobs` above 1 and more than one document
    they are spread over that many local processes; `engine="dask"` runs them on a local
    Dask cluster of `jobs` workers, or on the existing cluster at `scheduler`.
    """
    yield from check_each(
        _documents(source),
        rules=rules,
        as_of=as_of,
        default_rules=default_rules,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
    )


def check_each(
    documents: Iterable[Document],
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[DocumentReport]:
    """Check documents already loaded (from git, from a CMS), with the rules loaded once."""
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(list(rules or ()), defaults=default_rules)
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    documents = iter(documents)
    if engine == "dask" or scheduler:
        from checker.engines import dask_cluster

        yield from dask_cluster.check_all(documents, ruleset, day, scheduler=scheduler, workers=jobs)
        return
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}; expected local or dask")
    first = list(itertools.islice(documents, 2))
    documents = itertools.chain(first, documents)
    if jobs > 1 and len(first) > 1:  # one document: no pool to start
        from checker.engines import local

        yield from local.check_all(documents, ruleset, day, jobs)
        return
    prepared = Prepared.of(ruleset)
    for document in documents:
        yield check(document, prepared, day)


def check_documents(documents: Iterable[Document], **options) -> Report:
    """`check_each`, gathered into one report."""
    return Report(documents=tuple(check_each(documents, **options)))


def compare(
    old: Source,
    new: Source,
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
) -> Report:
    """The new version's report with only what the edit introduced: its new findings, and
    its changed claims as CC902 notes (see checker.changes)."""
    from checker.changes import compare as compare_reports

    ruleset = rules if isinstance(rules, RuleSet) else load_rules(list(rules or ()), defaults=default_rules)
    before, after = (next(_documents(source)) for source in (old, new))
    both = check_documents([before, after], rules=ruleset, as_of=as_of)
    return Report(documents=(compare_reports(*both.documents),))


def _documents(source):
    if isinstance(source, os.PathLike):
        yield readers.load(source)
    elif isinstance(source, str):
        yield readers.load(source) if _names_file(source) else readers.from_text(source)
    else:
        for path in source:
            yield readers.load(path)


def _names_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False
