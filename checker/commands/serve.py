"""claim-checker serve: the checker as an HTTP service with a page for editors (checker.serve)."""

from __future__ import annotations

import argparse

from checker.commands import add_rule_flags
from checker.errors import UsageError

EXTRA_MISSING = "serve needs its extra: pip install 'claim-checker[serve]' (FastAPI and uvicorn)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", default="8000", help="the port to listen on (default 8000)")
    add_rule_flags(parser)
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the reference date when a request gives none")
    parser.add_argument("--select", metavar="PREFIXES", help="only checks whose code starts so (CC1,CC001)")
    parser.add_argument("--ignore", metavar="PREFIXES", help="leave out checks whose code starts so")
    parser.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    parser.add_argument("--workers", default="1", metavar="N", help="processes that check requests at once (default 1)")
    parser.add_argument(
        "--time-limit", default="10", metavar="SECONDS", help="longest check of one request; past it, 503 (default 10)"
    )
    parser.add_argument(
        "--max-body", default="1MB", metavar="SIZE", help="largest request body; past it, 413 (default 1MB)"
    )
    parser.add_argument(
        "--root-path", default="", metavar="PATH", help="the path prefix a proxy serves this under, e.g. /claims"
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        metavar="IPS",
        help="proxies whose X-Forwarded-* headers are trusted (default 127.0.0.1)",
    )
    parser.set_defaults(format=None, fail_on=None, output=None)  # settings_for reads these; a service has none


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from checker.serve.app import Limits, create_app
    except ImportError:
        raise UsageError(EXTRA_MISSING) from None
    from checker import analysis
    from checker.errors import ExitCode
    from checker.rulelang.parsed import parse_paths, resolve_parsed
    from checker.settings import Settings, parse_size, settings_for

    found = settings_for(args, [])
    # Per-glob settings match a document's path on disk; a request's document has none.
    settings = Settings(
        rules=found.rules, default_rules=found.default_rules, as_of=found.as_of, policy=found.policy, model=found.model
    )
    # Bad rules (exit 4) or no language pipeline (exit 2): said now, not by each worker.
    resolve_parsed(parse_paths(settings.rules, defaults=settings.default_rules))
    analysis.resolve(settings.model)
    limits = Limits(
        max_body=parse_size(args.max_body, "--max-body"),
        time_limit=_positive(args.time_limit, "--time-limit", float),
        workers=_positive(args.workers, "--workers", int),
    )
    port = _positive(args.port, "--port", int)
    if port > 65535:
        raise UsageError(f"--port: expected a port from 1 to 65535, found {args.port!r}")
    app = create_app(settings, limits, root_path=args.root_path.rstrip("/"))
    uvicorn.run(
        app,
        host=args.host,
        port=port,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level="info",
    )
    return ExitCode.OK


def _positive(text: str, flag: str, kind: type):
    try:
        value = kind(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise UsageError(f"{flag}: expected a number above 0, found {text!r}")
    return value
