"""Stateless operators, what each function receives, the chain's rules, the configuration
hash, run() options, and what a cycle sends (sink messages, state operations)."""

from __future__ import annotations

import functools
from typing import Any

import orjson
import pytest

from queen import Queen, QueenConfigError, QueenValidationError
from queen.streams import Stream
from queen.streams._emit import prepare
from queen.streams._engine import run_batch
from queen.streams._fn import takes_two
from queen.streams._options import settings
from queen.streams._pipeline import compile_pipeline

from .support import PARTITION_ID, WHERE, Partition, drive, message, pipeline


def values(stream: Stream, *messages: dict[str, Any]) -> list[Any]:
    outcome = drive(run_batch(pipeline(stream), list(messages), Partition(stream).state, WHERE))
    return [e.value for e in outcome.emits]


def test_stateless_operators_see_the_source_message(source: Stream) -> None:
    seen: list[Any] = []
    stream = (
        source.filter(lambda m: seen.append(("filter", m["partition"])) or m["data"]["n"] > 1)
        .map(lambda m: {"double": m["data"]["n"] * 2})
        .flat_map(lambda m: [m["data"]["n"], -m["data"]["n"]])
    )
    assert values(stream, message({"n": 1}), message({"n": 2}), message({"n": 3})) == [2, -2, 3, -3]
    assert seen == [("filter", "p1")] * 3
    # without map, the payload flows on
    assert values(source, message({"n": 1}), message("text")) == [{"n": 1}, "text"]


def test_a_stateless_stream_acknowledges_its_whole_batch(source: Stream) -> None:
    stream = source.filter(lambda m: False)
    outcome = drive(
        run_batch(pipeline(stream), [message(1), message(2)], Partition(stream).state, WHERE)
    )
    assert (outcome.emits, outcome.ack, outcome.count, outcome.release) == ([], 1, 2, True)


def test_post_stage_functions_get_the_value_and_the_window(source: Stream) -> None:
    contexts: list[dict[str, Any]] = []

    def label(value: dict[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
        contexts.append(ctx)
        return {**value, "window": ctx["windowKey"]}

    stream = (
        source.window_tumbling(seconds=1)
        .aggregate({"count": lambda v: 1})
        .map(label)
        .filter(lambda v: v["count"] > 1)
        .flat_map(lambda v: [v, {"copy": True}])
    )
    part = Partition(stream)
    outcome = part.batch(message({}, 0), message({}, 10), message({}, 1000))
    prepared = drive(prepare(part.pipeline, outcome, WHERE, "tag"))
    assert [orjson.loads(item)["payload"] for item in prepared.push_items] == []  # no sink
    assert prepared.emitted == 2
    assert contexts == [
        {
            "partition": "p1",
            "partitionId": PARTITION_ID,
            "key": PARTITION_ID,
            "windowKey": "1970-01-01T00:00:00.000Z",
            "windowStart": 0,
            "windowEnd": 1000,
        }
    ]


@pytest.mark.anyio
async def test_async_functions_are_awaited_everywhere(source: Stream) -> None:
    async def keep(m: Any) -> bool:
        return bool(m["data"]["n"])

    async def key(m: Any) -> str:
        return "k" + str(m["data"]["n"] % 2)

    async def add(acc: int, v: Any) -> int:
        return acc + v["n"]

    async def out(value: int, ctx: Any) -> dict[str, Any]:
        return {"key": ctx["key"], "total": value}

    stream = (
        source.filter(keep)
        .key_by(key)
        .window_tumbling(seconds=1)
        .reduce(add, 0)
        .map(out)
        .foreach(lambda v: None)
    )
    part = Partition(stream)
    outcome = await run_batch(
        part.pipeline,
        [message({"n": n}, n) for n in (0, 1, 2, 3)] + [message({"n": 0}, 1000)],
        part.state,
        WHERE,
    )
    prepared = await prepare(part.pipeline, outcome, WHERE, "tag")
    assert [e.value for e in outcome.emits] == [2, 4]  # keys k0, k1
    assert prepared.emitted == 2


def test_key_by_keys_are_strings(source: Stream) -> None:
    part = Partition(
        source.key_by(lambda m: m["data"]["id"])
        .window_tumbling(seconds=1)
        .aggregate({"count": lambda v: 1})
    )
    part.batch(message({"id": 7}, 0), message({"id": None}, 1))
    assert sorted(key for _, key in part.state.windows) == ["7", "None"]


def test_how_many_arguments_a_function_gets() -> None:
    assert takes_two(lambda v, ctx: 0)
    assert takes_two(lambda v, ctx=None: 0)
    assert takes_two(lambda *args: 0)
    assert not takes_two(lambda v: 0)
    assert not takes_two(lambda v, *, ctx: 0)
    assert not takes_two(len)  # one parameter
    assert takes_two(functools.partial(lambda a, b, c: 0, 1))
    assert not takes_two(functools.partial(lambda a, b: 0, 1))


def test_a_function_that_fails_fails_the_batch(source: Stream) -> None:
    stream = source.map(lambda m: 1 / m["data"])
    with pytest.raises(ZeroDivisionError):
        values(stream, message(1), message(0))
    with pytest.raises(TypeError, match="must return a list"):
        values(source.flat_map(lambda m: m["data"]), message(5))


def test_streams_are_immutable(source: Stream) -> None:
    mapped = source.map(lambda m: 1)
    assert mapped is not source
    assert source._operators == ()
    assert len(mapped._operators) == 1
    assert "map()" in repr(mapped)


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda s: s.to_sink().map(lambda m: m), "must end the stream"),
        (lambda s: s.reduce(lambda a, v: a), "needs a window before it"),
        (lambda s: s.window_tumbling(seconds=1), "needs reduce\\(\\) or aggregate\\(\\)"),
        (lambda s: s.window_tumbling(seconds=1).window_sliding(size=2, slide=1), "one window"),
        (lambda s: s.gate(lambda v, c: True).window_tumbling(seconds=1), "either a window or"),
        (
            lambda s: s.window_tumbling(seconds=1).reduce(lambda a, v: a).gate(lambda v, c: 1),
            "either",
        ),
        (lambda s: s.key_by(str).key_by(str), "only one key_by"),
        (lambda s: s.gate(lambda v, c: True).key_by(str), "before the window"),
        (lambda s: s.gate(lambda v, c: 1).gate(lambda v, c: 1), "only one gate"),
        (
            lambda s: s.window_tumbling(seconds=1).reduce(lambda a, v: a).aggregate({"n": len}),
            "only one reduce",
        ),
    ],
)
def test_chains_that_cannot_run_are_refused(
    offline: Queen, source: Stream, build: Any, error: str
) -> None:
    class WithSink(Stream):
        def to_sink(self) -> Stream:
            return self.to(offline.queue("out"))

    stream = build(WithSink(source._source))
    with pytest.raises(QueenConfigError, match=error):
        compile_pipeline(stream._operators)


def test_window_options_are_checked(source: Stream) -> None:
    with pytest.raises(QueenConfigError, match="whole multiple of slide"):
        source.window_sliding(size=5, slide=2)
    with pytest.raises(QueenConfigError, match="no option 'seconds'"):
        source.window_sliding(seconds=5)
    with pytest.raises(QueenConfigError, match="needs gap"):
        source.window_session()
    with pytest.raises(QueenConfigError, match="seconds must be positive"):
        source.window_tumbling(seconds=0)
    with pytest.raises(QueenConfigError, match="on_late must be"):
        source.window_tumbling(seconds=1, on_late="keep")
    with pytest.raises(QueenConfigError, match="every must be one of"):
        source.window_cron(every="fortnight")
    with pytest.raises(QueenConfigError, match="needs a callable"):
        source.window_tumbling(seconds=1, event_time="ts")
    camel = source.window_tumbling(seconds=1, gracePeriod=2, idleFlushMs=10, onLate="include")
    window = pipeline(camel.aggregate({"count": len})).window
    assert window is not None
    assert (window.grace_ms, window.idle_flush_ms, window.on_late) == (2000, 10, "include")


def test_the_configuration_hash_covers_what_gives_state_its_meaning(source: Stream) -> None:
    def chain(seconds: float = 60, grace: float = 0, fn: Any = len) -> str:
        stream = source.window_tumbling(seconds=seconds, grace_period=grace).aggregate({"n": fn})
        return pipeline(stream).config_hash

    assert chain() == chain(grace=5) == chain(fn=lambda v: 2)  # safe to change
    assert chain() != chain(seconds=30)
    other = source.window_sliding(size=60, slide=30).aggregate({"n": len})
    assert pipeline(other).config_hash != chain()
    fields = source.window_tumbling(seconds=60).aggregate({"m": len})
    assert pipeline(fields).config_hash != chain()


def test_sink_messages(offline: Queen, source: Stream) -> None:
    def build(partition: Any = None, builder: Any = None) -> list[dict[str, Any]]:
        sink = builder or offline.queue("out")
        stream = source.map(lambda m: m["data"]).to(sink, partition=partition)
        part = Partition(stream)
        outcome = part.batch(message({"n": 1}), message(2))
        prepared = drive(prepare(part.pipeline, outcome, WHERE, "tag"))
        return [orjson.loads(item) for item in prepared.push_items]

    items = build()
    assert items == [
        {
            "queue": "out",
            "partition": "p1",
            "payload": {"n": 1},
            "transactionId": "tag.0",
        },
        {
            "queue": "out",
            "partition": "p1",
            "payload": {"value": 2},
            "transactionId": "tag.1",
        },
    ]
    assert [i["partition"] for i in build("fixed")] == ["fixed", "fixed"]
    assert [i["partition"] for i in build(lambda v: f"v-{isinstance(v, dict)}")] == [
        "v-True",
        "v-False",
    ]
    assert [i["partition"] for i in build(builder=offline.queue("out").partition("b"))] == ["b"] * 2
    with pytest.raises(QueenValidationError, match="contains '/'"):
        build(lambda v: "a/b")


def test_values_that_are_not_json_are_refused_before_sending(
    offline: Queen, source: Stream
) -> None:
    to_sink = source.map(lambda m: {"x": float("nan")}).to(offline.queue("out"))
    part = Partition(to_sink)
    with pytest.raises(QueenValidationError, match="non-finite"):
        drive(prepare(part.pipeline, part.batch(message(1)), WHERE, "tag"))
    stateful = source.window_tumbling(seconds=1).reduce(lambda acc, v: {1, 2}, 0)
    part = Partition(stateful)
    with pytest.raises(QueenValidationError, match="cannot be stored as JSON"):
        drive(prepare(part.pipeline, part.batch(message(1)), WHERE, "tag"))
    nan_state = source.window_tumbling(seconds=1).reduce(lambda acc, v: float("inf"), 0)
    part = Partition(nan_state)
    with pytest.raises(QueenValidationError, match="NaN or Infinity"):
        drive(prepare(part.pipeline, part.batch(message(1)), WHERE, "tag"))


def test_run_options() -> None:
    urls = ("http://h:6632",)
    s = settings("orders-total", "http://h:6632/", {"batchSize": 50, "reset": True}, urls, None)
    assert (s.batch_size, s.max_partitions, s.max_wait_millis, s.reset) == (50, 4, 1000, True)
    assert s.consumer_group == "streams.orders-total"
    with pytest.raises(QueenConfigError, match="no option 'batch'"):
        settings("q", None, {"batch": 1}, urls, None)
    with pytest.raises(QueenConfigError, match="reads through a client of"):
        settings("q", "http://other:6632", {}, urls, None)
    with pytest.raises(QueenConfigError, match="differs from the client's token"):
        settings("q", None, {"bearer_token": "x"}, urls, None)
    with pytest.raises(QueenConfigError, match="batch_size must be an integer >= 1"):
        settings("q", None, {"batch_size": 0}, urls, None)
    with pytest.raises(QueenConfigError, match="subscription_mode must be one of"):
        settings("q", None, {"subscription_mode": "latest"}, urls, None)
    with pytest.raises(QueenValidationError, match="query_id"):
        settings("a/b", None, {}, urls, None)
    with pytest.raises(QueenConfigError, match="needs query_id"):
        settings("", None, {}, urls, None)
    with pytest.raises(QueenConfigError, match="conflation"):
        settings("q", None, {"conflation": True}, urls, None)


def test_a_sink_on_another_server_is_refused(offline: Queen, source: Stream) -> None:
    other = Queen("http://127.0.0.1:2")
    with pytest.raises(QueenConfigError, match="same server"):
        source.to(other.queue("out")).runner("q")
    with pytest.raises(QueenConfigError, match="queue builder of the async client"):
        Stream.from_("orders")  # type: ignore[arg-type]


def test_cycle_tags_are_short_stable_and_distinct() -> None:
    from queen.streams._emit import cycle_tag

    tag = cycle_tag("query-uuid:hash", "message-id")
    assert len(tag) == 22
    assert tag == cycle_tag("query-uuid:hash", "message-id")  # computed again: the same
    assert tag != cycle_tag("query-uuid:hash", "other-message")
    assert tag != cycle_tag("query-uuid:other-hash", "message-id")
