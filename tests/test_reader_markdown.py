"""The Markdown reader: what is prose, what is markup, and exact positions for both."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.errors import InputError
from checker.model import Span
from checker.readers import from_text

from readers_helpers import assert_faithful, read_sentences


def _read(text: str):
    document = from_text(text, "article.md")
    assert document.format == "markdown"
    assert_faithful(document)
    return document


def test_headings_paragraphs_lists_quotes_and_table_cells_are_prose_and_end_sentences():
    document = _read(
        "# the talks end\n"
        "talks resumed on monday\n\n"
        "> quoted words\n> go on here\n\n"
        "- first item\n- second item\n\n"
        "| venue | round |\n|---|---|\n| Istanbul | third |\n"
    )
    assert read_sentences(document) == [
        "the talks end",
        "talks resumed on monday",
        "quoted words go on here",
        "first item",
        "second item",
        "venue",
        "round",
        "Istanbul",
        "third",
    ]


def test_code_comments_link_targets_and_images_are_not_prose():
    document = _read(
        "Before `inline code here` after.\n\n"
        "```python\nfenced = 'code block'\n```\n\n"
        "    indented code block\n\n"
        "<!-- an HTML comment -->\n\n"
        'A [link text](https://example.org/target-words "title words") and ![alt words](image-source.png).\n\n'
        "A [reference][ref] and <https://auto.link/words>.\n\n"
        '[ref]: https://example.org/reference-words "reference title"\n'
    )
    prose = " ".join(document.prose.split())
    assert prose == "Before after. A link text and . A reference and ."
    for hidden in ("inline", "fenced", "indented", "comment", "target", "title", "alt", "image", "auto", "[ref]"):
        assert hidden not in prose


def test_markup_inside_a_word_does_not_split_it():
    document = _read("Talks led by **Rus**tem Umerov and *Vlad*imir Medinsky.")
    assert read_sentences(document) == ["Talks led by Rustem Umerov and Vladimir Medinsky."]
    start = document.prose.index("Rustem")
    span = document.to_source(Span(start, start + 6))
    assert document.text[span.start : span.end] == "Rus**tem"


def test_entities_and_escapes_read_as_their_characters():
    document = _read("AT&amp;T said &ldquo;yes&rdquo; at 5 \\* 3 o&#8217;clock.")
    assert read_sentences(document) == ["AT&T said “yes” at 5 * 3 o’clock."]
    start = document.prose.index("“yes”")
    span = document.to_source(Span(start, start + 5))
    assert document.text[span.start : span.end] == "&ldquo;yes&rdquo;"


def test_soft_breaks_read_as_spaces_and_hard_breaks_as_line_breaks():
    document = _read("The third round\nOf talks ended.\n\nFirst line\\\nSecond line")
    assert read_sentences(document) == ["The third round Of talks ended.", "First line", "Second line"]


def test_link_targets_with_parentheses_and_titles_do_not_leak_into_prose():
    document = _read('See [the page](https://x.org/a_(b).html "t (1)") today. Then [more](<a b.html>) now.')
    assert read_sentences(document) == ["See the page today.", "Then more now."]


def test_positions_survive_block_quote_and_list_markers_and_crlf():
    text = "> The third round\r\n> has concluded.\r\n\r\n1. Delegates are\r\n   preparing.\r\n"
    document = _read(text)
    assert read_sentences(document) == ["The third round has concluded.", "Delegates are preparing."]


@pytest.mark.parametrize(
    "front,expected",
    [
        ("---\ntitle: Talks\ndate: 2025-07-24\n---\n", dt.date(2025, 7, 24)),
        ("---\ndate: 2025-07-24T23:30:00-04:00\n---\n", dt.date(2025, 7, 24)),
        ("---\npublished: '2025-07-20'\n---\n", dt.date(2025, 7, 20)),
        ("---\ndate: 2025-07-24\npublished: 2025-07-20\n---\n", dt.date(2025, 7, 24)),
        ('+++\ntitle = "Talks"\ndate = 2025-07-24\n+++\n', dt.date(2025, 7, 24)),
        ("---\ntitle: no date\n---\n", None),
        ("", None),
    ],
)
def test_front_matter_gives_the_date_and_is_not_prose(front, expected):
    document = _read(front + "\nThe talks ended.\n")
    assert document.as_of == expected
    assert read_sentences(document) == ["The talks ended."]


def test_an_unclosed_fence_is_not_front_matter():
    document = _read("---\nThe talks ended.\n")
    assert document.as_of is None
    assert read_sentences(document) == ["The talks ended."]


@pytest.mark.parametrize(
    "front,message",
    [
        ("---\ndate: July 24th\n---\n", "front matter: `date` is not a date"),
        ("---\ndate: [2025\n---\n", "front matter is not valid YAML at line 3"),
        ("+++\ndate = \n+++\n", "front matter is not valid TOML"),
    ],
)
def test_bad_front_matter_is_one_clear_error(front, message):
    with pytest.raises(InputError) as raised:
        from_text(front + "Text.\n", "article.md")
    assert message in str(raised.value) and str(raised.value).startswith("article.md: ")


def test_prose_keeps_the_source_length_when_no_markup_sits_inside_a_word():
    document = _read("# Title\n\nSome *emphasis* and a [link](http://x.y) here.\n")
    assert document.offsets is None and len(document.prose) == len(document.text)
    assert read_sentences(document) == ["Title", "Some emphasis and a link here."]


def test_text_the_aligner_cannot_place_is_read_as_it_stands_never_guessed():
    # markdown-it reads NUL as U+FFFD, so this text is nowhere in the source: the block is kept raw.
    # (from_text reads control characters as spaces before any reader; the reader itself is tested.)
    from checker.readers import markdown

    document = markdown.parse("article.md", "# Head\n\nThe *a\x00b* talks ended.\n")
    assert_faithful(document)
    assert read_sentences(document) == ["Head", "The *a\x00b* talks ended."]


def test_a_stray_nul_in_markdown_is_read_as_a_space_and_kept_in_the_source():
    document = _read("# Head\n\nThe *a\x00b* talks ended.\n")
    assert read_sentences(document) == ["Head", "The a b talks ended."]
    assert "\x00" in document.text
