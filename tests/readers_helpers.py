"""Helpers for reader tests: a document's sentences as a reader reads them, and its faithfulness."""

from __future__ import annotations

import html

from checker.model import Document, Span
from checker.segment import sentences
from checker.text import tokenize


def read_sentences(document: Document) -> list[str]:
    return [document.quote(s.span) for s in sentences(document.prose)]


def assert_faithful(document: Document) -> None:
    """Every prose word points at source characters that start and end with the same letters,
    and maps back to itself; copied characters are the source's own."""
    for token in tokenize(document.prose):
        span = document.to_source(Span(token.start, token.end))
        source = document.text[span.start : span.end]
        assert source, token
        assert document.to_prose(span) == Span(token.start, token.end), (token, source)
        decoded = html.unescape(source)  # '&#x41;' is where the word 'A' was read from
        if token.text[0].isalnum():
            assert decoded[0] == token.text[0] and decoded[-1] == token.text[-1], (token.text, source)
    offsets = document.offsets
    if offsets is None:
        for i, char in enumerate(document.prose):
            assert char.isspace() or char == document.text[i], (i, char, document.text[i])
        return
    for k, start in enumerate(offsets.prose_starts):
        if offsets.exact[k]:
            for i in range(offsets.lengths[k]):
                char = document.prose[start + i]
                assert char.isspace() or char == document.text[offsets.source_starts[k] + i]
