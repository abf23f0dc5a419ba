"""What keeps one document's checks from taking down a run: each check is guarded, and
bounded in what it may report.

A check that raises on a document does not stop the run: its findings for that document
are replaced by one CC900 internal-error finding naming the check and the exception, the
other checks still run on it, and the other documents are still checked. The same holds
when the analysis before the checks (reading claims, verifying facts) raises: the
document's report then holds only the CC900 finding. The command exits 5 when a report
holds one (see checker.errors.ExitCode).

A check reports at most MAX_FINDINGS findings per document; past that it is stopped and a
CC903 note says so, so a hostile document cannot make the report grow with the square of
its claims.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from checker.detectors import Context, Detector
from checker.model import Document, Finding, Location, Severity, Span

MAX_FINDINGS = 500


def run_check(detector: Detector, context: Context) -> list[Finding]:
    """The check's findings on this document, at most MAX_FINDINGS; a CC900 finding if it raised."""
    try:
        found = list(itertools.islice(detector.run(context), MAX_FINDINGS + 1))
    except Exception as error:  # any bug in one check must not end the run
        return [internal_error(context.document, f"check {detector.code} ({detector.name})", error)]
    if len(found) > MAX_FINDINGS:
        return [*found[:MAX_FINDINGS], _truncated(context.document, detector, found[MAX_FINDINGS])]
    return found


def internal_error(document: Document, where: str, error: BaseException | str, bug: bool = True) -> Finding:
    """A CC900 finding about the whole document; `bug` false for a failure that is the
    document's doing (it ran over its time budget), not the checker's."""
    from checker.escape import excerpt

    if isinstance(error, BaseException):
        error = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    detail = excerpt(error, 0, 200)[0]  # an exception's text can quote the document: kept short
    if not bug:
        message = f"{where} {detail}; its findings for this document are missing"
    else:
        message = (
            f"internal error in {where} ({detail}); its findings for this document are missing. "
            "This is a bug in claim-checker: please report it with the document"
        )
    return INTERNAL_ERROR.finding(message, Location(Span(0, 0), ""))  # about the whole document


def internal_errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == INTERNAL_ERROR.code]


def _truncated(document: Document, detector: Detector, next_finding: Finding) -> Finding:
    return TRUNCATED.finding(
        f"{detector.code} found more than {MAX_FINDINGS} findings in this document; "
        "the rest are not listed (from here on)",
        next_finding.primary,
    )


def _never(context: Context) -> tuple[Finding, ...]:
    return ()  # reported by run_check, never run as a check


INTERNAL_ERROR = Detector(
    code="CC900",
    name="internal-error",
    severity=Severity.ERROR,
    summary="A check failed on this document (a bug in claim-checker); its findings there are missing.",
    description=(
        "When a check, or the reading of claims before the checks, raises an exception on one "
        "document, that document gets this finding instead of the check's findings, naming the "
        "check and the exception; the other checks and the other documents are still checked. "
        "So does a document whose checks run over its time budget (10 s, plus 10 s per 100,000 "
        "characters), or whose --jobs worker process died (killed, or out of memory). "
        "The command exits 5. It cannot be ignored, suppressed or lowered in severity."
    ),
    fires=(),
    quiet=(),
    run=_never,
)

TRUNCATED = Detector(
    code="CC903",
    name="findings-truncated",
    severity=Severity.NOTE,
    summary=f"A check found more than {MAX_FINDINGS} findings in one document; the rest are not listed.",
    description=(
        f"A check stops after {MAX_FINDINGS} findings in one document, so that a hostile or machine-made "
        "document cannot make the report (and the time to build it) grow without bound. This note "
        "stands at the first finding that is not listed."
    ),
    fires=(),
    quiet=(),
    run=_never,
)
