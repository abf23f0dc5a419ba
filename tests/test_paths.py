"""checker.paths spells and orders paths as pathlib did (pathlib is the oracle here)."""

import random
from pathlib import PurePosixPath

import pytest

from checker import paths

SAMPLES = [
    "",
    ".",
    "./",
    "a",
    "a/",
    "a//b",
    "./a/./b/",
    "/",
    "//",
    "///",
    "//a",
    "///a/b",
    "/a/../b",
    "a.md",
    ".profile",
    "a/b.tar.gz",
    "a/b.",
    "x.md/.",
    "a/.hidden.txt",
    "..",
    "a/..",
    "b..md",
]


@pytest.mark.parametrize("path", SAMPLES)
def test_each_sample_is_spelled_and_split_as_pathlib_does(path):
    pure = PurePosixPath(path)
    assert paths.tidy(path) == str(pure)
    assert paths.parts(path) == pure.parts
    assert paths.suffix(path) == pure.suffix


def test_random_paths_agree_with_pathlib():
    pieces = ["", ".", "..", "a", "b.c", ".d", "e.", "f.g.h", "/", "//"]
    generator = random.Random(7)
    for _ in range(5000):
        path = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 6)))
        pure = PurePosixPath(path)
        assert (paths.tidy(path), paths.parts(path), paths.suffix(path)) == (str(pure), pure.parts, pure.suffix), path


def test_remove_deletes_a_file_and_ignores_a_missing_one(tmp_path):
    target = tmp_path / "x.tmp"
    target.write_text("x")
    paths.remove(str(target))
    assert not target.exists()
    paths.remove(str(target))  # no error the second time
