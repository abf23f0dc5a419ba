"""CC904 control-characters: the text carries control characters, read as spaces.

A stray NUL or other control character pasted from a CMS does not make an article
binary (checker.controls); it is read as a space, and this note says where, so the
source can be cleaned.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker import controls
from checker.detectors import Context, Detector
from checker.model import Finding, Location, Severity, Span
from checker.positions import LineIndex

SHOWN = 5  # places listed in the message; the count covers the rest


def run(context: Context) -> Iterator[Finding]:
    text = context.document.text
    if not controls.has_controls(text):
        return
    found = controls.positions(text)
    lines = LineIndex(text)
    places = ", ".join(
        f"U+{ord(text[at]):04X} at {line}:{column}" for at in found[:SHOWN] for line, column in [lines.line_col(at)]
    )
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    count = "a control character" if len(found) == 1 else f"{len(found)} control characters"
    first = context.document.to_prose(Span(found[0], found[0] + 1))  # findings are in prose offsets here
    yield DETECTOR.finding(
        f"the text carries {count}, read as spaces ({places}{more}); remove them from the source",
        Location(first, context.document.quote(first)),
    )


DETECTOR = Detector(
    code="CC904",
    name="control-characters",
    severity=Severity.NOTE,
    summary="The text carries a few control characters (a NUL pasted from a CMS), read as spaces.",
    description=(
        "Control characters other than tab, line feed, vertical tab, form feed and carriage return "
        "(U+0000 to U+001F, U+007F to U+009F) are not text. A few of them, as copy from a CMS or a "
        "word processor can carry, do not stop the check: each is read as a space, and this note "
        "lists where they are (line:column), so the source can be cleaned. A file in which more than "
        "a tenth of the characters are controls is refused as binary instead."
    ),
    fires=(
        "The talks ended on Friday.\x00 Delegates went home.",
        "The third round\x01 has concluded.\x7f",
    ),
    quiet=(
        "The talks ended on Friday.\tDelegates went home.\r\n",
        "The third round has concluded.\f",
    ),
    run=run,
)
