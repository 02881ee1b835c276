"""consume(): handler arguments, acks, limits, stopping, cancellation, lease renewal."""

from __future__ import annotations

from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from queen import Queen, QueenAuthError, QueenHandlerError

from .conftest import BASE, needs
from .fakes import FakeQueue

pytestmark = [pytest.mark.anyio, needs("data")]


async def test_batch_one_gives_one_dict_and_acks_completed(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 3)
    seen: list[Any] = []

    async def handler(message: Any) -> None:
        seen.append(message)

    async with Queen(BASE) as queen:
        result = await queen.queue("jobs").limit(3).consume(handler)
    assert result == {"processed": 3, "failed": 0, "ackFailures": 0}
    assert all(isinstance(m, dict) for m in seen)
    assert [m["data"] for m in seen] == [{"n": 0}, {"n": 1}, {"n": 2}]
    assert fake.statuses() == [("t-0", "completed"), ("t-1", "completed"), ("t-2", "completed")]
    assert fake.acks[0]["leaseId"] == "L-0"


async def test_batch_gives_a_list_and_acks_in_one_request(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 6)
    calls: list[list[Any]] = []

    async def handler(messages: list[Any]) -> None:
        calls.append(messages)

    async with Queen(BASE) as queen:
        await queen.queue("jobs").batch(3).limit(6).consume(handler)
    assert [[m["transactionId"] for m in batch] for batch in calls] == [
        ["t-0", "t-1", "t-2"],
        ["t-3", "t-4", "t-5"],
    ]
    assert len(fake.acks) == 6


async def test_each_gives_one_message_at_a_time(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 4)
    seen: list[str] = []

    def handler(message: Any) -> None:  # plain functions work too
        seen.append(message["transactionId"])

    async with Queen(BASE) as queen:
        await queen.queue("jobs").batch(2).each().limit(4).consume(handler)
    assert seen == ["t-0", "t-1", "t-2", "t-3"]
    assert fake.statuses() == [(t, "completed") for t in seen]


async def test_failing_handler_nacks_with_the_error_text(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 2)

    async def handler(message: Any) -> None:
        if message["data"]["n"] == 1:
            raise ValueError("bad payload")

    async with Queen(BASE) as queen:
        result = await queen.queue("jobs").limit(2).consume(handler)
    assert result == {"processed": 2, "failed": 1, "ackFailures": 0}
    assert fake.acks[1]["status"] == "failed"
    assert fake.acks[1]["error"] == "ValueError: bad payload"
    assert "error" not in fake.acks[0]


async def test_handler_error_without_auto_ack_stops_and_releases(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 5)

    async def handler(message: Any) -> None:
        raise RuntimeError("stop here")

    async with Queen(BASE) as queen:
        with pytest.raises(QueenHandlerError, match="RuntimeError: stop here") as info:
            await queen.queue("jobs").auto_ack(False).consume(handler)
    assert isinstance(info.value.__cause__, RuntimeError)
    assert fake.statuses() == [("t-0", "retry")]


async def test_limit_is_a_total_over_all_workers(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 40)
    count = 0

    async def handler(message: Any) -> None:
        nonlocal count
        count += 1
        await anyio.lowlevel.checkpoint()

    async with Queen(BASE) as queen:
        result = await queen.queue("jobs").concurrency(4).limit(5).consume(handler)
    assert count == 5
    assert result["processed"] == 5
    assert len(fake.acks) == 5
    assert len(fake.pending) == 35


async def test_idle_millis_stops_an_empty_consumer(mock: respx.MockRouter) -> None:
    FakeQueue(mock, "jobs", 1)
    seen: list[Any] = []

    async with Queen(BASE) as queen:
        with anyio.fail_after(10):
            result = await queen.queue("jobs").wait(False).idle_millis(200).consume(seen.append)
    assert result["processed"] == 1


async def test_cancellation_releases_the_in_flight_message(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 3)
    started = anyio.Event()

    async def handler(message: Any) -> None:
        started.set()
        await anyio.sleep_forever()

    async with Queen(BASE) as queen, anyio.create_task_group() as tg:
        tg.start_soon(queen.queue("jobs").consume, handler)
        await started.wait()
        tg.cancel_scope.cancel()
    assert fake.statuses() == [("t-0", "retry")]


async def test_close_lets_the_running_handler_finish_and_ack(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 3)
    started = anyio.Event()
    results: list[Any] = []

    async def handler(message: Any) -> None:
        started.set()
        await anyio.sleep(0.05)

    async def run(queen: Queen) -> None:
        results.append(await queen.queue("jobs").wait(False).consume(handler))

    queen = Queen(BASE)
    async with anyio.create_task_group() as tg:
        tg.start_soon(run, queen)
        await started.wait()
        await queen.close()
    assert results[0]["processed"] >= 1
    assert fake.statuses()[0] == ("t-0", "completed")
    assert all(status == "completed" for _, status in fake.statuses())


async def test_lease_is_renewed_while_a_slow_handler_runs(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 1)

    async def handler(message: Any) -> None:
        await anyio.sleep(0.35)

    async with Queen(BASE) as queen:
        await queen.queue("jobs").renew_lease(True, 100).limit(1).consume(handler)
    assert len(fake.renewals) >= 1
    assert fake.renewals[0] == ("L-0", {"seconds": 5})
    assert fake.statuses() == [("t-0", "completed")]


async def test_failed_acks_are_counted(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 2)
    fake.ack_answer = {"success": False, "error": "Invalid or expired lease"}

    async with Queen(BASE) as queen:
        result = await queen.queue("jobs").limit(2).consume(lambda m: None)
    assert result == {"processed": 2, "failed": 0, "ackFailures": 2}


async def test_network_errors_while_polling_are_retried(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "jobs", 2)
    route = mock.get("/api/v1/pop/queue/jobs")
    failures = [httpx.ConnectError("refused"), httpx.Response(503, json={"error": "busy"})]

    def flaky(request: httpx.Request) -> httpx.Response:
        if failures:
            failure = failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return failure
        return fake._pop(request)

    route.mock(side_effect=flaky)
    async with Queen(BASE, retry_attempts=1) as queen:
        result = await queen.queue("jobs").limit(2).consume(lambda m: None)
    assert result == {"processed": 2, "failed": 0, "ackFailures": 0}
    assert len(fake.acks) == 2


async def test_a_rejected_pop_stops_the_consumer(mock: respx.MockRouter) -> None:
    mock.get("/api/v1/pop/queue/jobs").respond(403, json={"error": "Insufficient permissions"})
    async with Queen(BASE) as queen:
        with pytest.raises(QueenAuthError, match="Insufficient permissions"):
            await queen.queue("jobs").concurrency(3).consume(lambda m: None)


async def test_each_stops_the_batch_when_a_failure_gives_the_lease_back(
    mock: respx.MockRouter,
) -> None:
    fake = FakeQueue(mock, "jobs", 3)
    fake.ack_answer = {"success": True, "leaseReleased": True}
    seen: list[str] = []

    def handler(message: Any) -> None:
        seen.append(message["transactionId"])
        if message["transactionId"] == "t-1":
            raise RuntimeError("flaky")

    async with Queen(BASE) as queen:
        result = (
            await queen.queue("jobs").batch(3).each().wait(False).idle_millis(300).consume(handler)
        )
    assert seen == ["t-0", "t-1"]  # t-2 is left for redelivery, not handled on a lost lease
    assert fake.statuses() == [("t-0", "completed"), ("t-1", "failed")]
    assert result == {"processed": 2, "failed": 1, "ackFailures": 0}
