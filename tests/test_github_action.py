"""The example workflow, run as GitHub would run its shell parts, on a temporary repository.

examples/github-actions.yml uses the composite action at the repository's root (action.yml).
This test walks the workflow's steps, expands the action into its own steps, and runs every
`run:` step with bash as a runner does (`bash --noprofile --norc -eo pipefail`), with the
`env:` and `if:` expressions the files use evaluated. Steps that are other actions
(checkout, setup-python, upload-sarif) are GitHub's: the repository is already checked out,
the Python running this test is the one used, and the file upload-sarif would send is
checked to exist and to validate against the SARIF 2.1.0 schema. The install step is pip's
job: the checker under test is the one installed in this environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SHARED

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash"
)

CONFLICT = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
OTHER = "The second session was cancelled on Friday. The second session will begin on Monday.\n"
FILLER = "The weather in the capital was mild for the time of year.\n"
SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


@pytest.fixture
def newsroom(tmp_path) -> tuple[Path, str]:
    """A repository whose main has two articles (one with a known conflict) and a branch that edits one,
    adds one, and touches a file that is no article."""
    repo = tmp_path / "newsroom"
    for folder in ("articles/politics", "rules", "docs"):
        (repo / folder).mkdir(parents=True)
    (repo / "articles/politics/talks.md").write_text(f"# Talks\n\n{FILLER}\n{CONFLICT}", encoding="utf-8")
    (repo / "articles/unchanged.txt").write_text(CONFLICT, encoding="utf-8")  # known, and not touched
    (repo / "rules/desk.rules").write_text('event "third round" {\n  status concluded\n}\n', encoding="utf-8")
    (repo / "docs/notes.md").write_text(OTHER, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "main")
    base = _git(repo, "rev-parse", "HEAD")
    _git(repo, "update-ref", "refs/remotes/origin/main", base)  # as actions/checkout with fetch-depth 0 leaves it
    _git(repo, "checkout", "-q", "-b", "feature")
    talks = repo / "articles/politics/talks.md"
    talks.write_text(talks.read_text(encoding="utf-8") + f"\n{OTHER}", encoding="utf-8")
    (repo / "articles/new.txt").write_text(f"{FILLER}\n{CONFLICT}", encoding="utf-8")
    (repo / "docs/notes.md").write_text(OTHER + OTHER, encoding="utf-8")  # not under articles/: not checked
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "feature")
    return repo, base


class Runner:
    """Just enough of a GitHub runner for these two files: steps, env, if, outputs, exit codes."""

    def __init__(self, repo: Path, tmp: Path, github: dict[str, str]) -> None:
        self.repo, self.tmp, self.github = repo, tmp, github
        self.failed = False
        self.logs: dict[str, subprocess.CompletedProcess] = {}
        self.uploaded: list[Path] = []

    def expression(self, text: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
        def value(match: re.Match) -> str:
            name = match.group(1).strip()
            if name.startswith("inputs."):
                return inputs[name.removeprefix("inputs.")]
            if name.startswith("github."):
                return self.github[name.removeprefix("github.")]
            found = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", name)
            if found:
                return steps.get(found[1], {}).get(found[2], "")
            raise AssertionError(f"an expression this harness does not know: {name}")

        return re.sub(r"\$\{\{(.*?)\}\}", value, text)

    def condition(self, text: str | None, inputs, steps) -> bool:
        if text is None:
            return not self.failed  # success(), GitHub's default
        result, always = True, False
        for term in (t.strip() for t in text.split("&&")):
            if term == "always()":
                always = True
                continue
            found = re.fullmatch(r"([\w.-]+) (==|!=) '([^']*)'", term)
            assert found, f"a condition this harness does not know: {term}"
            actual = self.expression("${{ " + found[1] + " }}", inputs, steps)
            result = result and ((actual == found[3]) == (found[2] == "=="))
        return result and (always or not self.failed)

    def run_steps(self, steps_list: list[dict], inputs: dict[str, str], action: Path | None) -> None:
        outputs: dict[str, dict[str, str]] = {}
        for number, step in enumerate(steps_list):
            if not self.condition(step.get("if"), inputs, outputs):
                continue
            uses = step.get("uses", "")
            with_ = {k: self.expression(str(v), inputs, outputs) for k, v in (step.get("with") or {}).items()}
            if uses.startswith("OWNER/claim-checker@") or uses == "./":
                self.run_action(ROOT / "action.yml", with_)
            elif uses.startswith("github/codeql-action/upload-sarif@"):
                self.uploaded.append(self.repo / with_["sarif_file"])
            elif uses.startswith(("actions/checkout@", "actions/setup-python@")) or (
                step.get("id") == "install" and action is not None
            ):
                continue
            else:
                assert "run" in step and step.get("shell", "bash") == "bash", step
                self.run_shell(step, inputs, outputs, step.get("id") or f"step{number}")

    def run_action(self, path: Path, given: dict[str, str]) -> None:
        action = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert action["runs"]["using"] == "composite"
        inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
        unknown = set(given) - set(inputs)
        assert not unknown, f"the workflow gives inputs the action does not have: {unknown}"
        inputs.update(given)
        self.run_steps(action["runs"]["steps"], inputs, path)

    def run_shell(self, step: dict, inputs, outputs, name: str) -> None:
        output_file = self.tmp / f"output-{name}"
        output_file.write_text("", encoding="utf-8")
        script = self.tmp / f"{name}.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_OUTPUT": str(output_file),
            "RUNNER_TEMP": str(self.tmp),
            "CLAIM_CHECKER_NO_CACHE": "1",
        }
        env.update({k: self.expression(str(v), inputs, outputs) for k, v in (step.get("env") or {}).items()})
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.repo,
            env=env,
            capture_output=True,
            text=True,
        )
        self.logs[name] = done
        outputs[name] = dict(
            line.split("=", 1) for line in output_file.read_text(encoding="utf-8").splitlines() if "=" in line
        )
        if done.returncode != 0:
            self.failed = True


def _workflow() -> dict:
    return yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8"))


def _run(repo: Path, tmp: Path, github: dict[str, str]) -> Runner:
    runner = Runner(repo, tmp, {"action_path": str(ROOT), **github})
    (job,) = _workflow()["jobs"].values()
    runner.run_steps(job["steps"], {}, None)
    return runner


@pytest.mark.parametrize("event", ["pull_request", "push"])
def test_the_example_workflow_checks_the_changed_articles_and_writes_valid_sarif(newsroom, tmp_path, event):
    repo, base = newsroom
    github = {"event_name": event, "base_ref": "main" if event == "pull_request" else "", "event.before": base}
    (tmp_path / "runner").mkdir()
    runner = _run(repo, tmp_path / "runner", github)

    changed = runner.logs["changed"]
    assert changed.returncode == 0, changed.stderr
    assert "2 changed article(s)" in changed.stderr  # talks.md and new.txt; not docs/, not unchanged.txt

    assert runner.logs["sarif"].returncode == 0, runner.logs["sarif"].stderr
    (sarif,) = runner.uploaded
    assert sarif.is_file()
    log = json.loads(sarif.read_text(encoding="utf-8"))
    if SCHEMA.exists():
        import jsonschema

        jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert {u.rsplit("/", 1)[-1] for u in uris} == {"talks.md", "new.txt"}  # only what the change introduced

    annotate = runner.logs["annotate"]
    assert annotate.returncode == 1  # fail-on error: the new conflicts fail the job...
    errors = [line for line in annotate.stdout.splitlines() if line.startswith("::error")]
    found = sorted(re.match(r"::error file=([^,]+),.*?title=(CC\d+)", line).groups() for line in errors)
    # new.txt is all new (its conflict, and the fact of rules/ it contradicts: the workflow's args);
    # talks.md's old conflict and fact were there at the base: only its second session is new
    assert found == [
        ("articles/new.txt", "CC001"),
        ("articles/new.txt", "CC101"),
        ("articles/politics/talks.md", "CC101"),
    ]
    assert "second session" in errors[-1] and not any("unchanged.txt" in line for line in errors)
    assert runner.failed and runner.uploaded  # ...and the report is uploaded all the same (always())


def test_no_changed_article_skips_the_check_and_the_upload(newsroom, tmp_path):
    repo, _ = newsroom
    head = _git(repo, "rev-parse", "HEAD")
    (tmp_path / "runner").mkdir()
    runner = _run(repo, tmp_path / "runner", {"event_name": "push", "base_ref": "", "event.before": head})
    assert "0 changed article(s)" in runner.logs["changed"].stderr
    assert "sarif" not in runner.logs and "annotate" not in runner.logs and not runner.uploaded
    assert not runner.failed


def test_a_base_missing_from_the_clone_checks_every_article(newsroom, tmp_path):
    repo, _ = newsroom
    (tmp_path / "runner").mkdir()
    runner = _run(repo, tmp_path / "runner", {"event_name": "push", "base_ref": "", "event.before": "0" * 40})
    assert "checking every article" in runner.logs["changed"].stderr
    assert "3 changed article(s)" in runner.logs["changed"].stderr  # every article under articles/
    assert runner.logs["annotate"].returncode == 1
