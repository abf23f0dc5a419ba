"""The public API for tools that embed the checker (a CMS, a notebook, the CLI itself).

Two explicit entry points: `audit_text` for an article's text (a CMS's body: never read as
a path, whatever it looks like) and `audit_paths` for files, folders, patterns and `-`.

>>> import checker
>>> report = checker.audit_text("The 3rd round has concluded. Delegates are preparing for the third round.")
>>> [f.code for f in report.documents[0].findings]
['CC101']

`audit(source)` is deprecated: given a string it guessed whether it named a file, so a body
that happened to be a path read that file. It now refuses a string (TypeError, naming the two
functions to call), and warns (DeprecationWarning) for paths; it will be removed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from checker import analysis, readers
from checker.config import parse_date
from checker.errors import InputError, UsageError
from checker.inputs import STDIN_NAME, Source, expand
from checker.interrupts import until_stopped
from checker.model import Document, DocumentReport, Refusal, Report
from checker.pipeline import Prepared, check, load_prepared
from checker.rulelang.load import load_rules
from checker.rulelang.ruleset import RuleSet

if TYPE_CHECKING:
    from checker.globs import Globs
    from checker.scoped import ScopedRules

PathOrText = str | os.PathLike
TEXT_NAME = "<text>"
Rules = Prepared | RuleSet | Iterable[str | os.PathLike] | None


def audit_text(
    text: str,
    *,
    name: str = TEXT_NAME,
    format: str | None = None,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    model: str | None = None,
) -> Report:
    """Check one article given as its text, and return a report of that one document.

    `name` is how the report calls it (and, without `format`, its suffix picks the reader:
    `story.md` is read as markdown); `format` names the reader: text, markdown or html.
    The text is never taken for a path. A text that cannot be checked (empty, mostly
    control characters, bad front matter) raises InputError; bad rule files raise RuleErrors.
    `model` names the spaCy pipeline to read the text with (docs/analysis.md).
    """
    if not isinstance(text, str):
        raise TypeError(f"audit_text takes the article's text as a str, not {type(text).__name__}")
    document = readers.from_text(text, name, format=format)
    return check_documents([document], rules=rules, as_of=as_of, default_rules=default_rules, model=model)


def audit_paths(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    keep_going: bool = False,
    max_bytes: int = readers.MAX_BYTES,
    encoding: str | None = None,
    stdin_name: str = STDIN_NAME,
    exclude: Iterable[str | Globs] = (),
    gitignore: bool = True,
    scoped_rules: Sequence[ScopedRules] = (),
    on_checked: Callable[[DocumentReport], None] | None = None,
    model: str | None = None,
) -> Report:
    """Check files, folders (searched recursively), glob patterns and `-` (standard input, called
    `stdin_name`), expanded as checker.inputs describes; a single path may be given alone.
    Files matching an `exclude` glob (checker.globs; strings are relative to the current
    folder) are left out, and so, inside a git work tree, are those git ignores, unless
    `gitignore` is false.

    `scoped_rules` adds rule files to the documents their globs match (checker.scoped); `rules`
    must then be rule file paths, so that each document's set can be loaded. `on_checked` is
    called with each document's report as it is ready, in order (a progress display). `model`
    names the spaCy pipeline to read the text with (checker.analysis picks the default).

    `rules` is a loaded RuleSet (or a Prepared one, from checker.pipeline.load_prepared) or
    rule file paths, added to the bundled vocabularies unless `default_rules` is false.
    `as_of` is the reference date, which wins over the rule files' `as of` and the
    document's own. `jobs`, `engine` and `scheduler` choose where documents are checked
    (see `check_each`); the report is the same whichever is chosen.

    An input that cannot be read (missing, over `max_bytes`, binary, not UTF-8 or UTF-16
    and not in `encoding`) raises InputError, unless `keep_going`: then it is listed in
    `report.refused` and the other inputs are still checked. Bad rule files raise RuleErrors.
    """
    if encoding is not None:
        encoding = readers.check_encoding(encoding)
    arguments = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    globs = _globs(exclude)
    refused: list[Refusal] = []
    documents = _documents(
        arguments, refused, keep_going, max_bytes, encoding, stdin_name, exclude=globs, gitignore=gitignore
    )
    where = {"as_of": as_of, "jobs": jobs, "engine": engine, "scheduler": scheduler, "model": model}
    if scoped_rules:
        from checker.scoped import check_scoped

        checked = iter(check_scoped(list(documents), rules, scoped_rules, default_rules=default_rules, **where))
    else:
        checked = check_each(documents, rules=rules, default_rules=default_rules, **where)
    reports = []
    for document_report in checked:
        reports.append(document_report)
        if on_checked is not None:
            on_checked(document_report)
    return Report(documents=tuple(reports), refused=tuple(refused))


def audit(
    source: PathOrText | Sequence[PathOrText],
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    keep_going: bool = False,
    max_bytes: int = readers.MAX_BYTES,
    encoding: str | None = None,
    stdin_name: str = STDIN_NAME,
    model: str | None = None,
    on_checked: Callable[[DocumentReport], None] | None = None,
) -> Report:
    """Deprecated: check one text, or files, folders and patterns, and return one report.

    `source` is the article's text itself, a path (a `Path`, or a string naming an
    existing file or folder), or a list of paths, folders, glob patterns and `-`
    (standard input, called `stdin_name` in the report), expanded as
    checker.inputs describes. `rules` is a loaded RuleSet (or a Prepared one, from
    checker.pipeline.load_prepared) or rule file paths, added to the bundled
    vocabularies unless `default_rules` is false. `as_of` is the
    reference date, which wins over the rule files' `as of` and the document's own.
    `jobs`, `engine` and `scheduler` choose where documents are checked (see
    `check_each`); the report is the same whichever is chosen.

    An input that cannot be read (missing, over `max_bytes`, binary, not UTF-8 or
    UTF-16 and not in `encoding`) raises InputError, unless `keep_going`: then it
    is listed in `report.refused` and the other inputs are still checked.
    Bad rule files raise RuleErrors. `model` names the spaCy pipeline to read the text
    with (checker.analysis picks the default); none installed raises UsageError. `on_checked`
    is called with each document's report as it is ready, in order (a progress display).

    Deprecated: call `audit_text` for a text and `audit_paths` for paths. A string is refused
    (TypeError): it used to be guessed at, read from disk when it named an existing file.
    """
    if isinstance(source, str):
        raise TypeError(
            "checker.audit no longer takes a string, which could be an article or a path: "
            "call checker.audit_text(text) for a text, checker.audit_paths(path) for a file"
        )
    import warnings

    warnings.warn(
        "checker.audit is deprecated: call checker.audit_paths(paths), or checker.audit_text(text)",
        DeprecationWarning,
        stacklevel=2,
    )
    if encoding is not None:
        encoding = readers.check_encoding(encoding)
    refused: list[Refusal] = []
    documents = _documents(source, refused, keep_going, max_bytes, encoding, stdin_name)
    checked = check_each(
        documents,
        rules=rules,
        as_of=as_of,
        default_rules=default_rules,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        model=model,
    )
    reports = []
    for document_report in checked:
        reports.append(document_report)
        if on_checked is not None:
            on_checked(document_report)
    return Report(documents=tuple(reports), refused=tuple(refused))


def audit_each(paths: str | os.PathLike | Iterable[str | os.PathLike], **options) -> Iterator[DocumentReport]:
    """Like `audit_paths`, but yield each document's report in order as it is ready (for archives).
    A string is always a path (or a folder, a pattern, `-`), never an article's text."""
    yield from check_each(_documents([paths] if isinstance(paths, str | os.PathLike) else paths), **options)


def check_each(
    documents: Iterable[Document],
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    model: str | None = None,
) -> Iterator[DocumentReport]:
    """Check documents already loaded (from git, from a CMS), with the rules loaded once.

    Documents are taken as they are needed. With `jobs` above 1 and more than one document
    they are spread over that many local processes; `engine="dask"` runs them on a local
    Dask cluster of `jobs` workers, or on the existing cluster at `scheduler`.
    """
    if isinstance(rules, Prepared):
        ruleset, prepared = rules.ruleset, rules
    elif isinstance(rules, RuleSet):
        ruleset, prepared = rules, None
    else:
        prepared = load_prepared(_listed(rules), defaults=default_rules)
        ruleset = prepared.ruleset
    day = parse_date(as_of, "as_of") if isinstance(as_of, str) else as_of
    documents = iter(documents)
    first = list(itertools.islice(documents, 2))
    if not first:
        return
    documents = itertools.chain(first, documents)
    if engine == "dask" or scheduler:
        from checker.engines import dask_cluster

        model = analysis.resolve(model)  # the workers load the pipeline this machine would
        yield from dask_cluster.check_all(documents, ruleset, day, scheduler=scheduler, workers=jobs, model=model)
        return
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}; expected local or dask")
    if jobs > 1 and len(first) > 1:  # one document: no pool to start
        from checker.engines import local

        analysis.resolve(model)  # a missing pipeline is one message here, not one per worker
        yield from local.check_all(documents, ruleset, day, jobs, model)
        return
    prepared = prepared or Prepared.of(ruleset)
    analyzer = analysis.load(model)
    for document in until_stopped(documents):  # a signal swallowed while the last one was checked
        yield check(document, prepared, day, analyzer)


def check_documents(documents: Iterable[Document], **options) -> Report:
    """`check_each`, gathered into one report."""
    return Report(documents=tuple(check_each(documents, **options)))


def compare(
    old: PathOrText,
    new: PathOrText,
    *,
    rules: Rules = None,
    as_of: dt.date | str | None = None,
    default_rules: bool = True,
    model: str | None = None,
) -> Report:
    """The new version's report with only what the edit introduced: its new findings, and
    its changed claims as CC902 notes (see checker.changes)."""
    from checker.changes import compare as compare_reports

    ruleset = rules if isinstance(rules, RuleSet) else load_rules(_listed(rules), defaults=default_rules)
    before, after = (next(_documents(source)) for source in (old, new))
    both = check_documents([before, after], rules=ruleset, as_of=as_of, model=model)
    return Report(documents=(compare_reports(*both.documents),))


def _listed(given) -> list:
    """One path or glob given alone, as a list of one: a string is never read character by
    character (rules="story.rules" would otherwise load '/' and scan the whole disk)."""
    if given is None:
        return []
    return [given] if isinstance(given, str | os.PathLike) else list(given)


def _globs(exclude: Iterable[str | Globs]) -> tuple[Globs, ...]:
    given = tuple(_listed(exclude))
    if not given:
        return ()
    from checker.globs import Globs, check

    return tuple(g if isinstance(g, Globs) else Globs(check((g,), "exclude")) for g in given)


def _documents(
    source,
    refused: list[Refusal] | None = None,
    keep_going: bool = False,
    max_bytes: int = readers.MAX_BYTES,
    encoding: str | None = None,
    stdin_name: str = STDIN_NAME,
    *,
    exclude: Sequence[Globs] = (),
    gitignore: bool = True,
) -> Iterator[Document]:
    """The documents to check, in order, read one at a time; what cannot be read goes to
    `refused` when `keep_going`, or raises."""
    refused = [] if refused is None else refused
    if isinstance(source, str) and not _names_path(source):
        yield readers.from_text(source)
        return
    if not isinstance(source, str | os.PathLike | list | tuple):
        # any other iterable streams: each item expanded and read only when it is reached
        for item in source:
            yield from _documents(
                [item], refused, keep_going, max_bytes, encoding, stdin_name, exclude=exclude, gitignore=gitignore
            )
        return
    arguments = [source] if isinstance(source, str | os.PathLike) else list(source)
    expanded = expand(
        arguments, suffixes=readers.known_suffixes(), stdin_name=stdin_name, exclude=exclude, gitignore=gitignore
    )
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
    return os.path.exists(text)
