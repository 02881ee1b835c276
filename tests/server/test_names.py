"""Names: every name push or configure accepts is reachable by pop, ack, listing and delete;
every name a URL path cannot carry unescaped is refused with a 400 naming the field, the value
and the character — and nothing is stored."""

from __future__ import annotations

import uuid
from typing import Any

import anyio
import asyncpg
import httpx
import pytest

from queen_server import names

from .helpers import ack, push

#: the names the issue reported as stranded, then one per refused character class
REPORTED = ["sp ace", "sl/ash", "emo😀", "pct%41", "q?x", "hash#1"]
REFUSED_CHARACTERS = [
    " ",
    "/",
    "?",
    "#",
    "%",
    '"',
    "<",
    ">",
    "\\",
    "^",
    "`",
    "{",
    "|",
    "}",
    "\x00",
    "\t",
    "\n",
    "\x1f",
    "\x7f",  # DEL
    "\x85",  # C1 control
    "é",
    "ß",
    "日",
    "\u200b",  # zero-width space
    "\u00a0",  # no-break space
    "😀",
]
#: (name, offending character or None when the whole name is the problem, expected phrase)
BAD_NAMES: list[tuple[str, str | None, str]] = [
    *[(bad, next(c for c in bad if not names.is_valid(c)), "contains") for bad in REPORTED],
    *[(f"a{c}b", c, "contains") for c in REFUSED_CHARACTERS],
    (".", None, "dot segment"),
    ("..", None, "dot segment"),
    ("x" * 256, None, "at most 255 characters, got 256"),
    ("ok" * 100 + "/" + "ok" * 20, "/", "at index 200"),
]

REPORTED_CASES = BAD_NAMES[: len(REPORTED)]

ALL_PUNCTUATION = "a-b.c_d~e!f$g&h'i(j)k*l+m,n;o=p:q@r"


def _id(case: Any) -> str:
    return ascii(case)[:30] if isinstance(case, str) else str(case)


def _expect_refusal(
    response: httpx.Response, field: str, bad: str, char: str | None, phrase: str
) -> None:
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error.startswith(f"{field} "), error
    assert phrase in error
    if len(repr(bad)) <= 80:
        assert repr(bad) in error  # the value, as Python writes it
    if char is not None:
        assert f"{char!r} (U+{ord(char):04X})" in error


async def _stored(pg_dsn: str, candidates: list[str]) -> list[str]:
    """Queue, partition, namespace or task names among ``candidates`` in the database."""
    conn = await asyncpg.connect(pg_dsn)
    try:
        rows = await conn.fetch(
            "SELECT name FROM queen.queues WHERE name = ANY($1::text[])"
            " OR namespace = ANY($1::text[]) OR task = ANY($1::text[])"
            " UNION ALL SELECT name FROM queen.partitions WHERE name = ANY($1::text[])",
            candidates,
        )
    finally:
        await conn.close()
    return [row["name"] for row in rows]


def stored(pg_dsn: str, *candidates: str) -> list[str]:
    # PostgreSQL text cannot hold NUL at all, so such a name cannot have been stored
    return anyio.run(_stored, pg_dsn, [c for c in candidates if "\x00" not in c])


@pytest.mark.parametrize(("bad", "char", "phrase"), BAD_NAMES, ids=_id)
def test_push_refuses_a_name_a_path_cannot_carry(
    http: httpx.Client, pg_dsn: str, queue: str, bad: str, char: str | None, phrase: str
) -> None:
    good = {"queue": queue, "partition": "p1", "payload": 1}
    as_queue = http.post("/api/v1/push", json={"items": [good, {"queue": bad, "payload": 2}]})
    _expect_refusal(as_queue, "items[1].queue", bad, char, phrase)
    as_partition = http.post(
        "/api/v1/push", json={"items": [good, good, {**good, "partition": bad}, good]}
    )
    _expect_refusal(as_partition, "items[2].partition", bad, char, phrase)
    in_transaction = http.post(
        "/api/v1/transaction",
        json={"operations": [{"type": "push", "items": [good, {**good, "partition": bad}]}]},
    )
    _expect_refusal(in_transaction, "operations[0].items[1].partition", bad, char, phrase)
    # the whole request was refused: not even the good items' queue exists
    assert stored(pg_dsn, queue, bad) == []


@pytest.mark.parametrize(("bad", "char", "phrase"), REPORTED_CASES, ids=_id)
def test_a_streams_cycle_refuses_a_sink_name_a_path_cannot_carry(
    http: httpx.Client, pg_dsn: str, queue: str, bad: str, char: str | None, phrase: str
) -> None:
    source = push(http, queue, ["e"])
    registered = http.post(
        "/streams/v1/queries",
        json={"name": f"{queue}-q", "source_queue": queue, "config_hash": "h"},
    )
    assert registered.status_code == 200, registered.text
    sink = f"{queue}-sink"
    cycle = {
        "query_id": registered.json()["query_id"],
        "partition_id": source[0]["partition_id"],
        "state_ops": [{"type": "upsert", "key": "k", "value": {}}],
        "push_items": [{"queue": sink, "payload": 1}, {"queue": sink, "partition": bad}],
    }
    answer = http.post("/streams/v1/cycle", json=cycle)
    _expect_refusal(answer, "push_items[1].partition", bad, char, phrase)
    assert stored(pg_dsn, sink, bad) == []


@pytest.mark.parametrize(("bad", "char", "phrase"), BAD_NAMES, ids=_id)
@pytest.mark.parametrize("field", ["queue", "namespace", "task"])
def test_configure_refuses_a_name_a_path_cannot_carry(
    http: httpx.Client,
    pg_dsn: str,
    queue: str,
    field: str,
    bad: str,
    char: str | None,
    phrase: str,
) -> None:
    body = {"queue": queue, "namespace": "ns", "task": "tk", field: bad}
    _expect_refusal(http.post("/api/v1/configure", json=body), field, bad, char, phrase)
    assert stored(pg_dsn, queue, bad) == []


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"items": [{"queue": ""}]}, "items[0].queue must not be empty"),
        ({"items": [{"queue": "q", "partition": ""}]}, "items[0].partition must not be empty"),
        ({"queue": ""}, "queue must not be empty"),
    ],
)
def test_empty_names_are_refused(http: httpx.Client, body: dict[str, Any], error: str) -> None:
    path = "/api/v1/push" if "items" in body else "/api/v1/configure"
    response = http.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["error"] == error


def test_configure_treats_an_empty_namespace_and_task_as_none(
    http: httpx.Client, queue: str
) -> None:
    response = http.post("/api/v1/configure", json={"queue": queue, "namespace": "", "task": ""})
    assert response.status_code == 200, response.text
    assert (response.json()["namespace"], response.json()["task"]) == ("", "")


def _unique(text: str) -> str:
    return f"{uuid.uuid4().hex[:8]}{text}"


GOOD_NAMES = {
    "all punctuation": lambda: _unique(ALL_PUNCTUATION),
    "letters and digits": lambda: _unique("ABCXYZabcxyz0189"),
    "punctuation only after the prefix": lambda: _unique("!$&'()*+,;=:@-._~"),
    "dots that are not a dot segment": lambda: "..." + _unique(""),
    "255 characters": lambda: _unique(("x" + ALL_PUNCTUATION) * 10)[:255],
}


def test_the_good_names_are_what_they_claim() -> None:
    made = {label: make() for label, make in GOOD_NAMES.items()}
    assert set(ALL_PUNCTUATION) - set("abcdefghijklmnopqr") == set(names.PUNCTUATION)
    assert len(made["255 characters"]) == names.MAX_LENGTH
    assert set(names.PUNCTUATION) <= set(made["255 characters"])
    assert all(names.is_valid(name) for name in made.values())


@pytest.mark.parametrize("label", list(GOOD_NAMES))
def test_an_accepted_name_round_trips_through_every_route(
    http: httpx.Client, pg_dsn: str, label: str
) -> None:
    queue = GOOD_NAMES[label]()
    partition = GOOD_NAMES[label]()
    other = GOOD_NAMES[label]()
    pop_partition = f"/api/v1/pop/queue/{queue}/partition/{partition}"
    pop_queue = f"/api/v1/pop/queue/{queue}"
    # the names travel unescaped, as any HTTP client sends them
    for path in (pop_partition, pop_queue):
        assert http.build_request("GET", path).url.raw_path == path.encode()

    configured = http.post(
        "/api/v1/configure", json={"queue": queue, "namespace": other, "task": other}
    )
    assert configured.status_code == 200, configured.text
    assert (configured.json()["namespace"], configured.json()["task"]) == (other, other)
    pushed = http.post(
        "/api/v1/push",
        json={
            "items": [
                {"queue": queue, "partition": partition, "payload": "first"},
                {"queue": queue, "partition": partition, "payload": "second"},
            ]
        },
    )
    assert pushed.status_code == 200, pushed.text
    assert [item["status"] for item in pushed.json()] == ["queued", "queued"]

    first = http.get(pop_partition)
    assert first.status_code == 200, first.text
    (message,) = first.json()["messages"]
    assert (message["data"], message["partition"]) == ("first", partition)
    assert ack(http, message)["success"] is True
    second = http.get(pop_queue)
    assert second.status_code == 200, second.text
    (message,) = second.json()["messages"]
    assert (message["data"], message["partition"]) == ("second", partition)
    assert ack(http, message)["success"] is True

    # both were acked: nothing is left to deliver
    assert http.get(pop_partition).json()["messages"] == []

    listed = http.get("/api/v1/resources/queues").json()["queues"]
    assert queue in {entry["name"] for entry in listed}
    detail = http.get(f"/api/v1/resources/queues/{queue}")
    assert detail.status_code == 200, detail.text
    assert detail.json()["name"] == queue
    assert partition in {p["name"] for p in detail.json()["partitions"]}

    deleted = http.delete(f"/api/v1/resources/queues/{queue}")
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["existed"] is True
    assert stored(pg_dsn, queue, partition) == []
