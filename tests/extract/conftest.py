"""What the extractor tables share: a sentence (or a few) read into claims by the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from checker import readers
from checker.extract import extract
from checker.model import DocumentReport
from checker.pipeline import Prepared, check, load_prepared
from checker.segment import sentences


@pytest.fixture(scope="session")
def vocab():
    return load_prepared(cache=False).vocab


@pytest.fixture(scope="session")
def claims_of(analyzer, vocab):
    def read(text: str):
        document = readers.from_text(text)
        return document, extract(document, sentences(document.prose, vocab.abbreviations), vocab, analyzer)

    return read


@pytest.fixture(scope="session")
def audit(analyzer, vocab):
    """text (and a reference date) -> the whole report, claims and findings included."""
    prepared = Prepared(vocab.ruleset, vocab)

    def run(text: str, as_of: dt.date | None = None) -> DocumentReport:
        return check(readers.from_text(text, "example.txt"), prepared, as_of, analyzer)

    return run
