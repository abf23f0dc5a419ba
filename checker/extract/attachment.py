"""Where a value stands in its sentence's dependency parse: what it counts, the predicate it is
said with, that predicate's subject and object, and the phrases that scope it.

'Rescuers said 31 miners were trapped underground': 31 counts 'miner' (its nummod head), said
with 'trap'; 'All 27 trapped miners were brought to the surface': 27 counts 'miner', said with
'bring' and with the participle 'trap' that describes the miners. 'Completed in 1931, the
tower ...': 1931 dates 'complete', whose subject is the main clause's 'tower'; 'The tower,
which was completed in 1929': the relative pronoun stands for 'tower'.

Only the parse is read here (labels are Universal/ClearNLP dependency names, which are the
parser's vocabulary, not English); word lists stay in rules/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract.frames import frame_at, relative_antecedent, relative_pronoun, tense_aspect
from checker.extract.vocab import CompiledVocabulary
from checker.model import Anchor, Frame, Span, Speaker

if TYPE_CHECKING:  # the parse's types only: a listing command imports these modules
    from checker.analysis import Parse, Token

_NOUNS = frozenset({"NOUN", "PROPN"})
_NUMBER_LINKS = frozenset({"nummod", "quantmod", "compound", "nmod", "advmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
# Clauses that describe a noun or lean on another clause: their subject, when they have
# none of their own, is the noun they describe or the subject of the clause they lean on.
_DESCRIBING = frozenset({"acl", "relcl"})
_LEANING = frozenset({"advcl", "xcomp", "conj"})
_PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
_SCOPING = frozenset({"prep", "npadvmod", "advmod", "agent"})
_MODIFIERS = frozenset({"amod", "compound", "nummod", "poss", "nmod"})
_UNNAMED = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_TIMES = frozenset({"DATE", "TIME"})
_ADJECTIVAL = frozenset({"NORP"})  # 'the Czech forward': a nationality describes, it names no one
RELATIVE = "relative"  # the kind of a relative pronoun that stands for no one noun
LIGHT_PREDICATES = "light-predicates"  # the rules' list of light verbs, and the class they share


@dataclass(frozen=True, slots=True)
class Attachment:
    """A value's place in the parse (token indices of its sentence's Parse)."""

    head: int  # the value's own head token
    counted: int | None  # the noun it counts ('miners'), for a quantity
    verb: int | None  # the predicate it is said with
    predicates: frozenset[str]  # the verb's lemma, and participles describing the counted noun
    subject: str | None
    subject_kind: str | None  # name, noun or pronoun
    subject_modifiers: frozenset[str]
    subject_head: str | None  # the lemma of the subject's head word ('party' of 'the Ecologist Party')
    subject_number: str | None  # sing or plur: 'they' stands for no single person
    object: str | None
    subject_definite: bool  # a name, a pronoun, or a noun the article 'the' or a possessive makes definite
    object_definite: bool  # likewise of the object ('surrendered himself', 'visited the camp'); False without one
    role: str  # how the value's phrase stands to the verb
    qualifiers: frozenset[tuple[str, str, frozenset[str]]]  # (preposition, noun, its modifiers)
    place: frozenset[tuple[str, str]]  # names in the scoping phrases, with their prepositions
    time: frozenset[str]  # time expressions in the scoping phrases
    tense: str | None  # past, present, future
    negated: bool
    time_expression: bool  # the value lies inside a date or time expression ('the past 18 months')
    label: bool  # a number after its noun names one thing ('number 14', 'Liga 3'): no count
    copula: bool  # the verb is a copula ('was'): what it says lies in its complement
    direct: bool  # the value modifies the verb, not a noun on the way to it

    def anchor(
        self,
        parse: Parse,
        vocab: CompiledVocabulary,
        scope_words: frozenset[str] = frozenset(),
        light: frozenset[str] = frozenset(),
        accompanied: frozenset[str] = frozenset(),
    ) -> Anchor:
        """The claim's anchor; each predicate lemma brings its vocabulary class ('die' brings
        'kill'), a light verb of `light` the class of them all, and the tense is the verb
        group's (checker.extract.frames). A count an accompanying link adds to a clause (see
        _role) joins the light class when the clause's verb is light or one of `accompanied`,
        verbs that report or close a result ('finished second with 84 points' had 84 points);
        'lived with 3 dogs' or a fragment without a verb ('With 3 dogs.') has no such figure."""
        classes = {vocab.predicate_class(lemma) for lemma in self.predicates} - {None}
        verb = parse.tokens[self.verb].lemma if self.verb is not None else None
        added = self.role == "" and verb is not None and (verb in light or verb in accompanied)
        if light and (not light.isdisjoint(self.predicates) or added):
            classes.add(LIGHT_PREDICATES)
        tense = tense_aspect(parse, self.verb, vocab)[0] if self.verb is not None else None
        return Anchor(
            counted=hyphenated_lemma(parse, self.counted) if self.counted is not None else None,
            predicates=self.predicates | classes,
            subject=self.subject,
            subject_kind=self.subject_kind,
            subject_modifiers=self.subject_modifiers,
            subject_head=self.subject_head,
            subject_number=self.subject_number,
            object=self.object,
            subject_definite=self.subject_definite,
            object_definite=self.object_definite,
            role=self.role,
            direct=self.direct,
            copula=self.copula,
            qualifiers=self.qualifiers,
            place=self.place,
            time=self.time,
            scope_words=scope_words,
            tense=tense or self.tense,
            negated=self.negated,
        )

    def frame(self, parse: Parse, vocab: CompiledVocabulary, speaker: Speaker | None, value: str) -> Frame | None:
        """The frame of the clause the value is said in (None when no verb governs it)."""
        return frame_at(parse, self.verb, vocab, speaker, value) if self.verb is not None else None

    def conditional(self, parse: Parse, markers: frozenset[str]) -> bool:
        """Whether a condition ('if', 'unless') leads the value's clause or a clause it depends on."""
        if self.verb is None:
            return False
        tokens = parse.tokens
        for at in (self.verb, *parse.ancestors(self.verb)):
            if any(tokens[k].dep == "mark" and tokens[k].lemma in markers for k in parse.children[at]):
                return True
            if tokens[at].dep not in _LEANING and tokens[at].dep != "ccomp":
                break
        return False

    def reach(self, parse: Parse) -> Span:
        """The prose the value's predicate governs: where the words that scope it may stand."""
        top = self.verb if self.verb is not None else (self.counted if self.counted is not None else self.head)
        low, high = parse.subtree(top)
        return parse.span(low, high)


def hyphenated_lemma(parse: Parse, k: int) -> str:
    """The lemma of the whole word token `k` is part of when hyphens join it to its neighbours
    without spaces ('co-workers' -> 'co-worker', not the parse's 'co'): the parts before the
    last as written, the last one's lemma."""
    tokens = parse.tokens

    def joined(left: int) -> bool:  # tokens[left], a hyphen, tokens[left + 2], written as one word
        return (
            left >= 0
            and left + 2 < len(tokens)
            and tokens[left + 1].text == "-"
            and tokens[left].end == tokens[left + 1].start
            and tokens[left + 1].end == tokens[left + 2].start
            and tokens[left].text[:1].isalnum()
            and tokens[left + 2].text[:1].isalnum()
        )

    first = last = k
    while joined(first - 2):
        first -= 2
    while joined(last):
        last += 2
    if first == last:
        return tokens[k].lemma
    return "".join(t.lower for t in tokens[first:last]) + tokens[last].lemma


def tokens_in(parse: Parse, start: int, end: int) -> list[int]:
    """The parse's tokens overlapping the prose characters [start, end)."""
    return [t.i for t in parse.tokens if t.start < end and start < t.end]


def head_of(parse: Parse, indices: list[int]) -> int:
    """The token of `indices` whose head lies outside them: the phrase's syntactic head."""
    inside = set(indices)
    for i in indices:
        token = parse.tokens[i]
        if token.head not in inside or token.head == i:
            return i
    return indices[-1]


def attach(
    parse: Parse,
    indices: list[int],
    *,
    counts: bool,
    totals: frozenset[str] = frozenset(),
    accompanying: frozenset[str] = frozenset(),
) -> Attachment:
    """Where the value written on `indices` stands; `counts` asks for the noun it counts.
    `totals` are the lemmas of nouns that only frame a figure ('a total of $2.3 billion'): the
    value stands where such a noun stands, and the noun is neither its object nor its scope.
    `accompanying` are the prepositions that add a count to a clause as its own (see _role)."""
    tokens = parse.tokens
    inside = set(indices)
    head = head_of(parse, indices)
    counted = _counted_noun(parse, head, inside) if counts else None
    # a number counts the noun it modifies; 'six of the goals' counts goals, but stands itself
    by_number = counted is not None and tokens[head].dep in _NUMBER_LINKS and tokens[head].head == counted
    below = counted if by_number or (counted is not None and counted in inside) else head
    framed = _through_totals(parse, below, totals)
    if framed != below:
        below, inside = framed, inside | {framed}
    verb = _governing_verb(parse, below)
    predicates = set()
    if verb is not None:
        predicates.add(tokens[verb].lemma)
    if counted is not None:
        predicates.update(
            tokens[k].lemma
            for k in parse.children[counted]
            if tokens[k].tag in _PARTICIPLE_TAGS and tokens[k].dep in ("amod", "acl")
        )
    role = _role(parse, below, verb, accompanying, totals)
    if counts and counted is None and role == "" and verb is not None and below != verb:
        counted = _elided_noun(parse, verb, inside)
    subject, kind, described = _subject(parse, verb, exclude=counted) if verb is not None else (None, None, None)
    qualifiers, place, time = _scope(parse, verb, counted, inside)
    obj = _object_token(parse, verb, counted, inside) if verb is not None else None
    return Attachment(
        head=head,
        counted=counted,
        verb=verb,
        predicates=frozenset(predicates),
        subject=subject,
        subject_kind=kind,
        subject_modifiers=_modifiers(parse, described, inside) if described is not None else frozenset(),
        subject_head=tokens[described].lemma if described is not None else None,
        subject_number=tokens[described].morph.number if described is not None else None,
        object=_object(parse, verb, exclude=counted, inside=inside) if verb is not None else None,
        subject_definite=kind in ("name", "pronoun") or (described is not None and definite(parse, described)),
        object_definite=obj is not None and definite(parse, party_name(parse, obj, verb)[2]),
        role=role,
        copula=verb is not None and tokens[verb].pos == "AUX",
        qualifiers=qualifiers,
        place=place,
        time=time,
        tense=tense_of(parse, verb) if verb is not None else None,
        negated=verb is not None and any(tokens[k].dep == "neg" for k in parse.children[verb]),
        # 'the past 18 months' is a time; 'over 70 caps', which the tagger may call a date, is not
        time_expression=any(tokens[i].ent_type in _TIMES for i in indices)
        and (counted is None or tokens[counted].ent_type in _TIMES),
        label=counted is not None and tokens[head].dep == "nummod" and counted < head,
        direct=_direct(parse, head, verb),
    )


def _elided_noun(parse: Parse, verb: int, inside: set[int]) -> int | None:
    """The noun a bare number added to a clause counts: the plural noun the clause's verb takes
    as its object ('had the most points in the season, with 51' had 51 points)."""
    tokens = parse.tokens
    for k in parse.children[verb]:
        if tokens[k].dep == "dobj" and tokens[k].pos == "NOUN" and tokens[k].morph.number == "plur" and k not in inside:
            return k
    return None


def _through_totals(parse: Parse, at: int, totals: frozenset[str]) -> int:
    """The noun a figure is the content of ('reaching a total of $2.3 billion' reaches $2.3
    billion): from the value's phrase up through a prepositional phrase hanging on a noun of
    `totals`."""
    tokens = parse.tokens
    while totals and tokens[at].dep == "pobj":
        preposition = tokens[at].head
        noun = tokens[preposition].head
        if tokens[preposition].dep != "prep" or noun == preposition or tokens[noun].lemma not in totals:
            break
        at = noun
    return at


def _role(
    parse: Parse,
    start: int,
    verb: int | None,
    accompanying: frozenset[str] = frozenset(),
    totals: frozenset[str] = frozenset(),
) -> str:
    """How the value's phrase stands to its verb: 'dobj' ('killed 14 people'), 'nsubjpass'
    ('14 people were killed'), 'nsubj' (also a passive's agent), or the preposition that
    links it ('from four stations'), as the path of labels up to the verb. A preposition of
    `accompanying` adds its count to the clause as the clause's own ('reported, with 458
    deaths'; 'finished with 84 points'): it is no step, and a count it links directly has
    the empty role, which meets the verb's subject and object. So is a preposition whose
    object is a noun of `totals`: 'scored 51 goals for a total of 95 points' scored 95."""
    tokens = parse.tokens
    steps = []
    at = start
    seen = {at}
    below = None
    while at != verb and tokens[at].head not in seen:
        token = tokens[at]
        if token.dep == "pobj":
            pass  # the preposition above names the link
        elif token.dep in ("prep", "agent"):
            framing = below is not None and tokens[below].lemma in totals
            if token.lemma not in accompanying and not framing:
                steps.append("nsubj" if token.dep == "agent" else token.lemma)
        else:
            steps.append(_ACTIVE.get(token.dep, token.dep))
        below = at
        at = token.head
        seen.add(at)
    return "/".join(steps)


_ACTIVE = {"csubjpass": "nsubjpass"}


def _direct(parse: Parse, head: int, verb: int | None) -> bool:
    """Whether the value modifies its verb itself ('born on 3 May', 'in 1931' before a
    participle), not a noun on the way to it ('fell from £180,126 in November'). The rest of
    its own time phrase is no such noun ('on Thursday morning')."""
    tokens = parse.tokens
    at = head
    while at != verb:
        token = tokens[at]
        parent = token.head
        if parent == at:
            return False
        if parent != verb and tokens[parent].pos != "ADP" and not _time_word(parse, head, parent):
            return False
        at = parent
    return True


def _time_word(parse: Parse, head: int, k: int) -> bool:
    """Whether a named day or month ('Thursday') hangs on a word of a time phrase ('morning')."""
    entity = parse.entity_at(k)
    return parse.tokens[head].pos == "PROPN" and entity is not None and entity.label in _TIMES


def _counted_noun(parse: Parse, head: int, inside: set[int]) -> int | None:
    """The noun a number counts: the noun it modifies ('31 miners'), the noun after 'of' when
    it stands alone ('14 of the miners'), else none."""
    tokens = parse.tokens
    at = head
    seen = set()
    while tokens[at].dep in _NUMBER_LINKS and tokens[at].head != at and at not in seen:
        seen.add(at)
        parent = tokens[at].head
        if tokens[parent].pos in _NOUNS or tokens[parent].tag == "NN":
            return parent if parent not in inside or tokens[parent].pos in _NOUNS else None
        if tokens[parent].pos != "NUM":
            break
        at = parent
    if tokens[head].pos in _NOUNS and head in inside:
        return head  # the value's own noun ('%', written as a noun by the tagger)
    for k in parse.children[head]:
        if tokens[k].dep == "prep":
            objects = [c for c in parse.children[k] if tokens[c].dep == "pobj" and tokens[c].pos in _NOUNS]
            if objects:
                return objects[0]
            break
    return None


def _governing_verb(parse: Parse, start: int) -> int | None:
    """The first verb above `start` (or a copula's head: 'the toll was 14')."""
    tokens = parse.tokens
    at = start
    seen = {at}
    while True:
        token = tokens[at]
        if at != start and _is_predicate(token):
            return at
        if token.head == at or token.head in seen:
            return at if _is_predicate(token) else None
        at = token.head
        seen.add(at)


def _is_predicate(token: Token) -> bool:
    return token.pos == "VERB" or (token.pos == "AUX" and token.dep not in ("aux", "auxpass"))


def _subject(parse: Parse, verb: int, exclude: int | None) -> tuple[str | None, str | None, int | None]:
    """The verb's subject, or the subject it borrows: a participle clause's noun, the main
    clause's subject for an adverbial clause, the antecedent of a relative pronoun. Returned
    with its kind (name, noun, pronoun) and the token whose modifiers say which one is meant."""
    tokens = parse.tokens
    at = verb
    for _ in range(5):
        own = [k for k in parse.children[at] if tokens[k].dep in _SUBJECTS]
        if exclude is not None and own == [exclude]:
            return None, None, None  # '457 deaths have been reported': the counted things are the subject
        for k in own:
            if k != exclude:
                found = party_name(parse, k, at)
                if found[1] == RELATIVE:
                    return None, None, None
                described = _described_name(parse, at)
                # 'Peter Andersson: The Swedish defenseman played ...': the description is the name
                if found[1] == "noun" and described is not None:
                    return party_name(parse, described, described)
                return found
        token = tokens[at]
        if token.dep in _DESCRIBING and tokens[token.head].pos in _NOUNS | {"PRON"}:
            return party_name(parse, token.head, at)
        if token.dep in _LEANING and token.head != at:
            at = token.head
            continue
        if token.dep == "pcomp" and tokens[token.head].head != token.head:
            at = tokens[token.head].head  # 'finished second in scoring with 80 points'
            continue
        break
    return None, None, None


def _described_name(parse: Parse, verb: int) -> int | None:
    """The proper noun a clause hangs from as a description of it, if any."""
    tokens = parse.tokens
    at = verb
    while tokens[at].dep == "conj" and tokens[at].head != at:
        at = tokens[at].head
    head = tokens[at].head
    if tokens[at].dep in _DESCRIBING and head != at and tokens[head].pos == "PROPN":
        return head
    return None


def party_name(parse: Parse, k: int, verb: int) -> tuple[str, str, int]:
    """A subject's key: its entity's text, else its lemma; a relative pronoun stands for its antecedent."""
    tokens = parse.tokens
    token = tokens[k]
    antecedent = relative_antecedent(parse, k, verb)  # the one rule the frames follow too
    if antecedent is not None:
        return party_name(parse, antecedent, antecedent)
    if relative_pronoun(parse, k, verb):
        return token.lemma, RELATIVE, k  # 'players who joined': some of them, no party to compare
    entity = parse.entity_at(k)
    if entity is not None and entity.label in _ADJECTIVAL:
        # 'Jiri Lala: The Czech forward played ...': a nationality describes someone, as a noun does
        return token.lemma, "noun", k
    if entity is not None and entity.label not in _TIMES:
        # 'the Vienna Capitals' and 'Vienna Capitals' name one team: a determiner is no part of a name
        start = entity.start + (tokens[entity.start].pos == "DET" and entity.end - entity.start > 1)
        return parse.text(start, entity.end).lower(), "name", k
    if token.pos == "PROPN":
        low, high = _compound(parse, k)
        return parse.text(low, high).lower(), "name", k
    return token.lemma, "pronoun" if token.pos == "PRON" else "noun", k


def _compound(parse: Parse, k: int) -> tuple[int, int]:
    """A proper noun with the proper nouns compounded before it ('Peter Raffl')."""
    low = k
    while low > 0 and parse.tokens[low - 1].head == k and parse.tokens[low - 1].dep == "compound":
        low -= 1
    return low, k + 1


def _object_token(parse: Parse, verb: int, exclude: int | None, inside: set[int]) -> int | None:
    """The verb's noun or pronoun object, if it has one."""
    return next((k for k in parse.children[verb] if _is_object(parse, k, exclude, inside)), None)


def _is_object(parse: Parse, k: int, exclude: int | None, inside: set[int]) -> bool:
    """Whether token `k`, a dependent of a verb, is its noun or pronoun object (not the counted
    noun `exclude`, nor a word of the value's own phrase)."""
    token = parse.tokens[k]
    return token.dep in _OBJECTS and k != exclude and token.pos in _NOUNS | {"PRON"} and k not in inside


def definite(parse: Parse, k: int) -> bool:
    """Whether the noun phrase headed by `k` names one particular thing: a name, a personal
    pronoun ('himself', 'it'), or a noun with a definite article or a possessive ('the
    accomplice', 'its plant'); by the parse's morphology, not by words."""
    token, entity = parse.tokens[k], parse.entity_at(k)
    if token.pos == "PROPN" or (entity is not None and entity.label not in _UNNAMED):
        return True
    if token.pos == "PRON":
        return token.tag in ("PRP", "PRP$")
    return any(
        parse.tokens[c].dep == "poss" or (parse.tokens[c].dep == "det" and parse.tokens[c].morph.definite == "def")
        for c in parse.children[k]
    )


def _object(parse: Parse, verb: int, exclude: int | None, inside: set[int]) -> str | None:
    """The verb's object, or for a verb of saying or taking without one, the verb of the clause
    it governs ('34% said they had received ...': 'receive')."""
    tokens = parse.tokens
    for k in parse.children[verb]:
        if _is_object(parse, k, exclude, inside):
            key, kind, _ = party_name(parse, k, verb)
            return None if kind == RELATIVE else key
        if tokens[k].dep in ("acomp", "attr") and k != exclude and k not in inside:
            return tokens[k].lemma  # 'are real', 'were fake': a copula says its complement
    for k in parse.children[verb]:
        if tokens[k].dep in ("ccomp", "xcomp") and tokens[k].pos in ("VERB", "AUX") and k not in inside:
            return tokens[k].lemma
    return None


def _scope(
    parse: Parse, verb: int | None, counted: int | None, inside: set[int]
) -> tuple[frozenset, frozenset[tuple[str, str]], frozenset[str]]:
    """The phrases that narrow a value: prepositional phrases of its verb and of its counted
    noun ('in the northern group'), the counted noun's own adjectives, and the places and
    times they name."""
    tokens = parse.tokens
    qualifiers = set()
    places, times = set(), set()
    holders = [h for h in (verb, counted) if h is not None]
    for holder in holders:
        for k in parse.children[holder]:
            if k in inside or tokens[k].dep not in _SCOPING:
                continue
            low, high = parse.subtree(k)
            if any(i in inside for i in range(low, high)):
                continue  # the value's own phrase ('in 1931') is not its scope
            objects = [c for c in parse.children[k] if tokens[c].dep == "pobj"]
            # What the phrase names is what its head names ('in Boston, Massachusetts': a place),
            # not what some clause inside it mentions.
            named = objects[0] if objects else k
            entity = parse.entity_at(named)
            if entity is not None and entity.label in _TIMES:
                times.add(entity.text.lower())
                continue
            if entity is not None and entity.label not in _UNNAMED:
                # a place, an organisation, a person, with the word that links it ('in', 'by')
                places.add((tokens[k].lemma, entity.text.lower()))
                continue
            if tokens[k].dep in ("prep", "agent") and objects:
                noun = objects[0]
                qualifiers.add((tokens[k].lemma, tokens[noun].lemma, _modifiers(parse, noun, inside)))
    if counted is not None:
        own = _modifiers(parse, counted, inside, participles=False)
        if own:
            qualifiers.add(("", tokens[counted].lemma, own))
    times |= _leaned_times(parse, verb, inside)
    return frozenset(qualifiers), frozenset(places), frozenset(times)


def _leaned_times(parse: Parse, verb: int | None, inside: set[int]) -> set[str]:
    """The times of the clauses a participle or a conjoined verb leans on: 'He left the club in
    2004, scoring 18 goals' scores in 2004."""
    tokens = parse.tokens
    times: set[str] = set()
    at = verb
    while at is not None and tokens[at].dep in _LEANING and tokens[at].head != at:
        below, at = at, tokens[at].head
        for k in parse.children[at]:
            if k == below or tokens[k].dep not in _SCOPING:
                continue
            low, high = parse.subtree(k)
            if any(i in inside for i in range(low, high)):
                continue
            objects = [c for c in parse.children[k] if tokens[c].dep == "pobj"]
            entity = parse.entity_at(objects[0] if objects else k)
            if entity is not None and entity.label in _TIMES:
                times.add(entity.text.lower())
    return times


def _modifiers(parse: Parse, noun: int, inside: set[int], *, participles: bool = True) -> frozenset[str]:
    """The words that say which `noun` is meant: its adjectives and compounds ('space shuttle
    missions'), its possessor, and the noun of a phrase after it ('the rank of Major')."""
    tokens = parse.tokens
    found = set()
    for c in parse.children[noun]:
        if c in inside:
            continue
        token = tokens[c]
        if token.dep in _MODIFIERS and (participles or token.tag not in _PARTICIPLE_TAGS):
            found.add(token.lemma)
        elif token.dep == "prep":
            found.update(tokens[g].lemma for g in parse.children[c] if tokens[g].dep == "pobj" and g not in inside)
    return frozenset(found)


def tense_of(parse: Parse, verb: int) -> str | None:
    """Past when the verb or its auxiliary is in the past tense; else present. The future (a
    modal of the rules' `future` list) is read by tense_aspect, which Attachment.anchor asks
    first: this is its fallback, by morphology alone."""
    tokens = parse.tokens
    auxiliaries = [k for k in parse.children[verb] if tokens[k].dep in ("aux", "auxpass")]
    finite = [k for k in auxiliaries if tokens[k].morph.verb_form == "fin" or tokens[k].tag != "MD"]
    for k in (*finite, verb):
        if tokens[k].morph.tense == "past" and tokens[k].tag != "VBN":
            return "past"
        if tokens[k].morph.tense == "pres" and tokens[k].tag != "MD":
            return "present"
    if tokens[verb].tag == "VBN" and tokens[verb].dep in ("advcl", "acl", "relcl", "ROOT"):
        return "past"
    return None
