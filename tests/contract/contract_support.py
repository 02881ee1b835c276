"""Matching recorded upstream exchanges to `openapi.yaml` and validating them with jsonschema.

How an exchange is checked (the rules the contract tests apply and the README describes):

* **Routing.** The request's method and raw path (query string dropped) are matched against the
  spec's path templates; a template parameter matches one non-empty path segment, and the
  template with the most literal segments wins. Every path item lists the CORS preflight
  (`OPTIONS`). A request that matches no operation is *unrouted*: its response is checked
  against `components.responses.CorsPreflight` for `OPTIONS` (upstream answers preflights on
  every path) and `components.responses.Unrouted` (a 404) for any other method.
* **Responses.** The response object is looked up by exact status, then by range (`4XX`), then
  `default`; the recorded body must validate against the schema of the media type named by the
  recorded `Content-Type`. A response without `Content-Type` is `application/octet-stream`
  (RFC 9110, section 8.3). An empty body is the wire form of an empty result (`null`, `[]` or
  `{}` for JSON, `""` for text): it validates when the response declares no content or when one
  of those values validates. A 204 has no content (RFC 9110, section 15.3.5): bytes that
  upstream writes after one are not part of the response.
* **Requests.** For operations with a request body: when the server accepted the request (2xx)
  and did not answer with a failure body (a top-level `success: false` or non-null `error`), the
  request body must validate; when the server rejected it (4xx/5xx) or never answered, the
  request body must *not* validate, so the spec encodes the server's input checks. A body that
  is not JSON never validates. Failure answers in a 2xx are not asserted either way (the request
  may be valid and still fail, e.g. an unknown message). Operations without a request body
  ignore any body sent, and query strings are parsed leniently upstream, so neither is checked.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:queen-mq:openapi"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
EMPTY_JSON_RESULTS: tuple[Any, ...] = (None, [], {})
NOT_JSON = object()
#: the media type of a response sent without ``Content-Type`` (RFC 9110, section 8.3)
UNLABELLED = "application/octet-stream"


@dataclass(frozen=True)
class Exchange:
    """One recorded request/response pair."""

    source: str
    index: int
    record: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.source}[{self.index}] {self.record['name']}"

    @property
    def method(self) -> str:
        return str(self.record["request"]["method"]).lower()

    @property
    def path(self) -> str:
        return str(self.record["request"]["path"]).split("?", 1)[0]

    @property
    def response(self) -> dict[str, Any] | None:
        response: dict[str, Any] | None = self.record["response"]
        return response

    def request_body(self) -> Any:
        """The request body as JSON; `NOT_JSON` for text that does not parse (or is empty)."""
        request = self.record["request"]
        body = request["body"]
        if not request.get("raw_body"):
            return body
        try:
            return json.loads(body)
        except ValueError:
            return NOT_JSON


def load_exchanges(folder: Path) -> list[Exchange]:
    return [
        Exchange(path.name, index, record)
        for path in sorted(folder.glob("*.json"))
        for index, record in enumerate(json.loads(path.read_text(encoding="utf-8")))
    ]


def pointer(*parts: str) -> str:
    """A JSON pointer into the spec from raw keys."""
    return "/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


@dataclass(frozen=True)
class Operation:
    #: the operationId; the CORS preflight listed on every path item (which has none) is
    #: ``cors_preflight``, the operation the generated client sends it with
    operation_id: str
    method: str
    template: str
    pointer: str
    data: dict[str, Any]

    @property
    def has_request_body(self) -> bool:
        return "requestBody" in self.data


@dataclass
class Outcome:
    """What validating one exchange found; `problems` empty means it validated."""

    operation: Operation | None
    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Contract:
    """The spec, its router and jsonschema validators for any schema inside it."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        resource = Resource.from_contents(spec, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self.operations = [
            Operation(
                item[method].get("operationId") or "cors_preflight",
                method,
                template,
                pointer("paths", template, method),
                item[method],
            )
            for template, item in spec["paths"].items()
            for method in METHODS
            if method in item
        ]
        self.by_id = {op.operation_id: op for op in self.operations if "operationId" in op.data}
        self._validators: dict[str, Draft202012Validator] = {}
        self._templates = [
            (op, [re.escape(s) if not s.startswith("{") else None for s in op.template.split("/")])
            for op in self.operations
        ]

    # ----------------------------------------------------------------- lookup
    def resolve(self, json_pointer: str) -> Any:
        node: Any = self.spec
        for raw in json_pointer.strip("/").split("/"):
            key = raw.replace("~1", "/").replace("~0", "~")
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def route(self, method: str, path: str) -> Operation | None:
        segments = path.split("/")
        best: tuple[int, Operation] | None = None
        for op, parts in self._templates:
            if op.method != method or len(parts) != len(segments):
                continue
            literal = 0
            for part, segment in zip(parts, segments, strict=True):
                if part is None:
                    if not segment:
                        break
                elif re.fullmatch(part, segment):
                    literal += 1
                else:
                    break
            else:
                if best is None or literal > best[0]:
                    best = (literal, op)
        return best[1] if best else None

    def response_pointer(self, op: Operation, status: int) -> str | None:
        responses = op.data["responses"]
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in responses:
                found = pointer("paths", op.template, op.method, "responses", key)
                ref = responses[key].get("$ref")
                return ref[1:] if ref else found
        return None

    def validator(self, schema_pointer: str) -> Draft202012Validator:
        """A validator for the schema at `schema_pointer`, its `$ref`s resolved in the spec."""
        if schema_pointer not in self._validators:
            self._validators[schema_pointer] = Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{schema_pointer}"}, registry=self.registry
            )
        return self._validators[schema_pointer]

    def is_valid(self, schema_pointer: str, value: Any) -> bool:
        return bool(self.validator(schema_pointer).is_valid(value))

    def errors(self, schema_pointer: str, value: Any) -> list[str]:
        found = sorted(
            self.validator(schema_pointer).iter_errors(value), key=lambda e: list(e.path)
        )
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}" for e in found
        ]

    # ----------------------------------------------------------------- validation
    def check(self, exchange: Exchange) -> Outcome:
        op = self.route(exchange.method, exchange.path)
        outcome = Outcome(op)
        response = exchange.response
        if op is None:
            self._check_unrouted(exchange, outcome)
            return outcome
        if response is None:
            self._check_request(op, exchange, expect_valid=False, outcome=outcome)
            return outcome
        status = int(response["status"])
        self._check_response(op, status, response, outcome)
        if 200 <= status < 300:
            if not is_failure_body(response["body"]):
                self._check_request(op, exchange, expect_valid=True, outcome=outcome)
        else:
            self._check_request(op, exchange, expect_valid=False, outcome=outcome)
        return outcome

    def _check_unrouted(self, exchange: Exchange, outcome: Outcome) -> None:
        response = exchange.response
        expected, answer = unrouted_answer(exchange.method)
        if response is None or response["status"] not in expected:
            outcome.problems.append(f"unrouted {exchange.method} must be answered {expected}")
            return
        self._check_body(answer, response, outcome)

    def _check_response(
        self, op: Operation, status: int, response: dict[str, Any], outcome: Outcome
    ) -> None:
        found = self.response_pointer(op, status)
        if found is None:
            outcome.problems.append(f"{op.operation_id}: status {status} is not documented")
            return
        self._check_body(found, response, outcome)

    def _check_body(
        self, response_pointer: str, response: dict[str, Any], outcome: Outcome
    ) -> None:
        content: dict[str, Any] = self.resolve(response_pointer).get("content", {})
        body = None if response["status"] == 204 else response["body"]
        outcome.checked.append(f"response {response['status']} vs {response_pointer}")
        if not content:
            if body not in (None, ""):
                outcome.problems.append(f"{response_pointer} declares no body, got {body!r:.80}")
            return
        media_type = media_type_of(response)
        if media_type not in content:
            outcome.problems.append(f"{response_pointer}: undeclared type {media_type}")
            return
        schema_at = f"{response_pointer}/content/{media_type.replace('/', '~1')}/schema"
        candidates = body_candidates(media_type, body)
        if any(value is not NOT_JSON and self.is_valid(schema_at, value) for value in candidates):
            return
        failures = self.errors(schema_at, candidates[0])[:5]
        outcome.problems.append(f"response body vs {response_pointer}: " + "; ".join(failures))

    def _check_request(
        self, op: Operation, exchange: Exchange, *, expect_valid: bool, outcome: Outcome
    ) -> None:
        if not op.has_request_body:
            return
        schema_at = f"{op.pointer}/requestBody/content/application~1json/schema"
        body = exchange.request_body()
        valid = body is not NOT_JSON and self.is_valid(schema_at, body)
        outcome.checked.append(
            f"request ({'valid' if expect_valid else 'rejected'}) vs {schema_at}"
        )
        if expect_valid and not valid:
            detail = "not JSON" if body is NOT_JSON else "; ".join(self.errors(schema_at, body)[:5])
            outcome.problems.append(f"accepted request body does not validate: {detail}")
        if not expect_valid and valid:
            outcome.problems.append("the server rejected this request body but the spec accepts it")


def unrouted_answer(method: str) -> tuple[tuple[int, ...], str]:
    """The statuses and the response component an unrouted request is answered with."""
    if method == "options":
        return (200, 204), "/components/responses/CorsPreflight"
    return (404,), "/components/responses/Unrouted"


def media_type_of(response: dict[str, Any]) -> str:
    """The recorded response's media type (without parameters)."""
    recorded = (response.get("content_type") or "").split(";")[0].strip().lower()
    return recorded or UNLABELLED


def body_candidates(media_type: str, body: Any) -> list[Any]:
    """The values an (possibly empty) recorded body stands for under `media_type`."""
    if body is None:
        return list(EMPTY_JSON_RESULTS) if media_type.endswith("json") else [""]
    return [body]


def is_failure_body(body: Any) -> bool:
    """A 2xx body the client must read as a failure (protocol: errors inside HTTP 200)."""
    return isinstance(body, dict) and (
        body.get("success") is False or body.get("error") is not None
    )


REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "openapi.yaml"
TRANSCRIPTS = REPO / "tests" / "fixtures" / "transcripts"


def load_spec() -> dict[str, Any]:
    """The parsed `openapi.yaml`."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


class Coverage:
    """Counts what the transcript tests validated, for the line printed after the run."""

    def __init__(self) -> None:
        self.total_exchanges = 0
        self.total_operations = 0
        self.validated: set[str] = set()
        self.operations: set[str] = set()
        self.unrouted = 0
        self.models: set[str] = set()
        #: what the openapi-core test validated, by kind
        self.openapi_core: Counter[str] = Counter()

    def start(self, *, total_exchanges: int, total_operations: int) -> None:
        self.total_exchanges = total_exchanges
        self.total_operations = total_operations

    def record(self, exchange: Exchange, outcome: Outcome) -> None:
        self.validated.add(exchange.id)
        if outcome.operation is None:
            self.unrouted += 1
        else:
            self.operations.add(outcome.operation.operation_id)

    def summary_lines(self) -> list[str]:
        lines = []
        if self.openapi_core:
            counts = self.openapi_core
            lines.append(
                f"openapi-core: {counts['responses']} responses, "
                f"{counts['accepted requests']} accepted and {counts['rejected requests']} "
                f"rejected request bodies validated, {counts['unrouted']} unrouted exchanges"
            )
        if not self.total_exchanges:
            return lines
        return [
            *lines,
            f"exchanges validated {len(self.validated)}/{self.total_exchanges}, "
            f"operations exercised {len(self.operations)}/{self.total_operations} "
            f"({self.unrouted} unrouted exchanges checked against components.responses.Unrouted "
            "or, for OPTIONS, CorsPreflight)",
            f"generated response models round-tripped from recorded bodies: {len(self.models)}",
        ]


COVERAGE = Coverage()
