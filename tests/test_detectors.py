"""One generic test runs every check's own examples, as its metadata declares them."""

from __future__ import annotations

import pytest

from checker.api import audit_text as audit
from checker.catalogue import find
from checker.detectors import all_detectors
from checker.rulelang.load import load_rules
from checker.rulelang.parse import parse
from checker.rulelang.resolve import resolve

DETECTORS = all_detectors()


def _ruleset(detector, tmp_path):
    if not detector.example_rules.strip():
        return load_rules()
    path = tmp_path / f"{detector.code}.rules"
    path.write_text(detector.example_rules, encoding="utf-8")
    return load_rules([path])


def _codes(text, ruleset):
    return [f.code for f in audit(text, rules=ruleset).documents[0].findings]


@pytest.mark.parametrize("detector", DETECTORS, ids=[d.code for d in DETECTORS])
def test_metadata_is_complete(detector):
    assert detector.code.startswith("CC") and detector.code[2:].isdigit()
    assert detector.name == detector.name.lower() and " " not in detector.name
    assert detector.summary.endswith(".") and detector.description
    assert detector.fires and detector.quiet
    assert find(detector.code) is detector and find(detector.name) is detector


@pytest.mark.parametrize(
    "detector,text",
    [(d, t) for d in DETECTORS for t in d.fires],
    ids=[f"{d.code}-fires-{i}" for d in DETECTORS for i, _ in enumerate(d.fires)],
)
def test_fires_on_its_examples(detector, text, tmp_path):
    assert detector.code in _codes(text, _ruleset(detector, tmp_path))


@pytest.mark.parametrize(
    "detector,text",
    [(d, t) for d in DETECTORS for t in d.quiet],
    ids=[f"{d.code}-quiet-{i}" for d in DETECTORS for i, _ in enumerate(d.quiet)],
)
def test_quiet_on_its_counter_examples(detector, text, tmp_path):
    assert detector.code not in _codes(text, _ruleset(detector, tmp_path))


def test_codes_and_names_are_unique():
    assert len({d.code for d in DETECTORS}) == len(DETECTORS)
    assert len({d.name for d in DETECTORS}) == len(DETECTORS)


def test_example_rules_parse_on_their_own():
    for detector in DETECTORS:
        if detector.example_rules.strip():
            _, errors = resolve([parse(detector.example_rules, "example.rules")])
            assert [e for e in errors if "status" not in e.problem] == []
