"""Failures reach the caller or the ``queen`` logger, with enough context to act on."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from typing import Any

import anyio
import httpx
import pytest
import respx

from queen import (
    Queen,
    QueenConnectionError,
    QueenError,
    QueenFlushError,
    QueenServerError,
)

from .conftest import BASE
from .fakes import FakeQueue

pytestmark = pytest.mark.anyio

FAST = {"retry_delay_millis": 1, "retry_max_delay_millis": 2, "retry_attempts": 1}


def records(caplog: pytest.LogCaptureFixture, component: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if getattr(r, "component", None) == component]


async def test_handler_exception_is_logged_with_traceback_and_ids(
    mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeQueue(mock, "orders", 1)

    async def handler(message: Any) -> None:
        message["data"]["missing_key"]

    caplog.set_level(logging.WARNING, logger="queen")
    async with Queen(BASE) as queen:
        result = await queen.queue("orders").limit(1).consume(handler)
    assert result == {"processed": 1, "failed": 1, "ackFailures": 0}
    assert fake.statuses() == [("t-0", "failed")]
    (record,) = records(caplog, "ConsumerManager.handler")
    assert record.levelno == logging.ERROR
    details = json.loads(record.getMessage())
    assert details["queue"] == "orders"
    assert details["partition"] == "Default"
    assert details["transactionIds"] == ["t-0"]
    assert details["error"] == "KeyError: 'missing_key'"
    assert record.exc_info is not None
    assert "missing_key" in logging.Formatter().formatException(record.exc_info)


async def test_unreachable_server_is_logged_rate_limited_and_can_give_up(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="queen")
    url = "http://127.0.0.1:9"  # discard port: connection refused
    async with Queen(url, **FAST) as queen:
        with pytest.raises(QueenConnectionError):
            await queen.queue("orders").give_up_after_millis(1500).consume(lambda m: None)
    warnings = records(caplog, "ConsumerManager.worker")
    retries = [json.loads(r.getMessage()) for r in warnings if r.levelno == logging.WARNING]
    assert retries, "the first failed poll is logged"
    assert retries[0]["server"].startswith(url)
    assert retries[0]["queue"] == "orders"
    assert "retryInSeconds" in retries[0]
    assert len(retries) == 1  # later failures within 30 s are counted, not printed
    (gave_up,) = [r for r in warnings if r.levelno == logging.ERROR]
    assert json.loads(gave_up.getMessage())["givingUpAfterMillis"] == 1500


async def test_failed_flush_is_counted_kept_and_handed_back_on_close(
    mock: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    mock.post("/api/v1/push").respond(503, json={"error": "unavailable"})
    caplog.set_level(logging.WARNING, logger="queen")
    seen: dict[str, Any] = {}

    async def push_and_wait_for_a_failed_flush() -> None:
        async with Queen(BASE, close_timeout_millis=300, **FAST) as queen:
            buffered = queen.queue("q").partition("p").buffer({"time_millis": 10})
            await buffered.push([{"data": 1, "transactionId": "a"}, {"data": 2}])
            with anyio.fail_after(5):
                while queen.get_buffer_stats()["failedFlushes"] == 0:  # noqa: ASYNC110
                    await anyio.sleep(0.01)
            seen["stats"] = queen.get_buffer_stats()  # the failed flush cancelled nothing

    with pytest.raises(QueenFlushError) as info:
        await push_and_wait_for_a_failed_flush()
    stats = seen["stats"]
    assert stats["totalBufferedMessages"] == 2
    assert stats["failedFlushes"] >= 1
    handed_back = info.value.messages
    assert [(m["queue"], m["partition"], m["payload"]) for m in handed_back] == [
        ("q", "p", 1),
        ("q", "p", 2),
    ]
    assert handed_back[0]["transactionId"] == "a"
    assert "2 buffered message(s) could not be delivered" in str(info.value)
    flush_warnings = records(caplog, "BufferManager.flush")
    assert json.loads(flush_warnings[0].getMessage())["queue"] == "q"


async def test_close_failure_does_not_hide_the_body_exception(mock: respx.MockRouter) -> None:
    mock.post("/api/v1/push").respond(503, json={"error": "unavailable"})

    async def body_fails_then_close_fails() -> None:
        async with Queen(BASE, close_timeout_millis=100, **FAST) as queen:
            await queen.queue("q").buffer({"time_millis": 60_000}).push({"data": 1})
            raise KeyError("from the body")

    with pytest.raises(KeyError, match="from the body") as info:
        await body_fails_then_close_fails()
    notes = getattr(info.value, "__notes__", [])
    if sys.version_info >= (3, 11):
        assert any("close() also failed: QueenFlushError" in note for note in notes)


def test_sync_close_failure_does_not_hide_the_body_exception() -> None:
    import queen.sync

    def body_fails_then_close_fails() -> None:
        with queen.sync.Queen(BASE, close_timeout_millis=100, **FAST) as client:
            client.queue("q").buffer({"time_millis": 60_000}).push({"data": 1})
            raise KeyError("from the body")

    with respx.mock(base_url=BASE) as router:
        router.post("/api/v1/push").respond(503, json={"error": "unavailable"})
        with pytest.raises(KeyError, match="from the body") as info:
            body_fails_then_close_fails()
    if sys.version_info >= (3, 11):
        assert any("close() also failed" in note for note in info.value.__notes__)


async def test_get_queue_of_a_missing_queue_is_not_found(mock: respx.MockRouter) -> None:
    from queen import QueenNotFoundError

    mock.get("/api/v1/resources/queues/missing").respond(200, json={"error": "Queue not found"})
    async with Queen(BASE) as queen:
        with pytest.raises(QueenNotFoundError) as info:
            await queen.admin.get_queue("missing")
    assert info.value.status == 404
    assert info.value.url is not None
    assert BASE in info.value.url


async def test_an_ack_applied_before_the_connection_broke_is_not_a_failure(
    mock: respx.MockRouter,
) -> None:
    """The first ack reaches the server, the answer is lost; the retry is refused."""
    FakeQueue(mock, "orders", 1)
    applied: list[dict[str, Any]] = []

    def ack(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if not applied:
            applied.append(body)
            raise httpx.ReadError("connection reset by peer", request=request)
        return httpx.Response(
            200,
            json=[
                {
                    "transactionId": body["transactionId"],
                    "success": False,
                    "error": "Invalid or expired lease",
                }
            ],
        )

    mock.post("/api/v1/ack").mock(side_effect=ack)
    state = mock.get(f"/api/v1/messages/{fake_partition()}/t-0").respond(
        200, json={"transactionId": "t-0", "status": "completed", "consumerGroups": []}
    )
    async with Queen(BASE, retry_delay_millis=1) as queen:
        result = await queen.queue("orders").limit(1).consume(lambda m: None)
    assert result == {"processed": 1, "failed": 0, "ackFailures": 0}
    assert state.call_count == 1


async def test_a_refused_ack_that_was_not_applied_is_still_a_failure(
    mock: respx.MockRouter,
) -> None:
    FakeQueue(mock, "orders", 1)
    calls: list[int] = []

    def ack(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ReadError("connection reset by peer", request=request)
        return httpx.Response(200, json=[{"success": False, "error": "Invalid or expired lease"}])

    mock.post("/api/v1/ack").mock(side_effect=ack)
    mock.get(f"/api/v1/messages/{fake_partition()}/t-0").respond(
        200, json={"transactionId": "t-0", "status": "pending", "consumerGroups": []}
    )
    async with Queen(BASE, retry_delay_millis=1) as queen:
        result = await queen.queue("orders").limit(1).consume(lambda m: None)
    assert result == {"processed": 1, "failed": 0, "ackFailures": 1}


def fake_partition() -> str:
    from .fakes import PARTITION_ID

    return PARTITION_ID


async def test_a_rejected_pop_stops_consume_with_the_error(mock: respx.MockRouter) -> None:
    mock.get("/api/v1/pop/queue/orders").respond(401, json={"error": "Authentication required"})
    async with Queen(BASE) as queen:
        with pytest.raises(QueenError, match="Authentication required"):
            await queen.queue("orders").consume(lambda m: None)


async def test_server_errors_while_polling_are_retried(mock: respx.MockRouter) -> None:
    fake = FakeQueue(mock, "orders", 1)
    answers = [httpx.Response(500, json={"error": "boom"})]

    def pop(request: httpx.Request) -> httpx.Response:
        if answers:
            return answers.pop()
        return fake._pop(request)

    mock.get("/api/v1/pop/queue/orders").mock(side_effect=pop)
    async with Queen(BASE, **FAST) as queen:
        result = await queen.queue("orders").limit(1).consume(lambda m: None)
    assert result["processed"] == 1
    assert isinstance(QueenServerError("x", status=500), QueenError)


LOG_SCRIPT = textwrap.dedent(
    """
    import logging
    logging.basicConfig(level=logging.{level})
    from queen import _log
    _log.info("Queen.test", {{"n": 1}})
    _log.debug("HttpClient.request", {{"n": 2}})
    _log.warn("Queen.test", {{"n": 3}})
    """
)


def run_logging(level: str, queen_client_log: bool) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUEEN_CLIENT_LOG"}
    if queen_client_log:
        env["QUEEN_CLIENT_LOG"] = "true"
    done = subprocess.run(
        [sys.executable, "-c", LOG_SCRIPT.format(level=level)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stderr.splitlines()


def test_queen_client_log_with_stdlib_logging_prints_each_line_once() -> None:
    lines = run_logging("INFO", queen_client_log=True)
    assert len(lines) == 3
    assert all(line.startswith("[") for line in lines)  # the documented format, not the root's


def test_stdlib_logging_shows_warnings_and_debug_shows_requests() -> None:
    assert run_logging("WARNING", queen_client_log=False) == ['WARNING:queen:{"n":3}']
    debug = run_logging("DEBUG", queen_client_log=False)
    assert 'DEBUG:queen:{"n":2}' in debug
    assert len(debug) == 3
