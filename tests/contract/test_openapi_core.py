"""Every recorded exchange validates against `openapi.yaml` with openapi-core too.

A second, independent reading of the contract: openapi-core finds the server, path and operation
itself, deserializes the bytes by media type and validates them with its own OpenAPI 3.1 schema
handling. The exchange rules are those of `contract_support` (the jsonschema validator):

* the response must validate (`iter_response_errors`); an empty body stands for the empty result
  (`null`, `[]` or `{}` for JSON) and validates when one of them does; a response without
  `Content-Type` is `application/octet-stream`;
* a request body the server accepted must validate, one it rejected must not, read as JSON
  whatever its `Content-Type` says (upstream does not look at it); query strings, parsed
  leniently upstream, are not checked;
* a request openapi-core finds no operation for must be one the jsonschema router calls unrouted,
  answered as `contract_support.unrouted_answer` says (the spec's `Unrouted` / `CorsPreflight`).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from contract_support import (
    COVERAGE,
    TRANSCRIPTS,
    Contract,
    Exchange,
    is_failure_body,
    load_exchanges,
    media_type_of,
    unrouted_answer,
)
from openapi_core import Config, OpenAPI
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.request.validators import V31RequestBodyValidator

EXCHANGES = load_exchanges(TRANSCRIPTS)
PARAMS = [pytest.param(e, id=e.id) for e in EXCHANGES]
EMPTY_JSON_BODIES = (b"null", b"[]", b"{}")
COUNTS = COVERAGE.openapi_core


@pytest.fixture(scope="module")
def responses_api(spec: dict[str, Any]) -> OpenAPI:
    return OpenAPI.from_dict(spec)


@pytest.fixture(scope="module")
def bodies_api(spec: dict[str, Any]) -> OpenAPI:
    return OpenAPI.from_dict(spec, config=Config(request_validator_cls=V31RequestBodyValidator))


@pytest.fixture(scope="module")
def server(spec: dict[str, Any]) -> str:
    return str(spec["servers"][0]["url"])


def request_for(exchange: Exchange, server: str) -> MockRequest:
    """The recorded request; a body is read as JSON whatever its Content-Type."""
    recorded = exchange.record["request"]
    url = urlsplit(str(recorded["path"]))
    body = recorded["body"]
    if body is None:
        data = b""
    elif recorded.get("raw_body"):
        data = str(body).encode()
    else:
        data = json.dumps(body).encode()
    return MockRequest(
        server,
        exchange.method,
        url.path,
        args=dict(parse_qsl(url.query, keep_blank_values=True)),
        data=data,
        content_type="application/json",
    )


def response_bodies(response: dict[str, Any]) -> list[bytes]:
    """The bytes to validate; an empty JSON body stands for each empty JSON result."""
    body = response["body"]
    media_type = media_type_of(response)
    if body is None:
        return list(EMPTY_JSON_BODIES) if media_type.endswith("json") else [b""]
    if isinstance(body, str) and not media_type.endswith("json"):
        return [body.encode()]
    return [json.dumps(body).encode()]


def response_errors(api: OpenAPI, request: MockRequest, response: dict[str, Any]) -> list[str]:
    """openapi-core's complaints about the recorded response ([] when one reading validates)."""
    found: list[str] = []
    for data in response_bodies(response):
        mock = MockResponse(
            data, status_code=int(response["status"]), content_type=media_type_of(response)
        )
        errors = list(api.iter_response_errors(request, mock))
        if not errors:
            return []
        found = found or [f"{type(e).__name__}: {e}"[:300] for e in errors]
    return found


def finds_no_operation(api: OpenAPI, request: MockRequest) -> bool:
    dummy = MockResponse(b"", status_code=200, content_type="")
    return any(isinstance(e, PathError) for e in api.iter_response_errors(request, dummy))


@pytest.mark.parametrize("exchange", PARAMS)
def test_exchange_validates_with_openapi_core(
    contract: Contract,
    responses_api: OpenAPI,
    bodies_api: OpenAPI,
    server: str,
    exchange: Exchange,
) -> None:
    request = request_for(exchange, server)
    response = exchange.response
    routed = contract.route(exchange.method, exchange.path)
    if finds_no_operation(responses_api, request):
        assert routed is None, f"openapi-core finds no operation, the router finds {routed}"
        expected, _ = unrouted_answer(exchange.method)
        assert response is not None
        assert response["status"] in expected
        COUNTS["unrouted"] += 1
        return
    assert routed is not None, "openapi-core finds an operation the router does not"
    if response is not None:
        assert response_errors(responses_api, request, response) == []
        COUNTS["responses"] += 1
    if not routed.has_request_body:
        return
    accepted = response is not None and response["status"] < 300
    if accepted and response is not None and is_failure_body(response["body"]):
        return  # a valid request may still fail (e.g. an unknown message): not asserted
    errors = list(bodies_api.iter_request_errors(request))
    if accepted:
        assert errors == [], [str(e) for e in errors]
        COUNTS["accepted requests"] += 1
    else:
        assert errors, "the server rejected this request body but openapi-core accepts it"
        COUNTS["rejected requests"] += 1


def test_both_validators_read_the_empty_body_and_a_missing_content_type_alike() -> None:
    """The shared rules this module relies on, on values (not on the transcripts)."""
    assert response_bodies({"status": 200, "content_type": "application/json", "body": None}) == [
        b"null",
        b"[]",
        b"{}",
    ]
    assert media_type_of({"content_type": None}) == "application/octet-stream"
    assert media_type_of({"content_type": "application/json; charset=utf-8"}) == (
        "application/json"
    )
    assert unrouted_answer("options")[1] == "/components/responses/CorsPreflight"
    assert unrouted_answer("get") == ((404,), "/components/responses/Unrouted")


def test_openapi_core_rejects_what_the_spec_forbids(
    responses_api: OpenAPI, bodies_api: OpenAPI, server: str
) -> None:
    """The validator is live: a wrong answer and a wrong request body are reported."""
    push = MockRequest(
        server, "post", "/api/v1/push", data=b'{"items": [{"payload": 1}]}'
    )  # no queue
    assert list(bodies_api.iter_request_errors(push))
    wrong_answer = MockResponse(b'[{"index": "zero", "status": "queued"}]', status_code=201)
    assert list(responses_api.iter_response_errors(push, wrong_answer))
    empty_201 = MockResponse(b"", status_code=201)
    assert list(responses_api.iter_response_errors(push, empty_201))
