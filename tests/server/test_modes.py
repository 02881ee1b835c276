"""Maintenance modes (protocol §4.14), encryption at rest (§4.13), migrations."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import anyio
import asyncpg
import httpx
import orjson
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from queen_server import db, sql
from queen_server.launch import ServerProcess
from queen_server.pushing import PushBatch, write_batch

from .helpers import data_of, pop, push

KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


@pytest.fixture
def private_server(fresh_dsn: str) -> Iterator[tuple[httpx.Client, str]]:
    """A server on a database of its own (switches here do not disturb other tests)."""
    with (
        ServerProcess(fresh_dsn, env={"QUEEN_ENCRYPTION_KEY": KEY}) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        yield client, fresh_dsn


def _fetch(dsn: str, sql: str, *args: object) -> list[asyncpg.Record]:
    async def run() -> list[asyncpg.Record]:
        conn = await asyncpg.connect(dsn)
        try:
            return list(await conn.fetch(sql, *args))
        finally:
            await conn.close()

    return anyio.run(run)


def test_push_maintenance_buffers_then_replays(private_server: tuple[httpx.Client, str]) -> None:
    http, _ = private_server
    on = http.post("/api/v1/system/maintenance", json={"enabled": True}).json()
    assert on["maintenanceMode"] is True
    items = [
        {"queue": "m", "transactionId": "m-1", "payload": 1},
        {"queue": "m", "partition": "px", "payload": 2},
    ]
    response = http.post("/api/v1/push", json={"items": items})
    assert response.status_code == 201
    assert response.json() == [
        {"status": "buffered", "queue": "m", "partition": "Default", "transactionId": "m-1"},
        {"status": "buffered", "queue": "m", "partition": "px"},
    ]
    status = http.get("/api/v1/system/maintenance").json()
    assert status["bufferedMessages"] == 2
    assert pop(http, "m")["error"] == "no_available_partition"
    http.post("/api/v1/system/maintenance", json={"enabled": False})
    assert data_of(pop(http, "m", "Default", wait=True, timeout=20000)) == [1]
    assert data_of(pop(http, "m", "px", wait=True, timeout=20000)) == [2]
    assert http.get("/api/v1/system/maintenance").json()["bufferedMessages"] == 0
    # dedup still holds for replayed messages
    assert push(http, "m", [9], transactionId="m-1")[0]["status"] == "duplicate"


def test_pop_maintenance_answers_204(private_server: tuple[httpx.Client, str]) -> None:
    http, _ = private_server
    push(http, "pm", [1])
    body = http.post("/api/v1/system/maintenance/pop", json={"enabled": True}).json()
    assert body["popMaintenanceMode"] is True
    assert http.get("/api/v1/system/maintenance/pop").json()["popMaintenanceMode"] is True
    response = http.get("/api/v1/pop/queue/pm")
    assert response.status_code == 204
    assert response.content == b""
    assert push(http, "pm", [2])[0]["status"] == "queued"
    http.post("/api/v1/system/maintenance/pop", json={"enabled": False})
    assert data_of(pop(http, "pm", batch=5)) == [1, 2]


def test_payloads_are_encrypted_at_rest(private_server: tuple[httpx.Client, str]) -> None:
    http, dsn = private_server
    http.post("/api/v1/configure", json={"queue": "secret", "options": {"encryptionEnabled": True}})
    payload = {"card": "4111", "n": [1, 2]}
    push(http, "secret", [payload])
    push(http, "plain", [payload])
    (row,) = _fetch(
        dsn,
        "SELECT m.payload::text AS payload, m.is_encrypted FROM queen.messages m "
        "JOIN queen.partitions p ON p.id = m.partition_id "
        "JOIN queen.queues q ON q.id = p.queue_id WHERE q.name = 'secret'",
    )
    stored = orjson.loads(row["payload"])
    assert row["is_encrypted"] is True
    assert set(stored) == {"encrypted", "iv", "authTag"}
    iv = base64.b64decode(stored["iv"])
    assert len(iv) == 16
    sealed = base64.b64decode(stored["encrypted"]) + base64.b64decode(stored["authTag"])
    plaintext = AESGCM(bytes.fromhex(KEY)).decrypt(iv[:12], sealed, None)
    assert orjson.loads(plaintext) == payload
    assert data_of(pop(http, "secret")) == [payload]
    assert data_of(pop(http, "plain")) == [payload]


def test_concurrent_migrations_apply_each_file_once(fresh_dsn: str) -> None:
    async def run() -> list[list[str]]:
        async def one() -> list[str]:
            conn = await db.connect(fresh_dsn)
            try:
                return await db.migrate(conn)
            finally:
                await conn.close()

        results: list[list[str]] = []

        async def collect() -> None:
            results.append(await one())

        async with anyio.create_task_group() as tg:
            for _ in range(3):
                tg.start_soon(collect)
        return results

    results = anyio.run(run)
    applied = [names for names in results if names]
    assert len(applied) == 1
    expected = [f.name for f in db.migration_files()]
    assert applied[0] == [*expected, sql.FUNCTION_SCHEMA]
    rows = _fetch(fresh_dsn, "SELECT name FROM queen.schema_migrations ORDER BY kind, name")
    assert sorted(r["name"] for r in rows) == sorted(expected)
    sets = _fetch(fresh_dsn, "SELECT schema_name, checksum FROM queen.function_sets")
    assert [(r["schema_name"], r["checksum"]) for r in sets] == [
        (sql.FUNCTION_SCHEMA, sql.FUNCTIONS_CHECKSUM)
    ]


def test_deleting_a_queue_deletes_its_messages(fresh_dsn: str) -> None:
    async def run() -> int:
        conn = await db.connect(fresh_dsn)
        try:
            await db.migrate(conn)
            batch = PushBatch()
            batch.add(batch.group("gone", "Default"), "t", None, 1)
            await write_batch(conn, batch)
            await conn.execute("DELETE FROM queen.queues WHERE name = 'gone'")
            return int(await conn.fetchval("SELECT count(*) FROM queen.messages"))
        finally:
            await conn.close()

    assert anyio.run(run) == 0
