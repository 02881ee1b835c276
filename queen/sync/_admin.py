"""``queen.sync.Queen.admin``: the admin calls of :class:`queen.Admin`, blocking.

Every method has the async method's parameters, docstring and result; it runs that method on
the client's loop and waits for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, TypeVar

from typing_extensions import ParamSpec

from .. import admin as aio

if TYPE_CHECKING:
    from ._client import Queen

P = ParamSpec("P")
T = TypeVar("T")


def _blocking(
    method: Callable[Concatenate[aio.Admin, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[Admin, P], T]:
    """The blocking twin of an async ``Admin`` method (same signature and docstring)."""

    @functools.wraps(method)
    def call(self: Admin, /, *args: P.args, **kwargs: P.kwargs) -> T:
        bound = functools.partial(method, self._async, *args, **kwargs)
        return self._client._run(method.__name__, bound)

    return call


class Admin:
    """Admin API of a blocking client (``queen.admin``): inspection and administration."""

    __slots__ = ("_async", "_client")

    def __init__(self, client: Queen, admin: aio.Admin) -> None:
        self._client = client
        self._async = admin

    get_overview = _blocking(aio.Admin.get_overview)
    list_queues = _blocking(aio.Admin.list_queues)
    get_queue = _blocking(aio.Admin.get_queue)
    delete_queue = _blocking(aio.Admin.delete_queue)
    get_namespaces = _blocking(aio.Admin.get_namespaces)
    get_tasks = _blocking(aio.Admin.get_tasks)
    get_partitions = _blocking(aio.Admin.get_partitions)
    clear_queue = _blocking(aio.Admin.clear_queue)
    list_messages = _blocking(aio.Admin.list_messages)
    get_message = _blocking(aio.Admin.get_message)
    delete_message = _blocking(aio.Admin.delete_message)
    retry_message = _blocking(aio.Admin.retry_message)
    move_message_to_dlq = _blocking(aio.Admin.move_message_to_dlq)
    get_traces_for_message = _blocking(aio.Admin.get_traces_for_message)
    get_traces_by_name = _blocking(aio.Admin.get_traces_by_name)
    get_trace_names = _blocking(aio.Admin.get_trace_names)
    list_consumer_groups = _blocking(aio.Admin.list_consumer_groups)
    get_consumer_group = _blocking(aio.Admin.get_consumer_group)
    get_lagging_consumers = _blocking(aio.Admin.get_lagging_consumers)
    delete_consumer_group = _blocking(aio.Admin.delete_consumer_group)
    delete_consumer_group_for_queue = _blocking(aio.Admin.delete_consumer_group_for_queue)
    update_consumer_group_subscription = _blocking(aio.Admin.update_consumer_group_subscription)
    seek_consumer_group = _blocking(aio.Admin.seek_consumer_group)
    seek_consumer_group_partition = _blocking(aio.Admin.seek_consumer_group_partition)
    refresh_consumer_stats = _blocking(aio.Admin.refresh_consumer_stats)

    def get_status(self, **filters: Any) -> dict[str, Any]:
        """Dashboard status (``from``/``to`` as ``from_``/``to``, ``queue``, ...)."""
        return self._client._run("get_status", functools.partial(self._async.get_status, **filters))

    def get_queue_stats(self, **filters: Any) -> dict[str, Any]:
        """``{"queues": [...], "pagination": ...}``."""
        return self._client._run(
            "get_queue_stats", functools.partial(self._async.get_queue_stats, **filters)
        )

    get_queue_detail = _blocking(aio.Admin.get_queue_detail)

    def get_queue_messages(self, name: str, **filters: Any) -> list[dict[str, Any]]:
        """The queue's messages with their status, newest first."""
        return self._client._run(
            "get_queue_messages", functools.partial(self._async.get_queue_messages, name, **filters)
        )

    def get_analytics(self, **filters: Any) -> dict[str, Any]:
        """Message counts over time (``interval`` minute/hour/day)."""
        return self._client._run(
            "get_analytics", functools.partial(self._async.get_analytics, **filters)
        )

    get_buffer_status = _blocking(aio.Admin.get_buffer_status)

    def get_system_metrics(self, **filters: Any) -> dict[str, Any]:
        """Per-replica system metrics time series."""
        return self._client._run(
            "get_system_metrics", functools.partial(self._async.get_system_metrics, **filters)
        )

    def get_worker_metrics(self, **filters: Any) -> dict[str, Any]:
        """Per-worker metrics time series."""
        return self._client._run(
            "get_worker_metrics", functools.partial(self._async.get_worker_metrics, **filters)
        )

    def get_queue_lag(self, **filters: Any) -> list[dict[str, Any]]:
        """Pop lag per queue and time bucket."""
        return self._client._run(
            "get_queue_lag", functools.partial(self._async.get_queue_lag, **filters)
        )

    def get_queue_ops(self, **filters: Any) -> dict[str, Any]:
        """Push/pop/ack operation series per queue."""
        return self._client._run(
            "get_queue_ops", functools.partial(self._async.get_queue_ops, **filters)
        )

    def get_retention_analytics(self, **filters: Any) -> dict[str, Any]:
        """Retention and eviction series."""
        return self._client._run(
            "get_retention_analytics",
            functools.partial(self._async.get_retention_analytics, **filters),
        )

    get_postgres_stats = _blocking(aio.Admin.get_postgres_stats)
    health = _blocking(aio.Admin.health)
    metrics = _blocking(aio.Admin.metrics)
    prometheus_metrics = _blocking(aio.Admin.prometheus_metrics)
    get_maintenance_mode = _blocking(aio.Admin.get_maintenance_mode)
    set_maintenance_mode = _blocking(aio.Admin.set_maintenance_mode)
    get_pop_maintenance_mode = _blocking(aio.Admin.get_pop_maintenance_mode)
    set_pop_maintenance_mode = _blocking(aio.Admin.set_pop_maintenance_mode)
    get_shared_state = _blocking(aio.Admin.get_shared_state)
