"""What push() and the builders refuse before anything is buffered or sent.

Each case names the message's position and the path to the offending value; a refused call
leaves nothing behind (no request, nothing buffered), so a valid message in the same call is
not half-sent either.
"""

from __future__ import annotations

import decimal
import math
import os
from typing import Any

import pytest
import respx

from queen import Queen, QueenValidationError
from queen._ids import _rand, uuid7

from .conftest import BASE

pytestmark = pytest.mark.anyio

OK_PUSH = [{"status": "queued", "transaction_id": "t"}]

NOT_JSON: list[tuple[Any, str]] = [
    ({"tags": {"a", "b"}}, r"message 1 cannot be sent as JSON: payload\['tags'\] is a set"),
    ({"blob": b"\x00\x01"}, r"payload\['blob'\] is a bytes"),
    ({"price": decimal.Decimal("1.10")}, r"payload\['price'\] is a Decimal"),
    ({"nested": [1, {"x": object()}]}, r"payload\['nested'\]\[1\]\['x'\] is a object"),
    ({1: "int key"}, r"payload is a dict with a int key"),
    ({"big": 2**70}, r"payload\['big'\] is an integer outside the 64-bit range"),
]

NON_FINITE: list[tuple[Any, str]] = [
    ({"ratio": math.nan}, r"message 1 has a non-finite number at payload\['ratio'\]"),
    ({"v": [1.0, math.inf]}, r"payload\['v'\]\[1\]"),
    (-math.inf, r"non-finite number at the payload"),
]


@pytest.mark.parametrize(("payload", "pattern"), NOT_JSON + NON_FINITE)
async def test_direct_push_refuses_what_cannot_be_sent_faithfully(
    mock: respx.MockRouter, payload: Any, pattern: str
) -> None:
    route = mock.post("/api/v1/push").respond(200, json=OK_PUSH)
    async with Queen(BASE) as queen:
        with pytest.raises(QueenValidationError, match=pattern):
            await queen.queue("q").push([{"data": {"ok": True}}, {"data": payload}])
    assert route.call_count == 0


@pytest.mark.parametrize(("payload", "pattern"), NOT_JSON + NON_FINITE)
async def test_buffered_push_refuses_before_buffering(
    mock: respx.MockRouter, payload: Any, pattern: str
) -> None:
    route = mock.post("/api/v1/push").respond(200, json=OK_PUSH)
    async with Queen(BASE) as queen:
        buffered = queen.queue("q").buffer({"message_count": 10, "time_millis": 50})
        with pytest.raises(QueenValidationError, match=pattern):
            await buffered.push([{"data": "valid"}, {"data": payload}])
        assert queen.get_buffer_stats()["totalBufferedMessages"] == 0
        await buffered.push({"data": "later"})  # the client and its task group live on
        await queen.flush_all_buffers()
    assert route.call_count == 1
    assert b'"later"' in route.calls[0].request.content
    assert b'"valid"' not in route.calls[0].request.content


async def test_null_and_finite_floats_pass(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").respond(200, json=OK_PUSH)
    async with Queen(BASE) as queen:
        await queen.queue("q").push({"data": {"a": None, "b": 1.5, "c": [None, -0.0]}})
    assert b'"payload":{"a":null,"b":1.5,"c":[null,-0.0]}' in route.calls[0].request.content


async def test_transaction_push_is_checked_when_added(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/transaction").respond(200, json={"success": True})
    async with Queen(BASE) as queen:
        transaction = queen.transaction().queue("q")
        with pytest.raises(QueenValidationError, match=r"transaction push\(\): message 0"):
            transaction.push({"data": {1, 2}})
        assert transaction.operations == []
    assert route.call_count == 0


async def test_transaction_id_must_be_a_string(mock: respx.MockRouter) -> None:
    route = mock.post("/api/v1/push").respond(200, json=OK_PUSH)
    async with Queen(BASE) as queen:
        with pytest.raises(QueenValidationError, match="message 0 has transactionId 42"):
            await queen.queue("q").push({"data": 1, "transactionId": 42})
    assert route.call_count == 0


BAD_NAMES = ["sp ace", "sl/ash", "emo\N{GRINNING FACE}", "pct%41", "q?x", "hash#1", "tab\t", ".."]
GOOD_NAMES = ["orders", "a-b.c_d~e", "user:42@eu", "x!$&'()*+,;=", "Ünicode"[1:], "A" * 255]


@pytest.mark.parametrize("name", BAD_NAMES)
async def test_names_that_cannot_travel_are_refused_before_sending(
    mock: respx.MockRouter, name: str
) -> None:
    route = mock.route().respond(200, json=OK_PUSH)
    async with Queen(BASE) as queen:
        attempts = [
            lambda: queen.queue(name),
            lambda: queen.queue("q").partition(name),
            lambda: queen.queue("q").group(name),
            lambda: queen.queue("q").namespace(name),
            lambda: queen.queue("q").task(name),
            lambda: queen.transaction().queue(name),
            lambda: queen.queue("q").dlq(name),
        ]
        for attempt in attempts:
            with pytest.raises(QueenValidationError, match=r"cannot travel|dot segment") as info:
                attempt()
            assert repr(name) in str(info.value)
        for admin_call in (
            queen.admin.get_queue(name),
            queen.admin.delete_queue(name),
            queen.admin.get_consumer_group(name),
        ):
            with pytest.raises(QueenValidationError):
                await admin_call
    assert route.call_count == 0


async def test_too_long_and_empty_names_are_refused() -> None:
    async with Queen(BASE) as queen:
        with pytest.raises(QueenValidationError, match="at most 255"):
            queen.queue("a" * 256)
        with pytest.raises(QueenValidationError, match="non-empty string"):
            queen.queue("q").partition("")


@pytest.mark.parametrize("name", GOOD_NAMES)
async def test_names_of_path_characters_are_accepted(mock: respx.MockRouter, name: str) -> None:
    route = mock.post("/api/v1/push").respond(200, json=OK_PUSH)
    async with Queen(BASE) as queen:
        await queen.queue(name).partition(name).push({"data": 1})
    assert route.call_count == 1


async def test_partition_route_pop_ignores_partitions(mock: respx.MockRouter) -> None:
    # the README's Pop example: .partition(...) together with .partitions(n)
    route = mock.get("/api/v1/pop/queue/q/partition/p").respond(200, json={"messages": []})
    async with Queen(BASE) as queen:
        assert await queen.queue("q").partition("p").partitions(4).batch(10).pop() == []
    assert "partitions" not in route.calls[0].request.url.params


def test_forked_children_get_fresh_ids() -> None:
    uuid7()  # the parent has used the generator: its state is what a fork copies
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.write(write, f"{_rand.getrandbits(64)} {uuid7()}".encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        child_bits, child_id = pipe.read().split()
    os.waitpid(pid, 0)
    assert int(child_bits) != _rand.getrandbits(64)
    assert child_id != uuid7()
