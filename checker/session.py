"""A long-lived checker for `serve` and `lsp`: the rules loaded once, each text checked warm.

The same pipeline as `audit` (checker.pipeline.check, then the run's policy), kept in one
process so that an edit is checked without paying for start-up: the language model
(checker.analysis) is loaded when the Session is made. The rule files are parsed
once and parsed again only when one of them changes on disk (its size, modification time or
inode; a rule folder's list of files); rules sent with a request as text are resolved with
them and kept for the next requests that send the same texts.

A Session checks one text at a time (a lock): the language pipeline switches its
components per batch and the analyzer fills caches as it goes, so two threads checking at
once could read each other's state.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from checker import analysis, readers
from checker.errors import RuleErrors
from checker.model import DocumentReport, Report
from checker.pipeline import Prepared, check
from checker.policy import apply_policy
from checker.rulelang.parsed import Parsed, parse_paths, parse_texts, resolve_parsed
from checker.settings import Settings

KEPT_RULE_TEXTS = 16  # rule sets built from request texts kept for the next requests
WARM_UP = "The third round of talks concluded on Monday, 3 March 2025. Delegates said 250 prisoners were freed.\n"


def rule_text_name(index: int) -> str:
    """How the index-th rule text of a request is named in messages: `rules[0]:3:14: ...`."""
    return f"rules[{index}]"


class OwnRulesBroken(RuleErrors):
    """The session's own rule files were edited into an error after it started."""


@dataclass(frozen=True, slots=True)
class _Loaded:
    """The server's own rule files as read at one moment: parsed, and built unless they are bad."""

    stamp: tuple
    parsed: Parsed
    prepared: Prepared | None
    error: RuleErrors | None


class Session:
    """Checks texts with `settings`' rules, policy and reference date; raises RuleErrors when
    the rule files (its own, or the texts sent with a check) cannot be used."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._analyzer = analysis.load(settings.model)  # a missing pipeline: ModelError, one line
        self._lock = threading.Lock()
        self._loaded = self._load()
        self._with_texts: OrderedDict[tuple[str, ...], Prepared] = OrderedDict()
        if self._loaded.error is not None:  # bad from the start: the caller's error, as for audit
            raise self._loaded.error

    def warm(self) -> None:
        """Do now what the first check would do on first use (run the language pipeline once,
        compile every matcher, import each check), so that the first request is as fast as the next."""
        self.check(WARM_UP)

    def prepared(self, rule_texts: Sequence[str] = ()) -> Prepared:
        """The rule set to check with: the session's own, re-read if a file changed, plus `rule_texts`."""
        with self._lock:
            return self._prepared(tuple(rule_texts))

    def check(
        self,
        text: str,
        *,
        format: str | None = None,
        name: str = "<text>",
        as_of: dt.date | None = None,
        rule_texts: Sequence[str] = (),
    ) -> Report:
        """The report `audit` would give for this text (one document called `name`, read as
        `format`, else as its suffix says), with the session's policy applied."""
        document = readers.from_text(text, name, format=format)
        with self._lock:
            prepared = self._prepared(tuple(rule_texts))
            checked: DocumentReport = check(document, prepared, as_of or self.settings.as_of, self._analyzer)
        return apply_policy(Report(documents=(checked,)), self.settings)

    def _prepared(self, rule_texts: tuple[str, ...]) -> Prepared:
        loaded = self._current()
        if loaded.error is not None:
            raise OwnRulesBroken(loaded.error.errors)
        if not rule_texts:
            return loaded.prepared
        built = self._with_texts.get(rule_texts)
        if built is None:
            sent = parse_texts([(rule_text_name(i), text) for i, text in enumerate(rule_texts)])
            built = Prepared.of(resolve_parsed(loaded.parsed, sent))
            self._with_texts[rule_texts] = built
            while len(self._with_texts) > KEPT_RULE_TEXTS:
                self._with_texts.popitem(last=False)
        self._with_texts.move_to_end(rule_texts)
        return built

    def _current(self) -> _Loaded:
        if _stamp(self.settings.rules, self._loaded.parsed.read) != self._loaded.stamp:
            self._loaded = self._load()
            self._with_texts.clear()  # built on the old files
        return self._loaded

    def _load(self) -> _Loaded:
        parsed = parse_paths(self.settings.rules, defaults=self.settings.default_rules)
        stamp = _stamp(self.settings.rules, parsed.read)
        try:
            return _Loaded(stamp, parsed, Prepared.of(resolve_parsed(parsed)), None)
        except RuleErrors as error:
            return _Loaded(stamp, parsed, None, error)


def _stamp(given: Sequence[str], read: Sequence[str]) -> tuple:
    """What tells that a rule file changed: each file's identity, size and modification time,
    and the rule files each given folder holds now (a file added to a folder is a change)."""
    from checker.rulelang.load import RULE_SUFFIX

    listed = []
    for path in given:
        if os.path.isdir(path):
            listed.append(tuple(sorted(_rule_files(path, RULE_SUFFIX))))
    return (tuple(listed), tuple(_identity(path) for path in (*given, *read)))


def _rule_files(folder: str, suffix: str) -> list[str]:
    return [os.path.join(root, name) for root, _, names in os.walk(folder) for name in names if name.endswith(suffix)]


def _identity(path: str) -> tuple | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)
