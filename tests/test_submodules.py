"""checker.submodules lists a package's modules as pkgutil does, without importing it."""

from __future__ import annotations

import pkgutil
import zipfile

import pytest

from checker.submodules import module_names

from conftest import ROOT


def _pkgutil_names(path) -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(path))


@pytest.mark.parametrize("package", ["checker", "checker.detectors", "checker.reporters", "checker.extract"])
def test_the_packages_modules_are_the_ones_pkgutil_finds(package):
    folder = ROOT.joinpath(*package.split("."))
    assert module_names([str(folder)]) == _pkgutil_names([str(folder)])
    assert "__init__" not in module_names([str(folder)])


def test_modules_subpackages_and_what_is_not_a_module(tmp_path):
    for name in ("plain.py", "compiled.pyc", "native.cpython-311-x86_64-linux-gnu.so", "notes.txt", "bad-name.py"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "folder").mkdir()  # no __init__.py: not a package
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "compiled_package").mkdir()
    (tmp_path / "compiled_package" / "__init__.pyc").write_bytes(b"")
    (tmp_path / "dotted.name").mkdir()
    (tmp_path / "dotted.name" / "__init__.py").write_text("", encoding="utf-8")
    expected = ["bad-name", "compiled", "compiled_package", "native", "package", "plain"]
    assert module_names([str(tmp_path)]) == expected == _pkgutil_names([str(tmp_path)])


def test_a_package_in_a_zip_archive_is_listed_by_pkgutil(tmp_path):
    archive = tmp_path / "app.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("pkg/__init__.py", "")
        zipped.writestr("pkg/one.py", "")
        zipped.writestr("pkg/two.py", "")
    import zipimport

    zipimport._zip_directory_cache.clear()
    assert module_names([f"{archive}/pkg"]) == ["one", "two"]
