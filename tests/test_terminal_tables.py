"""Terminal tables (the table report, `claims`, `detectors`): drawn by tabulate, wrapped to
fit the terminal's width. The golden reports cover the common layout; these tests pin the
width rules and the wrapping one at a time."""

import os

import pytest

from checker.cli import main
from checker.reporters.table import draw, terminal_width

from conftest import ROOT

SEED = str(ROOT / "fixtures/istanbul-talks/article.txt")
HEADERS = ("code", "severity", "line:col", "message", "evidence")


def _widths(text: str) -> set[int]:
    return {len(line) for line in text.splitlines() if line.startswith(("┌", "│", "├", "└"))}


def _fits(text: str, columns: int) -> bool:
    """Within the width, and using it: wrapped lines end at a word, so a few columns may stay free."""
    widths = _widths(text)
    return len(widths) == 1 and columns - 6 <= widths.pop() <= columns


@pytest.mark.parametrize("columns", [80, 100, 150])
def test_the_audit_table_fits_COLUMNS(columns, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", str(columns))
    main(["audit", SEED, "--fail-on", "never"])
    assert _fits(capsys.readouterr().out, columns)


def test_on_a_very_narrow_terminal_the_wrapped_columns_keep_a_readable_width(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "40")
    main(["audit", SEED, "--fail-on", "never"])
    top = capsys.readouterr().out.splitlines()[1]
    message, evidence = (len(cell.rstrip("┐")) - 2 for cell in top.split("┬")[3:])
    assert message >= 16 and evidence >= 16


def test_without_COLUMNS_the_table_fits_the_real_terminal(monkeypatch, capsys):
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=None: os.terminal_size((100, 40)))
    main(["audit", SEED, "--fail-on", "never"])
    assert _fits(capsys.readouterr().out, 100)


def test_without_COLUMNS_or_a_terminal_the_width_is_80(monkeypatch):
    def not_a_terminal(fd=None):
        raise OSError("not a terminal")

    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(os, "get_terminal_size", not_a_terminal)
    assert terminal_width() == 80


def test_a_table_that_fits_is_not_wrapped():
    out = draw(("code", "message"), [("CC101", "two rounds")], wrapped=(1,), width=200)
    assert out.splitlines() == [
        "┌────────┬────────────┐",
        "│ code   │ message    │",
        "├────────┼────────────┤",
        "│ CC101  │ two rounds │",
        "└────────┴────────────┘",
    ]


def test_wrapping_keeps_words_whole_and_the_table_within_the_width():
    text = "the third round of talks has officially concluded in Istanbul this week"
    out = draw(("code", "message"), [("CC101", text)], wrapped=(1,), width=40)
    assert _fits(out, 40)
    lines = [line.split("│")[2].strip() for line in out.splitlines()[3:-1]]
    assert " ".join(lines) == text
    assert lines[0] == "the third round of talks"


def test_the_wrapped_columns_share_the_width_and_a_short_one_keeps_its_own():
    long = "a " * 100  # one-letter words: a line ends within a column of its limit
    both = draw(("a", "message", "evidence"), [("x", long, long)], wrapped=(1, 2), width=70)
    assert _fits(both, 70)
    message, evidence = (len(cell.rstrip("┐")) for cell in both.splitlines()[0].split("┬")[1:])
    assert abs(message - evidence) <= 2
    one = draw(("a", "message", "evidence"), [("x", "short", long)], wrapped=(1, 2), width=70)
    assert "│ short     │" in one and _fits(one, 70)


def test_a_word_wider_than_its_column_is_cut():
    out = draw(("w",), [("abcdefghijklmnopqrstuvwxyz",)], wrapped=(0,), tablefmt="simple", width=16)
    assert out.splitlines()[2:] == ["abcdefghijklmnop", "qrstuvwxyz"]


def test_multi_line_cells_keep_their_lines_and_drop_blank_ones_when_wrapped():
    evidence = "2:10 “has officially concluded”\n\n   \n5:3 “preparing for the third meeting”"
    out = draw(("code", "evidence"), [("CC101", evidence)], wrapped=(1,), width=45)
    cells = [line.split("│")[2].strip() for line in out.splitlines()[3:-1]]
    assert cells == ["2:10 “has officially concluded”", "5:3 “preparing for the third", "meeting”"]


def test_unicode_quotes_count_as_one_column_each():
    out = draw(("quote", "b"), [("“x”", "y"), ("‘longer’", "z")])
    assert len(_widths(out)) == 1
    assert "│ “x”      │ y   │" in out


def test_every_cell_is_left_aligned_text_even_a_column_of_figures():
    out = draw(("text",), [("7,000",), ("25",), ("2007",)], wrapped=(0,), tablefmt="simple", width=4)
    assert out.splitlines() == ["text", "------", "7,000", "25", "2007"]


def test_an_empty_table_is_its_headers():
    assert (
        draw(HEADERS[:2], [])
        == "┌────────┬────────────┐\n│ code   │ severity   │\n├────────┼────────────┤\n└────────┴────────────┘"
    )


def test_the_plain_layout_underlines_the_headers():
    assert draw(("code", "summary"), [("CC101", "two rounds")], tablefmt="simple") == (
        "code    summary\n------  ----------\nCC101   two rounds"
    )


def test_a_long_path_in_a_cell_is_broken_between_folders_not_inside_a_name():
    from checker.reporters.table import _wrap

    lines = _wrap("examples/first-rules/story.rules:3:10 is where", 18).splitlines()
    assert lines[:3] == ["examples/", "first-rules/", "story.rules:3:10"]
    assert all(len(line) <= 18 for line in lines)
