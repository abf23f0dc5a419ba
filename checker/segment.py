"""Sentences with exact spans.

Splits after . ! ? (and closing quotes or brackets) when what follows starts a new
sentence, but not after abbreviations, initials or inside decimals; a blank line
always ends a sentence, and a single line break ends one unless the text plainly
runs on (next line in lower case, or the line ends in a comma or similar). U+2029
PARAGRAPH SEPARATOR, which the Markdown and HTML readers write between blocks
(a heading, a paragraph, a table cell), always ends a sentence.

A run of text longer than MAX_SENTENCE characters with no sentence end in it (a
megabyte on one line, a table flattened to one paragraph) is cut at whitespace into
pieces of at most that length: real sentences are far shorter (the longest in the
BBC corpus has 474 characters), and the extractors look at pairs of words within a
sentence, so an unbounded sentence would make their work grow with its square.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from checker.model import Sentence, Span

# A run of stops is tried once, from its first mark (the look-behind), and taken whole (possessive):
# otherwise 100 kB of dots would be tried from each of them, in quadratic time.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)|\n|\u2029")
_PARAGRAPH = "\u2029"
_RUNS_ON = ",;:(-–—/"
MAX_SENTENCE = 2000


def sentences(text: str, abbreviations: Collection[str] = ()) -> tuple[Sentence, ...]:
    """Split `text` into sentences; `abbreviations` are lower-case, without their dot."""
    cuts: list[int] = []
    for match in _CANDIDATE.finditer(text):
        at = match.end()
        if match.group() == _PARAGRAPH:
            cuts.append(at)
        elif match.group() == "\n":
            if _line_break_ends_sentence(text, match.start()):
                cuts.append(at)
        elif _stop_ends_sentence(text, match, abbreviations):
            cuts.append(at)
    return tuple(Sentence(i, span) for i, span in enumerate(_trimmed_spans(text, cuts)))


def _trimmed_spans(text: str, cuts: list[int]):
    start = 0
    for end in [*cuts, len(text)]:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield from _bounded(text, s, e)
        start = end


def _bounded(text: str, start: int, end: int):
    """[start, end) in pieces of at most MAX_SENTENCE characters, cut after whitespace where there is some."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        piece_end = cut if cut > start else limit
        yield Span(start, piece_end)
        start = piece_end
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield Span(start, end)


def _line_break_ends_sentence(text: str, at: int) -> bool:
    last = at  # the end of the line's text, found by stepping back (no copy of all the text before)
    while last > 0 and text[last - 1] in " \t\r":
        last -= 1
    if last == 0 or text[last - 1] == "\n":
        return True  # blank line
    after = text[at + 1 : at + 200].lstrip(" \t\r")
    if not after or after.startswith("\n"):
        return True
    if text[last - 1] in _RUNS_ON:
        return False
    return not after[0].islower()


def _stop_ends_sentence(text: str, match: re.Match, abbreviations: Collection[str]) -> bool:
    rest = text[match.end() : match.end() + 3].lstrip()
    if rest and (rest[0].islower() or rest[0] in ",;:"):
        return False
    if match.group()[0] != ".":
        return True
    word = re.search(r"(\w+(?:\.\w+)*)$", text[max(0, match.start() - 40) : match.start()])
    if not word:
        return True
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith"
    return token.lower() not in abbreviations and token.replace(".", "").lower() not in abbreviations
