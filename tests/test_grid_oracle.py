"""checker.grid against tabulate 0.10, which drew our tables before it (the goldens hold its
output): random tables of text must come out byte for byte the same.

Only text is compared, as only text is what we render: tabulate read a cell as a number or a
boolean when it could ('7,000', '25', 'nan', 'True', even a lone newline) and then
right-aligned, reformatted or, for '7,000' in a wrapped column, crashed on it; checker.grid
treats every cell as text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.grid import BOXED, SIMPLE, table

tabulate = pytest.importorskip("tabulate", reason="tabulate, a test extra, is the oracle for checker.grid")

# Letters, the punctuation of our messages and quotes, and every kind of line break and
# space, where tabulate measured (CR, LF) and cut (str.splitlines) differently.
_CELL_CHARACTERS = "abcdefgh ABC-–—“”‘’'\".,:;()\n\t0123456789é\r\x0b\u2028\xa0"


def _text_to_tabulate(cell: str) -> bool:
    # tabulate's own reading of a cell (private, but it is exactly the question asked here).
    return tabulate._type(cell) in (str, type(None))


_cells = st.text(alphabet=_CELL_CHARACTERS, max_size=60).filter(_text_to_tabulate)


@st.composite
def _tables(draw):
    columns = draw(st.integers(1, 5))
    headers = draw(st.lists(st.text(alphabet="abcdef :", max_size=10), min_size=columns, max_size=columns))
    rows = draw(st.lists(st.lists(_cells, min_size=columns, max_size=columns), max_size=6))
    widths = draw(st.lists(st.none() | st.integers(1, 25), max_size=columns))
    return headers, rows, widths


@given(_tables(), st.sampled_from([("simple_grid", BOXED), ("simple", SIMPLE)]))
def test_text_tables_match_tabulate_byte_for_byte(drawn, layout):
    headers, rows, widths = drawn
    tablefmt, style = layout
    expected = tabulate.tabulate(rows, headers=headers, tablefmt=tablefmt, maxcolwidths=widths)
    assert table(headers, rows, max_widths=widths, style=style) == expected
