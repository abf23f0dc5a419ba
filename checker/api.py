"""The public API for tools that embed the checker (a CMS, a notebook, the CLI itself).

>>> import checker
>>> report = checker.audit("The 3rd round has concluded. Delegates are preparing for the third round.")
>>> [f.code for f in report.documents[0].findings]
['CC101']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from checker import readers
from checker.errors import InputError
from checker.inputs import STDIN_NAME, Source, expand
from checker.model import Document, Refusal, Report
from checker.pipeline import Prepared, check
from checker.rulelang.load import load_rules
from checker.rulelang.ruleset import RuleSet

PathOrText = str | os.PathLike


def audit(
    source: PathOrText | Sequence[PathOrText],
    *,
    rules: RuleSet | Iterable[str | os.PathLike] | None = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    keep_going: bool = False,
    max_bytes: int = readers.MAX_BYTES,
    encoding: str | None = None,
    stdin_name: str = STDIN_NAME,
) -> Report:
    """Check one text, or files, folders and patterns, and return one report.

    `source` is the article's text itself, a path (a `Path`, or a string naming an
    existing file or folder), or a list of paths, folders, glob patterns and `-`
    (standard input, called `stdin_name` in the report), expanded as
    checker.inputs describes. `rules` is a loaded RuleSet or rule file paths, added
    to the bundled vocabularies unless `default_rules` is false. `as_of` is the
    reference date, which wins over the rule files' `as of` and the document's own.

    An input that cannot be read (missing, over `max_bytes`, binary, not UTF-8 or
    UTF-16 and not in `encoding`) raises InputError, unless `keep_going`: then it
    is listed in `report.refused` and the other inputs are still checked.
    Bad rule files raise RuleErrors.
    """
    ruleset = rules if isinstance(rules, RuleSet) else load_rules(list(rules or ()), defaults=default_rules)
    if encoding is not None:
        encoding = readers.check_encoding(encoding)
    prepared = Prepared.of(ruleset)
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    refused: list[Refusal] = []
    documents = [
        check(document, prepared, day)
        for document in _documents(source, refused, keep_going, max_bytes, encoding, stdin_name)
    ]
    return Report(documents=tuple(documents), refused=tuple(refused))


def _documents(
    source, refused: list[Refusal], keep_going: bool, max_bytes: int, encoding: str | None, stdin_name: str
) -> Iterator[Document]:
    """The documents to check, in order; what cannot be read goes to `refused`, or raises."""
    if isinstance(source, str) and not _names_path(source):
        yield readers.from_text(source)
        return
    arguments = [source] if isinstance(source, str | os.PathLike) else list(source)
    expanded = expand(arguments, suffixes=readers.known_suffixes(), stdin_name=stdin_name)
    if expanded.refused and not keep_going:
        raise InputError(expanded.refused[0].path, expanded.refused[0].problem)
    refused.extend(expanded.refused)
    for item in expanded.sources:
        try:
            yield _read(item, max_bytes, encoding)
        except InputError as error:
            if not keep_going:
                raise
            refused.append(Refusal(error.path, error.problem))


def _read(item: Source, max_bytes: int, encoding: str | None) -> Document:
    return readers.from_bytes(item.read(max_bytes), item.name, encoding=encoding)


def _names_path(text: str) -> bool:
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).exists()
    except OSError:
        return False
