"""Statements of many rule files -> one RuleSet, checking names as it goes.

Pure: no I/O. Later files extend the vocabularies of earlier ones, so a user's
rule file adds cue words to the bundled defaults rather than replacing them.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.errors import RuleError
from checker.escape import quoted
from checker.rulelang import ast
from checker.rulelang.ruleset import RETIRED_WORD_LISTS, STATUS_TIMES, WORD_LISTS, RuleSet, StatusWords, Vocabulary
from checker.text import WILDCARD, phrase_words

# The shape of a phrase, whatever matches it: the matcher's work per sentence grows with its
# words, and doubles with each wildcard (each may stand for a word or for none).
MAX_PHRASE_WORDS = 32
MAX_WILDCARDS = 3


def resolve(files: Iterable[ast.RuleFile]) -> tuple[RuleSet, list[RuleError]]:
    """Merge rule files in order; return the rule set and every meaning error found."""
    builder = _Builder()
    for rule_file in files:
        for statement in rule_file.statements:
            builder.add(statement)
    builder.check_references()
    return builder.build(), builder.errors


class _Builder:
    def __init__(self) -> None:
        self.errors: list[RuleError] = []
        self.status_before: dict[str, list[str]] = {}
        self.status_after: dict[str, list[str]] = {}
        self.status_compatible: dict[str, set[str]] = {}
        self.compatible_refs: list[ast.Name] = []
        self.event_nouns: dict[str, tuple[str, ast.Origin]] = {}
        self.values: dict[str, dict[str, tuple[int, ast.Origin]]] = {
            "ordinal": {},
            "number": {},
            "month": {},
            "weekday": {},
        }
        self.quantities: list[ast.QuantityFact] = []
        self.dates: list[ast.DateFact] = []
        self.words: dict[str, set[str]] = {}
        self.role_cues: dict[str, str] = {}
        self.synonyms: dict[str, str] = {}
        self.predicates: dict[str, str] = {}
        self.opposites: dict[str, set[str]] = {}  # predicate class -> the classes that say its contrary
        self.status_time: dict[str, str] = {}  # time -> status
        self.status_times: dict[str, str] = {}  # status -> time
        self.entities: list[ast.EntityFact] = []
        self.events: list[ast.EventFact] = []
        self.entity_aliases: dict[str, tuple[str, ast.Origin]] = {}
        self.event_aliases: dict[str, tuple[str, ast.Origin]] = {}
        self.as_of: ast.AsOf | None = None
        self.files: list[str] = []

    def fail(self, origin: ast.Origin, problem: str) -> None:
        self.errors.append(RuleError(origin.path, origin.line, origin.column, problem))

    def add(self, statement: ast.Statement) -> None:
        if statement.origin.path not in self.files:
            self.files.append(statement.origin.path)
        if not isinstance(statement, ast.Include):  # an include's text is a path, not a phrase
            problems = [(text, problem) for text in _phrases(statement) if (problem := phrase_problem(text.value))]
            for text, problem in problems:
                self.fail(text.origin, problem)
            if problems:
                return
        handler = getattr(self, "_" + type(statement).__name__)
        handler(statement)

    def _Include(self, statement: ast.Include) -> None:
        pass  # followed by the loader before resolution

    def _AsOf(self, statement: ast.AsOf) -> None:
        if self.as_of and self.as_of.date != statement.date:
            self.fail(
                statement.origin,
                f"expected one reference date, found {statement.date} and {self.as_of.date} ({self.as_of.origin})",
            )
            return
        self.as_of = statement

    def _StatusDef(self, statement: ast.StatusDef) -> None:
        name = statement.name.value
        self.status_before.setdefault(name, []).extend(t.value for t in statement.before)
        self.status_after.setdefault(name, []).extend(t.value for t in statement.after)
        self.status_compatible.setdefault(name, set()).update(n.value for n in statement.compatible)
        if statement.time is not None:
            time = statement.time
            if time.value not in STATUS_TIMES:
                self.fail(time.origin, f"expected a time ({', '.join(STATUS_TIMES)}), found {time.value!r}")
            elif self.status_time.setdefault(time.value, name) != name:
                other = self.status_time[time.value]
                self.fail(time.origin, f"expected one status per time, found {time.value} for {other} and {name}")
            else:
                self.status_times[name] = time.value
        self.compatible_refs.extend(statement.compatible)

    def _EventNouns(self, statement: ast.EventNouns) -> None:
        words = [t for t in statement.nouns]
        # A noun already in a class joins this line to that class.
        existing = {self.event_nouns[t.value.lower()][0] for t in words if t.value.lower() in self.event_nouns}
        if len(existing) > 1:
            self.fail(statement.origin, f"expected nouns of one class, found nouns of {', '.join(sorted(existing))}")
            return
        canonical = existing.pop() if existing else words[0].value.lower()
        for text in words:
            self.event_nouns.setdefault(text.value.lower(), (canonical, text.origin))

    def _ValueDef(self, statement: ast.ValueDef) -> None:
        table = self.values[statement.kind]
        limits = {"month": 12, "weekday": 7}
        if statement.kind in limits and not 1 <= statement.value <= limits[statement.kind]:
            self.fail(
                statement.origin,
                f"expected a {statement.kind} from 1 to {limits[statement.kind]}, found {statement.value}",
            )
            return
        for text in statement.words:
            key = text.value.lower()
            if key in table and table[key][0] != statement.value:
                value, origin = table[key]
                self.fail(
                    text.origin,
                    f"expected one value for {statement.kind} {text.value!r}, "
                    f"found {statement.value} and {value} ({origin})",
                )
                continue
            table[key] = (statement.value, text.origin)

    def _QuantityFact(self, statement: ast.QuantityFact) -> None:
        if statement.comparison is None:
            self.fail(statement.origin, "expected a value (value 250, value at least 1200, ...) in this quantity")
            return
        if not statement.mentions:
            self.fail(statement.origin, 'expected the words the claim mentions (mentions "...") in this quantity')
            return
        self.quantities.append(statement)

    def _DateFact(self, statement: ast.DateFact) -> None:
        if statement.relation is None:
            self.fail(statement.origin, "expected a date (on, before, after, by or between ...) in this date")
            return
        if not statement.mentions:
            self.fail(statement.origin, 'expected the words the claim mentions (mentions "...") in this date')
            return
        self.dates.append(statement)

    def _WordList(self, statement: ast.WordList) -> None:
        name = statement.name.value
        if name in RETIRED_WORD_LISTS:
            return
        if name not in WORD_LISTS:
            known = ", ".join(WORD_LISTS)
            self.fail(statement.name.origin, f"expected a word list ({known}), found {name!r}")
            return
        self.words.setdefault(name, set()).update(t.value.lower() for t in statement.words)

    def _RoleCue(self, statement: ast.RoleCue) -> None:
        for cue in statement.cues:
            self.role_cues[cue.value.lower()] = statement.means.value

    def _Synonyms(self, statement: ast.Synonyms) -> None:
        canonical = statement.words[0].value.lower()
        canonical = self.synonyms.get(canonical, canonical)
        for text in statement.words:
            self.synonyms[text.value.lower()] = canonical

    def _Predicates(self, statement: ast.Predicates) -> None:
        one = self._predicate_class(statement.words)
        if statement.opposite:
            other = self._predicate_class(statement.opposite)
            self.opposites.setdefault(one, set()).add(other)
            self.opposites.setdefault(other, set()).add(one)

    def _predicate_class(self, texts: tuple[ast.Text, ...]) -> str:
        """The class of these lemmas: a lemma already in a class joins them all to that class."""
        words = [t.value.lower() for t in texts]
        canonical = next((self.predicates[w] for w in words if w in self.predicates), words[0])
        for word in words:
            self.predicates.setdefault(word, canonical)
        return canonical

    def _EntityFact(self, statement: ast.EntityFact) -> None:
        self._claim_names(self.entity_aliases, "entity", statement.name.value, (statement.name, *statement.aliases))
        self.entities.append(statement)

    def _EventFact(self, statement: ast.EventFact) -> None:
        self._claim_names(self.event_aliases, "event", statement.name.value, (statement.name, *statement.aliases))
        self.events.append(statement)

    def _claim_names(self, taken: dict, kind: str, owner: str, names: tuple[ast.Text, ...]) -> None:
        for text in names:
            key = " ".join(phrase_words(text.value))
            holder = taken.get(key)
            if holder and holder[0] != owner:
                self.fail(
                    text.origin,
                    f"expected an alias of one {kind}, found {text.value!r} already naming {holder[0]!r} ({holder[1]})",
                )
                continue
            taken[key] = (owner, text.origin)

    def check_references(self) -> None:
        known = sorted(self.status_before)
        listed = ", ".join(known)
        for ref in self.compatible_refs:
            if ref.value not in self.status_before:
                self.fail(ref.origin, f"expected a status ({listed}), found {ref.value!r}")
        for event in self.events:
            if event.status and event.status.value not in self.status_before:
                self.fail(event.status.origin, f"expected a status ({listed}), found {event.status.value!r}")

    def build(self) -> RuleSet:
        statuses = {
            name: StatusWords(
                name=name,
                before=tuple(dict.fromkeys(self.status_before[name])),
                after=tuple(dict.fromkeys(self.status_after[name])),
                compatible=frozenset(self.status_compatible[name]),
                time=self.status_times.get(name),
            )
            for name in self.status_before
        }
        vocabulary = Vocabulary(
            statuses=statuses,
            event_nouns={noun: cls for noun, (cls, _) in self.event_nouns.items()},
            ordinals={word: value for word, (value, _) in self.values["ordinal"].items()},
            numbers={word: value for word, (value, _) in self.values["number"].items()},
            months={word: value for word, (value, _) in self.values["month"].items()},
            weekdays={word: value for word, (value, _) in self.values["weekday"].items()},
            words={name: frozenset(words) for name, words in self.words.items()},
            role_cues=dict(self.role_cues),
            synonyms=dict(self.synonyms),
            predicates=dict(self.predicates),
            opposites={name: frozenset(others) for name, others in self.opposites.items()},
        )
        return RuleSet(
            vocabulary=vocabulary,
            entities=tuple(self.entities),
            events=tuple(self.events),
            quantities=tuple(self.quantities),
            dates=tuple(self.dates),
            as_of=self.as_of.date if self.as_of else None,
            as_of_origin=self.as_of.origin if self.as_of else None,
            files=tuple(self.files),
        )


def phrase_problem(phrase: str) -> str | None:
    """Why a quoted phrase cannot be matched in bounded time, or None when it can."""
    words = phrase_words(phrase)
    wildcards = words.count(WILDCARD)
    if len(words) > MAX_PHRASE_WORDS:
        return f"expected a phrase of at most {MAX_PHRASE_WORDS} words, found {len(words):,}"
    if wildcards > MAX_WILDCARDS:
        return f"expected at most {MAX_WILDCARDS} wildcards (*) in a phrase, found {wildcards}"
    if wildcards and not any(word != WILDCARD and word[0].isalnum() for word in words):
        return f"expected a word beside the wildcards (*), found only wildcards in {quoted(phrase, 40)}"
    return None


def _phrases(value) -> list[ast.Text]:
    """Every quoted phrase a statement holds, found through its fields (facts hold roles)."""
    from checker.rulelang.stored import field_names

    if isinstance(value, ast.Text):
        return [value]
    if isinstance(value, tuple):
        return [text for item in value for text in _phrases(item)]
    if isinstance(value, ast.Origin | ast.Name | str | int | float) or value is None:
        return []
    return [text for name in field_names(type(value)) for text in _phrases(getattr(value, name))]
