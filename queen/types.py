"""Public types: the plain dicts the client accepts and returns, as ``TypedDict``s."""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Callable
from typing import Any, Literal, TypedDict

from typing_extensions import NotRequired

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


class TraceResult(TypedDict, total=False):
    """``{"success": True, "traceId": ...}`` or ``{"success": False, "error": ...}``."""

    success: bool
    traceId: str
    error: str


TraceFunction = Callable[[TraceConfig], Awaitable[TraceResult]]


class Message(TypedDict):
    """A message as delivered by ``pop()`` / ``consume()``: the server's fields plus ``trace``.

    ``trace`` records a trace event against *this* message.
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
    trace: TraceFunction


class PushItem(TypedDict, total=False):
    """One message to push. ``data`` is the payload; ids are generated when absent."""

    data: Any
    payload: Any
    transactionId: str
    traceId: str


class PushResult(TypedDict, total=False):
    """The server's answer for one pushed item (key casing exactly as on the wire)."""

    index: int
    status: str  # queued | duplicate | buffered | failed
    transaction_id: str
    message_id: str
    partition_id: str
    trace_id: str | None
    queueName: str
    queue: str
    error: str


class AckResult(TypedDict, total=False):
    """The server's answer for one acknowledged message."""

    success: bool
    error: str | None
    transactionId: str
    queueName: str | None
    partitionName: str | None
    leaseReleased: bool | None
    dlq: bool
    index: int


class AckBatchResult(TypedDict):
    """Answer of ``ack([...])``: ``success`` is False as soon as one item failed."""

    success: bool
    processed: int
    failed: int
    results: list[AckResult]


class RenewResult(TypedDict, total=False):
    """Answer for one renewed lease."""

    leaseId: str
    success: bool
    error: str | None
    expiresAt: str | None


class DLQMessage(TypedDict, total=False):
    """One dead-lettered message as listed by the server."""

    id: str
    transactionId: str
    partitionId: str
    queue: str
    partition: str
    consumerGroup: str
    errorMessage: str | None
    retryCount: int
    data: Any
    producerSub: str | None
    createdAt: str
    failedAt: str


class DLQResult(TypedDict):
    """Answer of ``dlq().get()``; ``total`` is computed when the server omits it."""

    total: int
    messages: list[DLQMessage]


class TransactionResult(TypedDict, total=False):
    """Answer of a committed transaction."""

    transactionId: str
    success: bool
    results: list[dict[str, Any]]


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


class QueueConfig(TypedDict, total=False):
    """Queue options of ``queue(name).config({...})`` (camelCase as on the wire;
    snake_case spellings such as ``lease_time`` are accepted too)."""

    leaseTime: int
    retryLimit: int
    retryDelay: int
    priority: int
    delayedProcessing: int
    windowBuffer: int
    maxSize: int
    ttl: int
    retentionSeconds: int
    completedRetentionSeconds: int
    retentionEnabled: bool
    encryptionEnabled: bool
    deadLetterQueue: bool
    dlqAfterMaxRetries: bool
    maxWaitTimeSeconds: int


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
