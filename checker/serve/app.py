"""The service's routes: POST /v1/audit and /v1/claims, GET /healthz, and the editors' page at /.

Every refusal is a JSON Problem with the one-line message the command line would give.
"""

from __future__ import annotations

import json
import typing
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from checker import __version__
from checker.serve.models import AuditRequest, ClaimsReport, Health, JsonReport, Problem
from checker.serve.workers import Pool, TimeLimit, WorkerFailed
from checker.settings import Settings

# The page loads nothing from anywhere: its script and style are inline, and it talks only to us.
_PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
    "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)


@dataclass(frozen=True, slots=True)
class Limits:
    max_body: int = 1_000_000  # bytes of one request body
    time_limit: float = 10.0  # seconds of checking for one request
    workers: int = 1


def create_app(settings: Settings, limits: Limits = Limits(), root_path: str = "") -> FastAPI:
    pool = Pool(settings, limits.workers, limits.time_limit)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await pool.start()  # the rules and the model are loaded before the first request
        try:
            yield
        finally:
            pool.stop()

    app = FastAPI(
        title="claim-checker",
        version=__version__,
        summary="Find where a story contradicts itself or the facts its editors expect.",
        lifespan=lifespan,
        root_path=root_path,
        docs_url=None,  # the interactive docs load their script from a CDN
        redoc_url=None,
    )
    problems = {413: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}}

    @app.exception_handler(RequestValidationError)
    async def refuse(request: Request, error: RequestValidationError) -> JSONResponse:
        errors = error.errors()
        unreadable = any(e.get("type") == "json_invalid" or tuple(e.get("loc", ())) == ("body",) for e in errors)
        status = 400 if unreadable else 422
        return JSONResponse({"error": _one_line(errors), "rule_errors": []}, status_code=status)

    async def checked(kind: str, body: AuditRequest) -> Response:
        request = {
            "kind": kind,
            "text": body.text,
            "format": body.format,
            "name": body.name,
            "as_of": body.as_of,
            "rules": list(body.rules),
        }
        try:
            reply = await pool.run(request)
        except TimeLimit:
            message = f"the check took longer than {limits.time_limit:g} s, the server's limit; send a shorter text"
            return JSONResponse({"error": message, "rule_errors": []}, status_code=503)
        except WorkerFailed as error:
            return JSONResponse({"error": f"internal error: {error}", "rule_errors": []}, status_code=500)
        return Response(reply.body, status_code=reply.status, media_type="application/json")

    @app.post("/v1/audit", response_model=JsonReport, responses=problems)
    async def audit(body: AuditRequest) -> Response:
        """The JSON report of one story: what `claim-checker audit --format json` writes."""
        return await checked("audit", body)

    @app.post("/v1/claims", response_model=ClaimsReport, responses=problems)
    async def claims(body: AuditRequest) -> Response:
        """Every claim read in the story: what `claim-checker claims --format json` writes."""
        return await checked("claims", body)

    @app.get("/healthz", response_model=Health)
    async def healthz() -> Health:
        return Health(status="ok", version=__version__, workers=pool.ready)

    page = resources.files("checker.serve").joinpath("page.html").read_text("utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def editors_page() -> HTMLResponse:
        headers = {"Content-Security-Policy": _PAGE_POLICY, "X-Content-Type-Options": "nosniff"}
        return HTMLResponse(page, headers=headers)

    app.add_middleware(BodyLimit, limit=limits.max_body)
    return app


def _one_line(errors) -> str:
    """pydantic's validation errors as one line in the command line's words."""
    described = []
    for error in errors:
        path = [str(part) for part in error.get("loc", ()) if part != "body"]
        where = ".".join(path)
        kind = error.get("type")
        if kind == "json_invalid":
            described.append(f"the body is not valid JSON ({error.get('ctx', {}).get('error', error.get('msg'))})")
        elif not path:
            described.append("the body: expected a JSON object (Content-Type: application/json)")
        elif kind == "missing":
            described.append(f"{where}: expected a value, found none")
        elif kind == "extra_forbidden":
            described.append(f"{where}: unknown field (expected one of {', '.join(AuditRequest.model_fields)})")
        elif kind == "literal_error" and path[0] in AuditRequest.model_fields:
            choices = typing.get_args(AuditRequest.model_fields[path[0]].annotation)
            described.append(f"{where}: expected one of {', '.join(choices)}, found {error.get('input')!r}")
        else:
            described.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(described)


class BodyLimit:
    """Refuse a request body over `limit` bytes with 413 before any of it is parsed, whether it
    declares its length or is sent in chunks."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send) -> None:
        message = f"the body is larger than {self.limit} bytes, the server's limit (--max-body)"
        body = json.dumps({"error": message, "rule_errors": []}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
