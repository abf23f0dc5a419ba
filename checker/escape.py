"""Untrusted strings (file names, quoted article text, rule-file excerpts) made safe where
they are printed. One function per destination; reporters call the one for theirs.

File names come from the file system as Python gives them: bytes that are not UTF-8 are
lone surrogates (U+DC80-U+DCFF), which no UTF-8 output can carry; every function here
shows such a byte as `\\xNN`, so a report is always writable and names the file plainly.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}
# Markdown punctuation that can open emphasis, code, links, images, HTML, tables, entities or math.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&!#@$])")
EXCERPT = 80  # characters of an untrusted line quoted in a message


def _byte(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _control(match: re.Match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def name(text: str) -> str:
    """A file name any UTF-8 output can carry: undecodable bytes shown as `\\xNN`."""
    return _SURROGATE.sub(_byte, text) if _SURROGATE.search(text) else text


def terminal(text: str) -> str:
    """One line safe on a terminal and in a CI log: control characters, escape sequences and
    bidirectional overrides shown as `\\e`, `\\n`, `\\x07`, `\\u202e`; a line that would read
    as a GitHub workflow command (`::error ...`) has its first colon escaped."""
    shown = _CONTROL.sub(_control, name(text))
    if shown.lstrip().startswith("::"):
        at = shown.index(":")
        shown = shown[:at] + "\\x3a" + shown[at + 1 :]
    return shown


def lines(text: str) -> str:
    """Several lines, each made safe as `terminal` makes one (for multi-line messages)."""
    return "\n".join(terminal(line) for line in text.split("\n"))


def excerpt(text: str, around: int = 0, width: int = EXCERPT) -> tuple[str, int]:
    """At most `width` characters of `text` around index `around`, made safe for a terminal,
    with '…' where it was cut; and where `around` falls in the excerpt (for a caret)."""
    start = max(0, min(around - width // 2, len(text) - width))
    piece = text[start : start + width]
    head = "…" if start > 0 else ""
    tail = "…" if start + width < len(text) else ""
    before = terminal(text[start:around]) if around > start else ""
    return head + terminal(piece) + tail, len(head) + len(before)


def quoted(text: str, width: int = EXCERPT) -> str:
    """An untrusted value quoted in a message: capped, on one line, control characters shown."""
    return repr(excerpt(text, 0, width)[0])


def json_escaped(text: str) -> str:
    """JSON text with every lone surrogate (an undecodable byte of a file name) written as its
    `\\uXXXX` escape: valid UTF-8, and a JSON reader gets the exact name back."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) if _SURROGATE.search(text) else text


def markdown(text: str) -> str:
    """Inline Markdown text that can open nothing: no link, image, HTML, emphasis or code;
    line breaks read as spaces; an @mention is broken by a zero-width space, so no one is notified."""
    escaped = _MARKDOWN.sub(r"\\\1", _CONTROL.sub(_control, name(" ".join(text.split()))))
    return escaped.replace("\\@", "@\u200b")


def xml(text: str) -> str:
    """Text XML 1.0 can carry (ElementTree escapes the markup): characters it cannot carry,
    even escaped, become U+FFFD; undecodable bytes of a name are shown as `\\xNN`."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", name(text))


def workflow_data(text: str) -> str:
    """The message of a GitHub workflow command: `%`, CR and LF escaped, as the runner reads them;
    other control characters shown as `terminal` shows them (the log is read on a screen)."""
    escaped = name(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(_control, escaped)


def workflow_property(text: str) -> str:
    """A property value of a GitHub workflow command: also `:` and `,`, which would end it early."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")
