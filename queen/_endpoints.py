"""The generated endpoint modules the client sends requests through.

Each :class:`Endpoint` names a module ``queen_generated.api.<tag>.<operation_id>``; its
``request_kwargs(...)`` builds method, URL, query and JSON body, so no URL is written by hand
here. ``retry_safe`` says whether a call may be repeated after it may already have been
applied (reads, upserts, pushes and acks that carry transactionIds); other calls are only
retried when the request certainly never reached a server.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

_modules: dict[str, ModuleType] = {}


@dataclass(frozen=True)
class Endpoint:
    """One operation of the Queen HTTP API."""

    tag: str
    operation_id: str
    retry_safe: bool = True

    @property
    def name(self) -> str:
        """``tag.operation_id``, used in logs and error messages."""
        return f"{self.tag}.{self.operation_id}"

    def request_kwargs(self, **arguments: Any) -> dict[str, Any]:
        """Call the generated module's ``request_kwargs`` with ``arguments``."""
        module = _modules.get(self.name)
        if module is None:
            module = importlib.import_module(f"queen_generated.api.{self.tag}.{self.operation_id}")
            _modules[self.name] = module
        kwargs: dict[str, Any] = module.request_kwargs(**arguments)
        return kwargs


# data
CONFIGURE_QUEUE = Endpoint("data", "configure_queue")
PUSH_MESSAGES = Endpoint("data", "push_messages")  # items always carry transactionIds
POP_QUEUE = Endpoint("data", "pop_queue", retry_safe=False)
POP_PARTITION = Endpoint("data", "pop_partition", retry_safe=False)
POP_FILTERED = Endpoint("data", "pop_filtered", retry_safe=False)
# Acks are repeated by the core, not blindly: after a lost answer the server refuses a repeat
# of an applied ack ("Invalid or expired lease"), which the core tells apart from a failure.
ACK_MESSAGE = Endpoint("data", "ack_message", retry_safe=False)
ACK_BATCH = Endpoint("data", "ack_batch", retry_safe=False)
COMMIT_TRANSACTION = Endpoint("data", "commit_transaction", retry_safe=False)
EXTEND_LEASE = Endpoint("data", "extend_lease")  # extending twice is harmless
# traces
RECORD_TRACE = Endpoint("traces", "record_trace", retry_safe=False)
GET_MESSAGE_TRACES = Endpoint("traces", "get_message_traces")
GET_TRACES_BY_NAME = Endpoint("traces", "get_traces_by_name")
LIST_TRACE_NAMES = Endpoint("traces", "list_trace_names")
# dlq
LIST_DLQ = Endpoint("dlq", "list_dlq")
# messages
LIST_MESSAGES = Endpoint("messages", "list_messages")
GET_MESSAGE = Endpoint("messages", "get_message")
DELETE_MESSAGE = Endpoint("messages", "delete_message")
RETRY_MESSAGE = Endpoint("messages", "retry_message", retry_safe=False)
MOVE_MESSAGE_TO_DLQ = Endpoint("messages", "move_message_to_dlq", retry_safe=False)
# resources
GET_OVERVIEW = Endpoint("resources", "get_overview")
LIST_QUEUES = Endpoint("resources", "list_queues")
GET_QUEUE = Endpoint("resources", "get_queue")
DELETE_QUEUE = Endpoint("resources", "delete_queue")
LIST_NAMESPACES = Endpoint("resources", "list_namespaces")
LIST_TASKS = Endpoint("resources", "list_tasks")
LIST_PARTITIONS = Endpoint("resources", "list_partitions")
CLEAR_QUEUE = Endpoint("resources", "clear_queue")
# consumer groups
LIST_CONSUMER_GROUPS = Endpoint("consumer_groups", "list_consumer_groups")
LIST_LAGGING_CONSUMER_GROUPS = Endpoint("consumer_groups", "list_lagging_consumer_groups")
GET_CONSUMER_GROUP = Endpoint("consumer_groups", "get_consumer_group")
DELETE_CONSUMER_GROUP = Endpoint("consumer_groups", "delete_consumer_group")
UPDATE_CONSUMER_GROUP_SUBSCRIPTION = Endpoint(
    "consumer_groups", "update_consumer_group_subscription"
)
DELETE_CONSUMER_GROUP_FOR_QUEUE = Endpoint("consumer_groups", "delete_consumer_group_for_queue")
SEEK_CONSUMER_GROUP = Endpoint("consumer_groups", "seek_consumer_group")
SEEK_CONSUMER_GROUP_PARTITION = Endpoint("consumer_groups", "seek_consumer_group_partition")
REFRESH_STATS = Endpoint("consumer_groups", "refresh_stats")
# status and analytics
GET_STATUS = Endpoint("status", "get_status")
LIST_STATUS_QUEUES = Endpoint("status", "list_status_queues")
GET_STATUS_QUEUE = Endpoint("status", "get_status_queue")
LIST_STATUS_QUEUE_MESSAGES = Endpoint("status", "list_status_queue_messages")
GET_STATUS_ANALYTICS = Endpoint("status", "get_status_analytics")
GET_STATUS_BUFFERS = Endpoint("status", "get_status_buffers")
GET_SYSTEM_METRICS = Endpoint("status", "get_system_metrics")
GET_WORKER_METRICS = Endpoint("status", "get_worker_metrics")
GET_QUEUE_LAG = Endpoint("status", "get_queue_lag")
GET_QUEUE_OPS = Endpoint("status", "get_queue_ops")
GET_QUEUE_PARKED_REPLICAS = Endpoint("status", "get_queue_parked_replicas")
GET_RETENTION_ANALYTICS = Endpoint("status", "get_retention_analytics")
GET_POSTGRES_STATS = Endpoint("status", "get_postgres_stats")
# system
GET_MAINTENANCE = Endpoint("system", "get_maintenance")
SET_MAINTENANCE = Endpoint("system", "set_maintenance")
GET_POP_MAINTENANCE = Endpoint("system", "get_pop_maintenance")
SET_POP_MAINTENANCE = Endpoint("system", "set_pop_maintenance")
GET_SHARED_STATE = Endpoint("system", "get_shared_state")
# health
GET_HEALTH = Endpoint("health", "get_health")
GET_METRICS = Endpoint("health", "get_metrics")
GET_PROMETHEUS_METRICS = Endpoint("health", "get_prometheus_metrics")
