"""Bytes on disk -> Document. One module per input format, chosen by file suffix.

A format module declares SUFFIXES and `parse(path, text) -> Document`; the plain
text reader takes every suffix no other module claims.
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from checker.errors import InputError
from checker.model import Document

MAX_BYTES = 5_000_000
DEFAULT_FORMAT = "text"


@functools.cache
def _formats() -> dict[str, ModuleType]:
    by_suffix: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for suffix in getattr(module, "SUFFIXES", ()):
            by_suffix[suffix] = module
    return by_suffix


def _format_for(path: str) -> ModuleType:
    formats = _formats()
    return formats.get(Path(path).suffix.lower()) or importlib.import_module(f"{__name__}.{DEFAULT_FORMAT}")


def articles(path: str | Path) -> Iterator[Path]:
    """The path itself, or for a folder every file in it (at any depth) with a known suffix, sorted.

    Lazy, so an archive of any size is walked as it is checked.
    """
    path = Path(path)
    if not path.is_dir():
        yield path
        return
    suffixes = set(_formats())
    found = False
    for folder, subfolders, files in os.walk(path):
        subfolders.sort()
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in suffixes:
                found = True
                yield Path(folder, name)
    if not found:
        raise InputError(str(path), f"is a folder with no articles in it ({', '.join(sorted(suffixes))})")


def load(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read and decode one article; raise InputError with one clear reason if it cannot be."""
    name = str(path)
    data = _read_bytes(Path(path), name, max_bytes)
    return from_text(decode(data, name), name)


def from_text(text: str, path: str = "<text>") -> Document:
    if not text.strip():
        raise InputError(path, "is empty: there is no text to check")
    return _format_for(path).parse(path, text)


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(name, "is a folder, not an article")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"is too large ({size:,} bytes; the limit is {max_bytes:,})")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "cannot be read: permission denied") from None
    except OSError as error:
        raise InputError(name, f"cannot be read: {error.strerror or error}") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(name, f"is not valid UTF-16 (byte offset {error.start})") from None
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(name, f"looks binary (a NUL byte at byte offset {nul}), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            name, f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at byte offset {error.start})"
        ) from None
