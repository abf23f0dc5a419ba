"""What the extractor tables share: a sentence (or a few) read into claims by the real pipeline."""

import pytest

from checker import readers
from checker.extract import extract
from checker.pipeline import load_prepared
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
