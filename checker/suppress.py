"""Inline suppressions, read from the raw text so they work in every input format.

    <!-- claim-checker: ignore CC102 -->      the next paragraph (up to a blank line or a
    claim-checker: ignore CC101               closing </p>, </li>, </hN>), on a line of its own
    <!-- claim-checker: disable CC1 -->       ... a region ...
    <!-- claim-checker: enable -->            (no codes: every check)

Codes are prefixes, as in the configuration. A finding is suppressed when one of its
locations starts inside the directive's region. A directive that suppresses nothing, or
that cannot be read, is reported as a CC901 note, so stale suppressions do not pile up.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from checker.model import Document, Finding, Location, Span

_MARK = "claim-checker:"  # in every directive: a text without it has none, and compiles no pattern
ACTIONS = ("ignore", "disable", "enable")


@dataclass(frozen=True, slots=True)
class Directive:
    action: str
    codes: tuple[str, ...]  # prefixes; empty means every check
    span: Span  # the directive's own text
    problem: str = ""  # why it cannot be read, if it cannot
    unknown: str = ""  # the first code it names that is no check's: a usage error of the run

    def covers(self, code: str) -> bool:
        return not self.codes or any(code.startswith(prefix) for prefix in self.codes)


@dataclass(frozen=True, slots=True)
class Suppression:
    directive: Directive
    region: Span


MAX_COMMENT = 300  # characters of a directive's comment after its action: a longer one is not read


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """The directive as an HTML comment and as a line of its own, a check code, and (found
    ahead of every position, overlapping) a paragraph's end.

    Each runs in linear time on any text: the codes are taken to the end of the line (or,
    bounded, to the comment's end) and stripped afterwards, where a lazy match followed by
    optional spaces would try every split of 100 kB of spaces."""
    return (
        re.compile(
            r"<!--[ \t]*claim-checker:[ \t]*(?P<action>[A-Za-z-]*)"
            rf"(?P<codes>(?:(?!-->)[^\n]){{0,{MAX_COMMENT}}}+)-->"
        ),
        re.compile(r"^[ \t]*claim-checker:[ \t]*(?P<action>[A-Za-z-]*)(?P<codes>[^\n]*)$", re.MULTILINE),
        re.compile(r"^[A-Z]+[0-9]*$"),
        re.compile(r"(?=\n[ \t]*\n|</(?:p|li|h[1-6]|blockquote|td|dd)\s*>)", re.IGNORECASE),
    )


def scan(text: str) -> tuple[Directive, ...]:
    if _MARK not in text:
        return ()
    from checker.codes import is_known, unknown_message

    comment, line, code, _ = _patterns()
    found = []
    for match in sorted((*comment.finditer(text), *line.finditer(text)), key=lambda m: m.start()):
        action = match["action"].lower()
        codes = tuple(part.upper() for part in re.split(r"[\s,]+", match["codes"].strip()) if part)
        problem = unknown = ""
        if action not in ACTIONS:
            problem = f"expected ignore, disable or enable, found {match['action'] or 'nothing'!r}"
        elif bad := [c for c in codes if not code.match(c) or not is_known(c)]:
            unknown = bad[0]
            problem = f"expected check codes such as CC101: {unknown_message(unknown)}"
        found.append(Directive(action, codes, Span(match.start(), match.end()), problem, unknown))
    return tuple(found)


def blank(document: Document, directives: tuple[Directive, ...]) -> Document:
    """The document with its directives blanked in the prose view, so no check reads them as words."""
    if not directives:
        return document
    prose = list(document.prose)
    for directive in directives:
        read = document.to_prose(directive.span)  # directives are found in the source; blank them where read
        for i in range(read.start, read.end):
            if prose[i] != "\n":
                prose[i] = " "
    return replace(document, prose="".join(prose))


def suppressions(text: str, directives: tuple[Directive, ...]) -> list[Suppression]:
    if not directives:
        return []
    import bisect

    result = []
    open_regions: list[Directive] = []
    paragraph_ends = [match.start() for match in _patterns()[-1].finditer(text)]  # found once, for every ignore
    for directive in directives:
        if directive.problem:
            continue
        if directive.action == "ignore":
            start = directive.span.end
            while start < len(text) and text[start].isspace():
                start += 1
            at = bisect.bisect_left(paragraph_ends, start)
            result.append(
                Suppression(directive, Span(start, paragraph_ends[at] if at < len(paragraph_ends) else len(text)))
            )
        elif directive.action == "disable":
            open_regions.append(directive)
        else:  # enable: closes the open regions it names (all of them when it names none)
            closing = [d for d in open_regions if not directive.codes or set(d.codes) & set(directive.codes)]
            for opened in closing:
                open_regions.remove(opened)
                result.append(Suppression(opened, Span(opened.span.end, directive.span.start)))
    result.extend(Suppression(d, Span(d.span.end, len(text))) for d in open_regions)
    return result


def _covering(regions: list[Suppression], starts: set[int]) -> dict[int, list[Suppression]]:
    """For each source offset in `starts`, the regions that contain it.

    One sweep over offsets and regions, both in order, so a document with thousands of
    directives and findings costs what it holds, not the product of the two.
    """
    if not regions:  # the usual case: no directive, no heap
        return {at: [] for at in starts}
    import heapq

    ordered = sorted(regions, key=lambda s: s.region.start)
    active: list[tuple[int, int, Suppression]] = []  # a heap by region end
    covering: dict[int, list[Suppression]] = {}
    i = 0
    for at in sorted(starts):
        while i < len(ordered) and ordered[i].region.start <= at:
            region = ordered[i].region
            heapq.heappush(active, (max(region.end, region.start + 1), i, ordered[i]))
            i += 1
        while active and active[0][0] <= at:
            heapq.heappop(active)
        covering[at] = [entry[2] for entry in sorted(active, key=lambda entry: entry[1])]
    return covering


def apply(
    document: Document, directives: tuple[Directive, ...], findings: list[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """The findings left after suppression, and a CC901 note for each directive that did nothing.

    `findings` are in prose offsets (checker.relocate moves them later); the notes point at the
    directives in the source, so they are already in source offsets and must not be moved.
    """
    from checker.detectors.unused_suppression import DETECTOR

    # Regions are in source offsets, findings still in prose offsets (checker.relocate runs later).
    start = functools.cache(lambda span: document.to_source(span).start)
    covering = _covering(
        suppressions(document.text, directives), {start(loc.span) for f in findings for loc in f.locations}
    )
    used: set[Directive] = set()
    kept = []
    for finding in findings:
        hits = [s for loc in finding.locations for s in covering[start(loc.span)] if s.directive.covers(finding.code)]
        if hits:
            used.update(s.directive for s in hits)
        else:
            kept.append(finding)
    notes = []
    for directive in directives:
        if directive.action == "enable" and not directive.problem:
            continue
        if directive in used:
            continue
        reason = directive.problem or (
            f"this '{directive.action}' suppresses nothing"
            + (f" (no {', '.join(directive.codes)} finding in its region)" if directive.codes else "")
        )
        notes.append(
            Finding(
                code=DETECTOR.code,
                name=DETECTOR.name,
                severity=DETECTOR.severity,
                message=f"unused suppression: {reason}",
                primary=Location(directive.span, document.text[directive.span.start : directive.span.end]),
            )
        )
    return kept, notes


def unknown_codes(document: Document) -> list[tuple[Span, str]]:
    """Where the document's directives name a code of no check, and that code."""
    return [(d.span, d.unknown) for d in scan(document.text) if d.unknown]
