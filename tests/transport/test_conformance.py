"""HTTP/1.1 conformance of every backend, through the public client, against crafted bytes.

Each test asserts the same outcome for every backend: the right answer, or a
``QueenConnectionError`` / ``QueenTimeoutError`` naming what went wrong — never a bare
``ValueError``, never a second copy of a request that may not be repeated once it may have
reached the server, and never a pooled connection carrying an unread answer.
"""

from __future__ import annotations

from typing import Any

import anyio
import orjson
import pytest

from queen import Queen, QueenConnectionError, QueenTimeoutError

from .fake_server import Step, answer, fake_server

pytestmark = pytest.mark.anyio

PUSH_OK = b'[{"index":0,"status":"queued","transaction_id":"t-push"}]'
TX_OK = b'{"success":true,"transactionId":"tx-1","results":[]}'


def pop_body(*ids: str) -> bytes:
    messages = [
        {
            "id": i,
            "transactionId": f"t-{i}",
            "traceId": None,
            "data": {"id": i},
            "createdAt": "2026-04-26T10:59:28.267966Z",
            "partitionId": "fe2dbd79-ff15-449d-8801-255c2146aba1",
            "partition": "Default",
            "leaseId": f"L-{i}",
            "consumerGroup": "__QUEUE_MODE__",
        }
        for i in ids
    ]
    return orjson.dumps({"success": True, "messages": messages})


async def push(queen: Queen) -> Any:
    return await queen.queue("q").push([{"data": {"n": 1}}])


async def pop_ids(queen: Queen) -> list[str]:
    return [m["id"] for m in await queen.queue("q").batch(10).pop()]


async def commit(queen: Queen) -> Any:
    return await queen.transaction().queue("q").push([{"data": 1}]).commit()


# --- 1xx answers before the final one ---------------------------------------------------------


async def test_early_hints_then_the_real_answer(connect: Any) -> None:
    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
    async with (
        fake_server(
            Step(send=hints + answer(PUSH_OK)), Step(send=answer(pop_body("m1")))
        ) as server,
        connect(server.url) as queen,
    ):
        assert await push(queen) == orjson.loads(PUSH_OK)
        assert await pop_ids(queen) == ["m1"]  # its own answer, not the push's
    assert [r.method for r in server.requests] == ["POST", "GET"]


async def test_several_informational_answers_sent_apart(connect: Any) -> None:
    release = anyio.Event()
    first = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
    steps = [Step(send=first, release=release, then=answer(PUSH_OK)), Step(send=answer(PUSH_OK))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        async with anyio.create_task_group() as group:
            group.start_soon(push, queen)
            await anyio.sleep(0.05)
            release.set()
        assert await push(queen) == orjson.loads(PUSH_OK)
    assert len(server.requests) == 2


async def test_switching_protocols_is_refused(connect: Any) -> None:
    upgrade = (
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
    )
    async with (
        fake_server(Step(send=upgrade, hang=True)) as server,
        connect(server.url, timeout_millis=2000) as queen,
    ):
        with pytest.raises(QueenConnectionError) as info:
            await commit(queen)
    assert not isinstance(info.value, QueenTimeoutError)
    assert server.count("/transaction") == 1


# --- a reused connection closed after the server read the request ------------------------------


@pytest.mark.parametrize("call", ["commit", "pop"])
async def test_not_retry_safe_request_is_not_resent_after_a_reused_connection_closes(
    connect: Any, call: str
) -> None:
    steps = [Step(send=answer(PUSH_OK)), Step(close=True), Step(send=answer(TX_OK))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        await push(queen)  # leaves a keep-alive connection in the pool
        with pytest.raises(QueenConnectionError, match="may have"):
            await (commit(queen) if call == "commit" else pop_ids(queen))
    assert len(server.requests) == 2  # the push, and ONE copy of the commit/pop
    assert server.requests[1].connection == 1  # it went over the reused connection


async def test_retry_safe_request_is_resent_after_a_reused_connection_closes(
    connect: Any,
) -> None:
    steps = [Step(send=answer(PUSH_OK)), Step(close=True), Step(send=answer(PUSH_OK))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        await push(queen)
        assert await push(queen) == orjson.loads(PUSH_OK)
    # same transactionIds in both copies: the server deduplicates
    assert server.requests[1].body == server.requests[2].body
    assert server.requests[2].connection == 2


# --- framing: Content-Length and chunks ------------------------------------------------------

BAD_LENGTHS = [
    b"Content-Length: -1\r\n",
    b"Content-Length: +5\r\n",
    b"Content-Length: 1_0\r\n",
    b"Content-Length: abc\r\n",
    b"Content-Length: 2\r\nContent-Length: 3\r\n",
    b"Content-Length: 99999999999999999999999999\r\n",
]


@pytest.mark.parametrize("header", BAD_LENGTHS, ids=lambda h: h.decode().strip())
async def test_bad_content_length_is_a_connection_error(connect: Any, header: bytes) -> None:
    bad = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + header + b"\r\n[]"
    steps = [Step(send=bad, close=True), Step(send=answer(pop_body("m2")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError) as info:
            await pop_ids(queen)
        assert "Content-Length" in str(info.value) or "content-length" in str(info.value).lower()
        assert await pop_ids(queen) == ["m2"]
    assert server.count("/pop/") == 2


async def test_a_repeated_identical_content_length_is_the_right_answer_or_an_error(
    connect: Any,
) -> None:
    body = b'{"success":true,"messages":[]}'
    listed = b"HTTP/1.1 200 OK\r\nContent-Length: %d, %d\r\n\r\n" % (len(body), len(body)) + body
    steps = [Step(send=listed), Step(send=answer(pop_body("m3")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        try:
            first = await pop_ids(queen)
        except QueenConnectionError as exc:
            first = str(exc)
        assert first == [] or "ontent-" in str(first)
        assert await pop_ids(queen) == ["m3"]  # never the first answer's leftovers


CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
BAD_CHUNKS = {
    "not hex": b"zz\r\n[]\r\n0\r\n\r\n",
    "negative": b"-2\r\n[]\r\n0\r\n\r\n",
    "overflowing": b"FFFFFFFFFFFFFFFFFFFFFFFF\r\n[]",
    "huge then closed": b"7FFFFFFFFFFF\r\n[]",
}


@pytest.mark.parametrize("chunks", BAD_CHUNKS.values(), ids=BAD_CHUNKS.keys())
async def test_bad_chunk_sizes_are_connection_errors(connect: Any, chunks: bytes) -> None:
    steps = [Step(send=CHUNKED + chunks, close=True), Step(send=answer(pop_body("m4")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError):
            await pop_ids(queen)
        assert await pop_ids(queen) == ["m4"]
    assert server.count("/pop/") == 2


async def test_chunked_answer_with_extensions_and_trailers(connect: Any) -> None:
    body = pop_body("c1")
    chunks = b"%x;ext=1\r\n%s\r\n%x\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n" % (
        5, body[:5], len(body) - 5, body[5:],
    )  # fmt: skip
    steps = [Step(send=CHUNKED + chunks), Step(send=answer(pop_body("c2")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert await pop_ids(queen) == ["c1"]
        assert await pop_ids(queen) == ["c2"]
    assert server.connections == 1


async def test_answer_without_length_runs_until_close(connect: Any) -> None:
    unframed = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + pop_body("u1")
    steps = [Step(send=unframed, close=True), Step(send=answer(pop_body("u2")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert await pop_ids(queen) == ["u1"]
        assert await pop_ids(queen) == ["u2"]
    assert server.connections == 2


async def test_close_in_the_middle_of_the_body(connect: Any) -> None:
    cut = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b'{"success":'
    steps = [Step(send=cut, close=True), Step(send=answer(pop_body("m5")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError, match="closed"):
            await pop_ids(queen)
        assert await pop_ids(queen) == ["m5"]
    assert server.count("/pop/") == 2  # the failed pop was not sent again


async def test_close_in_the_middle_of_the_head(connect: Any) -> None:
    steps = [Step(send=b"HTTP/1.1 200 OK\r\nContent-Ty", close=True)]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError, match="closed"):
            await commit(queen)
    assert server.count("/transaction") == 1


async def test_garbage_instead_of_an_answer(connect: Any) -> None:
    steps = [Step(send=b"SSH-2.0-OpenSSH_9.6\r\n\r\n", close=True)]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError):
            await commit(queen)
    assert server.count("/transaction") == 1


# --- connection reuse ---------------------------------------------------------------------------


async def test_connection_close_answer_is_not_reused(connect: Any) -> None:
    steps = [
        Step(send=answer(pop_body("k1"), extra=b"Connection: close\r\n"), close=True),
        Step(send=answer(pop_body("k2"))),
        Step(send=answer(pop_body("k3"))),
    ]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert await pop_ids(queen) == ["k1"]
        assert await pop_ids(queen) == ["k2"]
        assert await pop_ids(queen) == ["k3"]
    assert server.connections == 2
    assert [r.connection for r in server.requests] == [1, 2, 2]


async def test_keep_alive_reuses_one_connection(connect: Any) -> None:
    steps = [Step(send=answer(pop_body(f"r{i}"))) for i in range(5)]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert [await pop_ids(queen) for _ in range(5)] == [[f"r{i}"] for i in range(5)]
    assert server.connections == 1


STRAY = answer(pop_body("stray"))  # looks like a complete answer: must never be delivered


async def test_a_204_followed_by_stray_bytes(connect: Any) -> None:
    steps = [
        Step(send=b"HTTP/1.1 204 No Content\r\n\r\n" + STRAY),
        Step(send=answer(pop_body("own"))),
    ]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert await pop_ids(queen) == []
        assert await pop_ids(queen) == ["own"]
    assert server.count("/pop/") == 2


async def test_stray_bytes_after_a_complete_answer(connect: Any) -> None:
    steps = [Step(send=answer(pop_body("a")) + STRAY), Step(send=answer(pop_body("b")))]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert await pop_ids(queen) == ["a"]
        assert await pop_ids(queen) == ["b"]


async def test_stray_bytes_arriving_while_the_connection_is_idle(connect: Any) -> None:
    release = anyio.Event()
    steps = [
        Step(send=answer(pop_body("a")), release=release, then=STRAY),
        Step(send=answer(pop_body("b"))),
    ]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        assert await pop_ids(queen) == ["a"]
        release.set()
        await anyio.sleep(0.1)  # let the stray bytes reach the idle connection
        assert await pop_ids(queen) == ["b"]


# --- limits ------------------------------------------------------------------------------------


async def test_header_flood_is_refused(connect: Any) -> None:
    flood = b"".join(b"X-Flood-%d: %s\r\n" % (i, b"y" * 1000) for i in range(2_000))
    steps = [Step(send=b"HTTP/1.1 200 OK\r\n" + flood + b"Content-Length: 2\r\n\r\n[]", close=True)]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError, match="max_response_header_bytes"):
            await pop_ids(queen)
    assert server.count("/pop/") == 1


async def test_one_endless_header_line_is_refused(connect: Any) -> None:
    endless = b"HTTP/1.1 200 OK\r\nX-Endless: " + b"y" * 1_000_000
    async with (
        fake_server(Step(send=endless, hang=True)) as server,
        connect(server.url, timeout_millis=5000) as queen,
    ):
        with pytest.raises(QueenConnectionError, match="max_response_header_bytes") as info:
            await pop_ids(queen)
    assert not isinstance(info.value, QueenTimeoutError)


async def test_too_many_headers_are_refused(connect: Any) -> None:
    many = b"".join(b"X-%d: 1\r\n" % i for i in range(500))
    steps = [Step(send=b"HTTP/1.1 200 OK\r\n" + many + b"Content-Length: 2\r\n\r\n[]")]
    async with fake_server(*steps) as server, connect(server.url) as queen:
        with pytest.raises(QueenConnectionError, match="headers"):
            await pop_ids(queen)


@pytest.mark.parametrize("framing", ["length", "chunked", "until close"])
async def test_body_beyond_the_limit_is_refused(connect: Any, framing: str) -> None:
    body = b'{"pad":"' + b"z" * 5000 + b'"}'
    if framing == "length":
        data = answer(body)
    elif framing == "chunked":
        data = CHUNKED + b"".join(b"100\r\n%s\r\n" % body[i : i + 256] for i in range(0, 4864, 256))
    else:
        data = b"HTTP/1.1 200 OK\r\n\r\n" + body
    steps = [Step(send=data, close=True), Step(send=answer(pop_body("after")))]
    async with (
        fake_server(*steps) as server,
        connect(server.url, max_response_body_bytes=4096) as queen,
    ):
        with pytest.raises(QueenConnectionError, match="max_response_body_bytes=4096"):
            await pop_ids(queen)
        assert await pop_ids(queen) == ["after"]


async def test_body_within_a_raised_limit(connect: Any) -> None:
    big = pop_body(*(f"id-{i}" for i in range(2000)))  # ~ 500 KB
    async with (
        fake_server(Step(send=answer(big))) as server,
        connect(server.url, max_response_body_bytes=len(big)) as queen,
    ):
        assert len(await pop_ids(queen)) == 2000


# --- deadlines -----------------------------------------------------------------------------------


async def test_a_server_that_never_answers(connect: Any) -> None:
    async with (
        fake_server(Step(hang=True), Step(hang=True)) as server,
        connect(server.url, timeout_millis=300) as queen,
    ):
        with pytest.raises(QueenTimeoutError) as info:
            await push(queen)
    message = str(info.value)
    assert server.url + "/api/v1/push" in message
    assert "0.3 s" in message
    assert "1 attempt" in message  # the whole call's deadline was spent on the one attempt
    assert info.value.attempts == 1
    assert server.count("/push") == 1


async def test_waiting_for_a_free_connection_counts_against_the_deadline(connect: Any) -> None:
    release = anyio.Event()
    steps = [Step(release=release, then=answer(pop_body("late")))]
    async with (
        fake_server(*steps) as server,
        connect(server.url, max_connections=1, timeout_millis=500) as queen,
        anyio.create_task_group() as group,
    ):
        # a long poll parks on the only connection (its own deadline is longer)
        group.start_soon(queen.queue("q").wait(True).timeout_millis(5000).pop)
        await anyio.sleep(0.1)
        with anyio.fail_after(10), pytest.raises(QueenTimeoutError) as info:
            await push(queen)
        release.set()
    assert "free connection" in str(info.value)
    assert server.count("/push") == 0


async def test_long_poll_outlives_the_request_timeout(connect: Any) -> None:
    release = anyio.Event()
    steps = [Step(release=release, then=answer(pop_body("w1")))]
    received: list[str] = []

    async def poll(queen: Queen) -> None:
        messages = await queen.queue("q").wait(True).timeout_millis(5000).pop()
        received.extend(m["id"] for m in messages)

    async with (
        fake_server(*steps) as server,
        connect(server.url, timeout_millis=200) as queen,
        anyio.create_task_group() as group,
    ):
        group.start_soon(poll, queen)
        await anyio.sleep(0.5)  # longer than timeout_millis: the poll's own limit applies
        release.set()
    assert received == ["w1"]


# --- the consumer survives a broken answer -------------------------------------------------------


async def test_consume_keeps_going_after_a_malformed_answer(connect: Any) -> None:
    bad = b"HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n[]"
    steps = [Step(send=bad, close=True), Step(send=answer(pop_body("c1")))]
    seen: list[str] = []

    async def handler(message: Any) -> None:
        seen.append(message["id"])

    def fallback(request: Any) -> Step:
        return Step(send=answer(b'[{"success":true}]'))

    async with fake_server(*steps) as server, connect(server.url) as queen:
        server.fallback = fallback
        with anyio.fail_after(20):
            await queen.queue("q").limit(1).consume(handler)
    assert seen == ["c1"]


# --- what is sent ------------------------------------------------------------------------------


async def test_request_line_and_headers(connect: Any) -> None:
    steps = [Step(send=answer(PUSH_OK)), Step(send=answer(pop_body()))]
    async with (
        fake_server(*steps) as server,
        connect(server.url + "/base/", bearer_token="tok", headers={"X-App": "a"}) as queen,
    ):
        await queen.queue("q").push([{"data": {"a": 1}, "transactionId": "t1"}])
        await queen.queue("q").group("g").batch(5).wait(True).timeout_millis(1000).pop()
    push_request, pop_request = server.requests
    body = b'{"items":[{"queue":"q","partition":"Default","payload":{"a":1},"transactionId":"t1"}]}'
    assert (push_request.method, push_request.target, push_request.body) == (
        "POST", "/base/api/v1/push", body,
    )  # fmt: skip
    headers = push_request.headers
    assert headers["host"] == server.url.split("//")[1]
    assert headers["authorization"] == "Bearer tok"
    assert headers["x-app"] == "a"
    assert headers["content-type"] == "application/json"
    assert headers["content-length"] == str(len(body))
    assert pop_request.target == (
        "/base/api/v1/pop/queue/q?consumerGroup=g&batch=5&wait=true&timeout=1000"
    )
    assert "content-length" not in pop_request.headers
    assert server.connections == 1
