"""claim-checker diff OLD NEW: what an edit introduced, whatever moved."""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.commands._shared import add_report_flags


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the article before the edit")
    parser.add_argument("new", metavar="NEW", help="the article after the edit")
    add_rule_flags(parser)
    add_report_flags(parser)


def run(args: argparse.Namespace) -> int:
    from checker import readers
    from checker.api import check_documents
    from checker.changes import compare
    from checker.commands._shared import finish
    from checker.model import Report
    from checker.policy import apply_policy
    from checker.settings import settings_for

    settings = settings_for(args, [args.new])
    documents = [readers.load(args.old), readers.load(args.new)]
    before, after = check_documents(
        documents,
        rules=settings.rules,
        as_of=settings.as_of,
        default_rules=settings.default_rules,
        model=settings.model,
    ).documents
    read = [args.old, args.new, *settings.rules, *(p for p in (settings.config,) if p)]
    return finish(apply_policy(Report(documents=(compare(before, after),)), settings), settings, read)
