"""Streams against queen_server, under asyncio, trio and the blocking client."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest

from queen import QueenStreamConflictError
from queen.streams import token_bucket_gate

from .harness import Harness, eventually

pytestmark = pytest.mark.anyio

PARTITIONS = 20
PER_PARTITION = 250


async def test_5000_events_over_20_partitions_give_exact_counts_and_sums(
    harness: Harness,
) -> None:
    src, out = harness.name("src"), harness.name("out")
    await harness.create(src)
    for p in range(PARTITIONS):
        await harness.push(src, f"p{p}", [{"v": p * 1000 + i} for i in range(PER_PARTITION)])
    stream = (
        harness.Stream.from_(harness.queue(src))
        .window_tumbling(seconds=1, idle_flush_ms=100)
        .aggregate({"count": lambda v: 1, "sum": lambda v: v["v"]})
        .map(lambda agg, ctx: {"partition": ctx["partition"], **agg})
        .to(harness.queue(out))
    )
    runner = await harness.start(stream, harness.name("q"), batch_size=100)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def complete(got: list[Any]) -> bool:
        return sum(g["count"] for g in got) >= PARTITIONS * PER_PARTITION

    for window in await harness.drain(out, complete):
        totals[window["partition"]][0] += window["count"]
        totals[window["partition"]][1] += window["sum"]
    expected = {
        f"p{p}": [PER_PARTITION, sum(p * 1000 + i for i in range(PER_PARTITION))]
        for p in range(PARTITIONS)
    }
    assert dict(totals) == expected
    metrics = runner.metrics()
    assert metrics["messagesTotal"] == PARTITIONS * PER_PARTITION
    assert metrics["errorsTotal"] == 0


async def test_every_event_appears_in_each_overlapping_sliding_window(harness: Harness) -> None:
    src, out = harness.name("src"), harness.name("out")
    await harness.create(src)
    times = list(range(0, 8000, 400))  # event times, ms
    await harness.push(src, "only", [{"n": i, "ts": t} for i, t in enumerate(times)])
    await harness.push(src, "only", [{"n": -1, "ts": 60_000}])  # moves the watermark on
    stream = (
        harness.Stream.from_(harness.queue(src))
        .window_sliding(size=3, slide=1, event_time=lambda m: m["data"]["ts"])
        .reduce(lambda acc, v: sorted([*acc, v["n"]]), [])
        .map(lambda members, ctx: {"start": ctx["windowStart"], "members": members})
        .to(harness.queue(out))
    )
    await harness.start(stream, harness.name("q"))
    expected: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(times):
        for start in range(-2000, 8000, 1000):
            if start <= t < start + 3000:
                expected[start].append(i)
    got = await harness.drain(out, lambda got: len(got) >= len(expected))
    assert {w["start"]: w["members"] for w in got} == expected
    assert len(got) == len(expected)  # each window once
    assert sum(len(w["members"]) for w in got) == 3 * len(times)


async def test_sessions_per_key_with_event_time(harness: Harness) -> None:
    src, out = harness.name("src"), harness.name("out")
    await harness.create(src)
    clicks = [("a", 0), ("b", 100), ("a", 600), ("a", 1500), ("b", 2000), ("a", 4000)]
    await harness.push(src, "site", [{"user": u, "ts": t} for u, t in clicks])
    await harness.push(src, "site", [{"user": "z", "ts": 10_000}])
    stream = (
        harness.Stream.from_(harness.queue(src))
        .key_by(lambda m: m["data"]["user"])
        .window_session(gap=1, event_time=lambda m: m["data"]["ts"])
        .aggregate({"clicks": lambda v: 1})
        .map(lambda agg, ctx: [ctx["key"], ctx["windowStart"], ctx["windowEnd"], agg["clicks"]])
        .to(harness.queue(out))
    )
    await harness.start(stream, harness.name("q"))
    got = await harness.drain(out, lambda got: len(got) >= 4)
    assert sorted(s["value"] for s in got) == [
        ["a", 0, 2500, 3],
        ["a", 4000, 5000, 1],
        ["b", 100, 1100, 1],
        ["b", 2000, 3000, 1],
    ]


async def test_a_token_bucket_gate_passes_every_message_once_in_order(harness: Harness) -> None:
    src, out = harness.name("requests"), harness.name("approved")
    await harness.create(src, leaseTime=1)
    await harness.push(src, "tenant-1", [{"n": n} for n in range(8)])
    stream = (
        harness.Stream.from_(harness.queue(src))
        .gate(token_bucket_gate(capacity=4, refill_per_sec=20))
        .to(harness.queue(out))
    )
    runner = await harness.start(stream, harness.name("q"), max_wait_millis=100)
    got = await harness.drain(out, lambda got: len(got) >= 8)
    assert [g["n"] for g in got] == list(range(8))
    assert runner.metrics()["gateDenialsTotal"] > 0  # some waited for the lease to expire
    state = await runner.state("tenant-1")
    (bucket,) = [v for k, v in state.items() if k.startswith("g\x1f")]
    assert bucket["allowedTotal"] == 8


async def test_foreach_state_inspection_and_metrics(harness: Harness) -> None:
    src = harness.name("src")
    await harness.create(src)
    seen: list[tuple[str, Any]] = []
    stream = (
        harness.Stream.from_(harness.queue(src))
        .key_by(lambda m: m["data"]["k"])
        .window_tumbling(seconds=3600)
        .reduce(lambda acc, v: acc + v["x"], 0)
        .foreach(lambda value, ctx: seen.append((ctx["key"], value)))
    )
    runner = await harness.start(stream, harness.name("q"))
    await harness.push(src, "p", [{"k": "a", "x": 1}, {"k": "b", "x": 2}, {"k": "a", "x": 3}])
    await eventually(lambda: runner.metrics()["messagesTotal"] >= 3)
    state = await runner.state("p")
    windows = {k.rsplit("\x1f", 1)[1]: v["acc"] for k, v in state.items() if k.startswith("w")}
    assert windows == {"a": 4, "b": 2}
    assert seen == []  # the hour has not passed
    metrics = runner.metrics()
    assert metrics["cyclesTotal"] >= 1
    assert metrics["stateOpsTotal"] >= 2
    assert metrics["serverQueryId"]
    assert "p" in runner.runner.partitions()


async def test_a_changed_chain_needs_reset(harness: Harness) -> None:
    src, query = harness.name("src"), harness.name("q")
    await harness.create(src)
    await harness.push(src, "p", [{"x": 1}])
    hourly = (
        harness.Stream.from_(harness.queue(src))
        .window_tumbling(seconds=3600)
        .aggregate({"count": lambda v: 1})
    )
    first = await harness.start(hourly, query)
    await eventually(lambda: first.metrics()["messagesTotal"] >= 1)
    assert len(await first.state("p")) == 1
    await first.stop()
    daily = (
        harness.Stream.from_(harness.queue(src))
        .window_tumbling(seconds=86400)
        .aggregate({"count": lambda v: 1})
    )
    with pytest.raises(QueenStreamConflictError, match="reset=True"):
        await harness.start(daily, query)
    again = await harness.start(daily, query, reset=True)
    assert await again.state("p") == {}  # the hourly windows are gone


async def test_a_failing_function_commits_nothing_and_the_batch_comes_back(
    harness: Harness,
) -> None:
    src, out = harness.name("src"), harness.name("out")
    await harness.create(src, leaseTime=1)
    await harness.push(src, "p", [{"n": n} for n in range(5)])
    failures: list[tuple[str, str]] = []
    calls = Counter[str]()

    def flaky(m: Any) -> Any:
        calls["map"] += 1
        if calls["map"] == 3:
            raise RuntimeError("transient")
        return m["data"]

    stream = harness.Stream.from_(harness.queue(src)).map(flaky).to(harness.queue(out))
    runner = await harness.start(
        stream,
        harness.name("q"),
        on_error=lambda err, ctx: failures.append((ctx["phase"], str(err))),
    )
    got = await harness.drain(out, lambda got: len(got) >= 5)
    assert sorted(g["n"] for g in got) == [0, 1, 2, 3, 4]  # each once
    assert failures == [("cycle", "transient")]
    assert runner.metrics()["errorsTotal"] == 1
