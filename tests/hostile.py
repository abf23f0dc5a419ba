"""Hypothesis strategies for hostile input: text that looks like news, markup and rule files,
mixed with arbitrary characters. Shared by the property tests and the fuzz targets."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from hypothesis import strategies as st

from checker.model import Location, Span

# Words and pieces that make the extractors and readers work: ordinals and event nouns,
# status cues, numbers with units, dates, negations, attributions, and markup of every reader.
_PROSE = [
    "The",
    "third",
    "3rd",
    "round",
    "meeting",
    "of talks",
    "has concluded",
    "concluded",
    "will begin",
    "preparing for",
    "was cancelled",
    "not",
    "never",
    "250",
    "1,200",
    "prisoners",
    "at least",
    "%",
    "$18m",
    "on Friday",
    "Monday",
    "24 July 2025",
    "2025-07-24",
    "last week",
    "Rustem Umerov",
    "the defence minister",
    "led by",
    "said",
    '"',
    "“",
    "”",
    "'",
    ",",
    ".",
    ". ",
    "!",
    "?",
    ";",
    ":",
    "(",
    ")",
    "—",
    "Mr.",
    "U.S.",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u2029",
    "\u00a0",
    "é",
    "ß",
    "😀",
    "\u0301",
    "\ufeff",
    "claim-checker: ignore CC101",
    "<!-- claim-checker: disable -->",
    "<!-- claim-checker: enable -->",
]
_MARKDOWN = [
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "* ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "    ",
    "[link](http://x)",
    "![alt](y.png)",
    "| a | b |\n|---|---|\n",
    "---\n",
    "+++\n",
    "date: 2025-07-24\n",
    "\\",
    "  \n",
    "<b>",
    "</b>",
    "&amp;",
    "&#x1F600;",
]
_HTML = [
    "<p>",
    "</p>",
    "<article>",
    "</article>",
    "<nav>",
    "</nav>",
    "<script>",
    "</script>",
    "<br>",
    "<b>",
    "</b>",
    "<div hidden>",
    "</div>",
    "<!--",
    "-->",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#8212;",
    "&bogus;",
    "<time datetime='2025-07-24'>",
    "<meta property='article:published_time' content='2025-07-24'>",
    "<![CDATA[",
    "]]>",
    "<",
    ">",
    "</",
    "/>",
]


def _pieces(vocabulary: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(vocabulary) | st.text(max_size=8), max_size=60).map("".join)


prose = _pieces(_PROSE)
markdown = _pieces(_PROSE + _MARKDOWN)
html = _pieces(_PROSE + _HTML)
BY_SUFFIX = {".txt": prose, ".md": markdown, ".html": html}

_RULES = [
    "include",
    "as of",
    "status",
    "compatible with",
    "before",
    "after",
    "event nouns",
    "ordinal",
    "number",
    "month",
    "weekday",
    "words",
    "role cue",
    "means",
    "synonyms",
    "entity",
    "event",
    "alias",
    "role",
    "aka",
    "from",
    "until",
    "place",
    "severity",
    "error",
    "warning",
    "note",
    "message",
    "quantity",
    "mentions",
    "value",
    "at least",
    "at most",
    "between",
    "and",
    "per",
    "date",
    "on",
    "by",
    "concluded",
    "upcoming",
    "{",
    "}",
    ",",
    '"third round"',
    '"talks"',
    '"x"',
    '""',
    '"a\\"b"',
    '"unterminated',
    "3",
    "12",
    "1,200",
    "2.5",
    "2025-07-24",
    "2025-02-30",
    "9999-99-99",
    "#",
    "# comment\n",
    "(",
    ")",
    " ",
    " ",
    "\n",
    "\t",
    "\r\n",
    "é",
    "\x00",
]
rule_text = _pieces(_RULES)


def spans_of(value, seen: set[int] | None = None):
    """Every Span and Location inside a report or claim, found by walking its record fields
    (so new claim kinds are covered without listing them); the Document itself is skipped."""
    seen = set() if seen is None else seen
    if isinstance(value, Span | Location):
        yield value
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, tuple | list):
        for item in value:
            yield from spans_of(item, seen)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            if field.name != "document":
                yield from spans_of(getattr(value, field.name), seen)
