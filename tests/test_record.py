"""checker.record: the value records every stage passes on."""

import copy
import functools
import pickle
from collections import OrderedDict
from typing import ClassVar

import pytest

from checker.record import COMPILE_AFTER, FrozenRecordError, field, fields, is_record, record, replace


@record(order=True)
class Interval:
    start: int
    end: int = 10

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError("start after end")


@record
class Labelled:
    name: str
    tags: tuple[str, ...] = ()
    cache: dict = field(default_factory=dict, repr=False)


def test_fields_defaults_and_keywords():
    assert Interval(3) == Interval(start=3, end=10)
    assert Interval(end=4, start=1).end == 4
    assert [f.name for f in fields(Interval)] == ["start", "end"]
    assert Interval.__match_args__ == ("start", "end")
    with pytest.raises(TypeError):
        Interval()
    with pytest.raises(TypeError):
        Interval(1, 2, 3)


def test_post_init_validates_every_new_value_and_every_replacement():
    with pytest.raises(ValueError, match="start after end"):
        Interval(11)
    with pytest.raises(ValueError, match="start after end"):
        replace(Interval(1, 2), start=5)
    assert replace(Interval(1, 2), end=7) == Interval(1, 7)
    with pytest.raises(TypeError, match="no field 'middle'"):
        replace(Interval(1, 2), middle=1)


def test_frozen_by_default():
    value = Interval(1, 2)
    with pytest.raises(FrozenRecordError):
        value.start = 5
    with pytest.raises(AttributeError):
        del value.end
    with pytest.raises(AttributeError):
        value.other = 1  # slotted: no attribute outside the fields
    assert value == Interval(1, 2)


def test_equality_hash_and_order_are_by_value_and_class():
    assert Interval(1, 2) == Interval(1, 2) and Interval(1, 2) != Interval(1, 3)
    assert len({Interval(1, 2), Interval(1, 2), Interval(2, 3)}) == 2
    assert sorted([Interval(2, 3), Interval(1, 5), Interval(1, 2)]) == [Interval(1, 2), Interval(1, 5), Interval(2, 3)]
    assert Labelled("a") != ("a", (), {})  # not a tuple underneath
    with pytest.raises(TypeError):
        Labelled("a") < Labelled("b")  # noqa: B015 - unordered unless asked


def test_default_factories_give_each_value_its_own():
    first, second = Labelled("a"), Labelled("b")
    first.cache["x"] = 1
    assert second.cache == {}


def test_repr_names_the_fields_it_shows():
    assert repr(Interval(1, 2)) == "Interval(start=1, end=2)"
    assert repr(Labelled("a", ("t",))) == "Labelled(name='a', tags=('t',))"


def test_pickle_and_copy_round_trip_without_running_init_again():
    value = Labelled("a", ("t",), {"k": 1})
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert copy.copy(value) == value

    CHECKED.clear()
    stored = pickle.dumps([Checked(1), Checked(2)])
    assert CHECKED == [1, 2]
    assert pickle.loads(stored) == [Checked(1), Checked(2)] and CHECKED == [1, 2, 1, 2]  # only the two made here


CHECKED: list[int] = []


@record
class Checked:
    n: int

    def __post_init__(self) -> None:
        CHECKED.append(self.n)


class Outer:
    @record
    class Inner:
        n: int


def test_a_nested_record_keeps_its_qualified_name_for_repr_and_pickle():
    assert repr(Outer.Inner(1)) == "Outer.Inner(n=1)"
    assert pickle.loads(pickle.dumps(Outer.Inner(1))) == Outer.Inner(1)


def test_mutable_builders_and_identity_records():
    @record(frozen=False)
    class Builder:
        parts: tuple = ()
        done: bool = False

    builder = Builder()
    builder.done = True
    assert builder == Builder((), True)
    with pytest.raises(TypeError):
        hash(builder)

    @record(eq=False, slots=False)
    class Compiled:
        source: str

        @functools.cached_property
        def size(self) -> int:
            return len(self.source)

    one = Compiled("abc")
    assert one.size == 3 and one != Compiled("abc") and one == one
    assert is_record(one) and is_record(Compiled) and not is_record(object())


def test_mistakes_are_refused_when_the_class_is_made():
    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Shared:
            items: list = []  # noqa: RUF012

    with pytest.raises(TypeError, match="inherit"):

        @record
        class Child(Interval):
            extra: int = 0

    with pytest.raises(TypeError, match="not a record"):
        fields(object())

    with pytest.raises(TypeError, match="cannot follow"):

        @record
        class Unordered:
            first: int = 0
            second: int

    with pytest.raises(TypeError, match="own __init__"):

        @record
        class OwnInit:
            n: int

            def __init__(self, n: int) -> None:
                pass

    with pytest.raises(TypeError, match="comparison methods"):

        @record(order=True)
        class OwnOrder:
            n: int

            def __lt__(self, other) -> bool:
                return False

    with pytest.raises(TypeError, match="cannot be called"):

        @record
        class Named:
            self: int


def test_fields_named_like_the_compiled_init_s_own_names_do_not_shadow_them():
    @record
    class Shadowing:
        _set: int
        _MISSING: int = 0

    for _ in range(COMPILE_AFTER + 1):
        value = Shadowing(1)
    assert _made_by_compiled_init(Shadowing) and (value._set, value._MISSING) == (1, 0)


def test_hash_follows_the_dataclass_rules():
    @record
    class OwnEq:
        n: int

        def __eq__(self, other) -> bool:
            return isinstance(other, OwnEq) and self.n % 10 == other.n % 10

    @record
    class OwnHash:
        n: int

        def __hash__(self) -> int:
            return 7

    assert OwnEq(1) == OwnEq(11) and hash(OwnEq(1)) == hash(OwnEq(1))  # frozen: the fields' hash is added
    assert hash(OwnHash(1)) == 7


def test_a_plain_subclass_keeps_its_own_init_and_the_record_still_compiles():
    made = []

    class Counting(Interval):
        def __init__(self, start: int) -> None:
            made.append(start)
            super().__init__(start, 10)

    for n in range(COMPILE_AFTER + 10):
        Counting(0)
        Interval(n % 5)
    assert len(made) == COMPILE_AFTER + 10
    assert _made_by_compiled_init(Interval)


def _made_by_compiled_init(cls) -> bool:
    return cls.__init__.__code__.co_filename.startswith("<record")


@pytest.mark.parametrize("frozen", [True, False])
def test_the_generic_and_the_compiled_init_make_the_same_values(frozen):
    @record(frozen=frozen)
    class Sample:
        a: int
        b: str = "b"
        c: list = field(default_factory=list)
        d: tuple = ()

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    def calls():
        return [((1,), {}), ((1, "x"), {}), ((), {"a": 2, "d": (1,)}), ((3,), {"c": [1], "b": "y"})]

    def bad_calls():
        return [((), {}), ((1, "x", [], (), 5), {}), ((1,), {"a": 1}), ((1,), {"e": 1}), ((-1,), {})]

    def outcome(args, kwargs):
        try:
            value = Sample(*args, **kwargs)
        except (TypeError, ValueError) as error:
            return type(error)
        return (value.a, value.b, value.c, value.d)

    assert not _made_by_compiled_init(Sample)
    generic = [outcome(*call) for call in calls() + bad_calls()]
    assert generic[4:] == [TypeError, TypeError, TypeError, TypeError, ValueError]
    while not _made_by_compiled_init(Sample):
        Sample(0)
    compiled = [outcome(*call) for call in calls() + bad_calls()]
    assert compiled == generic
    assert Sample(1).c is not Sample(1).c


def test_a_class_compiles_its_init_only_once_it_has_made_many_values():
    @record
    class Point:
        x: int
        y: int

    for _ in range(COMPILE_AFTER - 1):
        Point(1, 2)
    assert not _made_by_compiled_init(Point)
    Point(1, 2)
    assert _made_by_compiled_init(Point) and Point(3, y=4) == Point(3, 4)


# What follows pins what checker.record does by hand to make a class cheaply (issue 6):
# the Field objects it fills without Field.__init__, the checks it orders for speed,
# and the generic __init__ that learns its class only once type() has made it.


def test_fields_describe_what_each_declaration_says():
    described = [(f.name, f.has_default, f.default_factory, f.repr) for f in fields(Labelled)]
    assert described == [("name", False, None, True), ("tags", True, None, True), ("cache", True, dict, False)]
    assert fields(Labelled)[1].default == () and repr(fields(Labelled)[0]) == "Field('name')"
    assert fields(Labelled("a")) is fields(Labelled)


def test_class_variables_are_not_fields_and_keep_their_values():
    @record
    class Counted:
        n: int
        limit: ClassVar[int] = 10
        unit: "ClassVar[str]" = "items"
        kind: "NotAClassVar" = None  # noqa: F821 - a name that only mentions ClassVar is a field

    assert Counted.__match_args__ == ("n", "kind")
    assert (Counted.limit, Counted.unit) == (10, "items") and Counted(1).kind is None


def test_the_generic_init_names_its_class_in_every_refusal():
    @record
    class Pair:
        first: int
        second: int = 0

    with pytest.raises(TypeError, match=r"^Pair\(\) missing required argument: 'first'$"):
        Pair()
    with pytest.raises(TypeError, match=r"^Pair\(\) takes 2 arguments but 3 were given$"):
        Pair(1, 2, 3)
    with pytest.raises(TypeError, match=r"^Pair\(\) got multiple values for argument 'first'$"):
        Pair(1, first=2)
    with pytest.raises(TypeError, match=r"^Pair\(\) got an unexpected keyword argument 'third'$"):
        Pair(1, third=3)
    assert not _made_by_compiled_init(Pair) and Pair.__init__ is Pair.__dict__["__init__"]
    assert "__qualname__" not in Pair.__dict__ and Pair.__qualname__.endswith("<locals>.Pair")


def test_more_mistakes_are_refused():
    with pytest.raises(ValueError, match="mutable default"):

        @record
        class SharedField:
            items: dict = field(default={})

    with pytest.raises(ValueError, match="mutable default"):

        @record
        class SharedSubclass:
            items: OrderedDict = OrderedDict()  # noqa: RUF012

    with pytest.raises(TypeError, match="cannot be called"):

        @record
        class Reserved:
            __record_fields__: int

    class PlainChild(Interval):
        pass

    with pytest.raises(TypeError, match="inherit"):

        @record
        class Grandchild(PlainChild):
            extra: int = 0

    with pytest.raises(TypeError, match="cannot follow"):

        @record
        class FactoryFirst:
            first: list = field(default_factory=list)
            second: int
