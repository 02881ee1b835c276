"""Authenticating requests: static bearer tokens and JWTs (protocol §2.9), checked with PyJWT.

Errors are upstream's: no token → 401 ``Authentication required``; a bad token → 401 with a
specific message (``Invalid token signature``, ``Token has expired``, ``Invalid token issuer``,
``Invalid token audience``, ``Unknown key ID: …``); a role below the endpoint's level → 403
``Insufficient permissions``; a JWKS that cannot be fetched → 500 ``Failed to fetch JWKS``.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import jwt

from queen_server.auth_settings import AuthSettings, token_digest

log = logging.getLogger("queen_server.auth")

# the secret's length is checked once at start-up, not warned about on every request
warnings.filterwarnings("ignore", category=jwt.InsecureKeyLengthWarning)

RSA_ALGORITHMS = ("RS256", "RS384", "RS512")
#: verified tokens remembered, and for how long at most (never past their expiry)
CACHE_SIZE = 4096
CACHE_SECONDS = 30.0
#: an unknown key id refetches the JWKS at most this often
JWKS_MIN_REFRESH_SECONDS = 10.0


class Level(IntEnum):
    """What an endpoint requires; roles grant ``admin`` ⊃ ``read-write`` ⊃ ``read-only``."""

    PUBLIC = 0
    READ_ONLY = 1
    READ_WRITE = 2
    ADMIN = 3


class AuthError(Exception):
    """Refusal of a request: ``status`` (401, 403 or 500) and upstream's message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Identity:
    """Who made a request: ``subject`` (JWT ``sub`` or the token's name) and the highest
    level its roles grant (``PUBLIC`` when none is recognised)."""

    subject: str | None
    level: Level


def bearer_token(header: bytes | None) -> str | None:
    """The token of an ``Authorization`` value: after a ``Bearer `` prefix (any case), else
    the whole value, as upstream; None when absent or empty."""
    if not header:
        return None
    text = header.decode("latin-1")
    if len(text) > 7 and text[:7].lower() == "bearer ":
        text = text[7:]
    return text or None


class Authenticator:
    """Checks tokens for one server process (JWKS keys and verified tokens are cached)."""

    def __init__(self, settings: AuthSettings) -> None:
        self.settings = settings
        admin, read_write, read_only = settings.role_names()
        self._levels = {
            admin: Level.ADMIN,
            read_write: Level.READ_WRITE,
            read_only: Level.READ_ONLY,
        }
        self._static = {t.digest: Identity(t.name, self._levels[t.role]) for t in settings.tokens}
        self._public_key: Any = None
        if settings.jwt_enabled and settings.public_key:
            self._public_key = _load_public_key(settings.public_key)
        self._jwks: dict[str, Any] = {}
        self._jwks_fetched_at = 0.0
        self._jwks_lock = asyncio.Lock()
        self._cache: OrderedDict[str, tuple[Identity, float]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    async def start(self) -> None:
        """Fetch the JWKS once, so the first requests do not wait for it (a failure is only
        logged: it is retried when a token needs a key)."""
        if self.settings.jwt_enabled and self.settings.jwks_url and self._public_key is None:
            try:
                await self._refresh_jwks()
            except AuthError:
                log.warning(
                    "could not fetch the JWKS from %s; retrying on demand", self.settings.jwks_url
                )

    async def check(self, header: bytes | None, level: Level) -> Identity:
        """The caller's identity if it may use an endpoint of ``level``; else ``AuthError``."""
        token = bearer_token(header)
        if token is None:
            raise AuthError(401, "Authentication required")
        identity = self._static.get(token_digest(token)) if self._static else None
        if identity is None:
            identity = await self._verify_jwt(token)
        if identity.level == Level.PUBLIC or identity.level < level:
            raise AuthError(403, "Insufficient permissions")
        return identity

    # -- JWT ------------------------------------------------------------------------------

    async def _verify_jwt(self, token: str) -> Identity:
        if not self.settings.jwt_enabled:
            raise AuthError(401, "Invalid token")
        now = time.monotonic()
        cached = self._cache.get(token)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError(401, f"Token decode error: {exc}") from None
        alg = str(header.get("alg", ""))
        key = await self._key_for(alg, header.get("kid"))
        claims = self._decode(token, key, alg)
        identity = Identity(_subject(claims), self._level_of(claims))
        expires = claims.get("exp")
        until = now + CACHE_SECONDS
        if isinstance(expires, (int, float)):
            until = min(until, now + expires + self.settings.clock_skew - time.time())
        self._cache[token] = (identity, until)
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return identity

    def _expected_family(self, alg: str) -> str:
        configured = self.settings.algorithm
        family = "HS256" if alg == "HS256" else "RS256" if alg in RSA_ALGORITHMS else alg
        if configured == "auto":
            if family not in ("HS256", "RS256", "EdDSA"):
                raise AuthError(401, f"Unsupported algorithm: {alg}")
        elif family != configured:
            raise AuthError(401, f"Token uses {alg}, expected {configured}")
        return family

    async def _key_for(self, alg: str, kid: Any) -> Any:
        family = self._expected_family(alg)
        if family == "HS256":
            if not self.settings.secret:
                raise AuthError(500, "HS256 secret not configured")
            return self.settings.secret
        if self._public_key is not None:
            return self._public_key
        if not self.settings.jwks_url:
            raise AuthError(500, "No public key or JWKS URL configured")
        kid_text = kid if isinstance(kid, str) else ""
        key = self._jwks_key(kid_text)
        if key is None:
            async with self._jwks_lock:
                if time.monotonic() - self._jwks_fetched_at >= JWKS_MIN_REFRESH_SECONDS:
                    await self._refresh_jwks()
            key = self._jwks_key(kid_text)
            if key is None:
                raise AuthError(401, f"Unknown key ID: {kid_text}")
        return key

    def _jwks_key(self, kid: str) -> Any:
        age = time.monotonic() - self._jwks_fetched_at
        if age > self.settings.jwks_refresh_interval:
            return None  # stale: refetch (rotated keys disappear)
        if kid:
            return self._jwks.get(kid)
        return next(iter(self._jwks.values())) if len(self._jwks) == 1 else None

    async def _refresh_jwks(self) -> None:
        import httpx

        url = self.settings.jwks_url
        try:
            async with httpx.AsyncClient(timeout=self.settings.jwks_timeout_ms / 1000) as client:
                response = await client.get(url)
                response.raise_for_status()
                keys = jwt.PyJWKSet.from_dict(response.json())
        except (httpx.HTTPError, ValueError, jwt.PyJWTError) as exc:
            self._jwks_fetched_at = time.monotonic()  # do not hammer a failing endpoint
            log.warning("fetching the JWKS from %s failed: %s", url, exc)
            raise AuthError(500, "Failed to fetch JWKS") from None
        self._jwks = {k.key_id or "": k.key for k in keys.keys}
        self._jwks_fetched_at = time.monotonic()
        self._cache.clear()

    def _decode(self, token: str, key: Any, alg: str) -> dict[str, Any]:
        s = self.settings
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[alg],
                leeway=s.clock_skew,
                issuer=s.issuer or None,
                audience=s.audience or None,
                options={"verify_aud": bool(s.audience), "verify_iss": bool(s.issuer)},
            )
        except jwt.InvalidSignatureError:
            raise AuthError(401, "Invalid token signature") from None
        except jwt.ExpiredSignatureError:
            raise AuthError(401, "Token has expired") from None
        except jwt.InvalidIssuerError:
            raise AuthError(401, "Invalid token issuer") from None
        except jwt.InvalidAudienceError:
            raise AuthError(401, "Invalid token audience") from None
        except jwt.ImmatureSignatureError:
            raise AuthError(401, "Token is not yet valid") from None
        except jwt.MissingRequiredClaimError as exc:
            message = {"iss": "Invalid token issuer", "aud": "Invalid token audience"}.get(
                exc.claim, str(exc)
            )
            raise AuthError(401, message) from None
        except jwt.PyJWTError as exc:
            raise AuthError(401, f"Token verification failed: {exc}") from None
        return claims

    def _level_of(self, claims: dict[str, Any]) -> Level:
        roles: list[str] = []
        single = claims.get(self.settings.roles_claim)
        if isinstance(single, str):
            roles.append(single)
        many = claims.get(self.settings.roles_array_claim)
        if isinstance(many, list):
            roles.extend(r for r in many if isinstance(r, str))
        return max((self._levels.get(r, Level.PUBLIC) for r in roles), default=Level.PUBLIC)


def _subject(claims: dict[str, Any]) -> str | None:
    sub = claims.get("sub")
    return sub if isinstance(sub, str) else None


def _load_public_key(pem: str) -> Any:
    """The configured PEM public key (RSA or Ed25519); a bad one stops the start-up."""
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        return load_pem_public_key(pem.encode())
    except ValueError as exc:
        raise AuthError(500, f"JWT_PUBLIC_KEY is not a PEM public key: {exc}") from None


__all__ = ["AuthError", "Authenticator", "Identity", "Level", "bearer_token"]
