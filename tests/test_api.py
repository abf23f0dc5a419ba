import datetime as dt
from pathlib import Path

import checker
from checker.rulelang.load import load_rules

from conftest import ROOT

SEED = ROOT / "fixtures/istanbul-talks/article.txt"


def test_audit_takes_text_path_or_string_path():
    from_text = checker.audit(SEED.read_text(encoding="utf-8"))
    from_path = checker.audit(SEED)
    from_string = checker.audit(str(SEED))
    codes = [[f.code for f in r.documents[0].findings] for r in (from_text, from_path, from_string)]
    assert codes == [["CC101", "CC108"]] * 3
    assert from_text.documents[0].document.path == "<text>"
    assert from_path.documents[0].document.path == str(SEED)


def test_audit_takes_rules_as_paths_or_a_loaded_ruleset():
    rules = [ROOT / "fixtures/istanbul-talks/talks.rules"]
    by_path = checker.audit(SEED, rules=rules)
    by_set = checker.audit(SEED, rules=load_rules(rules))
    assert by_path == by_set
    assert by_path.documents[0].as_of == dt.date(2025, 7, 24)
    assert checker.audit(SEED, rules=rules, as_of="2025-08-01").documents[0].as_of == dt.date(2025, 8, 1)


def test_audit_of_several_paths_keeps_their_order():
    other = ROOT / "fixtures/different-rounds/article.txt"
    report = checker.audit([other, SEED])
    assert [Path(d.document.path).parent.name for d in report.documents] == ["different-rounds", "istanbul-talks"]
    assert report.worst is not None and report.worst.value == "error"
