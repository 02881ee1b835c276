"""A scripted workload for the console tests, through the public API only.

It builds what a developer would want to look at: the README's traced order (``order-12345``
handed from ``orders`` to ``shipments``), a lagging consumer group, a dead-lettered shipment,
and values that would run as script if the console ever rendered them as markup.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

#: would run, or add an element, if rendered as HTML
SCRIPT_PROBE = "<script>window.__xss = 'script'</script>"
ATTRIBUTE_PROBE = '"><img src=x onerror="window.__xss = \'img\'">'
PROBE = SCRIPT_PROBE + ATTRIBUTE_PROBE
#: a queue name the server accepts (URL-safe characters only) that still means markup when
#: decoded as HTML: rendered right it reads "&lt;b&gt;", not a bold tag
MARKUP_QUEUE_SUFFIX = "&lt;b&gt;'(1)"


@dataclass
class Workload:
    """Names and ids the tests look for."""

    run: str
    orders: str
    shipments: str
    markup_queue: str
    trace_name: str = "order-12345"
    probe_trace_name: str = ""
    probe_group: str = ""
    dlq_message: dict[str, Any] = field(default_factory=dict)
    junk_message: dict[str, Any] = field(default_factory=dict)
    probe_message: dict[str, Any] = field(default_factory=dict)
    traced_messages: list[dict[str, Any]] = field(default_factory=list)


class Api:
    """Small helpers over httpx that fail loudly on any error answer."""

    def __init__(self, url: str, token: str | None = None) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.http = httpx.Client(base_url=url, timeout=30, headers=headers)

    def close(self) -> None:
        self.http.close()

    def _check(self, response: httpx.Response) -> Any:
        assert response.status_code < 300, (response.request.url, response.text)
        body = response.json() if response.content else None
        assert not (isinstance(body, dict) and body.get("success") is False), body
        return body

    def get(self, path: str, **params: Any) -> Any:
        return self._check(self.http.get(path, params=params))

    def post(self, path: str, body: Any) -> Any:
        return self._check(self.http.post(path, json=body))

    def configure(self, queue: str, **options: Any) -> None:
        namespace = options.pop("namespace", "")
        task = options.pop("task", "")
        self.post(
            "/api/v1/configure",
            {"queue": queue, "namespace": namespace, "task": task, "options": options},
        )

    def push(self, queue: str, partition: str, payloads: list[Any]) -> list[dict[str, Any]]:
        items = [{"queue": queue, "partition": partition, "payload": p} for p in payloads]
        answer: list[dict[str, Any]] = self.post("/api/v1/push", {"items": items})
        assert all(item["status"] == "queued" for item in answer), answer
        return answer

    def pop(
        self, queue: str, group: str | None = None, batch: int = 1, partition: str | None = None
    ) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"batch": batch}
        if group is not None:
            params["consumerGroup"] = group
        path = f"/api/v1/pop/queue/{queue}" + (f"/partition/{partition}" if partition else "")
        answer = self.http.get(path, params=params).json()
        messages: list[dict[str, Any]] = answer.get("messages") or []
        return messages

    def ack(self, message: dict[str, Any], status: str = "completed", error: str = "") -> None:
        answer = self.post(
            "/api/v1/ack",
            {
                "transactionId": message["transactionId"],
                "partitionId": message["partitionId"],
                "leaseId": message["leaseId"],
                "consumerGroup": message["consumerGroup"],
                "status": status,
                "error": error,
            },
        )
        assert answer[0]["success"], answer

    def trace(self, message: dict[str, Any], names: list[str], event: str, text: str) -> None:
        self.post(
            "/api/v1/traces",
            {
                "transactionId": message["transactionId"],
                "partitionId": message["partitionId"],
                "consumerGroup": message["consumerGroup"],
                "traceNames": names,
                "eventType": event,
                "data": {"text": text},
            },
        )


def build(url: str, token: str | None = None) -> Workload:
    """Create the queues and messages on the server at ``url`` (with ``token``, a bearer token
    allowed to write, when the server authenticates)."""
    run = uuid.uuid4().hex[:6]
    work = Workload(
        run=run,
        orders=f"orders-{run}",
        shipments=f"shipments-{run}",
        markup_queue=f"x{MARKUP_QUEUE_SUFFIX}-{run}",
        probe_trace_name=f"probe-{run}-{PROBE}",
        probe_group=f"group-{run}-{PROBE}",
    )
    api = Api(url, token)
    try:
        api.configure(work.orders, namespace="shop", task="billing", leaseTime=60)
        api.configure(work.shipments, namespace="shop", task="shipping", retryLimit=0)
        api.configure(work.markup_queue, namespace="probe", retryLimit=0)

        # the README's traced order: paid in `orders`, then shipped from `shipments`
        api.push(work.orders, "eu", [{"orderId": 12345, "amount": 99.5}])
        (order,) = api.pop(work.orders, "fulfilment", partition="eu")
        api.trace(order, [work.trace_name], "step", "payment accepted")
        api.push(work.shipments, "eu", [{"orderId": 12345, "address": "Main St 1"}])
        api.ack(order)
        (shipment,) = api.pop(work.shipments, "shipping", partition="eu")
        api.trace(shipment, [work.trace_name], "step", "label printed")
        api.trace(shipment, [work.trace_name], "info", "handed to the carrier")
        api.ack(shipment)
        work.traced_messages = [order, shipment]

        # a backlog the `fulfilment` group has not read: lag on two partitions
        api.push(work.orders, "eu", [{"orderId": n, "amount": n} for n in range(1, 13)])
        api.push(work.orders, "us", [{"orderId": n, "amount": n} for n in range(13, 30)])

        # undeliverable shipments: retryLimit 0, so one failure dead-letters each
        api.push(work.shipments, "us", [{"orderId": 777, "address": "nowhere"}])
        (doomed,) = api.pop(work.shipments, "shipping", partition="us")
        api.ack(doomed, "failed", "ValueError: undeliverable address for order 777")
        work.dlq_message = doomed
        api.push(work.shipments, "ap", [{"orderId": 778, "address": "nowhere either"}])
        (junk,) = api.pop(work.shipments, "shipping", partition="ap")
        api.ack(junk, "failed", "ValueError: undeliverable address for order 778")
        work.junk_message = junk

        # the probes: a payload, a DLQ error text, a trace name and a consumer group name
        api.push(work.markup_queue, "Default", [{"note": PROBE, PROBE: [PROBE]}])
        (probe,) = api.pop(work.markup_queue, work.probe_group)
        api.trace(probe, [work.probe_trace_name], "error", PROBE)
        api.ack(probe, "failed", PROBE)
        work.probe_message = probe
        return work
    finally:
        api.close()
