"""`claim-checker lsp`: a language server (pygls) that shows findings while a story is open.

Each opened or changed plain-text, Markdown or HTML document is checked by one warm Session
(checker.session) and its findings published as diagnostics: the code, severity and
message, and the other side of a tension as related information; a changed document is
checked once the edits pause (TYPING_PAUSE), in a thread, so typing never queues a check
per keystroke. Hovering over a finding shows what `claim-checker explain` says about its
check. The workspace's configuration
(`[tool.claim-checker]` or `.claim-checker.toml`, found from the workspace folder upwards)
chooses the rule files and the policy; a rule file edited on disk is read again at the
next check. Needs the `lsp` extra: pip install 'claim-checker[lsp]'.
"""

from __future__ import annotations

import asyncio
import bisect
import os
import re
import threading

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker import __version__
from checker.errors import CheckerError, InputError
from checker.model import DocumentReport, Finding, Severity
from checker.readers import FORMATS

SOURCE = "claim-checker"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.NOTE: types.DiagnosticSeverity.Information,
}
_LANGUAGES = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}
TYPING_PAUSE = 0.3  # seconds without an edit before a changed document is checked
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the protocol's line breaks, and no others


class Lines:
    """Offsets in code points (the report's) <-> protocol positions (line, and column in the
    client's units: UTF-16 unless the client chose UTF-8 or UTF-32)."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
        self.encoding = encoding

    def _units(self, piece: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(piece.encode("utf-8", "surrogatepass"))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(piece)
        return len(piece.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line >= len(self.starts):
            return len(self.text)
        offset = self.starts[position.line]
        limit = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        units = 0
        while offset < limit and units + self._units(self.text[offset]) <= position.character:
            units += self._units(self.text[offset])
            offset += 1
        return offset


def document_format(language_id: str | None, path: str) -> str:
    """The reader for a document: its language, else its suffix, else plain text."""
    if language_id in _LANGUAGES:
        return _LANGUAGES[language_id]
    suffix = os.path.splitext(path)[1].lower()
    return next((name for name, suffixes in FORMATS.items() if suffix in suffixes), "text")


def diagnostics(uri: str, report: DocumentReport, lines: Lines) -> list[types.Diagnostic]:
    found = []
    for finding in report.findings:
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=lines.range(side.span.start, side.span.end)),
                message=f"the other side: “{side.text}”",
            )
            for side in finding.related
        ]
        found.append(
            types.Diagnostic(
                range=lines.range(finding.primary.span.start, finding.primary.span.end),
                message=finding.message,
                severity=_SEVERITY[finding.severity],
                code=finding.code,
                source=SOURCE,
                related_information=related or None,
            )
        )
    return found


def hover_text(findings: list[Finding]) -> str:
    """What `explain` prints, for each check among `findings` (once each)."""
    from checker.catalogue import find
    from checker.commands.explain import explanation

    parts = []
    for code in dict.fromkeys(f.code for f in findings):
        detector = find(code)
        if detector is not None:
            parts.append(explanation(detector))
    return "\n".join(parts)


class ClaimServer(LanguageServer):
    """The server, with the workspace's Session made on first use and each document's last report."""

    def __init__(self) -> None:
        super().__init__(SOURCE, __version__)
        self._session = None
        self._making = threading.Lock()
        self._pending: dict[str, asyncio.Future] = {}
        self._reports: dict[str, tuple[DocumentReport, Lines]] = {}
        self._told: str | None = None  # the last problem shown, so an error is not shown on every keystroke

    def session(self):
        with self._making:  # the first checks of two documents may ask at once, from their threads
            if self._session is None:
                self._session = self._new_session()
            return self._session

    def _new_session(self):
        from checker.config import Config, find_config, load_config
        from checker.session import Session
        from checker.settings import Settings

        root = self.workspace.root_path or os.getcwd()
        found = find_config(root)
        config = load_config(found) if found else Config()
        settings = Settings(
            rules=config.rules,
            default_rules=config.default_rules,
            as_of=config.as_of,
            policy=config.policy,
            per_glob=config.per_glob,
            model=config.model,
        )
        return Session(settings)

    def check_soon(self, uri: str, delay: float = 0.0) -> None:
        """Check the document after `delay` seconds without a newer edit: a burst of keystrokes
        is checked once, at its end, and never queues a check per keystroke."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.ensure_future(self._check_after(uri, delay))

    async def _check_after(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version, path = document.source, document.version, to_fs_path(uri) or uri
        format = document_format(document.language_id, path)
        try:  # in a thread: the server keeps reading edits while the text is parsed
            report = await asyncio.to_thread(lambda: self.session().check(text, format=format, name=path).documents[0])
        except InputError:  # an empty document: nothing to say
            report = None
        except CheckerError as error:  # the configuration or the rule files: shown once, until it changes
            self.tell(error.render())
            return
        if uri not in self.workspace.text_documents or self.workspace.get_text_document(uri).version != version:
            return  # closed or edited meanwhile: the newer check speaks
        self._told = None
        if report is None:
            self._reports.pop(uri, None)
            self._publish(uri, [], version)
            return
        lines = Lines(text, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        self._reports[uri] = (report, lines)
        self._publish(uri, diagnostics(uri, report, lines), version)

    def forget(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._reports.pop(uri, None)
        self._publish(uri, [], None)

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        if uri not in self._reports:
            return None
        report, lines = self._reports[uri]
        if lines.text != self.workspace.get_text_document(uri).source:
            return None  # edited since it was checked: its findings are not where they were
        offset = lines.offset(position)
        under = [f for f in report.findings if any(s.span.start <= offset < s.span.end for s in f.locations)]
        if not under:
            return None
        side = next(s for s in under[0].locations if s.span.start <= offset < s.span.end)
        contents = types.MarkupContent(kind=types.MarkupKind.PlainText, value=hover_text(under))
        return types.Hover(contents=contents, range=lines.range(side.span.start, side.span.end))

    def tell(self, message: str) -> None:
        if message != self._told:
            self._told = message
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    def _publish(self, uri: str, found: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )


def build_server() -> ClaimServer:
    server = ClaimServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: ClaimServer, params: types.InitializedParams) -> None:
        try:
            ls.session().warm()  # rules (and the model) loaded before the first document, not during it
        except CheckerError as error:
            ls.tell(error.render())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check_soon(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check_soon(params.text_document.uri, TYPING_PAUSE)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    return server
