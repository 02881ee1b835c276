"""Types of the blocking client that differ from the async ones: messages trace blockingly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

from typing_extensions import NotRequired

from ..types import TraceConfig, TraceResult

SyncTraceFunction = Callable[[TraceConfig], TraceResult]


class Message(TypedDict):
    """A message from the blocking client's ``pop()`` / ``consume()``.

    The same fields as :class:`queen.Message`; ``trace`` is a plain (blocking) function that
    records a trace event against *this* message.
    """

    id: str
    transactionId: str
    traceId: str | None
    data: Any
    producerSub: NotRequired[str | None]
    createdAt: str
    partitionId: str
    partition: str
    leaseId: str | None
    consumerGroup: str
    trace: SyncTraceFunction
