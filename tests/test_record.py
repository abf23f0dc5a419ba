"""checker.record: the value records every stage passes on."""

import copy
import functools
import pickle

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
    interval = Interval(1, 2)
    assert pickle.loads(pickle.dumps(interval)) == interval


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
