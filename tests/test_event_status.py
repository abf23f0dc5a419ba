"""CC101 beyond its metadata examples: resolution, severity, and the seed's shape."""

from checker.api import audit_text as audit


def _findings(text):
    return audit(text).documents[0].findings


def test_synonyms_resolve_to_one_event():
    (finding,) = _findings("The fourth meeting has ended. Ministers are preparing for the fourth round.")
    assert finding.code == "CC101"
    assert finding.primary.text == "fourth meeting has ended"
    assert finding.related[0].text == "are preparing for the fourth round"


def test_different_sources_lower_the_severity_and_say_so():
    (finding,) = _findings(
        "The fifth session was cancelled, the minister said. Rivals insist the fifth session begins on Monday."
    )
    assert finding.severity.value == "warning"
    assert "different sources" in finding.message


def test_one_finding_per_event_and_status_pair():
    findings = _findings(
        "The 2nd round has concluded. The second round has ended. Delegates are preparing for the second round."
    )
    assert len(findings) == 1


def test_different_classes_are_different_events():
    assert _findings("The third summit has concluded. Leaders are preparing for the third round.") == ()


def test_offsets_point_at_the_source_characters():
    text = "Intro line.\n\nThe 3rd round has concluded.\nDelegates arrived ahead of the third round."
    (finding,) = _findings(text)
    for location in finding.locations:
        assert text[location.span.start : location.span.end] == location.text
