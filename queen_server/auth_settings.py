"""Authentication settings: JWT (upstream's ``JWT_*`` variables) and static bearer tokens.

Static tokens are written ``NAME:ROLE:TOKEN`` (the token may itself hold colons): in
``QUEEN_AUTH_TOKENS`` (comma-separated), one per line in the file named by
``QUEEN_AUTH_TOKENS_FILE`` (``#`` starts a comment), or with ``--auth-token``. ``NAME`` is the
caller's identity (stamped as ``producerSub`` on its pushes); ``ROLE`` is one of the three
role names. Only a SHA-256 digest of each token is kept in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

ENV_TOKENS = "QUEEN_AUTH_TOKENS"
ENV_TOKENS_FILE = "QUEEN_AUTH_TOKENS_FILE"
ALGORITHMS = ("HS256", "RS256", "EdDSA", "auto")
#: upstream's default skip list (protocol §2.9)
DEFAULT_SKIP_PATHS = ("/health", "/metrics/prometheus", "/metrics", "/")
MIN_TOKEN_LENGTH = 16


class AuthSettingsError(ValueError):
    """An authentication setting cannot be used (the message names it; never the secret)."""


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


@dataclass(frozen=True)
class StaticToken:
    """One configured bearer token: who it is, its role, and the digest of its value."""

    name: str
    role: str
    digest: bytes


@dataclass(frozen=True)
class AuthSettings:
    """How requests are authenticated. ``enabled`` when JWT is on or any token is set."""

    jwt_enabled: bool = False
    algorithm: str = "HS256"
    secret: str = ""
    public_key: str = ""
    jwks_url: str = ""
    issuer: str = ""
    audience: str = ""
    clock_skew: int = 30
    skip_paths: tuple[str, ...] = DEFAULT_SKIP_PATHS
    jwks_refresh_interval: int = 3600
    jwks_timeout_ms: int = 5000
    roles_claim: str = "role"
    roles_array_claim: str = "roles"
    role_admin: str = "admin"
    role_read_write: str = "read-write"
    role_read_only: str = "read-only"
    tokens: tuple[StaticToken, ...] = ()

    @property
    def enabled(self) -> bool:
        return self.jwt_enabled or bool(self.tokens)

    def role_names(self) -> tuple[str, str, str]:
        return (self.role_admin, self.role_read_write, self.role_read_only)

    def should_skip(self, path: str) -> bool:
        """Upstream's skip rule: exact match, or prefix match for entries (longer than
        ``/``) ending in ``/``."""
        for skip in self.skip_paths:
            if path == skip or (len(skip) > 1 and skip.endswith("/") and path.startswith(skip)):
                return True
        return False

    def problems(self) -> list[str]:
        if not self.jwt_enabled:
            return []
        found = []
        if self.algorithm not in ALGORITHMS:
            found.append(
                f"JWT_ALGORITHM must be one of {', '.join(ALGORITHMS)}, got {self.algorithm!r}"
            )
        elif self.algorithm in ("HS256", "auto"):
            if not (self.secret or self.public_key or self.jwks_url):
                found.append(
                    f"JWT_ALGORITHM={self.algorithm} needs JWT_SECRET (or, for auto, "
                    "JWT_PUBLIC_KEY or JWT_JWKS_URL)"
                )
        elif not (self.public_key or self.jwks_url):
            found.append(f"JWT_ALGORITHM={self.algorithm} needs JWT_PUBLIC_KEY or JWT_JWKS_URL")
        if self.clock_skew < 0:
            found.append(f"JWT_CLOCK_SKEW must not be negative, got {self.clock_skew}")
        return found


def parse_token(entry: str, where: str, roles: Iterable[str]) -> StaticToken:
    """``NAME:ROLE:TOKEN`` → a StaticToken; errors name ``where`` but never the token."""
    name, sep1, rest = entry.strip().partition(":")
    role, sep2, token = rest.partition(":")
    if not (sep1 and sep2 and name and role):
        raise AuthSettingsError(f"{where}: a token must be written NAME:ROLE:TOKEN")
    allowed = tuple(roles)
    if role not in allowed:
        raise AuthSettingsError(
            f"{where}: role of token {name!r} must be one of {', '.join(allowed)}, got {role!r}"
        )
    if len(token) < MIN_TOKEN_LENGTH:
        raise AuthSettingsError(
            f"{where}: token {name!r} must be at least {MIN_TOKEN_LENGTH} characters long"
        )
    return StaticToken(name, role, token_digest(token))


def parse_tokens(
    entries: Iterable[tuple[str, str]], roles: Iterable[str]
) -> tuple[StaticToken, ...]:
    """(entry, where it came from) pairs → tokens; the same token twice is an error."""
    role_names = tuple(roles)
    tokens: list[StaticToken] = []
    for entry, where in entries:
        token = parse_token(entry, where, role_names)
        if any(t.digest == token.digest for t in tokens):
            raise AuthSettingsError(f"{where}: token {token.name!r} is configured twice")
        tokens.append(token)
    return tuple(tokens)


def token_file_entries(path: Path) -> list[tuple[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AuthSettingsError(f"cannot read the tokens file {path}: {exc.strerror}") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            entries.append((stripped, f"{path}:{number}"))
    return entries


def _int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise AuthSettingsError(f"{name} must be an integer, got {raw!r}") from None


def auth_from_env(environ: Mapping[str, str]) -> AuthSettings:
    """Authentication settings from upstream's ``JWT_*`` variables and ``QUEEN_AUTH_TOKENS*``."""
    get = environ.get
    skip_raw = get("JWT_SKIP_PATHS")
    skip = (
        DEFAULT_SKIP_PATHS
        if skip_raw is None
        else tuple(p.strip() for p in skip_raw.split(",") if p.strip())
    )
    public_key = get("JWT_PUBLIC_KEY", "")
    settings = AuthSettings(
        jwt_enabled=get("JWT_ENABLED", "").strip().lower() in ("true", "1"),
        algorithm=get("JWT_ALGORITHM", "HS256").strip() or "HS256",
        secret=get("JWT_SECRET", ""),
        public_key=public_key.replace("\\n", "\n"),
        jwks_url=get("JWT_JWKS_URL", "").strip(),
        issuer=get("JWT_ISSUER", ""),
        audience=get("JWT_AUDIENCE", ""),
        clock_skew=_int(environ, "JWT_CLOCK_SKEW", 30),
        skip_paths=skip,
        jwks_refresh_interval=_int(environ, "JWT_JWKS_REFRESH_INTERVAL", 3600),
        jwks_timeout_ms=_int(environ, "JWT_JWKS_TIMEOUT_MS", 5000),
        roles_claim=get("JWT_ROLES_CLAIM", "role"),
        roles_array_claim=get("JWT_ROLES_ARRAY_CLAIM", "roles"),
        role_admin=get("JWT_ROLE_ADMIN", "admin"),
        role_read_write=get("JWT_ROLE_READ_WRITE", "read-write"),
        role_read_only=get("JWT_ROLE_READ_ONLY", "read-only"),
    )
    entries = [(entry, ENV_TOKENS) for entry in get(ENV_TOKENS, "").split(",") if entry.strip()]
    file_name = get(ENV_TOKENS_FILE, "").strip()
    if file_name:
        entries += token_file_entries(Path(file_name))
    if entries:
        settings = replace(settings, tokens=parse_tokens(entries, settings.role_names()))
    return settings
