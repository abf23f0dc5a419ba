"""Typed value records: what `@dataclass(frozen=True, slots=True)` gives us, at a fraction of its start-up.

Every value of the pipeline is a record. The standard library's dataclasses compile six
methods per class from source, each on its own, and import `inspect`; with the ~60 records
of this package that was the largest single cost of a one-article audit's start-up
(issue 6). Here only `__init__` is compiled, since it runs once per value and must be as
fast as a hand-written one, and only once a class has made COMPILE_AFTER values through a
generic `__init__`: a one-article run compiles almost nothing, an archive run compiles
its busy records at once. Equality, hashing, ordering and repr are shared functions over
the record's fields; unpickling (the rule cache, worker processes) fills the slots
directly, without calling `__init__` or validating again.

    @record                 frozen, slotted, equal and hashed by value
    @record(order=True)     and ordered by its fields, in order
    @record(frozen=False)   mutable (a builder filled in step by step); then unhashable
    @record(eq=False)       equal and hashed by identity
    @record(slots=False)    keeps a __dict__, for functools.cached_property (pickled too)

Fields are the class's annotations in order; a class attribute is the default, or
`field(default_factory=..., repr=False)`; a field without a default cannot follow one
with. `__post_init__` runs after `__init__` if defined; a record defines no `__init__`
of its own. As with `dataclass(slots=True)`, the decorator returns a new class, so a
method of a record cannot use zero-argument `super()`. A record does not inherit from a
record.
"""

from __future__ import annotations

import operator
from operator import attrgetter

TYPE_CHECKING = False  # typing stays out of start-up; type checkers read the block below
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**_options):
        return lambda decorator: decorator


_MISSING = object()
_set = object.__setattr__
_new = object.__new__
COMPILE_AFTER = 50  # values of a class made before its __init__ is compiled


class FrozenRecordError(AttributeError):
    """An attempt to change a field of a frozen record."""


class Field:
    """A field of a record: its name, its default or the factory of one, and whether repr shows it."""

    __slots__ = ("default", "default_factory", "name", "repr")

    def __init__(self, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, repr: bool = True):
        if default is not _MISSING and default_factory is not None:
            raise TypeError("a field takes a default or a default_factory, not both")
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.repr = repr

    @property
    def has_default(self) -> bool:
        return self.default is not _MISSING or self.default_factory is not None

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, repr: bool = True) -> Any:
    return Field(default, default_factory, repr)


@dataclass_transform(field_specifiers=(field,), frozen_default=True)
def record(cls: type[T] | None = None, /, *, frozen=True, eq=True, order=False, slots=True) -> Any:
    if cls is None:  # @record(...): a decorator that makes the class

        def make(cls: type[T]) -> type[T]:
            return _make(cls, frozen, eq, order, slots)

        return make
    return _make(cls, frozen, eq, order, slots)


def fields(value: Any) -> tuple[Field, ...]:
    """The fields of a record or record class, in order."""
    try:
        return value.__record_fields__
    except AttributeError:
        raise TypeError(f"{value!r} is not a record") from None


def is_record(value: Any) -> bool:
    """Whether this is a record or a record class (as dataclasses.is_dataclass)."""
    return hasattr(value, "__record_fields__")


def replace(value: T, /, **changes: Any) -> T:
    """A copy of a record with some fields changed (validated again by its __post_init__)."""
    for name in changes:
        if name not in value.__match_args__:
            raise TypeError(f"{type(value).__name__} has no field {name!r}")
    values = {f.name: getattr(value, f.name) for f in value.__record_fields__}
    return type(value)(**{**values, **changes})


_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")
_MUTABLE = (list, dict, set)  # a default of these types would be shared by every value
_CLASS_VAR = ("ClassVar", "typing.ClassVar")
_name_of = attrgetter("name")


def _make(cls: type, frozen: bool, eq: bool, order: bool, slots: bool) -> type:
    # Every start-up makes dozens of records: straight-line code (no generators, no hasattr()
    # on a class, whose miss formats an error message) keeps the cost near what cannot go,
    # the second class that __slots__ needs (slots cannot be added to the class we are given).
    name = cls.__name__
    namespace = cls.__dict__.copy()  # a dict (dict() of a mappingproxy copies key by key)
    for base in cls.__mro__[1:-1]:  # the last is object
        if "__record_fields__" in base.__dict__:
            raise TypeError(f"{name}: a record does not inherit from a record")
    if order and not eq:
        raise TypeError(f"{name}: order=True needs eq=True")
    if "__init__" in namespace:
        raise TypeError(f"{name}: a record makes its own __init__; check values in __post_init__")
    if order and any(method in namespace for method in _ORDER):
        raise TypeError(f"{name}: order=True makes the comparison methods; do not define them too")
    namespace.pop("__dict__", None)  # the old class's descriptors; the new class makes its own
    namespace.pop("__weakref__", None)
    record_fields, names, shown = _fields(name, namespace)

    # As dataclasses: a __hash__ of the class's own is kept; the None Python puts beside an own __eq__ is not.
    own_hash = "__hash__" in namespace and not (namespace["__hash__"] is None and "__eq__" in namespace)
    namespace["__record_fields__"] = record_fields
    namespace["__match_args__"] = names
    key = _key_of(names)
    repr_, reduce, eq_, hash_ = _methods(key, names, shown, slots)
    if "__repr__" not in namespace:
        namespace["__repr__"] = repr_
    namespace["__reduce__"] = reduce
    if frozen:
        namespace["__setattr__"] = _frozen_setattr
        namespace["__delattr__"] = _frozen_delattr
    if eq:
        if "__eq__" not in namespace:
            namespace["__eq__"] = eq_
        if not own_hash:
            namespace["__hash__"] = hash_ if frozen else None
    if order:
        for method, compare in zip(_ORDER, (operator.lt, operator.le, operator.gt, operator.ge), strict=True):
            namespace[method] = _order_of(method, compare, key)
    if slots:
        namespace["__slots__"] = names
    made = type(cls)(name, cls.__bases__, namespace)
    # Set after type(), where each costs about what type() spends on it in the namespace (measured),
    # and __init__ can be given its class. type() knows only the bare name: repr and pickle need the full one.
    made.__qualname__ = cls.__qualname__
    made.__init__ = _first_init(made, record_fields, names, "__post_init__" in namespace)
    return made


def _fields(class_name: str, namespace: dict) -> tuple[tuple[Field, ...], tuple[str, ...], tuple[str, ...]]:
    """The record's fields, their names, and the names its repr shows. Most fields have no
    default or a plain one: their Field is filled here, since calling a class with a Python
    __init__ costs as much as all the rest done for a field."""
    found = []
    after_default = hidden = False
    for name, annotation in namespace.get("__annotations__", {}).items():
        text = str(annotation)
        if "ClassVar" in text and text.startswith(_CLASS_VAR):  # `in` first: the call is slow
            continue
        spec = namespace.pop(name, _MISSING)  # a slot and a class attribute cannot share a name
        if not isinstance(spec, Field):  # a bare default, or none
            default = spec
            spec = _new(Field)
            spec.default = default
            spec.default_factory = None
            spec.repr = True
        elif not spec.repr:
            hidden = True
        if spec.default is not _MISSING and isinstance(spec.default, _MUTABLE):
            raise ValueError(f"{class_name}.{name}: a mutable default is shared; use field(default_factory=...)")
        if name == "self" or ("__record" in name and name.startswith("__record")):  # `in` first, as above
            raise TypeError(f"{class_name}.{name}: a field cannot be called {name!r}")
        if spec.default is _MISSING and spec.default_factory is None:
            if after_default:
                raise TypeError(f"{class_name}.{name}: a field without a default cannot follow one with a default")
        else:
            after_default = True
        spec.name = name
        found.append(spec)
    names = tuple(map(_name_of, found))
    shown = tuple([f.name for f in found if f.repr]) if hidden else names
    return tuple(found), names, shown


def _key_of(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """The record's field values as a tuple (attrgetter of one name returns the bare value)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        getter = attrgetter(names[0])
        return lambda value: (getter(value),)
    return lambda value: ()


def _first_init(
    owner: type, record_fields: tuple[Field, ...], names: tuple[str, ...], post_init: bool
) -> Callable[..., None]:
    """`__init__` until the class has made COMPILE_AFTER values: binds the arguments itself, then
    installs a compiled `__init__`. Compiling costs ~0.3 ms a class, more than a short run saves."""
    made = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        nonlocal made
        made += 1
        if made >= COMPILE_AFTER and owner.__dict__["__init__"] is __init__:  # once, on the record class itself
            type.__setattr__(owner, "__init__", _compile_init(owner, record_fields, post_init))
        given = len(args)
        if given > len(names):
            raise TypeError(f"{owner.__name__}() takes {len(names)} arguments but {given} were given")
        for name, value in zip(names[:given], args, strict=True):
            if name in kwargs:
                raise TypeError(f"{owner.__name__}() got multiple values for argument {name!r}")
            _set(self, name, value)
        used = 0
        for spec in record_fields[given:]:
            name = spec.name
            if name in kwargs:
                value = kwargs[name]
                used += 1
            elif spec.default_factory is not None:
                value = spec.default_factory()
            elif spec.default is not _MISSING:
                value = spec.default
            else:
                raise TypeError(f"{owner.__name__}() missing required argument: {name!r}")
            _set(self, name, value)
        if used != len(kwargs):
            unknown = next(name for name in kwargs if name not in names)
            raise TypeError(f"{owner.__name__}() got an unexpected keyword argument {unknown!r}")
        if post_init:
            self.__post_init__()

    return __init__


def _compile_init(owner: type, record_fields: tuple[Field, ...], post_init: bool) -> Callable[..., None]:
    """A plain function with one parameter per field, as fast as a hand-written one. Its own
    names start with __record, which no field may (so a field cannot shadow them)."""
    scope: dict[str, Any] = {"__record_set": _set, "__record_missing": _MISSING}
    parameters, body = [], []
    for spec in record_fields:
        name = spec.name
        if spec.default_factory is not None:
            scope[f"__record_factory_{name}"] = spec.default_factory
            parameters.append(f"{name}=__record_missing")
            body.append(f"    if {name} is __record_missing: {name} = __record_factory_{name}()")
        elif spec.default is not _MISSING:
            scope[f"__record_default_{name}"] = spec.default
            parameters.append(f"{name}=__record_default_{name}")
        else:
            parameters.append(name)
        body.append(f"    __record_set(self, {name!r}, {name})")  # as the generic __init__, frozen or not
    if post_init:
        body.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(body) or "    pass")
    exec(compile(source, f"<record {owner.__module__}.{owner.__qualname__}>", "exec"), scope)
    function = scope["__init__"]
    function.__qualname__ = f"{owner.__qualname__}.__init__"
    return function


def _restore(cls: type, values: tuple) -> Any:
    """Unpickling: the values were valid when pickled, so fill the fields without __init__."""
    value = cls.__new__(cls)
    for spec, item in zip(cls.__record_fields__, values, strict=True):
        _set(value, spec.name, item)
    return value


def _methods(key: Callable[[Any], tuple], names: tuple[str, ...], shown: tuple[str, ...], slots: bool) -> tuple:
    """`__repr__`, `__reduce__`, `__eq__` and `__hash__` over the record's fields (made together:
    one call a class, not four)."""

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({fields})"

    if slots:

        def __reduce__(self) -> tuple:
            return _restore, (type(self), key(self))

    else:  # what else its __dict__ holds (functools.cached_property values) goes along

        def __reduce__(self) -> tuple:
            extra = {name: value for name, value in self.__dict__.items() if name not in names}
            return _restore, (type(self), key(self)), extra or None

    def __eq__(self, other: Any) -> Any:
        return key(self) == key(other) if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self) -> int:
        return hash(key(self))

    return __repr__, __reduce__, __eq__, __hash__


def _frozen_setattr(self, name: str, value: Any) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _frozen_delattr(self, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")


def _order_of(name: str, compare: Callable[[Any, Any], bool], key: Callable[[Any], tuple]) -> Callable[[Any, Any], Any]:
    def method(self, other):
        return compare(key(self), key(other)) if other.__class__ is self.__class__ else NotImplemented

    method.__name__ = method.__qualname__ = name
    return method
