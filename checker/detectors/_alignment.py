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
    words_x, words_y = x.split(), y.split()
    if x_kind == "name" and y_kind == "name":
        return set(words_x) <= set(words_y) or set(words_y) <= set(words_x)
    if {x_kind, y_kind} == {"name", "noun"}:
        return words_x[-1] == words_y[-1]  # 'the museum' for 'the Kessel Maritime Museum'
    return False


def same_parties(a: Anchor, b: Anchor, *, subject_needed: bool = False, lenient: bool = False) -> bool:
    if subject_needed and (a.subject is None or b.subject is None):
        return False
    return (
        same_party(a.subject, a.subject_kind, b.subject, b.subject_kind, lenient=lenient)
        and _narrowing(a.subject_modifiers, b.subject_modifiers)
        and same_party(a.object, None, b.object, None, lenient=False)
    )


def _narrowing(x: frozenset[str], y: frozenset[str]) -> bool:
    """Modifiers that may describe one thing: one set holds the other ('the number of people'
    and 'the number of people online'; not 'the northern group' and 'the southern group')."""
    return x <= y or y <= x


def same_scope(a: Anchor, b: Anchor, *, places_narrow: bool = True, times: bool = True) -> bool:
    """Where both name a phrase of one kind ('in ... group'), its words agree; places (and
    times) differ nowhere both name one; the count-scope words are the same. With
    `places_narrow`, a place or a time said with one value and not the other narrows it to
    another event; `times` False leaves times out (a date is its own time)."""
    if a.scope_words != b.scope_words:
        return False
    if times and not _compatible(a.time, b.time, places_narrow):
        return False
    if places_narrow and bool(a.place) != bool(b.place):
        return False
    for link in {prep for prep, _ in a.place} & {prep for prep, _ in b.place}:
        if not {n for p, n in a.place if p == link} & {n for p, n in b.place if p == link}:
            return False  # 'born in Vienna', 'born in Wrocław'

    nouns_a = {prep: noun for prep, noun, _ in a.qualifiers}
    keyed_a = {(prep, noun): words for prep, noun, words in a.qualifiers}
    for prep, noun, words in b.qualifiers:
        if prep and nouns_a.get(prep, noun) != noun:
            return False  # 'turned into a movie', 'turned into a film': two things
        other = keyed_a.get((prep, noun))
        if other is not None and not _narrowing(other, words):
            return False
    return True


def _compatible(x: frozenset[str], y: frozenset[str], one_sided_narrows: bool) -> bool:
    if x == y:
        return True
    if not x or not y:
        return not one_sided_narrows
    return bool(x & y)
