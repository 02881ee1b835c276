"""The operations of the Queen HTTP API that the client sends.

Each :class:`Endpoint` wraps the generated request builder of one operation
(``queen_generated.builders``, made from ``openapi.yaml``): ``request_kwargs(...)`` has that
builder's signature, so a type checker checks every argument, and returns method, URL (path
parameters percent-quoted), query (``None`` values are not sent) and JSON body; no URL is written
by hand here. The builders import only the standard library, so nothing is imported when the
first request is sent. ``retry_safe`` says whether a call may be repeated after it may already
have been applied (reads, upserts, pushes and acks that carry transactionIds); other calls are
only retried when the request certainly never reached a server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic

from typing_extensions import ParamSpec

from queen_generated import builders as b

#: the builder's parameters; bare ``Endpoint`` means any of them
P = ParamSpec("P", default=...)


class Endpoint(Generic[P]):
    """One operation of the Queen HTTP API."""

    __slots__ = ("_build", "name", "retry_safe")

    def __init__(self, build: Callable[P, dict[str, Any]], *, retry_safe: bool = True) -> None:
        operation_id = build.__name__
        self._build = build
        #: ``tag.operation_id``, used in logs and error messages
        self.name = f"{b.TAGS[operation_id]}.{operation_id}"
        self.retry_safe = retry_safe

    @property
    def tag(self) -> str:
        """The operation's tag (its endpoint module is ``queen_generated.api.<tag>``)."""
        return self.name.split(".", 1)[0]

    @property
    def operation_id(self) -> str:
        """The operation's ``operationId`` in ``openapi.yaml``."""
        return self.name.split(".", 1)[1]

    def request_kwargs(self, *args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
        """The request's ``method``, ``url`` and, when used, ``params``, ``json``, ``headers``."""
        return self._build(*args, **kwargs)

    def __repr__(self) -> str:
        return f"Endpoint({self.name}, retry_safe={self.retry_safe})"


# data
CONFIGURE_QUEUE = Endpoint(b.configure_queue)
PUSH_MESSAGES = Endpoint(b.push_messages)  # items always carry transactionIds
POP_QUEUE = Endpoint(b.pop_queue, retry_safe=False)
POP_PARTITION = Endpoint(b.pop_partition, retry_safe=False)
POP_FILTERED = Endpoint(b.pop_filtered, retry_safe=False)
# Acks are repeated by the core, not blindly: after a lost answer the server refuses a repeat
# of an applied ack ("Invalid or expired lease"), which the core tells apart from a failure.
ACK_MESSAGE = Endpoint(b.ack_message, retry_safe=False)
ACK_BATCH = Endpoint(b.ack_batch, retry_safe=False)
COMMIT_TRANSACTION = Endpoint(b.commit_transaction, retry_safe=False)
EXTEND_LEASE = Endpoint(b.extend_lease)  # extending twice is harmless
# traces
RECORD_TRACE = Endpoint(b.record_trace, retry_safe=False)
GET_MESSAGE_TRACES = Endpoint(b.get_message_traces)
GET_TRACES_BY_NAME = Endpoint(b.get_traces_by_name)
LIST_TRACE_NAMES = Endpoint(b.list_trace_names)
# dlq
LIST_DLQ = Endpoint(b.list_dlq)
# messages
LIST_MESSAGES = Endpoint(b.list_messages)
GET_MESSAGE = Endpoint(b.get_message)
DELETE_MESSAGE = Endpoint(b.delete_message)
RETRY_MESSAGE = Endpoint(b.retry_message, retry_safe=False)
MOVE_MESSAGE_TO_DLQ = Endpoint(b.move_message_to_dlq, retry_safe=False)
# resources
GET_OVERVIEW = Endpoint(b.get_overview)
LIST_QUEUES = Endpoint(b.list_queues)
GET_QUEUE = Endpoint(b.get_queue)
DELETE_QUEUE = Endpoint(b.delete_queue)
LIST_NAMESPACES = Endpoint(b.list_namespaces)
LIST_TASKS = Endpoint(b.list_tasks)
LIST_PARTITIONS = Endpoint(b.list_partitions)
CLEAR_QUEUE = Endpoint(b.clear_queue)
# consumer groups
LIST_CONSUMER_GROUPS = Endpoint(b.list_consumer_groups)
LIST_LAGGING_CONSUMER_GROUPS = Endpoint(b.list_lagging_consumer_groups)
GET_CONSUMER_GROUP = Endpoint(b.get_consumer_group)
DELETE_CONSUMER_GROUP = Endpoint(b.delete_consumer_group)
UPDATE_CONSUMER_GROUP_SUBSCRIPTION = Endpoint(b.update_consumer_group_subscription)
DELETE_CONSUMER_GROUP_FOR_QUEUE = Endpoint(b.delete_consumer_group_for_queue)
SEEK_CONSUMER_GROUP = Endpoint(b.seek_consumer_group)
SEEK_CONSUMER_GROUP_PARTITION = Endpoint(b.seek_consumer_group_partition)
REFRESH_STATS = Endpoint(b.refresh_stats)
# status and analytics
GET_STATUS = Endpoint(b.get_status)
LIST_STATUS_QUEUES = Endpoint(b.list_status_queues)
GET_STATUS_QUEUE = Endpoint(b.get_status_queue)
LIST_STATUS_QUEUE_MESSAGES = Endpoint(b.list_status_queue_messages)
GET_STATUS_ANALYTICS = Endpoint(b.get_status_analytics)
GET_STATUS_BUFFERS = Endpoint(b.get_status_buffers)
GET_SYSTEM_METRICS = Endpoint(b.get_system_metrics)
GET_WORKER_METRICS = Endpoint(b.get_worker_metrics)
GET_QUEUE_LAG = Endpoint(b.get_queue_lag)
GET_QUEUE_OPS = Endpoint(b.get_queue_ops)
GET_QUEUE_PARKED_REPLICAS = Endpoint(b.get_queue_parked_replicas)
GET_RETENTION_ANALYTICS = Endpoint(b.get_retention_analytics)
GET_POSTGRES_STATS = Endpoint(b.get_postgres_stats)
# system
GET_MAINTENANCE = Endpoint(b.get_maintenance)
SET_MAINTENANCE = Endpoint(b.set_maintenance)
GET_POP_MAINTENANCE = Endpoint(b.get_pop_maintenance)
SET_POP_MAINTENANCE = Endpoint(b.set_pop_maintenance)
GET_SHARED_STATE = Endpoint(b.get_shared_state)
# health
GET_HEALTH = Endpoint(b.get_health)
GET_METRICS = Endpoint(b.get_metrics)
GET_PROMETHEUS_METRICS = Endpoint(b.get_prometheus_metrics)
