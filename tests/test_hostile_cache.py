"""The rule cache holds data, never code, and ignores entries someone else could have written."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from checker.rulelang import cache as rule_cache
from checker.rulelang import stored
from checker.rulelang.load import DEFAULT_ENTRY, bundled_rules_dir, load_rules

FACTS = (
    'event "third round" {\n  status concluded\n}\n'
    'quantity "prisoners" {\n  mentions "prisoners"\n  value at least 1,200\n}\n'
)
OTHER = 'event "fourth round" {\n  status upcoming\n}\n'


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "facts.rules"
    path.write_text(FACTS, encoding="utf-8")
    return path


def _entry(rules) -> rule_cache.Entry:
    return rule_cache.Entry([os.path.join(bundled_rules_dir(), DEFAULT_ENTRY), str(rules)], True)


def _plant_wrong_rule_set(rules, tmp_path) -> None:
    """A well-formed entry for `rules` whose rule set is another file's: what a neighbour could plant."""
    other = tmp_path / "other.rules"
    other.write_text(OTHER, encoding="utf-8")
    bundled = os.path.join(bundled_rules_dir(), DEFAULT_ENTRY)
    files = {path: (os.path.realpath(path), Path(path).read_bytes()) for path in (bundled, str(rules))}
    _entry(rules).put(files, load_rules([other], cache=False))


def _events(rules) -> list[str]:
    return sorted(e.name.value for e in load_rules([rules]).events)


def test_a_rule_set_survives_the_round_trip_through_json(rules):
    ruleset = load_rules([rules], cache=False)
    assert stored.decode(json.loads(json.dumps(stored.encode(ruleset)))) == ruleset


def test_an_entry_is_json_data(cache_dir, rules):
    load_rules([rules])
    (entry,) = cache_dir.glob("rules-*.json")
    assert json.loads(entry.read_text(encoding="utf-8"))["value"]  # parses as data
    assert not list(cache_dir.glob("*.pickle"))


def test_a_planted_pickle_is_never_run(cache_dir, rules, tmp_path):
    marker = tmp_path / "ran"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    cache_dir.mkdir(mode=0o700)
    path = _entry(rules).path
    with open(path, "wb") as stream:
        pickle.dump({"key": None, "value": Exploit()}, stream)
    os.chmod(path, 0o600)
    assert _events(rules) == ["third round"]
    assert not marker.exists()


def test_a_planted_entry_in_a_folder_others_can_write_is_ignored(cache_dir, rules, tmp_path):
    _plant_wrong_rule_set(rules, tmp_path)
    assert _events(rules) == ["fourth round"]  # the plant works where the folder is ours alone...
    cache_dir.chmod(0o777)  # ...a shared folder, as /tmp is
    assert _events(rules) == ["third round"]
    assert _entry(rules).get() is None


def test_an_entry_owned_by_someone_else_is_ignored(cache_dir, rules, tmp_path):
    if os.getuid() != 0:
        pytest.skip("only root can give a file to another user")
    _plant_wrong_rule_set(rules, tmp_path)
    os.chown(_entry(rules).path, 65534, 65534)
    assert _events(rules) == ["third round"]


def test_an_entry_that_is_a_symbolic_link_is_not_followed(cache_dir, rules, tmp_path):
    _plant_wrong_rule_set(rules, tmp_path)
    path = _entry(rules).path
    elsewhere = tmp_path / "elsewhere.json"
    os.replace(path, elsewhere)
    os.symlink(elsewhere, path)
    assert _entry(rules).get() is None
    assert _events(rules) == ["third round"]


def test_an_entry_naming_a_class_outside_the_rule_language_is_refused():
    with pytest.raises(KeyError):
        stored.decode({"Popen": [["touch", "x"]]})
    with pytest.raises(TypeError):
        stored.encode(object())
