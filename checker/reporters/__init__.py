"""Report -> text, one module per format, imported only when its format is chosen.

A format module defines `render(report: Report) -> str`; its name is the format's.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from checker.errors import UsageError
from checker.model import Report


def formats() -> list[str]:
    return sorted(module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_"))


def renderer(name: str) -> Callable[[Report], str]:
    if name not in formats():
        raise UsageError(f"unknown format {name!r}; expected one of {', '.join(formats())}")
    return importlib.import_module(f"{__name__}.{name}").render
