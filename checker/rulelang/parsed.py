"""Rule files parsed but not yet resolved, and rule files given as text.

What a long-lived process (`serve`, `lsp`) keeps: its own rule files parsed once, so the
rules sent with one request are resolved together with them without parsing them again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.errors import RuleError, RuleErrors, rule_lines
from checker.rulelang import ast
from checker.rulelang.load import DEFAULT_ENTRY, _expand, _includes, _Loader, _with_source, bundled_rules_dir
from checker.rulelang.ruleset import RuleSet


@dataclass(frozen=True, slots=True)
class Parsed:
    """Parsed rule files; their problems are collected here, raised only when resolved."""

    files: tuple[ast.RuleFile, ...]
    texts: dict[str, str]  # name -> text, to draw the caret under a meaning error
    read: tuple[str, ...]  # every file read, includes too, as opened
    errors: tuple[RuleError, ...]


def parse_paths(paths: Sequence[str | os.PathLike] = (), *, defaults: bool = True) -> Parsed:
    """The rule files at `paths` (and the bundled ones unless `defaults` is false), parsed
    with their includes; problems are collected, not raised."""
    loader = _Loader()
    entries: list[list[str] | RuleError] = [[os.path.join(bundled_rules_dir(), DEFAULT_ENTRY)]] if defaults else []
    entries.extend(_expand(str(Path(p))) for p in paths)
    for entry in entries:
        if isinstance(entry, RuleError):
            loader.errors.append(entry)
        else:
            for path in entry:
                loader.load(path, stack=())
    return Parsed(tuple(loader.files), dict(loader.texts), tuple(loader.contents), tuple(loader.errors))


def parse_texts(texts: Sequence[tuple[str, str]]) -> Parsed:
    """Rule files given as (name, text), e.g. sent over the network: parsed, and refused where
    they include a file, because whoever sent them must not make this machine read one."""
    from checker.rulelang.parse import parse

    files, errors = [], []
    for name, text in texts:
        try:
            rule_file = parse(text, name)
        except RuleError as error:
            errors.append(error)
            continue
        lines = rule_lines(text)
        for include in _includes(rule_file.statements):
            origin = include.origin
            source = lines[origin.line - 1] if 0 < origin.line <= len(lines) else None
            problem = "expected no include here: rules sent as text cannot read files"
            errors.append(RuleError(name, origin.line, origin.column, problem, source))
        files.append(ast.RuleFile(path=name, statements=rule_file.statements))
    return Parsed(tuple(files), dict(texts), (), tuple(errors))


def resolve_parsed(*parts: Parsed) -> RuleSet:
    """One rule set from parsed rule files, in order; RuleErrors listing every problem of every part."""
    from checker.rulelang.resolve import resolve

    ruleset, meaning_errors = resolve(rule_file for part in parts for rule_file in part.files)
    texts = {name: text for part in parts for name, text in part.texts.items()}
    errors = [error for part in parts for error in part.errors]
    errors.extend(_with_source(error, texts) for error in meaning_errors)
    if errors:
        raise RuleErrors(errors)
    return ruleset
