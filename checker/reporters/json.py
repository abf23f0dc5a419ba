"""JSON for machines: stable keys, documented by `claim-checker schema`."""

from __future__ import annotations

from checker.model import Report


def render(report: Report) -> str:
    from checker.reporters._json_model import build

    return build(report).model_dump_json(indent=2) + "\n"
