"""Words with their offsets, and one compiled matcher for many vocabulary phrases.

Every vocabulary of the rule files (status cues, role cues, aliases) is compiled
into a token trie, so a sentence is scanned once whatever the number of phrases,
and no user phrase ever becomes a regular expression (no catastrophic backtracking).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+(?:['’]\w+)*(?:-\w+)*|[^\w\s]")
WILDCARD = "*"


class Token:
    """One word or punctuation mark, with its offsets; flags computed once, read often."""

    __slots__ = ("end", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        lower = text.lower()
        self.lower = lower.replace("’", "'") if "’" in lower else lower
        self.start = start
        self.end = end
        first = text[0]
        self.is_word = first.isalnum() or first == "_"

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """Words and punctuation marks of `text[offset:end]`, with absolute offsets."""
    stop = len(text) if end is None else end
    found: list[Token] = []
    append = found.append
    new = object.__new__
    # The hottest loop of the checker: Token.__init__ inlined saves a call per word.
    for match in _WORD.finditer(text, offset, stop):
        token = new(Token)
        word = token.text = match.group()
        lower = word.lower()
        token.lower = lower.replace("’", "'") if "’" in lower else lower
        token.start, token.end = match.span()
        first = word[0]
        token.is_word = first.isalnum() or first == "_"
        append(token)
    return found


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The lower-case words of a vocabulary phrase, as the matcher compares them (each
    as tokenize lowers a token, without making the tokens: rule sets hold thousands)."""
    return tuple(word.lower().replace("’", "'") for word in _WORD.findall(phrase))


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    label: object


class PhraseMatcher:
    """Finds every occurrence of many phrases in a token list in one pass.

    A `*` in a phrase stands for at most one word that is not in `barred`
    (so "has * concluded" matches "has officially concluded" but not
    "has not concluded" when "not" is barred).
    """

    def __init__(self, phrases: Iterable[tuple[str, object]], barred: Iterable[str] = ()) -> None:
        self._root: dict = {}
        self._first: frozenset[str] = frozenset()
        self._barred = frozenset(barred)
        self.phrases: list[tuple[str, object]] = []  # as given, so matchers can be combined
        for phrase, label in phrases:
            self.phrases.append((phrase, label))
            words = phrase_words(phrase)
            if not words:
                continue
            node = self._root
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(None, []).append(label)
        self._first = frozenset(self._root)

    def __bool__(self) -> bool:
        return bool(self._root)

    def find(self, tokens: list[Token]) -> list[Match]:
        """All matches, longest first at each start, left to right."""
        found: list[Match] = []
        root = self._root
        if not root:
            return found
        first = self._first
        wild = WILDCARD in root
        for i, token in enumerate(tokens):
            if token.lower not in first and not wild:
                continue
            for end, labels in self._walk(root, tokens, i):
                found.extend(Match(i, end, label) for label in labels)
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found

    def _walk(self, node: dict, tokens: list[Token], i: int):
        if None in node:
            yield i, node[None]
        if i >= len(tokens):
            return
        word = tokens[i].lower
        if word in node:
            yield from self._walk(node[word], tokens, i + 1)
        if WILDCARD in node:
            wild = node[WILDCARD]
            yield from self._walk(wild, tokens, i)  # the wildcard may match nothing
            if tokens[i].is_word and word not in self._barred:
                yield from self._walk(wild, tokens, i + 1)
