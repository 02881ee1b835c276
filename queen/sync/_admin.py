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
    from ._core import SyncCore

P = ParamSpec("P")
T = TypeVar("T")


def _blocking(
    method: Callable[Concatenate[aio.Admin, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[Admin, P], T]:
    """The blocking twin of an async ``Admin`` method (same signature and docstring)."""

    @functools.wraps(method)
    def call(self: Admin, /, *args: P.args, **kwargs: P.kwargs) -> T:
        bound = functools.partial(method, self._async, *args, **kwargs)
        return self._sync.run(method.__name__, bound)

    return call


class Admin:
    """Admin API of a blocking client (``queen.admin``): inspection and administration."""

    __slots__ = ("_async", "_sync")

    def __init__(self, sync: SyncCore, admin: aio.Admin) -> None:
        self._sync = sync
        self._async = admin

    def __repr__(self) -> str:
        return repr(self._async).replace("<queen.", "<queen.sync.", 1)

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

    get_status = _blocking(aio.Admin.get_status)
    get_queue_stats = _blocking(aio.Admin.get_queue_stats)
    get_queue_detail = _blocking(aio.Admin.get_queue_detail)
    get_queue_messages = _blocking(aio.Admin.get_queue_messages)
    get_analytics = _blocking(aio.Admin.get_analytics)
    get_buffer_status = _blocking(aio.Admin.get_buffer_status)
    get_system_metrics = _blocking(aio.Admin.get_system_metrics)
    get_worker_metrics = _blocking(aio.Admin.get_worker_metrics)
    get_queue_lag = _blocking(aio.Admin.get_queue_lag)
    get_queue_ops = _blocking(aio.Admin.get_queue_ops)
    get_retention_analytics = _blocking(aio.Admin.get_retention_analytics)
    get_postgres_stats = _blocking(aio.Admin.get_postgres_stats)
    health = _blocking(aio.Admin.health)
    metrics = _blocking(aio.Admin.metrics)
    prometheus_metrics = _blocking(aio.Admin.prometheus_metrics)
    get_maintenance_mode = _blocking(aio.Admin.get_maintenance_mode)
    set_maintenance_mode = _blocking(aio.Admin.set_maintenance_mode)
    get_pop_maintenance_mode = _blocking(aio.Admin.get_pop_maintenance_mode)
    set_pop_maintenance_mode = _blocking(aio.Admin.set_pop_maintenance_mode)
    get_shared_state = _blocking(aio.Admin.get_shared_state)
