"""The peers' side of ``bench/peers.py``, run in the peers' own virtualenv (PGQueuer, the pgmq
package's SQL, asyncpg) as a separate process: ``python _peers_runner.py SYSTEM DSN``.

SYSTEM is ``pgqueuer`` (PGQueuer's ``Queries.enqueue`` and ``QueueManager``), ``pgmq`` (pgmq's
SQL functions, installed from the SQL file the ``pgmq`` package ships, called with plain SQL
over asyncpg) or ``floor`` (asyncpg inserting and deleting rows of one plain table: the least
any queue on PostgreSQL can cost). Commands come one JSON object a line on stdin; each is
answered with one JSON line on stdout. Only the timed part of a command runs between the
parent's CPU readings: set-up (``prefill``) and ``cleanup`` are separate commands.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
import uuid
from typing import Any

import asyncpg

BATCH_TIMEOUT = 120


def payload(i: int) -> dict[str, Any]:
    """The benchmark's message, about 110 bytes of JSON (the same as the queen side's)."""
    return {"i": i, "t": time.time(), "kind": "order.created", "pad": "x" * 48}


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


async def in_flight(count: int, batches: list[list[int]], send: Any) -> None:
    """Send ``batches`` with ``count`` requests in flight (each worker on its own slot)."""
    queue = list(reversed(batches))

    async def worker(slot: int) -> None:
        while queue:
            await send(slot, queue.pop())

    await asyncio.gather(*(worker(slot) for slot in range(count)))


def split(total: int, batch: int) -> list[list[int]]:
    return [list(range(s, min(s + batch, total))) for s in range(0, total, batch)]


class Floor:
    """One plain table: a multi-row INSERT per batch; DELETE ... RETURNING per pop."""

    TABLE = """
        CREATE TABLE IF NOT EXISTS bench_floor (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"""
    INSERT = "INSERT INTO bench_floor (payload) SELECT * FROM unnest($1::jsonb[])"
    DELETE = """DELETE FROM bench_floor WHERE id IN (
        SELECT id FROM bench_floor ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, payload"""

    def __init__(self, conns: list[asyncpg.Connection]) -> None:
        self.conns = conns

    async def setup(self) -> None:
        await self.conns[0].execute(self.TABLE)

    async def push(self, batch: int, count: int, total: int) -> None:
        async def send(slot: int, numbers: list[int]) -> None:
            await self.conns[slot].execute(self.INSERT, [dumps(payload(n)) for n in numbers])

        await in_flight(count, split(total, batch), send)

    async def prefill(self, total: int) -> None:
        await self.push(1000, 1, total)

    async def pop_ack(self, batch: int, count: int, total: int) -> int:
        done = [0]

        async def worker(slot: int) -> None:
            while done[0] < total:
                rows = await self.conns[slot].fetch(self.DELETE, batch)
                if not rows:
                    return
                done[0] += len(rows)

        await asyncio.gather(*(worker(s) for s in range(count)))
        return done[0]

    async def cleanup(self) -> None:
        await self.conns[0].execute("TRUNCATE bench_floor")


class Pgmq:
    """pgmq's functions with plain SQL: send / send_batch, read then delete."""

    def __init__(self, conns: list[asyncpg.Connection]) -> None:
        self.conns = conns
        self.queue = ""

    async def setup(self) -> None:
        from importlib.resources import files

        installed = await self.conns[0].fetchval("SELECT to_regnamespace('pgmq') IS NOT NULL")
        if not installed:
            await self.conns[0].execute(files("pgmq").joinpath("sql", "pgmq.sql").read_text())

    async def _new_queue(self) -> None:
        if not self.queue:
            self.queue = f"q{uuid.uuid4().hex[:10]}"
            await self.conns[0].execute("SELECT pgmq.create($1)", self.queue)

    async def push(self, batch: int, count: int, total: int) -> None:
        await self._new_queue()
        queue = self.queue

        async def send(slot: int, numbers: list[int]) -> None:
            conn = self.conns[slot]
            if len(numbers) == 1:
                await conn.fetchval(
                    "SELECT pgmq.send($1, $2::jsonb)", queue, dumps(payload(numbers[0]))
                )
            else:
                await conn.fetch(
                    "SELECT pgmq.send_batch($1, $2::jsonb[])",
                    queue,
                    [dumps(payload(n)) for n in numbers],
                )

        await in_flight(count, split(total, batch), send)

    async def prefill(self, total: int) -> None:
        await self.push(1000, 1, total)

    async def pop_ack(self, batch: int, count: int, total: int) -> int:
        done = [0]
        queue = self.queue

        async def worker(slot: int) -> None:
            conn = self.conns[slot]
            while done[0] < total:
                rows = await conn.fetch(
                    "SELECT msg_id, message FROM pgmq.read($1, 30, $2)", queue, batch
                )
                if not rows:
                    return
                await conn.fetchval(
                    "SELECT pgmq.delete($1, $2::bigint[])", queue, [r["msg_id"] for r in rows]
                )
                done[0] += len(rows)

        await asyncio.gather(*(worker(s) for s in range(count)))
        return done[0]

    async def cleanup(self) -> None:
        if self.queue:
            await self.conns[0].execute("SELECT pgmq.drop_queue($1)", self.queue)
            self.queue = ""


class PgQueuer:
    """PGQueuer: ``Queries.enqueue`` to push, ``QueueManager`` (LISTEN/NOTIFY) to consume."""

    ENTRYPOINT = "bench"

    def __init__(self, conns: list[asyncpg.Connection], dsn: str) -> None:
        from pgqueuer.db import AsyncpgDriver
        from pgqueuer.queries import Queries

        self.conns = conns
        self.dsn = dsn
        self.queries = [Queries(AsyncpgDriver(c)) for c in conns]

    async def setup(self) -> None:
        if not await self.queries[0].schema_is_installed():
            await self.queries[0].install()

    async def push(self, batch: int, count: int, total: int) -> None:
        ep = self.ENTRYPOINT

        async def send(slot: int, numbers: list[int]) -> None:
            queries = self.queries[slot]
            if len(numbers) == 1:
                await queries.enqueue(ep, dumps(payload(numbers[0])).encode())
            else:
                await queries.enqueue(
                    [ep] * len(numbers),
                    [dumps(payload(n)).encode() for n in numbers],
                    [0] * len(numbers),
                )

        await in_flight(count, split(total, batch), send)

    async def prefill(self, total: int) -> None:
        await self.push(1000, 1, total)

    async def _managers(self, count: int, on_job: Any) -> list[Any]:
        from pgqueuer.db import AsyncpgDriver
        from pgqueuer.models import Job
        from pgqueuer.qm import QueueManager
        from pgqueuer.queries import Queries

        managers = []
        for _ in range(count):
            conn = await asyncpg.connect(self.dsn)
            manager = QueueManager(Queries(AsyncpgDriver(conn)))

            async def handle(job: Job) -> None:
                on_job(job)

            manager.entrypoint(self.ENTRYPOINT)(handle)
            managers.append((manager, conn))
        return managers

    async def consume(self, batch: int, count: int, total: int, on_job: Any) -> tuple[int, float]:
        """Run ``count`` queue managers until ``total`` jobs ran; (jobs, seconds)."""
        done = [0]
        managers: list[Any] = []

        def job_done(job: Any) -> None:
            on_job(job)
            done[0] += 1
            if done[0] >= total:
                for manager, _ in managers:
                    manager.shutdown.set()

        managers.extend(await self._managers(count, job_done))
        start = time.perf_counter()
        await asyncio.gather(*(m.run(batch_size=batch) for m, _ in managers))
        seconds = time.perf_counter() - start
        for _, conn in managers:
            await conn.close()
        return done[0], seconds

    async def cleanup(self) -> None:
        await self.conns[0].execute("TRUNCATE pgqueuer, pgqueuer_log")


async def latency(system: Any, rate: float, total: int, run_consumer: Any) -> dict[str, Any]:
    """Push one message every 1/rate seconds; the consumer records now - payload time."""
    delays: list[float] = []
    consumer = asyncio.ensure_future(run_consumer(delays))
    await asyncio.sleep(0.5)  # the consumer is parked before the first push
    start = time.perf_counter()
    for i in range(total):
        wait = start + i / rate - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        await system.push(1, 1, 1)
    seconds = time.perf_counter() - start
    await asyncio.wait_for(consumer, 30)
    ordered = sorted(delays)
    return {
        "seconds": seconds,
        "messages": len(ordered),
        "p50": statistics.median(ordered),
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
    }


async def main(name: str, dsn: str) -> None:
    conns = [await asyncpg.connect(dsn) for _ in range(8)]
    system: Any
    if name == "floor":
        system = Floor(conns)
    elif name == "pgmq":
        system = Pgmq(conns)
    elif name == "pgqueuer":
        system = PgQueuer(conns, dsn)
    else:
        raise SystemExit(f"unknown system {name!r}")
    await system.setup()
    reader = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        command = json.loads(line)
        op = command["op"]
        answer: dict[str, Any] = {}
        if op == "push":
            start = time.perf_counter()
            await system.push(command["batch"], command["inflight"], command["total"])
            answer = {"seconds": time.perf_counter() - start, "messages": command["total"]}
        elif op == "prefill":
            await system.prefill(command["total"])
        elif op == "pop_ack":
            if isinstance(system, PgQueuer):
                done, seconds = await system.consume(
                    command["batch"], command["inflight"], command["total"], lambda _job: None
                )
            else:
                start = time.perf_counter()
                done = await system.pop_ack(command["batch"], command["inflight"], command["total"])
                seconds = time.perf_counter() - start
            answer = {"seconds": seconds, "messages": done}
        elif op == "latency":
            if not isinstance(system, PgQueuer):
                raise SystemExit("latency is measured for pgqueuer only")

            total = command["total"]

            async def run_consumer(delays: list[float], total: int = total) -> None:
                def record(job: Any) -> None:
                    delays.append(time.time() - json.loads(job.payload)["t"])

                await system.consume(10, 1, total, record)

            answer = await latency(system, command["rate"], command["total"], run_consumer)
        elif op == "cleanup":
            await system.cleanup()
        else:
            raise SystemExit(f"unknown command {op!r}")
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    for conn in conns:
        await conn.close()


if __name__ == "__main__":
    # the same event loop as queen_server's load generator (bench/peers.py): uvloop
    try:
        import uvloop
    except ImportError:  # pragma: no cover - PGQueuer depends on it
        asyncio.run(main(sys.argv[1], sys.argv[2]))
    else:
        uvloop.run(main(sys.argv[1], sys.argv[2]))
