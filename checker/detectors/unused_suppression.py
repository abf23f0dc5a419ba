"""CC901 unused-suppression: an inline suppression that suppresses nothing.

The suppression pass (checker.suppress) runs after every other check and reports this
one; its `run` has nothing to do on its own.
"""

from __future__ import annotations

from checker.detectors import Context, Detector
from checker.model import Finding, Severity


def run(context: Context) -> tuple[Finding, ...]:
    return ()  # reported by checker.suppress.apply, which sees the other checks' findings


DETECTOR = Detector(
    code="CC901",
    name="unused-suppression",
    severity=Severity.NOTE,
    summary="An inline suppression (ignore or disable) suppresses no finding, or cannot be read.",
    description=(
        "Suppressions are written in the text: `<!-- claim-checker: ignore CC101 -->` (or, in plain "
        "text, `claim-checker: ignore CC101` on a line of its own) for the next paragraph, and "
        "`disable` ... `enable` for a region. When the text is edited and the finding goes away, the "
        "suppression would hide the next real one: it is reported so it can be removed. A directive "
        "that is not ignore, disable or enable is reported too; one that names no check's code "
        "(`ignore CC1O1`) stops the run as a usage error (exit 2) naming the nearest code."
    ),
    fires=(
        "claim-checker: ignore CC101\nThe weather in Istanbul was mild.",
        "<!-- claim-checker: disable CC101 -->\nThe talks ended on Friday.\n<!-- claim-checker: enable -->",
        "claim-checker: ignroe CC101\nThe 3rd round has concluded. Delegates are preparing for the third round.",
    ),
    quiet=(
        "claim-checker: ignore CC101\nThe 3rd round has concluded. Delegates are preparing for the third round.",
        "<!-- claim-checker: disable CC1 -->\nThe 3rd round has concluded.\n<!-- claim-checker: enable -->\n"
        "Delegates are preparing for the third round.",
        "The weather was mild.",
    ),
    run=run,
)
