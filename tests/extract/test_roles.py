"""Roles: sentence -> who is said to hold which role, named or described."""

import pytest

# text, [(holder, role, role words, named, unique, former, head)]
CASES = [
    (
        "Ukrainian representatives, led by Rustem Umerov, arrived in Istanbul.",
        [
            (
                "Rustem Umerov",
                "head of Ukrainian representatives",
                {"head", "ukrainian", "delegation"},
                True,
                True,
                False,
                "head",
            )
        ],
    ),
    (
        "Later the delegation, led by the secretary of the security council, met the mediators.",
        [
            (
                "secretary of the security council",
                "head of delegation",
                {"head", "delegation"},
                False,
                True,
                False,
                "head",
            )
        ],
    ),
    (
        "Anna Berg, the defence minister, spoke first.",
        [("Anna Berg", "defence minister", {"defence", "minister"}, True, True, False, "minister")],
    ),
    (
        "John Smith, a spokesman for the company, declined to comment.",
        [("John Smith", "spokesman for the company", {"spokesman", "company"}, True, False, False, "spokesman")],
    ),
    (
        "Anna Berg, the former defence minister, spoke first.",
        [("Anna Berg", "former defence minister", {"defence", "minister"}, True, True, True, "minister")],
    ),
    ("The minister spoke first, and the aide left.", []),
    # a copula gives a role named with 'the' to a name, either way round
    (
        "The producer of The Lantern is Nina Maro.",
        [("Nina Maro", "producer of The Lantern", {"producer", "lantern"}, True, True, False, "producer")],
    ),
    (
        "Nina Maro was the producer of The Lantern.",
        [("Nina Maro", "producer of The Lantern", {"producer", "lantern"}, True, True, False, "producer")],
    ),
    (
        'The composer of "The Gentleman in Black" was Frederic Clay.',
        [
            (
                "Frederic Clay",
                'composer of "The Gentleman in Black"',
                {"composer", "gentleman", "black"},
                True,
                True,
                False,
                "composer",
            )
        ],
    ),
    # a description set off by a comma inside the role says what its noun is, not which role
    (
        "The director of Ryan, a short film made by the government, was John Valadez.",
        [("John Valadez", "director of Ryan", {"director", "ryan"}, True, True, False, "director")],
    ),
    # not one of several holders, nor a denied one, nor one held at a time, nor a plural role
    ("The producers of The Lantern were Nina Maro and Rudy Rice.", []),
    ("The producer of The Lantern was Nina Maro and Rudy Rice.", []),
    ("The producer of The Lantern is not Nina Maro.", []),
    ("In 2001 the president of the club was Anna Berg.", []),
    ("A producer of The Lantern is Nina Maro.", []),
    # a title of the rules' `titles` before a name, with what it belongs to
    (
        "Daily Courier editor Martin Hale paid tribute.",
        [("Martin Hale", "Daily Courier editor", {"daily", "courier", "editor"}, True, True, False, "editor")],
    ),
    (
        "Sweden's foreign minister Johan Gustavsen was freed.",
        [
            (
                "Johan Gustavsen",
                "Sweden's foreign minister",
                {"swedish", "foreign", "minister"},
                True,
                True,
                False,
                "minister",
            )
        ],
    ),
    (
        "Hungary's foreign minister, Peter Szijjarto, said no.",
        [
            (
                "Peter Szijjarto",
                "Hungary's foreign minister",
                {"hungarian", "foreign", "minister"},
                True,
                True,
                False,
                "minister",
            )
        ],
    ),
    (
        "Sweden's former Foreign Minister Carl Brandt tweeted.",
        [
            (
                "Carl Brandt",
                "Sweden's former Foreign Minister",
                {"swedish", "foreign", "minister"},
                True,
                True,
                True,
                "minister",
            )
        ],
    ),
    (  # a country's adjective is its name (the rules' synonyms)
        "Swedish foreign minister Margit Wallin spoke.",
        [
            (
                "Margit Wallin",
                "Swedish foreign minister",
                {"swedish", "foreign", "minister"},
                True,
                True,
                False,
                "minister",
            )
        ],
    ),
    ("Foreign Minister Sergei Lavrov spoke.", []),  # whose foreign minister: not said
    ("Her campaign manager Anna Berg spoke.", []),  # a pronoun's: one per owner
    ("Labour MP Iain Wright chairs the committee.", []),  # not a title of one holder
    ("Foreign ministers Anna Berg and John Smith met.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_role_mentions(claims_of, text, expected):
    _, claims = claims_of(text)
    found = [(m.holder, m.role, set(m.role_words), m.named, m.unique, m.former, m.head) for m in claims.roles]
    assert found == expected


def test_a_plural_in_apposition_is_no_role(claims_of):
    """The parser may hang a plural on the name ('... in the field of blockchain and
    decentralized systems'): a plural describes no one person's role."""
    _, claims = claims_of(
        "* Dr. Anna Kowalska, a leading researcher and developer in the field of blockchain and decentralized systems"
    )
    assert "systems" not in {m.role.split()[-1] for m in claims.roles}


def test_a_copula_records_its_tense(claims_of):
    _, claims = claims_of("The chief executive of Acme is Anna Berg. The chief executive of Acme was Tim Lind.")
    assert [m.tense for m in claims.roles] == ["pres", "past"]


def test_a_role_points_at_its_words(claims_of):
    document, claims = claims_of("Anna Berg, the defence minister, spoke first.")
    (mention,) = claims.roles
    assert document.prose[mention.holder_span.start : mention.holder_span.end] == "Anna Berg"
    assert document.prose[mention.span.start : mention.span.end] == "Anna Berg, the defence minister"
