"""Periodic clean-up jobs (protocol §4.11), run by ``queen_server.jobs``.

* retention — queues with ``retentionEnabled`` and ``retentionSeconds`` > 0 lose every message
  older than that, consumed or not;
* completed retention — ``retentionEnabled`` and ``completedRetentionSeconds`` > 0: messages
  older than that which every consumer group of the partition has consumed;
* eviction — ``maxWaitTimeSeconds`` > 0: messages older than that which some group has not
  consumed yet are deleted (not dead-lettered, as upstream);
* partition cleanup — partitions with no messages and no activity for
  ``PARTITION_CLEANUP_DAYS`` days are deleted with their cursors;
* the retention history older than ``METRICS_RETENTION_DAYS`` days is dropped.

Each job runs on one server process at a time (PostgreSQL advisory lock). Intervals and batch
sizes come from upstream's environment variables, with upstream's defaults:
``RETENTION_INTERVAL`` (ms, 300000), ``RETENTION_BATCH_SIZE`` (1000), ``EVICTION_INTERVAL``
(ms, 60000), ``EVICTION_BATCH_SIZE`` (1000), ``PARTITION_CLEANUP_DAYS`` (30),
``METRICS_RETENTION_DAYS`` (90).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import asyncpg

from queen_server import db, sql
from queen_server.context import ServerContext

QUERIES = sql.queries("retention")

log = logging.getLogger("queen_server.retention")

RETENTION_LOCK = 0x51_55_45_45_4E_30
EVICTION_LOCK = 0x51_55_45_45_4E_31
#: a retention run stops after this many batches and continues on the next run
MAX_BATCHES_PER_RUN = 100


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {raw!r}")
    return value


@dataclass(frozen=True)
class RetentionSettings:
    retention_interval: float = 300.0
    retention_batch: int = 1000
    eviction_interval: float = 60.0
    eviction_batch: int = 1000
    partition_cleanup_days: float = 30.0
    metrics_retention_days: float = 90.0

    @classmethod
    def from_env(cls) -> RetentionSettings:
        return cls(
            retention_interval=max(_env_number("RETENTION_INTERVAL", 300_000) / 1000, 0.05),
            retention_batch=max(int(_env_number("RETENTION_BATCH_SIZE", 1000)), 1),
            eviction_interval=max(_env_number("EVICTION_INTERVAL", 60_000) / 1000, 0.05),
            eviction_batch=max(int(_env_number("EVICTION_BATCH_SIZE", 1000)), 1),
            partition_cleanup_days=_env_number("PARTITION_CLEANUP_DAYS", 30),
            metrics_retention_days=_env_number("METRICS_RETENTION_DAYS", 90),
        )


SETTINGS = RetentionSettings.from_env()

RETENTION_SQL = QUERIES["retention"]
COMPLETED_RETENTION_SQL = QUERIES["completed_retention"]
EVICTION_SQL = QUERIES["eviction"]
PARTITION_CLEANUP_SQL = QUERIES["partition_cleanup"]
RECORD_EVENT_SQL = QUERIES["record_event"]
FORGET_EVENTS_SQL = QUERIES["forget_events"]


async def _delete_batches(
    conn: asyncpg.Connection, query: str, kind: str, batch: int, max_batches: int
) -> int:
    """Run a ``queen.*_delete(batch)`` query until it runs dry; record what went."""
    total = 0
    for _ in range(max_batches):
        async with conn.transaction():
            rows = await conn.fetch(query, batch)
            if rows:
                await conn.executemany(
                    RECORD_EVENT_SQL,
                    [(r["queue_name"], kind, r["deleted"]) for r in rows],
                )
        removed = sum(int(r["deleted"]) for r in rows)
        total += removed
        if removed < batch:
            break
    if total:
        log.info("%s removed %d messages", kind.replace("_", " "), total)
    return total


async def run_retention(ctx: ServerContext, settings: RetentionSettings = SETTINGS) -> None:
    """Retention, completed retention, partition cleanup and history cleanup."""
    async with db.advisory_lock(ctx.pool, RETENTION_LOCK) as won:
        if not won:
            return
        async with ctx.pool.acquire() as conn:
            batch = settings.retention_batch
            await _delete_batches(conn, RETENTION_SQL, "retention", batch, MAX_BATCHES_PER_RUN)
            await _delete_batches(
                conn,
                COMPLETED_RETENTION_SQL,
                "completed_retention",
                batch,
                MAX_BATCHES_PER_RUN,
            )
            removed = await conn.fetchval(PARTITION_CLEANUP_SQL, settings.partition_cleanup_days)
            if removed:
                log.info("partition cleanup removed %d idle partitions", removed)
            await conn.execute(FORGET_EVENTS_SQL, settings.metrics_retention_days * 86400)


async def run_eviction(ctx: ServerContext, settings: RetentionSettings = SETTINGS) -> None:
    """``maxWaitTimeSeconds`` eviction: at most one batch per run, as upstream."""
    async with db.advisory_lock(ctx.pool, EVICTION_LOCK) as won:
        if not won:
            return
        async with ctx.pool.acquire() as conn:
            await _delete_batches(conn, EVICTION_SQL, "eviction", settings.eviction_batch, 1)
