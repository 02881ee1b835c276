"""The one-statement path of a single-message push, and every case it leaves to
``queen.push_batch``: a new partition, a duplicate, maintenance mode, and a duplicate committed
by another transaction while the statement waited."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import asyncpg
import httpx

from queen_server import db
from queen_server.pushing import PUSH_ONE_SQL, PUSH_SQL, PushBatch, PushResult, write_batch

from .helpers import pop, push


class Recording:
    """A connection that records which push statement ran and how it ended."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn
        self.calls: list[str] = []

    def conn_like(self) -> Any:
        """This recorder, where ``write_batch`` takes a connection."""
        return self

    def _name(self, query: str) -> str:
        return {PUSH_ONE_SQL: "one", PUSH_SQL: "batch"}.get(query, "other")

    async def fetchval(self, query: str, *args: Any) -> Any:
        self.calls.append(self._name(query))
        return await self.conn.fetchval(query, *args)

    async def fetchrow(self, query: str, *args: Any) -> Any:
        self.calls.append(self._name(query))
        return await self.conn.fetchrow(query, *args)


def _batch(queue: str, txn: str | None, payload: Any = None, partition: str = "p") -> PushBatch:
    batch = PushBatch()
    batch.add(batch.group(queue, partition), txn, None, {"v": payload})
    return batch


def _run(pg_dsn: str, body: Callable[[asyncpg.Connection], Awaitable[None]]) -> None:
    async def main() -> None:
        conn = await asyncpg.connect(pg_dsn)
        try:
            await db.migrate(conn)
            await body(conn)
        finally:
            await conn.close()

    anyio.run(main)


async def _stored(conn: asyncpg.Connection, queue: str) -> list[tuple[int, str, Any]]:
    rows = await conn.fetch(
        "SELECT m.seq, m.transaction_id, m.payload::text AS payload FROM queen.messages m "
        "JOIN queen.partitions p ON p.id = m.partition_id "
        "JOIN queen.queues q ON q.id = p.queue_id WHERE q.name = $1 ORDER BY m.seq",
        queue,
    )
    return [(r["seq"], r["transaction_id"], r["payload"]) for r in rows]


def test_new_partition_then_one_statement_then_duplicate(pg_dsn: str) -> None:
    queue = f"one-{uuid.uuid4().hex[:10]}"

    async def body(conn: asyncpg.Connection) -> None:
        rec = Recording(conn)
        first = await write_batch(rec.conn_like(), _batch(queue, "a", 1))
        assert rec.calls == ["one", "batch"]  # the partition did not exist yet
        rec.calls.clear()
        second = await write_batch(rec.conn_like(), _batch(queue, "b", 'quote " and \\ \u2028'))
        assert rec.calls == ["one"]
        assert second == PushResult(False, first.partition_ids, {})
        rec.calls.clear()
        again = await write_batch(rec.conn_like(), _batch(queue, "a", "other"))
        assert rec.calls == ["one", "batch"]
        assert again.duplicates == {
            0: await conn.fetchval(
                "SELECT id::text FROM queen.messages WHERE transaction_id = 'a'"
                " AND partition_id = $1::uuid",
                first.partition_ids[0],
            )
        }
        assert [(s, t) for s, t, _ in await _stored(conn, queue)] == [(1, "a"), (2, "b")]
        assert (await _stored(conn, queue))[1][2] == '{"v": "quote \\" and \\\\ \u2028"}'
        last_seq = await conn.fetchval(
            "SELECT last_seq FROM queen.partitions WHERE id = $1::uuid", first.partition_ids[0]
        )
        assert last_seq == 2  # the duplicate took no seq

    _run(pg_dsn, body)


def test_maintenance_mode_parks_a_single_push(fresh_dsn: str) -> None:
    queue = f"one-{uuid.uuid4().hex[:10]}"

    async def body(conn: asyncpg.Connection) -> None:
        rec = Recording(conn)
        await write_batch(rec.conn_like(), _batch(queue, "a"))
        await conn.execute(
            "INSERT INTO queen.system_state (key, value) VALUES ('maintenance_mode', 'true')"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
        )
        rec.calls.clear()
        parked = await write_batch(rec.conn_like(), _batch(queue, "b"))
        assert rec.calls == ["one", "batch"]
        assert parked.buffered is True
        assert [t for _, t, _ in await _stored(conn, queue)] == ["a"]
        parked_txns = await conn.fetch(
            "SELECT transaction_id FROM queen.push_buffer WHERE queue_name = $1", queue
        )
        assert [r["transaction_id"] for r in parked_txns] == ["b"]

    _run(fresh_dsn, body)


def test_duplicate_committed_while_waiting_is_reported_not_raised(pg_dsn: str) -> None:
    """Another transaction holds an uncommitted message with the same transactionId: the
    statement waits on the unique index, fails when it commits, and push_batch reports the
    duplicate."""
    queue = f"one-{uuid.uuid4().hex[:10]}"

    async def body(conn: asyncpg.Connection) -> None:
        first = await write_batch(conn, _batch(queue, "seed"))
        pid = uuid.UUID(first.partition_ids[0])
        other = await asyncpg.connect(pg_dsn)
        try:
            tx = other.transaction()
            await tx.start()
            racer = uuid.uuid4()
            # a seq far from the partition's, so only the transactionId can collide
            await other.execute(
                "INSERT INTO queen.messages (partition_id, seq, id, transaction_id, payload,"
                " created_at) VALUES ($1, 1000000, $2, 'race', '1', now())",
                pid,
                racer,
            )
            rec = Recording(conn)
            result: list[PushResult] = []

            async def push() -> None:
                result.append(await write_batch(rec.conn_like(), _batch(queue, "race")))

            async with anyio.create_task_group() as tg:
                tg.start_soon(push)
                for _ in range(1000):
                    if await other.fetchval(
                        "SELECT count(*) > 0 FROM pg_locks WHERE NOT granted AND pid = $1",
                        conn.get_server_pid(),
                    ):
                        break
                    await anyio.sleep(0.01)
                else:
                    raise AssertionError("the push never waited for the other transaction")
                await tx.commit()
            assert rec.calls == ["one", "batch"]
            assert result[0].duplicates == {0: str(racer)}
            assert [t for _, t, _ in await _stored(conn, queue)] == ["seed", "race"]
            assert (
                await conn.fetchval("SELECT last_seq FROM queen.partitions WHERE id = $1", pid) == 1
            )
        finally:
            await other.close()

    _run(pg_dsn, body)


def test_payload_postgresql_cannot_store_is_refused_on_the_one_statement_path(
    http: httpx.Client, queue: str
) -> None:
    """jsonb cannot hold U+0000: refused with 400 whether the partition exists or not, and the
    partition's seq is untouched."""
    assert push(http, queue, ["first"])[0]["status"] == "queued"
    refused = http.post(
        "/api/v1/push", json={"items": [{"queue": queue, "payload": {"a": "x\u0000y"}}]}
    )
    assert refused.status_code == 400, refused.text
    assert push(http, queue, ["second"])[0]["status"] == "queued"
    assert [m["data"] for m in pop(http, queue, batch=10)["messages"]] == ["first", "second"]
