"""A rule set as JSON data, and back: what the rule cache stores.

Data, not code: decoding builds only the rule language's own record classes (those of
checker.rulelang.ruleset and checker.rulelang.ast, named in the data and looked up in
those two modules), tuples, frozensets, dicts, dates, numbers and strings. Nothing in an
entry can import a module or call a function of its choosing, so an entry someone else
wrote can at worst be a wrong rule set (which is why the cache also checks who wrote it).

    record   {"ClassName": [field values in order]}
    tuple    [items]
    dict     {"dict": [[key, value], ...]}       (keys are any value, and never clash with a tag)
    set      {"set": [items]}                    (a frozenset)
    date     {"date": "YYYY-MM-DD"}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

_TAGS = ("dict", "set", "date")


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a value class (a dataclass), in order; none for any other class."""
    return tuple(item.name for item in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else ()


def encode(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"dict": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, frozenset):
        return {"set": [encode(item) for item in value]}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    cls = type(value)
    if _classes(cls.__module__).get(cls.__name__) is not cls:
        raise TypeError(f"a rule set holds no {cls.__module__}.{cls.__name__}")
    return {cls.__name__: [encode(getattr(value, name)) for name in field_names(cls)]}


def decode(data: object) -> object:
    """The value `encode` made; ValueError (or TypeError, KeyError) for data it cannot have made."""
    if isinstance(data, list):
        return tuple(decode(item) for item in data)
    if not isinstance(data, dict):
        return data
    ((tag, body),) = data.items()
    if tag == "dict":
        return {decode(key): decode(value) for key, value in body}
    if tag == "set":
        return frozenset(decode(item) for item in body)
    if tag == "date":
        return dt.date.fromisoformat(body)
    cls = _classes("checker.rulelang.ruleset").get(tag) or _classes("checker.rulelang.ast")[tag]
    names = field_names(cls)
    if not isinstance(body, list) or len(body) != len(names):
        raise ValueError(f"{tag}: expected {len(names)} fields")
    return cls(**{name: decode(item) for name, item in zip(names, body, strict=True)})


@functools.cache
def _classes(module_name: str) -> dict[str, type]:
    """The record classes of one of the two modules a rule set's values come from."""
    if module_name == "checker.rulelang.ruleset":
        from checker.rulelang import ruleset as module
    elif module_name == "checker.rulelang.ast":
        from checker.rulelang import ast as module  # only a rule set with facts holds its classes
    else:
        return {}
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, type) and value.__module__ == module_name and field_names(value) and name not in _TAGS
    }
