"""Quantities: digits and number words, ranges, exchange pairs, bounds, units and rates.

'no less than 1,200 prisoners from each side' -> [1200, inf) prisoners per side;
'24-48 hours' -> [24, 48] hours; '“250 to 250”' -> 250 per side; 'a dozen' -> 12.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from checker.extract.attachment import LIGHT_PREDICATES, attach, tokens_in
from checker.extract.clauses import Clauses
from checker.extract.frames import auxiliaries
from checker.extract.vocab import CompiledVocabulary
from checker.model import Anchor, Frame, QuantityClaim, Span, Speaker
from checker.text import Token

if TYPE_CHECKING:  # the parse's types only: a listing command imports these modules
    from checker.analysis import Parse
    from checker.analysis import Token as ParseToken

PERCENT = "%"  # the unit of every percent phrase, whichever words said it
CAPACITIES = "capacities"  # the rules' list of what a thing can hold, and the class its words share
_DIGITS = re.compile(r"\d+")
_HYPHEN_RANGE = re.compile(r"(\d+)[-–](\d+)")
_CURRENCY = frozenset({"$", "£", "€", "¥"})
_DASHES = frozenset({"-", "–", "—"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_MAX_UNIT_WORDS = 3
_PARTICIPLES = frozenset({"VBG", "VBN"})  # 'eight teams competing': a verb ends the counted noun
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_APPROXIMATION = 0.1  # 'about 100' is taken as 90 to 110


@dataclass(slots=True)
class Value:
    """A number found in the tokens, before its clause is known."""

    start: int  # token range
    end: int
    low: float
    high: float
    unit: str | None = None
    unit_token: int | None = None
    measure: str | None = None  # 'capacity' in 'a seating capacity of 25,000 people'
    per: str | None = None
    bound: str | None = None
    year_like: bool = False
    maximum: bool = False  # bound by a phrase of the rules' `maximum` ('up to'): the most there may be
    bound_word: str | None = None  # the bound phrase's last word ('to' of 'up to')
    number_end: int = 0  # where the number itself ends, before its unit

    @property
    def number_range(self) -> tuple[int, int]:
        return self.start, max(self.number_end, self.start + 1)


def find(
    tokens: list[Token], vocab: CompiledVocabulary, occupied: set[int], parsed: Sequence[ParseToken | None]
) -> list[Value]:
    """Numbers in `tokens` outside the `occupied` token indices (dates found first); `parsed`
    holds the parse's token at each of `tokens` (None where the two cut the text apart), whose
    lemma, tag and morphology name and shape the units."""
    atoms = [a for a in _atoms(tokens, vocab) if not any(i in occupied for i in range(a.start, a.end))]
    values = _join_ranges(atoms, tokens, vocab, parsed)
    for value in values:
        value.number_end = value.end
        _attach_bound(value, tokens, vocab)
        _attach_unit(value, tokens, vocab, parsed)
    # a year-like number before a plural ('reported 2021 profits', 'deployed 2000 soldiers') is
    # read as neither a year nor a count: business copy writes the first far more than the second
    return [v for v in values if not v.year_like and not _not_a_count(v, tokens, vocab)]


def _not_a_count(value: Value, tokens: list[Token], vocab: CompiledVocabulary) -> bool:
    """Numbers that are no count of a thing: fractions and odds ('5/1'), points in time
    ('two years ago'), wholes ('two out of 16'), and conversions in brackets ('(£6.7m)')."""
    before = tokens[value.start - 1].text if value.start > 0 else ""
    after = tokens[value.number_end].text if value.number_end < len(tokens) else ""
    if "/" in (before, after):
        return True
    if value.end < len(tokens) and tokens[value.end].lower in vocab.word_list("time-offsets"):
        return True
    if vocab.phrase_ending_at("denominators", tokens, value.start, width=3) is not None:
        return True
    return before == "(" and value.start >= 2 and tokens[value.start - 2].text[-1:].isalnum()


def _adjacent(a: Token, b: Token) -> bool:
    return a.end == b.start


def _atoms(tokens: list[Token], vocab: CompiledVocabulary) -> list[Value]:
    atoms: list[Value] = []
    words = _word_numbers(tokens, vocab)
    suffixes = _suffixes(vocab)
    i = 0
    while i < len(tokens):
        if i in words:
            atom = words[i]
            atoms.append(atom)
            i = atom.end
            continue
        atom = _digit_atom(tokens, i, suffixes) if tokens[i].lower[0].isdigit() else None
        if atom:
            _multiply(atom, tokens, vocab)
            atoms.append(atom)
            i = atom.end
            continue
        i += 1
    return atoms


@dataclass(frozen=True, slots=True)
class _Suffixes:
    """The rules' `magnitude-suffixes` ('5m', '$16bn'), their values from the `number` lines,
    and the patterns of digits written with one."""

    values: dict[str, float]
    suffixed: re.Pattern[str]  # '16bn'
    group: re.Pattern[str]  # '200m' after '1,'
    fraction: re.Pattern[str]  # '5bn' after '1.'
    ending: re.Pattern[str]


_SUFFIXES = ("quantities", "magnitude-suffixes")  # the key of the built suffixes in vocab.derived


def _suffixes(vocab: CompiledVocabulary) -> _Suffixes:
    """Built once per vocabulary, kept with the values it derives from its rules."""
    found = vocab.derived.get(_SUFFIXES)
    if found is None:
        found = vocab.derived[_SUFFIXES] = _suffix_patterns(vocab)
    return found


def _suffix_patterns(vocab: CompiledVocabulary) -> _Suffixes:
    numbers = vocab.ruleset.vocabulary.numbers
    values = {w: float(numbers[w]) for w in vocab.word_list("magnitude-suffixes") if w in numbers}
    # longest first, so that 'bn' is not read as 'b' and 'n'; no suffix at all matches nothing
    either = "|".join(re.escape(w) for w in sorted(values, key=lambda w: (-len(w), w))) or "(?!)"
    return _Suffixes(
        values=values,
        suffixed=re.compile(rf"(\d+)({either})"),
        group=re.compile(rf"\d{{3}}({either})?"),
        fraction=re.compile(rf"\d+({either})?"),
        ending=re.compile(rf"({either})$"),
    )


def _digit_atom(tokens: list[Token], i: int, suffixes: _Suffixes) -> Value | None:
    token = tokens[i]
    if i > 0 and _adjacent(tokens[i - 1], token) and tokens[i - 1].is_word:
        return None
    text = token.text
    hyphen = _HYPHEN_RANGE.fullmatch(text)
    if hyphen:
        low, high = float(hyphen.group(1)), float(hyphen.group(2))
        if high <= low:
            return None  # a score ('3-1'), not a range
        return Value(i, i + 1, low, high)
    if not _DIGITS.fullmatch(text) and not suffixes.suffixed.fullmatch(text):
        return None
    digits = text
    grouped = False  # written with thousands separators: never a year
    end = i + 1
    # '1,200,000': comma groups written without spaces
    while (
        _DIGITS.fullmatch(digits)
        and end + 1 < len(tokens)
        and tokens[end].text == ","
        and _adjacent(tokens[end - 1], tokens[end])
        and _adjacent(tokens[end], tokens[end + 1])
        and suffixes.group.fullmatch(tokens[end + 1].text)
    ):
        digits += tokens[end + 1].text
        grouped = True
        end += 2
    # '1.5' or '1.5bn'
    if (
        _DIGITS.fullmatch(digits)
        and end + 1 < len(tokens)
        and tokens[end].text == "."
        and _adjacent(tokens[end - 1], tokens[end])
        and _adjacent(tokens[end], tokens[end + 1])
        and suffixes.fraction.fullmatch(tokens[end + 1].text)
    ):
        digits += "." + tokens[end + 1].text
        end += 2
    if end < len(tokens) and tokens[end].text == ":" and _adjacent(tokens[end - 1], tokens[end]):
        return None  # a time of day
    suffix = suffixes.ending.search(digits)
    number = float(digits[: suffix.start()] if suffix else digits)
    low = high = number
    if suffix:
        factor = suffixes.values[suffix.group(1)]
        if "." not in digits:
            low, high = number - 1, number + 1  # '$16bn' is a rounded '$16.6bn'
        number, low, high = number * factor, low * factor, high * factor
    atom = Value(i, end, low, high)
    if i > 0 and tokens[i - 1].text in _CURRENCY and _adjacent(tokens[i - 1], token):
        atom.start = i - 1
        atom.unit = tokens[i - 1].text
    plain = not suffix and not grouped and "." not in digits and atom.unit is None
    atom.year_like = plain and len(digits) == 4 and 1000 <= number <= 2100
    return atom


def _word_numbers(tokens: list[Token], vocab: CompiledVocabulary) -> dict[int, Value]:
    """'two hundred and fifty', 'a dozen', 'twenty-five': number words combined."""
    joiners = vocab.word_list("number-joiners")  # 'and' in 'two hundred and fifty'
    bare = vocab.word_list("magnitude-suffixes")
    by_start: dict[int, tuple[int, int]] = {}
    for match in vocab.scan(tokens)["numbers"]:
        if match.start not in by_start:  # longest first
            by_start[match.start] = (match.end, int(match.label))
    for i, token in enumerate(tokens):
        if "-" in token.lower and i not in by_start:
            parts = token.lower.split("-")
            values = [vocab.ruleset.vocabulary.numbers.get(p) for p in parts]
            if all(v is not None for v in values) and len(parts) == 2 and values[0] >= 20 and values[1] < 10:
                by_start[i] = (i + 1, values[0] + values[1])
    found: dict[int, Value] = {}
    i = 0
    ordered = sorted(by_start)
    while ordered and i < len(tokens):
        if i not in by_start:
            i += 1
            continue
        start, total, current, end = i, 0, 0, i
        while end in by_start:
            stop, value = by_start[end]
            if value >= 1000:
                total += max(current, 1) * value
                current = 0
            elif value == 100:
                current = max(current, 1) * 100
            else:
                current += value
            end = stop
            if end + 1 < len(tokens) and tokens[end].lower in joiners and end + 1 in by_start:
                end += 1
        number = total + current
        # a magnitude suffix stands only after digits: '5m', never 'm' alone
        if not all(tokens[k].lower in bare for k in range(start, end) if tokens[k].lower not in joiners):
            found[start] = Value(start, end, float(number), float(number))
        i = end
    return found


def _multiply(atom: Value, tokens: list[Token], vocab: CompiledVocabulary) -> None:
    """'1.5 million': a multiplier word right after digits."""
    if atom.end < len(tokens):
        factor = vocab.ruleset.vocabulary.numbers.get(tokens[atom.end].lower)
        if factor and factor >= 1000:
            atom.low *= factor
            atom.high *= factor
            atom.end += 1
            atom.year_like = False


def _setting(vocab: CompiledVocabulary, name: str) -> str | None:
    """The one word of a list that is a setting, not a set of words ('pair-rate': the noun an
    exchange pair is counted per). Rule files extend a list, so one that adds a word to the
    bundled one names no single word: none is taken, rather than one picked by its spelling."""
    words = vocab.word_list(name)
    return next(iter(words)) if len(words) == 1 else None


def _join_ranges(
    atoms: list[Value], tokens: list[Token], vocab: CompiledVocabulary, parsed: Sequence[ParseToken | None]
) -> list[Value]:
    joiners = vocab.word_list("range-joiners")
    openers = vocab.word_list("range-openers")
    pairs = vocab.word_list("pair-joiners")
    # '250 for 250' is an exchange: that many on each side (the rules' `pair-rate` names the side)
    pair_rate = _setting(vocab, "pair-rate")
    out: list[Value] = []
    k = 0
    while k < len(atoms):
        first = atoms[k]
        second = atoms[k + 1] if k + 1 < len(atoms) else None
        if second and second.start == first.end + 1 and not first.year_like and not second.year_like:
            joiner = tokens[first.end].lower
            opened = first.start > 0 and tokens[first.start - 1].lower in openers
            if first.low == second.low and joiner in pairs:
                out.append(Value(first.start, second.end, first.low, first.low, first.unit, per=pair_rate))
                k += 2
                continue
            # 'between 10 and 12', not '10 and 12'
            if joiner in joiners and (opened or not vocab.joins_only_when_opened(joiner, parsed[first.end])):
                if second.low > first.low:
                    out.append(Value(first.start, second.end, first.low, second.high, first.unit or second.unit))
                # a descending pair is a score or a vote ('5 to 4'): no single value
                k += 2
                continue
        out.append(first)
        k += 1
    return out


_BOUNDS = ("lower-bound", "upper-bound", "approximate")  # the rules' lists of words that bound a value


def _attach_bound(value: Value, tokens: list[Token], vocab: CompiledVocabulary) -> None:
    start = value.start
    while start > 0 and tokens[start - 1].text in _QUOTES:
        start -= 1
    # the longest phrase of the three lists wins: 'no more than 44' is a ceiling, not 'more than 44'
    found = [
        (bound_start, name)
        for name in _BOUNDS
        if (bound_start := vocab.phrase_ending_at(name, tokens, start)) is not None
    ]
    if not found:
        return
    bound_start, name = min(found, key=lambda pair: pair[0])  # the earliest start; ties keep the lists' order
    value.bound = name
    value.maximum = name == "upper-bound" and vocab.phrase_ending_at("maximum", tokens, start) is not None
    value.bound_word = tokens[start - 1].lower
    value.start = bound_start
    _apply_bound(value, name)


def _apply_bound(value: Value, kind: str) -> None:
    if kind == "lower-bound":
        value.high = math.inf
    elif kind == "upper-bound":
        value.low = -math.inf if value.low != value.high else 0.0
    else:
        spread = max(value.high, value.low) * _APPROXIMATION
        value.low -= spread
        value.high += spread


def _lemma(tokens: list[Token], parsed: Sequence[ParseToken | None], i: int) -> str:
    token = parsed[i]
    return token.lemma if token is not None else tokens[i].lower


def _verb_form(token: ParseToken | None) -> bool:
    return token is not None and token.pos in ("VERB", "AUX") and token.tag in _PARTICIPLES


def _plural(token: ParseToken | None) -> bool:
    return token is not None and (token.tag in _PLURAL_TAGS or token.morph.number == "plur")


def _attach_unit(
    value: Value, tokens: list[Token], vocab: CompiledVocabulary, parsed: Sequence[ParseToken | None]
) -> None:
    at = value.end
    percent = vocab.phrases("percent").find(tokens[at : at + 3])
    if percent and percent[0].start == 0:
        value.unit = PERCENT
        value.end = at + percent[0].end
        return
    stop = vocab.stopwords | vocab.word_list("clause-breaks") | vocab.negation
    numbers = vocab.ruleset.vocabulary.numbers
    end = at
    head = None
    while (
        end < len(tokens)
        and end - at < _MAX_UNIT_WORDS
        and tokens[end].is_word
        and tokens[end].lower not in stop
        and tokens[end].lower not in numbers
        and not tokens[end].lower[0].isdigit()
        and not _verb_form(parsed[end])
    ):
        if head is None:
            head = end
        if _plural(parsed[end]):
            head = end  # the plural noun heads the phrase: '250 Ukrainian prisoners'
            end += 1
            break
        end += 1
    if head is not None and value.unit is None:
        value.unit = _lemma(tokens, parsed, head)
        value.unit_token = head
        value.end = head + 1
    # 'a seating capacity of 20,000': the noun before a measure link names what is measured
    before = value.start - 1
    while before >= 0 and tokens[before].text in _QUOTES:
        before -= 1
    noun = tokens[before - 1] if before >= 1 else None
    if noun and tokens[before].lower in vocab.word_list("measure-links") and noun.is_word and noun.lower not in stop:
        value.measure = _lemma(tokens, parsed, before - 1)
    _attach_per(value, tokens, vocab, parsed)


def _attach_per(
    value: Value, tokens: list[Token], vocab: CompiledVocabulary, parsed: Sequence[ParseToken | None]
) -> None:
    at = value.end
    for match in vocab.phrases("per").find(tokens[at : at + 4]):
        if match.start == 0 and at + match.end < len(tokens) and tokens[at + match.end].is_word:
            word = tokens[at + match.end].lower
            if word not in vocab.stopwords:
                value.per = _lemma(tokens, parsed, at + match.end)
                value.end = at + match.end + 1
            return


AGE = "age"  # the kind, the counted thing and the predicate of a person's age ('Anna Berg, 40,')
_OLDEST = 125
_FULL_NAME = 2


def to_claims(
    values: list[Value],
    tokens: list[Token],
    clauses: Clauses,
    sentence: int,
    speaker: Speaker | None,
    vocab: CompiledVocabulary,
    anchors_of,
    names: frozenset[str] = frozenset(),
    parse: Parse | None = None,
) -> list[QuantityClaim]:
    claims = []
    future = vocab.scan(tokens)["future"]
    for value in values:
        anchor, frame, kind, hypothetical = (
            _anchor(value, tokens, vocab, parse, speaker) if parse is not None else (None, None, "count", False)
        )
        low, high, bound = value.low, value.high, value.bound
        if anchor is not None and value.maximum and CAPACITIES in anchor.predicates:
            low, bound = high, None  # 'can hold up to 25,000': its capacity is 25,000
        start, end = clauses.clause_of(value.start if value.bound is None else value.end - 1)
        context = clauses.content(start, end) | {w for w in (value.unit, value.measure) if w}
        negated = any(tokens[i].lower in vocab.negation for i in range(start, value.start))
        planned = any(start <= m.start < end for m in future)
        modality = "planned" if planned or (anchor is not None and anchor.tense == "future") else "stated"
        if hypothetical:
            modality = "hypothetical"
        span = Span(tokens[value.start].start, tokens[value.end - 1].end)
        claims.append(
            QuantityClaim(
                span=span,
                sentence=sentence,
                low=low,
                high=high,
                unit=value.unit or value.measure,
                measure=value.measure,
                per=value.per,
                bound=bound,
                context=context,
                anchors=anchors_of(start, end, (value.start, value.end)),
                modality=modality,
                negated=negated,
                clause=clauses.span(start, end),
                names=names,
                speaker=speaker,
                anchor=anchor,
                frame=frame,
                kind=kind,
            )
        )
    return claims


def _anchor(
    value: Value, tokens: list[Token], vocab: CompiledVocabulary, parse: Parse, speaker: Speaker | None
) -> tuple[Anchor, Frame | None, str, bool]:
    """The value's anchor and frame from the parse, whether it counts things, measures a span
    of time or labels one thing, and whether a condition ('if') leads its clause."""
    number = tokens[value.start : max(value.number_end, value.start + 1)]
    indices = tokens_in(parse, number[0].start, number[-1].end)
    digits = [i for i in indices if parse.tokens[i].like_num or parse.tokens[i].pos == "NUM"]
    if not indices:
        return Anchor(counted=None, predicates=frozenset()), None, "count", False
    person = _age_of(parse, digits, value, vocab.word_list("ages"))
    if person is not None:
        return Anchor(counted=AGE, predicates=frozenset({AGE}), subject=person, subject_kind="name"), None, AGE, False
    attached = attach(
        parse,
        digits or indices,
        counts=True,
        totals=vocab.word_list("totals"),
        accompanying=vocab.word_list("accompanying"),
    )
    reach = attached.reach(parse)
    scope_words = frozenset(
        " ".join(t.lower for t in tokens[m.start : m.end])
        for m in vocab.phrases("count-scopes").find(tokens)
        if reach.start <= tokens[m.start].start and tokens[m.end - 1].end <= reach.end
    )
    kind = "label" if attached.label else "duration" if attached.time_expression else "count"
    hypothetical = attached.conditional(parse, vocab.word_list("conditional"))
    written = " ".join(t.text for t in tokens[value.start : value.end])
    anchor = attached.anchor(
        parse,
        vocab,
        scope_words,
        vocab.word_list(LIGHT_PREDICATES),
        vocab.word_list("reporting") | vocab.word_list("accompanied-predicates"),
    )
    able = attached.verb is not None and _able(parse, attached.verb, vocab)
    return _measured(anchor, value, vocab, able), attached.frame(parse, vocab, speaker, written), kind, hypothetical


def _age_of(parse: Parse, digits: list[int], value: Value, ages: frozenset[str]) -> str | None:
    """The person whose age a number gives, as news writes it between commas after the full name
    ('Samuel Lindqvist, 26, said') or after a word of the rules' `ages` ('Anna Berg, aged 40,'):
    the name in lower case.
    A surname alone ('Lindqvist, 25,') may be any of a family's, and a number that is no whole
    year of a life, or that the recogniser reads as no date, is no age ('Chelsea, 2, Arsenal, 1')."""
    tokens = parse.tokens
    if len(digits) != 1 or value.low != value.high or not 0 < value.low < _OLDEST or value.low % 1:
        return None
    number = tokens[digits[0]]
    head = tokens[number.head]
    after = tokens[number.i + 1] if number.i + 1 < len(tokens) else None
    if after is not None and after.text not in (",", ")", ".", ";"):
        return None
    if (head.lower in ages or head.lemma in ages) and head.i == number.i - 1 and head.dep in ("amod", "acl"):
        head = tokens[head.head]  # 'aged 40': the name 'aged' describes
        before = number.i - 2
    else:
        before = number.i - 1
    if not (before > 0 and tokens[before].text == "," and tokens[before - 1].i == head.i):
        return None
    if number.dep not in ("appos", "npadvmod") or head.pos != "PROPN" or number.ent_type not in ("DATE", ""):
        return None
    start = head.i
    while start > 0 and tokens[start - 1].head == head.i and tokens[start - 1].dep in ("compound", "flat"):
        start -= 1
    names = [t for t in tokens[start : head.i + 1] if t.pos == "PROPN"]
    if len(names) < _FULL_NAME or any(t.ent_type not in ("PERSON", "") for t in names[:-1]):
        return None
    return " ".join(t.lower for t in names)


def _able(parse: Parse, verb: int, vocab: CompiledVocabulary) -> bool:
    """The verb is said with a modal of what a thing can do (the rules' `ability-modals`: 'can
    hold', 'could seat'), and one of the rules' `capacities`: it states a capacity. A verb of
    holding without one ('accommodated 120 people last night') tells what it held."""
    modals = vocab.word_list("ability-modals")
    return parse.tokens[verb].lemma in vocab.word_list(CAPACITIES) and any(
        t.tag == "MD" and t.lower in modals for t in auxiliaries(parse, verb)
    )


def _measured(anchor: Anchor, value: Value, vocab: CompiledVocabulary, able: bool) -> Anchor:
    """A value that measures a noun ('a seating capacity of 20,000') stands where the noun
    stands: the link to the noun is no step of its role ('of/dobj' is 'dobj'); nor is the last
    word of its bound, which the parse may read as a preposition ('hold up to 25,000': 'to'),
    and a value linked by nothing else has the empty role, which meets subject and object. A value said
    as a capacity, with a measure noun of the rules' `capacities` ('a capacity of 20,000') or a
    verb of it after a modal of ability ('can hold 25,000'), brings the class of them all, the
    CAPACITIES its list is named by: a capacity is compared only with a capacity."""
    role, predicates = anchor.role, anchor.predicates
    link, _, rest = role.partition("/")
    if value.bound_word is not None and link == value.bound_word:
        role = rest
    if value.measure is not None:
        link, _, rest = role.partition("/")
        if rest and link in vocab.word_list("measure-links"):
            role = rest
    if able or value.measure in vocab.word_list(CAPACITIES):
        predicates = predicates | {CAPACITIES}
    if (role, predicates) == (anchor.role, anchor.predicates):
        return anchor
    return replace(anchor, role=role, predicates=predicates)
