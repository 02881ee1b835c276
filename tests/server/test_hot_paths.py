"""The fast paths of push and ack answer exactly as the general ones do.

Push: a batch whose transactionIds the server made skips the duplicate look-up; a batch with
client transactionIds is checked under the partition lock, and one with duplicates gives its
sequence numbers back (no gap in a partition's seqs). Ack: a batch of 'completed' items under
a live lease is applied set-based; anything else is walked item by item.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import httpx
import orjson

from queen_server import sql, validate
from queen_server.routes.ack import ACK_SQL

from .helpers import completed_acks, data_of, pop, push


def _seqs(dsn: str, queue: str) -> list[tuple[str, int]]:
    async def read() -> list[tuple[str, int]]:
        conn = await asyncpg.connect(dsn)
        try:
            rows = await conn.fetch(
                "SELECT m.transaction_id, m.seq FROM queen.messages m "
                "JOIN queen.partitions p ON p.id = m.partition_id "
                "JOIN queen.queues q ON q.id = p.queue_id WHERE q.name = $1 ORDER BY m.seq",
                queue,
            )
            last = await conn.fetchval(
                "SELECT p.last_seq FROM queen.partitions p "
                "JOIN queen.queues q ON q.id = p.queue_id WHERE q.name = $1",
                queue,
            )
        finally:
            await conn.close()
        assert last == (rows[-1]["seq"] if rows else 0)  # no seq was allocated and lost
        return [(r["transaction_id"], r["seq"]) for r in rows]

    return asyncio.run(read())


def _push_txns(http: httpx.Client, queue: str, txns: list[str]) -> list[dict[str, Any]]:
    items = [{"queue": queue, "transactionId": t, "payload": t} for t in txns]
    response = http.post("/api/v1/push", json={"items": items})
    assert response.status_code == 200, response.text
    answer: list[dict[str, Any]] = response.json()
    return answer


def _ack_batch(http: httpx.Client, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = http.post("/api/v1/ack/batch", json={"acknowledgments": entries})
    assert response.status_code == 200, response.text
    answer: list[dict[str, Any]] = response.json()
    return answer


def _entry(message: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "transactionId": message["transactionId"],
        "partitionId": message["partitionId"],
        "leaseId": message["leaseId"],
        **extra,
    }


def test_server_made_transaction_ids_are_distinct_and_contiguous(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    answer = push(http, queue, [1, 2, 3])
    assert [a["status"] for a in answer] == ["queued"] * 3
    txns = [a["transaction_id"] for a in answer]
    assert len(set(txns)) == 3
    assert _seqs(pg_dsn, queue) == [(t, i) for i, t in enumerate(txns, 1)]


def test_duplicate_of_a_stored_message_gives_its_seq_back(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    first = _push_txns(http, queue, ["a"])[0]
    again = _push_txns(http, queue, ["a", "b"])
    assert [a["status"] for a in again] == ["duplicate", "queued"]
    assert again[0]["message_id"] == first["message_id"]
    assert _push_txns(http, queue, ["c"])[0]["status"] == "queued"
    assert _seqs(pg_dsn, queue) == [("a", 1), ("b", 2), ("c", 3)]
    assert data_of(pop(http, queue, batch=10)) == ["a", "b", "c"]


def test_duplicate_within_one_batch(http: httpx.Client, queue: str, pg_dsn: str) -> None:
    answer = _push_txns(http, queue, ["x", "x", "y"])
    assert [a["status"] for a in answer] == ["queued", "duplicate", "queued"]
    assert answer[1]["message_id"] == answer[0]["message_id"]
    assert _seqs(pg_dsn, queue) == [("x", 1), ("y", 2)]


def test_batch_rolled_back_by_a_late_duplicate_is_written_once_and_dense(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    # the stored duplicate is found by the unique index after 30 rows went in: they are
    # rolled back and the batch is decided item by item, with no seq lost
    _push_txns(http, queue, ["t30"])
    txns = [f"t{i}" for i in range(50)]
    answer = _push_txns(http, queue, txns)
    assert [a["status"] for a in answer] == ["queued"] * 30 + ["duplicate"] + ["queued"] * 19
    expected = ["t30", *(t for t in txns if t != "t30")]
    assert _seqs(pg_dsn, queue) == [(t, i) for i, t in enumerate(expected, 1)]
    assert _push_txns(http, queue, ["next"])[0]["status"] == "queued"
    assert _seqs(pg_dsn, queue)[-1] == ("next", 51)


def test_only_duplicates_store_nothing(http: httpx.Client, queue: str, pg_dsn: str) -> None:
    _push_txns(http, queue, ["a", "b"])
    assert [a["status"] for a in _push_txns(http, queue, ["b", "a"])] == ["duplicate"] * 2
    assert _seqs(pg_dsn, queue) == [("a", 1), ("b", 2)]


def test_ack_of_a_whole_batch_releases_on_the_last_message(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2, 3, 4])
    messages = pop(http, queue, batch=3)["messages"]
    # in reverse order: the release belongs to the newest message, wherever it stands
    answer = _ack_batch(http, [_entry(m) for m in reversed(messages)])
    assert [a["transactionId"] for a in answer] == [m["transactionId"] for m in messages][::-1]
    assert [a["index"] for a in answer] == [0, 1, 2]
    assert [(a["success"], a["error"], a["dlq"]) for a in answer] == [(True, None, False)] * 3
    assert [a["leaseReleased"] for a in answer] == [True, False, False]
    assert {a["queueName"] for a in answer} == {queue}
    assert {a["partitionName"] for a in answer} == {"Default"}
    assert data_of(pop(http, queue, batch=10)) == [4]


def test_ack_of_part_of_a_batch_keeps_the_lease(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2, 3])
    messages = pop(http, queue, batch=3)["messages"]
    answer = _ack_batch(http, [_entry(m) for m in messages[:2]])
    assert [(a["success"], a["leaseReleased"]) for a in answer] == [(True, False)] * 2
    assert pop(http, queue, "Default")["error"] == "lease_held"
    (last,) = _ack_batch(http, [_entry(messages[2])])
    assert (last["success"], last["leaseReleased"]) == (True, True)
    assert pop(http, queue)["error"] == "no_available_partition"


def test_ack_with_another_lease_is_refused(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2])
    messages = pop(http, queue, batch=2)["messages"]
    answer = _ack_batch(http, [_entry(m, leaseId="not-the-lease") for m in messages])
    assert [(a["success"], a["error"]) for a in answer] == [(False, "Invalid or expired lease")] * 2
    assert pop(http, queue, "Default")["error"] == "lease_held"


def test_ack_with_an_unknown_message(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2])
    messages = pop(http, queue, batch=2)["messages"]
    unknown = {**_entry(messages[0]), "transactionId": "no-such-message"}
    answer = _ack_batch(http, [_entry(messages[0]), unknown, _entry(messages[1])])
    assert [(a["success"], a["error"], a["leaseReleased"]) for a in answer] == [
        (True, None, False),
        (False, "Message not found", False),
        (True, None, True),
    ]


def test_ack_for_two_groups_of_the_same_message(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1])
    one = pop(http, queue, consumerGroup="g1")["messages"][0]
    two = pop(http, queue, consumerGroup="g2")["messages"][0]
    assert one["transactionId"] == two["transactionId"]
    answer = _ack_batch(http, [_entry(one, consumerGroup="g1"), _entry(two, consumerGroup="g2")])
    assert [(a["success"], a["leaseReleased"]) for a in answer] == [(True, True)] * 2
    for group in ("g1", "g2"):
        assert pop(http, queue, consumerGroup=group)["error"] == "no_available_partition"


def test_mixed_statuses_take_the_item_walk(http: httpx.Client, queue: str) -> None:
    push(http, queue, [1, 2])
    first, second = pop(http, queue, batch=2)["messages"]
    answer = _ack_batch(http, [_entry(first), _entry(second, status="dlq")])
    assert [(a["success"], a["dlq"]) for a in answer] == [(True, False), (True, True)]
    assert answer[1]["leaseReleased"] is False
    assert pop(http, queue)["error"] == "no_available_partition"


def test_a_broken_hot_path_connection_is_replaced(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    push(http, queue, [1])

    async def cut() -> None:
        conn = await asyncpg.connect(pg_dsn)
        try:
            await conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'queen_server' AND state = 'idle' "
                "AND pid <> pg_backend_pid()"
            )
        finally:
            await conn.close()

    asyncio.run(cut())
    statuses: list[int] = []
    while not statuses or statuses[-1] != 200:
        assert len(statuses) < 25, statuses
        items = [{"queue": queue, "payload": 2}]
        statuses.append(http.post("/api/v1/push", json={"items": items}).status_code)
    # each cut connection costs at most one answer, a 503 (the client may retry)
    assert set(statuses) <= {200, 503}
    for _ in range(5):
        assert http.post("/api/v1/push", json={"items": items}).status_code == 200
    assert data_of(pop(http, queue, batch=10))[:2] == [1, 2]


def _set_based(dsn: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The set-based ack's answer to ``entries`` (all 'completed', queue mode), checking that
    it was the set-based path that answered."""

    async def run() -> list[dict[str, Any]]:
        items = completed_acks(entries)
        conn = await asyncpg.connect(dsn)
        try:
            row = await conn.fetchrow(ACK_SQL, *items.document())
        finally:
            await conn.close()
        assert row["answer"] is None
        assert row["outcome"] is not None
        answer: list[dict[str, Any]] = orjson.loads(items.answer(row["outcome"]))
        return answer

    return asyncio.run(run())


def _walk(dsn: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The item-by-item walk's answer to ``entries`` (all 'completed', queue mode)."""

    async def run() -> list[dict[str, Any]]:
        conn = await asyncpg.connect(dsn)
        try:
            text = await conn.fetchval(
                sql.bind("SELECT queen.ack_messages($1, $2, $3, $4, $5, $6)"),
                [e["transactionId"] for e in entries],
                [e["partitionId"] for e in entries],
                ["completed"] * len(entries),
                [validate.QUEUE_MODE] * len(entries),
                [e["leaseId"] for e in entries],
                [None] * len(entries),
            )
        finally:
            await conn.close()
        answer: list[dict[str, Any]] = orjson.loads(text)
        return answer

    return asyncio.run(run())


def test_set_based_ack_answers_as_the_walk_does(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    # transactionIds the answer must escape; two partitions, one acked whole (its lease ends
    # on its newest message), one in part; an unknown message and an unknown partition
    txns = ["plain", 'quote"and\\backslash', "ünïcødé ✓", "tab\tnew\nline", "\x01"]
    answers = []
    for name, ack in ((queue, _set_based), (f"{queue}-walk", _walk)):
        for partition in ("p-a", "p-b"):
            items = [
                {"queue": name, "partition": partition, "transactionId": t, "payload": t}
                for t in txns
            ]
            assert http.post("/api/v1/push", json={"items": items}).status_code == 200
        whole = pop(http, name, "p-a", batch=10)["messages"]
        part = pop(http, name, "p-b", batch=10)["messages"][:2]
        entries = [_entry(m) for m in reversed(whole)] + [_entry(m) for m in part]
        entries.insert(3, {**entries[0], "transactionId": "no-such-message"})
        entries.append({**entries[0], "partitionId": "00000000-0000-7000-8000-000000000000"})
        answers.append(ack(pg_dsn, entries))
        for answer in answers[-1]:
            if answer["queueName"] is not None:
                answer["queueName"] = answer["queueName"].removesuffix("-walk")
    fast, walked = answers
    assert fast == walked
    assert [a["transactionId"] for a in fast[:3]] == txns[::-1][:3]
    assert [a["leaseReleased"] for a in fast] == [True] + [False] * 8
    assert [a["success"] for a in fast] == [True] * 3 + [False] + [True] * 4 + [False]
    assert (fast[-1]["queueName"], fast[-1]["partitionName"]) == (None, None)
    assert (fast[3]["queueName"], fast[3]["partitionName"]) == (queue, "p-a")
