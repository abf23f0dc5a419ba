"""A document path as a URI reference, for formats that need one (SARIF, HTML links)."""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import quote


def uri(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(os.fsencode(pure.as_posix()))
    return quote(os.fsencode(pure.as_posix()))  # bytes: a name that is not UTF-8 is percent-encoded as it is
