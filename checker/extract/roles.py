"""People, or descriptions standing for them, presented as holding a role:
'Ukrainian representatives, led by Rustem Umerov', 'Vladimir Medinsky, the Kremlin aide,'."""

from __future__ import annotations

from checker.extract.vocab import CompiledVocabulary
from checker.model import RoleMention, Span, Speaker
from checker.text import Token

_MAX_GROUP = 6  # words of the group before "led by"
_MAX_HOLDER = 10  # words of a description after "led by the ..."
_MAX_APPOSITIVE = 8
_PHRASE_ENDS = frozenset({",", ".", ";", ":", "—", "–", "(", ")", '"', "“", "”", "!", "?"})


def role_mentions(
    tokens: list[Token], sentence: int, speaker: Speaker | None, vocab: CompiledVocabulary
) -> list[RoleMention]:
    found = [*_cued_roles(tokens, sentence, speaker, vocab), *_appositive_roles(tokens, sentence, speaker, vocab)]
    found.sort(key=lambda m: m.span.start)
    return found


def _cued_roles(tokens, sentence, speaker, vocab: CompiledVocabulary):
    for match in vocab.scan(tokens)["role-cues"]:
        holder = _holder_after(tokens, match.end, vocab)
        group = _group_before(tokens, match.start, vocab)
        if not holder or not group:
            continue
        means = str(match.label)
        group_words = [t.lower for t in tokens[group[0] : group[1]]]
        role = f"{means} {' '.join(t.text for t in tokens[group[0] : group[1]])}"
        yield RoleMention(
            span=Span(tokens[group[0]].start, tokens[holder[1] - 1].end),
            sentence=sentence,
            holder=_text(tokens, *holder),
            holder_span=Span(tokens[holder[0]].start, tokens[holder[1] - 1].end),
            role=role,
            role_words=vocab.phrase_content(means) | vocab.content_words(group_words),
            speaker=speaker,
        )


def _appositive_roles(tokens, sentence, speaker, vocab: CompiledVocabulary):
    """'Name Surname, the role of something,' (a name of two words, or a known alias)."""
    for i, token in enumerate(tokens):
        if token.lower != "," or i == 0:
            continue
        name = _name_ending(tokens, i)
        if not name:
            continue
        known = vocab.entity_aliases.find(tokens[name[0] : name[1]])
        if name[1] - name[0] < 2 and not known:
            continue
        start = i + 1
        article = tokens[start].lower if start < len(tokens) else ""
        if article in ("the", "a", "an"):
            start += 1
        end = start
        while end < len(tokens) and tokens[end].lower not in _PHRASE_ENDS and end - start < _MAX_APPOSITIVE:
            end += 1
        if end == start or end >= len(tokens) or tokens[end].lower not in _PHRASE_ENDS:
            continue
        if not tokens[start].is_word or (tokens[start].is_capitalised and not tokens[end - 1].text.islower()):
            continue  # "Smith, John" or a list of names, not a role
        if any(m.start == 0 for m in vocab.role_cues.find(tokens[start:end])):
            continue  # "Upper Marsh, led by Greta Lind": a cued role, read by _cued_roles
        words = [t.lower for t in tokens[start:end]]
        former = vocab.word_list("former")
        yield RoleMention(
            span=Span(tokens[name[0]].start, tokens[end - 1].end),
            sentence=sentence,
            holder=_text(tokens, *name),
            holder_span=Span(tokens[name[0]].start, tokens[name[1] - 1].end),
            role=_text(tokens, start, end),
            role_words=vocab.content_words(w for w in words if w not in former),
            speaker=speaker,
            unique=article not in ("a", "an"),
            former=any(w in former for w in words),
        )


def _holder_after(tokens: list[Token], at: int, vocab: CompiledVocabulary) -> tuple[int, int] | None:
    if at >= len(tokens) or not tokens[at].is_word:
        return None
    if tokens[at].is_capitalised and tokens[at].lower not in vocab.stopwords:
        end = at
        while (
            end < len(tokens)
            and tokens[end].is_word
            and (
                tokens[end].is_capitalised
                or (
                    tokens[end].lower in vocab.word_list("name-joiners")
                    and end + 1 < len(tokens)
                    and tokens[end + 1].is_capitalised
                )
            )
        ):
            end += 1
        return at, end
    end = at
    while end < len(tokens) and tokens[end].lower not in _PHRASE_ENDS and end - at < _MAX_HOLDER:
        end += 1
    start = at
    while start < end and tokens[start].lower in vocab.stopwords:
        start += 1
    return (start, end) if end > start else None


def _group_before(tokens: list[Token], at: int, vocab: CompiledVocabulary) -> tuple[int, int] | None:
    end = at
    if end > 0 and tokens[end - 1].lower == ",":
        end -= 1
    start = end
    while start > 0 and tokens[start - 1].is_word and end - start < _MAX_GROUP:
        word = tokens[start - 1].lower
        # 'the regional council of Upper Marsh': 'of' joins the phrase, other
        # function words end it ('Later the delegation' starts after 'the').
        if word in vocab.stopwords and not (word == "of" and start > 1 and tokens[start - 2].is_word):
            break
        start -= 1
    while start < end and tokens[start].lower in vocab.stopwords:
        start += 1
    return (start, end) if end > start else None


def _name_ending(tokens: list[Token], end: int) -> tuple[int, int] | None:
    start = end
    while start > 0 and tokens[start - 1].is_word and tokens[start - 1].is_capitalised and end - start < 4:
        start -= 1
    return (start, end) if start < end else None


def _text(tokens: list[Token], start: int, end: int) -> str:
    return " ".join(t.text for t in tokens[start:end])
