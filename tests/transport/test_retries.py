"""Retries, failover, load balancing and deadlines, decided once above the backend seam:
played out on the in-memory backend, with no network."""

from __future__ import annotations

from typing import Any

import anyio
import pytest

from queen import Queen, QueenConnectionError, QueenServerError, QueenTimeoutError
from queen.backends import BackendError, HttpRequest, HttpResponse, MemoryBackend

pytestmark = pytest.mark.anyio

A, B, C = "http://a.test:6632", "http://b.test:6632", "http://c.test:6632"
FAST: dict[str, Any] = {"retry_delay_millis": 1, "retry_max_delay_millis": 2}
PUSHED = [{"index": 0, "status": "queued", "transaction_id": "t"}]
POPPED = {"success": True, "messages": []}


def answers(*outcomes: Any) -> MemoryBackend:
    """A backend playing ``outcomes`` in order: an HttpResponse, or a BackendError to raise."""
    queue = list(outcomes)

    def handler(request: HttpRequest) -> HttpResponse:
        outcome = queue.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        assert isinstance(outcome, HttpResponse)
        return outcome

    return MemoryBackend(handler)


def refused() -> BackendError:
    return BackendError("cannot connect: connection refused", sent=False)


def lost() -> BackendError:
    return BackendError("the server closed the connection without answering", sent=True)


async def push(queen: Queen) -> Any:
    return await queen.queue("q").push([{"data": 1}])


async def test_a_request_as_the_backend_sees_it() -> None:
    backend = answers(HttpResponse.json(PUSHED))
    async with Queen(A + "/base/", http_backend=backend, bearer_token="tok") as queen:
        await push(queen)
    (request,) = backend.requests
    assert (request.method, request.origin, request.url) == (
        "POST", A, A + "/base/api/v1/push",
    )  # fmt: skip
    assert request.target == "/base/api/v1/push"
    assert ("Authorization", "Bearer tok") in request.headers
    assert (request.body or b"").startswith(b'{"items":[')


async def test_query_parameters_are_encoded_once() -> None:
    backend = answers(HttpResponse.json(POPPED))
    async with Queen(A, http_backend=backend) as queen:
        await (
            queen.queue("q:1")
            .group("g&1")
            .subscription_from("2026-01-01T00:00:00+02:00")
            .batch(5)
            .wait(True)
            .timeout_millis(1000)
            .pop()
        )
    assert backend.requests[0].target == (
        "/api/v1/pop/queue/q:1?consumerGroup=g%261&batch=5&wait=true&timeout=1000"
        "&subscriptionFrom=2026-01-01T00%3A00%3A00%2B02%3A00"
    )


async def test_refused_connections_are_retried_for_every_endpoint() -> None:
    backend = answers(refused(), refused(), HttpResponse.json(POPPED))
    async with Queen(A, http_backend=backend, **FAST) as queen:
        assert await queen.queue("q").pop() == []
    assert len(backend.requests) == 3


@pytest.mark.parametrize("call", ["pop", "commit"])
async def test_a_request_that_may_have_arrived_is_sent_once_when_not_retry_safe(
    call: str,
) -> None:
    backend = answers(lost(), HttpResponse.json(POPPED))
    async with Queen(A, http_backend=backend, **FAST) as queen:
        send = (
            queen.queue("q").pop
            if call == "pop"
            else queen.transaction().queue("q").push([{"data": 1}]).commit
        )
        with pytest.raises(QueenConnectionError, match="may have reached the server") as info:
            await send()
    assert len(backend.requests) == 1
    assert info.value.attempts == 1


async def test_a_request_that_may_have_arrived_is_resent_when_retry_safe() -> None:
    backend = answers(lost(), lost(), HttpResponse.json(PUSHED))
    async with Queen(A, http_backend=backend, **FAST) as queen:
        assert await push(queen) == PUSHED
    bodies = [r.body for r in backend.requests]
    assert len(bodies) == 3
    assert bodies[0] == bodies[1] == bodies[2]  # the same transactionIds each time


async def test_final_failures_are_not_retried() -> None:
    limit = BackendError("the answer exceeds max_response_body_bytes=1", sent=True, final=True)
    backend = answers(limit, HttpResponse.json(PUSHED))
    async with Queen(A, http_backend=backend, **FAST) as queen:
        with pytest.raises(QueenConnectionError, match="max_response_body_bytes=1") as info:
            await push(queen)
    assert info.value.attempts == 1
    assert "may have" not in str(info.value)


async def test_retries_stop_after_retry_attempts_and_say_so() -> None:
    backend = answers(refused(), refused(), refused(), HttpResponse.json(PUSHED))
    async with Queen(A, http_backend=backend, retry_attempts=3, **FAST) as queen:
        with pytest.raises(QueenConnectionError) as info:
            await push(queen)
    assert len(backend.requests) == 3
    assert info.value.attempts == 3
    assert info.value.url == A + "/api/v1/push"
    message = str(info.value)
    assert message.startswith(
        f"POST {A}/api/v1/push: cannot connect: connection refused (3 attempts in "
    )


async def test_a_stale_keep_alive_connection_is_replaced_at_once_for_retry_safe_calls() -> None:
    stale = BackendError("reused connection closed", sent=True, stale=True)
    backend = answers(stale, HttpResponse.json(PUSHED))
    async with Queen(A, http_backend=backend, retry_delay_millis=60_000) as queen:
        with anyio.fail_after(5):  # no backoff pause before the second attempt
            assert await push(queen) == PUSHED
        assert queen._core.transport.balancer.servers[0].healthy  # not the server's fault


async def test_5xx_is_retried_for_retry_safe_calls_only() -> None:
    busy = HttpResponse.json({"error": "busy"}, status=503)
    backend = answers(busy, HttpResponse.json(PUSHED), busy)
    async with Queen(A, http_backend=backend, **FAST) as queen:
        assert await push(queen) == PUSHED
        with pytest.raises(QueenServerError, match="busy"):
            await queen.queue("q").pop()
    assert len(backend.requests) == 3


async def test_failover_moves_on_at_once_and_marks_health() -> None:
    def handler(request: HttpRequest) -> HttpResponse:
        if request.origin == A:
            raise refused()
        return HttpResponse.json(PUSHED)

    backend = MemoryBackend(handler)
    async with Queen(
        [A, B], http_backend=backend, load_balancing_strategy="session", retry_delay_millis=60_000
    ) as queen:
        with anyio.fail_after(5):
            await push(queen)
            await push(queen)
        servers = queen._core.transport.balancer.servers
        assert [s.healthy for s in servers] == [False, True]
        assert [s.requests for s in servers] == [1, 2]
    assert [r.origin for r in backend.requests] == [A, B, B]


async def test_round_robin_spreads_requests() -> None:
    backend = MemoryBackend(lambda request: HttpResponse.json(PUSHED))
    async with Queen(
        [A, B, C], http_backend=backend, load_balancing_strategy="round-robin"
    ) as queen:
        for _ in range(6):
            await push(queen)
    origins = [r.origin for r in backend.requests]
    assert sorted(origins) == sorted([A, B, C] * 2)
    assert origins[:3] != [origins[0]] * 3


async def test_affinity_keeps_a_partition_on_one_server() -> None:
    backend = MemoryBackend(lambda request: HttpResponse.json(PUSHED))
    async with Queen([A, B, C], http_backend=backend) as queen:
        for _ in range(5):
            await queen.queue("orders").partition("p7").push([{"data": 1}])
    assert len({r.origin for r in backend.requests}) == 1


async def test_the_deadline_covers_retries_and_pauses() -> None:
    backend = MemoryBackend(lambda request: (_ for _ in ()).throw(refused()))
    async with Queen(
        A, http_backend=backend, timeout_millis=300, retry_attempts=50, retry_delay_millis=100
    ) as queen:
        with pytest.raises(QueenConnectionError, match="cannot connect") as info:
            await push(queen)
    # 50 attempts were allowed, but pauses of 50-100 ms and more fit only a few into 300 ms
    assert 1 < info.value.attempts < 10
    assert len(backend.requests) == info.value.attempts


async def test_a_slow_server_gets_the_whole_deadline_once() -> None:
    async def slow(request: HttpRequest) -> HttpResponse:
        await anyio.sleep(10)
        return HttpResponse.json(PUSHED)

    backend = MemoryBackend(slow)
    async with Queen(A, http_backend=backend, timeout_millis=200, retry_attempts=3) as queen:
        with pytest.raises(QueenTimeoutError) as info:
            await push(queen)
    assert len(backend.requests) == 1
    message = str(info.value)
    assert message.startswith(f"POST {A}/api/v1/push: no answer within 0.2 s (")
    assert "the deadline covers the whole call: 1 attempt in 0.2" in message


async def test_a_long_poll_has_its_own_deadline() -> None:
    async def parked(request: HttpRequest) -> HttpResponse:
        await anyio.sleep(0.3)
        return HttpResponse.json(POPPED)

    backend = MemoryBackend(parked)
    async with Queen(A, http_backend=backend, timeout_millis=100) as queen:
        assert await queen.queue("q").wait(True).timeout_millis(2000).pop() == []


async def test_a_backend_object_is_not_closed_with_the_client() -> None:
    backend = MemoryBackend(lambda request: HttpResponse.json(PUSHED))
    async with Queen(A, http_backend=backend) as queen:
        await push(queen)
    async with Queen(A, http_backend=backend) as queen:
        await push(queen)
    assert not backend.closed
    assert len(backend.requests) == 2


async def test_a_coroutine_handler_and_text_answers() -> None:
    async def handler(request: HttpRequest) -> HttpResponse:
        return HttpResponse(500, {"content-type": "text/plain"}, b"database is down")

    async with Queen(A, http_backend=MemoryBackend(handler), retry_attempts=1) as queen:
        with pytest.raises(QueenServerError, match="database is down"):
            await push(queen)
