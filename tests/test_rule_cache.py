"""The parsed-rules cache: a second load skips Lark, and any change to what it was built from is seen."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checker.errors import RuleErrors
from checker.rulelang import cache as rule_cache
from checker.rulelang.load import load_rules

from conftest import ROOT

FACTS = 'include "more.rules"\nevent "third round" {\n  status concluded\n}\n'
MORE = 'event "fourth round" {\n  status upcoming\n}\n'

PROBE = """
import json, sys
from checker.rulelang.load import load_rules
ruleset = load_rules(sys.argv[1:])
print(json.dumps({"lark": "lark" in sys.modules, "events": sorted(e.name.value for e in ruleset.events)}))
"""


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(rule_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(rule_cache.NO_CACHE_ENV, raising=False)
    return folder


@pytest.fixture
def rules(tmp_path):
    (tmp_path / "more.rules").write_text(MORE, encoding="utf-8")
    main = tmp_path / "facts.rules"
    main.write_text(FACTS, encoding="utf-8")
    return main


def _load_in_subprocess(*paths) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)], capture_output=True, text=True, env=env, check=True
    ).stdout
    return json.loads(out)


def test_second_load_comes_from_the_cache_without_lark(cache_dir, rules):
    first = _load_in_subprocess(rules)
    second = _load_in_subprocess(rules)
    assert first == {"lark": True, "events": ["fourth round", "third round"]}
    assert second == {"lark": False, "events": ["fourth round", "third round"]}
    assert len(list(cache_dir.glob("rules-*.pickle"))) == 1


def test_the_cached_rule_set_equals_a_fresh_parse(cache_dir, rules):
    fresh = load_rules([rules], cache=False)
    load_rules([rules])
    assert load_rules([rules]) == fresh
    assert not cache_dir.exists() or list(cache_dir.glob("rules-*.pickle"))


def test_a_change_to_an_included_file_invalidates_the_entry(cache_dir, rules):
    _load_in_subprocess(rules)
    (rules.parent / "more.rules").write_text(MORE.replace("fourth", "fifth"), encoding="utf-8")
    again = _load_in_subprocess(rules)
    assert again == {"lark": True, "events": ["fifth round", "third round"]}
    assert _load_in_subprocess(rules)["lark"] is False


def test_a_corrupt_entry_is_ignored_and_replaced(cache_dir, rules):
    _load_in_subprocess(rules)
    (entry,) = cache_dir.glob("rules-*.pickle")
    entry.write_bytes(b"not a pickle at all")
    assert _load_in_subprocess(rules) == {"lark": True, "events": ["fourth round", "third round"]}
    assert _load_in_subprocess(rules)["lark"] is False


def test_an_entry_others_can_write_is_not_trusted(cache_dir, rules):
    load_rules([rules])
    (entry,) = cache_dir.glob("rules-*.pickle")
    entry.chmod(0o666)
    assert rule_cache.get(entry) is None


def test_rule_errors_are_reported_the_same_with_a_warm_cache(cache_dir, rules, tmp_path):
    load_rules([rules])
    bad = tmp_path / "bad.rules"
    bad.write_text('event "x" {\n  status finishd\n}\n', encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(RuleErrors) as caught:
            load_rules([rules, bad])
        messages.append(caught.value.render())
    assert messages[0] == messages[1]
    assert "bad.rules:2:" in messages[0]
    assert len(list(cache_dir.glob("rules-*.pickle"))) == 1  # failures are never cached


def test_the_cache_can_be_turned_off(cache_dir, rules, monkeypatch):
    monkeypatch.setenv(rule_cache.NO_CACHE_ENV, "1")
    load_rules([rules])
    assert not cache_dir.exists()
    load_rules([rules], cache=True)
    assert len(list(cache_dir.glob("rules-*.pickle"))) == 1
