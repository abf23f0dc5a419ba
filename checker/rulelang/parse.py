"""Rule text -> RuleFile: the Lark grammar, a Transformer that only builds frozen
statements, and syntax errors worded like a compiler's. This module is imported only when a
rule file must be parsed (a rule cache miss), so Lark loads with it."""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources

import lark
from lark import Token, Transformer, v_args

from checker.errors import RuleError, rule_lines
from checker.rulelang import ast

# Terminal names shown to a person instead of Lark's own (STRING, __ANON_0, $END).
_PLAIN_TERMINALS = {
    "STRING": "a quoted phrase",
    "NAME": "a name",
    "DATE": "a date (YYYY-MM-DD)",
    "INT": "a whole number",
    "NUMBER": "a number",
    "LEVEL": "a severity (error, warning, note)",
    "$END": "the end of the file",
}


@functools.cache
def _parser() -> lark.Lark:
    grammar = resources.files("checker.rulelang").joinpath("grammar.lark").read_text("utf-8")
    return lark.Lark(grammar, parser="lalr", propagate_positions=True, maybe_placeholders=False)


def parse(text: str, path: str) -> ast.RuleFile:
    """Parse one rule file's text; raise RuleError pointing at the first problem."""
    try:
        tree = _parser().parse(text)
        statements = Build(path).transform(tree).children
    except lark.exceptions.VisitError as wrapped:
        if isinstance(wrapped.orig_exc, RuleError):
            raise _with_source(wrapped.orig_exc, text) from None
        raise
    except lark.exceptions.UnexpectedInput as problem:
        raise _syntax_error(problem, text, path) from None
    return ast.RuleFile(path=path, statements=tuple(statements))


def _with_source(error: RuleError, text: str) -> RuleError:
    lines = rule_lines(text)
    source = lines[error.line - 1] if 0 < error.line <= len(lines) else None
    return RuleError(error.path, error.line, error.column, error.problem, source)


def _syntax_error(problem: lark.exceptions.UnexpectedInput, text: str, path: str) -> RuleError:
    line, column = max(problem.line, 1), max(problem.column, 1)
    if isinstance(problem, lark.exceptions.UnexpectedCharacters):
        found = text[problem.pos_in_stream : problem.pos_in_stream + 1]
        expected = problem.allowed or set()
        what = f"found {found!r}" if found else "found the end of the file"
    elif isinstance(problem, lark.exceptions.UnexpectedToken):
        token = problem.token
        expected = problem.expected
        if token.type == "$END":
            what = "found the end of the file"
            line, column = _end_position(text)
        else:
            what = f"found {str(token)!r}"
    else:  # UnexpectedEOF
        expected = getattr(problem, "expected", set())
        what = "found the end of the file"
        line, column = _end_position(text)
    wanted = _describe_expected(expected)
    return _with_source(RuleError(path, line, column, f"expected {wanted}, {what}"), text)


def _end_position(text: str) -> tuple[int, int]:
    lines = rule_lines(text.removesuffix("\n"))
    return len(lines), len(lines[-1]) + 1


def _describe_expected(names: set[str]) -> str:
    words = sorted({_describe_terminal(name) for name in names})
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _describe_terminal(name: str) -> str:
    if name in _PLAIN_TERMINALS:
        return _PLAIN_TERMINALS[name]
    try:
        pattern = _parser().get_terminal(name).pattern
    except KeyError:
        return name.lower()
    if pattern.type == "str":
        return repr(pattern.value)
    return name.lower()


def _origin(path: str, meta) -> ast.Origin:
    return ast.Origin(path, getattr(meta, "line", 1), getattr(meta, "column", 1))


def _unquote(token) -> str:
    body = str(token)[1:-1]
    return body.replace('\\"', '"').replace("\\\\", "\\")


@v_args(meta=True)
class Build(Transformer):
    """Turns the parse tree into frozen statements; no lookups, no state."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def _at(self, token) -> ast.Origin:
        return ast.Origin(self.path, token.line, token.column)

    def _text(self, token) -> ast.Text:
        value = _unquote(token)
        if not value.strip():
            raise RuleError(self.path, token.line, token.column, "expected a phrase, found an empty string")
        return ast.Text(value, self._at(token))

    def _date(self, token) -> dt.date:
        try:
            return dt.date.fromisoformat(str(token))
        except ValueError:
            raise RuleError(
                self.path, token.line, token.column, f"expected a real date (YYYY-MM-DD), found {str(token)!r}"
            ) from None

    def strings(self, meta, children):
        return tuple(self._text(t) for t in children)

    def include(self, meta, children):
        return ast.Include(self._text(children[0]), _origin(self.path, meta))

    def as_of(self, meta, children):
        return ast.AsOf(self._date(children[0]), _origin(self.path, meta))

    def compatible(self, meta, children):
        return tuple(ast.Name(str(t), self._at(t)) for t in children)

    def cue_before(self, meta, children):
        return "before", children[0]

    def cue_after(self, meta, children):
        return "after", children[0]

    def status_time(self, meta, children):
        return "time", ast.Name(str(children[0]), self._at(children[0]))

    def status_def(self, meta, children):
        name_token, *rest = children
        compatible: tuple[ast.Name, ...] = ()
        before: list[ast.Text] = []
        after: list[ast.Text] = []
        time: ast.Name | None = None
        for item in rest:
            if isinstance(item, tuple) and item and isinstance(item[0], ast.Name):
                compatible = item
            elif item[0] == "time":
                time = item[1]
            else:
                side, words = item
                (before if side == "before" else after).extend(words)
        return ast.StatusDef(
            ast.Name(str(name_token), self._at(name_token)),
            compatible,
            tuple(before),
            tuple(after),
            _origin(self.path, meta),
            time,
        )

    def event_nouns(self, meta, children):
        return ast.EventNouns(children[0], _origin(self.path, meta))

    def _value_def(self, kind, meta, children):
        number, words = children
        return ast.ValueDef(kind, int(number), words, _origin(self.path, meta))

    def ordinal_def(self, meta, children):
        return self._value_def("ordinal", meta, children)

    def number_def(self, meta, children):
        return self._value_def("number", meta, children)

    def month_def(self, meta, children):
        return self._value_def("month", meta, children)

    def weekday_def(self, meta, children):
        return self._value_def("weekday", meta, children)

    def word_list(self, meta, children):
        name, words = children
        return ast.WordList(ast.Name(str(name), self._at(name)), words, _origin(self.path, meta))

    def role_cue(self, meta, children):
        cues, means = children
        return ast.RoleCue(cues, self._text(means), _origin(self.path, meta))

    def synonyms(self, meta, children):
        return ast.Synonyms(children[0], _origin(self.path, meta))

    def predicates(self, meta, children):
        return ast.Predicates(children[0], _origin(self.path, meta))

    # Facts: items are tagged pairs so the entity/event builders stay flat.
    def alias(self, meta, children):
        return ("alias", children[0])

    def severity(self, meta, children):
        return ("severity", str(children[0]))

    def message(self, meta, children):
        return ("message", self._text(children[0]).value)

    def place(self, meta, children):
        return ("place", self._text(children[0]))

    def expected_status(self, meta, children):
        return ("status", ast.Name(str(children[0]), self._at(children[0])))

    def role_alias(self, meta, children):
        return ("aka", children[0])

    def role_from(self, meta, children):
        return ("from", self._date(children[0]))

    def role_until(self, meta, children):
        return ("until", self._date(children[0]))

    def role(self, meta, children):
        title, *items = children
        found = dict(items)
        since, until = found.get("from"), found.get("until")
        if since and until and until < since:
            raise RuleError(
                self.path, meta.line, meta.column, f"expected 'until' to come after 'from' ({since}), found {until}"
            )
        fact = ast.RoleFact(self._text(title), found.get("aka", ()), since, until, _origin(self.path, meta))
        return ("role", fact)

    def entity(self, meta, children):
        name, *items = children
        return ast.EntityFact(
            name=self._text(name),
            aliases=_collect(items, "alias"),
            roles=tuple(value for key, value in items if key == "role"),
            severity=_last(items, "severity"),
            message=_last(items, "message"),
            origin=_origin(self.path, meta),
        )

    def event(self, meta, children):
        name, *items = children
        return ast.EventFact(
            name=self._text(name),
            aliases=_collect(items, "alias"),
            place=_last(items, "place"),
            status=_last(items, "status"),
            severity=_last(items, "severity"),
            message=_last(items, "message"),
            origin=_origin(self.path, meta),
        )

    # Quantities and dates ------------------------------------------------
    def mentions(self, meta, children):
        return ("mentions", children[0])

    def _number(self, token) -> float:
        return float(str(token).replace(",", ""))

    def cmp_equal(self, meta, children):
        value = self._number(children[0])
        return ast.Comparison("equal", value, value)

    def cmp_at_least(self, meta, children):
        return ast.Comparison("at least", self._number(children[0]), float("inf"))

    def cmp_at_most(self, meta, children):
        return ast.Comparison("at most", float("-inf"), self._number(children[0]))

    def cmp_between(self, meta, children):
        low, high = (self._number(c) for c in children)
        if high < low:
            token = children[1]
            raise RuleError(
                self.path, token.line, token.column, f"expected a number of at least {low:g}, found {high:g}"
            )
        return ast.Comparison("between", low, high)

    def per(self, meta, children):
        return self._text(children[0])

    def value_cmp(self, meta, children):
        comparison, *rest = children
        unit = next((c for c in rest if isinstance(c, Token)), None)
        per = next((c for c in rest if isinstance(c, ast.Text)), None)
        found = {
            "comparison": comparison,
            "unit": self._text(unit) if unit is not None else None,
            "per": per,
            "origin": _origin(self.path, meta),
        }
        return ("value", found)

    def _date_relation(self, relation, meta, children):
        return ("date", (relation, self._date(children[0]), None, _origin(self.path, meta)))

    def date_on(self, meta, children):
        return self._date_relation("on", meta, children)

    def date_before(self, meta, children):
        return self._date_relation("before", meta, children)

    def date_after(self, meta, children):
        return self._date_relation("after", meta, children)

    def date_by(self, meta, children):
        return self._date_relation("by", meta, children)

    def date_between(self, meta, children):
        start, end = (self._date(c) for c in children)
        if end < start:
            token = children[1]
            raise RuleError(self.path, token.line, token.column, f"expected a date after {start}, found {end}")
        return ("date", ("between", start, end, _origin(self.path, meta)))

    def quantity(self, meta, children):
        name, *items = children
        value = _last(items, "value") or {}
        return ast.QuantityFact(
            name=self._text(name),
            mentions=_collect(items, "mentions"),
            comparison=value.get("comparison"),
            unit=value.get("unit"),
            per=value.get("per"),
            severity=_last(items, "severity"),
            message=_last(items, "message"),
            origin=_origin(self.path, meta),
            value_origin=value.get("origin"),
        )

    def date_fact(self, meta, children):
        name, *items = children
        relation, start, end, value_origin = _last(items, "date") or (None, None, None, None)
        return ast.DateFact(
            name=self._text(name),
            mentions=_collect(items, "mentions"),
            relation=relation,
            start=start,
            end=end,
            severity=_last(items, "severity"),
            message=_last(items, "message"),
            origin=_origin(self.path, meta),
            value_origin=value_origin,
        )


def _collect(items, key):
    return tuple(text for k, value in items if k == key for text in value)


def _last(items, key):
    values = [value for k, value in items if k == key]
    return values[-1] if values else None
