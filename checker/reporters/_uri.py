"""A document path as a URI reference, for formats that need one (SARIF, HTML links)."""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote


def uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())
