"""Two server processes on one database: each load-balancing strategy, and failover."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import anyio
import pytest

from .conftest import Connect
from .servers import ServerProcess, start_server

pytestmark = [pytest.mark.anyio, pytest.mark.slow]

STRATEGIES = ["affinity", "round-robin", "session"]


@pytest.fixture
def cluster(pg_dsn: str) -> Iterator[list[ServerProcess]]:
    servers = [start_server(pg_dsn), start_server(pg_dsn)]
    try:
        yield servers
    finally:
        for server in servers:
            server.kill()


def request_counts(queen: Any) -> list[int]:
    return [server.requests for server in queen._core.transport.balancer.servers]


@pytest.mark.parametrize("strategy", STRATEGIES)
async def test_strategy_spreads_or_sticks(
    connect: Connect,
    qname: Callable[[str], str],
    cluster: list[ServerProcess],
    strategy: str,
) -> None:
    urls = [s.url for s in cluster]
    q = qname(f"lb-{strategy}")
    async with connect(urls, load_balancing_strategy=strategy) as queen:
        for i in range(20):
            await queen.queue(q).partition(f"p{i % 4}").push([{"data": i}])
        received: list[int] = []
        await (
            queen.queue(q)
            .batch(5)
            .concurrency(2)
            .limit(20)
            .consume(lambda ms: received.extend(m["data"] for m in ms))
        )
        counts = request_counts(queen)
    assert sorted(received) == list(range(20))
    if strategy == "round-robin":
        assert min(counts) > 0
    if strategy == "session":
        assert sorted(counts)[0] == 0


@pytest.mark.parametrize("strategy", STRATEGIES)
async def test_failover_when_a_server_dies_mid_stream(
    connect: Connect,
    qname: Callable[[str], str],
    cluster: list[ServerProcess],
    strategy: str,
) -> None:
    urls = [s.url for s in cluster]
    q = qname(f"fo-{strategy}")
    total = 200
    received: set[int] = set()
    all_in = anyio.Event()

    async def handler(messages: list[dict[str, Any]]) -> None:
        received.update(m["data"] for m in messages)
        if len(received) == total:
            all_in.set()

    async with connect(
        urls,
        load_balancing_strategy=strategy,
        retry_delay_millis=50,
        health_retry_after_millis=60_000,
    ) as queen:
        await queen.queue(q).config({"leaseTime": 3}).create()
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                queen.queue(q).batch(10).concurrency(2).timeout_millis(2000).consume, handler
            )
            for start in range(0, total, 10):
                if start == total // 2:
                    busiest = max(range(2), key=lambda i: request_counts(queen)[i])
                    cluster[busiest].kill()
                await (
                    queen.queue(q)
                    .partition(f"p{start % 3}")
                    .push([{"data": n} for n in range(start, start + 10)])
                )
                await anyio.sleep(0.01)
            with anyio.fail_after(90):
                await all_in.wait()
            tg.cancel_scope.cancel()
    assert received == set(range(total))
