"""``queen-server`` / ``python -m queen_server``: the command line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import warnings
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from queen_server import __version__, extra
from queen_server.auth_settings import AuthSettingsError
from queen_server.config import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ENV_CONSOLE_API,
    ENV_DATA_DIR,
    ENV_DSN,
    Settings,
    SettingsError,
    default_data_dir,
)
from queen_server.options import add_team_options, apply_team_options

log = logging.getLogger("queen_server")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="queen-server",
        description="A Queen-compatible message queue server on PostgreSQL. Without --dsn it "
        "starts an embedded PostgreSQL in the data directory.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"listen address ({DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    parser.add_argument(
        "--dsn",
        default=os.environ.get(ENV_DSN) or None,
        help=f"PostgreSQL DSN (env {ENV_DSN}); default: embedded PostgreSQL",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ[ENV_DATA_DIR]) if os.environ.get(ENV_DATA_DIR) else None,
        help=f"embedded database directory (env {ENV_DATA_DIR}; default {default_data_dir()})",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="log level (info)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (1)"
    )
    parser.add_argument(
        "--console-api",
        metavar="URL",
        default=os.environ.get(ENV_CONSOLE_API, ""),
        help=f"API the web console at / calls from the browser, e.g. an upstream Queen server "
        f"(env {ENV_CONSOLE_API}; default: this server)",
    )
    parser.add_argument("--version", action="version", version=f"queen-server {__version__}")
    add_team_options(parser)
    return parser


def _describe_dsn(dsn: str) -> str:
    parts = urlsplit(dsn)
    host = parts.hostname or "local socket"
    return f"PostgreSQL at {host}{parts.path or ''}"


def _describe_auth(settings: Settings) -> str:
    auth = settings.auth
    kinds = []
    if auth.jwt_enabled:
        kinds.append(f"JWT {auth.algorithm}")
    if auth.tokens:
        kinds.append(f"{len(auth.tokens)} token{'' if len(auth.tokens) == 1 else 's'}")
    return "auth: " + (" + ".join(kinds) if kinds else "off")


def main(argv: list[str] | None = None) -> int:
    absent = extra.missing()
    if absent:
        print(f"queen-server: {extra.message(absent)}", file=sys.stderr)
        return 1
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # the embedded database's own chatter is only interesting when debugging
    logging.getLogger("pgserver").setLevel(
        logging.DEBUG if args.log_level == "debug" else logging.WARNING
    )
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    if not 0 <= args.port <= 65535:
        log.error("--port must be between 0 and 65535, got %s", args.port)
        return 2
    if args.workers < 1:
        log.error("--workers must be at least 1, got %s", args.workers)
        return 2
    from queen_server.console import normalize_api_base

    try:
        console_api = normalize_api_base(args.console_api)
    except ValueError as exc:
        log.error("%s", exc)
        return 2

    try:
        base = Settings.from_env(host=args.host, port=args.port, log_level=args.log_level)
        settings = apply_team_options(base, args)
    except (SettingsError, AuthSettingsError) as exc:
        log.error("%s", exc)
        return 2
    problems = settings.problems()
    if problems:
        for problem in problems:
            log.error("%s", problem)
        return 2
    auth = settings.auth
    if auth.jwt_enabled and auth.algorithm in ("HS256", "auto") and 0 < len(auth.secret) < 32:
        log.warning("JWT_SECRET is shorter than 32 bytes: HS256 tokens are easier to forge")
    if settings.insecure and not settings.auth.enabled:
        log.warning(
            "serving WITHOUT authentication (--insecure): anyone who can reach %s:%s can "
            "read, write and delete every queue",
            args.host,
            args.port,
        )

    from queen_server.embedded import EmbeddedPostgres
    from queen_server.server import run_single, run_workers

    embedded: EmbeddedPostgres | None = None
    dsn = args.dsn
    if not dsn:
        embedded = EmbeddedPostgres(args.data_dir or default_data_dir())
        try:
            dsn = embedded.start()
        except Exception as exc:
            log.error("could not start the embedded PostgreSQL in %s: %s", embedded.pgdata, exc)
            return 1
        where = f"embedded PostgreSQL in {embedded.pgdata}"
    else:
        where = _describe_dsn(dsn)
    settings = replace(settings, dsn=dsn, console_api=console_api)
    host = f"[{args.host}]" if ":" in args.host else args.host
    banner = (
        f"queen-server {__version__} listening on http://{host}:{args.port} "
        f"({where}, {args.workers} worker{'' if args.workers == 1 else 's'}, "
        f"{_describe_auth(settings)})"
    )
    try:
        if args.workers == 1:
            ok = run_single(settings, banner=banner)
        else:
            ok = run_workers(settings, args.workers, banner=banner)
    finally:
        if embedded is not None:
            embedded.stop()
    log.info("queen-server stopped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
