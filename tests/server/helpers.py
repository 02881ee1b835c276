"""Small HTTP helpers for the server tests."""

from __future__ import annotations

from typing import Any

import httpx

from queen_server import validate
from queen_server.routes.ack import AckItems


def push(
    http: httpx.Client, queue: str, payloads: list[Any], partition: str = "Default", **extra: Any
) -> list[dict[str, Any]]:
    items = [{"queue": queue, "partition": partition, "payload": p, **extra} for p in payloads]
    response = http.post("/api/v1/push", json={"items": items})
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()
    return result


def pop(http: httpx.Client, queue: str, partition: str | None = None, **params: Any) -> Any:
    path = f"/api/v1/pop/queue/{queue}"
    if partition is not None:
        path += f"/partition/{partition}"
    response = http.get(
        path, params={k: str(v).lower() if isinstance(v, bool) else v for k, v in params.items()}
    )
    assert response.status_code == 200, response.text
    return response.json()


def ack(
    http: httpx.Client, message: dict[str, Any], status: str = "completed", **extra: Any
) -> dict[str, Any]:
    body = {
        "transactionId": message["transactionId"],
        "partitionId": message["partitionId"],
        "leaseId": message["leaseId"],
        "status": status,
        **extra,
    }
    response = http.post("/api/v1/ack", json=body)
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()
    assert len(result) == 1
    return result[0]


def configure(http: httpx.Client, queue: str, **options: Any) -> dict[str, Any]:
    response = http.post("/api/v1/configure", json={"queue": queue, "options": options})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def data_of(body: dict[str, Any]) -> list[Any]:
    return [m["data"] for m in body["messages"]]


def completed_acks(entries: list[dict[str, Any]]) -> AckItems:
    """``entries`` (popped messages or ack entries: transactionId, partitionId, leaseId) as
    the items of a 'completed' ack in queue mode."""
    items = AckItems()
    for e in entries:
        items.add(
            e["transactionId"],
            e["partitionId"],
            "completed",
            validate.QUEUE_MODE,
            e["leaseId"],
            None,
        )
    return items
