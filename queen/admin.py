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
    from queen_generated.schemas import SeekToEndRequest, SeekToTimestampRequest

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

    async def _object(
        self, endpoint: ep.Endpoint, kwargs: dict[str, Any], empty: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        result: dict[str, Any] = await self._core.read(endpoint, kwargs, empty or {})
        return result

    async def _list(self, endpoint: ep.Endpoint, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
        result = await self._core.read(endpoint, kwargs, [])
        return result if isinstance(result, list) else []

    # --- resources -------------------------------------------------------------------------
    async def get_overview(self) -> dict[str, Any]:
        """System-wide counts: queues, partitions, messages by state, lag, throughput."""
        return await self._object(ep.GET_OVERVIEW, ep.GET_OVERVIEW.request_kwargs())

    async def list_queues(self) -> dict[str, Any]:
        """``{"queues": [...]}`` with message counts per queue."""
        return await self._object(
            ep.LIST_QUEUES, ep.LIST_QUEUES.request_kwargs(), empty={"queues": []}
        )

    async def get_queue(self, name: str) -> dict[str, Any]:
        """One queue with its partitions and counters; an unknown queue raises
        :class:`~queen.QueenNotFoundError`."""
        return await self._object(ep.GET_QUEUE, ep.GET_QUEUE.request_kwargs(queue=_queue(name)))

    async def delete_queue(self, name: str) -> dict[str, Any]:
        """Delete a queue and everything in it."""
        return await self._object(
            ep.DELETE_QUEUE, ep.DELETE_QUEUE.request_kwargs(queue=_queue(name))
        )

    async def get_namespaces(self) -> dict[str, Any]:
        """``{"namespaces": [...]}``."""
        return await self._object(
            ep.LIST_NAMESPACES, ep.LIST_NAMESPACES.request_kwargs(), empty={"namespaces": []}
        )

    async def get_tasks(self) -> dict[str, Any]:
        """``{"tasks": [...]}``."""
        return await self._object(
            ep.LIST_TASKS, ep.LIST_TASKS.request_kwargs(), empty={"tasks": []}
        )

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
        return await self._object(
            ep.CLEAR_QUEUE,
            ep.CLEAR_QUEUE.request_kwargs(
                queue=_queue(name),
                partition=None if partition is None else check_name("partition name", partition),
            ),
        )

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
        return await self._object(
            ep.LIST_MESSAGES,
            ep.LIST_MESSAGES.request_kwargs(
                queue=queue,
                partition=partition,
                ns=namespace,
                task=task,
                status=status,
                from_=from_,
                to=to,
                limit=limit,
                offset=offset,
            ),
            empty={"messages": []},
        )

    async def get_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """One message with payload, status and consumer-group positions."""
        return await self._object(
            ep.GET_MESSAGE,
            ep.GET_MESSAGE.request_kwargs(partition_id=partition_id, transaction_id=transaction_id),
        )

    async def delete_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Delete one message (and its DLQ entries and traces)."""
        return await self._object(
            ep.DELETE_MESSAGE,
            ep.DELETE_MESSAGE.request_kwargs(
                partition_id=partition_id, transaction_id=transaction_id
            ),
        )

    async def retry_message(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Re-deliver a dead-lettered message; ``queen_server`` only."""
        return await self._object(
            ep.RETRY_MESSAGE,
            ep.RETRY_MESSAGE.request_kwargs(
                partition_id=partition_id, transaction_id=transaction_id
            ),
        )

    async def move_message_to_dlq(self, partition_id: str, transaction_id: str) -> dict[str, Any]:
        """Dead-letter a message; ``queen_server`` only."""
        return await self._object(
            ep.MOVE_MESSAGE_TO_DLQ,
            ep.MOVE_MESSAGE_TO_DLQ.request_kwargs(
                partition_id=partition_id, transaction_id=transaction_id
            ),
        )

    # --- traces ----------------------------------------------------------------------------
    async def get_traces_for_message(
        self, partition_id: str, transaction_id: str
    ) -> dict[str, Any]:
        """``{"traces": [...]}`` recorded on one message, oldest first."""
        return await self._object(
            ep.GET_MESSAGE_TRACES,
            ep.GET_MESSAGE_TRACES.request_kwargs(
                partition_id=partition_id, transaction_id=transaction_id
            ),
            empty={"traces": []},
        )

    async def get_traces_by_name(
        self, name: str, *, limit: int | None = None, offset: int | None = None
    ) -> dict[str, Any]:
        """``{"traces", "total", "pagination"}`` for one trace name."""
        result = await self._object(
            ep.GET_TRACES_BY_NAME,
            ep.GET_TRACES_BY_NAME.request_kwargs(trace_name=name, limit=limit, offset=offset),
        )
        if result.get("traces") is None:
            result["traces"] = []
        return result

    async def get_trace_names(
        self, *, limit: int | None = None, offset: int | None = None
    ) -> dict[str, Any]:
        """``{"trace_names", "total", "pagination"}``, most recently seen first."""
        return await self._object(
            ep.LIST_TRACE_NAMES,
            ep.LIST_TRACE_NAMES.request_kwargs(limit=limit, offset=offset),
            empty={"trace_names": []},
        )

    # --- consumer groups -------------------------------------------------------------------
    async def list_consumer_groups(self) -> list[dict[str, Any]]:
        """One entry per (group, queue) pair with lag and subscription."""
        return await self._list(ep.LIST_CONSUMER_GROUPS, ep.LIST_CONSUMER_GROUPS.request_kwargs())

    async def get_consumer_group(self, group: str) -> dict[str, Any]:
        """The group's partitions per queue (``{}`` for an unknown group)."""
        return await self._object(
            ep.GET_CONSUMER_GROUP, ep.GET_CONSUMER_GROUP.request_kwargs(group=_group(group))
        )

    async def get_lagging_consumers(self, min_lag_seconds: int = 3600) -> list[dict[str, Any]]:
        """Partitions whose oldest unconsumed message is older than ``min_lag_seconds``."""
        return await self._list(
            ep.LIST_LAGGING_CONSUMER_GROUPS,
            ep.LIST_LAGGING_CONSUMER_GROUPS.request_kwargs(min_lag_seconds=min_lag_seconds),
        )

    async def delete_consumer_group(
        self, group: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete the group's cursors everywhere (and its subscription metadata)."""
        return await self._object(
            ep.DELETE_CONSUMER_GROUP,
            ep.DELETE_CONSUMER_GROUP.request_kwargs(
                group=_group(group), delete_metadata=delete_metadata
            ),
            empty={"success": True},
        )

    async def delete_consumer_group_for_queue(
        self, group: str, queue: str, delete_metadata: bool = True
    ) -> dict[str, Any]:
        """Delete the group's cursors on one queue."""
        return await self._object(
            ep.DELETE_CONSUMER_GROUP_FOR_QUEUE,
            ep.DELETE_CONSUMER_GROUP_FOR_QUEUE.request_kwargs(
                group=_group(group), queue=_queue(queue), delete_metadata=delete_metadata
            ),
            empty={"success": True},
        )

    async def update_consumer_group_subscription(
        self, group: str, timestamp: str
    ) -> dict[str, Any]:
        """Set the subscription start of the group (partitions not read yet)."""
        return await self._object(
            ep.UPDATE_CONSUMER_GROUP_SUBSCRIPTION,
            ep.UPDATE_CONSUMER_GROUP_SUBSCRIPTION.request_kwargs(
                group=_group(group),
                body={"subscriptionTimestamp": check_timestamp("timestamp", timestamp)},
            ),
            empty={"success": True},
        )

    async def seek_consumer_group(
        self, group: str, queue: str, *, timestamp: str | None = None, to_end: bool = False
    ) -> dict[str, Any]:
        """Move the group's cursors on ``queue`` to a timestamp, or to the end."""
        body: SeekToEndRequest | SeekToTimestampRequest
        if to_end:
            body = {"toEnd": True}
        elif timestamp is not None:
            body = {"timestamp": check_timestamp("timestamp", timestamp)}
        else:
            raise QueenConfigError("seek_consumer_group() needs timestamp=... or to_end=True")
        return await self._object(
            ep.SEEK_CONSUMER_GROUP,
            ep.SEEK_CONSUMER_GROUP.request_kwargs(
                group=_group(group), queue=_queue(queue), body=body
            ),
        )

    async def seek_consumer_group_partition(
        self, group: str, queue: str, partition: str
    ) -> dict[str, Any]:
        """Move the group's cursor on one partition to its newest message."""
        return await self._object(
            ep.SEEK_CONSUMER_GROUP_PARTITION,
            ep.SEEK_CONSUMER_GROUP_PARTITION.request_kwargs(
                group=_group(group),
                queue=_queue(queue),
                partition=check_name("partition name", partition),
            ),
        )

    async def refresh_consumer_stats(self) -> dict[str, Any]:
        """Recompute the statistics tables now."""
        return await self._object(ep.REFRESH_STATS, ep.REFRESH_STATS.request_kwargs())

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
        return await self._object(
            ep.GET_STATUS,
            ep.GET_STATUS.request_kwargs(
                from_=from_, to=to, queue=queue, namespace=namespace, task=task
            ),
        )

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
        return await self._object(
            ep.LIST_STATUS_QUEUES,
            ep.LIST_STATUS_QUEUES.request_kwargs(
                namespace=namespace, task=task, limit=limit, offset=offset, from_=from_, to=to
            ),
            empty={"queues": []},
        )

    async def get_queue_detail(self, name: str) -> dict[str, Any]:
        """Status of one queue with its partitions."""
        return await self._object(
            ep.GET_STATUS_QUEUE, ep.GET_STATUS_QUEUE.request_kwargs(queue=_queue(name))
        )

    async def get_queue_messages(
        self, name: str, *, limit: int | None = None, offset: int | None = None
    ) -> list[dict[str, Any]]:
        """The queue's messages with their status, newest first."""
        return await self._list(
            ep.LIST_STATUS_QUEUE_MESSAGES,
            ep.LIST_STATUS_QUEUE_MESSAGES.request_kwargs(
                queue=_queue(name), limit=limit, offset=offset
            ),
        )

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
        return await self._object(
            ep.GET_STATUS_ANALYTICS,
            ep.GET_STATUS_ANALYTICS.request_kwargs(
                from_=from_, to=to, queue=queue, namespace=namespace, task=task, interval=interval
            ),
        )

    async def get_buffer_status(self) -> dict[str, Any]:
        """Server-side file buffer status."""
        return await self._object(ep.GET_STATUS_BUFFERS, ep.GET_STATUS_BUFFERS.request_kwargs())

    async def get_system_metrics(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        hostname: str | None = None,
        worker_id: str | None = None,
    ) -> dict[str, Any]:
        """Per-replica system metrics time series."""
        return await self._object(
            ep.GET_SYSTEM_METRICS,
            ep.GET_SYSTEM_METRICS.request_kwargs(
                from_=from_, to=to, hostname=hostname, worker_id=worker_id
            ),
        )

    async def get_worker_metrics(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        hostname: str | None = None,
        worker_id: str | None = None,
    ) -> dict[str, Any]:
        """Per-worker metrics time series."""
        return await self._object(
            ep.GET_WORKER_METRICS,
            ep.GET_WORKER_METRICS.request_kwargs(
                from_=from_, to=to, hostname=hostname, worker_id=worker_id
            ),
        )

    async def get_queue_lag(
        self, *, from_: str | None = None, to: str | None = None, queue: str | None = None
    ) -> list[dict[str, Any]]:
        """Pop lag per queue and time bucket."""
        return await self._list(
            ep.GET_QUEUE_LAG, ep.GET_QUEUE_LAG.request_kwargs(from_=from_, to=to, queue=queue)
        )

    async def get_queue_ops(
        self, *, from_: str | None = None, to: str | None = None, queue: str | None = None
    ) -> dict[str, Any]:
        """Push/pop/ack operation series per queue."""
        return await self._object(
            ep.GET_QUEUE_OPS, ep.GET_QUEUE_OPS.request_kwargs(from_=from_, to=to, queue=queue)
        )

    async def get_retention_analytics(
        self, *, from_: str | None = None, to: str | None = None, queue: str | None = None
    ) -> dict[str, Any]:
        """Retention and eviction series."""
        return await self._object(
            ep.GET_RETENTION_ANALYTICS,
            ep.GET_RETENTION_ANALYTICS.request_kwargs(from_=from_, to=to, queue=queue),
        )

    async def get_postgres_stats(self) -> dict[str, Any]:
        """Database cache, vacuum and size statistics."""
        return await self._object(ep.GET_POSTGRES_STATS, ep.GET_POSTGRES_STATS.request_kwargs())

    # --- system and health -----------------------------------------------------------------
    async def health(self) -> dict[str, Any]:
        """``{"status": "healthy", "database": "connected", ...}``."""
        return await self._object(ep.GET_HEALTH, ep.GET_HEALTH.request_kwargs())

    async def metrics(self) -> dict[str, Any]:
        """The JSON metrics object of ``/metrics``."""
        return await self._object(ep.GET_METRICS, ep.GET_METRICS.request_kwargs())

    async def prometheus_metrics(self) -> str:
        """The Prometheus text exposition of ``/metrics/prometheus``."""
        kwargs = ep.GET_PROMETHEUS_METRICS.request_kwargs()
        result = await self._core.send(ep.GET_PROMETHEUS_METRICS, kwargs)
        return result if isinstance(result, str) else ""

    async def get_maintenance_mode(self) -> dict[str, Any]:
        """``{"maintenanceMode", "popMaintenanceMode", "bufferedMessages", ...}``."""
        return await self._object(ep.GET_MAINTENANCE, ep.GET_MAINTENANCE.request_kwargs())

    async def set_maintenance_mode(self, enabled: bool) -> dict[str, Any]:
        """Turn push maintenance mode on or off."""
        return await self._object(
            ep.SET_MAINTENANCE, ep.SET_MAINTENANCE.request_kwargs(body={"enabled": bool(enabled)})
        )

    async def get_pop_maintenance_mode(self) -> dict[str, Any]:
        """``{"popMaintenanceMode": bool, ...}``."""
        return await self._object(ep.GET_POP_MAINTENANCE, ep.GET_POP_MAINTENANCE.request_kwargs())

    async def set_pop_maintenance_mode(self, enabled: bool) -> dict[str, Any]:
        """Turn pop maintenance mode on or off."""
        return await self._object(
            ep.SET_POP_MAINTENANCE,
            ep.SET_POP_MAINTENANCE.request_kwargs(body={"enabled": bool(enabled)}),
        )

    async def get_shared_state(self) -> dict[str, Any]:
        """Cluster-sync statistics."""
        return await self._object(ep.GET_SHARED_STATE, ep.GET_SHARED_STATE.request_kwargs())
