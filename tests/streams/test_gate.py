"""gate(): in-order decisions, partial commits, per-key state; the rate-limiter helpers."""

from __future__ import annotations

from typing import Any

import pytest

from queen.streams import GateContext, Stream, sliding_window_gate, token_bucket_gate

from .support import PARTITION_ID, Partition, message


def limit(n: int) -> Any:
    def gate(value: Any, ctx: GateContext) -> bool:
        used = ctx.state.get("used", 0)
        ctx.state["calls"] = ctx.state.get("calls", 0) + 1  # discarded when denying
        if used >= n:
            return False
        ctx.state["used"] = used + 1
        return True

    return gate


def test_all_allowed_commits_everything_and_releases_the_lease(source: Stream) -> None:
    part = Partition(source.gate(limit(5)))
    out = part.batch(message({"n": 1}), message({"n": 2}))
    assert (out.ack, out.count, out.release) == (1, 2, True)
    assert [e.value for e in out.emits] == [{"n": 1}, {"n": 2}]
    assert part.state.gates == {PARTITION_ID: {"used": 2, "calls": 2}}


def test_the_first_denial_commits_the_prefix_and_keeps_the_lease(source: Stream) -> None:
    part = Partition(source.gate(limit(2)))
    out = part.batch(*[message({"n": i}) for i in range(4)])
    assert (out.ack, out.count, out.release) == (1, 2, False)
    assert (out.allowed, out.denied) == (2, 2)
    assert [e.value["n"] for e in out.emits] == [0, 1]
    # the denying call's change ("calls" 3) is not kept
    assert part.state.gates[PARTITION_ID] == {"used": 2, "calls": 2}


def test_a_denied_first_message_commits_nothing(source: Stream) -> None:
    part = Partition(source.gate(limit(0)))
    out = part.batch(message({"n": 1}))
    assert out.ack is None
    assert not out.has_work
    assert out.denied == 1


def test_state_is_per_key(source: Stream) -> None:
    part = Partition(source.key_by(lambda m: m["data"]["user"]).gate(limit(1)))
    out = part.batch(message({"user": "a"}), message({"user": "b"}), message({"user": "c"}))
    assert out.count == 3
    assert set(part.state.gates) == {"a", "b", "c"}
    out = part.batch(message({"user": "d"}), message({"user": "a"}))
    assert (out.count, out.release) == (1, False)


def test_messages_filtered_out_before_the_gate_are_still_acknowledged(source: Stream) -> None:
    part = Partition(source.filter(lambda m: m["data"]["keep"]).gate(limit(5)))
    out = part.batch(message({"keep": False}), message({"keep": False}))
    assert (out.ack, out.count, out.release) == (1, 2, True)
    assert out.emits == []


def test_a_message_passes_only_when_all_its_values_pass(source: Stream) -> None:
    part = Partition(source.flat_map(lambda m: m["data"]["parts"]).gate(limit(3)))
    out = part.batch(message({"parts": [1, 2]}), message({"parts": [3, 4]}))
    assert (out.count, out.release) == (1, False)
    assert [e.value for e in out.emits] == [1, 2]
    assert part.state.gates[PARTITION_ID]["used"] == 2  # the third value's use is undone


def test_gate_results_and_context(source: Stream) -> None:
    seen: list[GateContext] = []

    def gate(value: Any, ctx: GateContext) -> Any:
        seen.append(ctx)
        return {"allow": value["ok"]}

    part = Partition(source.gate(gate), now_ms=1234)
    assert part.batch(message({"ok": True}), message({"ok": False})).count == 1
    ctx = seen[0]
    assert (ctx.stream_time_ms, ctx.streamTimeMs, ctx.partition) == (1234, 1234, "p1")
    assert ctx.partition_id == ctx.partitionId == PARTITION_ID
    bad = Partition(source.gate(lambda v, ctx: "yes"))
    with pytest.raises(TypeError, match="True, False or"):
        bad.batch(message({}))


def ctx(now: int, state: dict[str, Any]) -> GateContext:
    return GateContext(state, now, PARTITION_ID, "p1", "k")


def test_token_bucket() -> None:
    gate = token_bucket_gate(capacity=3, refill_per_sec=2)
    state: dict[str, Any] = {}
    assert [gate({}, ctx(0, state)) for _ in range(4)] == [True, True, True, False]
    assert gate({}, ctx(499, state)) is False  # 0.998 tokens
    assert gate({}, ctx(500, state)) is True  # one token back after half a second
    assert gate({}, ctx(10_000, state)) is True  # refills up to capacity only
    assert state["tokens"] == 2
    assert state["allowedTotal"] == 5


def test_token_bucket_costs() -> None:
    gate = token_bucket_gate(10, 1, cost_fn=lambda v: v["cost"])
    state: dict[str, Any] = {}
    assert gate({"cost": 7}, ctx(0, state)) is True
    assert gate({"cost": 4}, ctx(0, state)) is False
    assert gate({"cost": "odd"}, ctx(0, state)) is True  # not a number: costs 1
    assert gate({"cost": 0}, ctx(0, state)) is True
    strict = token_bucket_gate(1, 1, cost_fn=lambda v: 0, allow_zero_cost=False)
    assert strict({}, ctx(0, {})) is False
    with pytest.raises(ValueError, match="capacity"):
        token_bucket_gate(0, 1)
    with pytest.raises(ValueError, match="refill_per_sec"):
        token_bucket_gate(1, float("nan"))


def test_sliding_window_limit() -> None:
    gate = sliding_window_gate(limit=4, window_sec=1)
    state: dict[str, Any] = {}
    assert [gate({}, ctx(100, state)) for _ in range(5)] == [True] * 4 + [False]
    # half-way through the next window, half of the previous window's 4 still count
    assert [gate({}, ctx(1500, state)) for _ in range(3)] == [True, True, False]
    assert gate({}, ctx(3000, state)) is True  # two windows later: nothing carries over
    with pytest.raises(ValueError, match="window_sec"):
        sliding_window_gate(1, 0)


def test_nested_state_changed_by_a_denying_call_is_rolled_back(source: Stream) -> None:
    def gate(value: Any, ctx: GateContext) -> bool:
        ctx.state.setdefault("seen", []).append(value["n"])  # nested: a list updated in place
        return bool(value["n"] < 2)

    part = Partition(source.gate(gate))
    out = part.batch(*[message({"n": n}) for n in range(4)])
    assert out.count == 2
    assert part.state.gates[PARTITION_ID] == {"seen": [0, 1]}
