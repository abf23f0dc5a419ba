"""The documentation says what the code does: its example outputs are run, its links resolve.

An example output is a fenced block tagged `console`: each line that starts with `$ ` is a
command (`claim-checker ...`, `cat FILE`, or `echo $?` for the last command's exit code), and
the lines after it, up to the next command, are what it prints (stdout and stderr, as a terminal
shows them). Commands run in-process from the repository's root with a fixed terminal width.
`python -m pytest tests/test_docs.py --update-golden` rewrites every block with what the code
prints now (read the diff), and docs/checks.md with the checks' metadata.

A `pycon` block is a doctest (`>>> ` lines and their output), run as it is written; the blocks
of one page share their names, as one interpreter session would.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker import docgen
from checker.cli import main

from conftest import ROOT

README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
DOCUMENTS = [README, *PAGES]
COLUMNS = "100"  # the terminal width the examples are drawn for
REGENERATE = "python -m pytest tests/test_docs.py --update-golden"
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")


@dataclass(frozen=True, slots=True)
class Block:
    """A fenced block: its info string, its body, and where the body's lines are (0-based, end excluded)."""

    info: str
    body: list[str]
    start: int
    end: int


def fenced_blocks(text: str) -> list[Block]:
    """Every fenced block of a Markdown text, outermost only (a fence inside a longer fence is text)."""
    lines = text.split("\n")
    blocks: list[Block] = []
    opened: tuple[str, str, int] | None = None  # fence, info, first body line
    for number, line in enumerate(lines):
        match = _FENCE.match(line.strip())
        if opened is None:
            if match:
                opened = (match["fence"], match["info"].strip(), number + 1)
        elif match and not match["info"].strip() and _closes(match["fence"], opened[0]):
            _fence, info, first = opened
            blocks.append(Block(info, lines[first:number], first, number))
            opened = None
    return blocks


def _closes(fence: str, opening: str) -> bool:
    return fence[0] == opening[0] and len(fence) >= len(opening)


@dataclass(frozen=True, slots=True)
class Step:
    command: str
    shown: list[str]  # the output the document shows


def steps(block: Block) -> list[Step]:
    found: list[Step] = []
    for line in block.body:
        if line.startswith("$ "):
            found.append(Step(line[2:], []))
        elif found:
            found[-1].shown.append(line)
        else:
            raise AssertionError(f"a console block must start with a '$ ' command line, found {line!r}")
    return found


def run(command: str, last_exit: int) -> tuple[str, int]:
    """What `command` prints, and its exit code."""
    words = shlex.split(command)
    if words == ["echo", "$?"]:
        return f"{last_exit}\n", last_exit
    if words[0] == "cat" and len(words) == 2:
        return (ROOT / words[1]).read_text(encoding="utf-8"), 0
    if words[0] != "claim-checker":
        raise AssertionError(f"console blocks run claim-checker, cat FILE and echo $?, not {command!r}")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            code = main(words[1:])
        except SystemExit as done:  # argparse's --help exits as the program would
            code = done.code or 0
    return printed.getvalue(), int(code)


def _lines(output: str) -> list[str]:
    """Output as a block shows it: lines without trailing blanks, no blank lines at the end."""
    lines = [line.rstrip() for line in output.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def rendered(block: Block) -> list[str]:
    """The block's body as the code prints it now."""
    body: list[str] = []
    last_exit = 0
    for step in steps(block):
        output, last_exit = run(step.command, last_exit)
        body += [f"$ {step.command}", *_lines(output)]
    return body


def replace_block(text: str, index: int, info: str, body: list[str]) -> str:
    """The text with the index-th block of this info string given a new body."""
    block = [b for b in fenced_blocks(text) if b.info == info][index]
    lines = text.split("\n")
    return "\n".join([*lines[: block.start], *body, *lines[block.end :]])


def _cases(info: str) -> list[tuple[Path, int]]:
    return [
        (path, index)
        for path in DOCUMENTS
        for index, _ in enumerate(b for b in fenced_blocks(path.read_text(encoding="utf-8")) if b.info == info)
    ]


def _case_id(case: tuple[Path, int]) -> str:
    return f"{case[0].relative_to(ROOT)}#{case[1]}"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's root as the current folder, and a terminal of a known width, without colour."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", COLUMNS)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.mark.parametrize("case", _cases("console"), ids=_case_id)
def test_console_example_is_what_the_code_prints(case, terminal, update_golden):
    path, index = case
    text = path.read_text(encoding="utf-8")
    block = [b for b in fenced_blocks(text) if b.info == "console"][index]
    actual = rendered(block)
    if update_golden:
        path.write_text(replace_block(text, index, "console", actual), encoding="utf-8")
        return
    shown = [line.rstrip() for line in block.body]
    assert shown == actual, f"{path.name}, line {block.start}: the example differs from the output; run {REGENERATE}"


@pytest.mark.parametrize(
    "path",
    [p for p in DOCUMENTS if any(b.info == "pycon" for b in fenced_blocks(p.read_text(encoding="utf-8")))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_python_examples_run_as_shown(path, terminal):
    """A page's pycon blocks, in order, sharing their names as one session would."""
    names: dict = {}
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for block in fenced_blocks(path.read_text(encoding="utf-8")):
        if block.info == "pycon":
            example = doctest.DocTestParser().get_doctest(
                "\n".join(block.body), names, path.name, str(path), block.start
            )
            runner.run(example, out=report.write, clear_globs=False)
            names = example.globs  # a DocTest runs in a copy of the names it was given
    assert runner.failures == 0, report.getvalue()


def test_checks_page_is_generated_from_the_metadata(update_golden):
    page = ROOT / docgen.PAGE
    expected = docgen.checks_page()
    if update_golden:
        page.write_text(expected, encoding="utf-8")
        return
    assert page.read_text(encoding="utf-8") == expected, (
        f"{docgen.PAGE} differs from the checks' metadata; run {docgen.REGENERATE} (or {REGENERATE})"
    )


def test_docgen_check_says_whether_the_page_is_current(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert docgen.main(["--check"]) == 0
    monkeypatch.chdir(tmp_path)
    assert docgen.main(["--check"]) == 1  # no page at all
    assert docgen.main([]) == 0 and docgen.main(["--check"]) == 0
    assert (tmp_path / docgen.PAGE).read_text(encoding="utf-8") == docgen.checks_page()


def test_readme_is_a_short_guide():
    size = len(README.read_bytes())
    assert size < 20_000, f"README.md is {size:,} bytes; reference material belongs in docs/"


def test_readme_links_every_page_of_the_docs():
    linked = {(README.parent / target).resolve() for target, _ in links(README.read_text(encoding="utf-8"))}
    assert [page.name for page in PAGES if page.resolve() not in linked] == []


# Links -------------------------------------------------------------------------------------------

_LINK = re.compile(r"!?\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def prose_lines(text: str, *, code: bool = False) -> list[str]:
    """The lines outside fenced blocks (where links and headings can be), their inline code
    removed unless `code`."""
    inside = {n for block in fenced_blocks(text) for n in range(block.start - 1, block.end + 1)}
    lines = [line for n, line in enumerate(text.split("\n")) if n not in inside]
    return lines if code else [_CODE_SPAN.sub("", line) for line in lines]


def links(text: str) -> list[tuple[str, str]]:
    """Every relative link: (path, anchor); the path is '' for an anchor in the same page."""
    found = []
    for line in prose_lines(text):
        for match in _LINK.finditer(line):
            target = match["target"]
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
                continue
            path, _, anchor = target.partition("#")
            found.append((path, anchor))
    return found


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to
    hyphens, and -1, -2... for repeats."""
    seen: dict[str, int] = {}
    for line in prose_lines(text, code=True):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not heading:
            continue
        words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading[1])
        slug = re.sub(r"[^\w\- ]", "", words.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        if count:
            seen[f"{slug}-{count}"] = 1
    return set(seen)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(document):
    broken = []
    for path, anchor in links(document.read_text(encoding="utf-8")):
        target = (document.parent / path) if path else document
        if not target.exists():
            broken.append(f"{path}: no such file")
        elif anchor and (target.suffix != ".md" or anchor not in anchors(target.read_text(encoding="utf-8"))):
            broken.append(f"{path}#{anchor}: no such heading")
    assert broken == []


# The machinery above, on texts made for it -------------------------------------------------------

SAMPLE = """Intro.

````markdown
```console
$ claim-checker --version
not run: inside a longer fence
```
````

```console
$ claim-checker --version
claim-checker 0.0.0
$ echo $?
0
```

See [the API](api.md#the-audit-function) and [above](#intro-heading).

# Intro heading
"""


def test_only_outermost_console_blocks_are_examples():
    console = [b for b in fenced_blocks(SAMPLE) if b.info == "console"]
    assert len(console) == 1
    assert [(s.command, s.shown) for s in steps(console[0])] == [
        ("claim-checker --version", ["claim-checker 0.0.0"]),
        ("echo $?", ["0"]),
    ]


def test_a_wrong_output_is_caught_and_rewritten(terminal):
    console = next(b for b in fenced_blocks(SAMPLE) if b.info == "console")
    actual = rendered(console)
    assert actual != console.body and actual[1].startswith("claim-checker ") and actual[3] == "0"
    rewritten = replace_block(SAMPLE, 0, "console", actual)
    assert [b.body for b in fenced_blocks(rewritten) if b.info == "console"] == [actual]
    assert rewritten.replace("\n".join(actual), "") == SAMPLE.replace("\n".join(console.body), "")


def test_links_and_anchors_are_read_as_github_does():
    assert links(SAMPLE) == [("api.md", "the-audit-function"), ("", "intro-heading")]
    assert anchors("# A `code` heading, too\n## Exit codes\n## Exit codes\n") == {
        "a-code-heading-too",
        "exit-codes",
        "exit-codes-1",
    }
