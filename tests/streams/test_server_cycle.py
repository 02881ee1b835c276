"""queen_server's streams routes beyond upstream, on request only: state versions
(``with_version``, ``expect_version``), cycles sent again (``cycle_id``), the partitions a
query keeps state on (``with_partitions``); and per-key last-operation-wins state
operations."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from server.helpers import data_of, pop, push


@pytest.fixture
def http(server_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server_url, timeout=30) as client:
        yield client


@pytest.fixture
def queue() -> str:
    return f"sc-{uuid.uuid4().hex[:10]}"


def post(http: httpx.Client, path: str, body: Any, status: int = 200) -> Any:
    response = http.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


def register(http: httpx.Client, name: str, source: str, **extra: Any) -> Any:
    body = {"name": name, "source_queue": source, "config_hash": "h1", **extra}
    return post(http, "/streams/v1/queries", body)


def state(http: httpx.Client, query: str, pid: str) -> tuple[dict[str, Any], int]:
    body = {"query_id": query, "partition_id": pid, "with_version": True}
    answer = post(http, "/streams/v1/state/get", body)
    return {r["key"]: r["value"] for r in answer["rows"]}, answer["version"]


def test_every_cycle_bumps_the_version_and_a_stale_one_is_refused(
    http: httpx.Client, queue: str
) -> None:
    query = register(http, f"{queue}-q", queue)["query_id"]
    items = push(http, queue, [1, 2], partition="p")
    pid = items[0]["partition_id"]
    assert state(http, query, pid) == ({}, 0)
    base = {"query_id": query, "partition_id": pid, "consumer_group": "g"}
    first = post(
        http,
        "/streams/v1/cycle",
        {**base, "expect_version": 0, "state_ops": [{"type": "upsert", "key": "k", "value": 1}]},
    )
    assert (first["success"], first["state_version"]) == (True, 1)
    delivered = pop(http, queue, "p", consumerGroup="g", batch=2)
    stale = post(
        http,
        "/streams/v1/cycle",
        {
            **base,
            "expect_version": 0,
            "state_ops": [{"type": "upsert", "key": "k", "value": 2}],
            "push_items": [{"queue": f"{queue}-out", "payload": {"x": 1}}],
            "ack": {"transactionId": items[1]["transaction_id"], "leaseId": delivered["leaseId"]},
        },
    )
    assert stale["success"] is False
    assert stale["error"] == "state version mismatch: expected 0, found 1"
    assert stale["state_version"] == 1
    # nothing of the refused cycle happened: state, sink and source are as they were
    assert state(http, query, pid) == ({"k": 1}, 1)
    assert pop(http, f"{queue}-out")["messages"] == []
    assert post(http, "/streams/v1/cycle", {**base, "expect_version": 1})["state_version"] == 2


def test_a_cycle_sent_again_is_answered_not_applied_twice(http: httpx.Client, queue: str) -> None:
    query = register(http, f"{queue}-q", queue)["query_id"]
    items = push(http, queue, ["a", "b"], partition="p")
    pid = items[0]["partition_id"]
    delivered = pop(http, queue, "p", consumerGroup="g", batch=2)
    cycle = {
        "query_id": query,
        "partition_id": pid,
        "consumer_group": "g",
        "expect_version": 0,
        "cycle_id": "cycle-1",
        "state_ops": [{"type": "upsert", "key": "n", "value": 2}],
        "push_items": [{"queue": f"{queue}-out", "payload": {"n": 2}}],
        "ack": {
            "transactionId": items[1]["transaction_id"],
            "leaseId": delivered["leaseId"],
            "count": 2,
        },
    }
    applied = post(http, "/streams/v1/cycle", cycle)
    assert (applied["success"], applied["state_version"], applied.get("replayed")) == (
        True,
        1,
        None,
    )
    again = post(http, "/streams/v1/cycle", cycle)
    assert again["success"] is True
    assert again["replayed"] is True
    assert again["state_version"] == 1
    assert data_of(pop(http, f"{queue}-out", batch=10)) == [{"n": 2}]  # pushed once
    assert state(http, query, pid) == ({"n": 2}, 1)
    # another cycle id after it is a new cycle (and this one is stale)
    other = post(http, "/streams/v1/cycle", {**cycle, "cycle_id": "cycle-2"})
    assert other["error"] == "state version mismatch: expected 0, found 1"


def test_state_operations_per_key_last_one_wins(http: httpx.Client, queue: str) -> None:
    query = register(http, f"{queue}-q", queue)["query_id"]
    pid = push(http, queue, ["e"])[0]["partition_id"]
    ops = [
        {"type": "upsert", "key": "a", "value": 1},
        {"type": "delete", "key": "a"},
        {"type": "delete", "key": "b"},
        {"type": "upsert", "key": "b", "value": {"v": 2}},
        {"type": "upsert", "key": "c", "value": 3},
        {"type": "upsert", "key": "c", "value": 4},
        {"type": "upsert", "key": "d"},
    ]
    answer = post(
        http, "/streams/v1/cycle", {"query_id": query, "partition_id": pid, "state_ops": ops}
    )
    assert answer["state_ops_applied"] == 7
    assert state(http, query, pid)[0] == {"b": {"v": 2}, "c": 4, "d": {}}


def test_registration_lists_partitions_with_state_and_reset_bumps_versions(
    http: httpx.Client, queue: str
) -> None:
    name = f"{queue}-q"
    fresh = register(http, name, queue, with_partitions=True)
    assert fresh["partitions"] == []
    query = fresh["query_id"]
    pids = {p: push(http, queue, ["e"], partition=p)[0]["partition_id"] for p in ("a", "b", "c")}
    for p in ("a", "c"):
        body = {
            "query_id": query,
            "partition_id": pids[p],
            "state_ops": [{"type": "upsert", "key": "w", "value": {}}],
        }
        post(http, "/streams/v1/cycle", body)
    again = register(http, name, queue, with_partitions=True)
    assert again["partitions"] == [
        {"partition_id": pids["a"], "partition": "a"},
        {"partition_id": pids["c"], "partition": "c"},
    ]
    reset = register(http, name, queue, config_hash="h2", reset=True, with_partitions=True)
    assert (reset["reset"], reset["partitions"]) == (True, [])
    assert state(http, query, pids["a"]) == ({}, 2)  # wiped, and a runner's copy is now stale
    body = {"query_id": query, "partition_id": pids["a"], "expect_version": 1}
    assert post(http, "/streams/v1/cycle", body)["success"] is False


def test_upstream_shaped_requests_get_upstream_shaped_answers(
    http: httpx.Client, queue: str
) -> None:
    registered = register(http, f"{queue}-q", queue)
    assert set(registered) == {"success", "query_id", "name", "config_hash", "fresh", "reset"}
    pid = push(http, queue, ["e"])[0]["partition_id"]
    base = {"query_id": registered["query_id"], "partition_id": pid}
    read = post(http, "/streams/v1/state/get", base)
    assert set(read) == {"success", "rows"}
    done = post(http, "/streams/v1/cycle", base)
    assert "state_version" not in done
    assert done["success"] is True
    failed = post(http, "/streams/v1/cycle", {**base, "state_ops": [{"type": "x", "key": "k"}]})
    assert "state_version" not in failed
    assert failed["success"] is False
    assert state(http, registered["query_id"], pid)[1] == 1  # the version moved all the same


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("expect_version", -1, "expect_version must be a non-negative integer, got -1"),
        ("expect_version", "3", "expect_version must be a non-negative integer, got '3'"),
        ("expect_version", True, "expect_version must be a non-negative integer, got true"),
        ("cycle_id", 7, "cycle_id must be a string, got 7"),
        ("cycle_id", "x" * 300, "cycle_id must be at most 255 characters, got 300"),
    ],
)
def test_bad_extension_fields_are_400(
    http: httpx.Client, queue: str, field: str, value: Any, error: str
) -> None:
    query = register(http, f"{queue}-q", queue)["query_id"]
    pid = push(http, queue, ["e"])[0]["partition_id"]
    body = {"query_id": query, "partition_id": pid, field: value}
    assert post(http, "/streams/v1/cycle", body, status=400) == {"error": error}


def test_extension_flags_must_be_booleans(http: httpx.Client, queue: str) -> None:
    body = {"name": f"{queue}-q", "source_queue": queue, "config_hash": "h", "with_partitions": 1}
    assert post(http, "/streams/v1/queries", body, status=400) == {
        "error": "with_partitions must be a boolean, got 1"
    }
    query = register(http, f"{queue}-q", queue)["query_id"]
    pid = push(http, queue, ["e"])[0]["partition_id"]
    body = {"query_id": query, "partition_id": pid, "with_version": "yes"}
    assert post(http, "/streams/v1/state/get", body, status=400) == {
        "error": "with_version must be a boolean, got 'yes'"
    }
