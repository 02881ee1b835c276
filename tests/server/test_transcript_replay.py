"""Replay every recorded upstream exchange against a fresh ``queen_server``.

Each transcript file (``tests/fixtures/transcripts``) is replayed in recording
order, files in an order that satisfies their dependencies (the queues, messages, leases and
groups one file's requests use are made by earlier files). Names and ids of the recorded run
are mapped to the fresh run's:

* the run's ``tr…`` name prefix is replaced by a fresh one;
* message, partition, transaction and lease ids and streams query ids are learned, in order,
  from the fresh answers to the requests that created them (push, pop, transaction, trace
  record, streams) and substituted in later requests;
* timestamps in requests are moved onto the fresh run's clock, relative to the messages the
  pops delivered (a time between two recorded messages lands between the same two fresh ones).

Every answer must have upstream's status and **shape**: the same keys, types and nesting (not
values). Within a body ``null`` matches any type (a nullable field) and an empty list matches
any list; an empty body is the empty result and matches ``null``, ``[]`` or ``{}``. Bodies
keyed by names (a consumer group's detail is keyed by queue) compare their values' shapes.

Where this server deliberately answers otherwise, the exchange is listed in
``DIFFERENCES`` (exchange, what differs, why) with a check that the difference still holds.
"""

from __future__ import annotations

import importlib.util
import json
import re
import socket
import sys
import time
import uuid
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from queen_server.launch import ServerProcess

from .conftest import new_database

#: the recorded upstream exchanges, kept in the repository as test fixtures
TRANSCRIPTS = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"

#: replay order: every file only needs what the files before it created
FILES = [
    "health",
    "metrics",
    "configure",
    "push",
    "pop",
    "ack",
    "transaction",
    "lease",
    "traces",
    "dlq",
    "messages",
    "status",
    "stats",
    "consumer_groups",
    "streams",
    "system",
    "resources",
    "errors",
]

RECORDED_PREFIX = re.compile(r"tr\d{10}-[0-9a-f]{4}")
UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}(?::|%3A)\d{2}(?::|%3A)\d{2}(?:\.\d+)?Z")
#: answers whose ids the fresh run's later requests must use, and the keys that carry them
LEARN_FROM = [
    ("POST", re.compile(r"^/api/v1/push$")),
    ("GET", re.compile(r"^/api/v1/pop/")),
    ("POST", re.compile(r"^/api/v1/transaction$")),
    ("POST", re.compile(r"^/api/v1/traces$")),
    ("POST", re.compile(r"^/streams/v1/")),
]
ID_KEYS = {
    "message_id",
    "partition_id",
    "transaction_id",
    "messageId",
    "partitionId",
    "transactionId",
    "leaseId",
    "traceId",
    "query_id",
}
#: answers that are objects keyed by names (compared by their values' shapes)
KEYED_BY_NAME = [("GET", re.compile(r"^/api/v1/consumer-groups/(?!lagging$)[^/]+$"))]
EMPTY = (None, [], {})
#: keys whose values are user payloads or state, compared as "any JSON value"
OPAQUE = {"data", "payload", "message_payload", "value"}


# -- what may differ, and why -----------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """A deliberate difference: ``holds(answer)`` checks it is still what this server does."""

    what: str
    why: str
    holds: Callable[[Answer], bool]


def _bad_input(answer: Answer) -> bool:
    return answer.status == 400 and isinstance(answer.body, dict) and "error" in answer.body


def _extension(answer: Answer) -> bool:
    return answer.status in (200, 400) and answer.body is not None


BAD_INPUT_WHY = "bad input gets a 4xx naming the field and value, never a 200 error body or a 500"
EXTENSION_WHY = "upstream clients call this route; upstream lacks it, this server serves it"

DIFFERENCES: dict[tuple[str, str], Difference] = {
    # bad input: 400 instead of upstream's 200 SQL-error body or 500 type error
    **{
        (source, name): Difference(what, BAD_INPUT_WHY, _bad_input)
        for source, name, what in [
            (
                "configure",
                "configure with namespace null, numeric task and options not an object",
                "400 (upstream: 200 type_error text)",
            ),
            (
                "configure",
                'configure with an uncastable option value (leaseTime "abc")',
                "400 (upstream: 200 SQL error)",
            ),
            ("configure", "configure with negative leaseTime", "400 (upstream stores it)"),
            (
                "push",
                "push with an invalid (non-UUID) traceId",
                "400 (upstream answers buffered and never stores the item)",
            ),
            (
                "push",
                "push with a 300-character partition name",
                "400 (upstream answers buffered and never stores the item)",
            ),
            ("pop", "pop partition route with batch=-1", "400 (upstream: 200 SQL error)"),
            ("ack", "ack with non-UUID partitionId", "400 (upstream: 200 SQL error)"),
            (
                "transaction",
                "transaction with non-UUID partitionId in ack",
                "400 (upstream: 200 failure body)",
            ),
            ("lease", "extend lease with seconds as a string", "400 (upstream: 500)"),
            ("traces", "record trace with non-UUID partitionId", "400 (upstream: 200 SQL error)"),
            ("traces", "record trace with eventType null", "400 (upstream: 500)"),
            (
                "messages",
                "message detail with non-UUID partitionId",
                "400 (upstream: 200 SQL error)",
            ),
            ("messages", "delete with non-UUID partitionId", "400 (upstream: 200 SQL error)"),
            (
                "status",
                "status analytics with an invalid interval",
                "400 naming the interval (upstream: 200 SQL error)",
            ),
            (
                "status",
                "analytics with an invalid from timestamp",
                "400 naming the field (upstream: 200 SQL error)",
            ),
            ("consumer_groups", "lagging groups minLagSeconds=abc", "400 (upstream: 500 'stoi')"),
            (
                "consumer_groups",
                "update subscription with an invalid timestamp",
                "400 (upstream: 200 SQL error)",
            ),
            (
                "consumer_groups",
                "update subscription with numeric subscriptionTimestamp",
                "400 (upstream: 500)",
            ),
            ("consumer_groups", "seek with invalid timestamp", "400 (upstream: 200 SQL error)"),
            ("consumer_groups", "seek with toEnd as a string", "400 (upstream: 500)"),
            ("streams", "state/get with non-UUID query_id", "400 (upstream: 200 SQL error)"),
            ("streams", "cycle with non-UUID query_id", "400 (upstream: 200 failure body)"),
            ("errors", "push: empty queue name", '400 (upstream creates a queue named "")'),
            (
                "push",
                "push to a unicode queue name with unicode partition and payload",
                "400 naming the character (upstream stores names no URL path reaches unescaped)",
            ),
            ("errors", "lease extend: seconds is a string of letters", "400 (upstream: 500)"),
            ("errors", "traces: consumerGroup null", "400 (upstream: 500)"),
        ]
    },
    ("configure", 'configure with option values as strings ("45", "4", "true")'): Difference(
        "converts and stores them, answers the configure body",
        "upstream's stored procedure converts them too; only its route answers a type_error",
        lambda a: a.status == 200 and isinstance(a.body, dict) and a.body.get("configured"),
    ),
    ("configure", "configure with queue name only (no namespace/task/options)"): Difference(
        "answers the normal configure body",
        "upstream applies the change but answers a type_error text",
        lambda a: a.status == 200 and isinstance(a.body, dict) and a.body.get("configured"),
    ),
    ("configure", "configure with an empty options object"): Difference(
        "answers the normal configure body",
        "upstream applies the change but answers a type_error text",
        lambda a: a.status == 200 and isinstance(a.body, dict) and a.body.get("configured"),
    ),
    **{
        (source, name): Difference(
            "the partition is still leased: {success: false, error: lease_held}",
            "wildcard pops offer partitions least recently claimed first, then by age (upstream's "
            'order is unspecified): the replayed "pop from queue (any partition)" leased p1 '
            "where upstream's leased Default",
            lambda a: isinstance(a.body, dict) and a.body.get("error") == "lease_held",
        )
        for source, name in [
            ("pop", "pop from named partition p1, batch=10"),
            ("ack", "re-pop p1 after failed ack (redelivered under new lease)"),
        ]
    },
    **{
        (source, name): Difference(
            "400 from the HTTP parser",
            "a request line must be ASCII (RFC 9112): clients percent-encode; upstream accepts "
            "raw UTF-8 bytes",
            lambda a: a.status == 400,
        )
        for source, name in [
            ("pop", "pop unicode queue with raw UTF-8 bytes in the path (raw socket)"),
            ("resources", "delete queue with unicode name via raw UTF-8 path (raw socket)"),
        ]
    },
    **{
        ("health", name): Difference(
            "200 with an empty body and no CORS headers",
            "CORS is off unless origins are configured (--cors-origin): upstream allows every "
            "origin, so any web page a developer opens could drive a server on their machine",
            lambda a: (
                a.status == 200
                and a.raw_body == b""
                and "access-control-allow-origin" not in a.headers
            ),
        )
        for name in [
            "CORS preflight OPTIONS on an API path",
            "CORS preflight OPTIONS on an unknown path",
        ]
    },
    ("transaction", "transaction: ack failed (immediate DLQ) + flat push op"): Difference(
        "the ack is refused (Invalid or expired lease) and nothing is applied",
        "while a partition is leased, an ack must carry that lease's id: upstream lets anyone "
        "ack without one, freeing the owner's lease and moving the cursor",
        lambda a: (
            isinstance(a.body, dict)
            and a.body.get("success") is False
            and "Invalid or expired lease" in str(a.body.get("error"))
        ),
    ),
    ("ack", "ack/batch with empty acknowledgments array (never answered)"): Difference(
        "answers 200 []",
        "upstream never answers this request",
        lambda a: a.status == 200 and a.body in EMPTY,
    ),
    ("traces", "traces by name with offset=1"): Difference(
        "traces is the requested page (a list), not null",
        "upstream applies limit/offset to one aggregated row; its documentation promises paging",
        lambda a: isinstance(a.body, dict) and isinstance(a.body.get("traces"), list),
    ),
    **{
        ("dlq", name): Difference(
            "adds total; the page is a list",
            "upstream's documentation promises total and working limit/offset",
            lambda a: (
                isinstance(a.body, dict)
                and isinstance(a.body.get("total"), int)
                and isinstance(a.body.get("messages"), list)
            ),
        )
        for name in [
            "DLQ listing for the queue",
            "DLQ listing filtered by consumerGroup",
            "DLQ listing with limit=1",
            "DLQ listing with offset=1",
            "DLQ listing with partition filter (ignored)",
            "DLQ listing for transaction source queue",
            "DLQ listing for an unknown queue",
            "DLQ listing, no filters, limit=3",
        ]
    },
    ("status", "status queue messages with offset=1"): Difference(
        "answers the requested page (a list)",
        "upstream applies limit/offset to one aggregated row and answers {success, value: null}",
        lambda a: isinstance(a.body, list),
    ),
    ("streams", "register with a different hash, no reset"): Difference(
        "status 409 with upstream's body",
        "upstream's documentation (and its SDK) expect 409 Conflict; upstream sends 200",
        lambda a: a.status == 409 and isinstance(a.body, dict) and a.body.get("success") is False,
    ),
    (
        "system",
        "pop during pop maintenance (raw socket, shows bytes after the 204 headers)",
    ): Difference(
        "204 without a body",
        "upstream writes a body after its 204, which corrupts kept-alive connections",
        lambda a: a.status == 204 and a.raw_body == b"",
    ),
    (
        "errors",
        "wrong method: HEAD /health (raw socket: a body follows the HEAD response)",
    ): Difference(
        "404 without a body",
        "a body after a HEAD answer corrupts the connection",
        lambda a: a.status == 404 and a.raw_body == b"",
    ),
    ("errors", "non-existent route: GET / (root)"): Difference(
        "serves the web console (an HTML page)",
        "upstream serves its dashboard at / when the dashboard bundle is installed; this "
        "server ships its console",
        lambda a: a.status == 200 and (a.content_type or "").startswith("text/html"),
    ),
    **{
        ("errors", name): Difference("served", EXTENSION_WHY, _extension)
        for name in [
            "client-only route: GET /api/v1/pop?namespace=&task=",
            "client-only route: DELETE /api/v1/queues/{q}/clear",
            "client-only route: GET /api/v1/resources/partitions",
            "client-only route: POST /api/v1/messages/{p}/{t}/retry",
            "client-only route: POST /api/v1/messages/{p}/{t}/dlq",
        ]
    },
}


# -- the fresh run ----------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    content_type: str | None
    raw_body: bytes
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def _decode(content_type: str | None, raw: bytes) -> Any:
    if not raw:
        return None
    text = raw.decode("utf-8", "replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def send(
    base_url: str, method: str, path: str, headers: dict[str, str], body: bytes | None
) -> Answer:
    """One request over a fresh connection, bytes as given (paths may hold raw UTF-8)."""
    url = urlsplit(base_url)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {url.netloc}", "Connection: close"]
    lines += [f"{key}: {value}" for key, value in headers.items()]
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    with socket.create_connection((url.hostname, url.port), timeout=60) as sock:
        sock.sendall(head + (body or b""))
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    raw = b"".join(chunks)
    header_bytes, _, payload = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = header_bytes.decode("latin-1").split("\r\n")
    received = {
        k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in header_lines)
    }
    length = int(received.get("content-length", len(payload)))
    payload = payload[:length]
    content_type = received.get("content-type")
    return Answer(
        int(status_line.split()[1]),
        content_type,
        payload,
        _decode(content_type, payload),
        received,
    )


@dataclass
class Mapper:
    """Recorded names, ids and times → the fresh run's."""

    prefix: str
    ids: dict[str, str] = field(default_factory=dict)
    anchors: list[tuple[datetime, datetime]] = field(default_factory=list)

    # requests

    def text(self, value: str) -> str:
        value = RECORDED_PREFIX.sub(self.prefix, value)
        for recorded, fresh in self.ids.items():
            if recorded in value:
                value = value.replace(recorded, fresh)
        return TIMESTAMP_RE.sub(self._time, value)

    def json(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(v) for v in value]
        if isinstance(value, dict):
            return {self.text(k): self.json(v) for k, v in value.items()}
        return value

    def _time(self, match: re.Match[str]) -> str:
        raw = match.group(0)
        encoded = "%3A" in raw
        recorded = _parse_time(raw.replace("%3A", ":"))
        fresh = self.fresh_time(recorded)
        text = fresh.strftime("%Y-%m-%dT%H:%M:%S.") + f"{fresh.microsecond // 1000:03d}Z"
        return text.replace(":", "%3A") if encoded else text

    def fresh_time(self, recorded: datetime) -> datetime:
        if not self.anchors:
            return datetime.now(timezone.utc) - (_recording_end() - recorded)
        points = sorted(self.anchors)
        keys = [r for r, _ in points]
        i = bisect_left(keys, recorded)
        if i < len(points) and keys[i] == recorded:
            return points[i][1]
        if i == 0:
            return points[0][1] - (points[0][0] - recorded)
        if i == len(points):
            return points[-1][1] + (recorded - points[-1][0])
        (r0, f0), (r1, f1) = points[i - 1], points[i]
        share = (recorded - r0) / (r1 - r0)
        return f0 + (f1 - f0) * share

    # answers

    def learn(self, recorded: Any, fresh: Any, key: str | None = None) -> None:
        if isinstance(recorded, dict) and isinstance(fresh, dict):
            for k in recorded.keys() & fresh.keys():
                self.learn(recorded[k], fresh[k], k)
            self._anchor(recorded, fresh)
        elif isinstance(recorded, list) and isinstance(fresh, list):
            for r, f in zip(recorded, fresh, strict=False):
                self.learn(r, f, key)
        elif (
            key in ID_KEYS
            and isinstance(recorded, str)
            and isinstance(fresh, str)
            and UUID_RE.match(recorded)
            and UUID_RE.match(fresh)
            and recorded not in self.ids
        ):
            self.ids[recorded] = fresh

    def _anchor(self, recorded: dict[str, Any], fresh: dict[str, Any]) -> None:
        """A delivered message's createdAt, when it is the same message in both runs."""
        rec_id, fresh_id = recorded.get("id"), fresh.get("id")
        rec_at, fresh_at = recorded.get("createdAt"), fresh.get("createdAt")
        if isinstance(rec_id, str) and self.ids.get(rec_id) == fresh_id and rec_at and fresh_at:
            self.anchors.append((_parse_time(rec_at), _parse_time(fresh_at)))


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _recording_end() -> datetime:
    return datetime(2026, 11, 28, 8, 41, 30, tzinfo=timezone.utc)


# -- shapes -----------------------------------------------------------------------------------


def shape(value: Any) -> Any:
    """Keys, types and nesting of a JSON value (lists: the merged shape of their items).

    User payloads (``OPAQUE`` keys) are any JSON value: their content is not the server's.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        merged: Any = None
        for item in value:
            merged = merge(merged, shape(item))
        return [] if merged is None else [merged]
    return {k: "json" if k in OPAQUE else shape(v) for k, v in value.items()}


def merge(a: Any, b: Any) -> Any:
    """One shape covering both (a key missing on one side is optional, null is nullable)."""
    if a is None or b is None:
        return b if a is None else a
    if a == "null":
        return b
    if b == "null" or a == b:
        return a
    if isinstance(a, dict) and isinstance(b, dict):
        return {k: merge(a.get(k), b.get(k)) for k in a.keys() | b.keys()}
    if isinstance(a, list) and isinstance(b, list):
        return [merge(a[0] if a else None, b[0] if b else None)] if a or b else []
    return f"{a}|{b}"


def differences(recorded: Any, fresh: Any, where: str = "$") -> list[str]:
    """Where the two shapes disagree (empty: same shape)."""
    if recorded == "null" or fresh == "null":
        return []
    if isinstance(recorded, dict) and isinstance(fresh, dict):
        problems = [f"{where}.{k}: missing" for k in sorted(recorded.keys() - fresh.keys())]
        problems += [f"{where}.{k}: extra" for k in sorted(fresh.keys() - recorded.keys())]
        for k in sorted(recorded.keys() & fresh.keys()):
            problems += differences(recorded[k], fresh[k], f"{where}.{k}")
        return problems
    if isinstance(recorded, list) and isinstance(fresh, list):
        if not recorded or not fresh:
            return []
        return differences(recorded[0], fresh[0], f"{where}[]")
    # a merged "a|b" shape (e.g. number|string) matches any of its members
    if (
        isinstance(recorded, str)
        and isinstance(fresh, str)
        and set(recorded.split("|")) & set(fresh.split("|"))
    ):
        return []
    return [f"{where}: {recorded} vs {fresh}"]


def _keyed_by_name(value: Any) -> Any:
    if isinstance(value, dict):
        merged: Any = None
        for item in value.values():
            merged = merge(merged, shape(item))
        return {"<name>": merged} if merged is not None else {}
    return shape(value)


def compare(method: str, path: str, recorded: dict[str, Any], fresh: Answer) -> list[str]:
    if recorded["status"] != fresh.status:
        return [f"status {recorded['status']} vs {fresh.status}"]
    rec_type = (recorded.get("content_type") or "").split(";")[0]
    fresh_type = (fresh.content_type or "").split(";")[0]
    if rec_type != fresh_type and recorded["body"] is not None:
        return [f"content type {rec_type!r} vs {fresh_type!r}"]
    rec_body, fresh_body = recorded["body"], fresh.body
    if rec_body in EMPTY or fresh_body in EMPTY:
        if rec_body in EMPTY and fresh_body in EMPTY:
            return []
        if rec_body is None or fresh_body is None:
            return [f"empty vs non-empty body: {rec_body!r:.80} / {fresh_body!r:.80}"]
    route = path.split("?", 1)[0]
    if any(m == method and p.match(route) for m, p in KEYED_BY_NAME):
        return differences(_keyed_by_name(rec_body), _keyed_by_name(fresh_body))
    return differences(shape(rec_body), shape(fresh_body))


# -- the replay -------------------------------------------------------------------------------


@dataclass
class Outcome:
    source: str
    name: str
    problems: list[str]
    #: the exchange as this server answered it (the transcripts' record format)
    fresh: dict[str, Any] = field(default_factory=dict)


def _request_bytes(request: dict[str, Any], mapper: Mapper) -> bytes | None:
    body = request.get("body")
    if request.get("raw_body"):
        return mapper.text(body).encode("utf-8") if isinstance(body, str) else b""
    if body is None:
        return None
    return json.dumps(mapper.json(body)).encode("utf-8")


def _buffer_drained(base_url: str) -> None:
    """Wait until the maintenance buffer is replayed (a background job does it, as upstream)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        answer = send(base_url, "GET", "/api/v1/system/maintenance", {}, None)
        if answer.body["bufferedMessages"] == 0:
            return
        time.sleep(0.1)
    raise AssertionError("the maintenance buffer was not replayed within 60 s")


#: before these exchanges, wait for what upstream had finished by then
SETTLE = {("system", "pop replayed buffered message from partition Default"): _buffer_drained}


def replay(base_url: str) -> list[Outcome]:
    mapper = Mapper(prefix=f"tr{uuid.uuid4().int % 10**10:010d}-{uuid.uuid4().hex[:4]}")
    outcomes = []
    for source in FILES:
        exchanges = json.loads((TRANSCRIPTS / f"{source}.json").read_text(encoding="utf-8"))
        for exchange in exchanges:
            key = (source, exchange["name"])
            if key in SETTLE:
                SETTLE[key](base_url)
            request = exchange["request"]
            method = request["method"]
            path = mapper.text(request["path"])
            headers = {k: v for k, v in (request.get("headers") or {}).items()}
            answer = send(base_url, method, path, headers, _request_bytes(request, mapper))
            recorded = exchange["response"]
            route = path.split("?", 1)[0]
            if recorded is not None and any(m == method and p.match(route) for m, p in LEARN_FROM):
                mapper.learn(recorded["body"], answer.body)
            if key in DIFFERENCES:
                problems = (
                    []
                    if DIFFERENCES[key].holds(answer)
                    else [
                        f"listed difference no longer holds: {DIFFERENCES[key].what}; got "
                        f"{answer.status} {answer.raw_body[:200]!r}"
                    ]
                )
            elif recorded is None:
                problems = ["upstream never answered: list it as a difference"]
            else:
                problems = compare(method, path, recorded, answer)
            fresh = {
                "name": exchange["name"],
                "request": {**request, "path": path, "body": mapper.json(request.get("body"))},
                "response": {
                    "status": answer.status,
                    "content_type": answer.content_type,
                    "body": answer.body,
                },
            }
            outcomes.append(Outcome(source, exchange["name"], problems, fresh))
    return outcomes


@pytest.fixture(scope="module")
def replayed(pg_dsn: str) -> Iterator[list[Outcome]]:
    with ServerProcess(new_database(pg_dsn, "qs_replay")) as server:
        yield replay(server.url)


def test_every_recorded_exchange_is_replayed(replayed: list[Outcome]) -> None:
    recorded = sum(
        len(json.loads((TRANSCRIPTS / f"{s}.json").read_text(encoding="utf-8"))) for s in FILES
    )
    assert {p.name for p in TRANSCRIPTS.glob("*.json")} == {f"{s}.json" for s in FILES}
    assert len(replayed) == recorded


def test_answers_have_upstreams_status_and_shape(replayed: list[Outcome]) -> None:
    failures = [
        f"{o.source} / {o.name}: {'; '.join(o.problems)}"
        for o in replayed
        if o.problems and (o.source, o.name) not in DIFFERENCES
    ]
    assert failures == []


def test_listed_differences_still_hold(replayed: list[Outcome]) -> None:
    names = {(o.source, o.name) for o in replayed}
    assert set(DIFFERENCES) <= names, set(DIFFERENCES) - names
    broken = [
        f"{o.source} / {o.name}: {'; '.join(o.problems)}"
        for o in replayed
        if (o.source, o.name) in DIFFERENCES and o.problems
    ]
    assert broken == []


def _contract_support() -> Any:
    """The contract tests' validator (tests/contract/contract_support.py), loaded by path."""
    path = Path(__file__).resolve().parents[1] / "contract" / "contract_support.py"
    module_spec = importlib.util.spec_from_file_location("contract_support", path)
    assert module_spec is not None
    assert module_spec.loader is not None
    module = sys.modules.get("contract_support") or importlib.util.module_from_spec(module_spec)
    if "contract_support" not in sys.modules:
        sys.modules["contract_support"] = module
        module_spec.loader.exec_module(module)
    return module


def test_answers_validate_against_the_contract(replayed: list[Outcome]) -> None:
    """What this server answers is what openapi.yaml describes (outside the listed differences)."""
    support = _contract_support()
    contract = support.Contract(support.load_spec())
    failures = []
    for index, outcome in enumerate(replayed):
        if (outcome.source, outcome.name) in DIFFERENCES:
            continue
        checked = contract.check(support.Exchange(outcome.source, index, outcome.fresh))
        if checked.problems:
            failures.append(f"{outcome.source} / {outcome.name}: {'; '.join(checked.problems)}")
    assert failures == []


def test_replay_figures(replayed: list[Outcome], capsys: pytest.CaptureFixture[str]) -> None:
    matches = sum(1 for o in replayed if not o.problems and (o.source, o.name) not in DIFFERENCES)
    listed = sum(1 for o in replayed if (o.source, o.name) in DIFFERENCES)
    with capsys.disabled():
        print(
            f"\ntranscript replay: {len(replayed)} exchanges, {matches} same status and shape, "
            f"{listed} listed differences"
        )
    assert matches + listed == len(replayed)
