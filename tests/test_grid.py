"""checker.grid: the terminal tables of the table report, `claims` and `detectors`.

The golden reports cover the common cases; these tests pin the layout rules one at a time.
test_grid_oracle.py compares random tables with tabulate's, which drew them before."""

import pytest

from checker.grid import SIMPLE, table


def test_boxed_table_draws_lines_around_and_between_rows():
    out = table(("code", "message"), [("CC101", "two rounds"), ("CC7", "a longer message here")], max_widths=(None, 10))
    assert out == (
        "┌────────┬────────────┐\n"
        "│ code   │ message    │\n"
        "├────────┼────────────┤\n"
        "│ CC101  │ two rounds │\n"
        "├────────┼────────────┤\n"
        "│ CC7    │ a longer   │\n"
        "│        │ message    │\n"
        "│        │ here       │\n"
        "└────────┴────────────┘"
    )


def test_simple_table_underlines_the_headers_and_strips_trailing_spaces():
    out = table(("code", "summary"), [("CC101", "two rounds"), ("CC7", "x")], style=SIMPLE)
    assert out == "code    summary\n------  ----------\nCC101   two rounds\nCC7     x"


def test_a_column_is_its_header_plus_two_or_its_widest_cell():
    out = table(("a", "long header"), [("x", "y"), ("wider cell", "z")])
    header = out.splitlines()[1]
    assert header == "│ a          │ long header   │"
    assert {len(line) for line in out.splitlines()} == {len(header)}


def test_an_empty_table_is_its_headers():
    assert table(("code", "message"), []) == (
        "┌────────┬───────────┐\n│ code   │ message   │\n├────────┼───────────┤\n└────────┴───────────┘"
    )
    assert table(("code", "message"), [], style=SIMPLE) == "code    message\n------  ---------"


def test_wrapping_keeps_words_whole_within_the_width():
    text = "the third round of talks has officially concluded in Istanbul this week"
    out = table(("message",), [(text,)], max_widths=(20,), style=SIMPLE)
    lines = [line.rstrip() for line in out.splitlines()[2:]]
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == text
    assert lines[0] == "the third round of"


def test_a_word_wider_than_the_column_is_cut_at_the_width_not_at_its_hyphen():
    out = table(("w",), [("abc-defghijkl",)], max_widths=(5,), style=SIMPLE)
    assert out.splitlines()[2:] == ["abc-d", "efghi", "jkl"]


def test_multi_line_cells_keep_their_lines_and_drop_blank_ones_when_wrapped():
    evidence = "2:10 “has officially concluded”\n\n   \n5:3 “preparing for the third meeting”"
    out = table(("code", "evidence"), [("CC101", evidence)], max_widths=(None, 30))
    assert out.splitlines()[3:6] == [
        "│ CC101  │ 2:10 “has officially         │",
        "│        │ concluded”                   │",
        "│        │ 5:3 “preparing for the third │",
    ]
    assert out.splitlines()[6] == "│        │ meeting”                     │"


def test_unwrapped_columns_keep_their_line_breaks_and_shorter_cells_are_padded_below():
    out = table(("a", "b"), [("one\ntwo\nthree", "x")], style=SIMPLE)
    assert out.splitlines()[2:] == ["one    x", "two", "three"]


def test_unicode_quotes_count_as_one_column_each():
    out = table(("quote", "b"), [("“x”", "y"), ("‘longer’", "z")])
    assert len({len(line) for line in out.splitlines()}) == 1
    assert "│ “x”      │ y   │" in out


def test_every_cell_is_left_aligned_text_even_a_column_of_figures():
    out = table(("text",), [("7,000",), ("25",), ("2007",)], max_widths=(40,), style=SIMPLE)
    assert out.splitlines() == ["text", "------", "7,000", "25", "2007"]


def test_rows_must_have_one_cell_per_header():
    with pytest.raises(ValueError, match="2 cells"):
        table(("a", "b"), [("only one",)])
    with pytest.raises(ValueError, match="header"):
        table((), [])
