"""`claim-checker lsp` driven by a real LSP client (pygls's) over stdio, as an editor would:
initialize in a workspace with its own configuration, open, change, hover, close, shut down."""

from __future__ import annotations

import asyncio
import sys
from collections import defaultdict
from pathlib import Path

import pytest

pytest.importorskip(
    "pygls", reason="the lsp extra is not installed (pip install '.[lsp]'): the language server is not tested"
)

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from checker.cli import main
from checker.langserver import Lines
from checker.session import Session
from checker.settings import Settings

TENSION = "Talks 🕊️ resumed.\nThe 3rd round has concluded. Delegates are preparing for the third round.\n"
CALM = "Talks 🕊️ resumed.\nThe 3rd round has concluded. Delegates went home.\n"
MARKDOWN = "# Talks\n\nThe *3rd round* has concluded.\n\n- Delegates are preparing for the third round.\n"
HTML = "<p>The <b>3rd round</b> has concluded.</p>\n<p>Delegates are preparing for the third round.</p>\n"
WAIT = 120  # seconds: the first check loads the rules (and the language model)


def _text_of(text: str, where: types.Range) -> str:
    lines = Lines(text)
    return text[lines.offset(where.start) : lines.offset(where.end)]


class _Editor:
    """A client that keeps every diagnostics notification, per document, in arrival order."""

    def __init__(self) -> None:
        self.client = LanguageClient("test-editor", "1")
        self.published: dict[str, asyncio.Queue] = defaultdict(asyncio.Queue)
        self.messages: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri].put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

    async def diagnostics(self, uri: str) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.published[uri].get(), WAIT)

    def open(self, uri: str, language: str, text: str) -> None:
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )


async def _stop(client: LanguageClient) -> None:
    """Stop the client; a server a failed test left running is killed first (stop() waits for it)."""
    server = client._server
    if server is not None and server.returncode is None:
        server.kill()
    await client.stop()


def _workspace(tmp_path: Path) -> Path:
    workspace = tmp_path / "newsroom"
    (workspace / "rules").mkdir(parents=True)
    (workspace / "rules" / "talks.rules").write_text("# facts the desk expects\n", encoding="utf-8")
    (workspace / "pyproject.toml").write_text(
        '[tool.claim-checker]\nrules = ["rules/talks.rules"]\nseverity = { CC101 = "warning" }\n', encoding="utf-8"
    )
    return workspace


def _sides(text: str, format: str) -> list[str]:
    """The words of each side of the one finding the CLI's pipeline reports on `text`."""
    [finding] = Session(Settings()).check(text, format=format).documents[0].findings
    return [side.text for side in finding.locations]


def test_language_server_over_stdio(tmp_path, capsys):
    assert main(["explain", "CC101"]) == 0
    explained = capsys.readouterr().out
    workspace = _workspace(tmp_path)
    elsewhere = tmp_path / "elsewhere"  # the server's own folder has no configuration: the workspace's is used
    elsewhere.mkdir()
    sides = {
        format: _sides(text, format) for format, text in (("text", TENSION), ("markdown", MARKDOWN), ("html", HTML))
    }
    asyncio.run(_session(workspace, elsewhere, explained, sides))


async def _session(workspace: Path, cwd: Path, explained: str, sides: dict[str, list[str]]) -> None:
    editor = _Editor()
    client = editor.client
    await client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(cwd))
    try:
        result = await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=workspace.as_uri(),
                    workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="newsroom")],
                )
            ),
            WAIT,
        )
        assert result.capabilities.hover_provider
        client.initialized(types.InitializedParams())

        story = (workspace / "story.txt").as_uri()
        editor.open(story, "plaintext", TENSION)
        published = await editor.diagnostics(story)
        assert published.version == 1
        [diagnostic] = published.diagnostics
        assert diagnostic.code == "CC101" and diagnostic.source == "claim-checker"
        assert diagnostic.severity == types.DiagnosticSeverity.Warning  # the workspace's configuration
        assert "concluded" in diagnostic.message
        primary, other_side = sides["text"]
        assert _text_of(TENSION, diagnostic.range) == primary
        assert diagnostic.range.start == types.Position(line=1, character=TENSION.split("\n")[1].index(primary))
        [other] = diagnostic.related_information
        assert other.location.uri == story
        assert _text_of(TENSION, other.location.range) == other_side
        assert other_side in other.message

        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=story),
                    position=types.Position(line=1, character=8),
                )
            ),
            WAIT,
        )
        assert hover.contents.value == explained
        assert _text_of(TENSION, hover.range) == primary
        nothing = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=story), position=types.Position(line=0, character=1)
            )
        )
        assert nothing is None

        editor.change(story, 2, CALM)
        published = await editor.diagnostics(story)
        assert (published.version, list(published.diagnostics)) == (2, [])

        # The workspace's rule file edited on disk: read again at the next check.
        rules = workspace / "rules" / "talks.rules"
        rules.write_text('event "third round" { status upcoming }\n', encoding="utf-8")
        editor.change(story, 3, CALM)
        published = await editor.diagnostics(story)
        assert [d.code for d in published.diagnostics] == ["CC001"]
        rules.write_text("# facts the desk expects\n", encoding="utf-8")

        # A burst of edits, as typing sends them: checked once, at its end.
        for version in range(4, 13):
            editor.change(story, version, TENSION if version % 2 == 0 else CALM)
        published = await editor.diagnostics(story)
        assert published.version == 12 and [d.code for d in published.diagnostics] == ["CC101"]
        await asyncio.sleep(1)
        assert editor.published[story].empty()  # nothing published for the versions in between

        for name, language, text in (("story.md", "markdown", MARKDOWN), ("story.html", "html", HTML)):
            primary, other_side = sides[language]
            uri = (workspace / name).as_uri()
            editor.open(uri, language, text)
            [diagnostic] = (await editor.diagnostics(uri)).diagnostics
            assert diagnostic.code == "CC101"
            assert _text_of(text, diagnostic.range) == primary  # in the source, markup and all
            assert _text_of(text, diagnostic.related_information[0].location.range) == other_side

        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=story))
        )
        assert list((await editor.diagnostics(story)).diagnostics) == []
        assert editor.messages == []

        await asyncio.wait_for(client.shutdown_async(None), WAIT)
        client.exit(None)
        assert await asyncio.wait_for(client._server.wait(), WAIT) == 0
    finally:
        await _stop(client)


def test_a_bad_rule_file_is_shown_as_a_message_with_its_place(tmp_path):
    workspace = _workspace(tmp_path)
    (workspace / "rules" / "talks.rules").write_text('event "third round" { status finishd }\n', encoding="utf-8")
    asyncio.run(_bad_rules(workspace))


async def _bad_rules(workspace: Path) -> None:
    editor = _Editor()
    client = editor.client
    await client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(workspace))
    try:
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri())
            ),
            WAIT,
        )
        client.initialized(types.InitializedParams())
        editor.open((workspace / "story.txt").as_uri(), "plaintext", TENSION)
        for _ in range(WAIT * 10):
            if editor.messages:
                break
            await asyncio.sleep(0.1)
        [message] = editor.messages  # once, not again for the opened document
        assert message.splitlines()[0].endswith(
            "talks.rules:1:30: expected a status (cancelled, concluded, ongoing, postponed, upcoming), found 'finishd'"
        )
        await asyncio.wait_for(client.shutdown_async(None), WAIT)
        client.exit(None)
    finally:
        await _stop(client)


def test_positions_count_the_clients_units():
    text = "a🕊b\r\nc\rd\né"
    utf16, utf8, utf32 = (Lines(text, encoding) for encoding in ("utf-16", "utf-8", "utf-32"))
    b = text.index("b")
    assert utf16.position(b) == types.Position(line=0, character=3)
    assert utf8.position(b) == types.Position(line=0, character=5)
    assert utf32.position(b) == types.Position(line=0, character=2)
    assert utf16.position(text.index("c")) == types.Position(line=1, character=0)  # CR LF is one break
    assert utf16.position(text.index("d")) == types.Position(line=2, character=0)  # so is a lone CR
    for lines in (utf16, utf8, utf32):
        for offset in range(len(text) + 1):
            if text[offset - 1 : offset + 1] != "\r\n":  # inside a line break is no position
                assert lines.offset(lines.position(offset)) == offset
