"""The bytes of answers on the connection: one write per answer, pipelining, close, 100-continue."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import uuid
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
