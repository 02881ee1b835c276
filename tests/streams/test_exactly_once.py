"""Exactly once under trouble: lost answers, state changed under a runner, a server without
state versions, and two runners of one query sharing the partitions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import anyio
import httpx
import pytest

import queen.streams._runner as runner_module
from queen import Queen, QueenTimeoutError
from queen.streams import Stream

from .harness import eventually

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def names() -> Any:
    import uuid

    suffix = uuid.uuid4().hex[:8]
    return lambda base: f"eo-{base}-{suffix}"


def counting(queen: Queen, src: str, out: str, seconds: float = 1, flush_ms: int = 100) -> Stream:
    return (
        Stream.from_(queen.queue(src))
        .window_tumbling(seconds=seconds, idle_flush_ms=flush_ms)
        .aggregate({"count": lambda v: 1, "sum": lambda v: v["v"]})
        .map(lambda agg, ctx: {"partition": ctx["partition"], **agg})
        .to(queen.queue(out))
    )


async def totals(queen: Queen, out: str, expected_count: int) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    seen = 0
    reader = queen.queue(out).batch(1000).partitions(50).auto_ack(True).wait(True)
    with anyio.move_on_after(20):
        while seen < expected_count:
            for message in await reader.timeout_millis(200).pop():
                data = message["data"]
                found[data["partition"]][0] += data["count"]
                found[data["partition"]][1] += data["sum"]
                seen += data["count"]
    return dict(found)


async def fill(queen: Queen, src: str, partitions: int, each: int, lease: int = 2) -> Any:
    await queen.queue(src).config({"leaseTime": lease}).create()
    for p in range(partitions):
        await queen.queue(src).partition(f"p{p}").push([{"data": {"v": i}} for i in range(each)])
    return {f"p{p}": [each, sum(range(each))] for p in range(partitions)}


async def test_a_cycle_whose_answer_is_lost_is_sent_again_not_applied_twice(
    server_url: str, names: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_commit = runner_module.commit
    answers: list[dict[str, Any]] = []

    async def lose_first_answers(core: Any, body: dict[str, Any]) -> dict[str, Any]:
        answer = await real_commit(core, body)
        answers.append(answer)
        if len(answers) == 1:  # applied by the server, but the answer never arrives
            raise QueenTimeoutError("no answer within 30 s")
        return answer

    monkeypatch.setattr(runner_module, "commit", lose_first_answers)
    src, out = names("src"), names("out")
    async with Queen(server_url, retry_delay_millis=20) as queen:
        expected = await fill(queen, src, 1, 50)
        runner = await counting(queen, src, out).run(names("q"), batch_size=20)
        assert await totals(queen, out, 50) == expected
        await runner.stop()
    assert answers[1].get("replayed") is True  # the first cycle, sent again
    assert runner.metrics()["errorsTotal"] == 0


async def test_state_changed_under_a_runner_is_read_again(server_url: str, names: Any) -> None:
    src = names("src")
    async with Queen(server_url) as queen:
        await queen.queue(src).config({"leaseTime": 2}).create()
        stream = (
            Stream.from_(queen.queue(src))
            .window_tumbling(seconds=3600)
            .reduce(lambda acc, v: acc + v["x"], 0)
        )
        runner = await stream.run(names("q"), max_wait_millis=100)
        await queen.queue(src).partition("p").push([{"data": {"x": 1}}])
        await eventually(lambda: runner.metrics()["messagesTotal"] >= 1)
        ((key, value),) = (await runner.state("p")).items()
        pid = runner.partitions()["p"]
        # another writer (e.g. a runner of the same query) changes the window meanwhile
        async with httpx.AsyncClient(base_url=server_url) as http:
            changed = {**value, "acc": 100}
            body = {
                "query_id": runner.metrics()["serverQueryId"],
                "partition_id": pid,
                "state_ops": [{"type": "upsert", "key": key, "value": changed}],
            }
            assert (await http.post("/streams/v1/cycle", json=body)).json()["success"] is True
        await queen.queue(src).partition("p").push([{"data": {"x": 2}}])
        await eventually(lambda: runner.metrics()["messagesTotal"] >= 2)
        assert (await runner.state("p"))[key]["acc"] == 102  # not 3: computed again
        assert runner.metrics()["staleStateRetriesTotal"] == 1
        await runner.stop()


async def test_without_state_versions_the_state_is_read_before_every_cycle(
    server_url: str, names: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read, real_commit = runner_module.read_state, runner_module.commit
    reads: list[str] = []
    bodies: list[dict[str, Any]] = []

    async def unversioned(core: Any, query: str, pid: str) -> tuple[dict[str, Any], None]:
        reads.append(pid)
        rows, _ = await real_read(core, query, pid)
        return rows, None

    async def spy(core: Any, body: dict[str, Any]) -> dict[str, Any]:
        bodies.append(body)
        answer = await real_commit(core, body)
        return {k: v for k, v in answer.items() if k != "state_version"}

    monkeypatch.setattr(runner_module, "read_state", unversioned)
    monkeypatch.setattr(runner_module, "commit", spy)
    src, out = names("src"), names("out")
    async with Queen(server_url) as queen:
        expected = await fill(queen, src, 5, 100)
        # one batch per partition: its window is then closed by the idle flush
        runner = await counting(queen, src, out).run(names("q"), batch_size=200)
        assert await totals(queen, out, 500) == expected
        await runner.stop()
    assert not any("expect_version" in body for body in bodies)
    assert len(reads) >= len(bodies)  # every cycle computed from a fresh read


async def test_two_runners_of_one_query_share_the_partitions(server_url: str, names: Any) -> None:
    src, out, query = names("src"), names("out"), names("q")
    partitions, rounds, each = 10, 3, 40
    async with Queen(server_url) as one, Queen(server_url) as two:
        await one.queue(src).config({"leaseTime": 2}).create()
        options: dict[str, Any] = {"batch_size": 15, "max_partitions": 2, "max_wait_millis": 100}
        first = await counting(one, src, out, seconds=0.5, flush_ms=50).run(query, **options)
        second = await counting(two, src, out, seconds=0.5, flush_ms=50).run(query, **options)
        for r in range(rounds):
            for p in range(partitions):
                items = [{"data": {"v": r * each + i}} for i in range(each)]
                await one.queue(src).partition(f"p{p}").push(items)
            await anyio.sleep(0.3)
        total = partitions * rounds * each
        expected = {f"p{p}": [rounds * each, sum(range(rounds * each))] for p in range(partitions)}
        assert await totals(one, out, total) == expected
        await first.stop()
        await second.stop()
        processed = first.metrics()["messagesTotal"] + second.metrics()["messagesTotal"]
        assert processed == total


async def test_a_new_runner_closes_the_windows_a_stopped_one_left_open(
    server_url: str, names: Any
) -> None:
    src, out, query = names("src"), names("out"), names("q")
    async with Queen(server_url) as queen:
        expected = await fill(queen, src, 3, 10)
        first = await counting(queen, src, out, seconds=3600).run(query, max_wait_millis=100)
        await eventually(lambda: first.metrics()["messagesTotal"] >= 30)
        await first.stop()  # the hour-long windows are still open
        # the next runner finds them without any new message and closes them on its clock
        later = counting(queen, src, out, seconds=3600, flush_ms=50)
        runner = later.runner(query, max_wait_millis=100)
        runner._clock = lambda: 4_000_000_000_000  # a clock far past every window's end
        async with anyio.create_task_group() as tasks:
            await tasks.start(runner.serve)
            assert await totals(queen, out, 30) == expected
            await runner.stop()
        assert runner.metrics()["flushCyclesTotal"] == 3
