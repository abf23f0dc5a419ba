"""Statements and their polarity: each clause as a frame (predicate, subject, object) with
whether it is negated.

'The company recalled the model in June' and 'The model was never recalled, the company
insists' become two frames of the predicate 'recall' with the object (or passive subject)
'model', one negated: a statement and its denial.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.frames import clause_range, frame_at, same_term, verbs
from checker.extract.vocab import CompiledVocabulary
from checker.model import Frame, Speaker, Statement

if TYPE_CHECKING:
    from checker.analysis import Parse

_MIN_WORDS = 2
_MIN_SAME = 4  # content words two clauses share, beside a pronoun subject, to say the same thing
_SAME_SHARE = 0.75


def statements(
    parse: Parse, speaker: Speaker | None, vocab: CompiledVocabulary, names: frozenset[str] = frozenset()
) -> list[Statement]:
    """One statement per clause whose predicate says something (not a verb of saying, not a
    bare auxiliary), with its frame."""
    found = []
    reporting = {cue.start for cue in parse.found("reporting")}
    for verb in verbs(parse):
        if verb in reporting:
            continue  # 'officials said': who says it is not what is said
        frame = frame_at(parse, verb, vocab, speaker)
        if frame.predicate is None:
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
            )
        )
    return found


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
    (doer_a, doer_b), (done_a, done_b) = _arguments(fa, fb)
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


def _scopes_agree(fa: Frame, fb: Frame) -> bool:
    """Different places or different times name different occasions."""
    for x, y in ((fa.scope.place, fb.scope.place), (fa.scope.time, fb.scope.time)):
        if x and y and x.lower() != y.lower():
            return False
    return True
