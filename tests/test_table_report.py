"""The default table report as a terminal shows it: only documents with findings when several
are checked, one line for a clean file, a one-line total, severities coloured only when asked."""

from __future__ import annotations

import re

import pytest

import checker
from checker.cli import main
from checker.reporters import renderer

from conftest import ROOT

SEED = str(ROOT / "fixtures/istanbul-talks/article.txt")
CLEAN = str(ROOT / "fixtures/role-former-quiet/article.txt")
NOTED = str(ROOT / "fixtures/negation-fires/article.txt")
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _headings(out: str, paths) -> list[str]:
    return [p for p in paths if any(line.startswith(f"{p}  (reference date:") for line in out.splitlines())]


def test_several_documents_list_only_those_with_findings_and_end_with_a_total():
    paths = [CLEAN, SEED, str(ROOT / "fixtures/quantity-bounds-quiet/article.txt"), NOTED]
    report = checker.audit_paths(paths)
    out = renderer("table")(report)
    assert _headings(out, paths) == [SEED, NOTED]
    assert CLEAN not in out
    assert out.splitlines()[-1] == "Total: 4 documents (2 with findings), 1 error, 0 warnings, 2 notes"
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_a_clean_single_file_is_one_short_line():
    out = renderer("table")(checker.audit_paths(CLEAN))
    assert out == f"{CLEAN}: no findings\n"


def test_one_document_with_findings_keeps_its_heading_and_ends_with_the_total():
    out = renderer("table")(checker.audit_paths(SEED))
    assert _headings(out, [SEED]) == [SEED]
    assert out.splitlines()[-1] == "Total: 1 document, 1 error, 0 warnings, 1 note"


def test_refused_inputs_are_listed_before_the_total(tmp_path):
    missing = str(tmp_path / "missing.txt")
    out = renderer("table")(checker.audit_paths([CLEAN, missing], keep_going=True))
    lines = out.splitlines()
    assert lines[-1] == "Total: 1 document, 0 errors, 0 warnings, 0 notes; 1 not checked"
    assert "Not checked:" in lines and any(line.startswith(f"  {missing}: ") for line in lines)


def test_colour_marks_severities_and_counts_and_keeps_the_table_within_the_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    report = checker.audit_paths([SEED, NOTED])
    plain = renderer("table")(report)
    coloured = renderer("table", colour=True)(report)
    assert "\x1b[" not in plain
    assert "\x1b[1;31merror\x1b[0m" in coloured and "\x1b[36mnote\x1b[0m" in coloured
    assert "\x1b[1;31m1 error\x1b[0m" in coloured.splitlines()[-1]  # the total's counts too
    assert _COLOUR.sub("", coloured) == plain  # colour adds codes and nothing else: the same layout
    assert max(len(line) for line in plain.splitlines() if line.startswith(("┌", "│", "└"))) <= 100


@pytest.mark.parametrize("environ, expected", [({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1"}, False), ({}, False)])
def test_the_command_line_colours_as_the_environment_says(environ, expected, monkeypatch, capsys):
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    main(["audit", SEED])  # standard output is captured, not a terminal
    assert ("\x1b[" in capsys.readouterr().out) is expected


def test_a_report_written_to_a_file_is_never_coloured(tmp_path, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    report = tmp_path / "report.txt"
    main(["audit", SEED, "-o", str(report)])
    assert "\x1b[" not in report.read_text(encoding="utf-8") and "Total:" in report.read_text(encoding="utf-8")
