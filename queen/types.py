"""Public types: the plain dicts the client accepts and returns, as ``TypedDict``s.

The server's answers (push, ack and renew results, dead-lettered messages, transaction outcomes,
delivered messages) and the queue options are the generated types of ``openapi.yaml``
(``queen_generated.schemas``), re-exported here under the client's names; the rest are the
client's own shapes.
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Callable
from typing import Any, Literal, TypeAlias

from typing_extensions import TypedDict

from queen_generated import schemas as _wire

from ._transport._backend import HttpBackend

__all__ = [
    "AckBatchResult",
    "AckContext",
    "AckResult",
    "AckStatus",
    "BufferOptions",
    "BufferStats",
    "ClientOptions",
    "ConsumeResult",
    "DLQMessage",
    "DLQResult",
    "Message",
    "PushItem",
    "PushResult",
    "QueueConfig",
    "RenewResult",
    "TraceConfig",
    "TraceFunction",
    "TraceResult",
    "TransactionResult",
]


class TraceConfig(TypedDict, total=False):
    """Argument of ``message['trace'](...)``: ``data`` plus optional names and type."""

    data: Any
    traceName: str | list[str]
    eventType: str


TraceResult: TypeAlias = _wire.TraceRecordResponse
"""``{"success": True, "traceId": ...}`` or ``{"success": False, "error": ...}``."""


TraceFunction = Callable[[TraceConfig], Awaitable[TraceResult]]


class Message(_wire.Message):
    """A message as delivered by ``pop()`` / ``consume()``: the server's fields plus ``trace``.

    ``trace`` records a trace event against *this* message.
    """

    trace: TraceFunction


class PushItem(TypedDict, total=False):
    """One message to push. ``data`` is the payload; ids are generated when absent."""

    data: Any
    payload: Any
    transactionId: str
    traceId: str


PushResult: TypeAlias = _wire.PushResult | _wire.PushBufferedResult
"""The server's answer for one pushed item (keys exactly as on the wire): ``queued`` /
``duplicate`` with the message id, or ``buffered`` / ``failed`` when the server wrote it to its
file buffer. ``status`` tells them apart."""

AckResult: TypeAlias = _wire.AckResult
"""The server's answer for one acknowledged message."""


class AckBatchResult(TypedDict):
    """Answer of ``ack([...])``: ``success`` is False as soon as one item failed."""

    success: bool
    processed: int
    failed: int
    results: list[AckResult]


RenewResult: TypeAlias = _wire.LeaseExtendResult
"""The server's answer for one renewed lease."""

DLQMessage: TypeAlias = _wire.DlqMessage
"""One dead-lettered message as listed by the server."""


class DLQResult(TypedDict):
    """Answer of ``dlq().get()``; ``total`` is computed when the server omits it."""

    total: int
    messages: list[DLQMessage]


TransactionResult: TypeAlias = _wire.TransactionResponse
"""Answer of a committed transaction."""


class BufferOptions(TypedDict, total=False):
    """Client-side buffering: flush every ``message_count`` messages or ``time_millis``.

    ``max_messages`` bounds the buffer: ``push`` waits while it is full.
    """

    message_count: int
    time_millis: int
    max_messages: int


class BufferStats(TypedDict):
    """Answer of ``get_buffer_stats()``."""

    activeBuffers: int
    totalBufferedMessages: int
    oldestBufferAge: float
    flushesPerformed: int
    failedFlushes: int


class ConsumeResult(TypedDict):
    """What a finished ``consume()`` did."""

    processed: int
    failed: int
    ackFailures: int


QueueConfig: TypeAlias = _wire.QueueOptions
"""Queue options of ``queue(name).config({...})``, with their defaults in
``queen_generated.options.QUEUE_OPTIONS`` (camelCase as on the wire; snake_case spellings such
as ``lease_time`` are accepted too)."""


class ClientOptions(TypedDict, total=False):
    """The dict form of ``Queen({...})`` (the README's defaults table lists each option)."""

    url: str
    urls: list[str]
    timeout_millis: int
    retry_attempts: int
    retry_delay_millis: int
    retry_max_delay_millis: int
    load_balancing_strategy: Literal["affinity", "round-robin", "session"]
    affinity_hash_ring: int
    enable_failover: bool
    health_retry_after_millis: int
    bearer_token: str | None
    headers: dict[str, str]
    close_timeout_millis: int
    max_connections: int
    http_backend: Literal["auto", "native", "httpx"] | HttpBackend
    verify: bool | str
    ssl_context: ssl.SSLContext | None
    cert: str | tuple[str, str] | tuple[str, str, str] | None
    max_response_header_bytes: int
    max_response_body_bytes: int


AckStatus = bool | Literal["completed", "success", "failed", "retry", "dlq"]


class AckContext(TypedDict, total=False):
    """Third argument of ``ack()``: the failure text to store and the consumer group."""

    error: str
    group: str
    consumer_group: str
