"""A stream's operators, checked and grouped into the stages the runtime executes.

Stages, in order: ``pre`` (map/filter/flat_map before any window or gate, in the order
given), ``key_by``, then either ``window`` + ``reducer`` or ``gate`` (or neither), ``post``
(map/filter/flat_map after the reducer or gate), and ``sink`` (``to`` or ``foreach``, last).

The configuration hash covers what gives stored state its meaning: the operator kinds in
order, window kind and size, event-time or not, aggregate fields, the sink queue. It leaves
out the functions (they cannot be compared) and settings that are safe to change between
runs (grace period, allowed lateness, late policy, idle flush).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from .._errors import QueenConfigError
from ._fn import Fn
from ._gate import Gate
from ._reduce import Aggregate, Reduce, Reducer
from ._sink import Foreach, Sink
from ._windows import Window

#: the state layout of this SDK; part of the hash, so another SDK's state is never misread
STATE_LAYOUT = "queen-mq/streams-1"

StepKind = Literal["map", "filter", "flatMap", "keyBy"]


@dataclass(frozen=True, slots=True)
class Step:
    """A stateless operator: map, filter, flat_map or key_by."""

    kind: StepKind
    fn: Fn


Operator = Step | Window | Reduce | Aggregate | Gate | Sink | Foreach


def kind_of(op: Operator) -> str:
    """Upstream's name of the operator kind."""
    if isinstance(op, Step):
        return op.kind
    if isinstance(op, Window):
        return "window"
    if isinstance(op, Reduce):
        return "reduce"
    if isinstance(op, Aggregate):
        return "aggregate"
    if isinstance(op, Gate):
        return "gate"
    return "sink" if isinstance(op, Sink) else "foreach"


def _config(op: Operator) -> dict[str, Any]:
    if isinstance(op, (Window, Reduce, Aggregate, Sink)):
        return op.config()
    return {}


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The compiled stages of a stream."""

    pre: tuple[Step, ...]
    key_by: Step | None
    window: Window | None
    reducer: Reducer | None
    gate: Gate | None
    post: tuple[Step, ...]
    sink: Sink | Foreach | None
    config_hash: str

    @property
    def event_time(self) -> bool:
        return self.window is not None and self.window.event_time is not None

    @property
    def idle_flush_ms(self) -> int:
        """How often open windows are checked against the clock (0: never).

        Only processing-time windows close on the clock; event-time windows close when later
        events move the watermark.
        """
        if self.window is None or self.window.event_time is not None:
            return 0
        return self.window.idle_flush_ms


def config_hash(operators: tuple[Operator, ...]) -> str:
    parts: list[dict[str, Any]] = [{"layout": STATE_LAYOUT}]
    parts += [{"kind": kind_of(op), **_config(op)} for op in operators]
    return hashlib.sha256(orjson.dumps(parts)).hexdigest()


def compile_pipeline(operators: tuple[Operator, ...]) -> Pipeline:
    """Group ``operators`` into stages; ``QueenConfigError`` for a chain that cannot run."""
    sinks = [i for i, op in enumerate(operators) if isinstance(op, (Sink, Foreach))]
    if sinks and sinks[0] != len(operators) - 1:
        raise QueenConfigError(
            f"to() / foreach() must end the stream; found {kind_of(operators[sinks[0]])}() at "
            f"position {sinks[0] + 1} of {len(operators)}"
        )
    pre: list[Step] = []
    post: list[Step] = []
    key_by: Step | None = None
    window: Window | None = None
    reducer: Reducer | None = None
    gate: Gate | None = None
    for op in operators[: sinks[0]] if sinks else operators:
        if isinstance(op, Step) and op.kind != "keyBy":
            (post if reducer is not None or gate is not None else pre).append(op)
        elif isinstance(op, Step):
            if key_by is not None:
                raise QueenConfigError("only one key_by() per stream")
            if reducer is not None or gate is not None:
                raise QueenConfigError("key_by() must come before the window, reduce or gate")
            key_by = op
        elif isinstance(op, Window):
            if window is not None:
                raise QueenConfigError("only one window per stream")
            if reducer is not None:
                raise QueenConfigError("the window must come before reduce() / aggregate()")
            if gate is not None:
                raise QueenConfigError("a stream has either a window or a gate(), not both")
            window = op
        elif isinstance(op, (Reduce, Aggregate)):
            if reducer is not None:
                raise QueenConfigError("only one reduce() / aggregate() per stream")
            if window is None:
                raise QueenConfigError(
                    f"{kind_of(op)}() needs a window before it: window_tumbling(), "
                    "window_sliding(), window_session() or window_cron()"
                )
            reducer = op
        elif isinstance(op, Gate):
            if gate is not None:
                raise QueenConfigError("only one gate() per stream")
            if window is not None:
                raise QueenConfigError("a stream has either a window or a gate(), not both")
            gate = op
    if window is not None and reducer is None:
        raise QueenConfigError(
            f"window_{window.kind}() needs reduce() or aggregate() after it to say what a "
            "window emits"
        )
    return Pipeline(
        pre=tuple(pre),
        key_by=key_by,
        window=window,
        reducer=reducer,
        gate=gate,
        post=tuple(post),
        sink=operators[sinks[0]] if sinks else None,  # type: ignore[arg-type]
        config_hash=config_hash(operators),
    )
