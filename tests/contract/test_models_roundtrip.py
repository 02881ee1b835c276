"""The generated endpoint parsers read every recorded response body and round-trip it.

For each recorded exchange routed to an operation, the endpoint module's own parser reads the
recorded body; the result must be the model the spec selects for that body (the first member of
a union that validates) and `to_dict()` must give back exactly the recorded JSON, so no field is
lost or renamed.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import httpx
import pytest
from contract_support import (
    COVERAGE,
    TRANSCRIPTS,
    Contract,
    Exchange,
    load_exchanges,
    load_spec,
)

import queen_generated.models
from queen_generated import Client

# Exchanges that reached an operation and got an answer (unrouted ones have no parser).
_ROUTER = Contract(load_spec())
EXCHANGES = [
    e
    for e in load_exchanges(TRANSCRIPTS)
    if e.response and _ROUTER.route(e.method, e.path) is not None
]
PARAMS = [pytest.param(e, id=e.id) for e in EXCHANGES]
CLIENT = Client(base_url="http://queen.test")


def to_wire(parsed: Any) -> Any:
    if hasattr(parsed, "to_dict"):
        return parsed.to_dict()
    if isinstance(parsed, list):
        return [to_wire(item) for item in parsed]
    return parsed


def model_names(parsed: Any) -> Any:
    if hasattr(parsed, "to_dict"):
        return type(parsed).__name__
    if isinstance(parsed, list):
        return [model_names(item) for item in parsed]
    return None


def expected_names(contract: Contract, schema_pointer: str, value: Any) -> Any:
    """Which generated model the spec selects for `value` (mirrors the generator's unions)."""
    schema = contract.resolve(schema_pointer)
    if "$ref" in schema:
        target = schema["$ref"][1:]
        if target.startswith("/components/schemas/") and is_model(contract.resolve(target)):
            return target.rsplit("/", 1)[1]
        return expected_names(contract, target, value)
    if "anyOf" in schema:
        for index in range(len(schema["anyOf"])):
            member = f"{schema_pointer}/anyOf/{index}"
            if contract.is_valid(member, value):
                return expected_names(contract, member, value)
        raise AssertionError(f"no member of {schema_pointer} accepts the body")
    if schema.get("type") == "array" and isinstance(value, list):
        return [expected_names(contract, f"{schema_pointer}/items", item) for item in value]
    return None


def is_model(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object"


def parse(exchange: Exchange, operation_id: str, tag: str) -> Any:
    response = exchange.response
    assert response is not None
    body = response["body"]
    content = (
        b""
        if body is None
        else body.encode()
        if isinstance(body, str)
        else json.dumps(body).encode()
    )
    headers = {"content-type": response["content_type"]} if response["content_type"] else {}
    module = importlib.import_module(f"queen_generated.api.{tag}.{operation_id}")
    return module._parse_response(
        client=CLIENT, response=httpx.Response(response["status"], content=content, headers=headers)
    )


@pytest.mark.parametrize("exchange", PARAMS)
def test_generated_parser_round_trips_the_recorded_body(
    contract: Contract, exchange: Exchange
) -> None:
    op = contract.route(exchange.method, exchange.path)
    assert op is not None
    response = exchange.response
    assert response is not None
    parsed = parse(exchange, op.operation_id, op.data["tags"][0])
    body = response["body"]
    if body is None or response["status"] == 204:  # a 204 has no content, whatever follows it
        assert parsed is None
        return
    content_type = (response["content_type"] or "").split(";")[0]
    if content_type != "application/json":
        if content_type.startswith("text/"):
            assert parsed == body
        else:
            assert parsed is None, "a body that is not JSON parses to None"
        return
    found = contract.response_pointer(op, response["status"])
    assert found is not None
    expected = expected_names(contract, f"{found}/content/application~1json/schema", body)
    assert model_names(parsed) == expected
    assert to_wire(parsed) == body
    COVERAGE.models.update(flatten(expected))


def flatten(names: Any) -> list[str]:
    if isinstance(names, list):
        return [n for item in names for n in flatten(item)]
    return [names] if names else []


def test_models_module_exports_every_component_object_schema(spec: dict[str, Any]) -> None:
    objects = {name for name, schema in spec["components"]["schemas"].items() if is_model(schema)}
    missing = sorted(name for name in objects if not hasattr(queen_generated.models, name))
    assert not missing
