"""Every name the client accepts can be pushed to and read back; the rest never leave it."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from queen import QueenValidationError

from .conftest import Connect

pytestmark = pytest.mark.anyio

# one name per class of allowed character, and one with all of them
ALLOWED = [
    "lower",
    "UPPER",
    "0123456789",
    "dash-dot.under_tilde~",
    "sub!delims$&'()*+,;=",
    "colon:at@",
    "a-b.c_d~e!f$g&h'i(j)k*l+m,n;o=p:q@r",
]


@pytest.mark.parametrize("name", ALLOWED)
async def test_allowed_names_round_trip(connect: Connect, name: str) -> None:
    suffix = uuid.uuid4().hex[:6]
    queue, partition, group = f"{name}-{suffix}", f"p{name}", f"g{name}"
    async with connect() as queen:
        await queen.queue(queue).namespace(f"ns{name}").task(f"t{name}").create()
        pushed = await queen.queue(queue).partition(partition).push([{"data": 1}, {"data": 2}])
        assert [r["status"] for r in pushed] == ["queued", "queued"]
        by_partition = await queen.queue(queue).partition(partition).batch(1).pop()
        assert [m["data"] for m in by_partition] == [1]
        assert by_partition[0]["partition"] == partition
        assert (await queen.ack(by_partition[0], True))["success"] is True
        by_queue = await queen.queue(queue).batch(5).wait(True).timeout_millis(3000).pop()
        assert [m["data"] for m in by_queue] == [2]
        assert (await queen.ack(by_queue, True))["success"] is True
        as_group = await queen.queue(queue).group(group).batch(5).pop()
        assert [m["data"] for m in as_group] == [1, 2]
        assert (await queen.admin.get_queue(queue))["name"] == queue
        deleted = await queen.queue(queue).delete()
        assert deleted.get("deleted", True) is not False


@pytest.mark.parametrize(
    "name", ["sp ace", "sl/ash", "emo\N{GRINNING FACE}", "pct%41", "q?x", "hash#1"]
)
async def test_names_that_cannot_round_trip_never_reach_the_server(
    connect: Connect, qname: Callable[[str], str], name: str
) -> None:
    async with connect() as queen:
        with pytest.raises(QueenValidationError, match="cannot travel in a URL path"):
            await queen.queue(name).push([{"data": 1}])
        with pytest.raises(QueenValidationError, match="cannot travel in a URL path"):
            await queen.queue(qname("ok")).partition(name).push([{"data": 1}])
        assert (await queen.admin.list_queues())["queues"] is not None
        names = {q["name"] for q in (await queen.admin.list_queues())["queues"]}
        assert name not in names
