"""JSON for machines: the pydantic model of checker.reporters._json_model, serialised;
`claim-checker schema` prints the same model's JSON Schema."""

from __future__ import annotations

import json

from checker.escape import json_escaped
from checker.model import Report
from checker.reporters._json_model import build


def render(report: Report) -> str:
    # json, not model_dump_json: pydantic's encoder refuses the lone surrogates by which
    # Python spells a file name's undecodable bytes, and the report must still name that file.
    # The surrogates themselves are then written as \u escapes: the text is valid UTF-8, and a
    # JSON reader gets the exact name back.
    return json_escaped(json.dumps(build(report).model_dump(mode="json"), indent=2, ensure_ascii=False)) + "\n"
