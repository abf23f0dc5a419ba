"""Dates, months, years, weekdays, periods and ranges, found by a fast token scan.

Absolute forms are read here ('Tuesday, 23 July 2025', 'by the end of August',
'from 2003 to 2011', 'mid-2025'); only relative expressions ('next week', 'on Tuesday')
are handed to dateparser, and only when a reference date can anchor them. A date
without a year takes the year that puts it nearest the reference date.

The words come from the rule files (month and weekday names, period phrases, ordinal
suffixes, joiners); what a word is here comes from the parse: a month or weekday name
is one when the parse reads it as a date or a name that is no entity of another kind
('May' the month, not the modal verb nor 'Theresa May'), a plural noun after a year-like
number makes it a count ('2000 troops'), a preposition may stand between a day and its
month when the day governs it ('5th of May'), and a conjunction joins two dates only after a range opener
('between 1 May and 3 June').
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract.attachment import attach, tokens_in
from checker.extract.clauses import Clauses
from checker.extract.vocab import PERIOD_LISTS, CompiledVocabulary
from checker.model import Anchor, DateClaim, Frame, Span, Speaker
from checker.text import Token

if TYPE_CHECKING:  # the parse's types only: a listing command imports these modules
    from checker.analysis import Parse
    from checker.analysis import Token as Parsed

_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_YEAR_RANGE = re.compile(r"(1[89]\d\d|20\d\d)[-–](\d{2}|1[89]\d\d|20\d\d)")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PREFIXED_YEAR = re.compile(r"([^\W\d_]+)-(1[89]\d\d|20\d\d)")  # 'mid-2025', when the prefix is a period word
_OLD_YEAR = re.compile(r"1[0-7]\d\d")
_LEAP_YEAR = 2000  # stands in for an unknown year, so 29 February stays a valid date
# Entity labels under which a month or weekday name names a time; with no entity, a proper noun
# does too ('in May'). Under any other label it is part of a name ('Theresa May', 'Sunday Times').
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass(slots=True)
class DateValue:
    start: int  # token range
    end: int
    year: int | None
    month: int | None
    day: int | None
    period: str | None = None  # start, middle or end of the month or year
    weekday: int | None = None
    weekday_token: int | None = None
    relative: str | None = None
    range_to: DateValue | None = None
    deadline: bool = False


def covering(tokens: list[Token], parse: Parse) -> list[Parsed]:
    """For each token, the parse's token it begins in (the two cut words alike nearly always;
    where they do not, 'mid-2025' is one token here and three in the parse)."""
    starts = [t.start for t in parse.tokens]
    last = len(starts) - 1
    return [parse.tokens[max(0, min(last, bisect.bisect_right(starts, t.start) - 1))] for t in tokens]


def find(tokens: list[Token], vocab: CompiledVocabulary, parsed: list[Parsed]) -> list[DateValue]:
    """The dates of a sentence's tokens; `parsed` holds, per token, the parse's token it begins in."""
    found: list[DateValue] = []
    taken: set[int] = set()
    starters = vocab.date_starters
    prefixes = vocab.period_prefixes
    i = 0
    while i < len(tokens):
        lower = tokens[i].lower
        if not (lower[0].isdigit() or lower in starters or lower.partition("-")[0] in prefixes):
            i += 1
            continue
        value = _absolute_at(tokens, i, vocab, parsed)
        if value:
            _widen_period(value, tokens, vocab)
            found.append(value)
            taken.update(range(value.start, value.end))
            i = value.end
        else:
            i += 1
    found.extend(_relatives(tokens, vocab, taken, parsed))
    found.sort(key=lambda v: v.start)
    found = _join_ranges(found, tokens, vocab, parsed)
    for value in found:
        _mark_deadline(value, tokens, vocab)
    return found


def _named_value(k: int, tokens: list[Token], parsed: list[Parsed], table: dict[str, int]) -> int | None:
    """The value of a month or weekday name at k, when the parse reads it as one."""
    value = table.get(tokens[k].lower)
    if value is None:
        return None
    word = parsed[k]
    if word.ent_type in _TIME_ENTITIES or (not word.ent_type and word.pos == "PROPN"):
        return value
    return None


def _day(token: Token, vocab: CompiledVocabulary) -> int | None:
    """A day of the month: digits, with or without an ordinal suffix of the rules ('23', '23rd')."""
    lower = token.lower
    if not lower[:1].isdecimal():
        return None
    # isdecimal, not isdigit: '0²' holds a digit that is no decimal number
    day = vocab.ordinal(token) if not lower.isdecimal() else int(lower) if len(lower) <= 2 else None
    return day if day is not None and 1 <= day <= 31 else None


def _year(tokens: list[Token], k: int) -> tuple[int | None, int]:
    """A year at k (after an optional comma), and the index after it."""
    j = k + 1 if k < len(tokens) and tokens[k].text == "," else k
    if j < len(tokens) and _YEAR.fullmatch(tokens[j].text):
        return int(tokens[j].text), j + 1
    return None, k


def _absolute_at(tokens: list[Token], i: int, vocab: CompiledVocabulary, parsed: list[Parsed]) -> DateValue | None:
    vocabulary = vocab.ruleset.vocabulary
    token = tokens[i]
    iso = _ISO.fullmatch(token.text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        if _valid(year, month, day):
            return DateValue(i, i + 1, year, month, day)
        return None
    year_range = _YEAR_RANGE.fullmatch(token.text)
    if year_range:
        first = int(year_range.group(1))
        second = year_range.group(2)
        last = int(second) if len(second) == 4 else first - first % 100 + int(second)
        end = DateValue(i, i + 1, last, None, None)
        return DateValue(i, i + 1, first, None, None, range_to=end)
    prefixed = _PREFIXED_YEAR.fullmatch(token.lower)
    if prefixed and prefixed.group(1) in vocab.period_prefixes:
        period = vocab.period_prefixes[prefixed.group(1)]
        return DateValue(i, i + 1, int(prefixed.group(2)), None, None, period=period)

    j = i
    weekday = _named_value(i, tokens, parsed, vocabulary.weekdays)
    if weekday is not None:
        j += 1
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
    if j >= len(tokens):
        return None
    day = _day(tokens[j], vocab)
    if day is not None and j + 1 < len(tokens):
        k = j + 1
        if parsed[k].pos == "ADP" and parsed[k].head == parsed[j].i and k + 1 < len(tokens):
            k += 1  # '5th of May': a preposition the day governs
        month = _named_value(k, tokens, parsed, vocabulary.months)
        if month is not None:
            year, end = _year(tokens, k + 1)
            if not _valid(year or _LEAP_YEAR, month, day):
                return None
            return DateValue(i, end, year, month, day, weekday=weekday, weekday_token=i if weekday else None)
    month = _named_value(j, tokens, parsed, vocabulary.months)
    if month is not None:
        k = j + 1
        if k < len(tokens) and _day(tokens[k], vocab) is not None and not _YEAR.fullmatch(tokens[k].text):
            day = _day(tokens[k], vocab)
            year, end = _year(tokens, k + 1)
            if not _valid(year or _LEAP_YEAR, month, day):
                return None
            return DateValue(i, end, year, month, day, weekday=weekday, weekday_token=i if weekday else None)
        year, end = _year(tokens, k)
        if weekday is not None:
            return None  # 'Monday, May' is not a date we can read
        return DateValue(i, end, year, month, None)
    if weekday is None and _YEAR.fullmatch(token.text) and not _counts_plural(tokens, i, parsed, vocab):
        return DateValue(i, i + 1, int(token.text), None, None)
    if (
        weekday is None
        and _OLD_YEAR.fullmatch(token.text)
        and i > 0
        and tokens[i - 1].lower in vocab.word_list("year-prepositions")
    ):
        return DateValue(i, i + 1, int(token.text), None, None)  # 'in 1279': older years need 'in', 'by' ...
    return None


def _counts_plural(tokens: list[Token], i: int, parsed: list[Parsed], vocab: CompiledVocabulary) -> bool:
    """'deployed 2000 soldiers' is a count, not a year: the number modifies the plural common
    noun right after it (by the parse, whatever entity label it gives the number). A determiner
    or possessive before the number makes it the year of the thing ('its 2004 earnings', 'the
    2010 elections', 'the company's 2004 results'), and so does a preposition of the rules'
    `year-prepositions` ('in 2003 profits rose')."""
    if i + 1 >= len(tokens):
        return False
    number, word = parsed[i], parsed[i + 1]
    if not (word.pos == "NOUN" and word.morph.number == "plur" and word.start == tokens[i + 1].start):
        return False
    if number.dep != "nummod" or number.head != word.i:
        return False
    if i > 0:
        before = parsed[i - 1]
        if before.dep in ("det", "poss") or before.tag in ("POS", "PRP$"):
            return False
        if tokens[i - 1].lower in vocab.word_list("year-prepositions"):
            return False
    return True


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _widen_period(value: DateValue, tokens: list[Token], vocab: CompiledVocabulary) -> None:
    """'the end of August', 'early 2025': the period phrase joins the date."""
    if value.day is not None or value.period is not None:
        return
    for name, period in PERIOD_LISTS:
        start = vocab.phrase_ending_at(name, tokens, value.start)
        if start is not None:
            value.period = period
            value.start = start
            return


def _relatives(
    tokens: list[Token], vocab: CompiledVocabulary, taken: set[int], parsed: list[Parsed]
) -> list[DateValue]:
    found = []
    for match in vocab.scan(tokens)["relative-dates"]:
        if not any(k in taken for k in range(match.start, match.end)):
            text = " ".join(t.text for t in tokens[match.start : match.end])
            found.append(DateValue(match.start, match.end, None, None, None, relative=text))
            taken.update(range(match.start, match.end))
    weekdays = vocab.ruleset.vocabulary.weekdays
    for i, token in enumerate(tokens):
        if i not in taken and _named_value(i, tokens, parsed, weekdays) is not None:
            found.append(DateValue(i, i + 1, None, None, None, relative=token.text))
    return found


def _join_ranges(
    found: list[DateValue], tokens: list[Token], vocab: CompiledVocabulary, parsed: list[Parsed]
) -> list[DateValue]:
    joiners = vocab.word_list("range-joiners") | vocab.word_list("date-range-joiners")
    openers = vocab.word_list("range-openers")
    out: list[DateValue] = []
    k = 0
    while k < len(found):
        first = found[k]
        second = found[k + 1] if k + 1 < len(found) else None
        if (
            second
            and first.relative is None
            and second.relative is None
            and first.range_to is None
            and second.start == first.end + 1
            and tokens[first.end].lower in joiners
            # 'and' joins a range only after an opener: 'between 1 May and 3 June'
            and (
                (first.start > 0 and tokens[first.start - 1].lower in openers)
                or not vocab.joins_only_when_opened(tokens[first.end].lower, parsed[first.end])
            )
        ):
            first.range_to = second
            first.end = second.end
            out.append(first)
            k += 2
            continue
        out.append(first)
        k += 1
    return out


def _mark_deadline(value: DateValue, tokens: list[Token], vocab: CompiledVocabulary) -> None:
    value.deadline = vocab.phrase_ending_at("deadline", tokens, value.start, width=3) is not None


# Turning values into claims -------------------------------------------------------------


def interval(value: DateValue, as_of: dt.date | None) -> tuple[dt.date | None, dt.date | None, str, bool]:
    """The days a value covers, its granularity, and whether its year is known."""
    if value.relative is not None:
        day = _resolve_relative(value.relative, as_of) if as_of else None
        return day, day, "relative", day is not None
    year, year_known = value.year, value.year is not None
    if year is None:
        year = _nearest_year(value.month or 1, value.day or 15, as_of) if as_of else _LEAP_YEAR
        year_known = as_of is not None
    if value.month is None:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        granularity = "year"
    elif value.day is None:
        first = dt.date(year, value.month, 1)
        last = dt.date(year, value.month, calendar.monthrange(year, value.month)[1])
        granularity = "month"
    else:
        first = last = dt.date(year, value.month, value.day)
        granularity = "day"
    first, last = _narrow(first, last, value.period)
    return first, last, granularity, year_known


def _narrow(first: dt.date, last: dt.date, period: str | None) -> tuple[dt.date, dt.date]:
    if period is None:
        return first, last
    length = (last - first).days + 1
    third = length // 3
    if period == "start":
        return first, first + dt.timedelta(days=third - 1)
    if period == "middle":
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    return last - dt.timedelta(days=third - 1), last


def _nearest_year(month: int, day: int, as_of: dt.date) -> int:
    """The year that puts month/day nearest the reference date."""

    def distance(year: int) -> int:
        safe_day = min(day, calendar.monthrange(year, month)[1])
        return abs((dt.date(year, month, safe_day) - as_of).days)

    return min((as_of.year - 1, as_of.year, as_of.year + 1), key=distance)


@functools.lru_cache(maxsize=512)
def _resolve_relative(text: str, as_of: dt.date) -> dt.date | None:
    import dateparser  # slow to import: only when a relative date must be resolved

    settings = {"RELATIVE_BASE": dt.datetime(as_of.year, as_of.month, as_of.day), "PREFER_DATES_FROM": "current_period"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def to_claims(
    values: list[DateValue],
    tokens: list[Token],
    clauses: Clauses,
    sentence: int,
    speaker: Speaker | None,
    vocab: CompiledVocabulary,
    as_of: dt.date | None,
    anchors_of,
    names: frozenset[str] = frozenset(),
    parse: Parse | None = None,
) -> list[DateClaim]:
    claims = []
    future = vocab.scan(tokens)["future"]
    past = vocab.word_list("past")
    weekdays = vocab.ruleset.vocabulary.weekdays
    for value in values:
        anchor, frame = _anchor(value, tokens, parse, vocab, speaker) if parse is not None else (None, None)
        first, last, granularity, year_known = interval(value, as_of)
        range_end = end_granularity = None
        if value.range_to is not None:
            if value.year is None and value.range_to.year is not None:
                value.year = value.range_to.year  # 'January to August 1945': one year for both ends
                first, _, granularity, year_known = interval(value, as_of)
            _, last, end_granularity, _ = interval(value.range_to, as_of)
            if last is not None and first is not None and last < first and value.range_to.year is None:
                # 'between 1 September and 22 March', no year given: the end falls in the next year
                next_year = last.year + 1
                last = last.replace(year=next_year, day=min(last.day, calendar.monthrange(next_year, last.month)[1]))
            end_value = value.range_to
            range_end = Span(tokens[end_value.start].start, tokens[end_value.end - 1].end)
        start, end = clauses.clause_of(value.start)
        own_start, own_end = clauses.own_clause(value.start)
        # The date's own clause decides its tense when it has one ('which was opened in 1987,
        # will close' is past); a bare 'In 2013,' borrows the tense of the clause it leads.
        tense = "future" if value.deadline else _tense(tokens, range(own_start, own_end), future, past)
        if anchor is not None and anchor.tense in ("future", "past") and not value.deadline:
            tense = anchor.tense if tense != "future" else tense  # a plan's cue ('proposed') outranks the verb
        tense = tense or _tense(tokens, range(start, end), future, past)
        weekday = weekdays.get(value.relative.lower()) if value.relative is not None else None
        if weekday is not None:
            # 'on Thursday': the tense says which Thursday, counted from the reference date
            first = last = _weekday_near(weekday, as_of, tense) if as_of else None
            granularity, year_known = ("day", True) if first else ("relative", False)
        part = _day_part(tokens, value.end, vocab)
        weekday_span = None
        if value.weekday_token is not None:
            token = tokens[value.weekday_token]
            weekday_span = Span(token.start, token.end)
        claims.append(
            DateClaim(
                span=Span(tokens[value.start].start, tokens[value.end - 1].end),
                sentence=sentence,
                start=first,
                end=last,
                granularity=granularity,
                year_known=year_known,
                context=clauses.content(start, end),
                anchors=anchors_of(own_start, own_end, (value.start, value.end)),
                tense=tense,
                deadline=value.deadline,
                weekday=value.weekday,
                weekday_span=weekday_span,
                range_end=range_end,
                end_granularity=end_granularity if end_granularity != granularity else None,
                day_of_week=weekday if weekday is not None and first is None else None,
                day_part=part,
                day_part_span=Span(tokens[value.end].start, tokens[value.end].end) if part else None,
                negated=any(tokens[k].lower in vocab.negation for k in range(start, value.start)),
                clause=clauses.span(start, end),
                names=names,
                speaker=speaker,
                anchor=anchor,
                frame=frame,
            )
        )
    return claims


_DAY_PARTS = ("day-morning", "day-afternoon", "day-evening")


def _day_part(tokens: list[Token], after: int, vocab: CompiledVocabulary) -> str | None:
    """The part of the day a word right after a date names ('Thursday morning'): the name of the
    rules' list it is in, so that two parts of different lists do not meet."""
    if after >= len(tokens):
        return None
    word = tokens[after].lower
    return next((name for name in _DAY_PARTS if word in vocab.word_list(name)), None)


def _anchor(
    value: DateValue, tokens: list[Token], parse: Parse, vocab: CompiledVocabulary, speaker: Speaker | None
) -> tuple[Anchor | None, Frame | None]:
    """The verb the date dates and that verb's subject, and the frame of its clause."""
    indices = tokens_in(parse, tokens[value.start].start, tokens[value.end - 1].end)
    if not indices:
        return None, None
    attached = attach(parse, indices, counts=False)
    written = " ".join(t.text for t in tokens[value.start : value.end])
    return attached.anchor(parse, vocab), attached.frame(parse, vocab, speaker, written)


def _weekday_near(weekday: int, as_of: dt.date, tense: str | None) -> dt.date | None:
    """The day a bare weekday names: in a past clause the latest such day up to the reference
    date, in a future clause the first one after it; otherwise (or on the reference day's own
    weekday in a future clause) it is not clear which week is meant."""
    offset = (as_of.isoweekday() - weekday) % 7
    if tense == "past":
        return as_of - dt.timedelta(days=offset)
    if tense == "future" and offset:
        return as_of + dt.timedelta(days=7 - offset)
    return None


def _tense(tokens: list[Token], clause: range, future, past) -> str | None:
    if any(m.start in clause for m in future):
        return "future"
    if any(tokens[k].lower in past for k in clause):
        return "past"
    return None
