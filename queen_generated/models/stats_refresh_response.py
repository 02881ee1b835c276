from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stats_refresh_response_cleanup import StatsRefreshResponseCleanup
    from ..models.stats_refresh_response_namespace import StatsRefreshResponseNamespace
    from ..models.stats_refresh_response_partition import StatsRefreshResponsePartition
    from ..models.stats_refresh_response_queue import StatsRefreshResponseQueue
    from ..models.stats_refresh_response_system import StatsRefreshResponseSystem
    from ..models.stats_refresh_response_task import StatsRefreshResponseTask


T = TypeVar("T", bound="StatsRefreshResponse")


@_attrs_define
class StatsRefreshResponse:
    """
    Attributes:
        partition (StatsRefreshResponsePartition | Unset):
        queue (StatsRefreshResponseQueue | Unset):
        namespace (StatsRefreshResponseNamespace | Unset):
        task (StatsRefreshResponseTask | Unset):
        system (StatsRefreshResponseSystem | Unset):
        cleanup (StatsRefreshResponseCleanup | Unset):
        skipped (bool | Unset):
        reason (str | Unset):
    """

    partition: StatsRefreshResponsePartition | Unset = UNSET
    queue: StatsRefreshResponseQueue | Unset = UNSET
    namespace: StatsRefreshResponseNamespace | Unset = UNSET
    task: StatsRefreshResponseTask | Unset = UNSET
    system: StatsRefreshResponseSystem | Unset = UNSET
    cleanup: StatsRefreshResponseCleanup | Unset = UNSET
    skipped: bool | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        partition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.partition, Unset):
            partition = self.partition.to_dict()

        queue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.queue, Unset):
            queue = self.queue.to_dict()

        namespace: dict[str, Any] | Unset = UNSET
        if not isinstance(self.namespace, Unset):
            namespace = self.namespace.to_dict()

        task: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task, Unset):
            task = self.task.to_dict()

        system: dict[str, Any] | Unset = UNSET
        if not isinstance(self.system, Unset):
            system = self.system.to_dict()

        cleanup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cleanup, Unset):
            cleanup = self.cleanup.to_dict()

        skipped = self.skipped

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if partition is not UNSET:
            field_dict["partition"] = partition
        if queue is not UNSET:
            field_dict["queue"] = queue
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if task is not UNSET:
            field_dict["task"] = task
        if system is not UNSET:
            field_dict["system"] = system
        if cleanup is not UNSET:
            field_dict["cleanup"] = cleanup
        if skipped is not UNSET:
            field_dict["skipped"] = skipped
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stats_refresh_response_cleanup import StatsRefreshResponseCleanup
        from ..models.stats_refresh_response_namespace import (
            StatsRefreshResponseNamespace,
        )
        from ..models.stats_refresh_response_partition import (
            StatsRefreshResponsePartition,
        )
        from ..models.stats_refresh_response_queue import StatsRefreshResponseQueue
        from ..models.stats_refresh_response_system import StatsRefreshResponseSystem
        from ..models.stats_refresh_response_task import StatsRefreshResponseTask

        d = dict(src_dict)
        _partition = d.pop("partition", UNSET)
        partition: StatsRefreshResponsePartition | Unset
        if isinstance(_partition, Unset):
            partition = UNSET
        else:
            partition = StatsRefreshResponsePartition.from_dict(_partition)

        _queue = d.pop("queue", UNSET)
        queue: StatsRefreshResponseQueue | Unset
        if isinstance(_queue, Unset):
            queue = UNSET
        else:
            queue = StatsRefreshResponseQueue.from_dict(_queue)

        _namespace = d.pop("namespace", UNSET)
        namespace: StatsRefreshResponseNamespace | Unset
        if isinstance(_namespace, Unset):
            namespace = UNSET
        else:
            namespace = StatsRefreshResponseNamespace.from_dict(_namespace)

        _task = d.pop("task", UNSET)
        task: StatsRefreshResponseTask | Unset
        if isinstance(_task, Unset):
            task = UNSET
        else:
            task = StatsRefreshResponseTask.from_dict(_task)

        _system = d.pop("system", UNSET)
        system: StatsRefreshResponseSystem | Unset
        if isinstance(_system, Unset):
            system = UNSET
        else:
            system = StatsRefreshResponseSystem.from_dict(_system)

        _cleanup = d.pop("cleanup", UNSET)
        cleanup: StatsRefreshResponseCleanup | Unset
        if isinstance(_cleanup, Unset):
            cleanup = UNSET
        else:
            cleanup = StatsRefreshResponseCleanup.from_dict(_cleanup)

        skipped = d.pop("skipped", UNSET)

        reason = d.pop("reason", UNSET)

        stats_refresh_response = cls(
            partition=partition,
            queue=queue,
            namespace=namespace,
            task=task,
            system=system,
            cleanup=cleanup,
            skipped=skipped,
            reason=reason,
        )

        stats_refresh_response.additional_properties = d
        return stats_refresh_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
