"""claim-checker audit ARTICLE...: check articles and print a verification report.

ARTICLE is a file, a folder, a glob pattern or `-` (checker.inputs). Inputs that
cannot be read are refused with one line each on stderr and listed in the report;
the others are still checked, and the exit code is then 3.
"""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.commands._shared import add_report_flags


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="article files, folders (searched recursively), glob patterns, or - for standard input",
    )
    add_rule_flags(parser)
    add_report_flags(parser)
    parser.add_argument(
        "--since",
        metavar="GIT_REV",
        help="report only what the edits since this git revision introduced, and the claims they changed",
    )
    parser.add_argument("--baseline", metavar="FILE", help="report only findings this baseline does not record")
    parser.add_argument("--write-baseline", metavar="FILE", help="record this run's findings as a baseline")
    parser.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="leave out files matching this glob, relative to the current folder (repeatable; see docs/ci.md)",
    )
    parser.add_argument(
        "--no-gitignore",
        action="store_true",
        help="in a git work tree, also read the files git ignores when scanning folders and patterns",
    )
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="the name of standard input in reports; its suffix picks the reader"
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="the encoding of files that have no BOM and are not valid UTF-8"
    )
    parser.add_argument(
        "--max-size", metavar="SIZE", default="5MB", help="refuse larger inputs: bytes, or with kB/MB (default 5MB)"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        help="check documents in N processes (default: the number of cores); the report is the same",
    )
    parser.add_argument(
        "--engine", default="local", metavar="NAME", help="local (default) or dask: a local Dask cluster of N workers"
    )
    parser.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on the existing Dask cluster at this scheduler address"
    )


def run(args: argparse.Namespace) -> int:
    import sys
    from dataclasses import replace

    from checker.api import audit_paths
    from checker.cli import PROG
    from checker.commands._shared import finish, read_paths, refuse_unknown_codes
    from checker.errors import ExitCode
    from checker.escape import terminal
    from checker.pipeline import load_prepared
    from checker.policy import apply_policy
    from checker.progress import bar
    from checker.settings import settings_for

    settings = settings_for(args, args.articles)
    prepared = load_prepared(list(settings.rules), defaults=settings.default_rules, cache=settings.cache)
    with bar(_count(args.articles, settings)) as tick:
        report = audit_paths(
            args.articles,
            rules=list(settings.rules) if settings.scoped_rules else prepared,
            default_rules=settings.default_rules,
            exclude=settings.exclude,
            gitignore=settings.gitignore,
            scoped_rules=settings.scoped_rules,
            as_of=settings.as_of,
            jobs=settings.jobs,
            engine=settings.engine,
            scheduler=settings.scheduler,
            keep_going=True,
            max_bytes=settings.max_bytes,
            encoding=settings.encoding,
            stdin_name=settings.stdin_name,
            on_checked=tick,
            model=settings.model,
        )
    refuse_unknown_codes(report)
    refused = report.refused
    if args.since:
        report = _since(args.since, report, prepared, settings)
    report = apply_policy(report, settings)
    read = read_paths(replace(report, refused=refused), settings, prepared.ruleset, args.baseline)
    if args.write_baseline:
        from checker.baseline import dumps
        from checker.gitrev import head
        from checker.output import refuse_overwriting, write_whole

        refuse_overwriting([args.write_baseline, settings.output], read)  # both, before either is written
        write_whole(args.write_baseline, dumps(report, revision=head(".")))
    if args.baseline:
        from checker.baseline import load, new_findings

        report = new_findings(report, load(args.baseline))
    code = finish(replace(report, refused=refused), settings, read)
    if args.write_baseline and code == ExitCode.FINDINGS:
        code = ExitCode.OK  # the findings were recorded, which is what was asked: they fail nothing
    for refusal in refused:
        print(terminal(f"{PROG}: {refusal.path}: {refusal.problem}"), file=sys.stderr)
    return ExitCode.INPUT if refused and code != ExitCode.INTERNAL else code


def _count(articles: list[str], settings) -> int:
    """How many documents the arguments name: the length of the progress bar. Expanding
    reads no file; on a terminal only, since only there is a bar drawn."""
    import sys

    from checker.progress import is_terminal

    if not is_terminal(sys.stderr):
        return 0
    from checker import readers
    from checker.inputs import expand

    expanded = expand(
        articles,
        suffixes=readers.known_suffixes(),
        stdin_name=settings.stdin_name,
        exclude=settings.exclude,
        gitignore=settings.gitignore,
    )
    return len(expanded.sources)


def _since(revision: str, report, common, settings):
    """Each document compared with its version at `revision` (absent there: all of it is new)."""
    from checker import readers
    from checker.api import check_documents
    from checker.changes import compare
    from checker.errors import InputError
    from checker.gitrev import text_at
    from checker.model import Report
    from checker.pipeline import load_prepared
    from checker.scoped import files_for

    compared = []
    for current in report.documents:
        path = current.document.path
        rules = common
        if extra := files_for(path, settings.scoped_rules):  # the old version gets the rules the new one got
            rules = load_prepared([*settings.rules, *extra], defaults=settings.default_rules, cache=settings.cache)
        found = text_at(revision, path)
        try:
            old = readers.from_text(*found) if found is not None else None  # read as the format it had
        except InputError:
            old = None  # an empty file before the edit: nothing to compare with
        if old is None:
            compared.append(current)
            continue
        before = check_documents([old], rules=rules, as_of=settings.as_of, model=settings.model).documents[0]
        compared.append(compare(before, current))
    return Report(documents=tuple(compared), refused=report.refused)
