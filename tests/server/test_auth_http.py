"""An authenticated server over HTTP: refusals, levels, the skip list, ``producerSub``, and
the clients' ``bearer_token`` (async under asyncio and trio, and sync)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import queen
import queen.testing
from queen.sync import Queen as SyncQueen
from queen_server.launch import ServerProcess

from .auth_keys import (
    AUDIENCE,
    ISSUER,
    SECRET,
    TOKENS,
    TOKENS_ENV,
    eddsa,
    hs256,
    jwks_server,
    rs256,
)
from .conftest import new_database

READER, WRITER, ADMIN = TOKENS["read-only"], TOKENS["read-write"], TOKENS["admin"]


@pytest.fixture(scope="module")
def auth_url(pg_dsn: str) -> Iterator[str]:
    with jwks_server() as jwks_url:
        env = {
            "JWT_ENABLED": "true",
            "JWT_ALGORITHM": "auto",
            "JWT_SECRET": SECRET,
            "JWT_JWKS_URL": jwks_url,
            "JWT_ISSUER": ISSUER,
            "JWT_AUDIENCE": AUDIENCE,
            "JWT_SKIP_PATHS": "/health,/metrics/prometheus,/metrics,/,/api/v1/status/",
            "QUEEN_AUTH_TOKENS": TOKENS_ENV,
        }
        with ServerProcess(new_database(pg_dsn, "qs_auth"), env=env) as server:
            yield server.url


def call(
    url: str, method: str, path: str, token: str | None = None, **kwargs: Any
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.request(method, url + path, headers=headers, timeout=30, **kwargs)


def queue_name() -> str:
    return f"auth-{uuid.uuid4().hex[:10]}"


def test_nothing_is_served_without_a_token(auth_url: str) -> None:
    name = queue_name()
    assert call(auth_url, "POST", "/api/v1/push", ADMIN, json=_items(name)).status_code == 200
    for method, path in [
        ("DELETE", f"/api/v1/resources/queues/{name}"),
        ("POST", "/api/v1/push"),
        ("GET", f"/api/v1/pop/queue/{name}"),
        ("GET", "/api/v1/resources/queues"),
        ("GET", "/api/v1/status"),
        ("POST", "/api/v1/system/maintenance"),
    ]:
        response = call(auth_url, method, path, json={})
        assert (response.status_code, response.json()) == (
            401,
            {"error": "Authentication required"},
        ), (method, path)
    # the queue is still there: the unauthenticated DELETE did nothing
    queues = call(auth_url, "GET", "/api/v1/resources/queues", READER).json()["queues"]
    assert name in {q["name"] for q in queues}


def test_the_skip_list_is_served_without_a_token(auth_url: str) -> None:
    for path in ("/health", "/metrics", "/metrics/prometheus", "/api/v1/status/queues"):
        assert call(auth_url, "GET", path).status_code == 200, path
    assert call(auth_url, "GET", "/api/v1/status").status_code == 401  # exact entries only
    assert call(auth_url, "OPTIONS", "/api/v1/push").status_code == 200


def test_each_role_reaches_its_level_and_no_further(auth_url: str) -> None:
    name = queue_name()
    expectations = {
        # (method, path, body): status for reader, writer, admin
        ("GET", "/api/v1/resources/queues", None): (200, 200, 200),
        ("POST", "/api/v1/push", "items"): (403, 200, 200),
        ("POST", "/api/v1/configure", "configure"): (403, 200, 200),
        ("GET", "/api/v1/system/maintenance", None): (403, 403, 200),
        ("DELETE", f"/api/v1/resources/queues/{name}", None): (403, 403, 200),
    }
    bodies = {"items": _items(name), "configure": {"queue": name}, None: None}
    for (method, path, body), statuses in expectations.items():
        for token, expected in zip((READER, WRITER, ADMIN), statuses, strict=True):
            response = call(auth_url, method, path, token, json=bodies[body])
            assert response.status_code == expected, (method, path, token, response.text)
            if expected == 403:
                assert response.json() == {"error": "Insufficient permissions"}


def test_jwts_of_every_algorithm_and_their_refusals(auth_url: str) -> None:
    path = "/api/v1/resources/queues"
    for token in (hs256(), rs256(), eddsa()):
        assert call(auth_url, "GET", path, token).status_code == 200
    for token, status, error in [
        (hs256(role="guest"), 403, "Insufficient permissions"),
        (hs256(exp=1), 401, "Token has expired"),
        (hs256(iss="elsewhere"), 401, "Invalid token issuer"),
        (hs256(aud="elsewhere"), 401, "Invalid token audience"),
        (rs256(kid="unknown-kid"), 401, "Unknown key ID: unknown-kid"),
        (hs256()[:-4] + "AAAA", 401, "Invalid token signature"),
    ]:
        response = call(auth_url, "GET", path, token)
        assert (response.status_code, response.json()) == (status, {"error": error})


def test_pushes_are_stamped_with_the_callers_subject(auth_url: str) -> None:
    name = queue_name()
    body = {"items": [{"queue": name, "payload": 1, "producerSub": "mallory"}]}
    assert call(auth_url, "POST", "/api/v1/push", hs256(sub="alice"), json=body).status_code == 200
    assert call(auth_url, "POST", "/api/v1/push", WRITER, json=body).status_code == 200
    popped = call(auth_url, "GET", f"/api/v1/pop/queue/{name}?batch=10", WRITER).json()
    assert [m["producerSub"] for m in popped["messages"]] == ["alice", "read-write"]


@pytest.mark.anyio
async def test_the_async_client_sends_its_bearer_token(auth_url: str, anyio_backend: str) -> None:
    name = queue_name()
    async with queen.Queen(auth_url, bearer_token=WRITER) as client:
        await client.queue(name).push([{"data": anyio_backend}])
        (message,) = await client.queue(name).pop()
        assert message["data"] == anyio_backend
        assert (await client.ack(message, True))["success"] is True
    async with queen.Queen(auth_url, retry_attempts=1) as anonymous:
        with pytest.raises(queen.QueenAuthError):
            await anonymous.queue(name).push([{"data": 1}])


def test_the_sync_client_sends_its_bearer_token(auth_url: str) -> None:
    name = queue_name()
    with SyncQueen(auth_url, bearer_token=hs256(sub="sync-user")) as client:
        client.queue(name).push([{"data": "s"}])
        (message,) = client.queue(name).pop()
        assert (message["data"], message["producerSub"]) == ("s", "sync-user")
    with (
        SyncQueen(auth_url, bearer_token=READER, retry_attempts=1) as reader,
        pytest.raises(queen.QueenAuthError),
    ):
        reader.queue(name).push([{"data": 1}])


@pytest.mark.anyio
async def test_local_server_with_auth(fresh_dsn: str, anyio_backend: str) -> None:
    token = f"tok-{uuid.uuid4().hex}"
    async with queen.testing.local_server(dsn=fresh_dsn, auth={token: "admin"}) as url:
        async with httpx.AsyncClient() as anonymous:
            assert (await anonymous.get(f"{url}/api/v1/resources/queues")).status_code == 401
        async with queen.Queen(url, bearer_token=token) as client:
            await client.queue("guarded").push([{"data": 1}])
            assert (await client.queue("guarded").pop())[0]["producerSub"] == "admin"


def test_local_server_sync_with_auth_refuses_bad_roles(pg_dsn: str) -> None:
    with (
        pytest.raises(ValueError, match="auth role must be"),
        queen.testing.local_server_sync(dsn=pg_dsn, auth={"0123456789abcdef": "root"}),
    ):
        pass
    token = "sync-token-0123456789"
    with queen.testing.local_server_sync(
        dsn=new_database(pg_dsn), auth={token: "read-only"}
    ) as url:
        assert call(url, "GET", "/api/v1/resources/queues", token).status_code == 200
        assert call(url, "POST", "/api/v1/push", token, json=_items("x")).status_code == 403


def _items(queue: str) -> dict[str, Any]:
    return {"items": [{"queue": queue, "payload": {"n": 1}}]}


PLUGIN_SUITE_CONFTEST = """
import pytest

@pytest.fixture(scope="session")
def queen_auth_token():
    return "plugin-token-0123456789"
"""

PLUGIN_SUITE_TESTS = """
import httpx


def test_the_server_wants_the_token(queen_url):
    assert httpx.get(queen_url + "/api/v1/resources/queues").status_code == 401


def test_the_fixtures_send_it(queen_sync_client, queen_queue_name):
    q = queen_queue_name("guarded")
    queen_sync_client.queue(q).push([{"data": 1}])
    (message,) = queen_sync_client.queue(q).pop()
    assert message["producerSub"] == "admin"
"""


def test_the_plugin_serves_an_authenticated_session(tmp_path: Path, pg_dsn: str) -> None:
    (tmp_path / "conftest.py").write_text(PLUGIN_SUITE_CONFTEST)
    (tmp_path / "test_guarded.py").write_text(PLUGIN_SUITE_TESTS)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "QUEEN_TEST_URL")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "QUEEN_TEST_PG_DSN": new_database(pg_dsn)},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
