"""Every fixture case, in whatever format its article is: its report shows what the case's
expect.toml declares, its reports match the golden files, and every quoted location is
exactly the source text at its span, line and column."""

from __future__ import annotations

import json
import os
import tomllib
from collections import Counter

import pytest

from checker import readers
from checker.cli import main

from conftest import ROOT, fixture_article, fixture_cases

CASES = fixture_cases()


def _audit_args(case) -> list[str]:
    article = str(fixture_article(case).relative_to(ROOT))
    rules = [arg for path in sorted(case.glob("*.rules")) for arg in ("--rules", str(path.relative_to(ROOT)))]
    return ["audit", article, *rules]


def _run(case, fmt, capsys) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(ROOT)  # reports name files relative to the repository, as a user would run it
    try:
        code = main([*_audit_args(case), "--format", fmt])
    finally:
        os.chdir(cwd)
    return code, capsys.readouterr().out


def _declared(case) -> dict:
    path = case / "expect.toml"
    assert path.is_file(), f"{path} is missing: every case declares what it must show (see fixtures/README.md)"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _expectation_cases():
    """Each case, a strict xfail where its declaration names a known gap: a fix shows up as XPASS."""
    for case in CASES:
        gap = _declared(case).get("gap")
        marks = [pytest.mark.xfail(strict=True, reason=f"known gap, {gap}")] if gap else []
        yield pytest.param(case, id=case.name, marks=marks)


def _covered(code: str, prefixes: list[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


@pytest.mark.parametrize("case", list(_expectation_cases()))
def test_report_shows_what_the_case_declares(case, capsys):
    declared = _declared(case)
    _, out = _run(case, "json", capsys)
    document = json.loads(out)["documents"][0]
    findings = document["findings"]
    fired = {f["code"] for f in declared.get("fires", [])}
    for want in declared.get("fires", []):
        mine = [f for f in findings if f["code"] == want["code"]]
        assert mine, f"{want['code']} must fire: {[f['code'] for f in findings]}"
        if "count" in want:
            assert len(mine) == want["count"], [f["message"] for f in mine]
        for finding in mine:
            if "severity" in want:
                assert finding["severity"] == want["severity"], finding["message"]
            if "sides" in want:
                assert len(finding["locations"]) == want["sides"], finding["message"]
    unwanted = [
        (f["code"], f["message"])
        for f in findings
        if f["code"] not in fired and _covered(f["code"], declared.get("quiet", []))
    ]
    assert not unwanted, f"must stay quiet: {unwanted}"
    if "facts" in declared:
        verdicts = Counter(fact["verdict"] for fact in document["facts"])
        assert verdicts == Counter(declared["facts"])


def test_every_declaration_names_real_checks():
    from checker.detectors import all_detectors

    codes = {d.code for d in all_detectors()} | {"CC001"}
    for case in CASES:
        declared = _declared(case)
        assert set(declared) <= {"fires", "quiet", "gap", "facts"}, case
        for want in declared.get("fires", []):
            assert want["code"] in codes, case
            assert set(want) <= {"code", "severity", "sides", "count"}, case
        for prefix in declared.get("quiet", []):
            assert any(code.startswith(prefix) for code in codes), case
        # A name promises a result: '-fires' declares a finding, '-quiet' none of the checks it names.
        if case.name.endswith("-fires"):
            assert declared.get("fires"), case
        if case.name.endswith("-quiet"):
            assert not declared.get("fires") and declared.get("quiet"), case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("fmt,golden_name", [("table", "expected.table.txt"), ("json", "expected.json")])
def test_report_matches_golden(case, fmt, golden_name, capsys, update_golden):
    code, out = _run(case, fmt, capsys)
    golden = case / golden_name
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden and read the diff"
    assert out == golden.read_text(encoding="utf-8")
    assert code in (0, 1)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_locations_quote_the_source(case, capsys):
    _, out = _run(case, "json", capsys)
    source = readers.load(fixture_article(case)).text  # decoded as the checker decodes it
    lines = source.split("\n")
    report = json.loads(out)
    locations = [
        loc
        for doc in report["documents"]
        for item in (*doc["findings"], *[{"locations": f["evidence"]} for f in doc["facts"]])
        for loc in item["locations"]
    ]
    assert locations or not report["documents"][0]["findings"], case
    for loc in locations:
        assert source[loc["start"] : loc["end"]] == loc["text"]
        line = lines[loc["line"] - 1]
        assert line[loc["column"] - 1 :].startswith(loc["text"].split("\n")[0])
        end_line = lines[loc["end_line"] - 1]
        assert end_line[: loc["end_column"] - 1].endswith(loc["text"].split("\n")[-1])


def test_seed_article_has_exactly_one_error(capsys):
    code = main(["audit", str(ROOT / "fixtures/istanbul-talks/article.txt"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    findings = report["documents"][0]["findings"]
    assert code == 1
    errors = [f for f in findings if f["severity"] == "error"]
    assert [f["code"] for f in errors] == ["CC101"]
    concluded, upcoming = errors[0]["locations"]
    assert concluded["line"] == 2 and "has officially concluded" in concluded["text"]
    assert upcoming["text"] == "preparing for the third meeting"
    assert report["summary"]["error"] == 1 and report["summary"]["warning"] == 0
    assert report["summary"]["refused"] == 0
    # The two holders of the delegation's lead ('Rustem Umerov', 'the Secretary of ...') are
    # linked by no rule file here: a note asks for the link.
    assert [f["code"] for f in findings if f["severity"] == "note"] == ["CC108"]
