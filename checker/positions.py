"""Line and column from a character offset, computed once per document."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """1-based line and column (in code points) for offsets into one text."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
