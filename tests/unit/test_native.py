"""The native HTTP/1.1 backend, byte for byte, against a scripted TCP server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio
import anyio.abc
import pytest

from queen import Queen, QueenConnectionError, QueenTimeoutError
from queen._config import DEFAULTS
from queen._transport._native import encode_query

from .conftest import needs

pytestmark = [pytest.mark.anyio, needs("data")]

OK_PUSH = b'[{"status":"queued"}]'


def response(body: bytes, status: str = "200 OK", extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 "
        + status.encode()
        + b"\r\nContent-Type: application/json\r\n"
        + extra
        + b"Content-Length: %d\r\n\r\n" % len(body)
        + body
    )


@dataclass
class Script:
    """Answers each request with the next canned response; records raw requests."""

    answers: list[bytes | Callable[[], bytes] | None]
    requests: list[bytes] = field(default_factory=list)
    connections: int = 0
    close_after_each: bool = False


async def read_request(stream: anyio.abc.ByteStream, buffer: bytearray) -> bytes | None:
    while b"\r\n\r\n" not in buffer:
        try:
            buffer += await stream.receive()
        except (anyio.EndOfStream, anyio.BrokenResourceError):
            return None
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(buffer) < end + length:
        buffer += await stream.receive()
    request = bytes(buffer[: end + length])
    del buffer[: end + length]
    return request


@asynccontextmanager
async def scripted_server(script: Script) -> AsyncIterator[str]:
    async def handle(stream: anyio.abc.SocketStream) -> None:
        script.connections += 1
        buffer = bytearray()
        async with stream:
            while script.answers:
                request = await read_request(stream, buffer)
                if request is None:
                    return
                script.requests.append(request)
                answer = script.answers.pop(0)
                if answer is None:  # hang: never answer
                    await anyio.sleep_forever()
                await stream.send(answer() if callable(answer) else answer)
                if script.close_after_each:
                    return

    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    async with listener, anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, handle)
        yield f"http://127.0.0.1:{port}"
        tg.cancel_scope.cancel()


@pytest.fixture(autouse=True)
def native_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(DEFAULTS, "http_backend", "native")


def test_encode_query() -> None:
    assert encode_query(None) == ""
    assert encode_query({"wait": True, "autoAck": False, "from": "2026-01-01T00:00:00+00:00"}) == (
        "?wait=true&autoAck=false&from=2026-01-01T00%3A00%3A00%2B00%3A00"
    )


async def test_exact_request_bytes_and_keep_alive() -> None:
    script = Script([response(OK_PUSH), response(b'{"success":true,"messages":[]}')])
    async with (
        scripted_server(script) as url,
        Queen(url, bearer_token="tok", headers={"X-App": "a"}) as queen,
    ):
        await queen.queue("q").push([{"data": {"a": 1}, "transactionId": "t1"}])
        await queen.queue("q").group("g").batch(5).wait(True).timeout_millis(1000).pop()
    port = url.rsplit(":", 1)[1]
    body = b'{"items":[{"queue":"q","partition":"Default","payload":{"a":1},"transactionId":"t1"}]}'
    assert script.requests[0] == (
        b"POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1:"
        + port.encode()
        + b"\r\nContent-Type: application/json\r\nX-App: a\r\nAuthorization: Bearer tok\r\n"
        + b"Content-Length: %d\r\n\r\n" % len(body)
        + body
    )
    assert script.requests[1].startswith(
        b"GET /api/v1/pop/queue/q?consumerGroup=g&batch=5&wait=true&timeout=1000 HTTP/1.1\r\n"
    )
    assert b"Content-Length" not in script.requests[1]
    assert script.connections == 1


async def test_chunked_and_unframed_answers() -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'5\r\n[{"st\r\n10;ext=1\r\natus":"queued"}]\r\n0\r\nX-Trailer: 1\r\n\r\n'
    )
    unframed = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + OK_PUSH
    script = Script([chunked, unframed])
    script.close_after_each = False
    async with scripted_server(script) as url, Queen(url) as queen:
        assert await queen.queue("q").push({"data": 1}) == [{"status": "queued"}]
        script.close_after_each = True
        assert await queen.queue("q").push({"data": 2}) == [{"status": "queued"}]


async def test_empty_and_204_answers_and_no_reuse_after_204() -> None:
    script = Script(
        [
            b"HTTP/1.1 204 No Content\r\n\r\n",
            response(b""),
            response(b'{"messages":[]}'),
        ]
    )
    async with scripted_server(script) as url, Queen(url) as queen:
        assert await queen.queue("q").pop() == []
        assert await queen.queue("q").pop() == []
        assert await queen.queue("q").pop() == []
    assert script.connections == 2


async def test_a_connection_closed_by_the_server_is_replaced_transparently() -> None:
    script = Script([response(OK_PUSH), response(OK_PUSH)], close_after_each=True)
    async with scripted_server(script) as url, Queen(url, retry_attempts=1) as queen:
        await queen.queue("q").push({"data": 1})
        await anyio.sleep(0.05)
        await queen.queue("q").push({"data": 2})
    assert len(script.requests) == 2
    assert script.connections == 2


async def test_error_statuses_are_parsed() -> None:
    script = Script([response(b'{"error":"items array is required"}', "400 Bad Request")])
    async with scripted_server(script) as url, Queen(url) as queen:
        with pytest.raises(Exception, match="items array is required"):
            await queen.queue("q").push({"data": 1})


async def test_refused_connection() -> None:
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)
    await listener.aclose()
    async with Queen(f"http://127.0.0.1:{port}", retry_attempts=2, retry_delay_millis=1) as queen:
        with pytest.raises(QueenConnectionError, match="cannot connect"):
            await queen.queue("q").push({"data": 1})


async def test_timeout_is_not_retried_for_pops() -> None:
    script = Script([None])
    async with scripted_server(script) as url, Queen(url, timeout_millis=200) as queen:
        with pytest.raises(QueenTimeoutError, match=r"no answer within 0\.2 s"):
            await queen.queue("q").pop()
    assert len(script.requests) == 1
