"""Read rule files from disk, follow their includes, and resolve them into a RuleSet.

The only I/O of the rule language; parsing and resolution stay pure.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker.errors import RuleError, RuleErrors, rule_lines
from checker.rulelang import cache as rule_cache
from checker.rulelang.ruleset import RuleSet

if TYPE_CHECKING:  # the statements' classes load with the parser, on a cache miss
    from checker.rulelang import ast

RULE_SUFFIX = ".rules"
MAX_RULE_BYTES = 20_000_000  # the bundled vocabularies are about 30 kB
DEFAULT_ENTRY = "default.rules"


def bundled_rules_dir() -> str:
    """The rules/ folder: installed as package data, or beside checker/ in a checkout."""
    try:  # a namespace package (no __init__.py): importing it only finds its folder
        import checker.bundled_rules as bundled
    except ImportError:
        checkout = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
        return os.path.join(checkout, "rules")
    return next(iter(bundled.__path__))


def load_rules(paths: Sequence[str | os.PathLike] = (), *, defaults: bool = True, cache: bool | None = None) -> RuleSet:
    """Load the bundled vocabularies (unless `defaults` is false) and then `paths`.

    A path may be a rule file or a folder of them. Raises RuleErrors listing every
    problem found, across all files. A rule set built before from the same files is
    taken from the cache (see rulelang.cache) unless `cache` is false, or it is None
    and CLAIM_CHECKER_NO_CACHE is set.
    """
    entries: list[list[str] | RuleError] = [[os.path.join(bundled_rules_dir(), DEFAULT_ENTRY)]] if defaults else []
    entries.extend(_expand(str(Path(p))) for p in paths)
    cached = None
    if rule_cache.enabled(cache) and not any(isinstance(entry, RuleError) for entry in entries):
        cached = rule_cache.Entry([path for entry in entries for path in entry], defaults)
        value = cached.get()
        if isinstance(value, RuleSet):
            return value
    ruleset, read = _parse_and_resolve(entries)
    if cached is not None:
        cached.put(read, ruleset)
    return ruleset


def _parse_and_resolve(entries: list[list[str] | RuleError]) -> tuple[RuleSet, dict[str, bytes]]:
    """The rule set, and the bytes of every file read for it; or RuleErrors."""
    loader = _Loader()
    for entry in entries:
        if isinstance(entry, RuleError):
            loader.order.append(entry.path)
            loader.errors.append(entry)
        else:
            for path in entry:
                loader.load(path, stack=())
    from checker.rulelang.resolve import resolve  # only when the cache misses

    ruleset, meaning_errors = resolve(loader.files)
    errors = loader.errors + [_with_source(e, loader.texts) for e in meaning_errors]
    if errors:
        rank = {path: i for i, path in reversed(list(enumerate(loader.order)))}
        raise RuleErrors(sorted(errors, key=lambda e: (rank.get(e.path, len(rank)), e.line, e.column)))
    return ruleset, loader.contents


def _expand(path: str) -> list[str] | RuleError:
    if os.path.isdir(path):
        found = sorted(_rule_files_under(path), key=Path)
        return found or RuleError(path, 0, 0, f"expected rule files (*{RULE_SUFFIX}) in this folder, found none")
    if not os.path.exists(path):
        return RuleError(path, 0, 0, "no such rule file")
    return [path]


def _rule_files_under(folder: str) -> Iterator[str]:
    """Every rule file in the folder and its subfolders, hidden ones too; linked folders are not entered."""
    for root, _, files in os.walk(folder):
        for name in files:
            path = str(Path(root, name))
            if name.endswith(RULE_SUFFIX) and os.path.isfile(path):
                yield path


class _Loader:
    def __init__(self) -> None:
        self.files: list[ast.RuleFile] = []
        self.texts: dict[str, str] = {}
        self.errors: list[RuleError] = []
        self.contents: dict[str, tuple[str, bytes]] = {}  # path as opened -> (resolved, bytes), for the cache
        self._seen: set[str] = set()  # resolved paths
        self.order: list[str] = []  # every path as it was first named, in the order files were read: errors' order

    def load(self, path: str, stack: tuple[str, ...] = (), include: ast.Include | None = None) -> None:
        """Parse `path` and, depth first, the files it includes; each file is added after its includes.

        A loop with its own stack, not recursion: a chain of thousands of includes must not
        exhaust Python's.
        """
        ancestors = list(stack)  # the include chain down to the file being read, for cycles
        on_chain = set(stack)
        frames: list[tuple[str, ast.RuleFile, Iterator[ast.Include]]] = []
        target: str | None = path
        while True:
            if target is not None:
                opened = self._open(target, ancestors, on_chain, include)
                if opened is not None:
                    real, rule_file = opened
                    ancestors.append(real)
                    on_chain.add(real)
                    frames.append((target, rule_file, iter(_includes(rule_file.statements))))
            if not frames:
                return
            current, rule_file, pending = frames[-1]
            include = next(pending, None)
            if include is None:
                frames.pop()
                on_chain.discard(ancestors.pop())
                self.files.append(rule_file)
                target = None
            else:
                target = str(Path(current).parent / include.target.value)

    def _open(
        self, path: str, ancestors: list[str], on_chain: set[str], include: ast.Include | None
    ) -> tuple[str, ast.RuleFile] | None:
        """The file's real path and parsed statements, or None: already read, a cycle, or an error."""
        real = os.path.realpath(path)
        self.order.append(path)
        if real in on_chain:
            chain = " -> ".join(os.path.basename(p) for p in (*ancestors, real))
            self._fail_at(include, path, f"expected no include cycle, found {chain}")
            return None
        if real in self._seen:
            return None
        self._seen.add(real)
        text = self._read(path, include)
        if text is None:
            return None
        self.texts[path] = text
        from checker.rulelang.parse import parse_all  # only when the cache misses

        # A file with errors still gives its sound statements: their includes are followed and
        # their meaning checked, so one run reports every error.
        rule_file, errors = parse_all(text, path)
        self.errors.extend(errors)
        return real, rule_file

    def _read(self, path: str, include: ast.Include | None) -> str | None:
        """The file's text, or None with an error that quotes none of it: a rule file is read
        bounded (MAX_RULE_BYTES; a device or FIFO cannot stream forever) and must be text."""
        import stat

        from checker.inputs import TooLarge, read_bounded

        try:
            if not stat.S_ISREG(os.stat(path).st_mode) and not os.path.isdir(path):
                self._fail_at(include, path, "expected a rule file, found a device or FIFO")
                return None
            data = read_bounded(path, MAX_RULE_BYTES)
        except TooLarge:
            self._fail_at(include, path, f"expected a rule file of at most {MAX_RULE_BYTES:,} bytes, found more")
            return None
        except FileNotFoundError:
            self._fail_at(include, path, "expected an existing rule file, found none")
            return None
        except IsADirectoryError:
            self._fail_at(include, path, "expected a rule file, found a folder")
            return None
        except OSError as error:
            self._fail_at(include, path, f"cannot be read: {error.strerror}")
            return None
        self.contents[path] = (os.path.realpath(path), data)
        nul = data.find(b"\x00")
        if nul != -1:  # /proc/self/environ, a binary: not a word of it is shown
            self._fail_at(include, path, f"expected a rule file (text), found binary data (a NUL byte at offset {nul})")
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            self.errors.append(
                RuleError(path, line, column, f"expected UTF-8 text, found byte 0x{data[error.start]:02x}")
            )
            return None

    def _fail_at(self, include: ast.Include | None, path: str, problem: str) -> None:
        if include is None:
            self.errors.append(RuleError(path, 0, 0, problem))
            return
        origin = include.target.origin
        source = rule_lines(self.texts.get(origin.path, ""))
        line = source[origin.line - 1] if 0 < origin.line <= len(source) else None
        self.errors.append(RuleError(origin.path, origin.line, origin.column, f"{problem} ({path})", line))


def _includes(statements: Iterable[ast.Statement]) -> list[ast.Include]:
    from checker.rulelang import ast  # only when the cache misses

    return [s for s in statements if isinstance(s, ast.Include)]


def _with_source(error: RuleError, texts: dict[str, str]) -> RuleError:
    lines = rule_lines(texts.get(error.path, ""))
    source = lines[error.line - 1] if 0 < error.line <= len(lines) else None
    return RuleError(error.path, error.line, error.column, error.problem, source)
