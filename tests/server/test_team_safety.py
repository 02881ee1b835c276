"""Regressions of a server on a shared network: each test fails on a server that serves
anyone, allows every origin, takes a stranger's ack, shares retries between messages, mixes
encryption keys, or lets one client hold the server with odd input."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import asyncpg
import httpx
import orjson
import pytest

from queen_server import db, sql
from queen_server.app import QueenApp
from queen_server.config import Settings, is_loopback
from queen_server.crypto import PayloadCipher
from queen_server.launch import ServerProcess, ServerStartError, free_port
from queen_server.router import Route
from queen_server.web import Request, Response

from .auth_keys import TOKENS_ENV
from .conftest import new_database
from .helpers import ack, configure, data_of, pop, push

KEY_1 = "11" * 32
KEY_2 = "22" * 32


def fetch(dsn: str, query: str, *args: object) -> list[asyncpg.Record]:
    async def run() -> list[asyncpg.Record]:
        conn = await asyncpg.connect(dsn)
        try:
            return list(await conn.fetch(query, *args))
        finally:
            await conn.close()

    return anyio.run(run)


def raw_exchange(url: str, data: bytes, wait: float = 10.0) -> bytes:
    """Send bytes on a fresh connection; everything the server answers before closing."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            chunks.append(b"<no close>")
    return b"".join(chunks)


# -- binding and CORS --------------------------------------------------------------------


def test_loopback_is_recognised() -> None:
    for host in ("127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost"):
        assert is_loopback(host), host
    for host in ("0.0.0.0", "::", "10.1.2.3", "example.org"):
        assert not is_loopback(host), host
    assert Settings(dsn="x", host="0.0.0.0").problems() != []
    assert Settings(dsn="x", host="0.0.0.0", insecure=True).problems() == []
    with_tokens = Settings.from_env({"QUEEN_AUTH_TOKENS": TOKENS_ENV}, dsn="x", host="0.0.0.0")
    assert with_tokens.problems() == []


def test_an_open_network_address_is_refused_without_authentication() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "queen_server", "--host", "0.0.0.0", "--dsn", "postgresql://x/y"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "refusing to listen on 0.0.0.0 without authentication" in result.stderr
    assert "--insecure" in result.stderr


def test_insecure_serves_the_network_address_and_warns(pg_dsn: str) -> None:
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "queen_server", "--host", "0.0.0.0", "--port", str(port)),
            *("--dsn", new_database(pg_dsn), "--insecure"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/resources/queues").status_code == 200
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=60)
    assert "serving WITHOUT authentication (--insecure)" in output


@pytest.fixture(scope="module")
def cors_url(pg_dsn: str) -> Iterator[str]:
    args = ["--cors-origin", "http://dashboard.example", "--cors-origin", "http://other.example/"]
    with ServerProcess(new_database(pg_dsn), args=args) as server:
        yield server.url


def test_cors_answers_only_the_listed_origins(cors_url: str) -> None:
    preflight = {"Access-Control-Request-Method": "DELETE"}
    for origin in ("http://dashboard.example", "http://other.example"):
        response = httpx.options(
            f"{cors_url}/api/v1/resources/queues/x", headers={**preflight, "Origin": origin}
        )
        assert response.headers["access-control-allow-origin"] == origin
        assert response.headers["vary"] == "Origin"
        assert "DELETE" in response.headers["access-control-allow-methods"]
    for origin in ("http://evil.example", "null"):
        response = httpx.options(
            f"{cors_url}/api/v1/resources/queues/x", headers={**preflight, "Origin": origin}
        )
        assert response.status_code == 200
        assert "access-control-allow-origin" not in response.headers
    answer = httpx.get(f"{cors_url}/health", headers={"Origin": "http://dashboard.example"})
    assert answer.headers["access-control-allow-origin"] == "http://dashboard.example"


# -- integrity ----------------------------------------------------------------------------


def test_a_stranger_cannot_ack_into_a_leased_partition(http: httpx.Client, queue: str) -> None:
    items = [{"queue": queue, "payload": n, "transactionId": f"m{n}"} for n in range(1, 11)]
    assert http.post("/api/v1/push", json={"items": items}).status_code == 200
    owner = pop(http, queue, batch=1)
    (first,) = owner["messages"]
    partition = first["partitionId"]
    tenth_txn = "m10"
    stranger = http.post(
        "/api/v1/ack", json={"transactionId": tenth_txn, "partitionId": partition}
    ).json()[0]
    assert (stranger["success"], stranger["error"]) == (False, "Invalid or expired lease")
    batch = http.post(
        "/api/v1/ack/batch",
        json={"acknowledgments": [{"transactionId": tenth_txn, "partitionId": partition}]},
    ).json()
    assert batch[0]["error"] == "Invalid or expired lease"
    in_tx = http.post(
        "/api/v1/transaction",
        json={
            "operations": [{"type": "ack", "transactionId": tenth_txn, "partitionId": partition}]
        },
    ).json()
    assert (in_tx["success"], in_tx["error"]) == (
        False,
        "ACK operation failed: Invalid or expired lease",
    )
    # the owner's lease is intact and nothing was skipped
    assert ack(http, first)["success"] is True
    assert data_of(pop(http, queue, batch=20)) == list(range(2, 11))


def test_retries_are_counted_per_message(http: httpx.Client, queue: str) -> None:
    configure(http, queue, retryLimit=2)
    push(http, queue, ["poison-1", "poison-2", "fine"])
    failures = []
    for _ in range(4):
        (message,) = pop(http, queue, batch=1)["messages"]
        result = ack(http, message, "failed", error="boom")
        failures.append((message["data"], result["dlq"]))
    # poison-1: two retries, then the DLQ; poison-2 starts with its own two retries
    assert failures == [
        ("poison-1", False),
        ("poison-1", False),
        ("poison-1", True),
        ("poison-2", False),
    ]
    dlq = http.get("/api/v1/dlq", params={"queue": queue}).json()["messages"]
    assert [(m["data"], m["retryCount"]) for m in dlq] == [("poison-1", 2)]


# -- encryption -----------------------------------------------------------------------------


def test_a_missing_or_different_key_refuses_to_start(pg_dsn: str) -> None:
    dsn = new_database(pg_dsn)
    with (
        ServerProcess(dsn, env={"QUEEN_ENCRYPTION_KEY": KEY_1}) as server,
        httpx.Client(base_url=server.url) as client,
    ):
        configure(client, "vault", encryptionEnabled=True)
        push(client, "vault", [{"secret": 1}])
    expected = PayloadCipher.from_hex(KEY_1).fingerprint
    assert [r["fingerprint"] for r in fetch(dsn, "SELECT * FROM queen.encryption_key")] == [
        expected
    ]
    for env, message in [
        ({"QUEEN_ENCRYPTION_KEY": ""}, "QUEEN_ENCRYPTION_KEY is not set"),
        ({"QUEEN_ENCRYPTION_KEY": KEY_2}, "is not the key this database's payloads are"),
    ]:
        refused = ServerProcess(dsn, env=env, startup_timeout=30)
        with pytest.raises(ServerStartError, match=message):
            refused.start()
    with ServerProcess(dsn, env={"QUEEN_ENCRYPTION_KEY": KEY_1}) as server:
        assert data_of(pop(httpx.Client(base_url=server.url), "vault")) == [{"secret": 1}]


def test_without_a_key_nothing_is_stored_in_plaintext_into_an_encrypted_queue(
    pg_dsn: str,
) -> None:
    dsn = new_database(pg_dsn)
    with ServerProcess(dsn, env={"QUEEN_ENCRYPTION_KEY": ""}) as server:
        client = httpx.Client(base_url=server.url)
        configure(client, "vault", encryptionEnabled=True)
        refused = client.post("/api/v1/push", json={"items": [{"queue": "vault", "payload": 1}]})
        assert refused.status_code == 500
        assert "no QUEEN_ENCRYPTION_KEY: refusing to store them in plaintext" in refused.text
        in_tx = client.post(
            "/api/v1/transaction",
            json={"operations": [{"type": "push", "items": [{"queue": "vault", "payload": 2}]}]},
        )
        assert in_tx.status_code == 500
    assert fetch(dsn, "SELECT count(*) AS n FROM queen.messages")[0]["n"] == 0


def _seal_with(key: str, payload: Any) -> str:
    return orjson.dumps(PayloadCipher.from_hex(key).encrypt(orjson.dumps(payload))).decode()


def test_an_undecryptable_message_is_dead_lettered_once_not_looped(pg_dsn: str) -> None:
    dsn = new_database(pg_dsn)
    with ServerProcess(dsn, env={"QUEEN_ENCRYPTION_KEY": KEY_1}) as server:
        client = httpx.Client(base_url=server.url)
        configure(client, "vault", encryptionEnabled=True)
        push(client, "vault", ["good-1", "bad", "good-2"])
        fetch(  # one payload sealed with another key, as a misconfigured server would
            dsn,
            "UPDATE queen.messages SET payload = $1::jsonb WHERE seq = 2",
            _seal_with(KEY_2, "bad"),
        )
        first = pop(client, "vault", batch=10)
        assert data_of(first) == ["good-1"]  # the claim stops before the bad one
        assert ack(client, first["messages"][0])["success"] is True
        stopped = pop(client, "vault", batch=10)
        assert data_of(stopped) == []  # the bad one was first in line: dead-lettered
        assert data_of(pop(client, "vault", batch=10)) == ["good-2"]
        dlq = client.get("/api/v1/dlq", params={"queue": "vault"}).json()["messages"]
        assert len(dlq) == 1
        assert dlq[0]["errorMessage"].startswith(
            "Cannot decrypt the payload: encrypted with another key than this server's "
            "QUEEN_ENCRYPTION_KEY"
        )
        assert pop(client, "vault", batch=10)["messages"] == []  # nothing comes back
        assert "Cannot decrypt the payload" in server.log_text()


# -- limits -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def strict_url(pg_dsn: str) -> Iterator[str]:
    args = ["--body-timeout", "1", "--header-timeout", "1", "--max-body-bytes", "200000"]
    args += ["--body-memory-bytes", "400000"]
    with ServerProcess(new_database(pg_dsn), args=args) as server:
        yield server.url


def _nested(depth: int) -> bytes:
    return b'{"items":[{"queue":"deep","payload":' + b"[" * depth + b"]" * depth + b"}]}"


def test_deep_json_is_a_400_naming_the_limit(http: httpx.Client, server_url: str) -> None:
    for depth in (254, 300, 1020):
        response = http.post("/api/v1/push", content=_nested(depth))
        assert response.status_code == 400, depth
        assert response.json() == {
            "error": "Invalid JSON: nested more than 64 levels deep (max_json_depth is 64)"
        }
    assert http.post("/api/v1/push", content=_nested(2000)).status_code == 400
    assert http.post("/api/v1/push", content=_nested(61)).status_code == 200
    assert http.post("/api/v1/push", content=_nested(62)).status_code == 400  # 64 with the envelope


def test_huge_or_countless_headers_are_431(server_url: str) -> None:
    big = raw_exchange(
        server_url, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 10_000_000 + b"\r\n\r\n"
    )
    assert big.startswith(b"HTTP/1.1 431 ")
    assert b"Request headers larger than 32768 bytes" in big
    many = b"".join(b"X-H%d: 1\r\n" % i for i in range(10_000))
    answer = raw_exchange(server_url, b"GET /health HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert b"More than 100 request headers" in answer


def test_a_body_shorter_than_its_length_is_408_and_closed(strict_url: str) -> None:
    answer = raw_exchange(
        strict_url,
        b'POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"items"',
    )
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b"connection: close" in answer
    assert answer.endswith(b'{"error":"Request body not received within 1 s (body_timeout)"}')


def test_headers_never_finished_are_408_and_an_idle_connection_is_closed(strict_url: str) -> None:
    answer = raw_exchange(strict_url, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: a")
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert raw_exchange(strict_url, b"") == b""  # closed without an answer


def test_a_body_over_the_limit_is_413_before_it_is_read(strict_url: str) -> None:
    answer = raw_exchange(
        strict_url,
        b"POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n",
    )
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"larger than 200000 bytes (max_body_bytes)" in answer
    chunked = httpx.post(
        f"{strict_url}/api/v1/push", content=iter([b"[" + b" " * 100_000] * 3)
    )  # no Content-Length: counted as it arrives
    assert chunked.status_code == 413


def test_losing_the_database_mid_request_is_503_with_retry_after() -> None:
    async def run(error: BaseException) -> Response:
        async def handler(_request: Request) -> Response:
            raise error

        app = QueenApp(Settings(dsn="unused"), routes=[])
        request = Request({"method": "GET", "headers": []}, _no_body, {}, None, "/x")  # type: ignore[arg-type]
        return await app._handle(Route("GET", "/x", handler), request)

    for error in (
        asyncpg.InternalClientError("cannot switch to state 15; another operation is in progress"),
        asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
        asyncpg.AdminShutdownError("terminating connection due to administrator command"),
        asyncpg.TooManyConnectionsError("sorry, too many clients already"),
        ConnectionResetError("reset by peer"),
    ):
        response = asyncio.run(run(error))
        assert response.status == 503, error
        assert (b"retry-after", b"1") in response.headers
        assert orjson.loads(response.body)["error"].startswith("Database unavailable: ")


async def _no_body() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


# -- schema -----------------------------------------------------------------------------------


def _migrate(dsn: str) -> list[str]:
    async def run() -> list[str]:
        conn = await db.connect(dsn)
        try:
            return await db.migrate(conn)
        finally:
            await conn.close()

    return anyio.run(run)


def test_a_second_start_of_the_same_version_writes_nothing(fresh_dsn: str) -> None:
    assert _migrate(fresh_dsn)[-1] == sql.FUNCTION_SCHEMA
    snapshot = """
        SELECT (SELECT array_agg(applied_at ORDER BY name) FROM queen.schema_migrations) AS m,
               (SELECT array_agg(installed_at) FROM queen.function_sets) AS f,
               (SELECT array_agg(p.oid ORDER BY p.oid) FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = $1) AS procs,
               (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS c
    """
    before = fetch(fresh_dsn, snapshot, sql.FUNCTION_SCHEMA)[0]
    assert _migrate(fresh_dsn) == []
    after = fetch(fresh_dsn, snapshot, sql.FUNCTION_SCHEMA)[0]
    assert (after["m"], after["f"], after["procs"]) == (before["m"], before["f"], before["procs"])
    assert len(before["procs"]) == len(sql.FUNCTION_NAMES)


def test_another_versions_functions_are_left_alone(fresh_dsn: str) -> None:
    _migrate(fresh_dsn)
    other = "queen_fn_0_0_9_0123456789ab"

    async def install_other() -> None:
        conn = await db.connect(fresh_dsn)
        try:
            async with conn.transaction():
                await conn.execute(f'CREATE SCHEMA "{other}"')
                for _, text in sql.install_script(other):
                    await conn.execute(text)
                await conn.execute(
                    "INSERT INTO queen.function_sets VALUES ($1, 'older', '0.0.9')", other
                )
        finally:
            await conn.close()

    anyio.run(install_other)
    assert _migrate(fresh_dsn) == []
    counts = fetch(
        fresh_dsn,
        """SELECT n.nspname, count(*) AS n FROM pg_proc p JOIN pg_namespace n
           ON n.oid = p.pronamespace WHERE n.nspname LIKE 'queen_fn_%' GROUP BY 1 ORDER BY 1""",
    )
    assert [(r["nspname"], r["n"]) for r in counts] == sorted(
        [(other, len(sql.FUNCTION_NAMES)), (sql.FUNCTION_SCHEMA, len(sql.FUNCTION_NAMES))]
    )


def test_a_database_migrated_by_a_newer_version_is_refused(fresh_dsn: str) -> None:
    _migrate(fresh_dsn)
    fetch(
        fresh_dsn,
        "INSERT INTO queen.schema_migrations (kind, name, checksum) "
        "VALUES ('migration', '9999_from_the_future.sql', 'x')",
    )
    with pytest.raises(db.SchemaTooNew, match=r"9999_from_the_future\.sql"):
        _migrate(fresh_dsn)
    refused = ServerProcess(fresh_dsn, startup_timeout=30)
    with pytest.raises(ServerStartError, match="migrated by a newer queen-server"):
        refused.start()


def test_route_modules_hold_no_sql() -> None:
    statement = re.compile(
        r"""["'](\s*)(SELECT|INSERT INTO|UPDATE queen|DELETE FROM|WITH \w+ AS)\b"""
    )
    routes = Path(sql.__file__).parent / "routes"
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(routes.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if statement.search(line) or re.search(r'\bf"""\s*$', line)
    ]
    assert offenders == []
