"""Bad input always gets a 4xx ``{"error": ...}`` naming the problem, never a 500."""

from __future__ import annotations

import uuid

import httpx
import pytest

from .helpers import data_of, pop, push

PID = str(uuid.uuid4())

CASES: list[tuple[str, str, object, int, str]] = [
    ("POST", "/api/v1/push", b'{"items": [', 400, "Invalid JSON"),
    ("POST", "/api/v1/push", b"", 400, "Empty request body"),
    ("POST", "/api/v1/push", [], 400, "items array is required"),
    ("POST", "/api/v1/push", "items", 400, "items array is required"),
    ("POST", "/api/v1/push", b"null", 400, "items array is required"),
    ("POST", "/api/v1/push", {"items": {"queue": "q"}}, 400, "items array is required"),
    ("POST", "/api/v1/push", {"items": [{"payload": {}}]}, 400, "Queue must be a string"),
    ("POST", "/api/v1/push", {"items": [{"queue": 5}]}, 400, "items[0].queue"),
    ("POST", "/api/v1/push", {"items": [{"queue": ""}]}, 400, "items[0].queue must not be empty"),
    ("POST", "/api/v1/push", {"items": [{"queue": "q" * 256}]}, 400, "at most 255"),
    ("POST", "/api/v1/push", {"items": [{"queue": "q", "partition": 3}]}, 400, "Partition"),
    (
        "POST",
        "/api/v1/push",
        {"items": [{"queue": "q", "partition": "P" * 300}]},
        400,
        "at most 255 characters, got 300",
    ),
    ("POST", "/api/v1/push", {"items": [{"queue": "q", "transactionId": 3}]}, 400, "TransactionId"),
    ("POST", "/api/v1/push", {"items": [{"queue": "q", "traceId": 3}]}, 400, "TraceId"),
    (
        "POST",
        "/api/v1/push",
        {"items": [{"queue": "q", "traceId": "not-a-uuid"}]},
        400,
        "items[0].traceId must be a UUID, got 'not-a-uuid'",
    ),
    ("POST", "/api/v1/push", {"items": [{"queue": "q"}, {"queue": None}]}, 400, "items[1]"),
    ("POST", "/api/v1/push", {"items": [{"queue": "q"}] * 10001}, 400, "at most 10000"),
    ("POST", "/api/v1/push", {"items": [{"queue": "q", "payload": "\u0000"}]}, 400, ""),
    ("POST", "/api/v1/configure", b"{queue: x}", 400, "Invalid JSON"),
    ("POST", "/api/v1/configure", {"options": {}}, 400, "queue is required"),
    ("POST", "/api/v1/configure", {"queue": 1}, 400, "queue is required"),
    (
        "POST",
        "/api/v1/configure",
        {"queue": "q", "options": {"leaseTime": "abc"}},
        400,
        "options.leaseTime must be an integer, got 'abc'",
    ),
    (
        "POST",
        "/api/v1/configure",
        {"queue": "q", "options": {"leaseTime": -5}},
        400,
        "options.leaseTime",
    ),
    (
        "POST",
        "/api/v1/configure",
        {"queue": "q", "options": {"retryLimit": 10**12}},
        400,
        "options.retryLimit",
    ),
    ("POST", "/api/v1/configure", {"queue": "q", "options": "fast"}, 400, "options must be"),
    ("POST", "/api/v1/configure", {"queue": "q", "task": 7}, 400, "task must be a string"),
    ("POST", "/api/v1/ack", {"partitionId": PID}, 400, "transactionId is required"),
    ("POST", "/api/v1/ack", {"transactionId": "x"}, 400, "partitionId is required"),
    ("POST", "/api/v1/ack", {"transactionId": 1, "partitionId": PID}, 400, "transactionId"),
    (
        "POST",
        "/api/v1/ack",
        {"transactionId": "x", "partitionId": "not-a-uuid"},
        400,
        "partitionId must be a UUID, got 'not-a-uuid'",
    ),
    ("POST", "/api/v1/ack", b"", 400, "Empty request body"),
    ("POST", "/api/v1/ack/batch", {}, 400, "acknowledgments array is required"),
    (
        "POST",
        "/api/v1/ack/batch",
        {"acknowledgments": [{"transactionId": "x"}]},
        400,
        "partitionId",
    ),
    (
        "POST",
        "/api/v1/ack/batch",
        {"acknowledgments": [{"partitionId": PID}]},
        400,
        "transactionId",
    ),
    (
        "POST",
        "/api/v1/ack/batch",
        {"acknowledgments": [{"transactionId": "x", "partitionId": "zz"}]},
        400,
        "acknowledgments[0].partitionId must be a UUID",
    ),
    (
        # a transactionId PostgreSQL cannot hold as text: refused, not a 500
        "POST",
        "/api/v1/ack/batch",
        {"acknowledgments": [{"transactionId": "a\u0000b", "partitionId": PID}]},
        400,
        "cannot be converted to text",
    ),
    (
        # a good entry first, then bad types: the error names the entry and the field
        "POST",
        "/api/v1/ack/batch",
        {
            "acknowledgments": [
                {"transactionId": "x", "partitionId": PID},
                {"transactionId": "y", "partitionId": PID, "status": 3},
            ]
        },
        400,
        "acknowledgments[1].status must be a string, got 3",
    ),
    (
        "POST",
        "/api/v1/ack/batch",
        {"acknowledgments": [{"transactionId": "x", "partitionId": PID, "leaseId": ["l"]}]},
        400,
        "acknowledgments[0].leaseId must be a string",
    ),
    (
        "POST",
        "/api/v1/ack/batch",
        {"acknowledgments": [{"transactionId": "x", "partitionId": PID, "error": {"e": 1}}]},
        400,
        "acknowledgments[0].error must be a string",
    ),
    ("POST", "/api/v1/transaction", {}, 400, "operations array required"),
    ("POST", "/api/v1/transaction", {"operations": []}, 400, "operations array cannot be empty"),
    (
        "POST",
        "/api/v1/transaction",
        {"operations": {"type": "push"}},
        400,
        "operations array required",
    ),
    (
        "POST",
        "/api/v1/transaction",
        {"operations": [{"type": "ack", "transactionId": "x", "partitionId": "bad"}]},
        400,
        "operations[0].partitionId must be a UUID",
    ),
    (
        "POST",
        "/api/v1/transaction",
        {"operations": [{"type": "push", "items": [{"queue": "q", "traceId": "bad"}]}]},
        400,
        "operations[0].items[0].traceId",
    ),
    (
        "POST",
        f"/api/v1/lease/{PID}/extend",
        {"seconds": "soon"},
        400,
        "seconds must be an integer, got 'soon'",
    ),
    ("POST", f"/api/v1/lease/{PID}/extend", {"seconds": -1}, 400, "seconds"),
    ("POST", f"/api/v1/lease/{PID}/extend", b"", 400, "Empty request body"),
    ("POST", "/api/v1/traces", {"transactionId": "x", "partitionId": PID}, 400, "data is required"),
    (
        "POST",
        "/api/v1/traces",
        {"transactionId": "x", "data": {}},
        400,
        "transactionId and partitionId are required",
    ),
    (
        "POST",
        "/api/v1/traces",
        {"transactionId": "x", "partitionId": PID, "data": {}, "consumerGroup": None},
        400,
        "consumerGroup must be a string, got null",
    ),
    (
        "POST",
        "/api/v1/traces",
        {"transactionId": "x", "partitionId": PID, "data": {}, "eventType": None},
        400,
        "eventType",
    ),
    (
        "POST",
        "/api/v1/traces",
        {"transactionId": "x", "partitionId": "bad", "data": {}},
        400,
        "partitionId must be a UUID",
    ),
    ("POST", "/api/v1/system/maintenance", {"enabled": "yes"}, 400, "enabled (boolean)"),
    ("POST", "/api/v1/system/maintenance/pop", {}, 400, "enabled (boolean)"),
    ("POST", "/internal/api/notify", {}, 400, "queue is required"),
    ("GET", "/api/v1/pop/queue/q/partition/p?batch=-1", None, 400, "batch must not be negative"),
    ("GET", "/api/v1/pop/queue/q?batch=99999999999", None, 400, "batch must be at most"),
    ("GET", "/api/v1/pop/queue/q?wait=true&timeout=-5", None, 400, "timeout"),
    ("GET", "/api/v1/pop/queue/q?wait=true&timeout=999999999", None, 400, "timeout"),
]


@pytest.mark.parametrize(("method", "path", "body", "status", "text"), CASES)
def test_bad_input_is_refused_with_a_named_error(
    http: httpx.Client, method: str, path: str, body: object, status: int, text: str
) -> None:
    if isinstance(body, bytes):
        response = http.request(method, path, content=body)
    elif body is None:
        response = http.request(method, path)
    else:
        response = http.request(method, path, json=body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert isinstance(error, str)
    assert text in error


def test_a_refused_batch_stores_nothing(http: httpx.Client, queue: str) -> None:
    items = [{"queue": queue, "payload": 1}, {"queue": queue, "traceId": "bad"}]
    assert http.post("/api/v1/push", json={"items": items}).status_code == 400
    assert pop(http, queue)["error"] == "no_available_partition"


def test_empty_ack_batch_answers_an_empty_list(http: httpx.Client) -> None:
    response = http.post("/api/v1/ack/batch", json={"acknowledgments": []})
    assert response.status_code == 200
    assert response.json() == []


def test_path_parameters_are_not_percent_decoded(http: httpx.Client, queue: str) -> None:
    name = f"{queue}!x"
    push(http, name, ["u"])
    encoded = http.get(f"/api/v1/pop/queue/{queue}%21x").json()
    assert encoded["error"] == "no_available_partition"
    assert data_of(pop(http, name)) == ["u"]  # "!" travels unescaped


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("7", 7), (" 3rows", 3), ("+2", 2), ("²", None), ("٣", None), ("x9", None), ("", None)],
)
def test_integer_query_values_are_read_like_cs_stoi(raw: str, expected: int | None) -> None:
    from queen_server.web import parse_leading_int

    # only ASCII digits count: "²" and Arabic-Indic "٣" pass str.isdigit() but are not numbers
    assert parse_leading_int(raw, -99) == (-99 if expected is None else expected)


def test_unicode_digits_in_a_query_integer_are_not_a_server_error(http: httpx.Client) -> None:
    for path in ("/api/v1/traces/names", "/api/v1/dlq", "/api/v1/messages"):
        response = http.get(path, params={"limit": "²", "offset": "٣"})
        assert response.status_code == 200, (path, response.text)
