"""Markdown (CommonMark, with GitHub tables and strikethrough) and its YAML or TOML front matter.

Prose is the inline text of paragraphs, headings, list items, block quotes and
table cells; every block ends a sentence. Code blocks, inline code, raw HTML,
HTML comments, link targets, image sources (and alt texts), reference definitions
and the front matter are markup. The front matter's `date` (else `published`)
is the article's own date.

markdown-it-py gives block tokens their source lines but inline tokens no
positions, so each inline token is found in the source, left to right, from
where the previous one ended: text is literal, and what lies between two pieces
of text is markup (emphasis marks, brackets, block-quote markers, indentation).
Link targets and code spans are skipped by scanning their syntax, since their
text could otherwise be mistaken for the prose that follows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.errors import InputError
from checker.model import Document
from checker.readers._dates import as_date
from checker.readers._prose import ProseBuilder

DATE_KEYS = ("date", "published")

# Block nesting markdown-it reads (its CommonMark preset stops at 20; a quote in a list in a
# quote is 6). Deeper, it skips the text inside, so such an article is refused.
MAX_NESTING = 100
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def parse(path: str, text: str) -> Document:
    from markdown_it import MarkdownIt

    front = front_matter(text)
    as_of = _front_matter_date(path, text, front) if front else None
    body = text
    if front is not None:  # blank the front matter line for line, so the parser's line numbers stay the file's
        body = "\n" * len(_LINE_BREAK.findall(text[: front.end])) + text[front.end :]
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    tokens = parser.disable("text_join").parse(body)
    _refuse_too_deep(path, tokens)
    builder = ProseBuilder(text)
    starts = _line_starts(text)
    aligner = _Aligner(text, builder)
    for token in tokens:
        if token.type == "inline" and token.map:
            region = (starts[token.map[0]], starts[token.map[1]] if token.map[1] < len(starts) else len(text))
            builder.block_break()
            aligner.inline(token.children or [], *region)
    prose, offsets = builder.finish()
    return Document(path=path, text=text, prose=prose, format="markdown", as_of=as_of, offsets=offsets)


def _refuse_too_deep(path: str, tokens) -> None:
    """markdown-it stops reading blocks nested MAX_NESTING deep and silently drops what is
    inside; an article is refused rather than checked without that text."""
    for token in tokens:
        if token.level >= MAX_NESTING - 1:
            line = token.map[0] + 1 if token.map else 1
            raise InputError(
                path,
                f"nests block quotes or lists more than {MAX_NESTING - 3} levels deep (from line {line}); "
                "the innermost text could not be read",
            )


@dataclass(frozen=True, slots=True)
class FrontMatter:
    kind: str  # yaml or toml
    body_start: int
    body_end: int
    end: int  # just past the closing fence's line


def front_matter(text: str) -> FrontMatter | None:
    """The front matter block at the very start of the text, if it is closed."""
    first = _LINE_BREAK.search(text)
    if not first or text[: first.start()].rstrip() not in _FENCES:
        return None
    kind, closers = _FENCES[text[: first.start()].rstrip()]
    at = first.end()
    while at <= len(text):
        brk = _LINE_BREAK.search(text, at)
        line_end = brk.start() if brk else len(text)
        if text[at:line_end].rstrip() in closers:
            return FrontMatter(kind, first.end(), at, brk.end() if brk else len(text))
        if not brk:
            return None
        at = brk.end()
    return None


def _front_matter_date(path: str, text: str, front: FrontMatter) -> dt.date | None:
    content = text[front.body_start : front.body_end]
    fields = _load_yaml(path, content) if front.kind == "yaml" else _load_toml(path, content)
    if not isinstance(fields, dict):
        return None
    for key in DATE_KEYS:
        if key in fields:
            value = fields[key]
            day = as_date(value)
            if day is None:
                expected = "expected YYYY-MM-DD, with a time or not"
                raise InputError(path, f"front matter: `{key}` is not a date ({expected}), found {_described(value)}")
            return day
    return None


def _described(value: object) -> str:
    """A front-matter value in a message: a short excerpt of text, never the repr of a tree."""
    from checker.escape import quoted

    if isinstance(value, str | int | float | bool) or value is None:
        return quoted(value if isinstance(value, str) else _short_number(value))
    return f"a {'list' if isinstance(value, list) else 'mapping' if isinstance(value, dict) else type(value).__name__}"


def _short_number(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"a number of about {value.bit_length() * 3 // 10} digits"
    return str(value)


def _load_yaml(path: str, content: str) -> object:
    import yaml

    from checker.readers._yaml import FrontMatterLoader

    loader = FrontMatterLoader(content)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise InputError(path, f"front matter is not valid YAML{where}: {_capped(problem)}") from None
    except (ValueError, OverflowError) as error:  # a value Python refuses (an integer of 5,000 digits)
        raise InputError(path, f"front matter holds a value that cannot be read: {_capped(str(error))}") from None
    finally:
        loader.dispose()


def _capped(message: str) -> str:
    from checker.escape import excerpt

    return excerpt(message, 0, 160)[0]


def _load_toml(path: str, content: str) -> object:
    import tomllib

    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        message = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + 1}", str(error))
        raise InputError(path, f"front matter is not valid TOML: {_capped(message)}") from None
    except (ValueError, OverflowError, RecursionError) as error:  # an integer of 5,000 digits; arrays nested deep
        problem = "nests too deep" if isinstance(error, RecursionError) else _capped(str(error))
        raise InputError(path, f"front matter holds a value that cannot be read: {problem}") from None


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


class _Misaligned(Exception):
    """The parser's text could not be found where expected (a construct this aligner does not know)."""


class _Aligner:
    """Finds each inline token of one block in the source and tells the builder what it is."""

    def __init__(self, text: str, builder: ProseBuilder) -> None:
        self._text = text
        self._builder = builder
        self._pos = 0

    def inline(self, children: list, start: int, end: int) -> None:
        self._pos = max(self._pos, start, self._builder.consumed)
        self._end = end
        try:
            self._children(children)
        except _Misaligned:
            # Never guess a position: read the rest of the block as it stands, markup and all.
            self._builder.keep(max(self._pos, self._builder.consumed), end)
            self._pos = end

    def _children(self, children: list) -> None:
        skip_until_close = False
        for child in children:
            kind = child.type
            if skip_until_close:
                skip_until_close = kind != "link_close"
                continue
            if kind == "text":
                at = self._find(child.content)
                self._builder.keep(at, at + len(child.content))
                self._pos = at + len(child.content)
            elif kind == "text_special":
                self._special(child)
            elif kind in ("softbreak", "hardbreak"):
                brk = _LINE_BREAK.search(self._text, self._pos, self._end)
                if not brk:
                    raise _Misaligned
                self._builder.put(brk.start(), brk.start() + 1, " " if kind == "softbreak" else "\n")
                self._pos = brk.end()
            elif kind == "code_inline":
                self._pos = self._code_span_end(child.markup)
            elif kind == "html_inline":
                at = self._find(child.content)
                if _BR_TAG.fullmatch(child.content):
                    self._builder.put(at, at + 1, "\n")
                self._pos = at + len(child.content)
            elif kind == "image":
                at = self._find("![")
                self._pos = _link_tail_end(self._text, _closing_bracket(self._text, at + 1))
            elif kind == "link_open" and child.markup == "autolink":
                at = self._find("<")
                self._pos = self._find(">", at) + 1
                skip_until_close = True
            elif kind == "link_close":
                self._pos = _link_tail_end(self._text, self._find("]"))
            # emphasis, strikethrough and link openers are markup: hidden with the gap they leave

    def _special(self, child) -> None:
        at = self._find(child.markup)
        if child.info == "escape":  # '\*' reads '*': the backslash is markup
            self._builder.keep(at + 1, at + len(child.markup))
        else:  # an entity: '&amp;' reads '&'
            self._builder.put(at, at + len(child.markup), child.content)
        self._pos = at + len(child.markup)

    def _find(self, needle: str, start: int | None = None) -> int:
        at = self._text.find(needle, self._pos if start is None else start, self._end)
        if at == -1:
            raise _Misaligned
        return at

    def _code_span_end(self, fence: str) -> int:
        opening = self._backtick_run(self._pos, len(fence))
        return self._backtick_run(opening + len(fence), len(fence)) + len(fence)

    def _backtick_run(self, start: int, length: int) -> int:
        """The start of the next run of exactly `length` backticks."""
        for match in re.finditer(r"`+", self._text[start : self._end]):
            if len(match.group()) == length:
                return start + match.start()
        raise _Misaligned


def _closing_bracket(text: str, opening: int) -> int:
    """The ']' that closes the '[' at `opening`, over nested brackets and escapes."""
    depth = 0
    at = opening
    while at < len(text):
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return at
        at += 1
    raise _Misaligned


def _link_tail_end(text: str, bracket: int) -> int:
    """Past what follows a link text's ']': '(target "title")', '[label]', or nothing."""
    at = bracket + 1
    if text.startswith("[", at):
        return _closing_bracket(text, at) + 1
    if not text.startswith("(", at):
        return at
    at = _skip_space(text, at + 1)
    if text.startswith("<", at):
        at = _scan_to(text, at + 1, ">") + 1
    else:
        depth = 0
        while at < len(text) and not text[at].isspace():
            char = text[at]
            if char == "\\":
                at += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            at += 1
    at = _skip_space(text, at)
    if at < len(text) and text[at] in "\"'(":
        at = _scan_to(text, at + 1, ")" if text[at] == "(" else text[at]) + 1
        at = _skip_space(text, at)
    if not text.startswith(")", at):
        raise _Misaligned
    return at + 1


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _scan_to(text: str, at: int, closer: str) -> int:
    while at < len(text):
        if text[at] == "\\":
            at += 2
            continue
        if text[at] == closer:
            return at
        at += 1
    raise _Misaligned
