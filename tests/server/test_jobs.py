"""Periodic clean-up jobs (protocol §4.11): retention, completed retention, eviction,
partition cleanup, one run at a time across processes, and the scheduling itself.

Most tests drive a server whose own schedule is far away, age messages by rewriting their
``created_at`` in the database, and run the job functions directly: the outcome is then
deterministic. The last test lets a server with short intervals do the work on its own.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from types import SimpleNamespace
from typing import Any, TypeVar

import anyio
import asyncpg
import httpx
import pytest

from queen_server import retention, sql
from queen_server.launch import ServerProcess

from .conftest import new_database
from .helpers import ack, configure, pop, push

T = TypeVar("T")

FAR_AWAY = {"RETENTION_INTERVAL": "36000000", "EVICTION_INTERVAL": "36000000"}
SETTINGS = retention.RetentionSettings(partition_cleanup_days=30)


@pytest.fixture(scope="module")
def jobs_dsn(pg_dsn: str) -> str:
    return new_database(pg_dsn, "qs_jobs")


@pytest.fixture(scope="module")
def jobs_http(jobs_dsn: str) -> Iterator[httpx.Client]:
    with (
        ServerProcess(jobs_dsn, env=FAR_AWAY) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        yield client


def _in_db(dsn: str, work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(ctx)`` with a context whose ``pool`` is on ``dsn``."""

    async def main() -> T:
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=3)
        assert pool is not None
        try:
            return await work(SimpleNamespace(pool=pool))
        finally:
            await pool.close()

    return anyio.run(main)


def _age(dsn: str, queue: str, seconds: int) -> None:
    """Pretend the queue's messages were pushed ``seconds`` ago."""

    async def work(ctx: Any) -> None:
        await ctx.pool.execute(
            """
            UPDATE queen.messages m SET created_at = m.created_at - make_interval(secs => $2)
            FROM queen.partitions p JOIN queen.queues q ON q.id = p.queue_id
            WHERE m.partition_id = p.id AND q.name = $1
            """,
            queue,
            seconds,
        )

    _in_db(dsn, work)


def _remaining(http: httpx.Client, queue: str) -> list[Any]:
    body = http.get("/api/v1/messages", params={"queue": queue, "from": "2000-01-01"}).json()
    return sorted(m["transactionId"] for m in body["messages"])


def _run(dsn: str, job: Callable[..., Awaitable[None]]) -> None:
    _in_db(dsn, lambda ctx: job(ctx, SETTINGS))


def test_retention_deletes_old_messages_only_when_enabled(
    jobs_http: httpx.Client, jobs_dsn: str, queue: str
) -> None:
    kept = f"{queue}-off"
    configure(jobs_http, queue, retentionEnabled=True, retentionSeconds=60)
    configure(jobs_http, kept, retentionSeconds=60)  # retentionEnabled not set: no effect
    old = push(jobs_http, queue, ["old-1", "old-2"])
    push(jobs_http, kept, ["kept"])
    _age(jobs_dsn, queue, 120)
    _age(jobs_dsn, kept, 120)
    young = push(jobs_http, queue, ["young"])
    _run(jobs_dsn, retention.run_retention)
    assert _remaining(jobs_http, queue) == [young[0]["transaction_id"]]
    assert len(_remaining(jobs_http, kept)) == 1
    totals = jobs_http.get("/api/v1/analytics/retention", params={"queue": queue}).json()
    assert totals["totals"]["retentionMsgs"] == 2
    assert totals["totals"]["eventCount"] == 1
    # the transactionIds are free again
    again = push(jobs_http, queue, ["again"], transactionId=old[0]["transaction_id"])
    assert again[0]["status"] == "queued"


def test_completed_retention_waits_for_every_group(
    jobs_http: httpx.Client, jobs_dsn: str, queue: str
) -> None:
    configure(jobs_http, queue, retentionEnabled=True, completedRetentionSeconds=60)
    items = push(jobs_http, queue, ["a", "b", "c"])
    ack(jobs_http, pop(jobs_http, queue, "Default", batch=1)["messages"][0])
    pop(jobs_http, queue, "Default", consumerGroup="g2", batch=2, autoAck=True)
    _age(jobs_dsn, queue, 120)
    _run(jobs_dsn, retention.run_retention)
    # a: consumed by both groups; b: only by g2; c: by nobody
    assert _remaining(jobs_http, queue) == sorted(i["transaction_id"] for i in items[1:])


def test_completed_retention_skips_partitions_with_an_unset_cursor(
    jobs_http: httpx.Client, jobs_dsn: str, queue: str
) -> None:
    configure(jobs_http, queue, retentionEnabled=True, completedRetentionSeconds=60)
    # a group that looked at the empty partition has a cursor row that is still unset
    assert pop(jobs_http, queue, "Default", consumerGroup="late")["messages"] == []
    push(jobs_http, queue, ["a"])
    pop(jobs_http, queue, "Default", batch=1, autoAck=True)
    _age(jobs_dsn, queue, 120)
    _run(jobs_dsn, retention.run_retention)
    assert len(_remaining(jobs_http, queue)) == 1


def test_eviction_deletes_unconsumed_old_messages(
    jobs_http: httpx.Client, jobs_dsn: str, queue: str
) -> None:
    configure(jobs_http, queue, maxWaitTimeSeconds=60)
    items = push(jobs_http, queue, ["done", "waiting-1", "waiting-2"])
    ack(jobs_http, pop(jobs_http, queue, "Default", batch=1)["messages"][0])
    _age(jobs_dsn, queue, 120)
    fresh = push(jobs_http, queue, ["fresh"])
    _run(jobs_dsn, retention.run_eviction)
    assert _remaining(jobs_http, queue) == sorted(
        [items[0]["transaction_id"], fresh[0]["transaction_id"]]
    )
    dlq = jobs_http.get("/api/v1/dlq", params={"queue": queue}).json()
    assert dlq["total"] == 0  # evicted, not dead-lettered
    totals = jobs_http.get("/api/v1/analytics/retention", params={"queue": queue}).json()
    assert totals["totals"]["evictionMsgs"] == 2


def test_partition_cleanup_removes_idle_empty_partitions(
    jobs_http: httpx.Client, jobs_dsn: str, queue: str
) -> None:
    push(jobs_http, queue, ["x"], partition="busy")
    configure(jobs_http, queue)  # creates an empty Default partition

    async def work(ctx: Any) -> int:
        await ctx.pool.execute(
            """
            UPDATE queen.partitions p SET created_at = now() - interval '40 days',
                   last_activity = NULL, last_message_at = NULL
            FROM queen.queues q WHERE q.id = p.queue_id AND q.name = $1
            """,
            queue,
        )
        removed: int = await ctx.pool.fetchval(sql.bind("SELECT queen.partition_cleanup(30)"))
        return removed

    assert _in_db(jobs_dsn, work) >= 1
    detail = jobs_http.get(f"/api/v1/resources/queues/{queue}").json()
    assert [p["name"] for p in detail["partitions"]] == ["busy"]


def test_one_run_at_a_time_across_processes(
    jobs_http: httpx.Client, jobs_dsn: str, queue: str
) -> None:
    configure(jobs_http, queue, retentionEnabled=True, retentionSeconds=60)
    push(jobs_http, queue, ["old"])
    _age(jobs_dsn, queue, 120)

    async def work(ctx: Any) -> tuple[int, int]:
        async with ctx.pool.acquire() as holder:
            await holder.execute("SELECT pg_advisory_lock($1)", retention.RETENTION_LOCK)
            await retention.run_retention(ctx, SETTINGS)  # another process holds the lock
            during = len(_remaining(jobs_http, queue))
            await holder.execute("SELECT pg_advisory_unlock($1)", retention.RETENTION_LOCK)
        await retention.run_retention(ctx, SETTINGS)
        return during, len(_remaining(jobs_http, queue))

    assert _in_db(jobs_dsn, work) == (1, 0)


def test_settings_come_from_upstreams_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RETENTION_INTERVAL", "1500")
    monkeypatch.setenv("EVICTION_BATCH_SIZE", "7")
    monkeypatch.setenv("PARTITION_CLEANUP_DAYS", "2")
    settings = retention.RetentionSettings.from_env()
    assert (settings.retention_interval, settings.eviction_batch) == (1.5, 7)
    assert (settings.eviction_interval, settings.partition_cleanup_days) == (60.0, 2.0)
    monkeypatch.setenv("EVICTION_INTERVAL", "soon")
    with pytest.raises(ValueError, match="EVICTION_INTERVAL"):
        retention.RetentionSettings.from_env()


@pytest.mark.slow
def test_a_server_runs_the_jobs_on_its_own(fresh_dsn: str) -> None:
    env = {"RETENTION_INTERVAL": "200", "EVICTION_INTERVAL": "200"}
    with (
        ServerProcess(fresh_dsn, env=env) as server,
        httpx.Client(base_url=server.url, timeout=60) as http,
    ):
        configure(http, "kept-briefly", retentionEnabled=True, retentionSeconds=1)
        configure(http, "evicted", maxWaitTimeSeconds=1)
        push(http, "kept-briefly", ["a"])
        push(http, "evicted", ["b"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            left = _remaining(http, "kept-briefly") + _remaining(http, "evicted")
            if not left:
                break
            time.sleep(0.2)
        assert _remaining(http, "kept-briefly") == []
        assert _remaining(http, "evicted") == []
