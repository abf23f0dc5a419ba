"""Statements: sentence -> clause frames (predicate, subject, object, voice, polarity), and
which pairs are a statement and its denial."""

import pytest

from checker.extract.polarity import same_claim

# text, [(predicate, subject, object, voice, negated)] of the statements kept (those whose
# predicate is denied somewhere in the text)
CASES = [
    (
        "The company recalled the model in June. The model was never recalled, the company insists.",
        [("recall", "company", "model", "active", False), ("recall", "model", None, "passive", True)],
    ),
    (
        "The museum did not accept the donated painting.",
        [("accept", "museum", "donate painting", "active", True)],
    ),
    (
        "The firm no longer makes cars. The firm makes cars in Spain.",
        [("make", "firm", "car", "active", True), ("make", "firm", "car", "active", False)],
    ),
    ("The agreement was signed on Monday.", []),  # nothing denied: nothing kept
    ("The hospital is not open.", [("open", "hospital", "open", "active", True)]),
    # a negation of the adjective negates the clause; the adjective keeps all its words
    ("White pleaded not guilty to murder.", [("plead", "white", "murder guilty", "active", True)]),
    ("He was not only the director but also wrote the screenplay.", []),  # 'not only' denies nothing
    # a bound of a number, not a denial
    ("According to two tools, no more than 44 per cent of her fan base consists of real people.", []),
    ("He did not give up the fight.", [("give up", None, "fight", "active", True)]),
    ("No fans will be allowed in the stadium.", [("allow", "fan", None, "passive", True)]),
    # a negation right before an adverb denies the adverb ('not directly'), unless it strengthens it
    ("The lightning was not directly observed.", []),
    ("The firm has not yet recalled the model.", [("recall", "firm", "model", "active", True)]),
    # said not to be known: the clause a negated 'known', 'clear', 'specified' governs
    (
        "It is not known whether the mayor resigned. The mayor resigned in May.",
        [("resign", "mayor", None, "active", True), ("resign", "mayor", None, "active", False)],
    ),
    # an identity: the subject with all its words, and the name (none when it is not given)
    (
        "The author of the novel is not named. The author of the novel is Jane Roe.",
        [("be", "novel author", None, "active", True), ("be", "novel author", "jane roe", "active", False)],
    ),
    (
        "It is not stated who the architect of the bridge was. The architect of the bridge was Anna Berg.",
        [("be", "bridge architect", None, "active", True), ("be", "bridge architect", "anna berg", "active", False)],
    ),
    # a relative pronoun subject stands for the noun its clause describes
    (
        "The town has a harbour that was not built by the Romans. The harbour was built by the Romans.",
        [("build", "harbour", None, "passive", True), ("build", "harbour", None, "passive", False)],
    ),
    # a noun after 'be' keeps the words that narrow it
    (
        "The peak is not a real mountain. The peak is a fictional mountain.",
        [
            ("mountain", "peak", "real mountain", "active", True),
            ("mountain", "peak", "fictional mountain", "active", False),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_statement_frames(claims_of, text, expected):
    _, claims = claims_of(text)
    found = [(s.frame.predicate, s.frame.subject, s.frame.object, s.frame.voice, s.negated) for s in claims.statements]
    assert found == expected


# two sentences, whether their statements say the same thing (polarity aside)
PAIRS = [
    ("The company recalled the model in June.", "The model was never recalled.", True),
    ("The company recalled the model.", "The company never recalled the older model.", True),
    ("The company recalled the new model.", "The company never recalled the older model.", False),
    ("The relief convoy reached the town.", "A second convoy did not reach the town.", False),
    ("The convoy reached Tarvik.", "The convoy did not reach Vastra.", False),
    # a pronoun subject stands for the nearest subject before it that it can name
    ("Rod Stewart won a Grammy.", "He had never won a Grammy.", True),
    ("Rod Stewart won a Grammy.", "The drummer said he had never won a Grammy.", False),  # 'he' is the drummer
    ("Oman opened its airspace to Israeli carriers.", "It did not open its airspace to Israeli carriers.", True),
    # a relative clause on a plural noun picks out some of them ('cafes that are not operating ...')
    (
        "Net cafes operate under a set of strict guidelines.",
        "The state moved against net cafes that are not operating within its strict guidelines.",
        False,
    ),
    ("It was not a commercial success.", "The film was a commercial success.", True),  # it opens the text
    ("White pleaded not guilty to murder.", "He pleaded guilty.", False),  # a guess: the very same words only
    ("In her 2008 campaign, Clinton did not support gay marriage.", "She supported gay marriage.", False),
    (
        "It is a popular destination for tourists visiting the city.",
        "The stadium is not a popular destination for tourists visiting the city.",
        True,  # a pronoun, but the clause says the very same thing
    ),
    ("The army killed the rebels.", "The army did not kill the rebels in Kano.", True),
    ("Portishead will play at the concert.", "Portishead will not play any new material.", False),
    ("Critics said dance music was dead.", "Dance music is not dead.", False),  # then and now
    ("The museum has accepted the painting.", "The museum did not accept the painting.", True),
    ("It is not clear whether the mayor resigned.", "The mayor resigned.", True),
    ("The author of the novel is not named.", "The author of the novel is Jane Roe.", True),
    ("The author of the novel is not named.", "The author of the poem is Jane Roe.", False),
    ("The author of the novel is Jane Roe.", "The author of the novel is not Jane Roe.", True),
    ("The author of the novel is Jane Roe.", "The author of the novel is not John Doe.", False),
    ("The peak is not a real mountain.", "The peak is a fictional mountain.", False),
    ("The film was not a commercial success.", "The film was a success.", True),
    ("White pleaded guilty.", "White pleaded not guilty to murder.", True),
    # a time phrase right after the noun of a prepositional phrase dates that noun, not the clause
    (
        "White pleaded guilty on Thursday to manslaughter.",
        "White pleaded not guilty to manslaughter in the death 35 years ago of a student.",
        True,
    ),
    ("White pleaded guilty on Thursday.", "White pleaded not guilty 35 years ago.", False),
    # ... only when that noun names an event: a place's noun leaves the time to the clause
    (
        "The minister visited the refugee camp in the north last year.",
        "The minister did not visit the refugee camp in the north this year.",
        False,
    ),
    (
        "The army held elections in the region two years ago.",
        "The army did not hold elections in the region last month.",
        False,
    ),
    ("White pleaded guilty to manslaughter.", "White pleaded not guilty to murder.", False),
    (
        "Her time was good enough to qualify for the final.",
        "Her time was not good enough to qualify for Madrid.",
        False,
    ),
]


@pytest.mark.parametrize("first,second,same", PAIRS, ids=[p[1][:40] for p in PAIRS])
def test_which_statements_say_the_same_thing(claims_of, first, second, same):
    _, claims = claims_of(f"{first} {second}")
    by_sentence = {s.sentence: s for s in claims.statements}
    if not same and len(by_sentence) < 2:
        return  # the second clause is not even a statement of the same predicate
    assert same_claim(by_sentence[0], by_sentence[1]) is same


# two affirmed sentences of opposite predicates (the rules' `predicates ... opposite ...`), and
# whether they say the contrary of each other
CONTRARY = [
    ("The government is banning the app on its phones.", "The government is endorsing the app on its phones.", True),
    ("The mayor supports the bypass.", "The mayor opposes the bypass.", True),
    ("The mayor supports the bypass.", "The governor opposes the bypass.", False),  # other parties
    ("The mayor supports the bypass.", "The mayor opposes the new road.", False),
    ("The mayor will approve the budget.", "The mayor will reject the budget.", True),
    ("The mayor approved the budget.", "The mayor will reject the budget.", False),  # two times
    # the past: the contrary only at one time both name; otherwise one may follow the other
    ("The court convicted Smith on Monday.", "The court acquitted Smith on Monday.", True),
    ("The court convicted Smith on Monday.", "The court acquitted Smith on Friday.", False),
    ("The museum opened in 1950.", "The museum has closed.", False),
    ("The council approved the plan.", "The council rejected the plan.", False),
    ("The shop opens at nine.", "The shop closes at five.", False),  # said with other phrases
    # an opposite said of other things: a word on one side only, wherever the parse hangs it
    ("TikTok is banned on government phones.", "TikTok is allowed on personal phones.", False),
    ("The new law bans smoking in pubs.", "The new law allows smoking in private homes.", False),
    ("The council supports the plan for the north.", "The council opposes the plan for the south.", False),
    ("The council did not approve the plan on Monday.", "The council rejected the plan on Monday.", False),
    ("The government is banning the app.", "The government is banning the game.", False),  # one predicate
]


@pytest.mark.parametrize("first,second,expected", CONTRARY, ids=[c[1][:40] for c in CONTRARY])
def test_which_statements_of_opposite_predicates_say_the_contrary(claims_of, vocab, first, second, expected):
    from checker.extract.polarity import contrary

    _, claims = claims_of(f"{first} {second}")
    by_sentence = {s.sentence: s for s in claims.statements if s.frame.predicate != "do"}
    found = len(by_sentence) == 2 and contrary(by_sentence[0], by_sentence[1], vocab)
    assert found is expected


def test_the_written_forms_of_opposite_predicates_name_their_class(analyzer, vocab):
    """Read off the lemmatizer's tables (Analyzer.forms): regular and irregular forms, a phrase by
    its first word; a predicate class without an opposite is not looked for."""
    from checker.extract import _contrary_forms

    forms = _contrary_forms(vocab, analyzer)
    lemmas = {
        "banning": "ban",
        "banned": "ban",
        "endorsed": "endorse",
        "won": "win",
        "lost": "lose",
        "shut": "shut down",
    }
    assert {form: forms.get(form) for form in lemmas} == {
        f: vocab.predicate_class(lemma) for f, lemma in lemmas.items()
    }
    assert "banana" not in forms and "killed" not in forms


@pytest.mark.parametrize(
    "text,chosen",
    [
        # no value, no negation: parsed as two sides of opposite predicates sharing two words
        ("The government is banning the app. The weather was mild. The government is endorsing the app.", [0, 2]),
        ("The government is banning the app. The weather was mild. The council is endorsing a candidate.", []),
        ("The government is banning the app. The weather was mild. The government is buying the app.", []),
    ],
)
def test_sentences_of_opposite_predicates_sharing_words_are_parsed(analyzer, vocab, text, chosen):
    from checker import readers
    from checker.extract import _contrary_forms, worth_parsing
    from checker.segment import sentences

    document = readers.from_text(text)
    found, _ = worth_parsing(
        document, sentences(document.prose, vocab.abbreviations), vocab, contrary_forms=_contrary_forms(vocab, analyzer)
    )
    assert [s.index for s in found] == chosen


def test_what_says_a_clause_is_unknown_is_located(claims_of):
    document, claims = claims_of("It is still not entirely clear whether the mayor resigned. The mayor resigned.")
    unknown = next(s for s in claims.statements if s.unknown)
    assert document.prose[unknown.negation.start : unknown.negation.end] == "not entirely clear"


@pytest.mark.parametrize(
    "text,unknown",
    [
        ("It is not known whether the bridge collapsed. The bridge collapsed in May.", True),
        ("It is not known who the author of the novel was. The author of the novel was Jane Roe.", True),
        # 'know that' takes what follows as true: nothing is said to be unknown
        ("Smith did not know that the bridge had collapsed. The bridge had collapsed in May.", False),
        ("The mayor did not confirm that the bridge had collapsed. The bridge had collapsed in May.", False),
    ],
)
def test_only_a_question_is_said_not_to_be_known(claims_of, text, unknown):
    _, claims = claims_of(text)
    assert any(s.unknown for s in claims.statements) is unknown


def test_the_denial_is_located(claims_of):
    document, claims = claims_of("The museum never accepted the donated painting.")
    (statement,) = claims.statements
    assert document.prose[statement.negation.start : statement.negation.end] == "never"


# text, what each kept statement's pronoun subject stands for (None: no pronoun, or none found)
REFERENTS = [
    (
        "Oman is opening its airspace to Israeli carriers. It is not opening its airspace to Israeli carriers.",
        [None, "oman"],
    ),
    # an 'it' holding the place of a clause stands for nothing
    (
        "Oman did not open its airspace to carriers. It is not clear whether it opened its airspace to carriers.",
        [None, "oman"],
    ),
    ("They did not win the league cup. The players won the league cup.", ["player", None]),  # none before: after
    ("Rod Stewart won a Grammy award. The drummer said he had never won a Grammy award.", [None, "drummer"]),
]


@pytest.mark.parametrize("text,expected", REFERENTS, ids=[r[0][:50] for r in REFERENTS])
def test_what_a_pronoun_subject_stands_for(claims_of, text, expected):
    _, claims = claims_of(text)
    assert [s.referent for s in claims.statements] == expected


def _with_words(vocab, **lists):
    from dataclasses import replace

    from checker.extract.vocab import CompiledVocabulary

    vocabulary = vocab.ruleset.vocabulary
    words = {**vocabulary.words, **{name.replace("_", "-"): frozenset(w) for name, w in lists.items()}}
    return CompiledVocabulary.build(replace(vocab.ruleset, vocabulary=replace(vocabulary, words=words)))


@pytest.mark.parametrize(
    "lists,unknown",
    [
        ({}, True),
        # the question is read from the rules' `question-words`, not from `conditional`
        ({"conditional": {"if", "unless"}}, True),
        ({"question_words": {"if"}}, False),
        # a rule set from before `question-words` existed: 'whether' in `conditional` still asks
        ({"question_words": set()}, True),
    ],
)
def test_a_yes_no_question_is_opened_by_the_rules_question_words(analyzer, vocab, lists, unknown):
    from checker import readers
    from checker.extract import extract
    from checker.segment import sentences

    changed = _with_words(vocab, **lists)
    document = readers.from_text("It is not known whether the bridge collapsed. The bridge collapsed in May.")
    claims = extract(document, sentences(document.prose, changed.abbreviations), changed, analyzer)
    assert any(s.unknown for s in claims.statements) is unknown


def test_a_negation_written_with_a_curly_apostrophe_in_a_rule_file_selects_its_sentence(tmp_path):
    """The text's curly apostrophes are straightened before the negation words are looked for
    inside other words ('ain’t'); the rules' own are straightened as they are loaded
    (rulelang.resolve reads each word with text.phrase_words), so a file that writes "ain’t"
    finds the sentence, written either way."""
    from checker import readers
    from checker.extract import worth_parsing
    from checker.extract.vocab import CompiledVocabulary
    from checker.rulelang.load import load_rules
    from checker.segment import sentences

    path = tmp_path / "curly.rules"
    path.write_text('words negation "ain’t"\n', encoding="utf-8")
    vocab = CompiledVocabulary.build(load_rules([path], cache=False))
    for text in ("The cat ain’t hungry.", "The cat ain't hungry."):
        document = readers.from_text(text)
        chosen, _ = worth_parsing(document, sentences(document.prose, vocab.abbreviations), vocab)
        assert len(chosen) == 1, text
