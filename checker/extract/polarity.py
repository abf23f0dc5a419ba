"""Statements and their polarity: each clause as a frame (predicate, subject, object) with
whether it is negated.

'The company recalled the model in June' and 'The model was never recalled, the company
insists' become two frames of the predicate 'recall' with the object (or passive subject)
'model', one negated: a statement and its denial.
"""

from __future__ import annotations

from checker.analysis import Parse
from checker.extract.frames import clause_range, frame_at, verbs
from checker.extract.vocab import CompiledVocabulary
from checker.model import Frame, Speaker, Statement

_MIN_WORDS = 2


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
        if frame.predicate is None or (frame.subject is None and frame.object is None):
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
    one predicate (or predicate class), the same subject where both name one, the same object
    where both name one, and at least one of the two named by both."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or predicate_key(fa) != predicate_key(fb):
        return False
    pairs = [(x, y) for x, y in _arguments(fa, fb) if x is not None and y is not None]
    if not pairs or any(x != y for x, y in pairs):
        return False
    return _scopes_agree(fa, fb)


def _arguments(fa: Frame, fb: Frame) -> list[tuple[str | None, str | None]]:
    """Subject against subject and object against object; a passive clause's subject is what an
    active clause's object is ('the model was recalled' ~ 'the company recalled the model')."""
    a_passive, b_passive = fa.voice == "passive", fb.voice == "passive"
    if a_passive == b_passive:
        return [(fa.subject, fb.subject), (fa.object, fb.object)]
    active, passive = (fb, fa) if a_passive else (fa, fb)
    return [(active.object, passive.subject), (active.subject, passive.agent)]


def _scopes_agree(fa: Frame, fb: Frame) -> bool:
    """Different places or different times name different occasions."""
    for x, y in ((fa.scope.place, fb.scope.place), (fa.scope.time, fb.scope.time)):
        if x and y and x.lower() != y.lower():
            return False
    return True
