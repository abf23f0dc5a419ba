"""The JSON report has one description, the pydantic model: the reporter serialises the
model, and `claim-checker schema` prints the model's JSON Schema, which every fixture's
report validates against."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

import checker
from checker.cli import main
from checker.reporters import renderer
from checker.reporters._json_model import JsonReport, build

from conftest import fixture_article, fixture_cases

CASES = fixture_cases()


@pytest.fixture(scope="module")
def printed_schema() -> dict:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema"]) == 0
    return json.loads(out.getvalue())


def test_the_schema_command_prints_the_models_schema(printed_schema):
    assert printed_schema == JsonReport.model_json_schema()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_fixture_report_validates_against_the_printed_schema(case, printed_schema):
    report = checker.audit_paths(fixture_article(case), rules=sorted(case.glob("*.rules")))
    written = renderer("json")(report)
    jsonschema.validate(json.loads(written), printed_schema)
    assert JsonReport.model_validate_json(written) == build(report)  # read back, nothing lost


def test_a_file_whose_name_is_not_utf8_is_still_named(tmp_path):
    # Python spells the undecodable byte as a lone surrogate, which pydantic's own JSON encoder refuses.
    name = os.path.join(os.fsencode(tmp_path), b"\xffname.txt")
    with open(name, "wb") as stream:
        stream.write(b"The talks ended on Monday.\n")
    written = renderer("json")(checker.audit_paths([os.fsdecode(name)]))
    assert [d["path"] for d in json.loads(written)["documents"]] == [os.fsdecode(name)]
