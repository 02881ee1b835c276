"""The generated endpoint modules build requests and survive Queen's transport quirks."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import httpx
import pytest

import queen_generated
from queen_generated import Client
from queen_generated.api.data import (
    ack_message,
    commit_transaction,
    extend_lease,
    pop_partition,
    pop_queue,
    push_messages,
)
from queen_generated.models import (
    AckResult,
    DbErrorBody,
    ErrorBody,
    PopResponse,
    PushItem,
    PushRequest,
    PushResult,
)

CLIENT = Client(base_url="http://queen.test")


def response(status: int, body: bytes, content_type: str | None = "application/json") -> Any:
    headers = {"content-type": content_type} if content_type else {}
    return httpx.Response(status, content=body, headers=headers)


def test_every_generated_module_imports_and_exposes_the_standard_functions() -> None:
    endpoint_modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(queen_generated.__path__, "queen_generated.")
        if info.name.startswith("queen_generated.api.") and not info.ispkg
    ]
    assert endpoint_modules
    for module in endpoint_modules:
        for name in ("request_kwargs", "sync_detailed", "asyncio_detailed"):
            assert callable(getattr(module, name)), f"{module.__name__}.{name}"


def test_request_kwargs_sends_only_the_query_parameters_that_were_set() -> None:
    assert pop_queue.request_kwargs("orders") == {
        "method": "get",
        "url": "/api/v1/pop/queue/orders",
        "params": {},
    }
    kwargs = pop_partition.request_kwargs(
        "orders", "p1", batch=10, wait=True, timeout=5000, consumer_group="g1"
    )
    assert kwargs["url"] == "/api/v1/pop/queue/orders/partition/p1"
    assert kwargs["params"] == {"consumerGroup": "g1", "batch": 10, "wait": True, "timeout": 5000}


def test_request_kwargs_passes_plain_json_bodies_through_untouched() -> None:
    body = {"items": [{"queue": "orders", "payload": {"n": 1}, "extra": [1, 2]}]}
    kwargs = push_messages.request_kwargs(body=body)
    assert kwargs == {
        "method": "post",
        "url": "/api/v1/push",
        "json": body,
        "headers": {"Content-Type": "application/json"},
    }
    assert kwargs["json"] is body


def test_request_kwargs_serialises_models_with_wire_field_names() -> None:
    model = PushRequest(items=[PushItem(queue="orders", transaction_id="t1", payload=[1])])
    kwargs = push_messages.request_kwargs(body=model)
    assert kwargs["json"] == {
        "items": [
            {"queue": "orders", "partition": "Default", "transactionId": "t1", "payload": [1]}
        ]
    }


def test_request_kwargs_puts_path_parameters_in_the_url() -> None:
    kwargs = extend_lease.request_kwargs("lease-1", body={"seconds": 30})
    assert kwargs["url"] == "/api/v1/lease/lease-1/extend"
    assert kwargs["json"] == {"seconds": 30}


def test_empty_bodies_parse_to_none() -> None:
    for status in (200, 201, 204):
        parsed = pop_queue._parse_response(client=CLIENT, response=response(status, b""))
        assert parsed is None, status


def test_error_objects_in_http_200_parse_into_the_error_models() -> None:
    parsed = ack_message._parse_response(
        client=CLIENT,
        response=response(200, b'{"success":false,"error":"ERROR:  invalid input syntax\\n"}'),
    )
    assert isinstance(parsed, DbErrorBody)
    assert parsed.error.startswith("ERROR:")
    parsed = commit_transaction._parse_response(
        client=CLIENT, response=response(200, b'{"error":"operations array required"}')
    )
    assert isinstance(parsed, ErrorBody)
    assert parsed.error == "operations array required"


def test_success_bodies_parse_into_the_success_models() -> None:
    parsed = ack_message._parse_response(
        client=CLIENT,
        response=response(
            200,
            b'[{"index":0,"transactionId":"t","success":true,"error":null,"queueName":"q",'
            b'"partitionName":"Default","leaseReleased":null,"dlq":false}]',
        ),
    )
    assert isinstance(parsed, list)
    assert isinstance(parsed[0], AckResult)
    assert parsed[0].success is True
    assert parsed[0].lease_released is None
    parsed = pop_queue._parse_response(
        client=CLIENT,
        response=response(200, b'{"success":false,"error":"lease_held","messages":[]}'),
    )
    assert isinstance(parsed, PopResponse)
    assert parsed.error == "lease_held"
    assert parsed.messages == []


def test_push_results_created_with_201_parse() -> None:
    parsed = push_messages._parse_response(
        client=CLIENT,
        response=response(
            201,
            b'[{"index":0,"transaction_id":"t","status":"queued","message_id":"m",'
            b'"partition_id":"p","trace_id":null,"queueName":"q"}]',
        ),
    )
    assert isinstance(parsed, list)
    assert isinstance(parsed[0], PushResult)
    assert parsed[0].queue_name == "q"


def test_non_json_bodies_where_json_is_declared_parse_to_none() -> None:
    html = b"<html><body><h1>File Not Found</h1></body></html>"
    assert pop_queue._parse_response(client=CLIENT, response=response(404, html, None)) is None


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500, 503])
def test_error_statuses_parse_into_error_body(status: int) -> None:
    parsed = push_messages._parse_response(
        client=CLIENT, response=response(status, b'{"error":"nope"}')
    )
    assert isinstance(parsed, ErrorBody)
    assert parsed.error == "nope"
