"""Command-line options for running a server for a team: authentication, CORS, limits.

Each option overrides its environment variable (named in its help). Secrets are read from
files or the environment, never from the command line, where other users could see them.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from queen_server.auth_settings import (
    ALGORITHMS,
    ENV_TOKENS,
    ENV_TOKENS_FILE,
    AuthSettingsError,
    parse_tokens,
    token_file_entries,
)
from queen_server.config import ENV_CORS_ORIGINS, ENV_INSECURE, LIMIT_ENV, Limits, Settings

_LIMIT_HELP = {
    "max_header_bytes": "request line plus headers, bytes (431 beyond)",
    "max_headers": "number of request headers (431 beyond)",
    "max_body_bytes": "request body, bytes (413 beyond)",
    "max_json_depth": "nesting of a JSON body (400 beyond)",
    "header_timeout": "seconds to receive a request's headers (408 beyond)",
    "body_timeout": "seconds to receive a request's body (408 beyond)",
    "body_memory_bytes": "bytes of large bodies one process holds at once (503 beyond)",
}


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise AuthSettingsError(f"cannot read {what} {path}: {exc.strerror}") from None


def add_team_options(parser: argparse.ArgumentParser) -> None:
    security = parser.add_argument_group("authentication and CORS")
    security.add_argument(
        "--auth-token",
        action="append",
        default=[],
        metavar="NAME:ROLE:TOKEN",
        help="accept this bearer token (repeatable; role admin, read-write or read-only). "
        f"Visible to other local users: prefer {ENV_TOKENS} or --auth-tokens-file",
    )
    security.add_argument(
        "--auth-tokens-file",
        type=Path,
        metavar="PATH",
        help=f"file of NAME:ROLE:TOKEN lines (env {ENV_TOKENS_FILE})",
    )
    security.add_argument(
        "--jwt", action="store_true", default=None, help="accept JWTs (env JWT_ENABLED=true)"
    )
    security.add_argument(
        "--jwt-algorithm", choices=ALGORITHMS, help="JWT algorithm (env JWT_ALGORITHM; HS256)"
    )
    security.add_argument(
        "--jwt-secret-file", type=Path, metavar="PATH", help="HS256 secret (env JWT_SECRET)"
    )
    security.add_argument(
        "--jwt-public-key-file",
        type=Path,
        metavar="PATH",
        help="PEM public key for RS256/EdDSA (env JWT_PUBLIC_KEY)",
    )
    security.add_argument("--jwt-jwks-url", metavar="URL", help="JWKS URL (env JWT_JWKS_URL)")
    security.add_argument("--jwt-issuer", help="required iss claim (env JWT_ISSUER)")
    security.add_argument("--jwt-audience", help="required aud claim (env JWT_AUDIENCE)")
    security.add_argument(
        "--jwt-skip-paths",
        metavar="PATHS",
        help="comma-separated paths served without a token (env JWT_SKIP_PATHS; "
        "/health,/metrics/prometheus,/metrics,/)",
    )
    security.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help=f"let browsers call from this origin (repeatable; * for any; env "
        f"{ENV_CORS_ORIGINS}, comma-separated). Default: no CORS",
    )
    security.add_argument(
        "--insecure",
        action="store_true",
        default=None,
        help=f"allow listening on a non-loopback address without authentication (env "
        f"{ENV_INSECURE}=true); warned about at every start",
    )
    limits = parser.add_argument_group("limits")
    defaults = Limits()
    for env, (name, kind) in LIMIT_ENV.items():
        limits.add_argument(
            "--" + name.replace("_", "-"),
            type=kind,
            metavar="N",
            help=f"{_LIMIT_HELP[name]} (env {env}; {getattr(defaults, name)})",
        )


def apply_team_options(settings: Settings, args: argparse.Namespace) -> Settings:
    """``settings`` (from the environment) with the options given on the command line."""
    auth = settings.auth
    changes: dict[str, object] = {}
    if args.jwt:
        changes["jwt_enabled"] = True
    if args.jwt_algorithm:
        changes["algorithm"] = args.jwt_algorithm
    if args.jwt_secret_file:
        changes["secret"] = _read(args.jwt_secret_file, "the JWT secret file")
    if args.jwt_public_key_file:
        changes["public_key"] = _read(args.jwt_public_key_file, "the JWT public key file")
    for option, name in (
        ("jwt_jwks_url", "jwks_url"),
        ("jwt_issuer", "issuer"),
        ("jwt_audience", "audience"),
    ):
        if getattr(args, option) is not None:
            changes[name] = getattr(args, option)
    if args.jwt_skip_paths is not None:
        changes["skip_paths"] = tuple(
            p.strip() for p in args.jwt_skip_paths.split(",") if p.strip()
        )
    auth = replace(auth, **changes)  # type: ignore[arg-type]
    entries = [(entry, "--auth-token") for entry in args.auth_token]
    if args.auth_tokens_file:
        entries += token_file_entries(args.auth_tokens_file)
    if entries:
        auth = replace(auth, tokens=auth.tokens + parse_tokens(entries, auth.role_names()))
        digests = [t.digest for t in auth.tokens]
        if len(set(digests)) != len(digests):
            raise AuthSettingsError("the same token is configured twice")
    limit_changes = {
        name: getattr(args, name)
        for name, _ in LIMIT_ENV.values()
        if getattr(args, name, None) is not None
    }
    return replace(
        settings,
        auth=auth,
        limits=replace(settings.limits, **limit_changes),
        cors_origins=tuple(args.cors_origin) or settings.cors_origins,
        insecure=bool(args.insecure) or settings.insecure,
    )
