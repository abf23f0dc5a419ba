"""People, or descriptions standing for them, presented as holding a role, read from the
parse: a role cue on a group ('Ukrainian representatives, led by Rustem Umerov': the agent
of 'led' heads the representatives) and appositives ('Vladimir Medinsky, the Kremlin aide,')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.vocab import CompiledVocabulary
from checker.model import RoleMention, Speaker

if TYPE_CHECKING:
    from checker.analysis import Parse, Token

_NAMES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TRIM = frozenset({"det", "punct", "cc", "case"})
_LEFT = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case"})


def role_mentions(parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary) -> list[RoleMention]:
    found = [
        *_cued_roles(parse, speaker, vocab),
        *_appositive_roles(parse, speaker, vocab),
        *_copular_roles(parse, speaker, vocab),
        *_title_roles(parse, speaker, vocab),
    ]
    found.sort(key=lambda m: m.span.start)
    return found


def _cued_roles(parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary):
    tokens = parse.tokens
    for cue in parse.found("role-cues"):
        verb = cue.start
        group = tokens[verb].head if tokens[verb].dep in ("acl", "relcl", "advcl") else None
        holder = _holder_in(parse, cue.end - 1, cue.end)
        if group is None or group == verb or holder is None or tokens[group].pos not in ("NOUN", "PROPN"):
            continue
        g_start, g_end = _phrase(parse, group, stop=verb)
        h_start, h_end = holder
        means = str(cue.label)
        role = f"{means} {parse.text(g_start, g_end)}"
        yield RoleMention(
            span=parse.span(g_start, h_end),
            sentence=parse.index,
            holder=parse.text(h_start, h_end),
            holder_span=parse.span(h_start, h_end),
            role=role,
            role_words=vocab.phrase_content(means) | content_lemmas(tokens[g_start:g_end], vocab),
            speaker=speaker,
            named=_is_name(parse, h_start, h_end),
            head=means.split()[0].lower(),
        )


def _holder_in(parse: Parse, last: int, after: int) -> tuple[int, int] | None:
    """The holder after a cue ('led by Rustem Umerov', 'led by the Secretary of ...'): the
    object of the cue's last word, as a name or a description."""
    tokens = parse.tokens
    objects = [k for k in parse.children[last] if tokens[k].dep == "pobj"]
    if not objects:
        objects = [k for k in range(after, len(tokens)) if tokens[k].head == last and tokens[k].pos != "PUNCT"]
    if not objects:
        return None
    return _phrase(parse, objects[0])


def _appositive_roles(parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary):
    """'Name Surname, the role of something,': a named head with an appositive noun phrase."""
    tokens = parse.tokens
    for token in tokens:
        if token.dep != "appos" or token.pos not in ("NOUN",) or token.morph.number == "plur":
            continue  # a plural ('decentralized systems') describes no one person's role
        name = tokens[token.head]
        n_start, n_end = _name_range(parse, name)
        known = any(c.start <= n_start and n_end <= c.end for c in parse.found("entity-aliases"))
        if not known and (n_end - n_start < 2 or not _is_name(parse, n_start, n_end)):
            continue
        if any(c.start > name.i and c.start <= token.i for c in parse.found("role-cues")):
            continue  # "Upper Marsh, led by Greta Lind": a cued role
        r_start, r_end = _phrase(parse, token.i)
        article = next((tokens[k] for k in parse.children[token.i] if tokens[k].dep == "det"), None)
        unique = (article is None or article.morph.definite != "ind") and _one_holder(token.lemma, vocab)
        yield _named_role(parse, speaker, vocab, (n_start, n_end), (r_start, r_end), token.lemma, unique)


def _copular_roles(parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary):
    """'The producer of The Lantern is Nina Maro', 'Nina Maro is the producer of The Lantern': a copula
    of the rules' `role-copulas` ('is', 'was') joining a name to a role named with 'the' says
    who holds it. Not when the copula is denied or has an auxiliary ('will be', 'has been'),
    or the clause is dated ('The president in 2001 was ...': one holder of many), or
    the name is one of several ('were A and B')."""
    tokens = parse.tokens
    copulas = vocab.word_list("role-copulas")
    for verb in tokens:
        if verb.lower not in copulas or verb.pos != "AUX":
            continue
        children = parse.children[verb.i]
        # 'will be', 'has been': a role to come, or one held over a time, may have others
        if any(tokens[k].dep in ("neg", "aux", "auxpass") for k in children):
            continue
        subjects = [k for k in children if tokens[k].dep == "nsubj"]
        complements = [k for k in children if tokens[k].dep == "attr"]
        if len(subjects) != 1 or len(complements) != 1:
            continue
        pair = _role_and_name(parse, subjects[0], complements[0])
        if pair is None:
            continue
        role_head, name = pair
        r_start, r_end = _phrase(parse, role_head)
        n_start, n_end = _name_range(parse, tokens[name])
        if _dated_outside(parse, verb.i, (r_start, r_end), (n_start, n_end)):
            continue
        head = tokens[role_head].lemma
        yield _named_role(
            parse, speaker, vocab, (n_start, n_end), (r_start, r_end), head, _one_holder(head, vocab), verb.morph.tense
        )


def _named_role(
    parse: Parse,
    speaker: Speaker | None,
    vocab: CompiledVocabulary,
    name: tuple[int, int],
    role: tuple[int, int],
    head: str,
    unique: bool,
    tense: str | None = None,
) -> RoleMention:
    """A name said to hold the role of the token range `role` (an appositive, a copula's)."""
    former = vocab.word_list("former")
    words = parse.tokens[role[0] : role[1]]
    return RoleMention(
        span=parse.span(min(name[0], role[0]), max(name[1], role[1])),
        sentence=parse.index,
        holder=parse.text(*name),
        holder_span=parse.span(*name),
        role=parse.text(*role),
        role_words=content_lemmas([t for t in words if t.lower not in former], vocab),
        speaker=speaker,
        unique=unique,
        former=any(t.lower in former for t in words),
        named=True,
        head=head,
        tense=tense,
    )


def _one_holder(head: str, vocab: CompiledVocabulary) -> bool:
    """Whether a role named with 'the' has one holder: not one of the rules' `shared-roles`,
    which many hold at once ('the son of King Charles', 'the member for Leeds')."""
    return head not in vocab.word_list("shared-roles")


def _role_and_name(parse: Parse, subject: int, complement: int) -> tuple[int, int] | None:
    """Of a copula's subject and complement, the role (a singular common noun with 'the') and
    the name (a proper noun standing alone, not one of several)."""
    tokens = parse.tokens
    for role, name in ((subject, complement), (complement, subject)):
        noun, holder = tokens[role], tokens[name]
        if noun.pos != "NOUN" or noun.morph.number == "plur" or holder.pos != "PROPN":
            continue
        article = next((tokens[k] for k in parse.children[role] if tokens[k].dep == "det"), None)
        if article is None or article.morph.definite != "def":
            continue
        if any(tokens[k].dep == "conj" for k in parse.children[name]):
            continue
        n_start, n_end = _name_range(parse, holder)
        if _is_name(parse, n_start, n_end):
            return role, name
    return None


def _dated_outside(parse: Parse, verb: int, *inside: tuple[int, int]) -> bool:
    """Whether the clause says a time or a number outside the role and the name: a role held
    at a time may have had other holders at others."""
    start, end = parse.subtree(verb)
    return any(
        (token.ent_type in ("DATE", "TIME") or token.like_num) and not any(a <= token.i < b for a, b in inside)
        for token in parse.tokens[start:end]
    )


def _title_roles(parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary):
    """A title of the rules' `titles` written before a name, with what it belongs to: as the
    name's compound ('Daily Courier editor Martin Hale') or with the name in apposition to it
    ("Sweden's foreign minister, Margit Wallin,"). The title names one holder. A plural title
    ('foreign ministers X and Y') names several, and one owned by a pronoun ('his manager') or
    by nothing ('Foreign Minister X', said of any country's) is as many roles as there are
    owners: neither is read."""
    tokens = parse.tokens
    former = vocab.word_list("former")
    for name in tokens:
        if name.pos != "PROPN" or name.ent_type not in ("", "PERSON"):
            continue
        title = _title_before(parse, name, vocab)
        if title is None:
            continue
        n_start = title + 1
        while n_start < name.i and not tokens[n_start].is_word:
            n_start += 1
        r_start, r_end = _phrase(parse, title, stop=n_start)
        words = [t for t in tokens[r_start:r_end] if t.text[:1].isalnum() and t.lower not in vocab.stopwords]
        entry = _titled(words, vocab)
        if (
            entry is None
            or len(words) <= len(entry)
            or words[-len(entry) - 1].lower in vocab.word_list("title-deputies")
            or not _is_name(parse, n_start, name.i + 1)
            or tokens[title].morph.number == "plur"
            or any(t.pos == "PRON" for t in tokens[r_start:r_end])
        ):
            continue
        yield RoleMention(
            span=parse.span(r_start, name.i + 1),
            sentence=parse.index,
            holder=parse.text(n_start, name.i + 1),
            holder_span=parse.span(n_start, name.i + 1),
            role=parse.text(r_start, r_end),
            role_words=content_lemmas([t for t in words if t.lower not in former], vocab),
            speaker=speaker,
            former=any(t.lower in former for t in words),
            named=True,
            head=tokens[title].lemma,
        )


def _title_before(parse: Parse, name: Token, vocab: CompiledVocabulary) -> int | None:
    """The noun of a title before a name: the noun the name is in apposition to ('minister' of
    "foreign minister Johan Gustavsen"), or one of the name's compounds with only the name's
    own parts after it ('editor' of 'Daily Courier editor Martin Hale')."""
    tokens = parse.tokens
    heads = vocab.title_heads
    if name.dep == "appos" and name.head < name.i:
        title = tokens[name.head]
        return name.head if title.pos in ("NOUN", "PROPN") and title.lemma in heads else None
    k = name.i - 1
    while k >= 0 and tokens[k].head == name.i and tokens[k].dep in ("compound", "flat"):
        if tokens[k].lemma in heads and tokens[k].pos in ("NOUN", "PROPN") and tokens[k].ent_type != "PERSON":
            return k
        k -= 1
    return None


def _titled(words: list[Token], vocab: CompiledVocabulary) -> tuple[str, ...] | None:
    """The entry of the rules' `titles` the words end with ('chief executive'), if any."""
    lemmas = tuple(t.lemma for t in words)
    return next((title for title in vocab.titles if lemmas[-len(title) :] == title), None)


def content_lemmas(tokens: list[Token] | tuple[Token, ...], vocab: CompiledVocabulary) -> frozenset[str]:
    """The words that carry a role's meaning, by lemma, each replaced by its declared synonym."""
    synonyms = vocab.ruleset.vocabulary.synonyms
    found = set()
    for t in tokens:
        if not t.is_word or t.lower in vocab.stopwords or not t.text[:1].isalnum():
            continue
        found.add(synonyms.get(t.lower) or synonyms.get(t.lemma) or t.lemma)
    return frozenset(found)


def _phrase(parse: Parse, head: int, stop: int | None = None) -> tuple[int, int]:
    """The noun phrase headed by `head`: its subtree up to `stop` (a cue, a clause), without
    leading determiners and trailing punctuation or clauses."""
    tokens = parse.tokens
    end = parse.subtree(head)[1]
    start = min([head, *(parse.subtree(k)[0] for k in parse.children[head] if k < head and tokens[k].dep in _LEFT)])
    for k in parse.children[head]:
        child = tokens[k]
        if k > head and (child.dep in ("relcl", "acl", "appos", "advcl") or child.pos == "PUNCT"):
            end = min(end, parse.subtree(k)[0])
    for k in range(head + 1, end):
        # a description set off by a comma deeper in ('director of Ryan, a short film made by ...')
        # says what its noun is, not which role is meant
        if tokens[k].dep in ("appos", "relcl", "acl"):
            first = parse.subtree(k)[0]
            if first > head + 1 and tokens[first - 1].text == ",":
                end = min(end, first)
    if stop is not None and head < stop < end:
        end = stop
    while end > head + 1 and tokens[end - 1].dep in _TRIM:
        end -= 1
    while start < head and tokens[start].dep in _TRIM:
        start += 1
    texts = [t.text for t in tokens[start:end]]
    if end < len(tokens) and (
        (tokens[end].text == '"' and texts.count('"') % 2)
        or (tokens[end].text == "”" and texts.count("“") > texts.count("”"))
    ):
        end += 1  # the quotation mark closing a title the phrase opens ('composer of "The Gentleman in Black"')
    return start, end


def _name_range(parse: Parse, head: Token) -> tuple[int, int]:
    """A name and its compound parts ('Vladimir Medinsky')."""
    tokens = parse.tokens
    start = head.i
    while start > 0 and tokens[start - 1].head == head.i and tokens[start - 1].dep in ("compound", "flat"):
        start -= 1
    return start, head.i + 1


def _is_name(parse: Parse, start: int, end: int) -> bool:
    """A proper name (of a person or a body), not a description ('the Secretary of ...')."""
    tokens = parse.tokens[start:end]
    return bool(tokens) and all(t.pos == "PROPN" or t.ent_type in _NAMES for t in tokens if t.is_word)
