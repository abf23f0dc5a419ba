"""Bytes -> Document. One module per input format, chosen by file suffix.

A format module declares SUFFIXES and `parse(path, text) -> Document`; the plain
text reader takes every suffix no other module claims. Modules starting with an
underscore are helpers, not formats.
"""

from __future__ import annotations

import codecs
import functools
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from checker.errors import InputError, UsageError
from checker.model import Document

MAX_BYTES = 5_000_000
DEFAULT_FORMAT = "text"


@functools.cache
def _formats() -> dict[str, ModuleType]:
    by_suffix: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for suffix in getattr(module, "SUFFIXES", ()):
            by_suffix[suffix] = module
    return by_suffix


def known_suffixes() -> tuple[str, ...]:
    """The file suffixes some reader claims, e.g. ('.htm', '.html', '.markdown', '.md', '.text', '.txt')."""
    return tuple(sorted(_formats()))


def _format_for(path: str) -> ModuleType:
    formats = _formats()
    return formats.get(Path(path).suffix.lower()) or importlib.import_module(f"{__name__}.{DEFAULT_FORMAT}")


def load(path: str | Path, *, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> Document:
    """Read and decode one article; raise InputError with one clear reason if it cannot be."""
    from checker.inputs import Source

    source = Source(str(path), Path(path))
    return from_bytes(source.read(max_bytes), source.name, encoding=encoding)


def from_bytes(data: bytes, name: str, *, encoding: str | None = None) -> Document:
    return from_text(decode(data, name, encoding), name)


def from_text(text: str, path: str = "<text>") -> Document:
    if not text.strip():
        raise InputError(path, "is empty: there is no text to check")
    return _format_for(path).parse(path, text)


def check_encoding(name: str) -> str:
    """A usable encoding name for --encoding, or a usage error."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {name!r}") from None


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; else `encoding` if given; else refused.

    A byte order mark always wins. Text that is valid UTF-8 is read as UTF-8 even
    when `encoding` is given (it is the fallback for legacy files, not a filter).
    A NUL character means a binary file, whatever the encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_strictly(data, "utf-16", name, "UTF-16")
    elif data.startswith(codecs.BOM_UTF8):
        text = _decode_strictly(data, "utf-8-sig", name, "UTF-8")
    else:
        nul = data.find(b"\x00")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            if encoding is None and nul != -1:
                raise _binary(name, f"a NUL byte at byte offset {nul}") from None
            if encoding is None:
                raise InputError(
                    name,
                    f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at byte offset {error.start}); "
                    "if it is in another encoding, name it with --encoding",
                ) from None
            text = _decode_strictly(data, encoding, name, encoding)
        else:
            if nul != -1:
                raise _binary(name, f"a NUL byte at byte offset {nul}")
    nul = text.find("\x00")
    if nul != -1:
        raise _binary(name, f"a NUL character at character {nul} of the decoded text")
    return text


def _decode_strictly(data: bytes, codec: str, name: str, shown: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(
            name, f"is not valid {shown} (byte 0x{data[error.start]:02x} at byte offset {error.start})"
        ) from None
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {codec!r}") from None


def _binary(name: str, evidence: str) -> InputError:
    return InputError(name, f"looks binary ({evidence}), not text")
