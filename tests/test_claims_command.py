"""`claim-checker claims`: every claim with its place, in a table or as JSON."""

import json
from pathlib import Path

from checker.cli import main

from conftest import ROOT

SEED = str(ROOT / "fixtures/istanbul-talks/article.txt")
RULES = str(ROOT / "fixtures/istanbul-talks/talks.rules")


def test_json_lists_each_kind_with_exact_places(capsys):
    assert main(["claims", SEED, "--rules", RULES, "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    (document,) = listing["documents"]
    source = Path(SEED).read_text(encoding="utf-8")
    kinds = {claim["kind"] for claim in document["claims"]}
    assert {"event", "role", "quantity", "date"} <= kinds
    for claim in document["claims"]:
        assert source[claim["start"] : claim["end"]] == claim["text"]
    exchange = next(c for c in document["claims"] if c["text"] == "no less than 1,200 prisoners from each side")
    assert exchange["details"]["value"] == "1,200 to ∞"
    assert exchange["details"]["per"] == "side" and exchange["details"]["modality"] == "planned"
    summit = next(c for c in document["claims"] if c["text"] == "the end of August")
    assert summit["details"]["value"] == "2025-08-22 to 2025-08-31" and summit["details"]["deadline"] is True


def test_table_shows_why_a_status_was_read(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # each claim's details on one line
    assert main(["claims", SEED]) == 0
    out = capsys.readouterr().out
    assert "status: concluded" in out and "cue: has officially" in out and "status: upcoming" in out


def test_unknown_format_is_a_usage_error(capsys):
    assert main(["claims", SEED, "--format", "sarif"]) == 2
    assert "--format: expected one of table, json" in capsys.readouterr().err


def test_table_lists_a_figure_with_a_thousands_separator_as_text(tmp_path, capsys):
    # tabulate, unless told to read every cell as text, takes '7,000' for a number; wrapping
    # it once crashed with a traceback on 49 of the 1,111 BBC corpus articles.
    article = tmp_path / "article.txt"
    article.write_text("German unemployment rose by 7,000 in November, the labour office said.\n", encoding="utf-8")
    assert main(["claims", str(article)]) == 0
    out = capsys.readouterr().out
    assert "│ quantity │ 1:29       │ 7,000    │ value: 7,000;" in out


def test_a_date_without_a_year_is_shown_without_one_until_a_reference_date_gives_it(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The summit ended in November. Officials met on 3 March.\n", encoding="utf-8")
    assert main(["claims", str(article), "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    values = [c["details"]["value"] for c in claims if c["kind"] == "date"]
    assert values == ["--11-01 to --11-30", "--03-03"]  # no stand-in year shown as if the text said it
    assert main(["claims", str(article), "--format", "json", "--as-of", "2026-11-25"]) == 0
    claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    values = [c["details"]["value"] for c in claims if c["kind"] == "date"]
    assert values == ["2026-11-01 to 2026-11-30", "2027-03-03"]  # the 3 March nearest the reference date
