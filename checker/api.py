"""The public API for tools that embed the checker (a CMS, a notebook, the CLI itself).

>>> import checker
>>> report = checker.audit("The 3rd round has concluded. Delegates are preparing for the third round.")
>>> [f.code for f in report.documents[0].findings]
['CC101']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from checker import readers
from checker.model import Document, Report
from checker.pipeline import Prepared, check
from checker.rulelang.load import load_rules
from checker.rulelang.ruleset import RuleSet

Source = str | os.PathLike


def audit(
    source: Source | Sequence[os.PathLike],
    *,
    rules: RuleSet | Iterable[str | os.PathLike] | None = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
) -> Report:
    """Check one text, one file, or several files, and return the report.

    `source` is a path (a `Path`, or a string naming an existing file) or the article's
    text itself. `rules` is a loaded RuleSet or rule file paths, added to the bundled
    vocabularies unless `default_rules` is false. `as_of` is the reference date, which
    wins over the rule files' `as of` and the document's own date.

    Raises InputError for an unreadable document and RuleErrors for bad rule files.
    """
    return check_documents(_documents(source), rules=rules, as_of=as_of, default_rules=default_rules)


def check_documents(
    documents: Iterable[Document],
    *,
    rules: RuleSet | Iterable[str | os.PathLike] | None = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
) -> Report:
    """Check documents already loaded (from git, from a CMS), with the rules loaded once."""
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(list(rules or ()), defaults=default_rules)
    prepared = Prepared.of(ruleset)
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    return Report(documents=tuple(check(document, prepared, day) for document in documents))


def compare(
    old: Source,
    new: Source,
    *,
    rules: RuleSet | Iterable[str | os.PathLike] | None = None,
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
