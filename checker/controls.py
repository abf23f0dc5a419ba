"""Control characters in text: a few stray ones are read as spaces, a text made of them is binary.

Copy pasted from a CMS or a word processor can carry a stray NUL, a vertical bar of
U+0001, or C1 controls from a mis-decoded quote. Such a file is still an article: the
readers see each control character as a space (so a word either side stays a word, and
every offset is kept), and CC904 says where they are. A text in which more than
MAX_SHARE of the characters are controls (a NUL-padded or binary file) is refused.
Tab, line feed, vertical tab, form feed and carriage return are text, not controls.
"""

from __future__ import annotations

import functools
import re

MAX_SHARE = 0.1  # above this share of control characters, a text is binary


@functools.cache
def _pattern() -> re.Pattern:
    return re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def has_controls(text: str) -> bool:
    return _pattern().search(text) is not None


def positions(text: str) -> list[int]:
    """The offset of every control character in `text`."""
    return [match.start() for match in _pattern().finditer(text)]


def too_many(text: str, count: int) -> bool:
    return count > MAX_SHARE * len(text)


def blanked(text: str) -> str:
    """`text` with each control character replaced by a space: same length, same offsets."""
    return _pattern().sub(" ", text)
