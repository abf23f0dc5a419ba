"""Inline suppressions: ignore the next paragraph, disable/enable a region, unused ones noted."""

from __future__ import annotations

import checker
from checker.suppress import scan, suppressions

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round."
FILLER = "The weather in the capital was mild for the time of year."


def _codes(text: str) -> list[str]:
    return [f.code for f in checker.audit_text(text).documents[0].findings]


def test_ignore_covers_the_next_paragraph_only():
    assert _codes(f"<!-- claim-checker: ignore CC101 -->\n{CONFLICT}\n\n{FILLER}") == []
    assert _codes(f"claim-checker: ignore CC101\n{CONFLICT}") == []
    # The paragraph after the directive ends at the blank line: the conflict below is not in it.
    assert _codes(f"claim-checker: ignore CC101\n{FILLER}\n\n{CONFLICT}") == ["CC901", "CC101"]


def test_ignore_names_codes_by_prefix_and_other_codes_are_kept():
    assert _codes(f"claim-checker: ignore CC1\n{CONFLICT}") == []
    assert _codes(f"claim-checker: ignore CC102\n{CONFLICT}") == ["CC901", "CC101"]
    assert _codes(f"claim-checker: ignore\n{CONFLICT}") == []  # no codes: every check


def test_disable_and_enable_bound_a_region():
    text = (
        f"{FILLER}\n<!-- claim-checker: disable CC101 -->\n{CONFLICT}\n<!-- claim-checker: enable CC101 -->\n"
        f"The second session was cancelled on Friday. The second session will begin on Monday.\n"
    )
    findings = checker.audit_text(text).documents[0].findings
    assert [f.code for f in findings] == ["CC101"]
    assert "second session" in findings[0].primary.text
    assert _codes(f"<!-- claim-checker: disable -->\n{FILLER}\n\n{CONFLICT}") == []  # open to the end


def test_unused_or_unreadable_directives_are_notes_at_the_directive():
    text = f"{FILLER}\n  claim-checker: ignroe CC101\n{CONFLICT}\n<!-- claim-checker: ignore CC1O1 -->\n{FILLER}"
    report = checker.audit_text(text).documents[0]
    notes = [f for f in report.findings if f.code == "CC901"]
    assert [n.severity.value for n in notes] == ["note", "note"]
    assert "expected ignore, disable or enable, found 'ignroe'" in notes[0].message
    assert notes[0].primary.text == "  claim-checker: ignroe CC101"
    assert "'CC1O1' is the code (or code prefix) of no check (did you mean CC101?)" in notes[1].message
    assert "CC101" in [f.code for f in report.findings]  # the unreadable directive suppressed nothing


def test_directives_are_not_read_as_prose():
    text = f"claim-checker: ignore CC102\n{CONFLICT}"
    (finding,) = [f for f in checker.audit_text(text).documents[0].findings if f.code == "CC101"]
    assert "claim-checker" not in finding.primary.text and finding.primary.text == "3rd round has concluded"
    assert text[finding.primary.span.start : finding.primary.span.end] == finding.primary.text


def test_paragraph_ends_at_a_closing_html_block():
    text = f"<!-- claim-checker: ignore -->\n<p>{FILLER}</p>\n<p>{CONFLICT}</p>"
    (region,) = suppressions(text, scan(text))
    assert text[region.region.start : region.region.end] == f"<p>{FILLER}"
