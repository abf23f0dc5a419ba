"""Where each character of a prose view came from in its source file.

Readers keep the prose view the same length as the source wherever they can
(markup blanked to spaces), so an offset into one is an offset into the other.
Two things break that: markup inside a word (`<b>Rus</b>tem` must read as one
word, so the tags are dropped, not blanked) and text that decodes to another
length (`&amp;` is one character). For those documents the reader records an
OffsetMap: the prose as a run of segments, each either copied one to one from
the source or standing for a whole source range (an entity), so every prose span
maps to the exact source characters it was read from, and back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """Prose [prose_start, prose_start + length) was read from source [source_start, source_end).

    An exact segment copies its source one to one; any other stands for its whole
    source range ('&' for '&amp;', or a paragraph break for no source at all).
    """

    prose_start: int
    length: int
    source_start: int
    source_end: int
    exact: bool


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Prose offsets <-> source offsets for one document.

    Parallel tuples, one entry per segment, in prose order; the segments cover the
    prose exactly and never go back in the source.
    """

    prose_starts: tuple[int, ...]
    lengths: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_ends: tuple[int, ...]
    exact: tuple[bool, ...]
    prose_length: int
    source_length: int

    @classmethod
    def of(cls, segments: Iterable[Segment], prose_length: int, source_length: int) -> OffsetMap:
        segments = tuple(segments)
        at = source = 0
        for s in segments:
            if s.prose_start != at or s.source_start < source or s.length <= 0 or s.source_end < s.source_start:
                raise ValueError(f"offset map segments must cover the prose in source order: {s}")
            if s.exact and s.source_end - s.source_start != s.length:
                raise ValueError(f"an exact segment keeps its length: {s}")
            at, source = at + s.length, s.source_end
        if at != prose_length or source > source_length:
            raise ValueError("offset map does not match its texts")
        return cls(
            prose_starts=tuple(s.prose_start for s in segments),
            lengths=tuple(s.length for s in segments),
            source_starts=tuple(s.source_start for s in segments),
            source_ends=tuple(s.source_end for s in segments),
            exact=tuple(s.exact for s in segments),
            prose_length=prose_length,
            source_length=source_length,
        )

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source range a prose range was read from: whole source units, never half an entity."""
        if not self.prose_starts:
            return 0, 0
        if start >= end:
            at = self._char_start(start) if start < self.prose_length else self.source_ends[-1]
            return at, at
        return self._char_start(start), self._char_end(end - 1)

    def to_prose(self, start: int, end: int) -> tuple[int, int]:
        """The prose range read from the source range [start, end) (markup in it reads as nothing)."""
        first = bisect_right(self.source_ends, start)  # the first segment that ends after `start`
        if first == len(self.prose_starts):
            return self.prose_length, self.prose_length
        prose_start = self.prose_starts[first]
        if self.exact[first]:
            prose_start += max(0, start - self.source_starts[first])
        last = bisect_left(self.source_starts, end) - 1  # the last segment that starts before `end`
        if last < first:
            return prose_start, prose_start
        prose_end = self.prose_starts[last] + self.lengths[last]
        if self.exact[last]:
            prose_end = self.prose_starts[last] + min(self.lengths[last], end - self.source_starts[last])
        return prose_start, max(prose_start, prose_end)

    def _segment(self, offset: int) -> int:
        return bisect_right(self.prose_starts, offset) - 1

    def _char_start(self, offset: int) -> int:
        k = self._segment(offset)
        return self.source_starts[k] + (offset - self.prose_starts[k] if self.exact[k] else 0)

    def _char_end(self, offset: int) -> int:
        k = self._segment(offset)
        return self.source_starts[k] + offset - self.prose_starts[k] + 1 if self.exact[k] else self.source_ends[k]
