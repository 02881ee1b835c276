"""Push's fast and slow paths: several partitions per request, duplicates, concurrency."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import anyio
import asyncpg
import httpx

from queen_server import ids

from .helpers import pop, push


def _post(http: httpx.Client, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = http.post("/api/v1/push", json={"items": items})
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()
    return result


def _seqs(pg_dsn: str, partition_id: str) -> list[tuple[int, str]]:
    async def read() -> list[tuple[int, str]]:
        conn = await asyncpg.connect(pg_dsn)
        try:
            rows = await conn.fetch(
                "SELECT seq, transaction_id FROM queen.messages WHERE partition_id = $1 "
                "ORDER BY seq",
                uuid.UUID(partition_id),
            )
            return [(r["seq"], r["transaction_id"]) for r in rows]
        finally:
            await conn.close()

    return anyio.run(read)


def test_one_request_over_two_queues_and_partitions(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    other = f"{queue}-b"
    items = [
        {"queue": queue, "partition": "a", "payload": 1, "transactionId": "t1"},
        {"queue": other, "partition": "a", "payload": 2, "transactionId": "t1"},
        {"queue": queue, "partition": "b", "payload": 3},
        {"queue": queue, "partition": "a", "payload": 4, "transactionId": "t2"},
    ]
    result = _post(http, items)
    assert [r["status"] for r in result] == ["queued"] * 4
    assert [r["queueName"] for r in result] == [queue, other, queue, queue]
    assert result[0]["partition_id"] == result[3]["partition_id"]
    assert (
        len({result[0]["partition_id"], result[1]["partition_id"], result[2]["partition_id"]}) == 3
    )
    assert _seqs(pg_dsn, result[0]["partition_id"]) == [(1, "t1"), (2, "t2")]
    assert [m["data"] for m in pop(http, queue, "a", batch=10)["messages"]] == [1, 4]
    assert [m["data"] for m in pop(http, other, "a", batch=10)["messages"]] == [2]


def test_duplicates_across_partitions_keep_sequences_dense(
    http: httpx.Client, queue: str, pg_dsn: str
) -> None:
    first = push(http, queue, ["stored"], partition="a", transactionId="known")[0]
    items = [
        {"queue": queue, "partition": "a", "payload": "x", "transactionId": "new-1"},
        {"queue": queue, "partition": "b", "payload": "y", "transactionId": "known"},
        {"queue": queue, "partition": "a", "payload": "dup", "transactionId": "known"},
        {"queue": queue, "partition": "a", "payload": "z", "transactionId": "new-2"},
        {"queue": queue, "partition": "a", "payload": "again", "transactionId": "new-1"},
    ]
    result = _post(http, items)
    assert [r["status"] for r in result] == ["queued", "queued", "duplicate", "queued", "duplicate"]
    assert result[2] == {
        "index": 2,
        "transaction_id": "known",
        "status": "duplicate",
        "message_id": first["message_id"],
        "queueName": queue,
    }
    assert result[4]["message_id"] == result[0]["message_id"]
    assert result[0]["partition_id"] == result[3]["partition_id"] == first["partition_id"]
    assert result[1]["partition_id"] != first["partition_id"]
    # no holes: the duplicates got no sequence numbers
    assert _seqs(pg_dsn, first["partition_id"]) == [(1, "known"), (2, "new-1"), (3, "new-2")]
    assert _seqs(pg_dsn, result[1]["partition_id"]) == [(1, "known")]
    # and the partition's next push continues right after
    after = push(http, queue, ["next"], partition="a")[0]
    assert [s for s, _ in _seqs(pg_dsn, after["partition_id"])] == [1, 2, 3, 4]


def test_concurrent_pushes_of_one_transaction_id_store_one_message(
    server_url: str, queue: str, pg_dsn: str
) -> None:
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def producer(n: int) -> None:
        with httpx.Client(base_url=server_url, timeout=60) as client:
            answer = push(client, queue, [n], transactionId="once")
        with lock:
            results.extend(answer)

    threads = [threading.Thread(target=producer, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queued = [r for r in results if r["status"] == "queued"]
    assert len(queued) == 1
    assert {r["message_id"] for r in results} == {queued[0]["message_id"]}
    assert _seqs(pg_dsn, queued[0]["partition_id"]) == [(1, "once")]


def test_concurrent_batches_sharing_transaction_ids_store_each_once(
    server_url: str, queue: str, pg_dsn: str
) -> None:
    """Batches over one and over two partitions race with the same transactionIds: the
    losers' inserts hit the unique index, are rolled back and decided item by item."""
    txns = [f"t{i}" for i in range(6)]
    answers: list[tuple[list[dict[str, Any]], list[str]]] = []
    lock = threading.Lock()

    def producer(n: int) -> None:
        order = txns[n % 6 :] + txns[: n % 6]
        two = n % 2 == 1
        items = [
            {
                "queue": queue,
                "partition": "b" if two and int(t[1:]) % 2 else "a",
                "payload": t,
                "transactionId": t,
            }
            for t in order
        ]
        with httpx.Client(base_url=server_url, timeout=60) as client:
            answer = _post(client, items)
        with lock:
            answers.append((answer, order))

    threads = [threading.Thread(target=producer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 8
    stored: dict[tuple[str, str], str] = {}  # (partition id, transactionId) -> message id
    for answer, _ in answers:
        for item in answer:
            if item["status"] == "queued":
                key = (item["partition_id"], item["transaction_id"])
                assert key not in stored, f"{key} queued twice"
                stored[key] = item["message_id"]
    # every queued message is in the database once, each partition's seqs dense
    for partition_id in {pid for pid, _ in stored}:
        rows = _seqs(pg_dsn, partition_id)
        assert [seq for seq, _ in rows] == list(range(1, len(rows) + 1))
        assert sorted(t for _, t in rows) == sorted(t for pid, t in stored if pid == partition_id)
    # a duplicate names the message stored for its transactionId in its partition
    by_txn: dict[str, set[str]] = {}
    for (_, txn), message_id in stored.items():
        by_txn.setdefault(txn, set()).add(message_id)
    for answer, order in answers:
        assert [item["transaction_id"] for item in answer] == order
        for item in answer:
            assert item["message_id"] in by_txn[item["transaction_id"]]


def test_concurrent_requests_over_the_same_partitions_in_opposite_orders(
    server_url: str, queue: str
) -> None:
    """Partitions are locked in one order whatever the request's order: no deadlock."""
    errors: list[str] = []

    def producer(reverse: bool) -> None:
        names = ["p1", "p2", "p3"]
        if reverse:
            names.reverse()
        with httpx.Client(base_url=server_url, timeout=60) as client:
            for round_ in range(15):
                items = [{"queue": queue, "partition": p, "payload": round_} for p in names]
                response = client.post("/api/v1/push", json={"items": items})
                if response.status_code != 200:
                    errors.append(response.text)

    threads = [threading.Thread(target=producer, args=(n % 2 == 1,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with httpx.Client(base_url=server_url, timeout=60) as client:
        for partition in ("p1", "p2", "p3"):
            messages = pop(client, queue, partition, batch=1000)["messages"]
            assert len(messages) == 6 * 15


def test_uuid7_batches_are_valid_unique_and_increasing() -> None:
    made = ids.uuid7_batch(9000) + [ids.uuid7() for _ in range(100)] + ids.uuid7_batch(5000)
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    for text in made[:50] + made[-50:] + made[4090:4110]:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (7, uuid.RFC_4122, text)
