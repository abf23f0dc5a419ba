"""Whether to colour what is printed, and the ANSI codes to do it.

Colour goes only to a terminal, as NO_COLOR (https://no-color.org) and FORCE_COLOR
(https://force-color.org) ask: NO_COLOR, set and not empty, turns it off; FORCE_COLOR, set and
not empty, turns it on even into a pipe, and wins over NO_COLOR (force-color.org's order);
else colour when the stream is a terminal that is not TERM=dumb. A report written to a file
with -o is never coloured.
"""

from __future__ import annotations

import os

_RESET = "\x1b[0m"
STYLES = {
    "error": "\x1b[1;31m",  # bold red
    "warning": "\x1b[33m",  # yellow
    "note": "\x1b[36m",  # cyan
    "supported": "\x1b[32m",  # green
    "contradicted": "\x1b[1;31m",
    "not found": "\x1b[2m",  # dim
    "heading": "\x1b[1m",  # bold
}


def enabled(stream, environ=None) -> bool:
    environ = os.environ if environ is None else environ
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a file
        return False


def paint(text: str, style: str) -> str:
    """`text` in the style (a key of STYLES); unchanged for a style with no colour."""
    code = STYLES.get(style)
    return f"{code}{text}{_RESET}" if code and text else text
