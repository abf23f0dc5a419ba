"""When two anchored claims speak of the same thing: their frames align.

Two values are compared only when the parse ties them to the same predicate (a shared lemma:
'31 miners were trapped' and 'all 27 trapped miners'), to compatible subjects and objects
(the same entity or noun, or a pronoun that may stand for it), and to compatible scopes: the
same phrases where both have one ('in the northern group' is not 'in the southern group'),
the same places and times, and the same count-scope words ('in total', 'so far').
"""

from __future__ import annotations

from checker.model import Anchor


def same_predicate(a: Anchor, b: Anchor) -> bool:
    return bool(a.predicates & b.predicates)


def same_party(x: str | None, x_kind: str | None, y: str | None, y_kind: str | None, *, lenient: bool) -> bool:
    """Two subjects (or objects) that may be one: equal, or a name and a name that holds it
    ('Klagenfurt', 'EC KAC Klagenfurt'). `lenient` lets a pronoun stand for any other party
    ('It was built in 1895' beside 'The house was built in 1885'); otherwise two pronouns,
    two names or two nouns that differ are two parties."""
    if x is None or y is None or x == y:
        return True
    if lenient and "pronoun" in (x_kind, y_kind) and x_kind != y_kind:
        return True
    if x_kind == "name" and y_kind == "name":
        words_x, words_y = set(x.split()), set(y.split())
        return words_x <= words_y or words_y <= words_x
    return False


def same_subjects(a: Anchor, b: Anchor, *, lenient: bool) -> bool:
    """Subjects that may be one; a noun may also stand for a name it heads ('the museum' for
    'the Kessel Maritime Museum', 'the party' for 'the Ecologist Party for ...')."""
    if {a.subject_kind, b.subject_kind} == {"name", "noun"}:
        return a.subject_head == b.subject_head
    # a pronoun stands only for a party of its number: 'they' is not 'Henman'
    agree = a.subject_number is None or b.subject_number is None or a.subject_number == b.subject_number
    return same_party(a.subject, a.subject_kind, b.subject, b.subject_kind, lenient=lenient and agree)


def same_parties(a: Anchor, b: Anchor, *, subject_needed: bool = False, lenient: bool = False) -> bool:
    if subject_needed and (a.subject is None or b.subject is None):
        return False
    return (
        same_subjects(a, b, lenient=lenient)
        and (
            a.subject_kind != "noun" or b.subject_kind != "noun" or narrowing(a.subject_modifiers, b.subject_modifiers)
        )
        and same_party(a.object, None, b.object, None, lenient=False)
    )


def narrowing(x: frozenset[str], y: frozenset[str]) -> bool:
    """Modifiers that may describe one thing: one set holds the other ('the number of people'
    and 'the number of people online'; not 'the northern group' and 'the southern group'), as
    do the words of one role said more fully ('foreign minister', 'Russian foreign minister')."""
    return x <= y or y <= x


def same_scope(a: Anchor, b: Anchor, *, dated: bool = False) -> bool:
    """Where both name a phrase of one kind ('in ... group'), its words agree, and the
    count-scope words are the same. For a quantity, the places and times said with it agree,
    and one said with one value and not the other narrows it to another event. A date is its
    own time, and one event keeps its date wherever the text says it happened ('born in
    Vienna', 'born in Wrocław' is one birth): `dated` leaves places and times out."""
    if a.scope_words != b.scope_words:
        return False
    if not dated and not _same_names(a, b):
        return False
    nouns_a = {prep: noun for prep, noun, _ in a.qualifiers}
    keyed_a = {(prep, noun): words for prep, noun, words in a.qualifiers}
    for prep, noun, words in b.qualifiers:
        if prep and nouns_a.get(prep, noun) != noun:
            return False  # 'turned into a movie', 'turned into a film': two things
        other = keyed_a.get((prep, noun))
        if other is not None and not narrowing(other, words):
            return False
    return True


def _same_names(a: Anchor, b: Anchor) -> bool:
    """Times that may be one (the same, one within the other's, or one side saying none: a
    count said without a time is vaguer, not another count), and the same places,
    organisations and people after each preposition (a place said with one count and not the
    other narrows it: 'employs 300 in the UK' is not 'employs 500')."""
    if a.time and b.time and not a.time & b.time:
        return False
    if bool(a.place) != bool(b.place):
        return False
    for link in {prep for prep, _ in a.place} & {prep for prep, _ in b.place}:
        if not {n for p, n in a.place if p == link} & {n for p, n in b.place if p == link}:
            return False  # 'in London', 'in Paris': two events
    return True
