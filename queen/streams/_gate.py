"""``gate(fn)``: let a message through or hold it back, with state kept per key.

``fn(value, ctx)`` returns ``True``/``False`` (or ``{"allow": bool}``). ``ctx.state`` is the
key's state (a dict the function updates in place; persisted with the cycle when the message
is allowed), ``ctx.stream_time_ms`` the runner's clock when the batch started.

Messages are decided in order. The first denied message stops the batch: the messages before
it are committed (state, sink, ack) and the runner keeps the partition's lease, so the denied
message and those after it are delivered again when the lease expires (the source queue's
``leaseTime``), in order. State changes made by a call that denies are discarded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._fn import Fn, user_fn


class GateContext:
    """What a gate function receives besides the value (upstream's names, and camelCase)."""

    __slots__ = ("key", "partition", "partition_id", "state", "stream_time_ms")

    def __init__(
        self,
        state: dict[str, Any],
        stream_time_ms: int,
        partition_id: str,
        partition: str,
        key: str,
    ) -> None:
        self.state = state
        self.stream_time_ms = stream_time_ms
        self.partition_id = partition_id
        self.partition = partition
        self.key = key

    @property
    def streamTimeMs(self) -> int:  # JavaScript spelling, as upstream offers
        """``stream_time_ms``."""
        return self.stream_time_ms

    @property
    def partitionId(self) -> str:
        """``partition_id``."""
        return self.partition_id

    def __repr__(self) -> str:
        return (
            f"GateContext(key={self.key!r}, partition={self.partition!r}, "
            f"stream_time_ms={self.stream_time_ms}, state={self.state!r})"
        )


@dataclass(frozen=True, slots=True)
class Gate:
    """A validated ``gate(fn)``."""

    fn: Fn

    @staticmethod
    def allows(decision: Any) -> bool:
        """What a gate function's result means (``True``, ``False`` or ``{"allow": bool}``)."""
        if decision is True or decision is False:
            return decision
        if isinstance(decision, dict) and isinstance(decision.get("allow"), bool):
            return bool(decision["allow"])
        raise TypeError(
            f"a gate function must return True, False or {{'allow': bool}}, got {decision!r}"
        )


def gate_op(fn: Any) -> Gate:
    return Gate(user_fn(fn, "gate()", arguments=2))
