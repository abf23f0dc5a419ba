"""Building a prose view from a marked-up source, keeping track of where every character came from.

A reader walks its source once, left to right, and says what each piece of
prose is: text kept as it is (`keep`), text read as something else (`put`: an
entity, a line break read as a space), or where one block ends and the next
begins (`block_break`). Everything it passes over is markup, and is hidden:

- blanked to spaces, so the prose keeps the source's length and offsets, or
- dropped, when a blank would split a word: `<b>Rus</b>tem` reads 'Rustem'.

A block break is written as U+2029 PARAGRAPH SEPARATOR, which always ends a
sentence (checker.segment), over the first hidden character between the blocks.
Soft line breaks inside a block are the reader's business: it puts a space.

When no piece changed length, the prose lines up with the source and no
offset map is needed; otherwise `finish` returns one (checker.offsets).
"""

from __future__ import annotations

from checker.offsets import OffsetMap, Segment

PARAGRAPH_BREAK = "\u2029"


class ProseBuilder:
    def __init__(self, source: str) -> None:
        self._source = source
        self._pieces: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0  # prose characters so far
        self._consumed = 0  # source characters so far
        self._last = " "  # the last prose character written
        self._break_pending = False
        self._aligned = True  # every prose offset is still its source offset

    @property
    def consumed(self) -> int:
        return self._consumed

    def keep(self, start: int, end: int) -> None:
        """Source [start, end) is prose as it stands."""
        if end > start:
            self.put(start, end, self._source[start:end])

    def put(self, start: int, end: int, text: str) -> None:
        """Source [start, end) reads as `text` (same length: one to one; else it stands for the whole range)."""
        if start < self._consumed or end < start:
            raise ValueError(f"prose pieces must come in source order: [{start}, {end}) after {self._consumed}")
        if not text:
            return  # nothing to read here: it is hidden with the markup around it
        self._hide_up_to(start, text[0])
        self._write(text, start, end, exact=len(text) == end - start)
        self._consumed = end

    def block_break(self) -> None:
        """The next prose belongs to a new block: whatever was before ends its sentence."""
        if self._length:
            self._break_pending = True

    def finish(self) -> tuple[str, OffsetMap | None]:
        """The prose, and its offset map when it no longer lines up with the source."""
        self._break_pending = False  # nothing follows: the end of the text ends the sentence anyway
        self._hide_up_to(len(self._source), None)
        prose = "".join(self._pieces)
        if self._aligned:
            return prose, None
        return prose, OffsetMap.of(self._segments, len(prose), len(self._source))

    def _hide_up_to(self, end: int, next_char: str | None) -> None:
        start = self._consumed
        self._consumed = max(end, start)
        if self._break_pending:
            self._break_pending = False
            if end > start:
                self._write(PARAGRAPH_BREAK + " " * (end - start - 1), start, end, exact=True)
            else:
                self._write(PARAGRAPH_BREAK, start, start, exact=False)
            return
        if end <= start:
            return
        inside_word = not self._last.isspace() and next_char is not None and not next_char.isspace()
        if inside_word:
            self._aligned = False  # dropped: the prose is now shorter than the source
        else:
            self._write(" " * (end - start), start, end, exact=True)

    def _write(self, text: str, start: int, end: int, *, exact: bool) -> None:
        if not exact:
            self._aligned = False
        previous = self._segments[-1] if self._segments else None
        if exact and previous and previous.exact and previous.source_end == start:
            self._segments[-1] = Segment(
                previous.prose_start, previous.length + len(text), previous.source_start, end, exact=True
            )
        else:
            self._segments.append(Segment(self._length, len(text), start, end, exact))
        self._pieces.append(text)
        self._length += len(text)
        self._last = text[-1]
