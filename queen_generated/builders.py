"""Typed request builders: one function per operation of openapi.yaml.

Each returns the keyword arguments of the HTTP request, as the `request_kwargs` of the
endpoint modules in `queen_generated.api` do: `method`, `url` (path parameters
percent-quoted except for `PATH_SAFE`), `params` when the operation has query parameters
(those that are not None: None means not sent), and `json` plus `headers` when it has a
body. Only the standard library is imported; the signatures use the `TypedDict`s of
`schemas`, so a type checker checks every argument.
"""

# Generated from openapi.yaml by generator/generate.py: do not edit.

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from .schemas import (
        AckBatchRequest,
        AckRequest,
        ConfigureRequest,
        LeaseExtendRequest,
        MaintenanceToggle,
        MigrationConnection,
        MigrationStartRequest,
        NotifyRequest,
        PushRequest,
        SeekToEndRequest,
        SeekToTimestampRequest,
        StreamCycleRequest,
        StreamQueryRequest,
        StreamStateRequest,
        SubscriptionUpdateRequest,
        TraceRecordRequest,
        TransactionRequest,
    )

#: characters path parameters carry unescaped: Queen servers do not percent-decode paths
PATH_SAFE = "!$&'()*+,;=:@"

#: the tag of every operation (its endpoint module is `queen_generated.api.<tag>.<name>`)
TAGS: dict[str, str] = {
    "configure_queue": "data",
    "push_messages": "data",
    "pop_queue": "data",
    "pop_partition": "data",
    "pop_filtered": "data",
    "ack_message": "data",
    "ack_batch": "data",
    "commit_transaction": "data",
    "extend_lease": "data",
    "record_trace": "traces",
    "get_message_traces": "traces",
    "get_traces_by_name": "traces",
    "list_trace_names": "traces",
    "list_dlq": "dlq",
    "list_messages": "messages",
    "get_message": "messages",
    "delete_message": "messages",
    "retry_message": "messages",
    "move_message_to_dlq": "messages",
    "get_overview": "resources",
    "list_queues": "resources",
    "get_queue": "resources",
    "delete_queue": "resources",
    "list_namespaces": "resources",
    "list_tasks": "resources",
    "list_partitions": "resources",
    "clear_queue": "resources",
    "list_consumer_groups": "consumer_groups",
    "list_lagging_consumer_groups": "consumer_groups",
    "get_consumer_group": "consumer_groups",
    "delete_consumer_group": "consumer_groups",
    "update_consumer_group_subscription": "consumer_groups",
    "delete_consumer_group_for_queue": "consumer_groups",
    "seek_consumer_group": "consumer_groups",
    "seek_consumer_group_partition": "consumer_groups",
    "refresh_stats": "consumer_groups",
    "get_status": "status",
    "list_status_queues": "status",
    "get_status_queue": "status",
    "list_status_queue_messages": "status",
    "get_status_analytics": "status",
    "get_status_buffers": "status",
    "get_system_metrics": "status",
    "get_worker_metrics": "status",
    "get_queue_lag": "status",
    "get_queue_ops": "status",
    "get_queue_parked_replicas": "status",
    "get_retention_analytics": "status",
    "get_postgres_stats": "status",
    "get_maintenance": "system",
    "set_maintenance": "system",
    "get_pop_maintenance": "system",
    "set_pop_maintenance": "system",
    "get_shared_state": "system",
    "internal_notify": "system",
    "get_internal_shared_state_stats": "system",
    "get_inter_instance_stats": "system",
    "migration_test_connection": "system",
    "migration_start": "system",
    "get_migration_status": "system",
    "migration_validate": "system",
    "migration_reset": "system",
    "get_health": "health",
    "get_metrics": "health",
    "get_prometheus_metrics": "health",
    "cors_preflight": "health",
    "register_stream_query": "streams",
    "run_stream_cycle": "streams",
    "get_stream_state": "streams",
}


def configure_queue(*, body: ConfigureRequest) -> dict[str, Any]:
    """`POST /api/v1/configure`: Create or reconfigure a queue."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/configure",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def push_messages(*, body: PushRequest) -> dict[str, Any]:
    """`POST /api/v1/push`: Push messages."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/push",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def pop_queue(
    queue: str,
    *,
    consumer_group: str | None = None,
    batch: int | None = None,
    partitions: int | None = None,
    wait: bool | None = None,
    timeout: int | None = None,
    auto_ack: bool | None = None,
    subscription_mode: str | None = None,
    subscription_from: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/pop/queue/{queue}`: Pop from any partition of a queue."""
    params = {
        "consumerGroup": consumer_group,
        "batch": batch,
        "partitions": partitions,
        "wait": wait,
        "timeout": timeout,
        "autoAck": auto_ack,
        "subscriptionMode": subscription_mode,
        "subscriptionFrom": subscription_from,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/pop/queue/{quote(str(queue), safe=PATH_SAFE)}",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def pop_partition(
    queue: str,
    partition: str,
    *,
    consumer_group: str | None = None,
    batch: int | None = None,
    wait: bool | None = None,
    timeout: int | None = None,
    auto_ack: bool | None = None,
    subscription_mode: str | None = None,
    subscription_from: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/pop/queue/{queue}/partition/{partition}`: Pop from one partition."""
    params = {
        "consumerGroup": consumer_group,
        "batch": batch,
        "wait": wait,
        "timeout": timeout,
        "autoAck": auto_ack,
        "subscriptionMode": subscription_mode,
        "subscriptionFrom": subscription_from,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/pop/queue/{quote(str(queue), safe=PATH_SAFE)}/partition/{quote(str(partition), safe=PATH_SAFE)}",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def pop_filtered(
    *,
    namespace: str | None = None,
    task: str | None = None,
    consumer_group: str | None = None,
    batch: int | None = None,
    partitions: int | None = None,
    wait: bool | None = None,
    timeout: int | None = None,
    auto_ack: bool | None = None,
    subscription_mode: str | None = None,
    subscription_from: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/pop`: Pop from any queue of a namespace and/or task."""
    params = {
        "namespace": namespace,
        "task": task,
        "consumerGroup": consumer_group,
        "batch": batch,
        "partitions": partitions,
        "wait": wait,
        "timeout": timeout,
        "autoAck": auto_ack,
        "subscriptionMode": subscription_mode,
        "subscriptionFrom": subscription_from,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pop",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def ack_message(*, body: AckRequest) -> dict[str, Any]:
    """`POST /api/v1/ack`: Acknowledge one message."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ack",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def ack_batch(*, body: AckBatchRequest) -> dict[str, Any]:
    """`POST /api/v1/ack/batch`: Acknowledge several messages."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ack/batch",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def commit_transaction(*, body: TransactionRequest) -> dict[str, Any]:
    """`POST /api/v1/transaction`: Acknowledge and push atomically."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/transaction",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def extend_lease(lease_id: str, *, body: LeaseExtendRequest) -> dict[str, Any]:
    """`POST /api/v1/lease/{leaseId}/extend`: Extend a lease."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/api/v1/lease/{quote(str(lease_id), safe=PATH_SAFE)}/extend",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def record_trace(*, body: TraceRecordRequest) -> dict[str, Any]:
    """`POST /api/v1/traces`: Record a trace event for a message."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/traces",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def get_message_traces(partition_id: str, transaction_id: str) -> dict[str, Any]:
    """`GET /api/v1/traces/{partitionId}/{transactionId}`: List the trace events of one message."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/traces/{quote(str(partition_id), safe=PATH_SAFE)}/{quote(str(transaction_id), safe=PATH_SAFE)}",
    }
    return kwargs


def get_traces_by_name(
    trace_name: str, *, limit: int | None = None, offset: int | None = None
) -> dict[str, Any]:
    """`GET /api/v1/traces/by-name/{traceName}`: List the trace events tagged with a name."""
    params = {"limit": limit, "offset": offset}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/traces/by-name/{quote(str(trace_name), safe=PATH_SAFE)}",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def list_trace_names(
    *, limit: int | None = None, offset: int | None = None
) -> dict[str, Any]:
    """`GET /api/v1/traces/names`: List trace names."""
    params = {"limit": limit, "offset": offset}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/traces/names",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def list_dlq(
    *,
    queue: str | None = None,
    consumer_group: str | None = None,
    partition: str | None = None,
    from_: str | None = None,
    to: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/dlq`: List dead-lettered messages."""
    params = {
        "queue": queue,
        "consumerGroup": consumer_group,
        "partition": partition,
        "from": from_,
        "to": to,
        "limit": limit,
        "offset": offset,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dlq",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def list_messages(
    *,
    queue: str | None = None,
    partition: str | None = None,
    ns: str | None = None,
    task: str | None = None,
    status: str | None = None,
    from_: str | None = None,
    to: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/messages`: List messages."""
    params = {
        "queue": queue,
        "partition": partition,
        "ns": ns,
        "task": task,
        "status": status,
        "from": from_,
        "to": to,
        "limit": limit,
        "offset": offset,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/messages",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_message(partition_id: str, transaction_id: str) -> dict[str, Any]:
    """`GET /api/v1/messages/{partitionId}/{transactionId}`: Get one message with its payload and
    delivery state.
    """
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/messages/{quote(str(partition_id), safe=PATH_SAFE)}/{quote(str(transaction_id), safe=PATH_SAFE)}",
    }
    return kwargs


def delete_message(partition_id: str, transaction_id: str) -> dict[str, Any]:
    """`DELETE /api/v1/messages/{partitionId}/{transactionId}`: Delete one message."""
    kwargs: dict[str, Any] = {
        "method": "delete",
        "url": f"/api/v1/messages/{quote(str(partition_id), safe=PATH_SAFE)}/{quote(str(transaction_id), safe=PATH_SAFE)}",
    }
    return kwargs


def retry_message(partition_id: str, transaction_id: str) -> dict[str, Any]:
    """`POST /api/v1/messages/{partitionId}/{transactionId}/retry`: Make a dead-lettered message
    deliverable again.
    """
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/api/v1/messages/{quote(str(partition_id), safe=PATH_SAFE)}/{quote(str(transaction_id), safe=PATH_SAFE)}/retry",
    }
    return kwargs


def move_message_to_dlq(partition_id: str, transaction_id: str) -> dict[str, Any]:
    """`POST /api/v1/messages/{partitionId}/{transactionId}/dlq`: Dead-letter a message."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/api/v1/messages/{quote(str(partition_id), safe=PATH_SAFE)}/{quote(str(transaction_id), safe=PATH_SAFE)}/dlq",
    }
    return kwargs


def get_overview() -> dict[str, Any]:
    """`GET /api/v1/resources/overview`: System-wide counts, lag and throughput."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/resources/overview"}
    return kwargs


def list_queues() -> dict[str, Any]:
    """`GET /api/v1/resources/queues`: List queues."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/resources/queues"}
    return kwargs


def get_queue(queue: str) -> dict[str, Any]:
    """`GET /api/v1/resources/queues/{queue}`: Get one queue with its partitions."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/resources/queues/{quote(str(queue), safe=PATH_SAFE)}",
    }
    return kwargs


def delete_queue(queue: str) -> dict[str, Any]:
    """`DELETE /api/v1/resources/queues/{queue}`: Delete a queue and everything in it."""
    kwargs: dict[str, Any] = {
        "method": "delete",
        "url": f"/api/v1/resources/queues/{quote(str(queue), safe=PATH_SAFE)}",
    }
    return kwargs


def list_namespaces() -> dict[str, Any]:
    """`GET /api/v1/resources/namespaces`: List namespaces."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/resources/namespaces"}
    return kwargs


def list_tasks() -> dict[str, Any]:
    """`GET /api/v1/resources/tasks`: List tasks."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/resources/tasks"}
    return kwargs


def list_partitions(
    *, queue: str | None = None, limit: int | None = None, offset: int | None = None
) -> dict[str, Any]:
    """`GET /api/v1/resources/partitions`: List partitions."""
    params = {"queue": queue, "limit": limit, "offset": offset}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/resources/partitions",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def clear_queue(queue: str, *, partition: str | None = None) -> dict[str, Any]:
    """`DELETE /api/v1/queues/{queue}/clear`: Delete every message of a queue, keeping the queue."""
    params = {"partition": partition}
    kwargs: dict[str, Any] = {
        "method": "delete",
        "url": f"/api/v1/queues/{quote(str(queue), safe=PATH_SAFE)}/clear",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def list_consumer_groups() -> dict[str, Any]:
    """`GET /api/v1/consumer-groups`: List consumer groups."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/consumer-groups"}
    return kwargs


def list_lagging_consumer_groups(
    *, min_lag_seconds: int | None = None
) -> dict[str, Any]:
    """`GET /api/v1/consumer-groups/lagging`: List lagging partitions."""
    params = {"minLagSeconds": min_lag_seconds}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/consumer-groups/lagging",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_consumer_group(group: str) -> dict[str, Any]:
    """`GET /api/v1/consumer-groups/{group}`: Get a consumer group's cursors."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/consumer-groups/{quote(str(group), safe=PATH_SAFE)}",
    }
    return kwargs


def delete_consumer_group(
    group: str, *, delete_metadata: bool | None = None
) -> dict[str, Any]:
    """`DELETE /api/v1/consumer-groups/{group}`: Delete a consumer group everywhere."""
    params = {"deleteMetadata": delete_metadata}
    kwargs: dict[str, Any] = {
        "method": "delete",
        "url": f"/api/v1/consumer-groups/{quote(str(group), safe=PATH_SAFE)}",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def update_consumer_group_subscription(
    group: str, *, body: SubscriptionUpdateRequest
) -> dict[str, Any]:
    """`POST /api/v1/consumer-groups/{group}/subscription`: Change a group's subscription
    timestamp.
    """
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/api/v1/consumer-groups/{quote(str(group), safe=PATH_SAFE)}/subscription",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def delete_consumer_group_for_queue(
    group: str, queue: str, *, delete_metadata: bool | None = None
) -> dict[str, Any]:
    """`DELETE /api/v1/consumer-groups/{group}/queues/{queue}`: Delete a consumer group on one
    queue.
    """
    params = {"deleteMetadata": delete_metadata}
    kwargs: dict[str, Any] = {
        "method": "delete",
        "url": f"/api/v1/consumer-groups/{quote(str(group), safe=PATH_SAFE)}/queues/{quote(str(queue), safe=PATH_SAFE)}",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def seek_consumer_group(
    group: str, queue: str, *, body: SeekToEndRequest | SeekToTimestampRequest
) -> dict[str, Any]:
    """`POST /api/v1/consumer-groups/{group}/queues/{queue}/seek`: Move a group's cursors on a
    queue.
    """
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/api/v1/consumer-groups/{quote(str(group), safe=PATH_SAFE)}/queues/{quote(str(queue), safe=PATH_SAFE)}/seek",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def seek_consumer_group_partition(
    group: str, queue: str, partition: str
) -> dict[str, Any]:
    """`POST /api/v1/consumer-groups/{group}/queues/{queue}/partitions/{partition}/seek`: Move a
    group's cursor on one partition to its end.
    """
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/api/v1/consumer-groups/{quote(str(group), safe=PATH_SAFE)}/queues/{quote(str(queue), safe=PATH_SAFE)}/partitions/{quote(str(partition), safe=PATH_SAFE)}/seek",
    }
    return kwargs


def refresh_stats() -> dict[str, Any]:
    """`POST /api/v1/stats/refresh`: Recompute the statistics table now."""
    kwargs: dict[str, Any] = {"method": "post", "url": "/api/v1/stats/refresh"}
    return kwargs


def get_status(
    *,
    from_: str | None = None,
    to: str | None = None,
    queue: str | None = None,
    namespace: str | None = None,
    task: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/status`: Dashboard summary."""
    params = {
        "from": from_,
        "to": to,
        "queue": queue,
        "namespace": namespace,
        "task": task,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def list_status_queues(
    *,
    namespace: str | None = None,
    task: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
    from_: str | None = None,
    to: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/status/queues`: Queues with message counts."""
    params = {
        "namespace": namespace,
        "task": task,
        "limit": limit,
        "offset": offset,
        "from": from_,
        "to": to,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status/queues",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_status_queue(queue: str) -> dict[str, Any]:
    """`GET /api/v1/status/queues/{queue}`: One queue with per-partition counts."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/status/queues/{quote(str(queue), safe=PATH_SAFE)}",
    }
    return kwargs


def list_status_queue_messages(
    queue: str, *, limit: int | None = None, offset: int | None = None
) -> dict[str, Any]:
    """`GET /api/v1/status/queues/{queue}/messages`: Recent messages of a queue."""
    params = {"limit": limit, "offset": offset}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/api/v1/status/queues/{quote(str(queue), safe=PATH_SAFE)}/messages",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_status_analytics(
    *,
    from_: str | None = None,
    to: str | None = None,
    queue: str | None = None,
    namespace: str | None = None,
    task: str | None = None,
    interval: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/status/analytics`: Message counts per time bucket."""
    params = {
        "from": from_,
        "to": to,
        "queue": queue,
        "namespace": namespace,
        "task": task,
        "interval": interval,
    }
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status/analytics",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_status_buffers() -> dict[str, Any]:
    """`GET /api/v1/status/buffers`: File-buffer state of the serving worker."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/status/buffers"}
    return kwargs


def get_system_metrics(
    *,
    from_: str | None = None,
    to: str | None = None,
    hostname: str | None = None,
    worker_id: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/analytics/system-metrics`: Process metrics per replica."""
    params = {"from": from_, "to": to, "hostname": hostname, "workerId": worker_id}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/system-metrics",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_worker_metrics(
    *,
    from_: str | None = None,
    to: str | None = None,
    hostname: str | None = None,
    worker_id: str | None = None,
) -> dict[str, Any]:
    """`GET /api/v1/analytics/worker-metrics`: Request metrics per worker."""
    params = {"from": from_, "to": to, "hostname": hostname, "workerId": worker_id}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/worker-metrics",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_queue_lag(
    *, from_: str | None = None, to: str | None = None, queue: str | None = None
) -> dict[str, Any]:
    """`GET /api/v1/analytics/queue-lag`: Pop lag per queue and bucket."""
    params = {"from": from_, "to": to, "queue": queue}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/queue-lag",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_queue_ops(
    *, from_: str | None = None, to: str | None = None, queue: str | None = None
) -> dict[str, Any]:
    """`GET /api/v1/analytics/queue-ops`: Operation counts per queue and bucket."""
    params = {"from": from_, "to": to, "queue": queue}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/queue-ops",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_queue_parked_replicas(
    *, from_: str | None = None, to: str | None = None, queue: str | None = None
) -> dict[str, Any]:
    """`GET /api/v1/analytics/queue-parked-replicas`: Parked long polls per replica."""
    params = {"from": from_, "to": to, "queue": queue}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/queue-parked-replicas",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_retention_analytics(
    *, from_: str | None = None, to: str | None = None, queue: str | None = None
) -> dict[str, Any]:
    """`GET /api/v1/analytics/retention`: Retention and eviction deletions."""
    params = {"from": from_, "to": to, "queue": queue}
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/retention",
        "params": {k: v for k, v in params.items() if v is not None},
    }
    return kwargs


def get_postgres_stats() -> dict[str, Any]:
    """`GET /api/v1/analytics/postgres-stats`: PostgreSQL health figures."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analytics/postgres-stats",
    }
    return kwargs


def get_maintenance() -> dict[str, Any]:
    """`GET /api/v1/system/maintenance`: Maintenance-mode state."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/system/maintenance"}
    return kwargs


def set_maintenance(*, body: MaintenanceToggle) -> dict[str, Any]:
    """`POST /api/v1/system/maintenance`: Turn push maintenance mode on or off."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/system/maintenance",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def get_pop_maintenance() -> dict[str, Any]:
    """`GET /api/v1/system/maintenance/pop`: Pop maintenance-mode state."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/system/maintenance/pop"}
    return kwargs


def set_pop_maintenance(*, body: MaintenanceToggle) -> dict[str, Any]:
    """`POST /api/v1/system/maintenance/pop`: Pause or resume pops."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/system/maintenance/pop",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def get_shared_state() -> dict[str, Any]:
    """`GET /api/v1/system/shared-state`: Cluster-sync statistics."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/system/shared-state"}
    return kwargs


def internal_notify(*, body: NotifyRequest) -> dict[str, Any]:
    """`POST /internal/api/notify`: Wake long-polling pops for a queue."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/internal/api/notify",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def get_internal_shared_state_stats() -> dict[str, Any]:
    """`GET /internal/api/shared-state/stats`: Cluster-sync statistics (internal route)."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/internal/api/shared-state/stats",
    }
    return kwargs


def get_inter_instance_stats() -> dict[str, Any]:
    """`GET /internal/api/inter-instance/stats`: Inter-instance statistics (internal route)."""
    kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/internal/api/inter-instance/stats",
    }
    return kwargs


def migration_test_connection(*, body: MigrationConnection) -> dict[str, Any]:
    """`POST /api/v1/migration/test-connection`: Check a target database for migration."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/migration/test-connection",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def migration_start(*, body: MigrationStartRequest) -> dict[str, Any]:
    """`POST /api/v1/migration/start`: Start copying the database to another server."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/migration/start",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def get_migration_status() -> dict[str, Any]:
    """`GET /api/v1/migration/status`: Progress of the database copy."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/api/v1/migration/status"}
    return kwargs


def migration_validate(*, body: MigrationConnection | None = None) -> dict[str, Any]:
    """`POST /api/v1/migration/validate`: Compare row counts between source and target."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/migration/validate",
        "headers": {"Content-Type": "application/json"},
    }
    if body is not None:
        kwargs["json"] = body
    return kwargs


def migration_reset() -> dict[str, Any]:
    """`POST /api/v1/migration/reset`: Forget a finished database copy."""
    kwargs: dict[str, Any] = {"method": "post", "url": "/api/v1/migration/reset"}
    return kwargs


def get_health() -> dict[str, Any]:
    """`GET /health`: Liveness and database reachability."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/health"}
    return kwargs


def get_metrics() -> dict[str, Any]:
    """`GET /metrics`: Process metrics (JSON)."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/metrics"}
    return kwargs


def get_prometheus_metrics() -> dict[str, Any]:
    """`GET /metrics/prometheus`: Metrics in the Prometheus text format."""
    kwargs: dict[str, Any] = {"method": "get", "url": "/metrics/prometheus"}
    return kwargs


def cors_preflight(path: str) -> dict[str, Any]:
    """`OPTIONS /{path}`: CORS preflight (any path)."""
    kwargs: dict[str, Any] = {
        "method": "options",
        "url": f"/{quote(str(path), safe=PATH_SAFE)}",
    }
    return kwargs


def register_stream_query(*, body: StreamQueryRequest) -> dict[str, Any]:
    """`POST /streams/v1/queries`: Register a streaming query."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/streams/v1/queries",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def run_stream_cycle(*, body: StreamCycleRequest) -> dict[str, Any]:
    """`POST /streams/v1/cycle`: Apply one streaming step atomically."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/streams/v1/cycle",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs


def get_stream_state(*, body: StreamStateRequest) -> dict[str, Any]:
    """`POST /streams/v1/state/get`: Read streaming state."""
    kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/streams/v1/state/get",
        "headers": {"Content-Type": "application/json"},
    }
    kwargs["json"] = body
    return kwargs
