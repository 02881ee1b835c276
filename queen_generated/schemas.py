"""The component schemas of openapi.yaml as `TypedDict`s: request bodies and answers as the
plain dicts they are on the wire (keys spelled as on the wire). Schemas that are not objects
are type aliases. Only `typing` and `typing_extensions` are imported.
"""

# Generated from openapi.yaml by generator/generate.py: do not edit.

from typing import Any, Literal

from typing_extensions import NotRequired, TypedDict

__all__ = [
    "AckBatchRequest",
    "AckRequest",
    "AckResponse",
    "AckResult",
    "BufferStats",
    "ConfigureRequest",
    "ConfigureResponse",
    "ConsumerGroupDeleteResponse",
    "ConsumerGroupDetail",
    "ConsumerGroupList",
    "ConsumerGroupPartition",
    "ConsumerGroupQueue",
    "ConsumerGroupSummary",
    "DbErrorBody",
    "DlqListResponse",
    "DlqMessage",
    "ErrorBody",
    "HealthResponse",
    "LagStats",
    "LaggingPartition",
    "LaggingPartitionList",
    "LeaseExtendRequest",
    "LeaseExtendResponse",
    "LeaseExtendResult",
    "MaintenanceStatus",
    "MaintenanceToggle",
    "MaintenanceUpdate",
    "Message",
    "MessageActionResponse",
    "MessageConsumerGroupState",
    "MessageCounts",
    "MessageDetail",
    "MessageListMode",
    "MessageListResponse",
    "MessageQueueConfig",
    "MessageSummary",
    "MessageTrace",
    "MessageTracesResponse",
    "MetricsResponse",
    "MigrationConnection",
    "MigrationConnectionResult",
    "MigrationStartRequest",
    "MigrationStateChange",
    "MigrationStatus",
    "MigrationValidation",
    "NamedTrace",
    "NamespaceListResponse",
    "NamespaceSummary",
    "NotifyRequest",
    "NotifyResponse",
    "NullValueBody",
    "Pagination",
    "PartitionListResponse",
    "PartitionSeekResponse",
    "PartitionSummary",
    "PopMaintenanceStatus",
    "PopPausedBody",
    "PopResponse",
    "PostgresStatsResponse",
    "PushBufferedResult",
    "PushItem",
    "PushRequest",
    "PushResponse",
    "PushResult",
    "QueueClearResponse",
    "QueueDeleteResponse",
    "QueueDetail",
    "QueueLagList",
    "QueueLagPoint",
    "QueueListResponse",
    "QueueOpsResponse",
    "QueueOptions",
    "QueueParkedReplicasResponse",
    "QueuePartition",
    "QueueSummary",
    "ResourcesOverview",
    "RetentionAnalyticsResponse",
    "SeekResponse",
    "SeekToEndRequest",
    "SeekToTimestampRequest",
    "SharedStateStats",
    "StatsRefreshResponse",
    "StatusAnalyticsResponse",
    "StatusBuffersResponse",
    "StatusQueueDetail",
    "StatusQueueListResponse",
    "StatusQueueMessage",
    "StatusQueueMessageList",
    "StatusResponse",
    "StreamAckResult",
    "StreamCycleAck",
    "StreamCycleRequest",
    "StreamCycleResponse",
    "StreamPushItem",
    "StreamQueryRequest",
    "StreamQueryResponse",
    "StreamStateOp",
    "StreamStateRequest",
    "StreamStateResponse",
    "StreamStateRow",
    "SubscriptionUpdateRequest",
    "SubscriptionUpdateResponse",
    "SystemMetricsResponse",
    "TaskListResponse",
    "TaskSummary",
    "TimeRange",
    "TraceNameSummary",
    "TraceNamesResponse",
    "TraceRecordRequest",
    "TraceRecordResponse",
    "TracesByNameResponse",
    "TransactionAckOperation",
    "TransactionOperationResult",
    "TransactionPushFlatOperation",
    "TransactionPushOperation",
    "TransactionRequest",
    "TransactionResponse",
    "WorkerMetricsResponse",
]


class ErrorBody(TypedDict):
    """Route validation, authentication and exception failures, and "not found" answers of read
    endpoints: `{"error": "<message>"}`.
    """

    error: str


class DbErrorBody(TypedDict):
    """A failed database call: `success` is false and `error` is the database's message (usually
    starting with `ERROR: `).
    """

    success: bool
    error: str


class QueueOptions(TypedDict, total=False):
    """Queue options. Keys not listed are ignored. Values not sent are reset to the defaults shown
    here.
    """

    leaseTime: int
    maxSize: int
    ttl: int
    retryLimit: int
    retryDelay: int
    deadLetterQueue: bool
    dlqAfterMaxRetries: bool
    priority: int
    delayedProcessing: int
    windowBuffer: int
    retentionSeconds: int
    completedRetentionSeconds: int
    retentionEnabled: bool
    encryptionEnabled: bool
    maxWaitTimeSeconds: int


class ConfigureRequest(TypedDict):
    """The `ConfigureRequest` schema of openapi.yaml."""

    queue: str
    namespace: NotRequired[str]
    task: NotRequired[str]
    options: NotRequired[QueueOptions]


class ConfigureResponse(TypedDict):
    """The `ConfigureResponse` schema of openapi.yaml."""

    configured: bool
    queueId: NotRequired[str]
    partitionId: NotRequired[str]
    queue: str
    namespace: NotRequired[str]
    task: NotRequired[str]
    options: NotRequired[QueueOptions]


class PushItem(TypedDict):
    """One message to push. Other keys are ignored."""

    queue: str
    partition: NotRequired[str]
    payload: NotRequired[Any]
    transactionId: NotRequired[str]
    traceId: NotRequired[str]


class PushRequest(TypedDict):
    """The `PushRequest` schema of openapi.yaml."""

    items: list[PushItem]


class PushResult(TypedDict):
    """A stored (`queued`) or deduplicated (`duplicate`) item."""

    index: int
    status: Literal["queued", "duplicate"]
    transaction_id: NotRequired[str]
    message_id: NotRequired[str]
    partition_id: NotRequired[str]
    trace_id: NotRequired[str | None]
    queueName: NotRequired[str]


class PushBufferedResult(TypedDict):
    """An item written to the server's file buffer (`buffered`, replayed later) or that could not
    be written (`failed`).
    """

    status: Literal["buffered", "failed"]
    queue: NotRequired[str]
    partition: NotRequired[str]
    transactionId: NotRequired[str]
    error: NotRequired[str]


PushResponse = list[PushResult | PushBufferedResult]
"""One result per pushed item, in request order."""


class Message(TypedDict):
    """A delivered message."""

    id: str
    transactionId: str
    traceId: str | None
    data: Any
    producerSub: NotRequired[str | None]
    createdAt: str
    partitionId: str
    partition: str
    leaseId: str
    consumerGroup: str


class PopResponse(TypedDict):
    """A pop answer. `messages` is authoritative; the top-level `partition`/`partitionId` describe
    the first claimed partition. `success: false` with `error` (`no_available_partition`,
    `partition_not_found`, `lease_held`) means nothing was claimed.
    """

    success: bool
    error: NotRequired[str]
    queue: NotRequired[str]
    partition: NotRequired[str]
    partitionId: NotRequired[str | None]
    leaseId: NotRequired[str | None]
    consumerGroup: NotRequired[str]
    partitionsClaimed: NotRequired[int]
    windowBufferActive: NotRequired[bool]
    messages: list[Message]


class PopPausedBody(TypedDict, total=False):
    """The bytes upstream writes after a 204 in pop maintenance mode."""

    messages: list[Message]
    paused: bool


class AckRequest(TypedDict):
    """The `AckRequest` schema of openapi.yaml."""

    transactionId: str
    partitionId: str
    status: NotRequired[str]
    consumerGroup: NotRequired[str]
    leaseId: NotRequired[str]
    error: NotRequired[str]


class AckBatchRequest(TypedDict):
    """The `AckBatchRequest` schema of openapi.yaml."""

    acknowledgments: list[AckRequest]
    consumerGroup: NotRequired[str]


class AckResult(TypedDict):
    """The `AckResult` schema of openapi.yaml."""

    index: int
    transactionId: str
    success: bool
    error: NotRequired[str | None]
    queueName: NotRequired[str | None]
    partitionName: NotRequired[str | None]
    leaseReleased: NotRequired[bool | None]
    dlq: NotRequired[bool]


AckResponse = list[AckResult]
"""One result per acknowledged message, in request order."""


class TransactionAckOperation(TypedDict):
    """The `TransactionAckOperation` schema of openapi.yaml."""

    type: Literal["ack"]
    transactionId: str
    partitionId: str
    status: NotRequired[str]
    consumerGroup: NotRequired[str]
    leaseId: NotRequired[str]
    error: NotRequired[str]


class TransactionPushOperation(TypedDict):
    """Pushes each item (one result per item)."""

    type: Literal["push"]
    items: list[PushItem]


class TransactionPushFlatOperation(TypedDict):
    """Pushes one message given inline; the payload may also be sent as `data`."""

    type: Literal["push"]
    queue: str
    partition: NotRequired[str]
    payload: NotRequired[Any]
    data: NotRequired[Any]
    transactionId: NotRequired[str]
    traceId: NotRequired[str]
    messageId: NotRequired[str]


class TransactionRequest(TypedDict):
    """The `TransactionRequest` schema of openapi.yaml."""

    operations: list[
        TransactionAckOperation
        | TransactionPushOperation
        | TransactionPushFlatOperation
    ]


class TransactionOperationResult(TypedDict):
    """The `TransactionOperationResult` schema of openapi.yaml."""

    index: int
    type: NotRequired[str | None]
    success: bool
    transactionId: NotRequired[str]
    error: NotRequired[str | None]
    dlq: NotRequired[bool]
    messageId: NotRequired[str]
    partitionId: NotRequired[str]
    queueName: NotRequired[str]


class TransactionResponse(TypedDict):
    """The `TransactionResponse` schema of openapi.yaml."""

    transactionId: str
    success: bool
    error: NotRequired[str]
    results: list[TransactionOperationResult]


class LeaseExtendRequest(TypedDict, total=False):
    """The `LeaseExtendRequest` schema of openapi.yaml."""

    seconds: int


class LeaseExtendResult(TypedDict):
    """The `LeaseExtendResult` schema of openapi.yaml."""

    index: int
    leaseId: str
    success: bool
    error: NotRequired[str | None]
    expiresAt: NotRequired[str | None]


LeaseExtendResponse = list[LeaseExtendResult]
"""The `LeaseExtendResponse` schema of openapi.yaml."""


class NullValueBody(TypedDict):
    """Upstream's answer when paging past the first page of an aggregated listing (`offset` of 1 or
    more): no page at all.
    """

    success: bool
    value: None


class Pagination(TypedDict, total=False):
    """The `Pagination` schema of openapi.yaml."""

    limit: int
    offset: int


TimeRange = TypedDict(
    "TimeRange",
    {
        "from": str,
        "to": str,
    },
    total=False,
)
"""The `TimeRange` schema of openapi.yaml."""


class MessageCounts(TypedDict, total=False):
    """Message counts by derived status."""

    total: int
    pending: int
    processing: int
    completed: int
    failed: int
    deadLetter: int


class TraceRecordRequest(TypedDict):
    """The `TraceRecordRequest` schema of openapi.yaml."""

    transactionId: str
    partitionId: str
    data: Any
    consumerGroup: NotRequired[str]
    eventType: NotRequired[str]
    traceNames: NotRequired[str | list[str]]


class TraceRecordResponse(TypedDict):
    """The `TraceRecordResponse` schema of openapi.yaml."""

    success: bool
    traceId: NotRequired[str]
    error: NotRequired[str]


class MessageTrace(TypedDict, total=False):
    """The `MessageTrace` schema of openapi.yaml."""

    id: str
    event_type: str
    data: Any
    consumer_group: str
    worker_id: str
    created_at: str
    trace_names: list[str]


class MessageTracesResponse(TypedDict):
    """The `MessageTracesResponse` schema of openapi.yaml."""

    traces: list[MessageTrace]


class NamedTrace(TypedDict, total=False):
    """The `NamedTrace` schema of openapi.yaml."""

    id: str
    transaction_id: str
    partition_id: str
    event_type: str
    data: Any
    consumer_group: str
    worker_id: str
    created_at: str
    queue_name: str
    partition_name: str
    message_payload: Any
    trace_names: list[str]


class TracesByNameResponse(TypedDict):
    """The `TracesByNameResponse` schema of openapi.yaml."""

    traces: list[NamedTrace] | None
    total: NotRequired[int]
    pagination: NotRequired[Pagination]


class TraceNameSummary(TypedDict, total=False):
    """The `TraceNameSummary` schema of openapi.yaml."""

    trace_name: str
    trace_count: int
    message_count: int
    last_seen: str


class TraceNamesResponse(TypedDict):
    """The `TraceNamesResponse` schema of openapi.yaml."""

    trace_names: list[TraceNameSummary]
    total: NotRequired[int]
    pagination: NotRequired[Pagination]


class DlqMessage(TypedDict, total=False):
    """The `DlqMessage` schema of openapi.yaml."""

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


class DlqListResponse(TypedDict):
    """The `DlqListResponse` schema of openapi.yaml."""

    messages: list[DlqMessage]
    total: NotRequired[int]
    pagination: NotRequired[Pagination]


class MessageSummary(TypedDict, total=False):
    """The `MessageSummary` schema of openapi.yaml."""

    id: str
    transactionId: str
    partitionId: str
    queuePath: str
    queue: str
    partition: str
    namespace: str
    task: str
    status: str
    queueStatus: str
    busStatus: dict[str, Any]
    traceId: str | None
    producerSub: str | None
    queuePriority: int
    createdAt: str
    leaseExpiresAt: str | None


class MessageListMode(TypedDict, total=False):
    """The `MessageListMode` schema of openapi.yaml."""

    hasQueueMode: bool
    busGroupsCount: int
    consumedByGroups: int
    type: str


class MessageListResponse(TypedDict):
    """The `MessageListResponse` schema of openapi.yaml."""

    messages: list[MessageSummary]
    mode: NotRequired[MessageListMode]


class MessageQueueConfig(TypedDict, total=False):
    """The `MessageQueueConfig` schema of openapi.yaml."""

    leaseTime: int
    retryLimit: int
    retryDelay: int
    ttl: int
    priority: int


class MessageConsumerGroupState(TypedDict, total=False):
    """The `MessageConsumerGroupState` schema of openapi.yaml."""

    name: str
    consumed: bool
    leaseExpiresAt: str | None


class MessageDetail(TypedDict):
    """The `MessageDetail` schema of openapi.yaml."""

    id: str
    transactionId: str
    partitionId: str
    queuePath: NotRequired[str]
    queue: NotRequired[str]
    partition: NotRequired[str]
    namespace: NotRequired[str]
    task: NotRequired[str]
    status: NotRequired[str]
    payload: NotRequired[Any]
    isEncrypted: NotRequired[bool]
    traceId: NotRequired[str | None]
    producerSub: NotRequired[str | None]
    createdAt: NotRequired[str]
    errorMessage: NotRequired[str | None]
    retryCount: NotRequired[int | None]
    leaseExpiresAt: NotRequired[str | None]
    queueConfig: NotRequired[MessageQueueConfig]
    mode: NotRequired[MessageListMode]
    consumerGroups: NotRequired[list[MessageConsumerGroupState]]


class MessageActionResponse(TypedDict):
    """The `MessageActionResponse` schema of openapi.yaml."""

    success: bool
    partitionId: NotRequired[str]
    transactionId: NotRequired[str]
    message: NotRequired[str]
    error: NotRequired[str]


class LagStats(TypedDict, total=False):
    """The `LagStats` schema of openapi.yaml."""

    avg: float
    median: float
    min: float
    max: float


class ResourcesOverview(TypedDict):
    """The `ResourcesOverview` schema of openapi.yaml."""

    queues: int
    partitions: NotRequired[int]
    namespaces: NotRequired[int]
    tasks: NotRequired[int]
    messages: NotRequired[MessageCounts]
    lag: NotRequired[dict[str, Any]]
    throughput: NotRequired[dict[str, Any]]
    timestamp: NotRequired[str]
    statsAge: NotRequired[int]


class QueueSummary(TypedDict, total=False):
    """The `QueueSummary` schema of openapi.yaml."""

    id: str
    name: str
    namespace: str
    task: str
    createdAt: str
    partitions: int
    messages: MessageCounts


class QueueListResponse(TypedDict):
    """The `QueueListResponse` schema of openapi.yaml."""

    queues: list[QueueSummary]


class QueuePartition(TypedDict, total=False):
    """The `QueuePartition` schema of openapi.yaml."""

    id: str
    name: str
    createdAt: str
    stats: MessageCounts
    oldestMessage: str | None
    newestMessage: str | None


class QueueDetail(TypedDict):
    """The `QueueDetail` schema of openapi.yaml."""

    id: str
    name: str
    namespace: NotRequired[str]
    task: NotRequired[str]
    createdAt: NotRequired[str]
    partitions: NotRequired[list[QueuePartition]]
    totals: NotRequired[MessageCounts]


class QueueDeleteResponse(TypedDict):
    """The `QueueDeleteResponse` schema of openapi.yaml."""

    deleted: bool
    queue: NotRequired[str]
    existed: NotRequired[bool]


class NamespaceSummary(TypedDict, total=False):
    """The `NamespaceSummary` schema of openapi.yaml."""

    namespace: str
    queues: int
    partitions: int
    messages: MessageCounts


class NamespaceListResponse(TypedDict):
    """The `NamespaceListResponse` schema of openapi.yaml."""

    namespaces: list[NamespaceSummary]


class TaskSummary(TypedDict, total=False):
    """The `TaskSummary` schema of openapi.yaml."""

    task: str
    queues: int
    partitions: int
    messages: MessageCounts


class TaskListResponse(TypedDict):
    """The `TaskListResponse` schema of openapi.yaml."""

    tasks: list[TaskSummary]


class PartitionSummary(TypedDict, total=False):
    """The `PartitionSummary` schema of openapi.yaml."""

    id: str
    name: str
    queue: str
    namespace: str
    task: str
    createdAt: str
    lastActivity: str | None
    messages: MessageCounts


class PartitionListResponse(TypedDict):
    """The `PartitionListResponse` schema of openapi.yaml."""

    partitions: list[PartitionSummary]
    pagination: NotRequired[Pagination]


class QueueClearResponse(TypedDict):
    """The `QueueClearResponse` schema of openapi.yaml."""

    success: bool
    queue: NotRequired[str]
    partition: NotRequired[str | None]
    deletedMessages: NotRequired[int]


class ConsumerGroupSummary(TypedDict, total=False):
    """The `ConsumerGroupSummary` schema of openapi.yaml."""

    name: str
    topics: list[str]
    queueName: str
    members: int
    partitionsWithLag: int
    totalLag: int | None
    maxTimeLag: int
    state: str
    subscriptionMode: str | None
    subscriptionTimestamp: str | None
    subscriptionCreatedAt: str | None


ConsumerGroupList = list[ConsumerGroupSummary]
"""The `ConsumerGroupList` schema of openapi.yaml."""


class LaggingPartition(TypedDict, total=False):
    """The `LaggingPartition` schema of openapi.yaml."""

    consumer_group: str
    queue_name: str
    partition_name: str
    partition_id: str
    worker_id: str | None
    offset_lag: int
    time_lag_seconds: int
    lag_hours: float
    oldest_unconsumed_at: str | None
    last_consumed_at: str | None


LaggingPartitionList = list[LaggingPartition]
"""The `LaggingPartitionList` schema of openapi.yaml."""


class ConsumerGroupPartition(TypedDict, total=False):
    """The `ConsumerGroupPartition` schema of openapi.yaml."""

    partition: str
    workerId: str | None
    lastConsumedAt: str | None
    totalConsumed: int
    offsetLag: int
    timeLagSeconds: int
    leaseActive: bool


class ConsumerGroupQueue(TypedDict):
    """The `ConsumerGroupQueue` schema of openapi.yaml."""

    partitions: list[ConsumerGroupPartition]


ConsumerGroupDetail = dict[str, ConsumerGroupQueue]
"""The group's cursors, keyed by queue name."""


class ConsumerGroupDeleteResponse(TypedDict):
    """The `ConsumerGroupDeleteResponse` schema of openapi.yaml."""

    success: bool
    consumerGroup: NotRequired[str]
    queueName: NotRequired[str]
    deletedPartitions: NotRequired[int]
    metadataDeleted: NotRequired[bool]


class SubscriptionUpdateRequest(TypedDict):
    """The `SubscriptionUpdateRequest` schema of openapi.yaml."""

    subscriptionTimestamp: str


class SubscriptionUpdateResponse(TypedDict):
    """The `SubscriptionUpdateResponse` schema of openapi.yaml."""

    success: bool
    consumerGroup: NotRequired[str]
    newTimestamp: NotRequired[str]
    rowsUpdated: NotRequired[int]


class SeekToEndRequest(TypedDict):
    """The `SeekToEndRequest` schema of openapi.yaml."""

    toEnd: Literal[True]


class SeekToTimestampRequest(TypedDict):
    """The `SeekToTimestampRequest` schema of openapi.yaml."""

    timestamp: str
    toEnd: NotRequired[bool]


class SeekResponse(TypedDict):
    """The `SeekResponse` schema of openapi.yaml."""

    success: bool
    consumerGroup: NotRequired[str]
    queueName: NotRequired[str]
    seekToEnd: NotRequired[bool]
    targetTimestamp: NotRequired[str | None]
    partitionsUpdated: NotRequired[int]


class PartitionSeekResponse(TypedDict):
    """The `PartitionSeekResponse` schema of openapi.yaml."""

    success: bool
    consumerGroup: NotRequired[str]
    queueName: NotRequired[str]
    partitionName: NotRequired[str]
    updated: NotRequired[bool]
    cursorMovedTo: NotRequired[str | None]


class StatsRefreshResponse(TypedDict, total=False):
    """The `StatsRefreshResponse` schema of openapi.yaml."""

    partition: dict[str, Any]
    queue: dict[str, Any]
    namespace: dict[str, Any]
    task: dict[str, Any]
    system: dict[str, Any]
    cleanup: dict[str, Any]
    skipped: bool
    reason: str


class StatusResponse(TypedDict):
    """The `StatusResponse` schema of openapi.yaml."""

    timeRange: NotRequired[TimeRange]
    bucketMinutes: NotRequired[int]
    pointCount: NotRequired[int]
    throughput: NotRequired[list[dict[str, Any]]]
    queues: NotRequired[list[dict[str, Any]]]
    messages: dict[str, Any]
    leases: NotRequired[dict[str, Any]]
    deadLetterQueue: NotRequired[dict[str, Any]]
    workers: NotRequired[list[dict[str, Any]]]
    errors: NotRequired[dict[str, Any]]
    statsAge: NotRequired[int]


class StatusQueueListResponse(TypedDict):
    """The `StatusQueueListResponse` schema of openapi.yaml."""

    queues: list[QueueSummary]
    pagination: NotRequired[Pagination]


class StatusQueueDetail(TypedDict):
    """The `StatusQueueDetail` schema of openapi.yaml."""

    queue: dict[str, Any]
    partitions: NotRequired[list[dict[str, Any]]]
    totals: NotRequired[dict[str, Any]]


class StatusQueueMessage(TypedDict, total=False):
    """The `StatusQueueMessage` schema of openapi.yaml."""

    id: str
    transactionId: str
    partitionId: str
    queuePath: str
    queue: str
    partition: str
    status: str
    createdAt: str


StatusQueueMessageList = list[StatusQueueMessage]
"""The `StatusQueueMessageList` schema of openapi.yaml."""


StatusAnalyticsResponse = TypedDict(
    "StatusAnalyticsResponse",
    {
        "dataPoints": list[dict[str, Any]],
        "interval": NotRequired[str],
        "from": NotRequired[str],
        "to": NotRequired[str],
    },
)
"""The `StatusAnalyticsResponse` schema of openapi.yaml."""


class StatusBuffersResponse(TypedDict, total=False):
    """The `StatusBuffersResponse` schema of openapi.yaml."""

    pending: int
    failed: int
    dbHealthy: bool
    worker: int


class SystemMetricsResponse(TypedDict):
    """The `SystemMetricsResponse` schema of openapi.yaml."""

    timeRange: NotRequired[TimeRange]
    replicas: list[dict[str, Any]]
    replicaCount: NotRequired[int]
    bucketMinutes: NotRequired[int]
    pointCount: NotRequired[int]


class WorkerMetricsResponse(TypedDict):
    """The `WorkerMetricsResponse` schema of openapi.yaml."""

    timeRange: NotRequired[TimeRange]
    bucketMinutes: NotRequired[int]
    pointCount: NotRequired[int]
    timeSeries: list[dict[str, Any]]
    workers: NotRequired[list[dict[str, Any]]]
    queues: NotRequired[list[dict[str, Any]]]
    summary: NotRequired[dict[str, Any]]


class QueueLagPoint(TypedDict, total=False):
    """The `QueueLagPoint` schema of openapi.yaml."""

    queueName: str
    popCount: int
    avgLagMs: float
    maxLagMs: float
    bucketTime: str


QueueLagList = list[QueueLagPoint]
"""The `QueueLagList` schema of openapi.yaml."""


class QueueOpsResponse(TypedDict):
    """The `QueueOpsResponse` schema of openapi.yaml."""

    timeRange: NotRequired[TimeRange]
    bucketMinutes: NotRequired[int]
    series: list[dict[str, Any]]
    queues: NotRequired[list[str]]


class QueueParkedReplicasResponse(TypedDict):
    """The `QueueParkedReplicasResponse` schema of openapi.yaml."""

    timeRange: NotRequired[TimeRange]
    bucketMinutes: NotRequired[int]
    series: list[dict[str, Any]]
    replicas: NotRequired[list[Any]]


class RetentionAnalyticsResponse(TypedDict):
    """The `RetentionAnalyticsResponse` schema of openapi.yaml."""

    timeRange: NotRequired[TimeRange]
    bucketMinutes: NotRequired[int]
    series: list[dict[str, Any]]
    totals: NotRequired[dict[str, Any]]


class PostgresStatsResponse(TypedDict):
    """The `PostgresStatsResponse` schema of openapi.yaml."""

    timestamp: NotRequired[str]
    database: str
    databaseCache: NotRequired[dict[str, Any]]
    tableCache: NotRequired[list[dict[str, Any]]]
    indexCache: NotRequired[list[dict[str, Any]]]
    cacheSummary: NotRequired[dict[str, Any]]
    deadTuples: NotRequired[list[dict[str, Any]]]
    hotUpdates: NotRequired[list[dict[str, Any]]]
    activeQueries: NotRequired[list[dict[str, Any]]]
    autovacuumStatus: NotRequired[list[dict[str, Any]]]
    bufferConfig: NotRequired[dict[str, Any]]
    bufferUsage: NotRequired[list[dict[str, Any]]]
    tableSizes: NotRequired[list[dict[str, Any]]]


class MaintenanceToggle(TypedDict):
    """The `MaintenanceToggle` schema of openapi.yaml."""

    enabled: bool


class BufferStats(TypedDict, total=False):
    """The `BufferStats` schema of openapi.yaml."""

    pendingCount: int
    failedCount: int
    dbHealthy: bool
    failedFiles: dict[str, Any]


class MaintenanceStatus(TypedDict):
    """The `MaintenanceStatus` schema of openapi.yaml."""

    maintenanceMode: bool
    popMaintenanceMode: NotRequired[bool]
    bufferedMessages: NotRequired[int]
    bufferHealthy: NotRequired[bool]
    bufferStats: NotRequired[BufferStats]


class MaintenanceUpdate(TypedDict):
    """The `MaintenanceUpdate` schema of openapi.yaml."""

    maintenanceMode: bool
    bufferedMessages: NotRequired[int]
    bufferHealthy: NotRequired[bool]
    message: NotRequired[str]


class PopMaintenanceStatus(TypedDict):
    """The `PopMaintenanceStatus` schema of openapi.yaml."""

    popMaintenanceMode: bool
    message: NotRequired[str]


class SharedStateStats(TypedDict):
    """Cluster-sync statistics; `{"enabled": false, "reason": ...}` when the component is absent."""

    enabled: bool
    running: NotRequired[bool]
    reason: NotRequired[str]
    server_id: NotRequired[str]
    queue_config_cache: NotRequired[dict[str, Any]]
    server_health: NotRequired[dict[str, Any]]
    maintenance_mode: NotRequired[bool]
    pop_maintenance_mode: NotRequired[bool]


class NotifyRequest(TypedDict):
    """The `NotifyRequest` schema of openapi.yaml."""

    queue: str
    partition: NotRequired[str]


class NotifyResponse(TypedDict, total=False):
    """The `NotifyResponse` schema of openapi.yaml."""

    status: str


class MigrationConnection(TypedDict):
    """The `MigrationConnection` schema of openapi.yaml."""

    host: str
    port: NotRequired[str]
    database: str
    user: str
    password: NotRequired[str]
    ssl: NotRequired[bool]


class MigrationStartRequest(TypedDict):
    """The `MigrationStartRequest` schema of openapi.yaml."""

    host: str
    port: NotRequired[str]
    database: str
    user: str
    password: NotRequired[str]
    ssl: NotRequired[bool]
    schema: NotRequired[str]


class MigrationConnectionResult(TypedDict):
    """The `MigrationConnectionResult` schema of openapi.yaml."""

    success: bool
    message: NotRequired[str]
    version: NotRequired[str]
    error: NotRequired[str]


class MigrationStateChange(TypedDict, total=False):
    """The `MigrationStateChange` schema of openapi.yaml."""

    status: str
    message: str


class MigrationStatus(TypedDict):
    """The `MigrationStatus` schema of openapi.yaml."""

    status: str
    currentStep: NotRequired[str]
    elapsedSeconds: NotRequired[float]
    error: NotRequired[str]
    dumpOutput: NotRequired[str]
    restoreOutput: NotRequired[str]


class MigrationValidation(TypedDict, total=False):
    """The `MigrationValidation` schema of openapi.yaml."""

    success: bool
    allMatch: bool


class HealthResponse(TypedDict):
    """The `HealthResponse` schema of openapi.yaml."""

    status: str
    database: NotRequired[str]
    server: NotRequired[str]
    worker_id: NotRequired[int]
    version: NotRequired[str]
    shared_state: NotRequired[SharedStateStats]
    queen: NotRequired[dict[str, Any]]


class MetricsResponse(TypedDict, total=False):
    """The `MetricsResponse` schema of openapi.yaml."""

    uptime: float
    requests: dict[str, Any]
    messages: dict[str, Any]
    database: dict[str, Any]
    memory: dict[str, Any]
    cpu: dict[str, Any]


class StreamQueryRequest(TypedDict):
    """The `StreamQueryRequest` schema of openapi.yaml."""

    name: str
    source_queue: str
    config_hash: str
    sink_queue: NotRequired[str]
    reset: NotRequired[bool]
    with_partitions: NotRequired[bool]


class StreamQueryResponse(TypedDict):
    """The `StreamQueryResponse` schema of openapi.yaml."""

    success: bool
    query_id: NotRequired[str]
    name: NotRequired[str]
    config_hash: NotRequired[str]
    fresh: NotRequired[bool]
    reset: NotRequired[bool]
    error: NotRequired[str]
    partitions: NotRequired[list[dict[str, Any]]]


class StreamStateOp(TypedDict):
    """The `StreamStateOp` schema of openapi.yaml."""

    type: str
    key: str
    value: NotRequired[Any]


class StreamPushItem(TypedDict):
    """The `StreamPushItem` schema of openapi.yaml."""

    queue: str
    partition: NotRequired[str]
    payload: NotRequired[Any]
    transactionId: NotRequired[str]
    traceId: NotRequired[str]
    messageId: NotRequired[str]


class StreamCycleAck(TypedDict):
    """The `StreamCycleAck` schema of openapi.yaml."""

    transactionId: str
    leaseId: NotRequired[str]
    status: NotRequired[str]
    count: NotRequired[int]
    error: NotRequired[str]


class StreamCycleRequest(TypedDict):
    """The `StreamCycleRequest` schema of openapi.yaml."""

    query_id: str
    partition_id: str
    consumer_group: NotRequired[str]
    release_lease: NotRequired[bool]
    state_ops: NotRequired[list[StreamStateOp]]
    push_items: NotRequired[list[StreamPushItem]]
    ack: NotRequired[StreamCycleAck | None]
    expect_version: NotRequired[int]
    cycle_id: NotRequired[str]


class StreamAckResult(TypedDict, total=False):
    """The `StreamAckResult` schema of openapi.yaml."""

    success: bool
    count: int
    lease_released: bool
    dlq: bool


class StreamCycleResponse(TypedDict):
    """The `StreamCycleResponse` schema of openapi.yaml."""

    success: bool
    error: NotRequired[str]
    query_id: str
    partition_id: str
    queueName: NotRequired[str | None]
    state_ops_applied: NotRequired[int]
    state_version: NotRequired[int]
    replayed: NotRequired[bool]
    push_results: NotRequired[list[PushResult]]
    ack_result: NotRequired[StreamAckResult | None]


class StreamStateRequest(TypedDict):
    """The `StreamStateRequest` schema of openapi.yaml."""

    query_id: str
    partition_id: str
    keys: NotRequired[list[str]]
    key_prefix: NotRequired[str]
    ripe_at_or_before: NotRequired[float]
    with_version: NotRequired[bool]


class StreamStateRow(TypedDict, total=False):
    """The `StreamStateRow` schema of openapi.yaml."""

    key: str
    value: Any
    updated_at: str


class StreamStateResponse(TypedDict):
    """The `StreamStateResponse` schema of openapi.yaml."""

    success: bool
    rows: list[StreamStateRow]
    version: NotRequired[int]
