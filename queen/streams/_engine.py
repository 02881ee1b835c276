"""One batch of one partition through the pipeline, without any I/O.

``run_batch`` takes the partition's messages (in delivery order), its state and the clock,
and returns what the cycle must commit: state changes, emitted values, and which message to
acknowledge. ``run_flush`` closes what the clock says is due when no message arrives. Both
only call the user's functions; the runner sends the result (``queen.streams._runner``).

Window semantics (see the README's Streams section):

* event time: the watermark is the largest event time seen minus ``allowed_lateness``; it
  only grows and is stored with the state. An event older than the watermark at the start of
  its batch is late: dropped (counted in ``late``) or, with ``on_late='include'``, folded in
  like any other event (a window already emitted is then emitted again with only the late
  events). A window ``[start, end)`` closes once ``end + grace_period <= watermark``.
* processing time (no ``event_time``): events are timed by ``createdAt``; a window closes once
  a message of the partition is at or past ``end + grace_period``, or (``run_flush``) once the
  runner's clock is.
* a session of a key closes when the next event of that key comes more than ``gap`` after the
  session's last event, or once the clock passes ``last + gap + grace_period``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ._fn import awaitable
from ._gate import GateContext
from ._json import fresh, snapshot
from ._pipeline import Pipeline, Step
from ._reduce import Reducer
from ._state import NO_TIME, Changes, PartitionState, Session, WindowAcc, WindowKey
from ._time import parse_iso_ms, to_ms


class Envelope:
    """One value on its way: from message ``position`` of the batch, with its key (owned by
    its batch, so operators update it in place)."""

    __slots__ = ("key", "msg", "position", "value")

    def __init__(self, position: int, msg: dict[str, Any], key: str, value: Any) -> None:
        self.position = position
        self.msg = msg
        self.key = key
        self.value = value

    def with_value(self, value: Any) -> Envelope:
        return Envelope(self.position, self.msg, self.key, value)


class Emit(NamedTuple):
    """A value leaving the reducer or gate (or the source, in a stateless stream)."""

    key: str
    value: Any
    start: int | None  # window start (None outside windows)
    end: int | None


@dataclass
class Outcome:
    """What a batch (or a flush) must commit."""

    changes: Changes = field(default_factory=Changes)
    emits: list[Emit] = field(default_factory=list)
    #: index of the message to acknowledge (None: no ack); it covers ``count`` messages
    ack: int | None = None
    count: int = 0
    release: bool = True
    late: int = 0
    allowed: int = 0
    denied: int = 0
    #: failures that skipped one event (its time could not be determined)
    skipped: list[Exception] = field(default_factory=list)

    @property
    def has_work(self) -> bool:
        return self.ack is not None or bool(self.emits) or len(self.changes) > 0


@dataclass(frozen=True)
class Where:
    """The partition a batch comes from, and the runner's clock."""

    partition_id: str
    partition: str
    now_ms: int


async def apply_steps(steps: Sequence[Step], envelopes: list[Envelope]) -> list[Envelope]:
    """map / filter / flat_map before the window or gate: each function receives the source
    message; map and flat_map replace the value that flows on (upstream's semantics)."""
    for step in steps:
        fn, two = step.fn.fn, step.fn.two
        out: list[Envelope] = []
        for env in envelopes:
            result = fn(env.msg, None) if two else fn(env.msg)
            if awaitable(result):
                result = await result
            if step.kind == "map":
                env.value = result
                out.append(env)
            elif step.kind == "filter":
                if result:
                    out.append(env)
            else:
                if not isinstance(result, list):
                    raise TypeError(
                        f"a flat_map function must return a list, got {type(result).__name__}"
                    )
                out.extend(env.with_value(v) for v in result)
        envelopes = out
    return envelopes


async def run_batch(
    pipeline: Pipeline, messages: list[dict[str, Any]], state: PartitionState, where: Where
) -> Outcome:
    """Process one partition's batch (messages in delivery order)."""
    envelopes = [
        Envelope(i, m, m.get("partitionId") or where.partition_id, m.get("data"))
        for i, m in enumerate(messages)
    ]
    envelopes = await apply_steps(pipeline.pre, envelopes)
    if pipeline.key_by is not None:
        fn = pipeline.key_by.fn.fn
        for env in envelopes:
            key = fn(env.msg)
            if awaitable(key):
                key = await key
            env.key = key if type(key) is str else str(key)
    if pipeline.gate is not None:
        return await _gate(pipeline, messages, envelopes, state, where)
    outcome = Outcome(ack=len(messages) - 1 if messages else None, count=len(messages))
    if pipeline.window is None or pipeline.reducer is None:
        outcome.emits = [Emit(env.key, env.value, None, None) for env in envelopes]
        return outcome
    timed = await _timed(pipeline, envelopes, outcome)
    if pipeline.event_time:
        timed = _watermark(pipeline, timed, state, outcome)
        clock = state.watermark if outcome.changes.watermark is None else outcome.changes.watermark
    else:
        clock = max((_created(m) for m in messages), default=NO_TIME)
    if pipeline.window.kind == "session":
        await _sessions(pipeline, pipeline.reducer, timed, state, clock, outcome)
    else:
        await _windows(pipeline, pipeline.reducer, timed, state, clock, outcome)
    return outcome


async def run_flush(pipeline: Pipeline, state: PartitionState, now_ms: int) -> Outcome:
    """Close the windows and sessions the clock says are due (processing time only)."""
    outcome = Outcome()
    if pipeline.reducer is None or pipeline.window is None:
        return outcome
    if pipeline.window.kind == "session":
        await _sessions(pipeline, pipeline.reducer, [], state, now_ms, outcome)
    else:
        await _windows(pipeline, pipeline.reducer, [], state, now_ms, outcome)
    return outcome


def _created(message: dict[str, Any]) -> float:
    text = message.get("createdAt")
    ms = parse_iso_ms(text) if isinstance(text, str) else None
    return NO_TIME if ms is None else ms


async def _timed(
    pipeline: Pipeline, envelopes: list[Envelope], outcome: Outcome
) -> list[tuple[int, Envelope]]:
    """``(event time, envelope)``; an event whose time cannot be told is skipped (reported)."""
    assert pipeline.window is not None
    extractor = pipeline.window.event_time
    timed: list[tuple[int, Envelope]] = []
    for env in envelopes:
        if extractor is None:
            text = env.msg.get("createdAt")
            t = parse_iso_ms(text) if isinstance(text, str) else None
            what = f"createdAt {text!r}"
        else:
            try:
                raw = extractor.fn(env.msg)
                if awaitable(raw):
                    raw = await raw
            except Exception as exc:
                outcome.skipped.append(exc)
                continue
            t = to_ms(raw)
            what = f"event_time returned {raw!r}"
        if t is None:
            outcome.skipped.append(
                ValueError(
                    f"message {env.msg.get('transactionId')!r} skipped: no event time ({what}; "
                    "expected milliseconds, a datetime or an ISO 8601 string)"
                )
            )
            continue
        timed.append((t, env))
    return timed


def _watermark(
    pipeline: Pipeline, timed: list[tuple[int, Envelope]], state: PartitionState, outcome: Outcome
) -> list[tuple[int, Envelope]]:
    """Apply the late policy against the stored watermark and move the watermark on."""
    assert pipeline.window is not None
    before = state.watermark
    newest = max((t for t, _ in timed), default=NO_TIME)
    kept = timed
    if before != NO_TIME and pipeline.window.on_late == "drop":
        kept = [(t, env) for t, env in timed if t >= before]
        outcome.late = len(timed) - len(kept)
    elif before != NO_TIME:
        outcome.late = sum(1 for t, _ in timed if t < before)
    if newest != NO_TIME and newest - pipeline.window.lateness_ms > before:
        outcome.changes.watermark = newest - pipeline.window.lateness_ms
    return kept


def _reduced_value(env: Envelope) -> Any:
    """What the reducer receives: the value, or the message when the value is null (as
    upstream)."""
    return env.value if env.value is not None else env.msg


async def _windows(
    pipeline: Pipeline,
    reducer: Reducer,
    timed: list[tuple[int, Envelope]],
    state: PartitionState,
    clock: float,
    outcome: Outcome,
) -> None:
    window = pipeline.window
    assert window is not None
    size, grace = window.size_ms, window.grace_ms
    work: dict[WindowKey, WindowAcc] = {}
    step = reducer.step
    for t, env in timed:
        value = _reduced_value(env)
        for start in window.starts(t):
            wkey = (start, env.key)
            acc = work.get(wkey)
            if acc is None:
                stored = state.windows.get(wkey)
                if stored is None:
                    acc = WindowAcc(reducer.start(False), start, start + size)
                else:
                    acc = WindowAcc(fresh(stored.acc), stored.start, stored.end)
                work[wkey] = acc
            acc.acc = await step(acc.acc, value)
    closing: list[tuple[WindowKey, WindowAcc]] = []
    changes = outcome.changes.windows
    for wkey, acc in work.items():
        if acc.end + grace <= clock:
            closing.append((wkey, acc))
            if wkey in state.windows:
                changes[wkey] = None
        else:
            changes[wkey] = acc
    for wkey, acc in state.windows.items():
        if wkey not in work and acc.end + grace <= clock:
            closing.append((wkey, acc))
            changes[wkey] = None
    closing.sort(key=lambda item: (item[1].start, item[0][1]))
    outcome.emits += [
        Emit(key, reducer.output(acc.acc), acc.start, acc.end) for (_, key), acc in closing
    ]


async def _sessions(
    pipeline: Pipeline,
    reducer: Reducer,
    timed: list[tuple[int, Envelope]],
    state: PartitionState,
    clock: float,
    outcome: Outcome,
) -> None:
    window = pipeline.window
    assert window is not None
    gap, grace = window.size_ms, window.grace_ms
    work: dict[str, Session] = {}
    closed: list[tuple[str, Session]] = []
    for t, env in timed:
        key = env.key
        session = work.get(key)
        if session is None and key in state.sessions:
            stored = state.sessions[key]
            session = work[key] = Session(fresh(stored.acc), stored.start, stored.last)
        if session is None or t > session.last + gap:
            if session is not None:
                closed.append((key, session))
            session = work[key] = Session(reducer.start(True), t, t)
        else:
            session.last = max(session.last, t)
            session.start = min(session.start, t)
        session.acc = await reducer.step(session.acc, _reduced_value(env))
    changes = outcome.changes.sessions
    for key, session in work.items():
        if session.last + gap + grace <= clock:
            closed.append((key, session))
            if key in state.sessions:
                changes[key] = None
        else:
            changes[key] = session
    for key, session in state.sessions.items():
        if key not in work and session.last + gap + grace <= clock:
            closed.append((key, session))
            changes[key] = None
    outcome.emits += [
        Emit(key, reducer.output(s.acc), s.start, s.last + gap)
        for key, s in sorted(closed, key=lambda item: (item[1].start, item[0]))
    ]


async def _gate(
    pipeline: Pipeline,
    messages: list[dict[str, Any]],
    envelopes: list[Envelope],
    state: PartitionState,
    where: Where,
) -> Outcome:
    """Decide messages in order; stop at the first denied one (see ``queen.streams._gate``)."""
    gate = pipeline.gate
    assert gate is not None
    by_message: list[list[Envelope]] = [[] for _ in messages]
    for env in envelopes:
        by_message[env.position].append(env)
    decide = gate.fn.fn
    work: dict[str, dict[str, Any]] = {}
    touched: set[str] = set()
    passed: list[Envelope] = []
    denied_at: int | None = None
    for index, group in enumerate(by_message):
        before: dict[str, dict[str, Any]] = {}
        allowed = True
        for env in group:
            key = env.key
            current = work.get(key)
            if current is None:
                stored = state.gates.get(key)
                current = work[key] = fresh(stored) if stored is not None else {}
            if key not in before:
                before[key] = snapshot(current)
            ctx = GateContext(current, where.now_ms, where.partition_id, where.partition, key)
            decision = decide(env.value, ctx)
            if awaitable(decision):
                decision = await decision
            if decision is not True and not gate.allows(decision):
                allowed = False
                break
        if not allowed:
            work.update(before)  # a denying call's changes are discarded
            denied_at = index
            break
        touched.update(before)
        passed += group
    outcome = Outcome()
    committed = len(messages) if denied_at is None else denied_at
    outcome.allowed = committed
    outcome.denied = len(messages) - committed
    if committed == 0:
        return outcome  # nothing to commit: the lease runs out and the batch comes back
    outcome.ack = committed - 1
    outcome.count = committed
    outcome.release = denied_at is None
    outcome.changes.gates = {key: work[key] for key in touched}
    outcome.emits = [Emit(env.key, env.value, None, None) for env in passed]
    return outcome
