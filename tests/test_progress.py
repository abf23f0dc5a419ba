"""The progress bar of a long audit: on a terminal's standard error only, never in a report."""

from __future__ import annotations

import io

import checker
from checker.cli import main
from checker.progress import bar

from conftest import ROOT

ARTICLES = [ROOT / "fixtures/istanbul-talks/article.txt", ROOT / "fixtures/different-rounds/article.txt"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_counts_checked_documents_on_a_terminal():
    screen = _Terminal()
    with bar(3, stream=screen, delay=0, redraw=0) as tick:
        for _ in range(3):
            tick(None)
    drawn = screen.getvalue()
    assert "checking" in drawn and "1/3" in drawn and "3/3" in drawn


def test_no_bar_off_a_terminal_or_for_one_document():
    for stream, total in ((io.StringIO(), 3), (_Terminal(), 1)):
        with bar(total, stream=stream, delay=0) as tick:
            for _ in range(total):
                tick(None)
        assert stream.getvalue() == ""


def test_audit_reports_each_document_as_it_is_checked_in_order():
    seen = []
    report = checker.audit_paths(ARTICLES, on_checked=seen.append)
    assert seen == list(report.documents) and len(seen) == 2


def test_a_run_whose_stderr_is_no_terminal_prints_no_bar(capsys):
    main(["audit", *map(str, ARTICLES)])
    assert "checking" not in capsys.readouterr().err
