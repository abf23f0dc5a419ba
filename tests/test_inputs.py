"""Many inputs: folders, patterns, standard input, encodings and limits, one report for all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker import readers
from checker.cli import main
from checker.errors import InputError, UsageError
from checker.inputs import expand
from checker.readers import known_suffixes

from conftest import FIXTURES, ROOT

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
QUIET = "The talks ended on Friday.\n"


def _tree(root: Path) -> Path:
    files = {
        "b/z.md": f"# Z\n\n{CONFLICT}",
        "b/a.html": f"<p>{QUIET}</p>",
        "a.txt": QUIET,
        "c/deep/er/x.markdown": QUIET,
        "notes.json": '{"not": "an article"}',
        ".hidden/secret.txt": CONFLICT,
        "b/.draft.md": CONFLICT,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _names(expanded, root: Path) -> list[str]:
    return [Path(s.name).relative_to(root).as_posix() for s in expanded.sources]


def test_a_folder_is_searched_recursively_by_known_suffix_in_a_stable_order(tmp_path):
    root = _tree(tmp_path)
    expanded = expand([root], suffixes=known_suffixes())
    assert _names(expanded, root) == ["a.txt", "b/a.html", "b/z.md", "c/deep/er/x.markdown"]
    assert expanded.refused == ()


def test_patterns_files_and_folders_keep_argument_order_and_each_file_comes_once(tmp_path):
    root = _tree(tmp_path)
    arguments = [root / "notes.json", str(root / "**" / "*.md"), root / "b", root / "a.txt"]
    expanded = expand(arguments, suffixes=known_suffixes())
    # a file named outright is read whatever its suffix; b/z.md is not repeated by the folder
    assert _names(expanded, root) == ["notes.json", "b/z.md", "b/a.html", "a.txt"]


def test_arguments_that_name_nothing_are_refused_and_stdin_comes_once(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    expanded = expand([empty, str(tmp_path / "*.md"), "-"], suffixes=known_suffixes(), stdin_name="copy.md")
    assert [r.problem.split(" (")[0] for r in expanded.refused] == [
        "is a folder with no article in it",
        "matches no article",
    ]
    assert [(s.name, s.path) for s in expanded.sources] == [("copy.md", None)]
    with pytest.raises(UsageError):
        expand(["-", "-"], suffixes=known_suffixes())
    with pytest.raises(UsageError, match="empty argument"):  # not the current folder, as Path('') was
        expand([""], suffixes=known_suffixes())


def test_files_found_in_a_folder_or_by_a_pattern_are_named_without_doubled_slashes_or_dots(tmp_path):
    root = _tree(tmp_path)
    folder = expand([f"{root}//b/./"], suffixes=known_suffixes())
    pattern = expand([f"{root}/./b//*.md"], suffixes=known_suffixes())
    assert [s.name for s in folder.sources] == [f"{root}/b/a.html", f"{root}/b/z.md"]
    assert [s.name for s in pattern.sources] == [f"{root}/b/z.md"]


def test_one_report_covers_a_folder_in_order_and_the_table_lists_its_documents_with_findings(tmp_path, capsys):
    root = _tree(tmp_path)
    assert main(["audit", str(root), "--format", "json"]) == 1
    paths = [d["path"] for d in json.loads(capsys.readouterr().out)["documents"]]
    assert [Path(p).relative_to(root).as_posix() for p in paths] == [
        "a.txt",
        "b/a.html",
        "b/z.md",
        "c/deep/er/x.markdown",
    ]
    assert main(["audit", str(root)]) == 1
    out = capsys.readouterr().out
    headers = [line.split("  (")[0] for line in out.splitlines() if "(reference date:" in line]
    assert [Path(h).relative_to(root).as_posix() for h in headers] == ["b/z.md"]  # the one with findings
    assert out.rstrip().endswith("Total: 4 documents (1 with findings), 1 error, 0 warnings, 0 notes")


def test_refused_inputs_are_reported_and_the_others_still_checked(tmp_path, capsys):
    good = tmp_path / "good.md"
    good.write_text(CONFLICT, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(QUIET * 20, encoding="utf-8")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = tmp_path / "missing.txt"
    code = main(["audit", str(good), str(big), str(binary), str(missing), "--max-size", "100", "--format", "json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert code == 3  # some input was refused, even though the checked one has an error
    assert [d["path"] for d in report["documents"]] == [str(good)]
    assert report["documents"][0]["findings"][0]["code"] == "CC101"
    problems = {r["path"]: r["problem"] for r in report["refused"]}
    assert problems == {
        str(big): "is too large (540 bytes; the limit is 100)",
        str(binary): "looks binary (a NUL byte at byte offset 8), not text",
        str(missing): "no such file",
    }
    assert report["summary"]["refused"] == 3
    assert captured.err.splitlines() == [f"claim-checker: {path}: {problem}" for path, problem in problems.items()]


def test_the_table_report_lists_what_was_not_checked(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(QUIET, encoding="utf-8")
    assert main(["audit", str(good), str(tmp_path / "nope.txt")]) == 3
    out = capsys.readouterr().out
    assert f"Not checked:\n  {tmp_path / 'nope.txt'}: no such file" in out
    assert out.rstrip().endswith("Total: 1 document, 0 errors, 0 warnings, 0 notes; 1 not checked")


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, env=env, cwd=ROOT, timeout=60
    )


def test_standard_input_is_named_by_stdin_filename_which_picks_the_reader():
    article = (FIXTURES / "istanbul-talks-md/article.md").read_bytes()
    result = _run("audit", "-", "--stdin-filename", "desk/istanbul.md", "--format", "json", stdin=article)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert (document["path"], document["format"], document["as_of"]) == ("desk/istanbul.md", "markdown", "2025-07-24")
    plain = _run("audit", "-", "--format", "json", stdin=CONFLICT.encode())
    assert json.loads(plain.stdout)["documents"][0]["path"] == "<stdin>"


def test_standard_input_over_the_limit_is_refused():
    result = _run("audit", "-", "--max-size", "10", stdin=CONFLICT.encode())
    assert result.returncode == 3
    assert "<stdin>: is too large (more than 10 bytes, the limit)" in result.stderr.decode()


@pytest.mark.parametrize(
    "data",
    [
        CONFLICT.encode("utf-8"),
        b"\xef\xbb\xbf" + CONFLICT.encode("utf-8"),
        CONFLICT.encode("utf-16"),  # with its BOM, in the machine's byte order
        b"\xfe\xff" + CONFLICT.encode("utf-16-be"),
        b"\xff\xfe" + CONFLICT.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le"],
)
def test_utf8_and_utf16_with_a_bom_are_read_with_code_point_offsets(tmp_path, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    finding = checker.audit_paths(path).documents[0].findings[0]
    assert finding.primary.span.start == CONFLICT.index("3rd round")
    assert finding.primary.text.startswith("3rd round")


def test_other_encodings_need_encoding_and_errors_name_the_byte_offset(tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Café talks: the 3rd round has concluded. Delegates are preparing for the third round.".encode("cp1252")
    )
    assert main(["audit", str(path)]) == 3
    assert "is not valid UTF-8 (byte 0xe9 at byte offset 3); if it is in another encoding" in capsys.readouterr().err
    assert main(["audit", str(path), "--encoding", "cp1252", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["documents"][0]["findings"][0]["locations"][0]["text"].startswith("3rd round")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate half
    assert main(["audit", str(broken)]) == 3
    assert "is not valid UTF-16 (byte 0x00 at byte offset 6)" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args,message",
    [
        (["--encoding", "klingon"], "--encoding: unknown encoding 'klingon'"),
        (["--max-size", "lots"], "--max-size: expected a size such as 5MB"),
        (["-", "-"], "'-' (standard input) can be given only once"),
    ],
)
def test_bad_input_flags_are_usage_errors(args, message):
    result = _run("audit", str(FIXTURES / "istanbul-talks/article.txt"), *args)
    assert result.returncode == 2 and message in result.stderr.decode()


def test_the_api_expands_folders_and_raises_or_keeps_going(tmp_path):
    root = _tree(tmp_path)
    report = checker.audit_paths(root)
    assert len(report.documents) == 4 and report.refused == ()
    missing = tmp_path / "missing.md"
    with pytest.raises(InputError) as raised:
        checker.audit_paths([root / "a.txt", missing])
    assert raised.value.path == str(missing)
    report = checker.audit_paths([root / "a.txt", missing, root / "b"], keep_going=True)
    assert [Path(d.document.path).name for d in report.documents] == ["a.txt", "a.html", "z.md"]
    assert [(r.path, r.problem) for r in report.refused] == [(str(missing), "no such file")]


def test_the_reader_table_names_every_reader_module_and_routes_each_suffix_to_it():
    # FORMATS lets a folder be expanded without importing any reader; a reader module left
    # out of it would never read a document.
    folder = ROOT / "checker" / "readers"
    assert set(readers.FORMATS) == {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    for name, suffixes in readers.FORMATS.items():
        for suffix in suffixes:
            assert readers.from_text(QUIET, f"story{suffix.upper()}").format == name, suffix
    assert readers.from_text(QUIET, "story.rst").format == readers.DEFAULT_FORMAT
