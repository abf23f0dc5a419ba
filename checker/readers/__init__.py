"""Bytes -> Document. One module per input format, chosen by file suffix.

A format module defines `parse(path, text) -> Document`; FORMATS below names its
suffixes, so that expanding a folder needs no reader, and a reader is imported only
when a document of its format is read. The plain text reader takes every suffix no
other format claims. Modules starting with an underscore are helpers, not formats.
"""

from __future__ import annotations

import codecs
import importlib
import os
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from checker.errors import InputError, UsageError
from checker.model import Document

MAX_BYTES = 5_000_000
DEFAULT_FORMAT = "text"

# format (its module in this package) -> the file suffixes it reads
FORMATS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm", ".xhtml"),
}
_FORMAT_OF_SUFFIX = {suffix: name for name, suffixes in FORMATS.items() for suffix in suffixes}


def known_suffixes() -> tuple[str, ...]:
    """The file suffixes some reader claims, e.g. ('.htm', '.html', '.markdown', '.md', '.text', '.txt')."""
    return tuple(sorted(_FORMAT_OF_SUFFIX))


def _format_for(path: str) -> ModuleType:
    name = _FORMAT_OF_SUFFIX.get(Path(path).suffix.lower(), DEFAULT_FORMAT)
    return importlib.import_module(f"{__name__}.{name}")


def load(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> Document:
    """Read and decode one article; raise InputError with one clear reason if it cannot be."""
    from checker.inputs import Source

    source = Source(os.fspath(path), os.fspath(path))
    return from_bytes(source.read(max_bytes), source.name, encoding=encoding)


def from_bytes(data: bytes, name: str, *, encoding: str | None = None) -> Document:
    return from_text(decode(data, name, encoding), name)


def from_text(text: str, path: str = "<text>", *, format: str | None = None) -> Document:
    """The document a reader makes of `text`: the reader named by `format`, else the one of the
    path's suffix. Stray control characters are read as spaces (checker.controls), while
    `document.text` keeps them, as the source has them.

    InputError when it cannot be read: empty, refused by the reader, over its time budget to
    read (checker.budget), or making the reader fail (a bug, reported as this document's
    refusal so that a run's other documents are still checked)."""
    from checker.budget import OverBudget, budget

    reader = _format_for(path) if format is None else _reader(format)
    try:
        with budget(len(text)):
            return _read_with(reader, text, path)
    except OverBudget as over:
        raise InputError(path, f"{over}, so it was not checked") from None
    except InputError:
        raise
    except Exception as error:  # a reader's bug (a parser's assertion, a RecursionError): this document only
        from checker.escape import excerpt

        detail = excerpt(f"{type(error).__name__}: {error}", 0, 160)[0]
        raise InputError(path, f"could not be read ({detail}); this is a bug in claim-checker") from None


def _read_with(reader: ModuleType, text: str, path: str) -> Document:
    from checker import controls

    if not controls.has_controls(text):
        if not text.strip():
            raise InputError(path, "is empty: there is no text to check")
        return reader.parse(path, text)
    refuse_binary(text, path)
    readable = controls.blanked(text)
    if not readable.strip():
        raise InputError(path, "is empty: there is no text to check")
    return replace(reader.parse(path, readable), text=text)


def _reader(format: str) -> ModuleType:
    if format not in FORMATS:
        raise UsageError(f"unknown input format {format!r}; expected one of {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{format}")


def refuse_binary(text: str, name: str) -> None:
    """InputError when control characters are more than a tenth of the text (checker.controls)."""
    from checker import controls
    from checker.positions import LineIndex

    found = controls.positions(text)
    if controls.too_many(text, len(found)):
        first = found[0]
        count = "1 control character" if len(found) == 1 else f"{len(found):,} control characters"
        line, column = LineIndex(text).line_col(first)
        where = f"the first U+{ord(text[first]):04X} at {line}:{column}"
        raise InputError(name, f"looks binary ({count} in {len(text):,}, {where}), not text")


def check_encoding(name: str) -> str:
    """A usable encoding name for --encoding, or a usage error."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {name!r}") from None
    try:
        b"a".decode(info.name)  # 'undefined' and the bytes-to-bytes codecs (base64) cannot decode text
    except UnicodeDecodeError:
        pass
    except (LookupError, UnicodeError, TypeError):
        raise UsageError(f"--encoding: expected the name of a text encoding such as latin-1, found {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"--encoding: expected the name of a text encoding such as latin-1, found {name!r}")
    return info.name


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; else `encoding` if given; else refused.

    A byte order mark always wins. Text that is valid UTF-8 is read as UTF-8 even
    when `encoding` is given (it is the fallback for legacy files, not a filter).
    NUL bytes at every other position mean UTF-16 without a BOM, refused with the
    `--encoding` that reads it; a few stray NULs are kept (see checker.controls), and
    a text made mostly of control characters is refused as binary.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_strictly(data, "utf-16", name, "UTF-16")
    elif data.startswith(codecs.BOM_UTF8):
        text = _decode_strictly(data, "utf-8-sig", name, "UTF-8")
    else:
        nul = data.find(b"\x00")
        if nul != -1 and encoding is not None:  # UTF-16 without a BOM is valid UTF-8, NULs and all
            text = _decode_strictly(data, encoding, name, encoding)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                if encoding is None and nul != -1:
                    raise _binary(data, name, nul) from None
                if encoding is None:
                    raise InputError(
                        name,
                        f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at byte offset {error.start}); "
                        "if it is in another encoding, name it with --encoding",
                    ) from None
                text = _decode_strictly(data, encoding, name, encoding)
            else:
                if nul != -1 and _utf16_without_bom(data):
                    raise _binary(data, name, nul)
    refuse_binary(text, name)
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


def _binary(data: bytes, name: str, nul: int) -> InputError:
    """A NUL byte: binary, or UTF-16 saved without its byte order mark (NULs at every other byte)."""
    utf16 = _utf16_without_bom(data)
    if utf16:
        return InputError(
            name,
            f"looks like {utf16} without a byte order mark (a NUL at every other byte); "
            f"name it with --encoding {utf16.lower()}, or save it as UTF-8",
        )
    return InputError(name, f"looks binary (a NUL byte at byte offset {nul}), not text")


def _utf16_without_bom(data: bytes) -> str | None:
    """'UTF-16-LE' or 'UTF-16-BE' when most pairs of bytes read as one ASCII character, else None."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs == 0:
        return None
    high_zero = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0 and sample[i - 1] != 0)
    low_zero = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0 and sample[i + 1] != 0)
    if high_zero >= 0.6 * pairs:
        return "UTF-16-LE"
    if low_zero >= 0.6 * pairs:
        return "UTF-16-BE"
    return None
