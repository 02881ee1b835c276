"""Retries, failover, timeouts, auth headers and answer handling of the transport."""

from __future__ import annotations

import logging

import httpx
import pytest
import respx

from queen import (
    Queen,
    QueenAuthError,
    QueenClosedError,
    QueenConnectionError,
    QueenNotFoundError,
    QueenServerError,
    QueenTimeoutError,
)
from queen._log import QueenLogFormatter

from .conftest import BASE, needs

pytestmark = [pytest.mark.anyio, needs("data")]

FAST = {"retry_delay_millis": 1, "retry_max_delay_millis": 2}
OK_PUSH = [{"status": "queued", "transaction_id": "t"}]


async def test_5xx_is_retried_for_pushes(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").mock(
        side_effect=[
            httpx.Response(503, json={"error": "unavailable"}),
            httpx.Response(200, json=OK_PUSH),
        ]
    )
    async with Queen(BASE, **FAST) as queen:
        assert await queen.queue("q").push([{"data": 1}]) == OK_PUSH
    assert route.call_count == 2
    first, second = (call.request.content for call in route.calls)
    assert first == second  # same transactionIds: the server deduplicates a repeat


async def test_retries_stop_after_retry_attempts(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").respond(500, json={"error": "boom"})
    async with Queen(BASE, retry_attempts=3, **FAST) as queen:
        with pytest.raises(QueenServerError, match="boom") as info:
            await queen.queue("q").push([{"data": 1}])
    assert route.call_count == 3
    assert info.value.status == 500


async def test_4xx_is_never_retried(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").respond(401, json={"error": "Authentication required"})
    async with Queen(BASE, **FAST) as queen:
        with pytest.raises(QueenAuthError, match="Authentication required"):
            await queen.queue("q").push([{"data": 1}])
    assert route.call_count == 1


async def test_connection_refused_is_retried_even_for_pops(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/pop/queue/q").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json={"messages": []})]
    )
    async with Queen(BASE, **FAST) as queen:
        assert await queen.queue("q").pop() == []
    assert route.call_count == 2


async def test_ambiguous_failure_is_not_retried_for_pops(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/pop/queue/q").mock(side_effect=httpx.ReadTimeout("slow"))
    async with Queen(BASE, **FAST) as queen:
        with pytest.raises(QueenTimeoutError, match="no answer within") as info:
            await queen.queue("q").pop()
    assert route.call_count == 1
    assert info.value.attempts == 1


async def test_ambiguous_failure_is_not_retried_for_transactions(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/transaction").mock(side_effect=httpx.RemoteProtocolError("closed"))
    async with Queen(BASE, **FAST) as queen:
        with pytest.raises(QueenConnectionError, match="RemoteProtocolError"):
            await queen.transaction().queue("q").push([{"data": 1}]).commit()
    assert route.call_count == 1


async def test_failover_moves_to_the_next_server_and_marks_health() -> None:
    with respx.mock(assert_all_called=False) as router:
        down = router.post("http://a.test/api/v1/push").mock(side_effect=httpx.ConnectError("down"))
        up = router.post("http://b.test/api/v1/push").respond(200, json=OK_PUSH)
        async with Queen(
            ["http://a.test", "http://b.test"], load_balancing_strategy="session", **FAST
        ) as queen:
            await queen.queue("q").push([{"data": 1}])
            await queen.queue("q").push([{"data": 2}])
            servers = queen._core.transport.balancer.servers
            assert [s.healthy for s in servers] == [False, True]
    assert down.call_count == 1
    assert up.call_count == 2


async def test_failover_disabled_retries_the_same_server() -> None:
    with respx.mock(assert_all_called=False) as router:
        down = router.post("http://a.test/api/v1/push").mock(side_effect=httpx.ConnectError("down"))
        other = router.post("http://b.test/api/v1/push").respond(200, json=OK_PUSH)
        async with Queen(
            ["http://a.test", "http://b.test"],
            load_balancing_strategy="session",
            enable_failover=False,
            retry_attempts=2,
            **FAST,
        ) as queen:
            with pytest.raises(QueenConnectionError, match=r"http://a\.test/api/v1/push"):
                await queen.queue("q").push([{"data": 1}])
    assert (down.call_count, other.call_count) == (2, 0)


async def test_auth_and_custom_headers(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").respond(200, json=OK_PUSH)
    async with Queen(BASE, bearer_token="s3cret", headers={"X-Tenant": "acme"}) as queen:
        await queen.queue("q").push([{"data": 1}])
    headers = route.calls[0].request.headers
    assert headers["authorization"] == "Bearer s3cret"
    assert headers["x-tenant"] == "acme"
    assert headers["content-type"] == "application/json"


async def test_long_poll_gets_a_longer_http_timeout(mock: respx.MockRouter) -> None:
    route = mock.get("/api/v1/pop/queue/q").respond(200, json={"messages": []})
    async with Queen(BASE, timeout_millis=1000) as queen:
        await queen.queue("q").pop()
        await queen.queue("q").wait(True).timeout_millis(20_000).pop()
    short, long = (call.request.extensions["timeout"]["read"] for call in route.calls)
    # what is left of each call's deadline when httpx gets the request
    assert 0.5 < short <= 1.0
    assert 20.0 < long <= 25.0


async def test_unknown_route_html_404(mock: respx.MockRouter) -> None:
    html = "<html><body><h1>File Not Found</h1><hr><i>uWebSockets/20 Server</i></body></html>"
    mock.post("/api/v1/push").respond(404, text=html)
    async with Queen(BASE) as queen:
        with pytest.raises(QueenNotFoundError, match="no such endpoint"):
            await queen.queue("q").push([{"data": 1}])


async def test_closed_client_refuses_work(mock: respx.MockRouter) -> None:
    queen = Queen(BASE)
    await queen.close()
    await queen.close()  # idempotent
    assert queen.closed
    with pytest.raises(QueenClosedError):
        await queen.queue("q").push([{"data": 1}])


def test_log_line_format() -> None:
    record = logging.LogRecord("queen", logging.WARNING, __file__, 1, "%s", ('{"a": 1}',), None)
    record.component = "QueueBuilder.push"
    line = QueenLogFormatter().format(record)
    stamp, rest = line.split("] ", 1)
    assert stamp.startswith("[")
    assert stamp.endswith("Z")
    assert rest == '[WARN] [QueueBuilder.push] {"a": 1}'
