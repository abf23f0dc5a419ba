"""The modules in a package's folder, listed without pkgutil.

pkgutil.iter_modules imports inspect, typing and importlib.util (several milliseconds
of start-up), so the detectors and the reporters, found by their folder's contents,
are listed here with one os.scandir. A package that is not a folder on disk (in a zip
archive, a frozen application) is still listed by pkgutil.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib.machinery import all_suffixes


def module_names(path: Iterable[str]) -> list[str]:
    """The sorted names of the modules and subpackages in a package's folders (its __path__),
    as pkgutil.iter_modules(path) names them."""
    names: set[str] = set()
    for folder in path:
        if not os.path.isdir(folder):
            import pkgutil

            names.update(info.name for info in pkgutil.iter_modules([folder]))
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    if "." not in entry.name and _is_package(entry.path):
                        names.add(entry.name)
                    continue
                stem = _module_name(entry.name)
                if stem and stem != "__init__" and "." not in stem:
                    names.add(stem)
    return sorted(names)


def _module_name(file_name: str) -> str | None:
    """'events.py' -> 'events'; None for a file that is not a module (inspect.getmodulename)."""
    for suffix in all_suffixes():  # .py, .pyc, then extension suffixes, the longest first
        if file_name.endswith(suffix):
            return file_name[: -len(suffix)]
    return None


def _is_package(folder: str) -> bool:
    with os.scandir(folder) as entries:
        return any(_module_name(entry.name) == "__init__" for entry in entries)
