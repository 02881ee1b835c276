"""Periodic background work of a server process.

Each job is an ``async def job(ctx) -> None`` run every ``interval`` seconds (and at once when
``BackgroundJobs.wake()`` is called). Jobs that must run on one process at a time wrap their
body in ``db.advisory_lock(ctx.pool, KEY)``. A failing run is logged and retried next time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import orjson

from queen_server import db, retention, sql
from queen_server.context import ServerContext
from queen_server.pushing import PushBatch, write_batch

QUERIES = sql.queries("jobs")

log = logging.getLogger("queen_server.jobs")

Job = Callable[[ServerContext], Awaitable[None]]

#: advisory lock key of the maintenance-buffer replay
BUFFER_REPLAY_LOCK = 0x51_55_45_45_4E_10
REPLAY_BATCH = 500


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    interval: float
    run: Job


MAINTENANCE_SQL = QUERIES["maintenance"]
BUFFERED_PUSHES_SQL = QUERIES["buffered_pushes"]


async def replay_push_buffer(ctx: ServerContext) -> None:
    """Move pushes parked during maintenance mode into the queues, oldest first.

    Each batch is pushed and removed from the buffer in one transaction, so a failure leaves
    the buffer intact; transactionIds are kept (dedup holds), message ids are new.
    """
    if await ctx.pool.fetchval(MAINTENANCE_SQL):
        return
    async with db.advisory_lock(ctx.pool, BUFFER_REPLAY_LOCK) as won:
        if not won:
            return
        while True:
            async with ctx.pool.acquire() as conn, conn.transaction():
                rows = await conn.fetch(BUFFERED_PUSHES_SQL, REPLAY_BATCH)
                if not rows:
                    return
                batch = PushBatch()
                for r in rows:
                    batch.add(
                        batch.group(r["queue_name"], r["partition_name"]),
                        r["transaction_id"],
                        None if r["trace_id"] is None else str(r["trace_id"]),
                        orjson.Fragment(r["payload"]),
                        r["is_encrypted"],
                        r["producer_sub"],
                    )
                await write_batch(conn, batch)
                await conn.execute(
                    "DELETE FROM queen.push_buffer WHERE id = ANY($1::bigint[])",
                    [r["id"] for r in rows],
                )
            ctx.pushed({r["queue_name"] for r in rows})
            log.info("replayed %d buffered pushes", len(rows))


#: The jobs every server process runs.
DEFAULT_JOBS: list[PeriodicJob] = [
    PeriodicJob("push-buffer-replay", 2.0, replay_push_buffer),
    PeriodicJob("retention", retention.SETTINGS.retention_interval, retention.run_retention),
    PeriodicJob("eviction", retention.SETTINGS.eviction_interval, retention.run_eviction),
]


class BackgroundJobs:
    """Runs the periodic jobs of one process until stopped."""

    def __init__(self, ctx: ServerContext, jobs: list[PeriodicJob] | None = None) -> None:
        self._ctx = ctx
        self._jobs = DEFAULT_JOBS if jobs is None else jobs
        self._tasks: list[asyncio.Task[None]] = []
        self._wake = asyncio.Event()

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._loop(job), name=f"queen-job-{job.name}") for job in self._jobs
        ]

    def wake(self) -> None:
        """Run every job now (e.g. after a maintenance switch changed)."""
        self._wake.set()

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []

    async def _loop(self, job: PeriodicJob) -> None:
        while True:
            try:
                await job.run(self._ctx)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("background job %s failed", job.name)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), job.interval)
            self._wake.clear()
