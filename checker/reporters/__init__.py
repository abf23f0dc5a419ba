"""Report -> text, one module per format, imported only when its format is chosen.

A format module defines `render(report: Report) -> str`; its name is the format's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from checker.errors import UsageError
from checker.model import Report
from checker.submodules import module_names


def formats() -> list[str]:
    return [name for name in module_names(__path__) if not name.startswith("_")]


def renderer(name: str) -> Callable[[Report], str]:
    if name not in formats():
        raise UsageError(f"unknown format {name!r}; expected one of {', '.join(formats())}")
    return importlib.import_module(f"{__name__}.{name}").render
