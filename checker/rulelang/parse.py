"""Rule text -> RuleFile: the Lark grammar, a Transformer that only builds frozen
statements, and syntax errors worded like a compiler's. This module is imported only when a
rule file must be parsed (a rule cache miss), so Lark loads with it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources

import lark
from lark import Token, Transformer, v_args

from checker.errors import RuleError, rule_lines
from checker.escape import quoted
from checker.rulelang import ast

MAX_DIGITS = 15  # a number's whole part: beyond, floats lose units and ints lose their meaning

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
    rule_file, errors = parse_all(text, path)
    if errors:
        raise errors[0]
    return rule_file


def parse_all(text: str, path: str) -> tuple[ast.RuleFile, list[RuleError]]:
    """Parse one rule file's text into its statements, and every problem found, in line order.

    A syntax error does not end the parse: Lark's LALR error recovery (`on_error`) drops what
    cannot be read and goes on from the innermost construct that can take the next token, so
    one run reports every error of the file, as a compiler does.
    """
    recovery = _Recovery(text, path)
    try:
        tree = _parser().parse(text, on_error=recovery)
    except lark.exceptions.UnexpectedInput as problem:  # recovery gave up: nothing more can be read
        if recovery.stopped_at is None:
            recovery.report(problem)
        else:
            stop = _syntax_error(recovery.stopped_at, text, path)
            message = f"expected at most {MAX_ERRORS} errors in one file, found more: fix these and check again"
            recovery.errors.append(_with_source(RuleError(path, stop.line, stop.column, message), text))
        tree = None
    builder = Build(path)
    statements = []
    for child in tree.children if tree is not None else ():
        before = len(builder.errors)
        statement = builder.transform(child)  # its impossible values are reported either way
        # Left out: a statement with an impossible value, and one that recovery patched up (what
        # was dropped from it would read as missing, an error the user did not make).
        patched = any(child.meta.start_pos < at < child.meta.end_pos for at in recovery.offsets)
        if len(builder.errors) == before and not patched:
            statements.append(statement)
    errors = recovery.errors + [_with_source(e, text) for e in builder.errors]
    errors.sort(key=lambda e: (e.line, e.column))
    return ast.RuleFile(path=path, statements=tuple(statements)), errors


# A file of garbage would otherwise give an error per stretch of it, each costing the recovery's
# trial feeds; compilers stop likewise (clang after 20).
MAX_ERRORS = 100
_BLANK = re.compile(r"(?:\s|#[^\n]*)*")  # what the grammar ignores between tokens


class _Recovery:
    """Lark's `on_error` handler: panic-mode recovery, one error reported per bad stretch.

    On an unexpected token, the parser's stacks are cut back to the innermost open construct
    that accepts it (a statement's item, a block, the file), and the token is fed there; a token
    that no construct accepts is dropped. An error right after a dropped token belongs to the
    same stretch and is not reported again."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.errors: list[RuleError] = []
        self.offsets: list[int] = []  # where each syntax error was found, reported or not
        self._dropped_until: int | None = None  # where the last dropped token or character ended
        self.stopped_at: lark.exceptions.UnexpectedInput | None = None

    def __call__(self, problem: lark.exceptions.UnexpectedInput) -> bool:
        if len(self.errors) >= MAX_ERRORS:
            self.stopped_at = problem
            return False  # Lark raises it: parse_all ends the file there
        if isinstance(problem, lark.exceptions.UnexpectedCharacters):
            self.report(problem)
            self._dropped_until = problem.pos_in_stream + 1  # Lark skips the character
            return True
        token = problem.token
        self.report(problem)
        state = problem.interactive_parser.parser_state
        trial = _Trial(state)
        boundaries = trial.boundaries()  # deepest first
        depth = next((d for d in boundaries if trial.accepts(d, token)), None)
        if depth is not None:
            _cut(state, depth)
            self._dropped_until = None
            if token.type != "$END":  # the end is fed again when parsing resumes
                problem.interactive_parser.feed_token(token)
            return True
        # Fits nowhere: drop it, and leave what it broke for the innermost open block (or the
        # file), so that the next words are read as that block's (a keyword stays a keyword).
        _cut(state, boundaries[0])
        self._dropped_until = token.end_pos
        return True

    def report(self, problem: lark.exceptions.UnexpectedInput) -> None:
        at = getattr(problem, "pos_in_stream", None)
        token = getattr(problem, "token", None)
        if token is not None:
            at = len(self.text) if token.type == "$END" else token.start_pos
        if at is not None:
            self.offsets.append(at)
        if self._dropped_until is not None and at is not None and at >= self._dropped_until:
            between = self.text[self._dropped_until : at]
            if _BLANK.fullmatch(between):
                return  # the same bad stretch
        self.errors.append(_syntax_error(problem, self.text, self.path))


class _Trial:
    """Trial feeds on copies of the parser's stacks, building no trees."""

    def __init__(self, state) -> None:
        import copy

        self.state = state
        self.quiet = copy.copy(state.parse_conf)
        self.quiet.callbacks = {}

    def accepts(self, depth: int, token) -> bool:
        """Whether the parser, cut back to `depth`, would take `token`."""
        from lark.exceptions import UnexpectedToken

        state = self.state
        trial = type(state)(self.quiet, state.lexer, state.state_stack[:depth], state.value_stack[: depth - 1])
        try:
            trial.feed_token(token, token.type == "$END")
        except UnexpectedToken:
            return False
        return True

    def boundaries(self) -> list[int]:
        """The stack depths, deepest first, where the parser stands between the items of a block
        or between statements (it would take a closing brace or the end of the file there): the
        only places recovery resumes, so that it never re-enters the middle of an item."""
        closing, end = lark.Token(_closing_brace(), "}"), lark.Token("$END", "")
        depths = range(len(self.state.state_stack), 0, -1)
        return [d for d in depths if self.accepts(d, closing) or self.accepts(d, end)] or [1]


def _cut(state, depth: int) -> None:
    """Back to the parser's configuration at `depth`: a prefix of an LR stack is one."""
    del state.state_stack[depth:]
    del state.value_stack[depth - 1 :]


@functools.cache
def _closing_brace() -> str:
    return next(t.name for t in _parser().terminals if t.pattern.value == "}")


def _with_source(error: RuleError, text: str) -> RuleError:
    lines = rule_lines(text)
    source = lines[error.line - 1] if 0 < error.line <= len(lines) else None
    return RuleError(error.path, error.line, error.column, error.problem, source)


def _syntax_error(problem: lark.exceptions.UnexpectedInput, text: str, path: str) -> RuleError:
    line, column = max(problem.line, 1), max(problem.column, 1)
    at_end = False
    if isinstance(problem, lark.exceptions.UnexpectedCharacters):
        found = text[problem.pos_in_stream : problem.pos_in_stream + 1]
        expected = problem.allowed or set()
        what = f"found {found!r}" if found else "found the end of the file"
    elif isinstance(problem, lark.exceptions.UnexpectedToken):
        token = problem.token
        expected = problem.expected
        at_end = token.type == "$END"
        what = f"found {quoted(str(token), 40)}"
    else:  # UnexpectedEOF
        expected = getattr(problem, "expected", set())
        at_end = True
    if at_end:
        what = "found the end of the file"
        line, column = _end_position(text)
    wanted = _describe_expected(expected)
    return _with_source(RuleError(path, line, column, f"expected {wanted}, {what}"), text)


def _end_position(text: str) -> tuple[int, int]:
    lines = rule_lines(text.removesuffix("\n"))
    return len(lines), len(lines[-1]) + 1


_MAX_LISTED = 12  # choices named in a syntax error


def _describe_expected(names: set[str]) -> str:
    words = sorted({_describe_terminal(name) for name in names})
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    if len(words) > _MAX_LISTED:  # so that what was found still fits in the one-line message
        return ", ".join(words[:_MAX_LISTED]) + f" or one of {len(words) - _MAX_LISTED} other words"
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
    """Turns the parse tree into frozen statements; no lookups. A value that cannot stand
    (an impossible date, an empty phrase) is recorded in `errors` and the building goes on,
    so that every such value of a file is reported at once; the caller drops the statement."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.errors: list[RuleError] = []

    def _fail(self, line: int, column: int, problem: str) -> None:
        self.errors.append(RuleError(self.path, line, column, problem))

    def _at(self, token) -> ast.Origin:
        return ast.Origin(self.path, token.line, token.column)

    def _text(self, token) -> ast.Text:
        value = _unquote(token)
        if not value.strip():
            self._fail(token.line, token.column, "expected a phrase, found an empty string")
        return ast.Text(value, self._at(token))

    def _date(self, token) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(token))
        except ValueError:
            self._fail(token.line, token.column, f"expected a real date (YYYY-MM-DD), found {str(token)!r}")
            return None

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
        return ast.ValueDef(kind, self._whole(number), words, _origin(self.path, meta))

    def _whole(self, token) -> int:
        if len(str(token).lstrip("0")) > MAX_DIGITS:
            self._fail(token.line, token.column, f"expected a number of at most {MAX_DIGITS} digits")
            return 0
        return int(token)

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
        opposite = children[1] if len(children) > 1 and children[1] is not None else ()
        return ast.Predicates(children[0], _origin(self.path, meta), opposite)

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
            self._fail(meta.line, meta.column, f"expected 'until' to come after 'from' ({since}), found {until}")
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
        if len(str(token).replace(",", "").split(".")[0].lstrip("0")) > MAX_DIGITS:
            self._fail(token.line, token.column, f"expected a number of at most {MAX_DIGITS} digits")
            return 0.0
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
            self._fail(token.line, token.column, f"expected a number of at least {low:g}, found {high:g}")
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
        if start and end and end < start:
            token = children[1]
            self._fail(token.line, token.column, f"expected a date after {start}, found {end}")
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
