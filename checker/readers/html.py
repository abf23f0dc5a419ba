"""HTML pages as a CMS exports them: the article's text, without the page around it.

The article is the first <article> (outside nav, aside and footer), else <main>,
else <body> without its header; inside it, nav, aside, footer, forms, scripts,
styles, code and anything `hidden` are not prose. Block elements (p, h1-h6, li,
td, div...) end sentences, <br> is a line break, and inline tags are markup that
never splits a word: `<b>Rus</b>tem` reads 'Rustem'. Entities are decoded, each
standing for its whole source text. White space inside text reads as spaces.

The article's date is `<meta property="article:published_time">`, else the
first `<time datetime>` of the article's text.

The standard library's HTMLParser reports each construct where it starts; a
construct ends where the next one starts, so every character of the page is
accounted for and every prose character keeps its exact source position.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from checker.model import Document
from checker.readers._dates import iso_date
from checker.readers._prose import ProseBuilder

ROOTS = ("article", "main", "body")


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


NOT_PROSE = _tags(
    "script style template noscript nav aside footer form button select textarea option svg math iframe "
    "object canvas audio video pre code head title "
)
PAGE_ONLY = _tags("header")  # not prose when the article is the whole body
BLOCKS = _tags(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p section summary table tbody "
    "td tfoot th thead tr ul "
)
VOID = _tags("area base br col embed hr img input link meta source track wbr")
PUBLISHED = ("article:published_time",)
_WHITE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " "})
_INVISIBLE = str.maketrans(dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff")))  # &shy; and kin: no text


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # start, end, data, ref, other
    start: int
    end: int
    tag: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)
    closed: bool = False  # <tag/>


def parse(path: str, text: str) -> Document:
    events = scan(text)
    first, last, root = _article(events)
    builder = ProseBuilder(text)
    time = _walk(events[first:last], builder, text, skip_header=root in ("body", None))
    prose, offsets = builder.finish()
    as_of = _published(events) or time
    return Document(path=path, text=text, prose=prose, format="html", as_of=as_of, offsets=offsets)


def scan(text: str) -> list[Event]:
    """Every construct of the page, in order, with its exact source range.

    HTMLParser says where each construct starts; text and entities end where their
    own text ends, anything else where the next construct starts (the parser
    silently skips a few malformed bits, such as `</>`, which end up as markup).
    """
    collector = _Collector(text)
    collector.feed(text)
    collector.close()
    marks = collector.marks
    events = []
    for i, (kind, start, length, tag, attrs, closed) in enumerate(marks):
        end = marks[i + 1][1] if i + 1 < len(marks) else len(text)
        if length is not None:
            end = min(end, start + length)
        events.append(Event(kind, start, end, tag, attrs, closed))
    return events


_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]*|#[0-9]*|[A-Za-z][A-Za-z0-9]*);?")


class _Collector(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        starts = [0]
        at = text.find("\n")
        while at != -1:  # HTMLParser counts lines by '\n' only
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._line_starts = starts
        self._text = text
        self.marks: list[tuple[str, int, int | None, str, dict, bool]] = []

    def _mark(self, kind: str, length: int | None = None, tag: str = "", attrs=(), closed: bool = False) -> int:
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        self.marks.append((kind, start, length, tag, dict(attrs), closed))
        return start

    def handle_starttag(self, tag, attrs):
        self._mark("start", None, tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._mark("start", None, tag, attrs, closed=True)

    def handle_endtag(self, tag):
        self._mark("end", None, tag)

    def handle_data(self, data):
        self._mark("data", len(data))

    def handle_entityref(self, name):
        self._reference()

    def handle_charref(self, name):
        self._reference()

    def _reference(self) -> None:
        line, column = self.getpos()
        match = _REFERENCE.match(self._text, self._line_starts[line - 1] + column)
        self._mark("ref", len(match.group()) if match else None)

    def handle_comment(self, data):
        self._mark("other")

    def handle_decl(self, decl):
        self._mark("other")

    def handle_pi(self, data):
        self._mark("other")

    def unknown_decl(self, data):
        self._mark("other")

    def parse_marked_section(self, i, report=1):
        """`<![` not followed by a name (`<![ foo`) fails an assertion of the standard parser
        (Python 3.11); read it as newer versions do, as markup up to the next '>'."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            if end == -1:
                return -1
            self.unknown_decl(self.rawdata[i + 3 : end])
            return end + 1


def _article(events: list[Event]) -> tuple[int, int, str | None]:
    """The events inside the article's element (first, last exclusive), and which element it is."""
    for root in ROOTS:
        outside = 0  # depth inside elements that never hold the article (nav, aside, footer)
        for i, event in enumerate(events):
            if event.tag in ("nav", "aside", "footer") and not event.closed:
                outside += 1 if event.kind == "start" else -1 if event.kind == "end" and outside else 0
            elif event.kind == "start" and event.tag == root and not outside:
                return i + 1, _matching_end(events, i), root
    return 0, len(events), None


def _matching_end(events: list[Event], opening: int) -> int:
    tag = events[opening].tag
    depth = 0
    for i in range(opening, len(events)):
        event = events[i]
        if event.tag == tag and not event.closed:
            depth += 1 if event.kind == "start" else -1 if event.kind == "end" else 0
            if depth == 0:
                return i
    return len(events)


def _walk(events: list[Event], builder: ProseBuilder, text: str, *, skip_header: bool) -> dt.date | None:
    """Tell the builder what each event of the article is; return the first <time datetime>'s date."""
    skipping: str | None = None
    depth = 0
    time: dt.date | None = None
    for event in events:
        if skipping:
            if event.tag == skipping and not event.closed and event.kind in ("start", "end"):
                depth += 1 if event.kind == "start" else -1
                if depth == 0:
                    skipping = None
            continue
        if event.kind == "start":
            if _not_prose(event, skip_header):
                if not event.closed and event.tag not in VOID:
                    skipping, depth = event.tag, 1
                continue
            if event.tag == "time" and time is None:
                time = iso_date(event.attrs.get("datetime") or "")
            _tag(event, builder)
        elif event.kind == "end":
            _tag(event, builder)
        elif event.kind == "data":
            builder.put(event.start, event.end, text[event.start : event.end].translate(_WHITE))
        elif event.kind == "ref":
            builder.put(event.start, event.end, html.unescape(text[event.start : event.end]).translate(_INVISIBLE))
    return time


def _not_prose(event: Event, skip_header: bool) -> bool:
    if event.tag in NOT_PROSE or (skip_header and event.tag in PAGE_ONLY):
        return True
    return "hidden" in event.attrs or event.attrs.get("aria-hidden") == "true"


def _tag(event: Event, builder: ProseBuilder) -> None:
    if event.tag == "br":
        builder.put(event.start, event.start + 1, "\n")
    elif event.tag in BLOCKS:
        builder.block_break()
    # any other tag is inline markup: hidden, and dropped when it sits inside a word


def _published(events: list[Event]) -> dt.date | None:
    for event in events:
        if event.kind == "start" and event.tag == "meta":
            key = event.attrs.get("property") or event.attrs.get("name")
            if key in PUBLISHED:
                day = iso_date(event.attrs.get("content") or "")
                if day:
                    return day
    return None
