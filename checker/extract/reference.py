"""Whom a pronoun subject stands for: 'Oman is opening its airspace. It did not ...' makes 'it'
Oman, so that a clause of the pronoun and one of the name can be compared.

A third-person pronoun subject stands for the nearest subject before it, in its sentence or an
earlier one, that it can name: one of the same number, and for 'he' and 'she' not an entity
other than a person, for 'it' not a person (a noun or unlabelled name may be either). A
pronoun that opens the text, with no such subject before it, stands for the first one after it:
a text that starts 'It was not a success' goes on to say what it is. Who the pronoun is, is
read from the parse's morphology (number, gender), never from a list of words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract.frames import head_term

if TYPE_CHECKING:
    from collections.abc import Sequence

    from checker.analysis import Parse, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PERSONAL = frozenset({"masc", "fem"})
# An 'it' whose clause goes on in a clause of its own is a placeholder for it: 'it is not clear
# whether ...', 'it is not possible to ...'.
_EXTRAPOSED = frozenset({"ccomp", "xcomp", "csubj"})


@dataclass(frozen=True, slots=True)
class _Mention:
    """A clause's subject in reading order: what it names (term; None for a pronoun), its
    number, and whether it is a person (True), not one (False), or not known (None)."""

    sentence: int
    at: int
    term: str | None
    number: str | None
    person: bool | None
    pronoun: bool


def referents(parses: Sequence[Parse]) -> dict[int, dict[int, str]]:
    """For each sentence (by index), its pronoun subjects (by token) and the term each stands for."""
    mentions = [m for parse in parses for m in _mentions(parse)]
    found: dict[int, dict[int, str]] = {}
    resolved: dict[tuple[int, int], str] = {}
    for n, mention in enumerate(mentions):
        if not mention.pronoun:
            continue
        before = (_named(m, resolved) for m in reversed(mentions[:n]) if _fits(mention, m))
        term = next((t for t in before if t is not None), None)
        if term is None:
            term = next((m.term for m in mentions[n + 1 :] if not m.pronoun and _fits(mention, m)), None)
        if term is not None:
            resolved[(mention.sentence, mention.at)] = term
            found.setdefault(mention.sentence, {})[mention.at] = term
    return found


def _named(mention: _Mention, resolved: dict[tuple[int, int], str]) -> str | None:
    return resolved.get((mention.sentence, mention.at)) if mention.pronoun else mention.term


def _fits(pronoun: _Mention, candidate: _Mention) -> bool:
    """Whether the pronoun can name what the candidate names: the same number, and a person
    only for a personal pronoun ('he', 'she'), and one that is not for 'it'."""
    if candidate.number != pronoun.number:
        return False
    if candidate.pronoun:
        return candidate.person == pronoun.person
    return pronoun.person is None or candidate.person is None or candidate.person == pronoun.person


def _mentions(parse: Parse) -> list[_Mention]:
    found = []
    for token in parse.tokens:
        if token.dep not in _SUBJECTS:
            continue
        if token.pos == "PRON":
            mention = _pronoun(parse, token)
            if mention is not None:
                found.append(mention)
        elif token.pos in ("NOUN", "PROPN"):
            entity = parse.entity_at(token.i)
            # only an entity says whether it is a person: a noun ('the minister', 'the plan') or an
            # unlabelled name may be either
            person = entity.label == "PERSON" if entity is not None else None
            term = head_term(parse, token)
            if term is not None:
                found.append(_Mention(parse.index, token.i, term, token.morph.number, person, False))
    return found


def _pronoun(parse: Parse, token: Token) -> _Mention | None:
    """A third-person pronoun subject ('he', 'it', 'they'), unless it holds the place of a clause."""
    morph = token.morph
    if morph.person != "3" or morph.possessive or morph.number is None:
        return None
    if morph.number == "plur":
        person = None
    elif morph.gender in _PERSONAL:
        person = True
    elif morph.gender == "neut":
        if any(parse.tokens[k].dep in _EXTRAPOSED for k in parse.children[token.head]):
            return None
        person = False
    else:
        return None
    return _Mention(parse.index, token.i, None, morph.number, person, True)
