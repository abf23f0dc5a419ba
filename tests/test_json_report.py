"""The JSON report's data and its pydantic schema cannot drift apart: for every fixture, the
data the reporter writes validates against the model and round-trips unchanged."""

from __future__ import annotations

import json

import pytest

import checker
from checker.reporters import renderer
from checker.reporters._json_data import report_data
from checker.reporters._json_model import build

from conftest import fixture_article, fixture_cases

CASES = fixture_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_reporter_data_validates_against_the_schema_model(case):
    report = checker.audit(fixture_article(case), rules=sorted(case.glob("*.rules")))
    data = report_data(report)
    assert build(report).model_dump() == data  # extra="forbid": no field the model lacks
    assert json.loads(renderer("json")(report)) == data
