"""The HTML reader: the article's text only, words kept whole, entities decoded, exact positions."""

from __future__ import annotations

import datetime as dt
import itertools

from checker.model import Span
from checker.readers import from_text
from checker.readers.html import scan

from readers_helpers import assert_faithful, read_sentences

PAGE = """<!DOCTYPE html>
<html><head><title>Page title</title><style>p { color: red }</style>
<meta property="article:published_time" content="2025-07-24T18:05:00+03:00"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><p>Masthead words</p></header>
<aside>Related story words</aside>
<main>
  <article>
    <header><h1>Talks end in Istanbul</h1></header>
    <p>The third round has concluded.</p>
    <script>document.write("script words")</script>
    <aside><p>Sidebar words</p></aside>
    <p>Delegates spoke.</p>
    <footer>Tags words</footer>
  </article>
</main>
<footer>Copyright words</footer>
</body></html>
"""


def _read(text: str):
    document = from_text(text, "page.html")
    assert document.format == "html"
    assert_faithful(document)
    return document


def test_only_the_article_is_prose():
    document = _read(PAGE)
    assert read_sentences(document) == ["Talks end in Istanbul", "The third round has concluded.", "Delegates spoke."]
    assert document.as_of == dt.date(2025, 7, 24)


def test_without_an_article_main_is_used_and_without_main_the_body_minus_its_header():
    main = _read("<body><nav>Menu</nav><main><p>Main words.</p></main><p>Outside words.</p></body>")
    assert read_sentences(main) == ["Main words."]
    body = _read(
        "<body><header><h1>Site name</h1></header><nav>Menu</nav><h1>Headline</h1><p>Body words.</p>"
        "<footer>Footer</footer><script>x()</script><style>p{}</style></body>"
    )
    assert read_sentences(body) == ["Headline", "Body words."]
    fragment = _read("<p>Just a fragment.</p><p>And another.</p>")
    assert read_sentences(fragment) == ["Just a fragment.", "And another."]


def test_an_article_inside_an_aside_is_not_the_article():
    document = _read("<aside><article><p>Teaser.</p></article></aside><article><p>The story.</p></article>")
    assert read_sentences(document) == ["The story."]


def test_inline_tags_inside_a_word_do_not_split_it():
    document = _read("<p>Talks led by <b>Rus</b>tem Umerov, <i>sec</i><em>re</em>tary.</p>")
    assert read_sentences(document) == ["Talks led by Rustem Umerov, secretary."]
    start = document.prose.index("Rustem")
    span = document.to_source(Span(start, start + len("Rustem")))
    assert document.text[span.start : span.end] == "Rus</b>tem"


def test_entities_are_decoded_and_point_at_their_whole_source():
    document = _read(
        "<p>AT&amp;T&#8217;s &ldquo;deal&rdquo; &mdash; 24&#x2013;48&nbsp;hours, Head&shy;line &unknown;</p>"
    )
    assert read_sentences(document) == ["AT&T’s “deal” — 24–48 hours, Headline &unknown;"]
    start = document.prose.index("AT&T")
    span = document.to_source(Span(start, start + len("AT&T’s")))
    assert document.text[span.start : span.end] == "AT&amp;T&#8217;s"
    start = document.prose.index("Headline")
    span = document.to_source(Span(start, start + len("Headline")))
    assert document.text[span.start : span.end] == "Head&shy;line"


def test_block_elements_end_sentences_even_nested():
    document = _read(
        "<div><div><p>first block</p><ul><li>item one</li><li>item two</li></ul></div>"
        "<table><tr><td>cell a</td><td>cell b</td></tr></table><h2>heading</h2>no tag text</div>"
    )
    assert read_sentences(document) == [
        "first block",
        "item one",
        "item two",
        "cell a",
        "cell b",
        "heading",
        "no tag text",
    ]


def test_br_is_a_line_break_and_source_line_breaks_are_spaces():
    document = _read("<p>The third round<br>Next sentence<br/>continues here, and\nThis line goes on.</p>")
    assert read_sentences(document) == ["The third round", "Next sentence continues here, and This line goes on."]


def test_hidden_elements_comments_and_code_are_not_prose():
    document = _read(
        "<p>Seen <!-- comment words --> text<span hidden>hidden words</span>"
        "<span aria-hidden='true'>aria words</span> and <code>code words</code> end.</p>"
        "<pre>preformatted words</pre><template><p>template words</p></template>"
    )
    assert read_sentences(document) == ["Seen text and end."]


def test_date_from_time_when_there_is_no_meta_and_not_from_the_page_header():
    document = _read(
        '<body><header><time datetime="2025-07-30">today</time></header>'
        '<article><p>By <time datetime="bogus">?</time><time datetime="2025-07-24T09:00Z">24 July</time></p>'
        "<p>Text.</p></article></body>"
    )
    assert document.as_of == dt.date(2025, 7, 24)
    assert _read("<p>No date here.</p>").as_of is None


def test_the_scan_accounts_for_every_character():
    text = '<p class="a">x &amp; y<!-- c --><br/>z</p>\r\n<script>if (a < b) {}</script>&bogus'
    events = scan(text)
    assert events[0].start == 0 and events[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(events))
    assert [text[e.start : e.end] for e in events if e.kind == "ref"] == ["&amp;"]


def test_crlf_and_tabs_inside_text_read_as_spaces():
    document = _read("<p>The third\r\n\tround has concluded.</p>")
    assert read_sentences(document) == ["The third round has concluded."]


def test_markup_the_parser_skips_is_not_taken_for_text():
    document = _read("<p>Plan &#x41;</> and B.</p>")
    assert read_sentences(document) == ["Plan A and B."]
    start = document.prose.index("A")
    span = document.to_source(Span(start, start + 1))
    assert document.text[span.start : span.end] == "&#x41;"
