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

from checker import analysis, readers
from checker.errors import InputError, UsageError
from checker.inputs import STDIN_NAME, Source, expand
from checker.model import Document, DocumentReport, Refusal, Report
from checker.pipeline import Prepared, check, load_prepared
from checker.rulelang.load import load_rules
from checker.rulelang.ruleset import RuleSet

PathOrText = str | os.PathLike
Rules = Prepared | RuleSet | Iterable[str | os.PathLike] | None


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
) -> Report:
    """Check one text, or files, folders and patterns, and return one report.

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
    with (checker.analysis picks the default); none installed raises UsageError.
    """
    if encoding is not None:
        encoding = readers.check_encoding(encoding)
    refused: list[Refusal] = []
    documents = _documents(source, refused, keep_going, max_bytes, encoding, stdin_name)
    reports = tuple(
        check_each(
            documents,
            rules=rules,
            as_of=as_of,
            default_rules=default_rules,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            model=model,
        )
    )
    return Report(documents=reports, refused=tuple(refused))


def audit_each(source: PathOrText | Iterable[PathOrText], **options) -> Iterator[DocumentReport]:
    """Like `audit`, but yield each document's report in order as it is ready (for archives)."""
    yield from check_each(_documents(source), **options)


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
        prepared = load_prepared(list(rules or ()), defaults=default_rules)
        ruleset = prepared.ruleset
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
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
    for document in documents:
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

    ruleset = rules if isinstance(rules, RuleSet) else load_rules(list(rules or ()), defaults=default_rules)
    before, after = (next(_documents(source)) for source in (old, new))
    both = check_documents([before, after], rules=ruleset, as_of=as_of, model=model)
    return Report(documents=(compare_reports(*both.documents),))


def _documents(
    source,
    refused: list[Refusal] | None = None,
    keep_going: bool = False,
    max_bytes: int = readers.MAX_BYTES,
    encoding: str | None = None,
    stdin_name: str = STDIN_NAME,
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
            yield from _documents([item], refused, keep_going, max_bytes, encoding, stdin_name)
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
    return os.path.exists(text)
