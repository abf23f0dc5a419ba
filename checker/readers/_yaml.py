"""The YAML loader for front matter: safe, and bounded in what a small text can make.

PyYAML's safe loader builds only plain values, but an alias (`*name`) repeats a whole tree
without copying it, so nine lines of aliases stand for a billion strings (the "billion
laughs"), and deep nesting exhausts Python's stack. Front matter needs neither: an alias is
refused, and so is nesting deeper than MAX_DEPTH. Timestamps are left as text, so that an
impossible date (2025-02-30, hour 25) is reported with the article's own words, not a
Python exception (checker.readers._dates reads them).
"""

from __future__ import annotations

import yaml

MAX_DEPTH = 50
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class FrontMatterLoader(yaml.SafeLoader):
    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML reads it as a class attribute)
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "expected no alias (*name): front matter does not repeat values", mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(None, None, f"expected at most {MAX_DEPTH} levels of nesting", mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1
