"""``queen.admin``: inspection and administration calls, returning parsed data.

Errors reported by the server (also inside HTTP 200 answers) raise
:class:`~queen.QueenServerError`; empty answers become an empty dict or list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _endpoints as ep
from ._wire import check_body

if TYPE_CHECKING:
    from .client import Queen


class Admin:
    """Admin API of one client (``queen.admin``)."""

    def __init__(self, queen: Queen) -> None:
        self._queen = queen

    async def _get(self, endpoint: ep.Endpoint, empty: Any, **arguments: Any) -> Any:
        answer = await self._queen._call(endpoint, **arguments)
        if answer is None:
            return empty
        return check_body(answer, endpoint.operation_id.replace("_", " "))

    # --- resources -------------------------------------------------------------------------
    async def get_overview(self) -> dict[str, Any]:
        """System-wide counts: queues, partitions, messages by state, lag, throughput."""
        result: dict[str, Any] = await self._get(ep.GET_OVERVIEW, {})
        return result

    async def list_queues(self) -> dict[str, Any]:
        """``{"queues": [...]}`` with message counts per queue."""
        result: dict[str, Any] = await self._get(ep.LIST_QUEUES, {"queues": []})
        return result

    async def get_queue(self, name: str) -> dict[str, Any]:
        """One queue with its partitions and counters."""
        result: dict[str, Any] = await self._get(ep.GET_QUEUE, {}, queue=name)
        return result

    async def delete_queue(self, name: str) -> dict[str, Any]:
        """Delete a queue and everything in it."""
        result: dict[str, Any] = await self._get(ep.DELETE_QUEUE, {}, queue=name)
        return result

    async def get_namespaces(self) -> dict[str, Any]:
        """``{"namespaces": [...]}``."""
        result: dict[str, Any] = await self._get(ep.LIST_NAMESPACES, {"namespaces": []})
        return result

    async def get_tasks(self) -> dict[str, Any]:
        """``{"tasks": [...]}``."""
        result: dict[str, Any] = await self._get(ep.LIST_TASKS, {"tasks": []})
        return result

    async def get_partitions(self, queue: str | None = None) -> Any:
        """Partitions (optionally of one queue); served by ``queen_server`` only."""
        return await self._get(ep.LIST_PARTITIONS, {}, queue=queue)

    async def clear_queue(self, name: str, partition: str | None = None) -> dict[str, Any]:
        """Delete a queue's messages (one partition's if given); ``queen_server`` only."""
        result: dict[str, Any] = await self._get(
            ep.CLEAR_QUEUE, {}, queue=name, partition=partition
        )
        return result

    # --- messages --------------------------------------------------------------------------
    async def list_messages(
        self,
        *,
        queue: str | None = None,
        partition: str | None = None,
        namespace: str | None = None,
        task: str | None = None,
        status: str | None = None,
        from_: str | None = None,
        to: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> dict[str, Any]:
        """Messages of the last hour by default, newest first (``{"messages", "mode"}``)."""
        result: dict[str, Any] = await self._get(
            ep.LIST_MESSAGES,
            {"messages": []},
            queue=queue,
            partition=partition,
            ns=namespace,
            task=task,
            status=status,
            from_=from_,
            to=to,
            limit=limit,
            offset=offset,
        )
        return result

    async def get_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """One message with payload, status and consumer-group positions."""
        result: dict[str, Any] = await self._get(
            ep.GET_MESSAGE, {}, partition_id=partition_id, transaction_id=transaction_id
        )
        return result

    async def delete_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Delete one message (and its DLQ entries and traces)."""
        result: dict[str, Any] = await self._get(
            ep.DELETE_MESSAGE, {}, partition_id=partition_id, transaction_id=transaction_id
        )
        return result

    async def retry_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Re-deliver a dead-lettered message; ``queen_server`` only."""
        result: dict[str, Any] = await self._get(
            ep.RETRY_MESSAGE, {}, partition_id=partition_id, transaction_id=transaction_id
        )
        return result

    async def move_message_to_dlq(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Dead-letter a message; ``queen_server`` only."""
        result: dict[str, Any] = await self._get(
            ep.MOVE_MESSAGE_TO_DLQ, {}, partition_id=partition_id, transaction_id=transaction_id
        )
        return result

    # --- traces ----------------------------------------------------------------------------
    async def get_traces_for_message(
        self, partition_id: str, transaction_id: str
    ) -> dict[str, Any]:
        """``{"traces": [...]}`` recorded on one message, oldest first."""
        result: dict[str, Any] = await self._get(
            ep.GET_MESSAGE_TRACES,
            {"traces": []},
            partition_id=partition_id,
            transaction_id=transaction_id,
        )
        return result

    async def get_traces_by_name(
        self, name: str, *, limit: int | None = None, offset: int | None = None
    ) -> dict[str, Any]:
        """``{"traces", "total", "pagination"}`` for one trace name."""
        result: dict[str, Any] = await self._get(
            ep.GET_TRACES_BY_NAME, {"traces": []}, trace_name=name, limit=limit, offset=offset
        )
        if result.get("traces") is None:
            result["traces"] = []
        return result

    async def get_trace_names(
        self, *, limit: int | None = None, offset: int | None = None
    ) -> dict[str, Any]:
        """``{"trace_names", "total", "pagination"}``, most recently seen first."""
        result: dict[str, Any] = await self._get(
            ep.LIST_TRACE_NAMES, {"trace_names": []}, limit=limit, offset=offset
        )
        return result

    # --- consumer groups -------------------------------------------------------------------
    async def list_consumer_groups(self) -> list[dict[str, Any]]:
        """One entry per (group, queue) pair with lag and subscription."""
        result: list[dict[str, Any]] = await self._get(ep.LIST_CONSUMER_GROUPS, [])
        return result

    async def get_consumer_group(self, group: str) -> dict[str, Any]:
        """The group's partitions per queue (``{}`` for an unknown group)."""
        result: dict[str, Any] = await self._get(ep.GET_CONSUMER_GROUP, {}, group=group)
        return result

    async def get_lagging_consumers(self, min_lag_seconds: int = 3600) -> list[dict[str, Any]]:
        """Partitions whose oldest unconsumed message is older than ``min_lag_seconds``."""
        result: list[dict[str, Any]] = await self._get(
            ep.LIST_LAGGING_CONSUMER_GROUPS, [], min_lag_seconds=min_lag_seconds
        )
        return result

    async def delete_consumer_group(
        self, group: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete the group's cursors everywhere (and its subscription metadata)."""
        result: dict[str, Any] = await self._get(
            ep.DELETE_CONSUMER_GROUP,
            {"success": True},
            group=group,
            delete_metadata=delete_metadata,
        )
        return result

    async def delete_consumer_group_for_queue(
        self, group: str, queue: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete the group's cursors on one queue."""
        result: dict[str, Any] = await self._get(
            ep.DELETE_CONSUMER_GROUP_FOR_QUEUE,
            {"success": True},
            group=group,
            queue=queue,
            delete_metadata=delete_metadata,
        )
        return result

    async def update_consumer_group_subscription(
        self, group: str, timestamp: str
    ) -> dict[str, Any]:
        """Set the subscription start of the group (partitions not read yet)."""
        result: dict[str, Any] = await self._get(
            ep.UPDATE_CONSUMER_GROUP_SUBSCRIPTION,
            {"success": True},
            group=group,
            body={"subscriptionTimestamp": timestamp},
        )
        return result

    async def seek_consumer_group(
        self, group: str, queue: str, *, timestamp: str | None = None, to_end: bool = False
    ) -> dict[str, Any]:
        """Move the group's cursors on ``queue`` to a timestamp, or to the end."""
        if to_end:
            body: dict[str, Any] = {"toEnd": True}
        elif timestamp is not None:
            body = {"timestamp": timestamp}
        else:
            from ._errors import QueenConfigError

            raise QueenConfigError("seek_consumer_group() needs timestamp=... or to_end=True")
        result: dict[str, Any] = await self._get(
            ep.SEEK_CONSUMER_GROUP, {}, group=group, queue=queue, body=body
        )
        return result

    async def seek_consumer_group_partition(
        self, group: str, queue: str, partition: str
    ) -> dict[str, Any]:
        """Move the group's cursor on one partition to its newest message."""
        result: dict[str, Any] = await self._get(
            ep.SEEK_CONSUMER_GROUP_PARTITION, {}, group=group, queue=queue, partition=partition
        )
        return result

    async def refresh_consumer_stats(self) -> dict[str, Any]:
        """Recompute the statistics tables now."""
        result: dict[str, Any] = await self._get(ep.REFRESH_STATS, {})
        return result

    # --- status and analytics --------------------------------------------------------------
    async def get_status(self, **filters: Any) -> dict[str, Any]:
        """Dashboard status (``from``/``to`` as ``from_``/``to``, ``queue``, ...)."""
        result: dict[str, Any] = await self._get(ep.GET_STATUS, {}, **filters)
        return result

    async def get_queue_stats(self, **filters: Any) -> dict[str, Any]:
        """``{"queues": [...], "pagination": ...}``."""
        result: dict[str, Any] = await self._get(ep.LIST_STATUS_QUEUES, {"queues": []}, **filters)
        return result

    async def get_queue_detail(self, name: str) -> dict[str, Any]:
        """Status of one queue with its partitions."""
        result: dict[str, Any] = await self._get(ep.GET_STATUS_QUEUE, {}, queue=name)
        return result

    async def get_queue_messages(self, name: str, **filters: Any) -> list[dict[str, Any]]:
        """The queue's messages with their status, newest first."""
        result = await self._get(ep.LIST_STATUS_QUEUE_MESSAGES, [], queue=name, **filters)
        return result if isinstance(result, list) else []

    async def get_analytics(self, **filters: Any) -> dict[str, Any]:
        """Message counts over time (``interval`` minute/hour/day)."""
        result: dict[str, Any] = await self._get(ep.GET_STATUS_ANALYTICS, {}, **filters)
        return result

    async def get_buffer_status(self) -> dict[str, Any]:
        """Server-side file buffer status."""
        result: dict[str, Any] = await self._get(ep.GET_STATUS_BUFFERS, {})
        return result

    async def get_system_metrics(self, **filters: Any) -> dict[str, Any]:
        """Per-replica system metrics time series."""
        result: dict[str, Any] = await self._get(ep.GET_SYSTEM_METRICS, {}, **filters)
        return result

    async def get_worker_metrics(self, **filters: Any) -> dict[str, Any]:
        """Per-worker metrics time series."""
        result: dict[str, Any] = await self._get(ep.GET_WORKER_METRICS, {}, **filters)
        return result

    async def get_queue_lag(self, **filters: Any) -> list[dict[str, Any]]:
        """Pop lag per queue and time bucket."""
        result: list[dict[str, Any]] = await self._get(ep.GET_QUEUE_LAG, [], **filters)
        return result

    async def get_queue_ops(self, **filters: Any) -> dict[str, Any]:
        """Push/pop/ack operation series per queue."""
        result: dict[str, Any] = await self._get(ep.GET_QUEUE_OPS, {}, **filters)
        return result

    async def get_retention_analytics(self, **filters: Any) -> dict[str, Any]:
        """Retention and eviction series."""
        result: dict[str, Any] = await self._get(ep.GET_RETENTION_ANALYTICS, {}, **filters)
        return result

    async def get_postgres_stats(self) -> dict[str, Any]:
        """Database cache, vacuum and size statistics."""
        result: dict[str, Any] = await self._get(ep.GET_POSTGRES_STATS, {})
        return result

    # --- system and health -----------------------------------------------------------------
    async def health(self) -> dict[str, Any]:
        """``{"status": "healthy", "database": "connected", ...}``."""
        result: dict[str, Any] = await self._get(ep.GET_HEALTH, {})
        return result

    async def metrics(self) -> dict[str, Any]:
        """The JSON metrics object of ``/metrics``."""
        result: dict[str, Any] = await self._get(ep.GET_METRICS, {})
        return result

    async def prometheus_metrics(self) -> str:
        """The Prometheus text exposition of ``/metrics/prometheus``."""
        result = await self._queen._call(ep.GET_PROMETHEUS_METRICS)
        return result if isinstance(result, str) else ""

    async def get_maintenance_mode(self) -> dict[str, Any]:
        """``{"maintenanceMode", "popMaintenanceMode", "bufferedMessages", ...}``."""
        result: dict[str, Any] = await self._get(ep.GET_MAINTENANCE, {})
        return result

    async def set_maintenance_mode(self, enabled: bool) -> dict[str, Any]:
        """Turn push maintenance mode on or off."""
        result: dict[str, Any] = await self._get(
            ep.SET_MAINTENANCE, {}, body={"enabled": bool(enabled)}
        )
        return result

    async def get_pop_maintenance_mode(self) -> dict[str, Any]:
        """``{"popMaintenanceMode": bool, ...}``."""
        result: dict[str, Any] = await self._get(ep.GET_POP_MAINTENANCE, {})
        return result

    async def set_pop_maintenance_mode(self, enabled: bool) -> dict[str, Any]:
        """Turn pop maintenance mode on or off."""
        result: dict[str, Any] = await self._get(
            ep.SET_POP_MAINTENANCE, {}, body={"enabled": bool(enabled)}
        )
        return result

    async def get_shared_state(self) -> dict[str, Any]:
        """Cluster-sync statistics."""
        result: dict[str, Any] = await self._get(ep.GET_SHARED_STATE, {})
        return result
