"""Token checks of ``queen_server.auth`` (upstream's scenarios, protocol §2.9), in process.

The server runs on asyncio, so these call the authenticator with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import replace

import jwt
import pytest

from queen_server.access import LEVELS, level_of
from queen_server.auth import Authenticator, AuthError, Identity, Level, bearer_token
from queen_server.auth_settings import (
    DEFAULT_SKIP_PATHS,
    AuthSettings,
    AuthSettingsError,
    auth_from_env,
)
from queen_server.routes import all_routes

from .auth_keys import (
    AUDIENCE,
    ISSUER,
    OTHER_RSA_KEY,
    RSA_KEY,
    SECRET,
    TOKENS,
    TOKENS_ENV,
    eddsa,
    hs256,
    jwks_server,
    public_pem,
    rs256,
)


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    with jwks_server() as url:
        yield url


def settings(**changes: object) -> AuthSettings:
    base = auth_from_env(
        {
            "JWT_ENABLED": "true",
            "JWT_SECRET": SECRET,
            "JWT_ISSUER": ISSUER,
            "JWT_AUDIENCE": AUDIENCE,
            "QUEEN_AUTH_TOKENS": TOKENS_ENV,
        }
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def check(
    auth: AuthSettings, token: str | None, level: Level = Level.READ_ONLY, scheme: str = "Bearer "
) -> Identity:
    header = None if token is None else (scheme + token).encode()

    async def run() -> Identity:
        return await Authenticator(auth).check(header, level)

    return asyncio.run(run())


def refusal(
    auth: AuthSettings, token: str | None, level: Level = Level.READ_ONLY
) -> tuple[int, str]:
    with pytest.raises(AuthError) as caught:
        check(auth, token, level)
    return caught.value.status, caught.value.message


# -- what upstream answers -----------------------------------------------------------------


def test_no_token_is_401_authentication_required() -> None:
    assert refusal(settings(), None) == (401, "Authentication required")
    assert bearer_token(b"") is None
    assert bearer_token(b"Bearer ") == "Bearer "  # upstream: too short for the prefix


def test_the_bearer_prefix_is_any_case_and_optional() -> None:
    token = hs256()
    for scheme in ("Bearer ", "bearer ", "BEARER ", ""):
        assert check(settings(), token, scheme=scheme) == Identity("alice", Level.READ_WRITE)


def test_a_valid_hs256_token_gives_its_subject_and_role() -> None:
    assert check(settings(), hs256(sub="bob", role="admin")) == Identity("bob", Level.ADMIN)


def test_a_bad_signature_is_401() -> None:
    forged = jwt.encode(
        {"sub": "x", "role": "admin"}, "another-secret-another-secret-another", "HS256"
    )
    assert refusal(settings(), forged) == (401, "Invalid token signature")


def test_expiry_allows_30_seconds_of_clock_skew() -> None:
    now = int(time.time())
    assert check(settings(), hs256(exp=now - 10)).subject == "alice"
    assert refusal(settings(), hs256(exp=now - 60)) == (401, "Token has expired")


def test_issuer_and_audience_are_checked_when_configured() -> None:
    assert refusal(settings(), hs256(iss="someone-else")) == (401, "Invalid token issuer")
    assert refusal(settings(), hs256(aud="other-service")) == (401, "Invalid token audience")
    assert refusal(settings(), hs256(iss=None)) == (401, "Invalid token issuer")
    # not configured: not checked, whatever the token says
    open_settings = settings(issuer="", audience="")
    assert check(open_settings, hs256(iss="anyone", aud="anything")).subject == "alice"


def test_a_token_not_yet_valid_is_401() -> None:
    assert refusal(settings(), hs256(nbf=int(time.time()) + 600)) == (
        401,
        "Token is not yet valid",
    )


def test_garbage_is_a_decode_error() -> None:
    status, message = refusal(settings(), "not-a-jwt")
    assert status == 401
    assert message.startswith("Token decode error: ")


def test_an_algorithm_other_than_the_configured_one_is_refused() -> None:
    token = jwt.encode({"sub": "x", "role": "admin"}, SECRET + SECRET, algorithm="HS384")
    assert refusal(settings(), token) == (401, "Token uses HS384, expected HS256")
    assert refusal(settings(algorithm="auto"), token) == (401, "Unsupported algorithm: HS384")


def test_roles_rank_admin_over_read_write_over_read_only() -> None:
    auth = settings()
    cases = [
        ("read-only", Level.READ_ONLY),
        ("read-write", Level.READ_WRITE),
        ("admin", Level.ADMIN),
    ]
    for role, level in cases:
        for required in (Level.READ_ONLY, Level.READ_WRITE, Level.ADMIN):
            token = hs256(role=role)
            if level >= required:
                assert check(auth, token, required).level == level
            else:
                assert refusal(auth, token, required) == (403, "Insufficient permissions")


def test_roles_come_from_role_and_roles_and_the_best_counts() -> None:
    auth = settings()
    assert check(auth, hs256(role=None, roles=["read-only", "admin"]), Level.ADMIN).level == (
        Level.ADMIN
    )
    assert check(auth, hs256(role="read-only", roles=["read-write"])).level == Level.READ_WRITE
    renamed = settings(roles_claim="perm", role_read_only="viewer", tokens=())
    assert check(renamed, hs256(role=None, perm="viewer")).level == Level.READ_ONLY


def test_a_valid_token_without_a_known_role_is_403_everywhere() -> None:
    for token in (hs256(role="guest"), hs256(role=None), hs256(role=None, roles="admin")):
        assert refusal(settings(), token, Level.READ_ONLY) == (403, "Insufficient permissions")


def test_static_tokens_carry_their_role_and_name() -> None:
    auth = settings(jwt_enabled=False)
    assert check(auth, TOKENS["read-only"]) == Identity("read-only", Level.READ_ONLY)
    assert check(auth, TOKENS["admin"], Level.ADMIN) == Identity("admin", Level.ADMIN)
    assert refusal(auth, TOKENS["read-only"], Level.READ_WRITE) == (
        403,
        "Insufficient permissions",
    )
    assert refusal(auth, TOKENS["admin"] + "x") == (401, "Invalid token")


def test_rs256_and_eddsa_through_a_jwks(jwks_url: str) -> None:
    auth = settings(algorithm="auto", jwks_url=jwks_url)
    assert check(auth, rs256(sub="rsa-user")).subject == "rsa-user"
    assert check(auth, rs256(alg="RS512")).subject == "alice"
    assert check(auth, eddsa(sub="ed-user")).subject == "ed-user"
    assert check(auth, hs256(sub="hs-user")).subject == "hs-user"
    assert refusal(auth, rs256(kid="rotated-away")) == (401, "Unknown key ID: rotated-away")
    assert refusal(auth, rs256(key=OTHER_RSA_KEY)) == (401, "Invalid token signature")
    only_rsa = settings(algorithm="RS256", jwks_url=jwks_url, secret="")
    assert refusal(only_rsa, eddsa()) == (401, "Token uses EdDSA, expected RS256")


def test_a_jwks_that_cannot_be_fetched_is_500(jwks_url: str) -> None:
    auth = settings(algorithm="RS256", jwks_url=jwks_url.replace("jwks.json", "missing"))
    assert refusal(auth, rs256()) == (500, "Failed to fetch JWKS")


def test_rs256_with_a_pem_public_key() -> None:
    auth = settings(algorithm="RS256", public_key=public_pem(RSA_KEY), secret="")
    assert check(auth, rs256(kid="any")).subject == "alice"
    assert refusal(auth, rs256(key=OTHER_RSA_KEY)) == (401, "Invalid token signature")


# -- settings ------------------------------------------------------------------------------


def test_upstreams_variables_are_read() -> None:
    auth = auth_from_env(
        {
            "JWT_ENABLED": "true",
            "JWT_ALGORITHM": "EdDSA",
            "JWT_PUBLIC_KEY": "-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----",
            "JWT_CLOCK_SKEW": "5",
            "JWT_SKIP_PATHS": "/health, /api/v1/status/",
            "JWT_ROLE_ADMIN": "root",
        }
    )
    assert (auth.algorithm, auth.clock_skew, auth.role_admin) == ("EdDSA", 5, "root")
    assert "\nabc\n" in auth.public_key
    assert auth.skip_paths == ("/health", "/api/v1/status/")
    assert auth_from_env({"JWT_ENABLED": "yes"}).jwt_enabled is False  # only true or 1


def test_upstreams_skip_rule() -> None:
    auth = AuthSettings(skip_paths=(*DEFAULT_SKIP_PATHS, "/api/v1/status/"))
    assert auth.should_skip("/health")
    assert auth.should_skip("/metrics/prometheus")
    assert auth.should_skip("/")
    assert not auth.should_skip("/api/v1/push")  # "/" is an exact entry only
    assert auth.should_skip("/api/v1/status/queues")
    assert not auth.should_skip("/api/v1/status")
    assert not auth.should_skip("/healthz")


def test_settings_refuse_what_cannot_work() -> None:
    assert AuthSettings(jwt_enabled=True).problems() == [
        "JWT_ALGORITHM=HS256 needs JWT_SECRET (or, for auto, JWT_PUBLIC_KEY or JWT_JWKS_URL)"
    ]
    assert (
        "needs JWT_PUBLIC_KEY or JWT_JWKS_URL"
        in AuthSettings(jwt_enabled=True, algorithm="RS256").problems()[0]
    )
    assert "must be one of" in AuthSettings(jwt_enabled=True, algorithm="none").problems()[0]
    for entry, expected in [
        ("just-a-token-without-colons", "NAME:ROLE:TOKEN"),
        ("bob:superuser:0123456789abcdef", "role of token 'bob' must be one of"),
        ("bob:admin:short", "at least 16 characters"),
    ]:
        with pytest.raises(AuthSettingsError, match=expected) as caught:
            auth_from_env({"QUEEN_AUTH_TOKENS": entry})
        assert "short" not in str(caught.value) or "characters" in str(caught.value)
    with pytest.raises(AuthSettingsError, match="configured twice"):
        auth_from_env({"QUEEN_AUTH_TOKENS": "a:admin:0123456789abcdef,b:admin:0123456789abcdef"})


def test_a_token_may_hold_colons_and_only_its_digest_is_kept() -> None:
    auth = auth_from_env({"QUEEN_AUTH_TOKENS": "ci:read-write:abc:def:0123456789abcdef"})
    assert check(auth, "abc:def:0123456789abcdef", Level.READ_WRITE).subject == "ci"
    assert "0123456789abcdef" not in repr(auth)


# -- the table of levels -------------------------------------------------------------------


def test_every_route_has_a_level_and_upstreams_levels_hold() -> None:
    routes = {(r.method, r.pattern) for r in all_routes()}
    console = {("GET", "/")}  # the web console's page, outside the Queen API
    assert routes | console == set(LEVELS)
    assert level_of("GET", "/") == Level.PUBLIC
    assert level_of("GET", "/health") == Level.PUBLIC
    assert level_of("GET", "/api/v1/status/analytics") == Level.READ_ONLY
    assert level_of("POST", "/streams/v1/state/get") == Level.READ_ONLY
    assert level_of("POST", "/api/v1/push") == Level.READ_WRITE
    assert level_of("DELETE", "/api/v1/messages/{partitionId}/{transactionId}") == (
        Level.READ_WRITE
    )
    assert level_of("DELETE", "/api/v1/resources/queues/{queue}") == Level.ADMIN
    assert level_of("POST", "/api/v1/stats/refresh") == Level.ADMIN
    assert level_of("GET", "/internal/api/inter-instance/stats") == Level.ADMIN
    assert level_of("GET", "/an/unknown/route") == Level.ADMIN  # fail closed
    for (method, pattern), level in LEVELS.items():
        if pattern.startswith(("/api/v1/system/", "/api/v1/migration/", "/internal/")):
            assert level == Level.ADMIN, (method, pattern)
        if method == "GET" and pattern.startswith(("/api/v1/status", "/api/v1/analytics/")):
            assert level == Level.READ_ONLY, (method, pattern)
