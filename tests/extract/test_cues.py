"""Vocabulary phrases found by lemma: each covers its inflections, adverbs may stand between
its words, a `*` stands for a word, a negation never fills a gap, and rule-file names match as
written."""

import pytest

from checker.analysis import Phrase

# phrase, sentence, the words it must find there (None: not found)
CASES = [
    ("be under way", "The summit is currently under way.", "is currently under way"),
    ("be under way", "The talks were under way by noon.", "were under way"),
    ("get ready for", "Delegates were getting ready for the vote.", "getting ready for"),
    ("get ready for", "The team gets ready for the final.", "gets ready for"),
    ("conclude", "The round has now officially concluded.", "concluded"),
    ("has * concluded", "The round has now officially concluded.", "has now officially concluded"),
    ("has * concluded", "The round has not concluded.", None),
    ("be under way", "The summit is not under way.", None),
    ("wrap up", "They were wrapping up the session.", "wrapping up"),
    ("say", "Officials said the talks ended.", "said"),
    ("according to", "According to officials, the talks ended.", "According to"),
    ("lead by", "The delegation, led by Rustem Umerov, arrived.", "led by"),
]


@pytest.mark.parametrize("phrase,text,expected", CASES, ids=[f"{c[0]} / {c[1][:30]}" for c in CASES])
def test_a_phrase_covers_its_inflections(analyzer, phrase, text, expected):
    parse = analyzer.parse_text(text, [Phrase("cue", phrase, "label")], barred={"not", "never"})
    found = [parse.text(c.start, c.end) for c in parse.cues]
    longest = max(found, key=len) if found else None
    assert longest == expected


def test_names_match_as_written_and_not_by_lemma(analyzer):
    phrases = [Phrase("alias", "Geneva talks", "geneva", exact=True)]
    assert [c.label for c in analyzer.parse_text("The Geneva talks ended.", phrases).cues] == ["geneva"]
    assert analyzer.parse_text("The Geneva talk ended.", phrases).cues == ()


def test_rule_files_of_the_earlier_language_keep_working(tmp_path):
    # inflected cues with `*` wildcards, as rule files were written before cues matched lemmas
    from checker.api import audit_text

    rules = tmp_path / "old.rules"
    rules.write_text(
        'status concluded {\n  after "has * wound up", "was wound up"\n}\n'
        'status upcoming {\n  before "are readying for", "is readying for"\n}\n',
        encoding="utf-8",
    )
    text = "The fifth round has now officially wound up. Delegates are busily readying for the fifth round."
    (finding,) = audit_text(text, rules=[rules]).documents[0].findings
    assert finding.code == "CC101"
