"""Client-side buffering: flush triggers, failures keep messages, bounds, close()."""

from __future__ import annotations

import json
from typing import Any

import anyio
import httpx
import pytest
import respx

from queen import Queen, QueenConfigError, QueenError, QueenServerError

from .conftest import BASE, needs

pytestmark = [pytest.mark.anyio, needs("data")]

FAST = {"retry_delay_millis": 1, "retry_max_delay_millis": 2, "retry_attempts": 1}


class PushRecorder:
    """Answers pushes, optionally failing the first ``fail`` requests."""

    def __init__(self, router: respx.MockRouter, fail: int = 0) -> None:
        self.fail = fail
        self.delivered: list[list[dict[str, Any]]] = []
        self.attempts = 0
        router.post("/api/v1/push").mock(side_effect=self._push)

    def _push(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        if self.fail:
            self.fail -= 1
            return httpx.Response(503, json={"error": "unavailable"})
        items = json.loads(request.content)["items"]
        self.delivered.append(items)
        return httpx.Response(200, json=[{"status": "queued"} for _ in items])

    def payloads(self) -> list[Any]:
        return [item["payload"] for chunk in self.delivered for item in chunk]


async def wait_until_flushed(queen: Queen) -> None:
    with anyio.fail_after(10):
        while queen.get_buffer_stats()["totalBufferedMessages"]:  # noqa: ASYNC110
            await anyio.sleep(0.01)


async def test_count_trigger_flushes_in_the_background(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock)
    async with Queen(BASE) as queen:
        q = queen.queue("events").buffer({"message_count": 10, "time_millis": 60_000})
        for i in range(30):
            assert await q.push({"data": i}) == {"buffered": True, "count": 1}
        await wait_until_flushed(queen)
        stats = queen.get_buffer_stats()
    assert recorder.payloads() == list(range(30))
    assert [len(chunk) for chunk in recorder.delivered] == [10, 10, 10]
    assert stats["flushesPerformed"] == 3
    assert stats["activeBuffers"] == 0


async def test_time_trigger_flushes_a_partial_buffer(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock)
    async with Queen(BASE) as queen:
        await (
            queen.queue("events")
            .buffer({"message_count": 100, "time_millis": 20})
            .push([{"data": 1}, {"data": 2}])
        )
        await wait_until_flushed(queen)
    assert recorder.payloads() == [1, 2]


async def test_close_flushes_what_is_left(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock)
    queen = Queen(BASE)
    await (
        queen.queue("events")
        .partition("p1")
        .buffer({"time_millis": 60_000})
        .push([{"data": i} for i in range(7)])
    )
    assert queen.get_buffer_stats()["totalBufferedMessages"] == 7
    assert recorder.attempts == 0
    await queen.close()
    assert recorder.payloads() == list(range(7))
    assert {item["partition"] for item in recorder.delivered[0]} == {"p1"}


async def test_without_context_manager_the_pusher_flushes_full_buffers(
    mock: respx.MockRouter,
) -> None:
    recorder = PushRecorder(mock)
    queen = Queen(BASE)
    q = queen.queue("events").buffer({"message_count": 5, "time_millis": 60_000})
    for i in range(12):
        await q.push({"data": i})
    assert recorder.payloads() == list(range(10))
    await queen.close()
    assert recorder.payloads() == list(range(12))


async def test_failed_flush_keeps_messages_in_order_and_retries(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock, fail=2)
    async with Queen(BASE, **FAST) as queen:
        q = queen.queue("events").buffer({"message_count": 100, "time_millis": 60_000})
        await q.push([{"data": i} for i in range(5)])
        with pytest.raises(QueenServerError):
            await queen.flush_all_buffers()
        assert queen.get_buffer_stats()["totalBufferedMessages"] == 5
        await q.push([{"data": i} for i in range(5, 8)])
        with pytest.raises(QueenServerError):
            await q.flush_buffer()
        await queen.flush_all_buffers()
        stats = queen.get_buffer_stats()
    assert recorder.payloads() == list(range(8))
    assert stats["failedFlushes"] == 2
    assert stats["totalBufferedMessages"] == 0


async def test_background_flush_retries_until_the_server_recovers(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock, fail=3)
    async with Queen(BASE, **FAST) as queen:
        await (
            queen.queue("events")
            .buffer({"message_count": 2, "time_millis": 10})
            .push([{"data": i} for i in range(4)])
        )
        await wait_until_flushed(queen)
    assert recorder.payloads() == [0, 1, 2, 3]


async def test_push_waits_while_the_buffer_is_full(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock, fail=10_000)
    async with Queen(BASE, **FAST) as queen:
        q = queen.queue("events").buffer(
            {"message_count": 5, "time_millis": 60_000, "max_messages": 10}
        )
        await q.push([{"data": i} for i in range(10)])
        with anyio.move_on_after(0.2) as scope:
            await q.push({"data": 10})
        assert scope.cancelled_caught
        assert queen.get_buffer_stats()["totalBufferedMessages"] == 10
        recorder.fail = 0
        await q.push({"data": 10})
        await queen.flush_all_buffers()
    assert recorder.payloads() == list(range(11))


async def test_close_reports_undeliverable_messages(mock: respx.MockRouter) -> None:
    PushRecorder(mock, fail=10_000)
    queen = Queen(BASE, close_timeout_millis=100, **FAST)
    await queen.queue("events").buffer({"time_millis": 60_000}).push({"data": 1})
    with pytest.raises(QueenError, match=r"1 buffered message\(s\) could not be delivered"):
        await queen.close()


async def test_buffer_options_are_validated() -> None:
    queen = Queen(BASE)
    with pytest.raises(QueenConfigError, match="message_count must be an integer >= 1, got 0"):
        queen.queue("q").buffer({"message_count": 0})
    with pytest.raises(QueenConfigError, match="unknown buffer option 'count'"):
        queen.queue("q").buffer({"count": 3})  # type: ignore[typeddict-unknown-key]
    await queen.close()


async def test_close_retries_failed_flushes_within_its_deadline(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock, fail=3)
    queen = Queen(BASE, close_timeout_millis=20_000, **FAST)
    await queen.queue("events").buffer({"time_millis": 60_000}).push([{"data": 1}, {"data": 2}])
    await queen.close()
    assert recorder.payloads() == [1, 2]
    assert recorder.attempts == 4


async def test_a_cancelled_owner_still_flushes_on_exit(mock: respx.MockRouter) -> None:
    recorder = PushRecorder(mock)
    with anyio.CancelScope() as scope:
        async with Queen(BASE) as queen:
            await queen.queue("events").buffer({"time_millis": 60_000}).push({"data": "kept"})
            scope.cancel()
            await anyio.sleep(1)
    assert recorder.payloads() == ["kept"]
