"""Report -> text, one module per format, imported only when its format is chosen.

A format module defines `render(report: Report) -> str`; its name is the format's. A format
for the terminal may colour its text: it sets `COLOURED = True` and its render takes
`colour: bool` (see checker.colour for when the command line asks for it).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable

from checker.errors import UsageError
from checker.model import Report


def formats() -> list[str]:
    return sorted(module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_"))


def renderer(name: str, *, colour: bool = False) -> Callable[[Report], str]:
    """The format's render function; with `colour`, coloured for a terminal if the format can
    be (its module sets COLOURED = True and its render takes `colour`)."""
    if name not in formats():
        raise UsageError(f"unknown format {name!r}; expected one of {', '.join(formats())}")
    module = importlib.import_module(f"{__name__}.{name}")
    if colour and getattr(module, "COLOURED", False):
        return functools.partial(module.render, colour=True)
    return module.render
