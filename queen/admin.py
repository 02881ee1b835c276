"""``queen.admin``: inspection and administration calls, returning parsed data.

Errors reported by the server raise — also those upstream sends inside HTTP 200 answers: a
"not found" there raises :class:`~queen.QueenNotFoundError` (status 404), anything else
:class:`~queen.QueenServerError`; both carry the request's URL. Empty answers become an empty
dict or list. Queue, partition and consumer-group names are checked before sending (see
``queen._names``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _endpoints as ep
from ._errors import QueenConfigError
from ._names import check_name
from ._options import timestamp as check_timestamp

if TYPE_CHECKING:
    from ._core import ClientCore


def _queue(name: str) -> str:
    return check_name("queue name", name)


def _group(name: str) -> str:
    return check_name("consumer group name", name)


class Admin:
    """Admin API of one client (``queen.admin``)."""

    __slots__ = ("_core",)

    def __init__(self, core: ClientCore) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<queen.Admin urls={list(self._core.config.urls)!r}>"

    # --- resources -------------------------------------------------------------------------
    async def get_overview(self) -> dict[str, Any]:
        """System-wide counts: queues, partitions, messages by state, lag, throughput."""
        kwargs = ep.GET_OVERVIEW.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_OVERVIEW, kwargs, {})
        return result

    async def list_queues(self) -> dict[str, Any]:
        """``{"queues": [...]}`` with message counts per queue."""
        kwargs = ep.LIST_QUEUES.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.LIST_QUEUES, kwargs, {"queues": []})
        return result

    async def get_queue(self, name: str) -> dict[str, Any]:
        """One queue with its partitions and counters; an unknown queue raises
        :class:`~queen.QueenNotFoundError`."""
        kwargs = ep.GET_QUEUE.request_kwargs(queue=_queue(name))
        result: dict[str, Any] = await self._core.read(ep.GET_QUEUE, kwargs, {})
        return result

    async def delete_queue(self, name: str) -> dict[str, Any]:
        """Delete a queue and everything in it."""
        kwargs = ep.DELETE_QUEUE.request_kwargs(queue=_queue(name))
        result: dict[str, Any] = await self._core.read(ep.DELETE_QUEUE, kwargs, {})
        return result

    async def get_namespaces(self) -> dict[str, Any]:
        """``{"namespaces": [...]}``."""
        kwargs = ep.LIST_NAMESPACES.request_kwargs()
        result: dict[str, Any] = await self._core.read(
            ep.LIST_NAMESPACES, kwargs, {"namespaces": []}
        )
        return result

    async def get_tasks(self) -> dict[str, Any]:
        """``{"tasks": [...]}``."""
        kwargs = ep.LIST_TASKS.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.LIST_TASKS, kwargs, {"tasks": []})
        return result

    async def get_partitions(
        self, queue: str | None = None, *, limit: int | None = None, offset: int | None = None
    ) -> Any:
        """Partitions (optionally of one queue); served by ``queen_server`` only."""
        kwargs = ep.LIST_PARTITIONS.request_kwargs(
            queue=None if queue is None else _queue(queue), limit=limit, offset=offset
        )
        return await self._core.read(ep.LIST_PARTITIONS, kwargs, {})

    async def clear_queue(self, name: str, partition: str | None = None) -> dict[str, Any]:
        """Delete a queue's messages (one partition's if given); ``queen_server`` only."""
        kwargs = ep.CLEAR_QUEUE.request_kwargs(
            queue=_queue(name),
            partition=None if partition is None else check_name("partition name", partition),
        )
        result: dict[str, Any] = await self._core.read(ep.CLEAR_QUEUE, kwargs, {})
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
        kwargs = ep.LIST_MESSAGES.request_kwargs(
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
        result: dict[str, Any] = await self._core.read(ep.LIST_MESSAGES, kwargs, {"messages": []})
        return result

    async def get_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """One message with payload, status and consumer-group positions."""
        kwargs = ep.GET_MESSAGE.request_kwargs(
            partition_id=partition_id, transaction_id=transaction_id
        )
        result: dict[str, Any] = await self._core.read(ep.GET_MESSAGE, kwargs, {})
        return result

    async def delete_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Delete one message (and its DLQ entries and traces)."""
        kwargs = ep.DELETE_MESSAGE.request_kwargs(
            partition_id=partition_id, transaction_id=transaction_id
        )
        result: dict[str, Any] = await self._core.read(ep.DELETE_MESSAGE, kwargs, {})
        return result

    async def retry_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Re-deliver a dead-lettered message; ``queen_server`` only."""
        kwargs = ep.RETRY_MESSAGE.request_kwargs(
            partition_id=partition_id, transaction_id=transaction_id
        )
        result: dict[str, Any] = await self._core.read(ep.RETRY_MESSAGE, kwargs, {})
        return result

    async def move_message_to_dlq(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Dead-letter a message; ``queen_server`` only."""
        kwargs = ep.MOVE_MESSAGE_TO_DLQ.request_kwargs(
            partition_id=partition_id, transaction_id=transaction_id
        )
        result: dict[str, Any] = await self._core.read(ep.MOVE_MESSAGE_TO_DLQ, kwargs, {})
        return result

    # --- traces ----------------------------------------------------------------------------
    async def get_traces_for_message(
        self, partition_id: str, transaction_id: str
    ) -> dict[str, Any]:
        """``{"traces": [...]}`` recorded on one message, oldest first."""
        kwargs = ep.GET_MESSAGE_TRACES.request_kwargs(
            partition_id=partition_id, transaction_id=transaction_id
        )
        result: dict[str, Any] = await self._core.read(
            ep.GET_MESSAGE_TRACES, kwargs, {"traces": []}
        )
        return result

    async def get_traces_by_name(
        self, name: str, *, limit: int | None = None, offset: int | None = None
    ) -> dict[str, Any]:
        """``{"traces", "total", "pagination"}`` for one trace name."""
        kwargs = ep.GET_TRACES_BY_NAME.request_kwargs(trace_name=name, limit=limit, offset=offset)
        result: dict[str, Any] = await self._core.read(
            ep.GET_TRACES_BY_NAME, kwargs, {"traces": []}
        )
        if result.get("traces") is None:
            result["traces"] = []
        return result

    async def get_trace_names(
        self, *, limit: int | None = None, offset: int | None = None
    ) -> dict[str, Any]:
        """``{"trace_names", "total", "pagination"}``, most recently seen first."""
        kwargs = ep.LIST_TRACE_NAMES.request_kwargs(limit=limit, offset=offset)
        result: dict[str, Any] = await self._core.read(
            ep.LIST_TRACE_NAMES, kwargs, {"trace_names": []}
        )
        return result

    # --- consumer groups -------------------------------------------------------------------
    async def list_consumer_groups(self) -> list[dict[str, Any]]:
        """One entry per (group, queue) pair with lag and subscription."""
        kwargs = ep.LIST_CONSUMER_GROUPS.request_kwargs()
        result: list[dict[str, Any]] = await self._core.read(ep.LIST_CONSUMER_GROUPS, kwargs, [])
        return result

    async def get_consumer_group(self, group: str) -> dict[str, Any]:
        """The group's partitions per queue (``{}`` for an unknown group)."""
        kwargs = ep.GET_CONSUMER_GROUP.request_kwargs(group=_group(group))
        result: dict[str, Any] = await self._core.read(ep.GET_CONSUMER_GROUP, kwargs, {})
        return result

    async def get_lagging_consumers(self, min_lag_seconds: int = 3600) -> list[dict[str, Any]]:
        """Partitions whose oldest unconsumed message is older than ``min_lag_seconds``."""
        kwargs = ep.LIST_LAGGING_CONSUMER_GROUPS.request_kwargs(min_lag_seconds=min_lag_seconds)
        result: list[dict[str, Any]] = await self._core.read(
            ep.LIST_LAGGING_CONSUMER_GROUPS, kwargs, []
        )
        return result

    async def delete_consumer_group(
        self, group: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete the group's cursors everywhere (and its subscription metadata)."""
        kwargs = ep.DELETE_CONSUMER_GROUP.request_kwargs(
            group=_group(group), delete_metadata=delete_metadata
        )
        result: dict[str, Any] = await self._core.read(
            ep.DELETE_CONSUMER_GROUP, kwargs, {"success": True}
        )
        return result

    async def delete_consumer_group_for_queue(
        self, group: str, queue: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete the group's cursors on one queue."""
        kwargs = ep.DELETE_CONSUMER_GROUP_FOR_QUEUE.request_kwargs(
            group=_group(group), queue=_queue(queue), delete_metadata=delete_metadata
        )
        result: dict[str, Any] = await self._core.read(
            ep.DELETE_CONSUMER_GROUP_FOR_QUEUE, kwargs, {"success": True}
        )
        return result

    async def update_consumer_group_subscription(
        self, group: str, timestamp: str
    ) -> dict[str, Any]:
        """Set the subscription start of the group (partitions not read yet)."""
        kwargs = ep.UPDATE_CONSUMER_GROUP_SUBSCRIPTION.request_kwargs(
            group=_group(group),
            body={"subscriptionTimestamp": check_timestamp("timestamp", timestamp)},
        )
        result: dict[str, Any] = await self._core.read(
            ep.UPDATE_CONSUMER_GROUP_SUBSCRIPTION, kwargs, {"success": True}
        )
        return result

    async def seek_consumer_group(
        self, group: str, queue: str, *, timestamp: str | None = None, to_end: bool = False
    ) -> dict[str, Any]:
        """Move the group's cursors on ``queue`` to a timestamp, or to the end."""
        if to_end:
            body: dict[str, Any] = {"toEnd": True}
        elif timestamp is not None:
            body = {"timestamp": check_timestamp("timestamp", timestamp)}
        else:
            raise QueenConfigError("seek_consumer_group() needs timestamp=... or to_end=True")
        kwargs = ep.SEEK_CONSUMER_GROUP.request_kwargs(
            group=_group(group), queue=_queue(queue), body=body
        )
        result: dict[str, Any] = await self._core.read(ep.SEEK_CONSUMER_GROUP, kwargs, {})
        return result

    async def seek_consumer_group_partition(
        self, group: str, queue: str, partition: str
    ) -> dict[str, Any]:
        """Move the group's cursor on one partition to its newest message."""
        kwargs = ep.SEEK_CONSUMER_GROUP_PARTITION.request_kwargs(
            group=_group(group),
            queue=_queue(queue),
            partition=check_name("partition name", partition),
        )
        result: dict[str, Any] = await self._core.read(ep.SEEK_CONSUMER_GROUP_PARTITION, kwargs, {})
        return result

    async def refresh_consumer_stats(self) -> dict[str, Any]:
        """Recompute the statistics tables now."""
        kwargs = ep.REFRESH_STATS.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.REFRESH_STATS, kwargs, {})
        return result

    # --- status and analytics --------------------------------------------------------------
    async def get_status(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        queue: str | None = None,
        namespace: str | None = None,
        task: str | None = None,
    ) -> dict[str, Any]:
        """Dashboard status, optionally for a time range, queue, namespace or task."""
        kwargs = ep.GET_STATUS.request_kwargs(
            from_=from_, to=to, queue=queue, namespace=namespace, task=task
        )
        result: dict[str, Any] = await self._core.read(ep.GET_STATUS, kwargs, {})
        return result

    async def get_queue_stats(
        self,
        *,
        namespace: str | None = None,
        task: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        from_: str | None = None,
        to: str | None = None,
    ) -> dict[str, Any]:
        """``{"queues": [...], "pagination": ...}``."""
        kwargs = ep.LIST_STATUS_QUEUES.request_kwargs(
            namespace=namespace, task=task, limit=limit, offset=offset, from_=from_, to=to
        )
        result: dict[str, Any] = await self._core.read(
            ep.LIST_STATUS_QUEUES, kwargs, {"queues": []}
        )
        return result

    async def get_queue_detail(self, name: str) -> dict[str, Any]:
        """Status of one queue with its partitions."""
        kwargs = ep.GET_STATUS_QUEUE.request_kwargs(queue=_queue(name))
        result: dict[str, Any] = await self._core.read(ep.GET_STATUS_QUEUE, kwargs, {})
        return result

    async def get_queue_messages(
        self, name: str, *, limit: int | None = None, offset: int | None = None
    ) -> list[dict[str, Any]]:
        """The queue's messages with their status, newest first."""
        kwargs = ep.LIST_STATUS_QUEUE_MESSAGES.request_kwargs(
            queue=_queue(name), limit=limit, offset=offset
        )
        result = await self._core.read(ep.LIST_STATUS_QUEUE_MESSAGES, kwargs, [])
        return result if isinstance(result, list) else []

    async def get_analytics(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        queue: str | None = None,
        namespace: str | None = None,
        task: str | None = None,
        interval: str | None = None,
    ) -> dict[str, Any]:
        """Message counts over time (``interval`` minute/hour/day)."""
        kwargs = ep.GET_STATUS_ANALYTICS.request_kwargs(
            from_=from_, to=to, queue=queue, namespace=namespace, task=task, interval=interval
        )
        result: dict[str, Any] = await self._core.read(ep.GET_STATUS_ANALYTICS, kwargs, {})
        return result

    async def get_buffer_status(self) -> dict[str, Any]:
        """Server-side file buffer status."""
        kwargs = ep.GET_STATUS_BUFFERS.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_STATUS_BUFFERS, kwargs, {})
        return result

    async def get_system_metrics(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        hostname: str | None = None,
        worker_id: str | None = None,
    ) -> dict[str, Any]:
        """Per-replica system metrics time series."""
        kwargs = ep.GET_SYSTEM_METRICS.request_kwargs(
            from_=from_, to=to, hostname=hostname, worker_id=worker_id
        )
        result: dict[str, Any] = await self._core.read(ep.GET_SYSTEM_METRICS, kwargs, {})
        return result

    async def get_worker_metrics(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        hostname: str | None = None,
        worker_id: str | None = None,
    ) -> dict[str, Any]:
        """Per-worker metrics time series."""
        kwargs = ep.GET_WORKER_METRICS.request_kwargs(
            from_=from_, to=to, hostname=hostname, worker_id=worker_id
        )
        result: dict[str, Any] = await self._core.read(ep.GET_WORKER_METRICS, kwargs, {})
        return result

    async def get_queue_lag(
        self, *, from_: str | None = None, to: str | None = None, queue: str | None = None
    ) -> list[dict[str, Any]]:
        """Pop lag per queue and time bucket."""
        kwargs = ep.GET_QUEUE_LAG.request_kwargs(from_=from_, to=to, queue=queue)
        result: list[dict[str, Any]] = await self._core.read(ep.GET_QUEUE_LAG, kwargs, [])
        return result

    async def get_queue_ops(
        self, *, from_: str | None = None, to: str | None = None, queue: str | None = None
    ) -> dict[str, Any]:
        """Push/pop/ack operation series per queue."""
        kwargs = ep.GET_QUEUE_OPS.request_kwargs(from_=from_, to=to, queue=queue)
        result: dict[str, Any] = await self._core.read(ep.GET_QUEUE_OPS, kwargs, {})
        return result

    async def get_retention_analytics(
        self, *, from_: str | None = None, to: str | None = None, queue: str | None = None
    ) -> dict[str, Any]:
        """Retention and eviction series."""
        kwargs = ep.GET_RETENTION_ANALYTICS.request_kwargs(from_=from_, to=to, queue=queue)
        result: dict[str, Any] = await self._core.read(ep.GET_RETENTION_ANALYTICS, kwargs, {})
        return result

    async def get_postgres_stats(self) -> dict[str, Any]:
        """Database cache, vacuum and size statistics."""
        kwargs = ep.GET_POSTGRES_STATS.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_POSTGRES_STATS, kwargs, {})
        return result

    # --- system and health -----------------------------------------------------------------
    async def health(self) -> dict[str, Any]:
        """``{"status": "healthy", "database": "connected", ...}``."""
        kwargs = ep.GET_HEALTH.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_HEALTH, kwargs, {})
        return result

    async def metrics(self) -> dict[str, Any]:
        """The JSON metrics object of ``/metrics``."""
        kwargs = ep.GET_METRICS.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_METRICS, kwargs, {})
        return result

    async def prometheus_metrics(self) -> str:
        """The Prometheus text exposition of ``/metrics/prometheus``."""
        kwargs = ep.GET_PROMETHEUS_METRICS.request_kwargs()
        result = await self._core.send(ep.GET_PROMETHEUS_METRICS, kwargs)
        return result if isinstance(result, str) else ""

    async def get_maintenance_mode(self) -> dict[str, Any]:
        """``{"maintenanceMode", "popMaintenanceMode", "bufferedMessages", ...}``."""
        kwargs = ep.GET_MAINTENANCE.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_MAINTENANCE, kwargs, {})
        return result

    async def set_maintenance_mode(self, enabled: bool) -> dict[str, Any]:
        """Turn push maintenance mode on or off."""
        kwargs = ep.SET_MAINTENANCE.request_kwargs(body={"enabled": bool(enabled)})
        result: dict[str, Any] = await self._core.read(ep.SET_MAINTENANCE, kwargs, {})
        return result

    async def get_pop_maintenance_mode(self) -> dict[str, Any]:
        """``{"popMaintenanceMode": bool, ...}``."""
        kwargs = ep.GET_POP_MAINTENANCE.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_POP_MAINTENANCE, kwargs, {})
        return result

    async def set_pop_maintenance_mode(self, enabled: bool) -> dict[str, Any]:
        """Turn pop maintenance mode on or off."""
        kwargs = ep.SET_POP_MAINTENANCE.request_kwargs(body={"enabled": bool(enabled)})
        result: dict[str, Any] = await self._core.read(ep.SET_POP_MAINTENANCE, kwargs, {})
        return result

    async def get_shared_state(self) -> dict[str, Any]:
        """Cluster-sync statistics."""
        kwargs = ep.GET_SHARED_STATE.request_kwargs()
        result: dict[str, Any] = await self._core.read(ep.GET_SHARED_STATE, kwargs, {})
        return result
