"""Fuzz targets: bytes in, and either a normal result or the documented error out.

Each target takes one input as bytes (as atheris gives it) and raises AssertionError, or lets
an unexpected exception escape, when the checker misbehaves; a RuleError/RuleErrors or an
InputError with a usable position and message is a normal outcome.
"""

from __future__ import annotations

import functools
from pathlib import Path

from checker import readers
from checker.errors import InputError, RuleError, rule_lines
from checker.model import Location, Span

SUFFIXES = (".txt", ".md", ".html")


def rules(data: bytes) -> None:
    """The rule parser and resolver on any text: a rule set, or errors at valid lines and columns."""
    from checker.rulelang.parse import parse
    from checker.rulelang.resolve import resolve

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the loader refuses such a file before parsing, with the byte's line and column
    lines = rule_lines(text)
    try:
        parsed = parse(text, "fuzz.rules")
    except RuleError as error:
        _located(error, lines)
        return
    _, errors = resolve([parsed])
    for error in errors:
        assert error.path == "fuzz.rules", error
        if error.line:
            _located(error, lines)


def _located(error: RuleError, lines: list[str]) -> None:
    assert 1 <= error.line <= len(lines) + 1, (error, len(lines))
    width = len(lines[error.line - 1]) if error.line <= len(lines) else 0
    assert 1 <= error.column <= width + 1, (error, width)
    if error.line <= len(lines) and error.source_line is not None:
        assert error.source_line == lines[error.line - 1], (error, error.source_line)  # the caret's line
    expected = error.problem.split(", found")[0]  # what follows 'found' quotes the file, which may say anything
    for word in ("__ANON", "$END"):
        assert word not in expected, error.problem


def readers_and_pipeline(data: bytes) -> None:
    """Every reader on any bytes, then the whole analysis: refused with a message, or a report
    whose spans lie inside the text and quote it, with no check failing (no CC900)."""
    from checker.pipeline import check

    for suffix in SUFFIXES:
        try:
            document = readers.from_bytes(data, f"fuzz{suffix}")
        except InputError as error:
            assert error.problem and "\n" not in error.problem, error
            assert "this is a bug" not in error.problem, error  # a reader failed: found, not refused
            continue
        report = check(document, _prepared())
        failures = [f.message for f in report.findings if f.code == "CC900"]
        assert not failures, failures
        _spans_inside(document.text, report)


def _spans_inside(text: str, report) -> None:
    from hostile import spans_of  # tests/hostile.py: the generic walk over a report's spans

    for item in spans_of(report):
        span = item.span if isinstance(item, Location) else item
        assert isinstance(span, Span) and 0 <= span.start <= span.end <= len(text), span
        if isinstance(item, Location):
            assert item.text == text[span.start : span.end], item


@functools.cache
def _prepared():
    from checker.pipeline import Prepared
    from checker.rulelang.load import bundled_rules_dir, load_rules

    talks = Path(bundled_rules_dir()).parent / "fixtures" / "istanbul-talks" / "talks.rules"
    return Prepared.of(load_rules([talks] if talks.exists() else [], cache=False))


def reporters(data: bytes) -> None:
    """Every report format on a document with any name (its first bytes, undecodable ones too)
    and any text: writable as UTF-8, and in the formats read on a screen or by a CI runner, no
    terminal escape and no line that a GitHub runner would take for a command of the article's."""
    import os

    from checker.model import Report
    from checker.pipeline import check
    from checker.reporters import formats, renderer

    name = os.fsdecode(data[:24].replace(b"/", b"_").replace(b"\x00", b"_")) or "x"
    try:
        document = readers.from_text(data[24:].decode("utf-8", "replace"), name + ".txt")
    except InputError:
        return
    report = Report(documents=(check(document, _prepared()),))
    for fmt in formats():
        out = renderer(fmt)(report)
        out.encode("utf-8")  # a name that is not UTF-8 is shown escaped, never written raw
        if fmt in ("table", "markdown", "github"):
            assert "\x1b" not in out, fmt
            commands = [line for line in out.splitlines() if line.lstrip().startswith("::")]
            if fmt == "github":
                assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in commands), commands
            else:
                assert not commands, (fmt, commands)


TARGETS = {"rules": rules, "readers": readers_and_pipeline, "reporters": reporters}
