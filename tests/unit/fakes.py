"""A tiny stateful stand-in for the pop/ack endpoints, for respx."""

from __future__ import annotations

import json
from typing import Any

import httpx
import respx

PARTITION_ID = "fe2dbd79-ff15-449d-8801-255c2146aba1"


def make_messages(count: int, group: str = "__QUEUE_MODE__") -> list[dict[str, Any]]:
    return [
        {
            "id": f"id-{i}",
            "transactionId": f"t-{i}",
            "traceId": None,
            "data": {"n": i},
            "producerSub": None,
            "createdAt": "2026-04-26T10:59:28.267966Z",
            "partitionId": PARTITION_ID,
            "partition": "Default",
            "leaseId": f"L-{i}",
            "consumerGroup": group,
        }
        for i in range(count)
    ]


class FakeQueue:
    """Hands out messages in order and records every ack."""

    def __init__(self, router: respx.MockRouter, queue: str, count: int) -> None:
        self.pending = make_messages(count)
        self.acks: list[dict[str, Any]] = []
        self.renewals: list[tuple[str, Any]] = []
        self.ack_answer: dict[str, Any] = {"success": True}
        router.get(f"/api/v1/pop/queue/{queue}").mock(side_effect=self._pop)
        router.post("/api/v1/ack").mock(side_effect=self._ack)
        router.post("/api/v1/ack/batch").mock(side_effect=self._ack_batch)
        router.post(url__regex=r"/api/v1/lease/.+/extend").mock(side_effect=self._renew)

    def _pop(self, request: httpx.Request) -> httpx.Response:
        batch = int(request.url.params.get("batch", "1"))
        taken, self.pending = self.pending[:batch], self.pending[batch:]
        return httpx.Response(200, json={"success": True, "messages": taken})

    def _ack(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.acks.append(body)
        return httpx.Response(
            200, json=[{**self.ack_answer, "transactionId": body["transactionId"]}]
        )

    def _ack_batch(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.acks.extend(body["acknowledgments"])
        return httpx.Response(
            200,
            json=[
                {**self.ack_answer, "transactionId": a["transactionId"]}
                for a in body["acknowledgments"]
            ],
        )

    def _renew(self, request: httpx.Request) -> httpx.Response:
        lease = request.url.path.split("/")[4]
        self.renewals.append((lease, json.loads(request.content)))
        return httpx.Response(200, json=[{"leaseId": lease, "success": True, "error": None}])

    def statuses(self) -> list[tuple[str, str]]:
        return [(a["transactionId"], a["status"]) for a in self.acks]
