"""Text tables for the terminal: the boxed grid of the table report and the plain layout of
the listing commands, with columns wrapped at a maximum width.

The output is byte for byte what tabulate 0.10 printed for these tables (`simple_grid` and
`simple`, `maxcolwidths`), which this module replaced because importing tabulate cost more
than starting the interpreter. Every cell is text: unlike tabulate, a column of numbers is
neither right-aligned nor reformatted, and a cell such as '7,000' is wrapped like any other.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line: its first character, the fill, the column crossing, its last."""

    begin: str
    fill: str
    cross: str
    end: str


@dataclass(frozen=True, slots=True)
class Style:
    """A layout: the lines drawn above, under the headers, between rows and below (None for
    none), how a row is framed, and the spaces each side of a cell's text."""

    above: Rule | None
    below_header: Rule | None
    between_rows: Rule | None
    below: Rule | None
    # A row's first character, the column separator, its last.
    row: tuple[str, str, str]
    padding: int


BOXED = Style(
    above=Rule("┌", "─", "┬", "┐"),
    below_header=Rule("├", "─", "┼", "┤"),
    between_rows=Rule("├", "─", "┼", "┤"),
    below=Rule("└", "─", "┴", "┘"),
    row=("│", "│", "│"),
    padding=1,
)
# tabulate's `simple` draws dashes above and below only for a table without headers; ours
# always have headers.
SIMPLE = Style(
    above=None,
    below_header=Rule("", "-", "  ", ""),
    between_rows=None,
    below=None,
    row=("", "  ", ""),
    padding=0,
)

# A header is at least this much wider than its text.
_HEADER_MARGIN = 2
# Widths are measured between CR and LF only, though cells are cut into lines at every line
# boundary str.splitlines knows: tabulate did both, and the columns' widths depend on it.
_CR_OR_LF = re.compile(r"[\r\n]")


class _Wrapper(textwrap.TextWrapper):
    """textwrap, except that a word longer than the width is cut at the width exactly,
    never after a hyphen inside it, as tabulate cut it (it overrode the same hook). Lines
    still break after hyphens between words."""

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if space_left > 0:
            chunk = reversed_chunks[-1]
            cur_line.append(chunk[:space_left])
            reversed_chunks[-1] = chunk[space_left:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    max_widths: Sequence[int | None] = (),
    style: Style = BOXED,
) -> str:
    """The table as lines joined by newlines, without a final newline. A column with a
    maximum width has each line of each cell wrapped at that width (blank lines dropped)."""
    if not headers:
        raise ValueError("a table needs at least one column header")
    if any(len(row) != len(headers) for row in rows):
        raise ValueError(f"every row needs {len(headers)} cells, one per header")
    limits = [*max_widths, *[None] * len(headers)][: len(headers)]
    wrappers = [_Wrapper(width=w) if w is not None else None for w in limits]
    cells = [[_wrap(cell, wrapper) for cell, wrapper in zip(row, wrappers, strict=True)] for row in rows]
    multiline = any(_CR_OR_LF.search(text) for text in (*headers, *(c for row in cells for c in row)))
    width = _widest_line if multiline else len
    columns = [[row[i].strip() for row in cells] for i in range(len(headers))]
    widths = [max([width(h) + _HEADER_MARGIN, *map(width, c)]) for h, c in zip(headers, columns, strict=True)]
    if multiline:
        head = ["\n".join(line.ljust(w) for line in _CR_OR_LF.split(h)) for h, w in zip(headers, widths, strict=True)]
        body = [
            ["\n".join(line.ljust(w) for line in c.splitlines()) for c, w in zip(row, widths, strict=True)]
            for row in zip(*columns, strict=True)
        ]
    else:
        head = [h.ljust(w) for h, w in zip(headers, widths, strict=True)]
        body = [[c.ljust(w) for c, w in zip(row, widths, strict=True)] for row in zip(*columns, strict=True)]
    lines: list[str] = []
    _rule(lines, style.above, style, widths)
    _row(lines, head, style, widths, multiline)
    _rule(lines, style.below_header, style, widths)
    for number, row in enumerate(body):
        if number:
            _rule(lines, style.between_rows, style, widths)
        _row(lines, row, style, widths, multiline)
    _rule(lines, style.below, style, widths)
    return "\n".join(lines)


def _wrap(cell: str, wrapper: _Wrapper | None) -> str:
    if wrapper is None:
        return cell
    return "\n".join("\n".join(wrapper.wrap(line)) for line in cell.splitlines() if line.strip())


def _widest_line(text: str) -> int:
    return max(map(len, _CR_OR_LF.split(text)))


def _rule(lines: list[str], rule: Rule | None, style: Style, widths: list[int]) -> None:
    if rule is not None:
        fills = (rule.fill * (w + 2 * style.padding) for w in widths)
        lines.append((rule.begin + rule.cross.join(fills) + rule.end).rstrip())


def _row(lines: list[str], cells: list[str], style: Style, widths: list[int], multiline: bool) -> None:
    begin, separator, end = style.row
    pad = " " * style.padding
    if multiline:
        # A cell with fewer lines than the row's tallest is filled with blank lines.
        split = [c.splitlines() for c in cells]
        height = max(map(len, split))
        stacked = [part + [" " * w] * (height - len(part)) for part, w in zip(split, widths, strict=True)]
        physical = [[part[i] for part in stacked] for i in range(height)]
    else:
        physical = [cells]
    for parts in physical:
        lines.append((begin + separator.join(pad + p + pad for p in parts) + end).rstrip())
