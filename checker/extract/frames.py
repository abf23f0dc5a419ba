"""Frames read from a parse: a clause's predicate, subject, object, tense, aspect, polarity.

Every claim kind builds its Frame here, from the dependency tree and the morphology of
checker.analysis, so that 'will hold' is future, 'were wrapping up' past progressive,
'was never recalled' negated, and two claims can be compared by what they say (the same
predicate of the same subject) rather than by the words they happen to share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.vocab import CompiledVocabulary
from checker.model import Frame, Modality, Scope, Speaker

if TYPE_CHECKING:
    from checker.analysis import Entity, Parse, Token

_VERBAL = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
_COMPLEMENTS = frozenset({"acomp", "ccomp", "xcomp"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
# Clauses whose own verb takes its tense from the verb it hangs on ('preparing for ...', 'to begin').
_DEPENDENT = frozenset({"xcomp", "advcl", "acomp", "pcomp"})
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_NARROWING = frozenset({"amod", "compound", "nmod", "nummod"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Penn tags of a relative clause's subject 'which', 'who', 'that' (the tagger may call 'that' a determiner)
_RELATIVE = frozenset({"WDT", "WP", "DT"})


def verb_of(parse: Parse, i: int) -> int | None:
    """The verb that governs token i (itself when it is one): the head of its clause."""
    token = parse.tokens[i]
    if token.pos in _VERBAL and token.dep not in _AUXILIARIES:
        return i
    if token.dep in _AUXILIARIES:
        return token.head
    for k in parse.ancestors(i):
        if parse.tokens[k].pos in _VERBAL and parse.tokens[k].dep not in _AUXILIARIES:
            return k
    return None


def auxiliaries(parse: Parse, verb: int) -> list[Token]:
    return [parse.tokens[k] for k in parse.children[verb] if parse.tokens[k].dep in _AUXILIARIES]


def tense_aspect(parse: Parse, verb: int, vocab: CompiledVocabulary) -> tuple[str | None, str | None]:
    """(tense, aspect) of the verb group headed by `verb`: tense past, present or future;
    aspect perfect, progressive or None. A modal of the rules' `future` list makes it future,
    and so does a future phrase the verb depends on ('is due to begin', 'plans to hold')."""
    token = parse.tokens[verb]
    helpers = auxiliaries(parse, verb)
    future = vocab.future_modals
    if any(t.tag == "MD" and t.lemma in future for t in helpers) or _under_future_phrase(parse, verb):
        tense = "future"
    elif any(t.tag == "MD" for t in helpers):
        return None, None  # 'could take place', 'may end': possible, at no time the text fixes
    else:
        finite = next((t for t in helpers if t.tag != "MD" and t.morph.tense), None)
        source = finite or token
        if not helpers and token.tag == "VBG" and token.dep in _DEPENDENT and token.head != verb:
            return tense_aspect(parse, token.head, vocab)[0], "progressive"
        if not helpers and token.dep in _DEPENDENT and token.tag == "VB" and token.head != verb:
            return tense_aspect(parse, token.head, vocab)
        tense = {"past": "past", "pres": "present"}.get(source.morph.tense or "")
    aspect = None
    has_aux = any(t.dep == "aux" and t.tag not in ("MD", "TO") for t in helpers)
    perfect = vocab.word_list("perfect-auxiliaries")
    if has_aux and token.tag == "VBG":
        aspect = "progressive"
    elif any(t.dep == "aux" and t.lemma in perfect for t in helpers) or (has_aux and token.tag == "VBN"):
        aspect = "perfect"  # by the auxiliary's lemma too: the tagger may miss the participle ('has wound up')
    return tense, aspect


def _under_future_phrase(parse: Parse, verb: int) -> bool:
    """'is due to begin', 'are expected to hold', 'plans to open': a future cue in the chain of
    heads of this verb (the rules' `future` phrases, found by lemma)."""
    chain = {verb, *list(parse.ancestors(verb))[:2]}
    return any(cue.start <= k < cue.end for cue in parse.found("future") for k in chain)


def negation_of(parse: Parse, verb: int, vocab: CompiledVocabulary) -> Token | None:
    """The word that negates the verb group: a `neg` dependent ('not', 'never', "n't"), or a
    negation word of the rules among its auxiliaries' and its own dependents ('no longer').
    A negation that a word of the rules' `negation-limiters` follows denies nothing: 'was not
    only the director' says he was."""
    found = _negation_word(parse, verb, vocab)
    if found is None or found.i + 1 >= len(parse.tokens):
        return found
    if _opens_bound(parse, found, vocab):
        return None  # 'no more than 44 per cent ...': a bound of a number, not a denial
    return None if parse.tokens[found.i + 1].lower in vocab.word_list("negation-limiters") else found


def _opens_bound(parse: Parse, word: Token, vocab: CompiledVocabulary) -> bool:
    """Whether the negation word opens a bound of the rules' `lower-bound` or `upper-bound`
    lists ('no more than', 'not fewer than')."""
    bounds = vocab.word_list("lower-bound") | vocab.word_list("upper-bound")
    words = [t.lower for t in parse.tokens[word.i : word.i + 3]]
    return any(" ".join(words[:n]) in bounds for n in (2, 3))


def _negation_word(parse: Parse, verb: int, vocab: CompiledVocabulary) -> Token | None:
    words = vocab.negation
    for k in parse.children[verb]:
        child = parse.tokens[k]
        if child.dep == "neg" or (child.dep in ("advmod", "det", "preconj") and child.lower in words):
            return child
        if child.dep in _SUBJECTS or child.dep in _OBJECTS:  # 'no fans will be allowed'
            for j in parse.children[k]:
                if parse.tokens[j].dep == "det" and parse.tokens[j].lower in words:
                    return parse.tokens[j]
    helpers = [
        *auxiliaries(parse, verb),
        *(parse.tokens[k] for k in parse.children[verb] if parse.tokens[k].dep == "advmod"),
        # 'pleaded not guilty', 'was found not guilty': the negation hangs on the adjective
        *(parse.tokens[k] for k in parse.children[verb] if parse.tokens[k].dep in ("acomp", "oprd")),
    ]
    for helper in helpers:  # 'no longer': the negation hangs on the adverb
        for k in parse.children[helper.i]:
            if parse.tokens[k].dep == "neg":
                return parse.tokens[k]
    return None


def argument(parse: Parse, verb: int, roles: frozenset[str]) -> Token | None:
    for k in parse.children[verb]:
        if parse.tokens[k].dep in roles:
            return parse.tokens[k]
    return None


def head_term(parse: Parse, token: Token | None) -> str | None:
    """What an argument names: the entity it heads, else its head noun's lemma after the lemmas
    of the words that narrow it ('relief convoy', 'old model'); see same_term."""
    if token is None:
        return None
    entity = parse.entity_at(token.i)
    if entity is not None and entity.label in _NAME_ENTITIES:
        return entity.text.lower()
    if token.pos == "PRON":
        return None  # 'it', 'they': who is meant is another sentence's to say
    narrowing = [
        parse.tokens[k].lemma
        for k in parse.children[token.i]
        if k < token.i and parse.tokens[k].dep in _NARROWING and parse.tokens[k].is_word
    ]
    return " ".join([*narrowing, token.lemma])


def same_term(a: str, b: str) -> bool:
    """Two arguments name the same thing: the same head, and the words narrowing one include
    the other's ('the model' is 'the model'; 'the older model' is not 'the newer model', and
    'the relief convoy' is not 'a second convoy')."""
    *narrow_a, head_a = a.split(" ")
    *narrow_b, head_b = b.split(" ")
    if head_a != head_b:
        return a == b
    first, second = set(narrow_a), set(narrow_b)
    return first <= second or second <= first


def scope_of(parse: Parse, verb: int, vocab: CompiledVocabulary) -> Scope:
    """The clause's time and place (entities among the verb's prepositional dependents), and its
    other prepositional phrases as qualifiers, each its preposition and its object's lemma ('at
    nine', 'of fraud')."""
    time = place = None
    qualifiers = []
    for k in parse.children[verb]:
        child = parse.tokens[k]
        targets = [child.i] if child.dep in ("npadvmod", "advmod") else list(parse.children[k])
        for target in targets:
            entity = parse.entity_at(target) or _date_within(parse, target)
            if entity is not None and entity.label in _TIME_ENTITIES and time is None:
                if child.dep in ("npadvmod", "advmod") and _after_event_noun(parse, entity.start, verb, vocab):
                    continue  # 'pleaded guilty to manslaughter in the death 35 years ago': the death's time
                time = entity.text
            elif entity is not None and entity.label in _PLACE_ENTITIES and place is None:
                place = entity.text
            elif child.dep == "prep" and (entity is None or entity.label not in _TIME_ENTITIES | _PLACE_ENTITIES):
                qualifiers.append(f"{child.lemma} {parse.tokens[target].lemma}")
    return Scope(time=time, place=place, qualifiers=frozenset(qualifiers))


def _after_event_noun(parse: Parse, start: int, verb: int, vocab: CompiledVocabulary) -> bool:
    """Whether a time phrase said without a preposition ('35 years ago') follows straight on a
    noun naming an event (the rules' event nouns or a noun of a predicate class: 'death',
    'arrest', 'vote') in a prepositional phrase of the clause ('in the death 35 years ago'):
    it dates that event, though the parse may hang it on the verb. After any other noun ('the
    camp in the north last year') it dates the clause."""
    if start == 0:
        return False
    before = parse.tokens[start - 1]
    if before.pos != "NOUN" or before.dep != "pobj" or verb not in parse.ancestors(before.i):
        return False
    events = vocab.ruleset.vocabulary.event_nouns
    return before.lower in events or before.lemma in events or vocab.predicate_class(before.lemma) is not None


def _date_within(parse: Parse, target: int) -> Entity | None:
    """A year narrowing the noun of a time or place phrase: 'in her 2008 campaign' is of 2008
    (a date of numbers alone; 'the 10-year bonds' says how long, not when)."""
    found = (parse.entity_at(k) for k in parse.children[target] if parse.tokens[k].dep in _NARROWING)
    dates = (e for e in found if e is not None and e.label in _TIME_ENTITIES)
    return next((e for e in dates if all(parse.tokens[k].like_num for k in range(e.start, e.end))), None)


def frame_at(
    parse: Parse,
    verb: int,
    vocab: CompiledVocabulary,
    speaker: Speaker | None = None,
    value: str | None = None,
) -> Frame:
    """The frame of the clause headed by `verb`."""
    token = parse.tokens[verb]
    tense, aspect = tense_aspect(parse, verb, vocab)
    negation = negation_of(parse, verb, vocab)
    subject = argument(parse, verb, _SUBJECTS)
    if subject is None and token.dep == "conj" and token.head != verb:
        subject = argument(parse, token.head, _SUBJECTS)  # 'It is old and is popular': one subject
    subject = antecedent_of(parse, subject, verb)
    obj = argument(parse, verb, _OBJECTS) or argument(parse, verb, _COMPLEMENTS)
    particle = argument(parse, verb, frozenset({"prt"}))
    predicate: str | None = token.lemma + (f" {particle.lemma}" if particle is not None else "")
    if token.pos == "AUX":
        # 'was a success', 'is dead': the predicate is the noun or adjective; a bare 'is' says nothing
        predicate = obj.lemma if obj is not None and obj.dep in ("attr", "acomp") else None
        obj = None
    start, end = clause_range(parse, verb)
    passive = any(parse.tokens[k].dep in ("nsubjpass", "auxpass") for k in parse.children[verb])
    agent = argument(parse, verb, frozenset({"agent"}))
    doer = argument(parse, agent.i, frozenset({"pobj"})) if agent is not None else None
    return Frame(
        span=parse.span(start, end),
        sentence=parse.index,
        predicate=predicate,
        subject=head_term(parse, subject),
        object=head_term(parse, obj),
        value=value,
        scope=scope_of(parse, verb, vocab),
        modality=modality_of(parse, verb, tense, speaker, vocab),
        negated=negation is not None,
        tense=tense,
        aspect=aspect,
        speaker=speaker,
        predicate_class=vocab.predicate_class(predicate),
        negation=negation.span if negation is not None else None,
        voice="passive" if passive else "active",
        agent=head_term(parse, doer),
    )


def modality_of(
    parse: Parse, verb: int, tense: str | None, speaker: Speaker | None, vocab: CompiledVocabulary
) -> Modality:
    """Hypothetical under a conditional marker ('if', 'even if': the rules' `conditional`
    words), planned in the future, reported when someone other than the author says it."""
    for k in (verb, *parse.ancestors(verb)):
        for child in parse.children[k]:
            mark = parse.tokens[child]
            if mark.dep == "mark" and mark.lower in vocab.word_list("conditional"):
                return Modality.HYPOTHETICAL
    if any(t.tag == "MD" and t.lemma not in vocab.future_modals for t in auxiliaries(parse, verb)):
        return Modality.HYPOTHETICAL  # a modal of possibility: 'could', 'may', 'might'
    if tense == "future":
        return Modality.PLANNED
    if speaker is not None:
        return Modality.REPORTED
    return Modality.STATED


def antecedent_of(parse: Parse, subject: Token | None, verb: int) -> Token | None:
    """A relative pronoun subject stands for its antecedent (relative_antecedent); any other
    subject stands for itself."""
    if subject is None:
        return None
    found = relative_antecedent(parse, subject.i, verb)
    return subject if found is None else parse.tokens[found]


def relative_antecedent(parse: Parse, pronoun: int, verb: int) -> int | None:
    """What a relative pronoun (by its tag) of the clause headed by `verb` stands for, or None
    when it is no relative pronoun or stands for no one noun. The one rule for frames and for
    the values' anchors (checker.extract.attachment):

    - the noun the parse hangs the clause on: in 'a clifftop that was known as a meeting place'
      the clifftop was known as one;
    - a personal pronoun ('who', WP) after 'Reinhard Divis of VEU Feldkirch' stands for the
      person the prepositional phrase hangs on, not for the phrase's own noun that names no
      person;
    - a common noun that is a copula's complement is its subject: in 'Blind Spot is a rock band
      that was formed in 1993' Blind Spot was formed;
    - a plural noun with a clause not set off by a comma ('net cafes that are not operating
      within the guidelines') is none: the clause picks out some of them, and what it says is
      not said of all of them ('the miners, who were trapped' is said of all)."""
    tokens = parse.tokens
    if not relative_pronoun(parse, pronoun, verb):
        return None
    antecedent = _person_antecedent(parse, pronoun, tokens[verb].head)
    head = tokens[antecedent]
    if head.pos not in ("NOUN", "PROPN", "PRON"):
        return None
    if head.dep == "attr" and head.pos != "PROPN":
        copula = head.head
        subjects = [c for c in parse.children[copula] if tokens[c].dep in _SUBJECTS and c != antecedent]
        if subjects:
            found = relative_antecedent(parse, subjects[0], copula)  # the copula's may be one itself
            return subjects[0] if found is None else found
    restrictive = pronoun > 0 and tokens[pronoun - 1].is_word
    if head.morph.number == "plur" and restrictive:
        return None
    return antecedent


def relative_pronoun(parse: Parse, k: int, verb: int) -> bool:
    """Whether token `k` is a relative pronoun (by its tag) of the relative clause `verb` heads."""
    tokens = parse.tokens
    return tokens[k].tag in _RELATIVE and tokens[verb].dep == "relcl" and tokens[verb].head != verb


def _person_antecedent(parse: Parse, pronoun: int, antecedent: int) -> int:
    tokens = parse.tokens
    if tokens[pronoun].tag != "WP" or tokens[antecedent].ent_type == "PERSON" or tokens[antecedent].dep != "pobj":
        return antecedent
    preposition = tokens[antecedent].head
    holder = tokens[preposition].head
    if tokens[preposition].dep == "prep" and holder != preposition and tokens[holder].ent_type == "PERSON":
        return holder
    return antecedent


def clause_range(parse: Parse, verb: int) -> tuple[int, int]:
    """The tokens of the clause headed by `verb`, without the clauses embedded in it."""
    start, end = parse.subtree(verb)
    for k in parse.children[verb]:
        child = parse.tokens[k]
        if child.dep in ("ccomp", "advcl", "relcl", "conj", "parataxis") and child.pos in _VERBAL:
            low, high = parse.subtree(k)
            if low > verb:
                end = min(end, low)
            elif high <= verb:
                start = max(start, high)
    while end > start + 1 and (not parse.tokens[end - 1].is_word or parse.tokens[end - 1].dep in ("cc", "mark")):
        end -= 1
    while start < end - 1 and not parse.tokens[start].is_word:
        start += 1
    return start, end


def verbs(parse: Parse) -> list[int]:
    """The heads of the sentence's clauses."""
    return [t.i for t in parse.tokens if t.pos in _VERBAL and t.dep not in _AUXILIARIES]
