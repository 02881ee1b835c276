"""Pop and ack read what the batch needs, whatever the size of the partition or the plan.

Counted in buffer accesses of ``queen.messages`` and its indexes, within one transaction
(``pg_stat_get_xact_blocks_fetched``): deterministic, unlike a timing. Run against a partition
of 20,000 messages whose cursor is half-way, on tables perhaps not analysed yet,
with PostgreSQL's custom and generic plans, and with a planner that avoids nested loops (as
misleading statistics can make it). Before the fix, a pop of 100 read over 20,000 buffers (every
message of the partition, once per message handed out), and an ack could read the table.
"""

from __future__ import annotations

import asyncio

import asyncpg
import httpx
import orjson
import pytest

from queen_server import ids
from queen_server.routes.ack import acknowledge
from queen_server.routes.pop import POP_SQL

from .helpers import completed_acks, pop

MESSAGES = 20_000
BATCH = 100
#: rows of about half a kilobyte: a scan of the table is thousands of buffers
PAD = "x" * 400
#: generous: a batch of 100 touches a few dozen index and heap pages, plus one heap access
#: per message read (a scan of the table is thousands)
MAX_BUFFERS = 6 * BATCH

FETCHED_SQL = """
SELECT sum(pg_stat_get_xact_blocks_fetched(c.oid))::bigint FROM pg_class c
WHERE c.oid = 'queen.messages'::regclass
   OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'queen.messages'::regclass)
"""


@pytest.fixture(scope="module")
def big_queue(server_url: str) -> str:
    """One partition of 20,000 messages, the first half consumed."""
    queue = f"big-{ids.uuid7()[-12:]}"
    with httpx.Client(base_url=server_url, timeout=60) as http:
        for start in range(0, MESSAGES, 1000):
            items = [
                {"queue": queue, "payload": {"n": n, "pad": PAD}}
                for n in range(start, start + 1000)
            ]
            assert http.post("/api/v1/push", json={"items": items}).status_code == 200
        body = pop(http, queue, batch=MESSAGES // 2, autoAck=True)
        assert len(body["messages"]) == MESSAGES // 2
    return queue


async def _pop_and_ack(dsn: str, queue: str, plans: str) -> tuple[int, int, list[int]]:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(plans)
        async with conn.transaction():
            before = await conn.fetchval(FETCHED_SQL)
            row = await conn.fetchrow(
                POP_SQL, queue, None, "__QUEUE_MODE__", BATCH, 1, ids.uuid7(), False, False, None
            )
            after_pop = await conn.fetchval(FETCHED_SQL)
            messages = orjson.loads(row["body"])["messages"]
            answer = await acknowledge(conn, completed_acks(messages))
            after_ack = await conn.fetchval(FETCHED_SQL)
            assert orjson.loads(answer)[-1]["leaseReleased"] is True
            raise _Rollback(
                [m["data"]["n"] for m in messages], after_pop - before, after_ack - after_pop
            )
    except _Rollback as done:
        return done.pop_buffers, done.ack_buffers, done.numbers
    finally:
        await conn.close()


class _Rollback(Exception):
    def __init__(self, numbers: list[int], pop_buffers: int, ack_buffers: int) -> None:
        super().__init__()
        self.numbers = numbers
        self.pop_buffers = pop_buffers
        self.ack_buffers = ack_buffers


@pytest.mark.parametrize(
    "plans",
    [
        "SET plan_cache_mode = force_custom_plan",
        "SET plan_cache_mode = force_generic_plan",
        # what misleading statistics can make the planner do: join sets instead of probing
        "SET enable_nestloop = off",
    ],
)
def test_pop_and_ack_of_a_batch_read_only_that_batch(
    big_queue: str, pg_dsn: str, plans: str
) -> None:
    pop_buffers, ack_buffers, numbers = asyncio.run(_pop_and_ack(pg_dsn, big_queue, plans))
    assert numbers == list(range(MESSAGES // 2, MESSAGES // 2 + BATCH))
    assert pop_buffers <= MAX_BUFFERS, f"pop of {BATCH} read {pop_buffers} buffers"
    assert ack_buffers <= MAX_BUFFERS, f"ack of {BATCH} read {ack_buffers} buffers"


def _delete(http: httpx.Client, message: dict[str, object]) -> None:
    path = f"/api/v1/messages/{message['partition_id']}/{message['transaction_id']}"
    assert http.delete(path).status_code == 200


@pytest.mark.parametrize(
    ("deleted", "batch", "expected"),
    [
        # a hole inside the batch's range: the batch goes on past it
        ({2, 3, 4}, 3, [[1, 5, 6], [7, 8, 9], [10]]),
        # a hole wider than the batch: found by order, not left behind
        ({2, 3, 4, 5, 6, 7}, 2, [[1, 8], [9, 10]]),
        # the first messages gone (as retention leaves it): the cursor catches up
        ({1, 2, 3, 4, 5}, 2, [[6, 7], [8, 9], [10]]),
    ],
)
def test_pops_hand_out_every_message_around_holes(
    server_url: str, deleted: set[int], batch: int, expected: list[list[int]]
) -> None:
    queue = f"holes-{ids.uuid7()[-12:]}"
    with httpx.Client(base_url=server_url, timeout=60) as http:
        items = [{"queue": queue, "payload": n} for n in range(1, 11)]
        pushed = http.post("/api/v1/push", json={"items": items}).json()
        for message in pushed:
            if message["index"] + 1 in deleted:
                _delete(http, message)
        got = []
        for _ in expected:
            body = pop(http, queue, batch=batch, autoAck=True)
            got.append([m["data"] for m in body["messages"]])
        assert got == expected
        assert pop(http, queue, batch=batch, autoAck=True)["messages"] == []
