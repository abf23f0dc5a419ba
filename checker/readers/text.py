"""Plain text: the prose is the text itself."""

from __future__ import annotations

from checker.model import Document


def parse(path: str, text: str) -> Document:
    return Document(path=path, text=text, prose=text, format="text")
