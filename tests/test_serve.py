"""`claim-checker serve` as a CMS would use it: a real server process on this machine's
loopback, spoken to over HTTP. The reports are the CLI's, byte for byte; bad requests get the
CLI's one-line messages; nothing a request sends reaches a file; parallel requests of
different stories are never mixed; the limits hold."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip(
    "fastapi", reason="the serve extra is not installed (pip install '.[serve]'): the HTTP service is not tested"
)
pytest.importorskip(
    "uvicorn", reason="the serve extra is not installed (pip install '.[serve]'): the HTTP service is not tested"
)

from checker.cli import main

from conftest import FIXTURES, ROOT
from serve_helpers import Server

TENSION = "The 3rd round has concluded. Delegates are preparing for the third round.\n"
RULES = FIXTURES / "istanbul-talks" / "talks.rules"
CASES = [
    ("istanbul-talks/article.txt", "text"),
    ("istanbul-talks-md/article.md", "markdown"),
    ("istanbul-talks-html/article.html", "html"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")  # no configuration file here
    running = Server("--workers", "2", "--max-body", "200kB", cwd=folder)
    yield running
    running.stop()


def _cli_json(tmp_path: Path, monkeypatch, *arguments: str) -> str:
    monkeypatch.chdir(ROOT)
    output = tmp_path / "cli.json"
    main([*arguments, "--format", "json", "--no-config", "--output", str(output)])
    return output.read_text(encoding="utf-8")


@pytest.mark.parametrize(("article", "format"), CASES)
def test_audit_answers_the_json_report_the_cli_writes(server, tmp_path, monkeypatch, article, format):
    name = f"fixtures/{article}"
    text = (ROOT / name).read_text(encoding="utf-8")
    status, answer = server.post_raw("/v1/audit", {"text": text, "format": format, "name": name})
    assert status == 200
    assert answer == _cli_json(tmp_path, monkeypatch, "audit", name)
    assert json.loads(answer)["documents"][0]["findings"]  # the fixture has findings to compare

    # With rules sent as text: the same report, the rule file named by its place in the request.
    sent = {"text": text, "format": format, "name": name, "rules": [RULES.read_text(encoding="utf-8")]}
    status, answer = server.post_raw("/v1/audit", sent)
    assert status == 200
    expected = _cli_json(tmp_path, monkeypatch, "audit", name, "--rules", str(RULES.relative_to(ROOT)))
    assert answer == expected.replace(str(RULES.relative_to(ROOT)), "rules[0]")
    assert json.loads(answer)["documents"][0]["facts"]


def test_claims_answers_what_the_claims_command_writes(server, tmp_path, monkeypatch):
    name = "fixtures/istanbul-talks/article.txt"
    text = (ROOT / name).read_text(encoding="utf-8")
    status, answer = server.post_raw("/v1/claims", {"text": text, "name": name})
    assert status == 200
    monkeypatch.chdir(ROOT)
    output = tmp_path / "claims.json"
    main(["claims", name, "--format", "json", "--output", str(output)])
    assert answer == output.read_text(encoding="utf-8")


def test_the_reference_date_of_a_request_wins(server):
    status, report = server.post("/v1/audit", {"text": TENSION, "as_of": "2025-08-01"})
    assert status == 200 and report["documents"][0]["as_of"] == "2025-08-01"


def test_a_contradicted_fact_from_sent_rules(server):
    rules = ['event "third round" {\n  status upcoming\n}\n']
    status, report = server.post("/v1/audit", {"text": TENSION, "rules": rules})
    assert status == 200
    [fact] = report["documents"][0]["facts"]
    assert (fact["verdict"], fact["origin"]) == ("contradicted", "rules[0]:2:10")  # its status line


def test_bad_rule_text_is_the_cli_message_with_its_line_and_column(server, tmp_path, monkeypatch, capsys):
    bad = 'as of 2025-07-24\n\nevent "third round" { status finishd }\n'
    status, problem = server.post("/v1/audit", {"text": TENSION, "rules": ["", bad]})
    assert status == 422
    rule_file = tmp_path / "bad.rules"
    rule_file.write_text(bad, encoding="utf-8")
    assert main(["audit", str(FIXTURES / "istanbul-talks/article.txt"), "--rules", str(rule_file), "--no-config"]) == 4
    cli_line = capsys.readouterr().err.splitlines()[0]
    assert cli_line == f"claim-checker: {rule_file}:3:30: " + problem["rule_errors"][0]["problem"]
    assert problem["error"] == f"rules[1]:3:30: {problem['rule_errors'][0]['problem']}"
    assert problem["rule_errors"] == [
        {"source": "rules[1]", "line": 3, "column": 30, "problem": problem["rule_errors"][0]["problem"]}
    ]
    assert "expected a status" in problem["error"] and "'finishd'" in problem["error"]

    status, problem = server.post("/v1/audit", {"text": TENSION, "rules": ['event "x" {']})
    assert status == 422 and problem["error"].startswith("rules[0]:1:12: expected ")


def test_sent_rules_cannot_read_a_file(server, tmp_path):
    secret = tmp_path / "secret.rules"
    secret.write_text('words reporting "confided"\n', encoding="utf-8")
    sent = f'include "{secret}"\n'
    status, problem = server.post("/v1/audit", {"text": TENSION, "rules": [sent]})
    assert status == 422
    assert problem["error"] == "rules[0]:1:1: expected no include here: rules sent as text cannot read files"
    assert "confided" not in json.dumps(problem)


def test_a_text_that_names_a_file_is_checked_as_text(server, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TENSION, encoding="utf-8")
    status, report = server.post("/v1/audit", {"text": str(article), "name": str(article)})
    assert status == 200
    assert report["documents"][0]["findings"] == []  # the path's words, not the file's
    status, claims = server.post("/v1/claims", {"text": str(article)})
    assert all("round" not in claim["text"] for claim in claims["documents"][0]["claims"])


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b'{"text": "The talks', 400, "the body is not valid JSON"),
        (b"[1, 2]", 400, "the body: expected a JSON object"),
        ({"format": "text"}, 422, "text: expected a value, found none"),
        ({"text": TENSION, "format": "pdf"}, 422, "format: expected one of text, markdown, html, found 'pdf'"),
        ({"text": TENSION, "path": "/etc/passwd"}, 422, "path: unknown field (expected one of text, format, as_of"),
        ({"text": TENSION, "as_of": "2025-13-01"}, 422, "as_of: "),
        ({"text": "  \n"}, 422, "<text>: is empty: there is no text to check"),
    ],
)
def test_a_bad_request_is_one_line(server, body, status, message):
    answer_status, problem = server.post("/v1/audit", body)
    assert answer_status == status
    assert problem["error"].startswith(message)
    assert "\n" not in problem["error"]


def test_a_body_over_the_limit_is_refused_unread(server):
    status, problem = server.post("/v1/audit", {"text": "The talks resumed. " * 12_000})
    assert status == 413
    assert problem["error"] == "the body is larger than 200000 bytes, the server's limit (--max-body)"
    # Sent in chunks, with no length declared: counted as it arrives.
    chunks = [b'{"text": "', *([b"The talks resumed. " * 1000] * 12), b'"}']
    status, _, body = server.request("POST", "/v1/audit", iter(chunks), {"Content-Type": "application/json"})
    assert status == 413 and json.loads(body)["error"] == problem["error"]
    small = [b'{"text": "', TENSION.strip().encode(), b'"}']
    status, _, body = server.request("POST", "/v1/audit", iter(small), {"Content-Type": "application/json"})
    assert status == 200 and json.loads(body)["summary"]["error"] == 1


def test_parallel_requests_of_different_stories_are_not_mixed(server):
    stories = [
        f"The {n}th round has concluded in {city}. Delegates in {city} are preparing for the {n}th round.\n"
        if n % 2
        else f"The {n}th round has concluded in {city}. Delegates went home.\n"
        for n, city in enumerate(["Geneva", "Doha", "Riyadh", "Vienna", "Oslo", "Minsk", "Cairo", "Ankara"], start=4)
    ]
    alone = [server.post_raw("/v1/audit", {"text": story}) for story in stories]
    assert {json.loads(answer)["summary"]["error"] for _, answer in alone} == {0, 1}
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda story: server.post_raw("/v1/audit", {"text": story}), stories * 3))
    assert together == alone * 3


def test_health_openapi_and_the_page(server):
    status, health = server.get("/healthz")
    assert status == 200 and health["status"] == "ok" and health["workers"] == 2
    status, schema = server.get("/openapi.json")
    assert status == 200
    assert {"/v1/audit", "/v1/claims", "/healthz"} <= set(schema["paths"])
    audit = schema["paths"]["/v1/audit"]["post"]
    assert audit["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/AuditRequest")
    assert audit["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/JsonReport")
    assert audit["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Problem")
    request_schema = schema["components"]["schemas"]["AuditRequest"]
    assert set(request_schema["properties"]) == {"text", "format", "as_of", "rules", "name"}
    assert request_schema["additionalProperties"] is False
    status, headers, page = server.request("GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "connect-src 'self'" in headers["content-security-policy"]
    text = page.decode("utf-8")
    assert "http://" not in text and "https://" not in text and " src=" not in text  # nothing loaded from elsewhere
    assert "</script>" in text and "<textarea" in text


def test_it_binds_to_this_machine_only_unless_told(server):
    assert f"Uvicorn running on http://127.0.0.1:{server.port}" in server.output()


def test_bad_rule_files_stop_serve_before_it_listens(tmp_path, capsys):
    bad = tmp_path / "desk.rules"
    bad.write_text("event {\n", encoding="utf-8")
    assert main(["serve", "--rules", str(bad), "--no-config"]) == 4
    assert capsys.readouterr().err.startswith(f"claim-checker: {bad}:1:7: expected ")


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--port", "http", "--port: expected a number above 0, found 'http'"),
        ("--port", "70000", "--port: expected a port from 1 to 65535, found '70000'"),
        ("--workers", "0", "--workers: expected a number above 0, found '0'"),
        ("--time-limit", "soon", "--time-limit: expected a number above 0, found 'soon'"),
        ("--max-body", "big", "--max-body: expected a size such as 5MB"),
    ],
)
def test_bad_serve_flags_are_usage_errors(capsys, flag, value, message):
    assert main(["serve", flag, value, "--no-config"]) == 2
    assert capsys.readouterr().err.startswith(f"claim-checker: {message}")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A server with a rule file of its own, and a time limit short enough to reach."""
    folder = tmp_path_factory.mktemp("desk")
    rules = folder / "desk.rules"
    rules.write_text("# the desk's facts\n", encoding="utf-8")
    running = Server(
        "--rules",
        str(rules),
        "--time-limit",
        "1",
        "--max-body",
        "4MB",
        "--root-path",
        "/claims/",
        "--no-config",
        cwd=folder,
    )
    yield running, rules
    running.stop()


def test_rule_files_are_read_again_when_they_change(desk):
    server, rules = desk
    status, report = server.post("/v1/audit", {"text": TENSION})
    assert status == 200 and report["documents"][0]["facts"] == []
    rules.write_text('event "third round" { status upcoming }\n', encoding="utf-8")
    status, report = server.post("/v1/audit", {"text": TENSION})
    assert [f["verdict"] for f in report["documents"][0]["facts"]] == ["contradicted"]
    rules.write_text('event "third round" { status finishd }\n', encoding="utf-8")
    status, problem = server.post("/v1/audit", {"text": TENSION})
    assert status == 500 and problem["error"].startswith(f"the server's rule files cannot be used: {rules}:1:30: ")
    rules.write_text("# the desk's facts\n", encoding="utf-8")
    status, report = server.post("/v1/audit", {"text": TENSION})
    assert status == 200 and report["documents"][0]["facts"] == []


def test_a_check_past_the_time_limit_is_stopped_and_the_next_is_answered(desk):
    server, _ = desk
    long_story = "".join(
        f"The {n}th round has concluded. Delegates are preparing for the {n}th round. " for n in range(30_000)
    )
    status, problem = server.post("/v1/audit", {"text": long_story})
    assert status == 503
    assert problem["error"] == "the check took longer than 1 s, the server's limit; send a shorter text"
    status, report = server.post("/v1/audit", {"text": TENSION})  # waits for the worker started in its place
    assert status == 200 and report["summary"]["error"] == 1


def test_behind_a_proxy_the_schema_names_the_public_prefix(desk):
    server, _ = desk
    status, schema = server.get("/openapi.json")
    assert status == 200 and schema["servers"] == [{"url": "/claims"}]
    status, _, page = server.request("GET", "/")
    assert status == 200 and b'fetch(base + "v1/audit"' in page  # relative: it works under any prefix
