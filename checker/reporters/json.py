"""JSON for machines: stable keys, documented by `claim-checker schema`."""

from __future__ import annotations

import json

from checker.model import Report


def render(report: Report) -> str:
    from checker.reporters._json_data import report_data

    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"
