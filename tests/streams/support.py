"""Helpers of the streams tests: source messages, pipelines, and running the engine."""

from __future__ import annotations

import uuid
from collections.abc import Coroutine
from typing import Any, TypeVar

from queen.streams._engine import Outcome, Where, run_batch, run_flush
from queen.streams._pipeline import Pipeline, compile_pipeline
from queen.streams._state import PartitionState
from queen.streams._stream import Stream
from queen.streams._time import iso_ms
from queen.sync.streams import _drive

T = TypeVar("T")
PARTITION_ID = "7b1f4c3e-0d2a-4f6b-9a1e-3c5d7e9f1a2b"
WHERE = Where(PARTITION_ID, "p1", 0)


def drive(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run engine code whose user functions are all plain (it never suspends)."""
    return _drive(coroutine)


def message(data: Any, created_ms: int = 0, **extra: Any) -> dict[str, Any]:
    """A source message as pop delivers it, created at ``created_ms``."""
    return {
        "id": str(uuid.uuid4()),
        "transactionId": str(uuid.uuid4()),
        "traceId": None,
        "data": data,
        "createdAt": iso_ms(created_ms),
        "partitionId": PARTITION_ID,
        "partition": "p1",
        "leaseId": "lease-1",
        "consumerGroup": "streams.q",
        **extra,
    }


class FakeBuilder:
    """Stands in for ``queen.queue(name)`` when only the pipeline is compiled."""


def pipeline(stream: Stream) -> Pipeline:
    return compile_pipeline(stream._operators)


class Partition:
    """One partition's state through successive batches, committed after each."""

    def __init__(self, stream: Stream, now_ms: int = 0) -> None:
        self.pipeline = pipeline(stream)
        self.state = PartitionState(0)
        self.now_ms = now_ms

    def batch(self, *messages: dict[str, Any], now_ms: int | None = None) -> Outcome:
        where = Where(PARTITION_ID, "p1", self.now_ms if now_ms is None else now_ms)
        outcome = drive(run_batch(self.pipeline, list(messages), self.state, where))
        self.state.apply(outcome.changes, (self.state.version or 0) + 1)
        return outcome

    def flush(self, now_ms: int) -> Outcome:
        outcome = drive(run_flush(self.pipeline, self.state, now_ms))
        self.state.apply(outcome.changes, (self.state.version or 0) + 1)
        return outcome


def emitted(outcome: Outcome) -> list[tuple[str, Any, int | None, int | None]]:
    return [(e.key, e.value, e.start, e.end) for e in outcome.emits]
