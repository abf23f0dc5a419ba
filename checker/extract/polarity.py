"""Statements and their polarity: each clause as a frame (predicate, subject, object) with
whether it is negated.

'The company recalled the model in June' and 'The model was never recalled, the company
insists' become two frames of the predicate 'recall' with the object (or passive subject)
'model', one negated: a statement and its denial.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from checker.extract.frames import argument, clause_range, frame_at, head_term, negation_of, same_term, verbs
from checker.extract.vocab import CompiledVocabulary
from checker.model import Frame, Modality, Span, Speaker, Statement

if TYPE_CHECKING:
    from checker.analysis import Parse, Token

_MIN_WORDS = 2
_MIN_SAME = 4  # content words two clauses share, beside a pronoun subject, to say the same thing
_SAME_SHARE = 0.75
# The predicate of an identity: 'the author of the novel is Jane Roe', 'who the author is'. Its
# object is the name, or none when the clause only asks or says it is not given.
IDENTITY = "be"
_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_WH = frozenset({"WP", "WDT"})
_NONE: Mapping[int, str] = MappingProxyType({})
_WH_TAGS = frozenset({"WP", "WP$", "WRB", "WDT"})  # Penn tags of who, whose, where/when/how, which
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_APART = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "parataxis", "punct"})


@dataclass(frozen=True, slots=True)
class _Unknown:
    """A clause said not to be known: the words that say so ('not known') and the modality of
    the clause that says it."""

    said: Span
    modality: Modality


def statements(
    parse: Parse,
    speaker: Speaker | None,
    vocab: CompiledVocabulary,
    names: frozenset[str] = frozenset(),
    referents: Mapping[int, str] = _NONE,
) -> list[Statement]:
    """One statement per clause whose predicate says something (not a verb of saying, not a
    bare auxiliary), with its frame; a pronoun subject is the term `referents` gives it (by
    token; see checker.extract.reference)."""
    found = []
    reporting = {cue.start for cue in parse.found("reporting")}
    embedded, values = _said_unknown(parse, vocab, speaker)
    for verb in verbs(parse):
        frame = frame_at(parse, verb, vocab, speaker)
        unknown = embedded.get(verb)
        if verb in values:
            unknown = values[verb]
            frame = replace(frame, predicate=IDENTITY, predicate_class=None, object=None, voice="active", agent=None)
            frame = replace(frame, subject=full_term(parse, _subject(parse, verb)))
        elif verb in reporting:
            continue  # 'officials said': who says it is not what is said
        else:
            frame = _copular(parse, verb, frame)
        if frame.predicate is None or (frame.predicate == IDENTITY and frame.object is None and unknown is None):
            continue
        if unknown is not None:
            frame = replace(frame, negated=True, negation=unknown.said, modality=unknown.modality)
        elif _denies_only_adverb(parse, frame, vocab):
            continue
        start, end = clause_range(parse, verb)
        words = frozenset(
            t.lemma
            for t in parse.tokens[start:end]
            if t.is_word and t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and t.lower not in vocab.stopwords
        )
        if len(words) < _MIN_WORDS:
            continue
        found.append(
            Statement(
                span=parse.span(start, end),
                sentence=parse.index,
                words=words,
                negated=frame.negated,
                negation=frame.negation,
                names=names,
                speaker=speaker,
                frame=frame,
                unknown=unknown is not None,
                referent=_referent(parse, verb, frame, referents),
            )
        )
    return found


def _said_unknown(
    parse: Parse, vocab: CompiledVocabulary, speaker: Speaker | None
) -> tuple[dict[int, _Unknown], dict[int, _Unknown]]:
    """The clauses a negated lemma of the rules' `unknown` list says are not known, by their
    verb: those it governs ('it is not known whether he resigned', 'it is not stated who the
    author was'); and, apart, the passive clauses whose subject's value it says is not given
    ('the author of the novel is not named')."""
    knowing = vocab.word_list("unknown")
    # Rule files written before `question-words` existed gave 'whether' and 'if' in `conditional`.
    questions = vocab.word_list("question-words") or vocab.word_list("conditional")
    embedded: dict[int, _Unknown] = {}
    values: dict[int, _Unknown] = {}
    for verb in verbs(parse):
        heads = [verb, *(k for k in parse.children[verb] if parse.tokens[k].dep == "acomp")]
        word = next((k for k in heads if parse.tokens[k].lemma in knowing), None)
        negation = negation_of(parse, verb, vocab) if word is not None else None
        if word is None or negation is None:
            continue
        said = Span(min(negation.start, parse.tokens[word].start), max(negation.end, parse.tokens[word].end))
        unknown = _Unknown(said, frame_at(parse, verb, vocab, speaker).modality)
        subject = _subject(parse, verb)
        if subject is not None and subject.dep == "nsubjpass" and subject.pos not in ("PRON", "DET"):
            values[verb] = unknown
        for head in heads:
            for k in parse.children[head]:
                child = parse.tokens[k]
                marks = {parse.tokens[j].lower for j in parse.children[k] if parse.tokens[j].dep == "mark"}
                asked = marks & questions or _wh_clause(parse, k)
                # 'did not know that the bridge had collapsed' takes the collapse as true: only a
                # question ('whether', 'who') is what is said not to be known
                if child.dep in ("ccomp", "advcl") and asked:
                    embedded.update(dict.fromkeys(_with_conjuncts(parse, k), unknown))
    return embedded, values


def _wh_clause(parse: Parse, head: int) -> bool:
    """Whether the clause headed by `head` opens with a wh-word ('who the author was', 'what
    happened'), by its tag: an embedded question."""
    return parse.tokens[parse.subtree(head)[0]].tag in _WH_TAGS


def _denies_only_adverb(parse: Parse, frame: Frame, vocab: CompiledVocabulary) -> bool:
    """A negation right before an adverb of its clause denies the adverb, not the clause: 'she
    did not immediately turn to it', 'it was not directly observed' say nothing against 'she
    turned to it', 'it was observed'; the rules' `negation-intensifiers` ('not even', 'not yet')
    deny the clause."""
    if frame.negation is None:
        return False
    after = next((t.i + 1 for t in parse.tokens if t.start == frame.negation.start), len(parse.tokens))
    if after >= len(parse.tokens):
        return False
    word, negation = parse.tokens[after], parse.tokens[after - 1]
    if word.pos != "ADV" or word.dep != "advmod" or negation.head == word.i:
        return False  # 'no longer': the negation hangs on the adverb, and denies with it
    return word.lower not in vocab.word_list("negation-intensifiers") | vocab.negation


def _referent(parse: Parse, verb: int, frame: Frame, referents: Mapping[int, str]) -> str | None:
    """What the clause's pronoun subject stands for ('it' is Oman), if it has one."""
    subject = _subject(parse, verb)
    token = parse.tokens[verb]
    if subject is None and token.dep == "conj" and token.head != verb:
        subject = _subject(parse, token.head)  # 'It is old and is not popular': one subject
    if subject is None or frame.subject is not None:
        return None
    return referents.get(subject.i)


def _with_conjuncts(parse: Parse, verb: int) -> list[int]:
    """A clause's verb and the verbs of the clauses joined to it ('whether he resigned or was dismissed')."""
    found = [verb]
    for k in found:
        found.extend(
            j for j in parse.children[k] if parse.tokens[j].dep == "conj" and parse.tokens[j].pos in ("VERB", "AUX")
        )
    return found


def _subject(parse: Parse, verb: int) -> Token | None:
    return argument(parse, verb, _CLAUSE_SUBJECTS)


def _copular(parse: Parse, verb: int, frame: Frame) -> Frame:
    """A clause of 'be' and a noun, or of a verb and an adjective. 'The author of the novel is
    Jane Roe' names who the author is: an identity of the subject (all its words, 'novel
    author') and the name; so is 'who the author is', which names no one. Otherwise the noun is
    the predicate, and the words that narrow it are its object: 'is not a real mountain' is not
    denied by 'is a fictional mountain'."""
    attribute = next((parse.tokens[k] for k in parse.children[verb] if parse.tokens[k].dep == "attr"), None)
    adjective = next((parse.tokens[k] for k in parse.children[verb] if parse.tokens[k].dep in ("acomp", "oprd")), None)
    if attribute is None and adjective is not None and adjective.pos == "ADJ":
        # 'pleaded guilty to manslaughter' / 'pleaded not guilty to murder', 'good enough to qualify
        # for the final' / 'not good enough to qualify for Madrid': all the adjective's words count
        return replace(frame, object=full_term(parse, adjective))
    if parse.tokens[verb].pos != "AUX" or attribute is None:
        return frame
    subject = _subject(parse, verb)
    named = subject is not None and subject.pos not in ("PRON", "DET")
    if named and attribute.tag in _WH:
        return replace(frame, predicate=IDENTITY, predicate_class=None, subject=full_term(parse, subject), object=None)
    if named and attribute.pos == "PROPN":
        name = full_term(parse, attribute)
        return replace(frame, predicate=IDENTITY, predicate_class=None, subject=full_term(parse, subject), object=name)
    return frame if attribute.tag in _WH else replace(frame, object=head_term(parse, attribute))


def full_term(parse: Parse, token: Token | None) -> str | None:
    """An argument with all the content words that narrow it, before or after ('the author of
    the novel' is 'novel author'), the head last, as same_term compares them. Clauses and
    conjuncts hanging on it say something else ('the author, who lives in Leeds')."""
    if token is None:
        return None
    narrowing: set[str] = set()
    stack = [k for k in parse.children[token.i] if parse.tokens[k].dep not in _APART]
    while stack:
        word = parse.tokens[stack.pop()]
        if word.is_word and word.pos in _CONTENT:
            narrowing.add(word.lemma)
        stack.extend(k for k in parse.children[word.i] if parse.tokens[k].dep not in _APART)
    return " ".join([*sorted(narrowing), token.lemma])


def predicate_key(frame: Frame) -> str | None:
    return frame.predicate_class or frame.predicate


def same_claim(a: Statement, b: Statement) -> bool:
    """Whether two statements say the same thing of the same things, whatever their polarity:
    one predicate (or predicate class), and the same arguments: what the predicate is done to
    (the object, or a passive clause's subject) named by both or by neither, and who does it
    named by both (a pronoun names no one) unless a passive clause leaves the doer out."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or predicate_key(fa) != predicate_key(fb) or _time(fa) != _time(fb):
        return False
    if _referred_same(a, b):
        return True
    (doer_a, doer_b), (done_a, done_b) = _arguments(fa, fb)
    if _value_unknown(a) or _value_unknown(b):
        done_a = done_b = None  # 'the author is not named' / 'the author is Jane Roe': any name
    if (done_a is None) != (done_b is None) or (done_a is not None and not same_term(done_a, done_b)):
        return False
    passive_without_doer = done_a is not None and "passive" in (fa.voice, fb.voice)
    if doer_a is None or doer_b is None:
        # A pronoun names no one: only a clause that otherwise says the very same thing ('It is a
        # popular destination for tourists' / 'The stadium is not a popular destination for
        # tourists') is taken to speak of the same subject.
        if not passive_without_doer and not _says_the_same(a, b):
            return False
    elif not same_term(doer_a, doer_b):
        return False
    return _scopes_agree(fa, fb)


def contrary(a: Statement, b: Statement, vocab: CompiledVocabulary) -> bool:
    """Two affirmed statements of opposite predicate classes (the rules' `predicates ...
    opposite ...` lines) that otherwise say the same thing of the same things: 'the government is
    banning the app' / 'the government is endorsing the app'. Both must speak of one time: the
    present or the future, or the past at the same time both name ('the museum opened in 1950' and
    'the museum has closed' tell of two moments, not of a contradiction), with the same phrases
    said with the verbs where both have one of a preposition ('opens at nine' / 'closes at five' is
    a timetable), and no other content word on one side only: an opposite said of another thing
    ('bans smoking in pubs' / 'allows smoking in private homes', 'the plan for the north' / 'for
    the south') is no contrary."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or a.negated or b.negated:
        return False
    if not vocab.opposite(predicate_key(fa), predicate_key(fb)):
        return False
    if _time(fa) == "past" and not (fa.scope.time and fa.scope.time.lower() == (fb.scope.time or "").lower()):
        return False
    if not _same_qualifiers(fa.scope.qualifiers, fb.scope.qualifiers):
        return False  # 'opens at nine' / 'closes at five': what the verbs are said with sets them apart
    if a.words - set((fa.predicate or "").split()) != b.words - set((fb.predicate or "").split()):
        return False  # 'banned on government phones' / 'allowed on personal phones': other things
    return same_claim(a, replace(b, frame=replace(fb, predicate=fa.predicate, predicate_class=fa.predicate_class)))


def _same_qualifiers(a: frozenset[str], b: frozenset[str]) -> bool:
    """Prepositional phrases ('at nine') that agree: where both clauses have one of a preposition,
    they share its object; one said on one side only narrows nothing (the parse may hang 'on its
    phones' on the verb in one sentence and on its object in the other)."""
    by_a: dict[str, set[str]] = {}
    by_b: dict[str, set[str]] = {}
    for qualifiers, by in ((a, by_a), (b, by_b)):
        for phrase in qualifiers:
            preposition, _, noun = phrase.partition(" ")
            by.setdefault(preposition, set()).add(noun)
    return all(by_a[p] & by_b[p] for p in by_a.keys() & by_b.keys())


def _referred_same(a: Statement, b: Statement) -> bool:
    """A clause of a pronoun and one of what it stands for ('It did not open its airspace' after
    'Oman ...' / 'Oman opened its airspace'): the same claim when, read with the pronoun's
    referent, both name the very same arguments. Whom a pronoun stands for is a guess, so a
    bare word does not match a narrowed one here ('he pleaded guilty' / 'he pleaded not guilty
    to murder')."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or (a.referent is None and b.referent is None):
        return False
    fa = replace(fa, subject=a.referent) if a.referent is not None else fa
    fb = replace(fb, subject=b.referent) if b.referent is not None else fb
    (doer_a, doer_b), (done_a, done_b) = _arguments(fa, fb)
    if (doer_a is None) != (doer_b is None) or (doer_a is not None and not same_term(doer_a, doer_b)):
        return False
    named = doer_a is not None or done_a is not None
    return named and done_a == done_b and _same_scope(fa, fb)


def _value_unknown(statement: Statement) -> bool:
    """An identity whose name is said not to be known or given ('who the author is is not stated')."""
    frame = statement.frame
    return statement.unknown and frame is not None and frame.predicate == IDENTITY and frame.object is None


def _says_the_same(a: Statement, b: Statement) -> bool:
    shared = a.words & b.words
    return len(shared) >= _MIN_SAME and len(shared) >= _SAME_SHARE * min(len(a.words), len(b.words))


def _arguments(fa: Frame, fb: Frame) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """(doers, things done to) of the two frames; a passive clause's subject is what an active
    clause's object is ('the model was recalled' ~ 'the company recalled the model'), and its
    agent the active subject."""
    a_passive, b_passive = fa.voice == "passive", fb.voice == "passive"
    if a_passive == b_passive:
        if a_passive:
            return (fa.agent, fb.agent), (fa.subject, fb.subject)
        return (fa.subject, fb.subject), (fa.object, fb.object)
    active, passive = (fb, fa) if a_passive else (fa, fb)
    pairs = ((active.subject, passive.agent), (active.object, passive.subject))
    return pairs if not a_passive else ((pairs[0][1], pairs[0][0]), (pairs[1][1], pairs[1][0]))


def _time(frame: Frame) -> str | None:
    """When a clause says its predicate holds: what was ('was dead', 'has been fulfilled') is not
    denied by what is ('is not dead'), nor what will be by either."""
    if frame.tense == "past" or frame.aspect == "perfect":
        return "past"
    return frame.tense


def _same_scope(fa: Frame, fb: Frame) -> bool:
    """The same time and place, or neither: 'in her 2008 campaign she did not' is not against an
    undated 'she supported it' when who 'she' is was a guess."""
    return all(
        (x or "").lower() == (y or "").lower()
        for x, y in ((fa.scope.place, fb.scope.place), (fa.scope.time, fb.scope.time))
    )


def _scopes_agree(fa: Frame, fb: Frame) -> bool:
    """Different places or different times name different occasions."""
    for x, y in ((fa.scope.place, fb.scope.place), (fa.scope.time, fb.scope.time)):
        if x and y and x.lower() != y.lower():
            return False
    return True
