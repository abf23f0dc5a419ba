"""The offset map and the prose builder: every prose character keeps its source position."""

from __future__ import annotations

import random

import pytest

from checker.model import Document, Span
from checker.offsets import OffsetMap, Segment
from checker.readers._prose import PARAGRAPH_BREAK, ProseBuilder


def _build(source: str, steps) -> tuple[str, OffsetMap | None]:
    builder = ProseBuilder(source)
    for step in steps:
        if step == "break":
            builder.block_break()
        elif len(step) == 2:
            builder.keep(*step)
        else:
            builder.put(*step)
    return builder.finish()


def test_blanked_markup_keeps_the_source_length_and_needs_no_map():
    source = "# Title\n\nSome *words* here."
    prose, offsets = _build(source, [(2, 7), "break", (9, 14), (15, 20), (21, 27)])
    assert offsets is None
    assert len(prose) == len(source)
    assert prose == f"  Title{PARAGRAPH_BREAK} Some  words  here."


def test_markup_inside_a_word_is_dropped_and_mapped():
    source = "led by <b>Rus</b>tem Umerov"
    prose, offsets = _build(source, [(0, 7), (10, 13), (17, 27)])
    assert prose == "led by    Rustem Umerov"  # <b> after a space is blanked, </b> inside the word dropped
    assert offsets is not None
    rustem = prose.index("Rustem")
    start, end = offsets.to_source(rustem, rustem + len("Rustem"))
    assert source[start:end] == "Rus</b>tem"
    assert offsets.to_prose(start, end) == (rustem, rustem + 6)


def test_an_entity_stands_for_its_whole_source_and_is_never_cut():
    source = "AT&amp;T and &ldquo;250&rdquo;"
    prose, offsets = _build(source, [(0, 2), (2, 7, "&"), (7, 13), (13, 20, "“"), (20, 23), (23, 30, "”")])
    assert prose == "AT&T and “250”"
    assert offsets is not None
    assert source[slice(*offsets.to_source(0, 4))] == "AT&amp;T"
    assert source[slice(*offsets.to_source(2, 3))] == "&amp;"
    quoted = prose.index("“")
    assert source[slice(*offsets.to_source(quoted, quoted + 5))] == "&ldquo;250&rdquo;"
    # a source range that starts inside an entity still reads the whole entity's character
    assert prose[slice(*offsets.to_prose(4, 8))] == "&T"


def test_a_block_break_with_no_source_between_is_inserted():
    prose, offsets = _build("ab", [(0, 1), "break", (1, 2)])
    assert prose == f"a{PARAGRAPH_BREAK}b"
    assert offsets is not None and offsets.to_source(0, 3) == (0, 2)


def test_pieces_must_come_in_source_order():
    builder = ProseBuilder("abcdef")
    builder.keep(3, 5)
    with pytest.raises(ValueError):
        builder.keep(1, 2)


def test_an_offset_map_refuses_segments_out_of_order():
    with pytest.raises(ValueError):
        OffsetMap.of([Segment(0, 2, 5, 7, True), Segment(2, 1, 1, 2, True)], 3, 10)
    with pytest.raises(ValueError):
        OffsetMap.of([Segment(0, 2, 0, 3, True)], 2, 10)  # an exact segment cannot change length


def test_document_needs_a_map_when_lengths_differ():
    with pytest.raises(ValueError):
        Document(path="x", text="a&amp;b", prose="a&b")


@pytest.mark.parametrize("seed", range(30))
def test_random_markup_round_trips(seed):
    """Random words, markup, entities and breaks: every prose word maps to its source word and back."""
    rng = random.Random(seed)
    source_parts: list[str] = []
    steps: list = []
    expected_words: list[tuple[str, str]] = []  # (prose word, its source text)
    at = 0

    def add(text: str) -> tuple[int, int]:
        nonlocal at
        source_parts.append(text)
        at += len(text)
        return at - len(text), at

    for _ in range(rng.randint(1, 25)):
        kind = rng.choice(["word", "split-word", "entity-word", "markup", "break", "space"])
        if kind == "word":
            word = rng.choice(["round", "talks", "Istanbul", "x"])
            steps.append(add(word))
            expected_words.append((word, word))
            steps.append(add(" "))
        elif kind == "split-word":
            a, b = add("Rus"), None
            add("</b>")
            b = add("tem")
            steps += [a, b]
            expected_words.append(("Rustem", "Rus</b>tem"))
            steps.append(add(" "))
        elif kind == "entity-word":
            a = add("AT")
            e = add("&amp;")
            b = add("T")
            steps += [a, (*e, "&"), b]
            expected_words.append(("AT&T", "AT&amp;T"))
            steps.append(add(" "))
        elif kind == "markup":
            add(rng.choice(["<i>", "**", "<!-- c -->", "[", "](http://x.y)"]))
        elif kind == "break":
            steps.append("break")
        else:
            steps.append(add(" "))
    source = "".join(source_parts)
    prose, offsets = _build(source, steps)
    document = Document(path="t", text=source, prose=prose, offsets=offsets)
    words = prose.split()
    assert [w for w, _ in expected_words] == words
    cursor = 0
    for word, source_text in expected_words:
        start = prose.index(word, cursor)
        cursor = start + len(word)
        span = document.to_source(Span(start, cursor))
        assert source[span.start : span.end] == source_text
        assert document.to_prose(span) == Span(start, cursor)
