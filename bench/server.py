"""queen_server throughput against the floor cost of PostgreSQL on the same machine.

Baseline: asyncpg inserting the same rows (one multi-row INSERT per batch) and deleting them
(one DELETE ... RETURNING per batch, SKIP LOCKED) directly on the same database.
Server: the same number of messages pushed over HTTP in batches, then popped (batch 100) and
acknowledged with ack/batch, sent through the HTTP/1.1 connection pool that ``queen.Queen``
uses by default (its CPU per request is a fraction of httpx's, and the load generator shares
the machine's cores with the server). Both sides use the same concurrency. Printed as
messages/s and as a ratio to the baseline.

Each scenario runs ``QUEEN_BENCH_ROUNDS`` times (3), baseline and server taking turns, so a
burst of other work on the machine does not decide a whole row: the row shows the median
rates, the median of the per-round ratios and their range. Rows are printed as soon as they
are measured. ``QUEEN_BENCH_WORKERS`` sets the server's ``--workers`` (1).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable

import asyncpg
import orjson

from bench._database import embedded_database
from bench._raw_http import RawClient
from bench._report import machine
from queen_server.launch import ServerProcess

CONCURRENCY = 4
POP_BATCH = 100
PARTITIONS = 8
#: (batch size, messages per run)
PUSH_CASES = [(1, 1_500), (10, 8_000), (100, 30_000), (1000, 60_000)]
POP_MESSAGES = 30_000
PAYLOAD_PAD = "x" * 64
HEADERS = ["scenario", "baseline msg/s (asyncpg)", "queen_server msg/s", "ratio", "ratio range"]
#: rows are printed one by one, so the columns have fixed widths
WIDTHS = [max(len(h), w) for h, w in zip(HEADERS, [18, 0, 0, 5, 9], strict=True)]


def _payload(i: int) -> dict[str, object]:
    return {"i": i, "pad": PAYLOAD_PAD}


async def _timed(workers: list[Callable[[], Awaitable[None]]]) -> float:
    start = time.perf_counter()
    await asyncio.gather(*(w() for w in workers))
    return time.perf_counter() - start


def _split(total: int, batch: int) -> list[list[int]]:
    """Batches of message numbers, dealt round-robin to the workers."""
    batches = [list(range(s, min(s + batch, total))) for s in range(0, total, batch)]
    return [batches[w::CONCURRENCY] for w in range(CONCURRENCY)]


# -- baseline --------------------------------------------------------------------------------

BASELINE_TABLE = """
DROP TABLE IF EXISTS bench_baseline;
CREATE TABLE bench_baseline (
    id uuid PRIMARY KEY, partition text NOT NULL, transaction_id text NOT NULL,
    payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())
"""
BASELINE_INSERT = """
INSERT INTO bench_baseline (id, partition, transaction_id, payload)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])
"""
BASELINE_DELETE = """
DELETE FROM bench_baseline WHERE id IN (
    SELECT id FROM bench_baseline ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING id, partition, transaction_id, payload
"""


async def baseline_push(pool: asyncpg.Pool, total: int, batch: int) -> float:
    await pool.execute(BASELINE_TABLE)

    async def worker(batches: list[list[int]]) -> None:
        async with pool.acquire() as conn:
            for numbers in batches:
                await conn.execute(
                    BASELINE_INSERT,
                    [uuid.uuid4() for _ in numbers],
                    [f"p{numbers[0] // len(numbers) % PARTITIONS}" for n in numbers],
                    [str(uuid.uuid4()) for _ in numbers],
                    [orjson.dumps(_payload(n)).decode() for n in numbers],
                )

    seconds = await _timed([lambda b=b: worker(b) for b in _split(total, batch)])
    return total / seconds


async def baseline_pop(pool: asyncpg.Pool, total: int) -> float:
    remaining = [total]

    async def worker() -> None:
        async with pool.acquire() as conn:
            while remaining[0] > 0:
                rows = await conn.fetch(BASELINE_DELETE, POP_BATCH)
                if not rows:
                    return
                remaining[0] -= len(rows)

    seconds = await _timed([worker for _ in range(CONCURRENCY)])
    return total / seconds


# -- server ----------------------------------------------------------------------------------


async def server_push(client: RawClient, queue: str, total: int, batch: int) -> float:
    async def worker(batches: list[list[int]]) -> None:
        for numbers in batches:
            # one partition per request, as a client buffering per (queue, partition) sends
            partition = f"p{numbers[0] // len(numbers) % PARTITIONS}"
            items = [
                {"queue": queue, "partition": partition, "payload": _payload(n)} for n in numbers
            ]
            response = await client.request(
                "POST", "/api/v1/push", None, orjson.dumps({"items": items}), 60
            )
            _check(response.status)

    seconds = await _timed([lambda b=b: worker(b) for b in _split(total, batch)])
    return total / seconds


async def server_pop_ack(client: RawClient, queue: str, total: int) -> float:
    """Messages popped and acknowledged per second (only those actually received count)."""
    remaining = [total]

    async def worker() -> None:
        idle = 0
        while remaining[0] > 0 and idle < 20:
            response = await client.request(
                "GET", f"/api/v1/pop/queue/{queue}", {"batch": POP_BATCH, "partitions": 2}, None, 60
            )
            messages = orjson.loads(response.body).get("messages", [])
            if not messages:
                idle += 1
                await asyncio.sleep(0.005)
                continue
            idle = 0
            acks = [
                {
                    "transactionId": m["transactionId"],
                    "partitionId": m["partitionId"],
                    "leaseId": m["leaseId"],
                }
                for m in messages
            ]
            ack = await client.request(
                "POST", "/api/v1/ack/batch", None, orjson.dumps({"acknowledgments": acks}), 60
            )
            _check(ack.status)
            remaining[0] -= len(messages)

    seconds = await _timed([worker for _ in range(CONCURRENCY)])
    return (total - remaining[0]) / seconds


def _check(status: int) -> None:
    if status >= 300:
        raise RuntimeError(f"queen_server answered HTTP {status}")


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, WIDTHS, strict=True)) + " |"


def _print(cells: list[str]) -> None:
    sys.stdout.write(_line(cells) + "\n")
    sys.stdout.flush()


def _row(name: str, rounds: list[tuple[float, float]]) -> list[str]:
    """Median rates, median ratio and the ratio range of (baseline, server) rounds."""
    ratios = sorted(ours / base for base, ours in rounds)
    return [
        name,
        f"{statistics.median(base for base, _ in rounds):,.0f}",
        f"{statistics.median(ours for _, ours in rounds):,.0f}",
        f"{statistics.median(ratios):.0%}",
        f"{ratios[0]:.0%}-{ratios[-1]:.0%}",
    ]


async def _pop_round(pool: asyncpg.Pool, client: RawClient) -> tuple[float, float]:
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    await baseline_push(pool, POP_MESSAGES, 1000)
    await server_push(client, queue, POP_MESSAGES, 1000)
    base = await baseline_pop(pool, POP_MESSAGES)
    ours = await server_pop_ack(client, queue, POP_MESSAGES)
    return base, ours


async def measure(dsn: str, url: str, rounds: int) -> list[list[str]]:
    rows: list[list[str]] = []
    pool = await asyncpg.create_pool(dsn, min_size=CONCURRENCY, max_size=CONCURRENCY)
    assert pool is not None
    client = RawClient(url, CONCURRENCY * 2)
    try:
        _check((await client.request("GET", "/health", None, None, 60)).status)
        for batch, total in PUSH_CASES:
            results = []
            for _ in range(rounds):
                base = await baseline_push(pool, total, batch)
                ours = await server_push(client, f"bench-{uuid.uuid4().hex[:8]}", total, batch)
                results.append((base, ours))
            rows.append(_row(f"push, batch {batch}", results))
            _print(rows[-1])
        results = [await _pop_round(pool, client) for _ in range(rounds)]
        rows.append(_row(f"pop+ack, batch {POP_BATCH}", results))
        _print(rows[-1])
        await pool.execute("DROP TABLE IF EXISTS bench_baseline")
    finally:
        await client.aclose()
    await pool.close()
    return rows


def run() -> None:
    workers = int(os.environ.get("QUEEN_BENCH_WORKERS", "1"))
    rounds = max(int(os.environ.get("QUEEN_BENCH_ROUNDS", "3")), 1)
    sys.stdout.write(
        f"machine: {machine()}; {CONCURRENCY} concurrent clients, {PARTITIONS} partitions, "
        f"server workers: {workers}, rounds: {rounds}\n"
    )
    _print(HEADERS)
    sys.stdout.write("|" + "|".join("-" * (w + 2) for w in WIDTHS) + "|\n")
    sys.stdout.flush()
    with embedded_database() as dsn, ServerProcess(dsn, workers=workers) as server:
        asyncio.run(measure(dsn, server.url, rounds))
