"""The bytes of answers on the connection: one write per answer, pipelining, close, 100-continue."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import uuid
from typing import Any
from urllib.parse import urlsplit

import pytest

from queen_server.protocol import OneWriteCycle


def _connect(server_url: str) -> socket.socket:
    url = urlsplit(server_url)
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def _push_request(queue: str, extra_headers: str = "") -> bytes:
    body = json.dumps({"items": [{"queue": queue, "payload": {"n": 1}}]}).encode()
    head = (
        "POST /api/v1/push HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{extra_headers}\r\n"
    )
    return head.encode() + body


def _read_answers(sock: socket.socket, count: int) -> list[tuple[bytes, bytes]]:
    """``count`` answers (head, body) read from ``sock``, by their Content-Length."""
    data = b""
    answers = []
    while len(answers) < count:
        head_end = data.find(b"\r\n\r\n")
        if head_end >= 0:
            head = data[:head_end]
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            end = head_end + 4 + length
            if len(data) >= end:
                answers.append((head, data[head_end + 4 : end]))
                data = data[end:]
                continue
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed after {len(answers)} answers")
        data += chunk
    assert data == b"", data
    return answers


class _RecordingTransport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.events: list[str] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)
        self.events.append("write")

    def close(self) -> None:
        self.closed = True
        self.events.append("close")

    def is_closing(self) -> bool:
        return self.closed


class _Flow:
    write_paused = False


def _cycle(transport: _RecordingTransport, keep_alive: bool = True) -> OneWriteCycle:
    return OneWriteCycle(
        scope={"method": "POST", "http_version": "1.1"},  # type: ignore[typeddict-item]
        transport=transport,  # type: ignore[arg-type]
        flow=_Flow(),  # type: ignore[arg-type]
        logger=logging.getLogger("test"),
        access_logger=logging.getLogger("test"),
        access_log=False,
        default_headers=[],
        message_event=asyncio.Event(),
        expect_100_continue=False,
        keep_alive=keep_alive,
        # uvicorn's protocol may close the connection here (a request body left unread)
        on_response=lambda: transport.events.append("response complete"),
    )


async def _answer(cycle: OneWriteCycle, body: bytes) -> None:
    headers = [(b"content-length", str(len(body)).encode())]
    await cycle.send({"type": "http.response.start", "status": 200, "headers": headers})
    await cycle.send({"type": "http.response.body", "body": body})


def test_the_head_waits_for_the_body_and_both_leave_in_one_write() -> None:
    transport = _RecordingTransport()
    cycle = _cycle(transport)
    asyncio.run(_answer(cycle, b'{"ok":true}'))
    assert transport.writes == [b'HTTP/1.1 200 OK\r\ncontent-length: 11\r\n\r\n{"ok":true}']
    assert cycle.transport is transport  # given back once the body left
    assert transport.events == ["write", "response complete"]


def test_a_closing_answer_is_written_whole_before_the_connection_closes() -> None:
    transport = _RecordingTransport()
    asyncio.run(_answer(_cycle(transport, keep_alive=False), b"{}"))
    assert len(transport.writes) == 1
    assert transport.writes[0].endswith(b"connection: close\r\n\r\n{}")
    assert transport.closed


def test_a_failing_body_still_writes_the_head_it_held() -> None:
    transport = _RecordingTransport()
    cycle = _cycle(transport)

    async def answer_too_long() -> None:
        headers = [(b"content-length", b"1")]
        await cycle.send({"type": "http.response.start", "status": 200, "headers": headers})
        await cycle.send({"type": "http.response.body", "body": b"too long"})

    with pytest.raises(RuntimeError, match="longer than Content-Length"):
        asyncio.run(answer_too_long())
    assert transport.writes == [b"HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\n"]
    assert cycle.transport is transport


def test_pipelined_requests_are_answered_in_order(server_url: str) -> None:
    queue = f"wire-{uuid.uuid4().hex[:8]}"
    with _connect(server_url) as sock:
        sock.sendall(
            _push_request(queue) + b"GET /health HTTP/1.1\r\nHost: t\r\n\r\n" + _push_request(queue)
        )
        answers = _read_answers(sock, 3)
    assert [h.split(b"\r\n")[0] for h, _ in answers] == [b"HTTP/1.1 200 OK"] * 3
    assert json.loads(answers[0][1])[0]["queueName"] == queue
    assert json.loads(answers[1][1])["status"] == "healthy"
    first, last = json.loads(answers[0][1])[0], json.loads(answers[2][1])[0]
    assert first["message_id"] != last["message_id"]


def test_connection_close_is_honoured_after_the_answer(server_url: str) -> None:
    with _connect(server_url) as sock:
        sock.sendall(_push_request(f"wire-{uuid.uuid4().hex[:8]}", "Connection: close\r\n"))
        [(head, body)] = _read_answers(sock, 1)
        assert b"connection: close" in head.lower()
        assert json.loads(body)[0]["status"] == "queued"
        assert sock.recv(100) == b""


def test_expect_100_continue_gets_its_interim_answer_first(server_url: str) -> None:
    request = _push_request(f"wire-{uuid.uuid4().hex[:8]}", "Expect: 100-continue\r\n")
    head, _, body = request.partition(b"\r\n\r\n")
    with _connect(server_url) as sock:
        sock.sendall(head + b"\r\n\r\n")
        interim = sock.recv(65536)
        assert interim == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        [(answer_head, answer_body)] = _read_answers(sock, 1)
    assert answer_head.startswith(b"HTTP/1.1 200 OK")
    assert json.loads(answer_body)[0]["status"] == "queued"


def test_an_answer_given_before_the_body_arrives_is_sent_before_the_close(
    server_url: str,
) -> None:
    # the route answers without reading the body; the connection is then closed (the rest of
    # the body could keep it busy), but only after the whole answer went out
    with _connect(server_url) as sock:
        sock.sendall(
            b"POST /api/v1/migration/start HTTP/1.1\r\nHost: t\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
        )
        [(head, body)] = _read_answers(sock, 1)
        assert head.startswith(b"HTTP/1.1 501 "), head
        assert b"not supported" in body
        assert sock.recv(100) == b""


# -- whole answers in one write, and the connection's timers (protocol level) ----------------


def test_a_whole_answer_is_one_write_with_the_default_headers() -> None:
    transport = _RecordingTransport()
    cycle = _cycle(transport)
    cycle.default_headers = [(b"date", b"Mon, 30 Nov 2026 00:00:00 GMT")]
    headers = [(b"content-type", b"application/json"), (b"content-length", b"2")]
    asyncio.run(cycle.answer(201, headers, b"[]"))
    assert transport.writes == [
        b"HTTP/1.1 201 Created\r\ndate: Mon, 30 Nov 2026 00:00:00 GMT\r\n"
        b"content-type: application/json\r\ncontent-length: 2\r\n\r\n[]"
    ]
    assert transport.events == ["write", "response complete"]
    assert cycle.response_complete
    assert cycle.message_event.is_set()
    with pytest.raises(RuntimeError, match="already started"):
        asyncio.run(cycle.answer(200, headers, b"[]"))
    assert len(transport.writes) == 1


def test_a_whole_answer_to_head_has_no_body_and_close_closes() -> None:
    transport = _RecordingTransport()
    cycle = _cycle(transport)
    cycle.scope["method"] = "HEAD"
    asyncio.run(cycle.answer(404, [(b"content-length", b"9")], b"not found"))
    assert transport.writes == [b"HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\n\r\n"]
    assert not transport.closed
    closing = _RecordingTransport()
    headers = [(b"connection", b"close"), (b"content-length", b"2")]
    asyncio.run(_cycle(closing).answer(413, headers, b"{}"))
    assert closing.writes == [
        b"HTTP/1.1 413 Request Entity Too Large\r\nconnection: close\r\ncontent-length: 2\r\n\r\n{}"
    ]
    assert closing.events == ["write", "close", "response complete"]
    listed = _RecordingTransport()
    headers = [(b"connection", b"keep-alive, Close"), (b"content-length", b"0")]
    asyncio.run(_cycle(listed).answer(200, headers, b""))
    assert listed.writes == [
        b"HTTP/1.1 200 OK\r\nconnection: keep-alive, Close\r\ncontent-length: 0\r\n\r\n"
    ]
    assert listed.closed
    not_kept = _RecordingTransport()
    asyncio.run(_cycle(not_kept, keep_alive=False).answer(200, [(b"content-length", b"0")], b""))
    assert not_kept.writes == [b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"]
    assert not_kept.closed


def test_a_header_value_with_a_line_break_is_refused_and_nothing_is_written() -> None:
    transport = _RecordingTransport()
    headers = [(b"x-evil", b"a\r\nset-cookie: x=1"), (b"content-length", b"0")]
    with pytest.raises(RuntimeError, match="Invalid HTTP header"):
        asyncio.run(_cycle(transport).answer(200, headers, b""))
    assert transport.writes == []


class _SocketTransport(_RecordingTransport):
    """Enough of a socket transport for uvicorn's protocol."""

    def __init__(self) -> None:
        super().__init__()
        self.closed_event = asyncio.Event()

    def close(self) -> None:
        super().close()
        self.closed_event.set()

    def get_extra_info(self, name: str, default: object = None) -> object:
        return ("127.0.0.1", 9) if name in ("peername", "sockname") else default

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        pass


async def _ok_app(scope: dict[str, object], receive: object, send: object) -> None:
    if scope["type"] == "http":
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]}
        )  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b"ok"})  # type: ignore[operator]


def _protocol(transport: _SocketTransport, keep_alive: float, header_timeout: float) -> object:
    import uvicorn
    from uvicorn.server import ServerState

    from queen_server.config import Limits
    from queen_server.protocol import protocol_class

    protocol_type = protocol_class(Limits(header_timeout=header_timeout))
    config = uvicorn.Config(
        _ok_app,
        http=protocol_type,
        ws="none",
        lifespan="off",
        timeout_keep_alive=keep_alive,  # type: ignore[arg-type]
    )
    config.load()
    protocol = protocol_type(config=config, server_state=ServerState(), app_state={})
    protocol.connection_made(transport)  # type: ignore[arg-type]
    return protocol


GET = b"GET /x HTTP/1.1\r\nHost: t\r\n\r\n"


def test_an_idle_connection_is_closed_after_the_keep_alive_period_counted_from_its_last_answer() -> (
    None
):
    async def run() -> list[tuple[float, str]]:
        loop = asyncio.get_running_loop()
        transport = _SocketTransport()
        protocol: Any = _protocol(transport, keep_alive=0.3, header_timeout=5)
        start = loop.time()
        seen: list[tuple[float, str]] = []
        protocol.data_received(GET)
        await asyncio.sleep(0.2)  # answered at once; the keep-alive timer runs from here
        protocol.data_received(GET)  # in use again before the timer fires: it is not closed
        await asyncio.sleep(0.01)
        seen.append((loop.time() - start, f"{len(transport.writes)} answers"))
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(transport.closed_event.wait(), 3)
        seen.append((loop.time() - start, "closed" if transport.closed else "open"))
        protocol.connection_lost(None)
        return seen

    (_, answers), (closed_at, state) = asyncio.run(run())
    assert answers == "2 answers"
    assert state == "closed"
    # idle for the whole period after the second answer (at 0.2 s), not after the first
    assert closed_at >= 0.2 + 0.3 - 0.02, closed_at


def test_a_head_split_over_two_reads_gets_the_header_timeout_once() -> None:
    async def run() -> tuple[list[bytes], bool]:
        transport = _SocketTransport()
        protocol: Any = _protocol(transport, keep_alive=5, header_timeout=0.2)
        protocol.data_received(b"GET /x HTTP/1.1\r\nHo")
        await asyncio.sleep(0.1)
        protocol.data_received(b"st: t\r\n\r\n")  # the head ends within the timeout: answered
        await asyncio.sleep(0.01)
        protocol.data_received(b"GET /x HTTP/1.1\r\nHost: t\r\nX-Slow: a")  # this one never ends
        await asyncio.sleep(0.4)
        protocol.connection_lost(None)
        return transport.writes, transport.closed

    writes, closed = asyncio.run(run())
    assert writes[0].startswith(b"HTTP/1.1 200 OK")
    assert writes[0].endswith(b"ok")
    assert writes[1].startswith(b"HTTP/1.1 408 ")
    assert b"Request headers not received within 0.2 s" in writes[1]
    assert len(writes) == 2
    assert closed
