"""The parsed-rules cache: a second load skips Lark, and any change to what it was built from is seen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.errors import RuleErrors
from checker.rulelang import cache as rule_cache
from checker.rulelang.load import DEFAULT_ENTRY, bundled_rules_dir, load_rules

from conftest import ROOT

FACTS = 'include "more.rules"\nevent "third round" {\n  status concluded\n}\n'
MORE = 'event "fourth round" {\n  status upcoming\n}\n'

PROBE = """
import json, sys
from checker.rulelang.load import DEFAULT_ENTRY, bundled_rules_dir, load_rules
ruleset = load_rules(sys.argv[1:])
print(json.dumps({"lark": "lark" in sys.modules, "events": sorted(e.name.value for e in ruleset.events)}))
"""


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
    assert len(list(cache_dir.glob("rules-*.json"))) == 1


def test_the_cached_rule_set_equals_a_fresh_parse(cache_dir, rules):
    fresh = load_rules([rules], cache=False)
    load_rules([rules])
    assert load_rules([rules]) == fresh
    assert not cache_dir.exists() or list(cache_dir.glob("rules-*.json"))


def test_a_change_to_an_included_file_invalidates_the_entry(cache_dir, rules):
    _load_in_subprocess(rules)
    (rules.parent / "more.rules").write_text(MORE.replace("fourth", "fifth"), encoding="utf-8")
    again = _load_in_subprocess(rules)
    assert again == {"lark": True, "events": ["fifth round", "third round"]}
    assert _load_in_subprocess(rules)["lark"] is False


def test_a_corrupt_entry_is_ignored_and_replaced(cache_dir, rules):
    _load_in_subprocess(rules)
    (entry,) = cache_dir.glob("rules-*.json")
    entry.write_bytes(b"not JSON at all")
    assert _load_in_subprocess(rules) == {"lark": True, "events": ["fourth round", "third round"]}
    assert _load_in_subprocess(rules)["lark"] is False


def test_an_entry_others_can_write_is_not_trusted(cache_dir, rules):
    load_rules([rules])
    (entry,) = cache_dir.glob("rules-*.json")
    mine = rule_cache.Entry([os.path.join(bundled_rules_dir(), DEFAULT_ENTRY), str(rules)], True)
    assert mine.path == str(entry) and mine.get() is not None
    entry.chmod(0o666)
    assert mine.get() is None


@pytest.fixture
def parses(monkeypatch):
    """How many times the rule files were parsed (the cache missed) in this process."""
    from checker.rulelang import load

    count = []
    real = load._parse_and_resolve
    monkeypatch.setattr(load, "_parse_and_resolve", lambda entries: count.append(1) or real(entries))
    return count


def test_a_same_size_edit_with_the_old_mtime_is_seen(cache_dir, rules, parses):
    # The entry compares the files' bytes, not their size or time.
    load_rules([rules])
    before = rules.stat()
    rules.write_text(FACTS.replace("concluded", "cancelled"), encoding="utf-8")
    os.utime(rules, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert rules.stat().st_size == before.st_size
    changed = load_rules([rules])
    assert len(parses) == 2
    assert changed == load_rules([rules], cache=False)
    load_rules([rules])
    assert len(parses) == 3  # the rewritten entry is used: no parse beyond the uncached one


def test_a_change_to_the_rule_language_code_invalidates_the_entry(cache_dir, rules, parses, tmp_path, monkeypatch):
    code = tmp_path / "code"
    code.mkdir()
    for path in Path(rule_cache._CODE_DIR).iterdir():
        if path.suffix in (".py", ".lark"):
            (code / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(rule_cache, "_CODE_DIR", str(code))
    load_rules([rules])
    load_rules([rules])
    assert len(parses) == 1
    grammar = code / "grammar.lark"
    grammar.write_bytes(grammar.read_bytes() + b"\n")
    load_rules([rules])
    assert len(parses) == 2
    (code / "new_module.py").write_text("", encoding="utf-8")
    load_rules([rules])
    assert len(parses) == 3


def test_an_include_through_a_symbolic_link_pointed_elsewhere_is_a_change(cache_dir, tmp_path):
    for version, round_ in (("v1", "fourth"), ("v2", "fifth")):
        (tmp_path / version).mkdir()
        (tmp_path / version / "more.rules").write_text(MORE.replace("fourth", round_), encoding="utf-8")
    link = tmp_path / "lib"
    link.symlink_to(tmp_path / "v1")
    main = tmp_path / "main.rules"
    main.write_text('include "lib/more.rules"\n', encoding="utf-8")
    assert [e.name.value for e in load_rules([main]).events] == ["fourth round"]
    link.unlink()
    link.symlink_to(tmp_path / "v2")  # v1 is unchanged: only where the path leads is new
    assert [e.name.value for e in load_rules([main]).events] == ["fifth round"]


def test_an_entry_of_other_rule_files_at_the_same_name_is_never_used(cache_dir, rules, tmp_path):
    other = tmp_path / "other.rules"
    other.write_text(MORE, encoding="utf-8")
    mine, theirs = rule_cache.Entry([rules], True), rule_cache.Entry([other], True)
    theirs.path = mine.path  # as if the two keys' CRCs collided
    theirs.put({str(other): (str(other.resolve()), other.read_bytes())}, load_rules([other], cache=False))
    assert mine.get() is None
    assert theirs.get() == load_rules([other], cache=False)
    assert rule_cache.Entry([rules], False).get() is None  # without the bundled rules: another key


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
    assert len(list(cache_dir.glob("rules-*.json"))) == 1  # failures are never cached


def test_the_cache_can_be_turned_off(cache_dir, rules, monkeypatch):
    monkeypatch.setenv(rule_cache.NO_CACHE_ENV, "1")
    load_rules([rules])
    assert not cache_dir.exists()
    load_rules([rules], cache=True)
    assert len(list(cache_dir.glob("rules-*.json"))) == 1


def test_a_write_keeps_the_folder_bounded_and_removes_only_our_own_files(cache_dir, rules, monkeypatch):
    monkeypatch.setattr(rule_cache, "MAX_ENTRIES", 3)
    cache_dir.mkdir()
    old = time.time() - 7200
    for number in range(5):  # entries of other rule sets, written an hour or more ago, oldest first
        entry = cache_dir / f"rules-{number:08x}.json"
        entry.write_bytes(b"x")
        os.utime(entry, (old + number, old + number))
    earlier_layout = cache_dir / ("rules-" + "ab" * 16 + ".pickle")
    pickled = cache_dir / "rules-0badcafe.pickle"  # an entry of the layouts that pickled
    abandoned, fresh = cache_dir / ".rules-abc.tmp", cache_dir / ".rules-def.tmp"
    strangers = [cache_dir / "notes.txt", cache_dir / "rules-xyz.json", cache_dir / "rules-0000000g.json"]
    for path in (earlier_layout, pickled, abandoned, fresh, *strangers):
        path.write_bytes(b"x")
    os.utime(abandoned, (old, old))
    load_rules([rules])  # a miss: writes its entry, then prunes
    left = {p.name for p in cache_dir.iterdir()}
    written = {p.name for p in cache_dir.glob("rules-*.json")} - {"rules-00000003.json", "rules-00000004.json"}
    assert {"rules-00000003.json", "rules-00000004.json"} <= left  # the two newest others stay
    assert not {"rules-00000000.json", "rules-00000001.json", "rules-00000002.json"} & left
    assert not {earlier_layout.name, pickled.name, abandoned.name} & left
    assert {fresh.name, *(p.name for p in strangers)} <= left  # a write in progress and files not ours stay
    assert len(written - {p.name for p in strangers}) == 1 and load_rules([rules]) is not None
