"""The claims the whole pipeline reads from a text, for the per-extractor tables."""

from __future__ import annotations

import datetime as dt

import pytest

from checker import readers
from checker.model import DocumentReport
from checker.pipeline import Prepared, check
from checker.rulelang.load import load_rules


@pytest.fixture(scope="session")
def prepared() -> Prepared:
    return Prepared.of(load_rules(cache=False))


@pytest.fixture(scope="session")
def audit(prepared):
    """text (and a reference date) -> the report, claims included."""

    def run(text: str, as_of: dt.date | None = None) -> DocumentReport:
        return check(readers.from_text(text, "example.txt"), prepared, as_of)

    return run
