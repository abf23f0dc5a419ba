"""The bad-input table: hostile files, folders and rule files, each with the exit code and the
message the checker must give. Shared by tests/test_bad_input.py (which asserts them) and
bench/bad_input.py (which times them and measures their memory).

Each row builds its input in a folder it is given and returns the command-line arguments.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CONTRADICTION = "The third round has concluded. Delegates are preparing for the third round.\n"


@dataclass(frozen=True)
class Row:
    name: str
    build: Callable[[Path], list[str]]  # folder -> arguments after "claim-checker"
    code: int
    message: str  # what stderr must contain ("" when it must be empty); {folder} is the row's folder
    size: int = 0  # bytes of input, for the benchmark's time per megabyte
    skip: Callable[[Path], str] | None = None  # a reason to skip the row here, given its folder


def _file(name: str, content: bytes | str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return ["audit", str(path)]

    return build


def _sized(name: str, size: int) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = folder / name
        with path.open("wb") as stream:  # written in blocks: the test never holds it in memory
            block = (CONTRADICTION * 1000).encode()
            for _ in range(size // len(block)):
                stream.write(block)
            stream.write(block[: size % len(block)])
        return ["audit", str(path)]

    return build


def _no_articles(folder: Path) -> list[str]:
    (folder / "empty-folder").mkdir()
    (folder / "empty-folder" / "notes.pdf").write_bytes(b"%PDF-1.4")
    return ["audit", str(folder / "empty-folder")]


def _file_symlink_loop(folder: Path) -> list[str]:
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    return ["audit", str(folder / "loop-a.txt")]


def _folder_symlink_loop(folder: Path) -> list[str]:
    (folder / "articles").mkdir()
    (folder / "articles" / "story.txt").write_text(CONTRADICTION)
    os.symlink("..", folder / "articles" / "parent")
    os.symlink(".", folder / "articles" / "self")
    return ["audit", str(folder / "articles")]


def _unreadable(folder: Path) -> list[str]:
    path = folder / "secret.txt"
    path.write_text(CONTRADICTION)
    path.chmod(0)
    return ["audit", str(path)]


def _readable_anyway(folder: Path) -> str:
    probe = folder / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        if os.access(probe, os.R_OK):
            return "running as root (as CI does): chmod 000 does not stop this user reading the file"
    finally:
        probe.chmod(0o600)
    return ""


def _nested_markdown(folder: Path) -> list[str]:
    return _file("nested.md", "> " * 10_000 + CONTRADICTION)(folder)


def _unclosed_html(folder: Path) -> list[str]:
    return _file("unclosed.html", "<html><body>" + "<div>" * 100_000 + "<p>" + CONTRADICTION)(folder)


def _rules(build_rules: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        (folder / "article.txt").write_text(CONTRADICTION)
        return ["audit", str(folder / "article.txt"), "--rules", str(build_rules(folder)), "--no-cache"]

    return build


def _include_cycle(folder: Path) -> Path:
    (folder / "a.rules").write_text('include "b.rules"\n')
    (folder / "b.rules").write_text('synonyms "talks", "negotiations"\ninclude "a.rules"\n')
    return folder / "a.rules"


def _include_chain(folder: Path) -> Path:
    for number in range(10_000):
        text = f'include "{number + 1}.rules"\n' if number < 9_999 else 'synonyms "talks", "negotiations"\n'
        (folder / f"{number}.rules").write_text(text)
    return folder / "0.rules"


def _long_vocabulary(folder: Path) -> Path:
    path = folder / "vocabulary.rules"
    path.write_text("".join(f'synonyms "word{n}", "other{n}"\n' for n in range(100_000)))
    return path


def _long_phrase(folder: Path) -> Path:
    path = folder / "phrase.rules"
    path.write_text('synonyms "' + " ".join(["round"] * 2_000) + 'x", "talks"\n')  # 10,001 characters
    return path


def _nested_parentheses_in_a_fact(folder: Path) -> Path:
    path = folder / "parentheses.rules"
    path.write_text(
        'event "third round" {\n'
        f'  alias "{"(" * 5_000}third meeting{")" * 5_000}"\n'
        "  status upcoming\n"
        "}\n"
        'entity "Rustem Umerov" {\n'
        f'  role {"(" * 5_000}"head of the delegation"{")" * 5_000}\n'
        "}\n"
    )
    return path


MB = 1_000_000
ROWS = [
    Row("empty file", _file("empty.txt", b""), 3, "{folder}/empty.txt: is empty: there is no text to check"),
    Row(
        "only whitespace", _file("blank.txt", " \n\t\r\n\u00a0\n"), 3, "blank.txt: is empty: there is no text to check"
    ),
    Row(
        "5 MB file (5 MiB, over the default 5,000,000-byte limit)",
        _sized("five.txt", 5 * 2**20),
        3,
        "five.txt: is too large (5,242,880 bytes; the limit is 5,000,000)",
        5 * 2**20,
    ),
    Row(
        "50 MB file",
        _sized("fifty.txt", 50 * 2**20),
        3,
        "fifty.txt: is too large (52,428,800 bytes; the limit is 5,000,000)",
        50 * 2**20,
    ),
    Row(
        "one 1 MB line",
        _file(
            "line.txt",
            ("The third round has concluded, delegates are preparing for the third round and " * 12_659)[:MB],
        ),
        1,
        "",
        MB,
    ),
    Row(
        "mostly NUL bytes",
        _file("nul.txt", b"The third\x00\x00\x00round"),
        3,
        "nul.txt: looks binary (3 control characters in 17, the first U+0000 at 1:10), not text",
    ),
    Row(
        "invalid UTF-8",
        _file("latin1.txt", "Caf\u00e9 talks".encode("latin-1")),
        3,
        "latin1.txt: is not valid UTF-8 (byte 0xe9 at byte offset 3); "
        "if it is in another encoding, name it with --encoding",
    ),
    Row(
        "UTF-16 without BOM",
        _file("utf16.txt", CONTRADICTION.encode("utf-16-le")),
        3,
        "utf16.txt: looks like UTF-16-LE without a byte order mark (a NUL at every other byte); "
        "name it with --encoding utf-16-le, or save it as UTF-8",
    ),
    Row(
        "a folder with no articles",
        _no_articles,
        3,
        "empty-folder: is a folder with no article in it (looked for .htm,",
    ),
    Row(
        "a symlink loop (file)", _file_symlink_loop, 3, "loop-a.txt: cannot be read: Too many levels of symbolic links"
    ),
    Row("a symlink loop (folder)", _folder_symlink_loop, 1, ""),
    Row("an unreadable file", _unreadable, 3, "secret.txt: cannot be read: permission denied", skip=_readable_anyway),
    Row(
        "Markdown nested 10,000 levels",
        _nested_markdown,
        3,
        "nested.md: nests block quotes or lists more than 97 levels deep (from line 1); "
        "the innermost text could not be read",
        20_000,
    ),
    Row("HTML with 100,000 unclosed tags", _unclosed_html, 1, "", 500_000),
    Row(
        "a rule file with an include cycle",
        _rules(_include_cycle),
        4,
        "b.rules:2:9: expected no include cycle, found a.rules -> b.rules -> a.rules",
    ),
    Row("10,000 includes (a chain)", _rules(_include_chain), 1, "", 10_000 * 20),
    Row("a 100,000-line vocabulary", _rules(_long_vocabulary), 1, "", 3_288_890),
    Row(
        "a vocabulary phrase of 10,000 characters",
        _rules(_long_phrase),
        4,
        "phrase.rules:1:10: expected a phrase of at most 32 words, found 2,000",
        10_020,
    ),
    Row(
        "deeply nested parentheses in a fact",
        _rules(_nested_parentheses_in_a_fact),
        4,
        "parentheses.rules:6:8: expected a quoted phrase, found '('",
        20_100,
    ),
]
