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
    ("The hospital is not open.", [("open", "hospital", None, "active", True)]),
    ("He did not give up the fight.", [("give up", None, "fight", "active", True)]),
    ("No fans will be allowed in the stadium.", [("allow", "fan", None, "passive", True)]),
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
    ("Rod Stewart won a Grammy.", "He had never won a Grammy.", False),  # who 'he' is, the parse cannot say
    (
        "It is a popular destination for tourists visiting the city.",
        "The stadium is not a popular destination for tourists visiting the city.",
        True,  # a pronoun, but the clause says the very same thing
    ),
    ("The army killed the rebels.", "The army did not kill the rebels in Kano.", True),
    ("Portishead will play at the concert.", "Portishead will not play any new material.", False),
    ("Critics said dance music was dead.", "Dance music is not dead.", False),  # then and now
    ("The museum has accepted the painting.", "The museum did not accept the painting.", True),
]


@pytest.mark.parametrize("first,second,same", PAIRS, ids=[p[1][:40] for p in PAIRS])
def test_which_statements_say_the_same_thing(claims_of, first, second, same):
    _, claims = claims_of(f"{first} {second}")
    by_sentence = {s.sentence: s for s in claims.statements}
    if not same and len(by_sentence) < 2:
        return  # the second clause is not even a statement of the same predicate
    assert same_claim(by_sentence[0], by_sentence[1]) is same


def test_the_denial_is_located(claims_of):
    document, claims = claims_of("The museum never accepted the donated painting.")
    (statement,) = claims.statements
    assert document.prose[statement.negation.start : statement.negation.end] == "never"
